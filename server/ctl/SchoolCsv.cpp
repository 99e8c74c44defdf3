#include "ctl/SchoolCsv.h"

#include "schema/Schema.h"
#include "text/TextUtil.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace emis::server {
namespace {

// Records of a CSV text; a quoted field may hold commas, quotes ("") and line breaks.
std::vector<std::pair<int, std::vector<std::string>>> records(const std::string &s)
{
    std::vector<std::pair<int, std::vector<std::string>>> out;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    int line = 1;
    int recordLine = 1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
                ++i;
            fields.push_back(std::move(field));
            field.clear();
            out.emplace_back(recordLine, std::move(fields));
            fields.clear();
            recordLine = ++line;
        } else {
            field += c;
        }
    }
    if (!field.empty() || !fields.empty()) {
        fields.push_back(std::move(field));
        out.emplace_back(recordLine, std::move(fields));
    }
    return out;
}

std::string fieldForHeader(const schema::Table &table, std::string_view header)
{
    const std::string h = text::asciiLower(text::trim(header));
    for (const auto &f : table.fields) {
        if (h == f.name || h == f.labelZh || h == text::asciiLower(f.labelEn))
            return f.name;
        for (const auto &a : f.aliases)
            if (h == text::asciiLower(a))
                return f.name;
    }
    return {};
}

} // namespace

SchoolCsv SchoolCsv::read(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        SchoolCsv csv;
        csv.error = "cannot read " + path;
        return csv;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return parse(s.str());
}

SchoolCsv SchoolCsv::parse(const std::string &content)
{
    SchoolCsv csv;
    std::string_view body = content;
    if (text::startsWith(body, "\xEF\xBB\xBF"))
        body.remove_prefix(3);
    auto recs = records(std::string(body));
    if (recs.empty()) {
        csv.error = "the file is empty";
        return csv;
    }
    const schema::Table &table = *schema::findTable("schools");
    std::vector<std::string> columns;
    for (const auto &h : recs.front().second) {
        columns.push_back(fieldForHeader(table, h));
        if (columns.back().empty() && !text::trim(h).empty())
            csv.unknownColumns.emplace_back(text::trim(h));
    }
    for (const char *needed : {"code", "name", "school_type", "township"}) {
        if (std::find(columns.begin(), columns.end(), needed) == columns.end()) {
            csv.error = std::string("no column for ") + table.field(needed)->labelZh + " (" + needed + ")";
            return csv;
        }
    }
    for (std::size_t r = 1; r < recs.size(); ++r) {
        const auto &[line, fields] = recs[r];
        bool blank = true;
        SchoolCsvRow row{line, {}};
        for (std::size_t i = 0; i < fields.size() && i < columns.size(); ++i) {
            if (columns[i].empty())
                continue;
            row.raw[columns[i]] = std::string(text::trim(fields[i]));
            blank = blank && text::trim(fields[i]).empty();
        }
        if (!blank)
            csv.rows.push_back(std::move(row));
    }
    return csv;
}

} // namespace emis::server
