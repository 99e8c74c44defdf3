#pragma once

#include "schema/Schema.h"
#include "validate/RecordValidator.h"

#include <QMap>
#include <QSet>
#include <QWidget>

#include <vector>

class QLabel;
class QGridLayout;

namespace emis::school {

// A form for one record of any schema table, built from the table's fields: a line edit per text,
// date or number field, a combo box per coded or yes/no field, and beside each the reason the
// value is refused, in the clerk's language, updated as they type. Validation is the library's
// (normalizeRecord), so the form refuses exactly what the store would.
class RecordForm : public QWidget {
    Q_OBJECT
public:
    explicit RecordForm(const schema::Table &table, QWidget *parent = nullptr);

    const schema::Table &table() const { return m_table; }
    // The rows a reference field may name, as (label, id): its picker lists them by label, and
    // the clerk may also type a key the store resolves (学籍号, 身份证件号, 姓名 + 班级).
    void setReferenceChoices(const QString &fieldName, const std::vector<std::pair<QString, QString>> &choices);
    void setRecord(const validate::Record &values);
    // Field name -> the text the clerk typed (codes for combo boxes): what the repository takes.
    QMap<QString, QString> rawValues() const;

    // Validates the whole form; `showAll` also reports untouched empty required fields (on save).
    bool validateNow(bool showAll);
    bool isValid() const { return m_valid; }
    // The first field with an issue shown, for focus after a refused save.
    QWidget *firstInvalidEditor() const;

    QWidget *editor(const QString &fieldName) const { return m_editors.value(fieldName); }
    QString issueShown(const QString &fieldName) const;
    QString recordIssueShown() const;

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    QWidget *makeEditor(const schema::Field &field);
    QString textOf(const schema::Field &field) const;
    void touched(const QString &fieldName);

    const schema::Table &m_table;
    QGridLayout *m_grid = nullptr;
    QLabel *m_recordIssue = nullptr;
    QMap<QString, QWidget *> m_editors;
    QMap<QString, QLabel *> m_issues;
    QSet<QString> m_touched;
    bool m_valid = false;
    bool m_showAll = false;
};

} // namespace emis::school
