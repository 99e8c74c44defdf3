#pragma once

#include "Sheet.h"
#include "schema/Schema.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>
#include <string_view>
#include <vector>

namespace emis::io {

// Which source column feeds which field of a table. Made automatically from the header row
// (the field's Chinese label, English label or an alias, ignoring blanks, a trailing '*' that
// marks required columns in templates, full-width characters and case); the import wizard shows
// it and lets the clerk change it with setField().
class ColumnMapping {
    Q_DECLARE_TR_FUNCTIONS(ColumnMapping)
public:
    ColumnMapping() = default;
    ColumnMapping(const schema::Table &table, const QStringList &headers);
    // Uses the sheet's header row (call locateHeader first for files with titles on top).
    static ColumnMapping fromSheet(const schema::Table &table, const Sheet &sheet);

    // The first of the first `maxRows` rows that maps to at least two known columns: clerks put a
    // title and a date above the table. Sets the sheet's header index; false when none does.
    static bool locateHeader(Sheet &sheet, const schema::Table &table, int maxRows = 30);

    // The form in which headers are compared.
    static QString foldHeader(const QString &header);
    static const schema::Field *fieldForHeader(const schema::Table &table, const QString &header);

    const schema::Table *table() const { return m_table; }
    int columnCount() const { return int(m_headers.size()); }
    QString header(int column) const { return m_headers.value(column); }
    const schema::Field *field(int column) const;  // nullptr: the column is not imported
    int columnOf(std::string_view fieldName) const;  // -1 when no column feeds the field
    int mappedCount() const;

    // Maps `column` to `fieldName` ("" = do not import it). A field feeds from one column only,
    // so a column that fed it before is unmapped. False for an unknown field or column.
    bool setField(int column, std::string_view fieldName);

    // Columns with a header that matches no field, and columns whose field another column took
    // (but not those that name the same row as a reference's column, see alsoNaming).
    QList<int> unknownColumns() const;
    // Further columns naming the row of the reference `fieldName` (工号 and 身份证件号 beside 姓名
    // for a teacher): their headers name the same field, which another column took; a row is the
    // one they all name. A column the clerk set to "do not import" is not among them.
    QList<int> alsoNaming(std::string_view fieldName) const;
    // Required fields with no column and no default value: every row would be rejected.
    std::vector<const schema::Field *> missingRequired() const;

private:
    const schema::Table *m_table = nullptr;
    QStringList m_headers;
    std::vector<int> m_fieldByColumn;  // index into m_table->fields, -1 = not imported
    std::vector<bool> m_dropped;       // set to "do not import" by setField
};

} // namespace emis::io
