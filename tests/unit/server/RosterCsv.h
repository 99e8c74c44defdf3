#pragma once
// Reading back what the demo county wrote, as an importer would: UTF-8 with BOM, RFC 4180
// quoting, headers mapped to schema fields by their Chinese labels.
#include "schema/Schema.h"

#include <QFile>
#include <QString>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace emis::demo::test {

using Row = std::map<std::string, std::string, std::less<>>;  // field name -> text as written

struct Csv {
    bool bom = false;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// RFC 4180, as the rosters are written: quoted fields may hold commas, quotes and line breaks.
inline Csv parseCsv(const std::string &bytes)
{
    Csv csv;
    std::size_t i = 0;
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        csv.bom = true;
        i = 3;
    }
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> line;
    std::string cell;
    bool quoted = false;
    for (; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            line.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')
                ++i;
            line.push_back(std::move(cell));
            cell.clear();
            lines.push_back(std::move(line));
            line.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.empty() || !line.empty()) {
        line.push_back(std::move(cell));
        lines.push_back(std::move(line));
    }
    if (!lines.empty()) {
        csv.header = lines.front();
        csv.rows.assign(lines.begin() + 1, lines.end());
    }
    return csv;
}

inline std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

// Rows keyed by the schema field whose label is the column header.
inline std::vector<Row> rowsOf(const Csv &csv, const schema::Table &table)
{
    std::vector<std::string> fields;
    for (const auto &h : csv.header) {
        const auto it = std::find_if(table.fields.begin(), table.fields.end(),
                                     [&](const schema::Field &f) { return f.labelZh == h; });
        fields.push_back(it == table.fields.end() ? std::string("?") + h : it->name);
    }
    std::vector<Row> out;
    for (const auto &cells : csv.rows) {
        Row r;
        for (std::size_t i = 0; i < cells.size() && i < fields.size(); ++i)
            r[fields[i]] = cells[i];
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace emis::demo::test
