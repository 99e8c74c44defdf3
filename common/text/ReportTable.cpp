#include "text/ReportTable.h"

#include "text/JsonReader.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <vector>

namespace emis::text {
namespace {

using JsonValue = text::JsonValue;

// Totals that are not a column of the table, under the words a person reads.
struct TotalName {
    const char *key;
    const char *zh;
};
constexpr TotalName kTotalNames[] = {
    {"schools", "学校数"},           {"silent_schools", "超过天数未同步的学校"}, {"silent_days", "未同步天数标准"},
    {"same_id", "同号多籍"},         {"likely", "疑似重复"},                    {"teachers", "专任教师"},
    {"pupils", "在校生"},            {"rejected_changes", "被拒绝的修改"},       {"missing_required", "缺必填项被拒"},
};

std::string totalName(const std::string &key)
{
    for (const auto &t : kTotalNames)
        if (key == t.key)
            return t.zh;
    return key;
}

std::string timeText(const std::string &ms)
{
    const long long v = std::atoll(ms.c_str());
    if (v <= 0)
        return "从未";
    const std::time_t t = static_cast<std::time_t>(v / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}

std::string cellText(const std::string &key, const JsonValue *v)
{
    if (!v)
        return {};
    switch (v->kind) {
    case JsonValue::Kind::Null: return {};
    case JsonValue::Kind::Bool: return v->boolean ? "是" : "否";
    case JsonValue::Kind::Number: return key.size() > 3 && key.ends_with("_ms") ? timeText(v->text) : v->text;
    case JsonValue::Kind::String: return v->text;
    case JsonValue::Kind::Array:
    case JsonValue::Kind::Object: return {};
    }
    return {};
}

struct Column {
    std::string key, title;
    bool numeric = true;  // right-aligned: every cell a plain number
    std::size_t width = 0;
};

std::string pad(const std::string &s, std::size_t width, bool right)
{
    const std::size_t w = displayWidth(s);
    const std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

std::string line(const std::vector<Column> &columns, const std::vector<std::string> &cells)
{
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i)
            out += "  ";
        out += pad(cells[i], columns[i].width, columns[i].numeric);
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out + "\n";
}

} // namespace

std::size_t displayWidth(std::string_view s)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n;
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
        width += wide ? 2 : 1;
    }
    return width;
}

std::string reportTable(std::string_view json)
{
    const auto doc = text::parseJson(json);
    const JsonValue *columnList = doc ? doc->find("columns") : nullptr;
    const JsonValue *rows = doc ? doc->find("rows") : nullptr;
    if (!columnList || !rows)
        return {};
    const JsonValue *totals = doc->find("totals");

    std::vector<Column> columns;
    // The key column, when keys say something labels do not (a school's code under its name).
    const bool keyColumn = std::any_of(rows->items.begin(), rows->items.end(), [](const JsonValue &r) {
        const JsonValue *k = r.find("key"), *l = r.find("label");
        return k && !k->text.empty() && (!l || l->text != k->text);
    });
    if (keyColumn)
        columns.push_back({"key", "代码", false});
    for (const JsonValue &c : columnList->items)
        columns.push_back({c.find("key") ? c.find("key")->text : "", c.find("zh") ? c.find("zh")->text : "", true});

    std::vector<std::vector<std::string>> body;
    for (const JsonValue &r : rows->items) {
        std::vector<std::string> cells;
        for (Column &c : columns) {
            const JsonValue *v = r.find(c.key);
            cells.push_back(cellText(c.key, v));
            if (v && v->kind != JsonValue::Kind::Null && (!v->isNumber() || c.key.ends_with("_ms")))
                c.numeric = false;
        }
        body.push_back(std::move(cells));
    }
    std::vector<std::string> totalCells;
    std::vector<std::string> extraTotals;
    if (totals) {
        for (const Column &c : columns)
            totalCells.push_back(c.key == "label" ? "合计" : c.key == "key" ? "" : cellText(c.key, totals->find(c.key)));
        for (std::size_t i = 0; i < totals->keys.size(); ++i) {
            const std::string &k = totals->keys[i];
            if (std::none_of(columns.begin(), columns.end(), [&](const Column &c) { return c.key == k; }))
                extraTotals.push_back(totalName(k) + " " + cellText(k, &totals->items[i]));
        }
    }
    columns[keyColumn ? 1 : 0].numeric = false;  // the label column reads left to right
    for (std::size_t i = 0; i < columns.size(); ++i) {
        columns[i].width = displayWidth(columns[i].title);
        for (const auto &cells : body)
            columns[i].width = std::max(columns[i].width, displayWidth(cells[i]));
        if (!totalCells.empty())
            columns[i].width = std::max(columns[i].width, displayWidth(totalCells[i]));
    }

    std::string out;
    const JsonValue *zh = doc->find("title_zh"), *en = doc->find("title_en"), *params = doc->find("params");
    out += (zh ? zh->text : "") + (en ? "  " + en->text : "");
    if (params)
        for (std::size_t i = 0; i < params->keys.size(); ++i)
            out += "  " + params->keys[i] + "=" + params->items[i].text;
    out += "\n";
    std::vector<std::string> titles;
    std::size_t total = 0;
    for (const Column &c : columns) {
        titles.push_back(c.title);
        total += c.width + (total ? 2 : 0);
    }
    const std::string rule = std::string(total, '-') + "\n";
    out += line(columns, titles) + rule;
    for (std::size_t r = 0; r < body.size(); ++r) {
        out += line(columns, body[r]);
        // A row's list (the records of a 一人一籍 case), one item a line under it.
        const JsonValue &row = rows->items[r];
        for (std::size_t i = 0; i < row.keys.size(); ++i) {
            if (row.items[i].kind != JsonValue::Kind::Array)
                continue;
            for (const JsonValue &item : row.items[i].items) {
                std::string text = "    ";
                for (std::size_t k = 0; k < item.keys.size(); ++k) {
                    if (item.keys[k] == "row_id")  // an id means nothing to a person
                        continue;
                    if (const std::string cell = cellText(item.keys[k], &item.items[k]); !cell.empty())
                        text += cell + "  ";
                }
                while (!text.empty() && text.back() == ' ')
                    text.pop_back();
                out += text + "\n";
            }
        }
    }
    if (body.empty())
        out += "（无）\n";
    // The 合计 line, when the totals fill any column besides it.
    if (std::count_if(totalCells.begin(), totalCells.end(), [](const std::string &c) { return !c.empty(); }) > 1)
        out += rule + line(columns, totalCells);
    for (std::size_t i = 0; i < extraTotals.size(); ++i)
        out += (i ? "；" : "") + extraTotals[i];
    if (!extraTotals.empty())
        out += "\n";
    return out;
}

} // namespace emis::text
