#pragma once

#include <map>
#include <string>
#include <vector>

namespace emis::server {

// A schools roster from a .csv file: UTF-8 with or without a BOM, comma-separated with RFC 4180
// quoting, a header row naming the columns (学校标识码, 学校名称, 办学类型, 所在乡镇, or any label or
// alias the schema gives those fields).
struct SchoolCsvRow {
    int line = 0;  // 1-based line in the file, as a clerk counts
    std::map<std::string, std::string, std::less<>> raw;  // field name -> text
};

struct SchoolCsv {
    std::vector<SchoolCsvRow> rows;
    std::vector<std::string> unknownColumns;
    std::string error;  // non-empty when the file cannot be used at all

    static SchoolCsv read(const std::string &path);
    static SchoolCsv parse(const std::string &content);
};

} // namespace emis::server
