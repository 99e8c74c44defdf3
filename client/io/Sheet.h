#pragma once

#include <QList>
#include <QString>

#include <algorithm>

namespace emis::io {

// What the source file said a cell was. Only .xlsx carries kinds; every CSV cell is Text.
enum class CellKind { Empty, Text, Number, Date, Bool };

struct Cell {
    QString text;  // Text as written; Number as the digits the file stored (3.60429200911281E+17
                   // stays as it is); Date as YYYY-MM-DD; Bool as TRUE/FALSE
    CellKind kind = CellKind::Empty;

    bool isEmpty() const { return text.trimmed().isEmpty(); }
};

struct SheetRow {
    int line = 0;        // as the clerk sees it: CSV physical line (header = 1), xlsx row number
    QList<Cell> cells;   // by column, 0 = A; trailing empty cells are not stored
};

// One table of a file: every non-blank row as read, and which of them is the header. Readers fill
// it with the header at row 0; ColumnMapping::locateHeader moves it below any title rows.
class Sheet {
public:
    QString name;           // the worksheet's name; for CSV the file's base name
    QList<SheetRow> rows;   // blank rows are left out, so rows[i].line may skip numbers

    int headerIndex() const { return m_header; }
    void setHeaderIndex(int index) { m_header = index; }
    const SheetRow *header() const { return m_header < rows.size() ? &rows[m_header] : nullptr; }
    int dataRowCount() const { return rows.size() > m_header ? int(rows.size()) - m_header - 1 : 0; }
    const SheetRow &dataRow(int i) const { return rows[m_header + 1 + i]; }
    int columnCount() const
    {
        qsizetype n = 0;
        for (const auto &r : rows)
            n = std::max(n, r.cells.size());
        return int(n);
    }

private:
    int m_header = 0;
};

} // namespace emis::io
