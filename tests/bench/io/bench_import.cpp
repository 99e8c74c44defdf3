// bench_import [pupils] [runs]: prints how long emis_io takes to turn a school's roster into
// normalized records, and how long openpyxl takes only to read the same file.
#include "ColumnMapping.h"
#include "CsvExporter.h"
#include "ImportPlan.h"
#include "SheetFile.h"
#include "XlsxWriterApi.h"
#include "validate/IdNumber.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace emis;
using namespace emis::io;

namespace {

const char *const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"};
const char *const kGiven[] = {"梓", "涵", "浩", "宇", "欣", "怡", "子", "轩", "雨", "晨", "佳", "俊", "文", "博", "思", "嘉"};
const char *const kGrades[] = {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级"};

// A roster as a clerk's spreadsheet holds it: birth dates as date cells, phones as numbers,
// ID numbers as text (valid GB 11643 numbers with their check character).
bool writeRoster(const QString &path, int pupils)
{
    QString error;
    const XlsxWriterApi *lxw = XlsxWriterApi::get(&error);
    if (!lxw) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    lxw_workbook *wb = lxw->workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet *ws = lxw->workbook_add_worksheet(wb, "学生名册");
    lxw_format *date = lxw->workbook_add_format(wb);
    lxw->format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *text = lxw->workbook_add_format(wb);
    lxw->format_set_num_format(text, "@");
    const char *headers[] = {"学籍号", "姓名", "性别", "出生日期", "身份证件号", "民族", "年级", "班级",
                             "入学年月", "家庭住址", "监护人姓名", "监护人电话", "是否留守儿童", "是否寄宿"};
    for (lxw_col_t c = 0; c < std::size(headers); ++c)
        lxw->worksheet_write_string(ws, 0, c, headers[c], nullptr);
    std::mt19937 rng(20160901);
    const auto pick = [&](auto &list) { return list[rng() % std::size(list)]; };
    for (int i = 0; i < pupils; ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        const int grade = i * 9 / pupils;  // 0..8
        const int year = 2009 - grade, month = 1 + int(rng() % 12), day = 1 + int(rng() % 28);
        const bool male = rng() % 2;
        const int sexDigit = (i % 5) * 2 + (male ? 1 : 0);  // odd for boys
        char body[32];
        // Region and sequence from i, so no two pupils share an ID number (up to 9,000 pupils).
        std::snprintf(body, sizeof body, "3604%02d%04d%02d%02d%02d%d", 1 + i % 90, year, month, day, (i / 90) % 100,
                      sexDigit);
        const std::string id = std::string(body, 17) + validate::idCheckCharacter(std::string_view(body, 17));
        const std::string name = std::string(pick(kSurnames)) + pick(kGiven) + pick(kGiven);
        const std::string studentNo = "G" + id;
        lxw->worksheet_write_string(ws, row, 0, studentNo.c_str(), text);
        lxw->worksheet_write_string(ws, row, 1, name.c_str(), nullptr);
        lxw->worksheet_write_string(ws, row, 2, male ? "男" : "女", nullptr);
        lxw_datetime birth = {year, month, day, 0, 0, 0};
        lxw->worksheet_write_datetime(ws, row, 3, &birth, date);
        lxw->worksheet_write_string(ws, row, 4, id.c_str(), text);
        lxw->worksheet_write_string(ws, row, 5, "汉族", nullptr);
        lxw->worksheet_write_string(ws, row, 6, kGrades[grade], nullptr);
        lxw->worksheet_write_string(ws, row, 7, (std::to_string(1 + i % 6) + "班").c_str(), nullptr);
        lxw->worksheet_write_string(ws, row, 8, (std::to_string(2016 - grade) + "-09").c_str(), nullptr);
        lxw->worksheet_write_string(ws, row, 9, "江西省九江市湖口县双钟镇", nullptr);
        lxw->worksheet_write_string(ws, row, 10, (std::string(pick(kSurnames)) + pick(kGiven)).c_str(), nullptr);
        lxw->worksheet_write_number(ws, row, 11, 13800000000.0 + i, nullptr);
        lxw->worksheet_write_string(ws, row, 12, rng() % 5 ? "否" : "是", nullptr);
        lxw->worksheet_write_string(ws, row, 13, rng() % 3 ? "否" : "是", nullptr);
    }
    return lxw->workbook_close(wb) == LXW_NO_ERROR;
}

struct Timing {
    double readMs = 0, mapMs = 0, planMs = 0;
    double total() const { return readMs + mapMs + planMs; }
    std::size_t accepted = 0, rejected = 0;
};

Timing importOnce(const QString &path)
{
    const schema::Table &students = *schema::findTable("students");
    Timing t;
    QElapsedTimer clock;
    clock.start();
    auto sheet = SheetFile::read(path);
    t.readMs = double(clock.nsecsElapsed()) / 1e6;
    if (!sheet) {
        std::fprintf(stderr, "%s\n", qPrintable(sheet.error()));
        return t;
    }
    clock.restart();
    ColumnMapping::locateHeader(sheet.value(), students);
    const auto mapping = ColumnMapping::fromSheet(students, sheet.value());
    t.mapMs = double(clock.nsecsElapsed()) / 1e6;
    clock.restart();
    auto plan = ImportPlan::build(sheet.value(), mapping);
    t.planMs = double(clock.nsecsElapsed()) / 1e6;
    if (plan) {
        t.accepted = plan->accepted.size();
        t.rejected = plan->rejected.size();
    }
    return t;
}

Timing median(const QString &path, int runs)
{
    std::vector<Timing> all;
    for (int i = 0; i < runs; ++i)
        all.push_back(importOnce(path));
    std::sort(all.begin(), all.end(), [](const Timing &a, const Timing &b) { return a.total() < b.total(); });
    return all[all.size() / 2];
}

// openpyxl only reads the cells (no mapping, no validation): the floor a Python importer starts from.
double openpyxlSeconds(const QString &path, bool readOnly)
{
    QString python = QStringLiteral("/usr/bin/python3");  // Debian's, where python3-openpyxl lives
    if (!QFile::exists(python))
        python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QString script = QStringLiteral(
                               "import sys, time, openpyxl\n"
                               "t = time.perf_counter()\n"
                               "wb = openpyxl.load_workbook(sys.argv[1], read_only=%1)\n"
                               "n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))\n"
                               "print(time.perf_counter() - t, n)\n")
                               .arg(readOnly ? QStringLiteral("True") : QStringLiteral("False"));
    QProcess p;
    p.start(python, {QStringLiteral("-c"), script, path});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        std::fprintf(stderr, "openpyxl run failed: %s\n", p.readAllStandardError().constData());
        return -1;
    }
    return QString::fromUtf8(p.readAllStandardOutput()).section(u' ', 0, 0).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int pupils = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3000;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    QTemporaryDir dir;
    const QString xlsx = dir.filePath(QStringLiteral("roster.xlsx"));
    if (!writeRoster(xlsx, pupils))
        return 1;
    std::printf("roster: %d pupils, %lld bytes (.xlsx, libxlsxwriter, date cells, shared strings)\n", pupils,
                static_cast<long long>(QFile(xlsx).size()));

    const Timing x = median(xlsx, runs);
    std::printf("emis_io .xlsx  read %7.1f ms  map %5.1f ms  normalize %7.1f ms  total %7.1f ms  "
                "(median of %d; %zu accepted, %zu rejected)\n",
                x.readMs, x.mapMs, x.planMs, x.total(), runs, x.accepted, x.rejected);

    // The same pupils as the CSV a clerk's Excel would save (GB18030) and as UTF-8 with BOM.
    auto plan = ImportPlan::fromFile(xlsx, *schema::findTable("students"));
    std::vector<validate::Record> rows;
    for (const auto &r : plan->accepted)
        rows.push_back(r.record);
    for (const auto encoding : {TextEncoding::Gb18030, TextEncoding::Utf8Bom}) {
        const QString csv = dir.filePath(QStringLiteral("roster.csv"));
        CsvExporter::Options options;
        options.encoding = encoding;
        CsvExporter::write(csv, *schema::findTable("students"), rows, options);
        const Timing c = median(csv, runs);
        std::printf("emis_io CSV %-8s read %7.1f ms  map %5.1f ms  normalize %7.1f ms  total %7.1f ms\n",
                    encoding == TextEncoding::Gb18030 ? "GB18030" : "UTF-8", c.readMs, c.mapMs, c.planMs, c.total());
    }

    const double py = openpyxlSeconds(xlsx, false);
    const double pyRo = openpyxlSeconds(xlsx, true);
    std::printf("openpyxl read only (no mapping, no checks): load_workbook %7.1f ms, read_only=True %7.1f ms\n",
                py * 1000, pyRo * 1000);
    std::printf("target: 3,000 pupils end to end <= 2000 ms: %s\n", x.total() <= 2000 ? "met" : "MISSED");
    return x.accepted + x.rejected == std::size_t(pupils) ? 0 : 1;
}
