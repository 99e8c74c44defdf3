// ImportPlan on the fixtures: the dirty file's rejections exactly as expected.csv lists them,
// the four student files as the same 90 pupils, the staff roster, and the plan's guarantees.
#include "CsvReader.h"
#include "ImportPlan.h"
#include "RecordDiff.h"
#include "RequireXlsxWriter.h"
#include "SheetFile.h"
#include "XlsxWriterApi.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::io;

namespace {

const schema::Table &students() { return *schema::findTable("students"); }

QString fixture(const char *name) { return QStringLiteral(EMIS_FIXTURES_DIR "/") + QString::fromUtf8(name); }

ImportPlan plan(const QString &path, const char *table = "students")
{
    auto p = ImportPlan::fromFile(path, *schema::findTable(table));
    if (!p.ok())
        qWarning("%s", qPrintable(p.error()));
    return p.ok() ? std::move(p).value() : ImportPlan();
}

QString text(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? QStringLiteral("<absent>") : QString::fromStdString(displayText(it->second));
}

QString describe(const validate::Record &r)
{
    QStringList parts;
    for (const auto &[k, v] : r)
        parts << QString::fromStdString(k + "=" + displayText(v));
    return parts.join(u' ');
}

} // namespace

class TestImportPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dirtyFixture_rejectionReportEqualsExpectedCsv();
    void dirtyFixture_goodRowsAccepted();
    void fourStudentFiles_areTheSameNinetyPupils();
    void libreofficeFixture_idNumbersThatArrivedAsNumbers_rejectedAndRestEqual();
    void staffRoster_importsTwentyStaff();
    void missingRequiredColumn_refusesTheWholeFile();
    void mangledIdText_inCsv_isIdAsNumber();
    void duplicateStudentNo_namesEarlierLine();
    void serialNumberInDateColumn_andPhoneAsFloat_areRead();
    void rowsWithNothingImported_areSkipped();
    void progressAndCancel();
    void reimport_changesNothing_changedFileChangesOnlyChangedFields();
    void sameRecord_byIdNumberOrStudentNo();
    void headerBelowTitle_inFile();
    void headerBelowTitle_inWorkbook_linesAreRowNumbers();
    void unreadableCharacter_rejectsItsRow_namingColumnAndPupil();
    void unreadableHeader_refusesTheFileWithLineAndColumn();
};

void TestImportPlan::dirtyFixture_rejectionReportEqualsExpectedCsv()
{
    const ImportPlan p = plan(fixture("students_dirty.csv"));
    QFile expected(fixture("students_dirty.expected.csv"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QCOMPARE(p.rejectionReport().toUtf8(), expected.readAll());
}

void TestImportPlan::dirtyFixture_goodRowsAccepted()
{
    const ImportPlan p = plan(fixture("students_dirty.csv"));
    QCOMPARE(p.accepted.size(), std::size_t{8});
    QCOMPARE(p.rejected.size(), std::size_t{7});
    for (std::size_t i = 0; i < p.accepted.size(); ++i)
        QCOMPARE(p.accepted[i].line, int(i) + 2);
    const auto &first = p.accepted.front().record;
    QCOMPARE(text(first, "name"), QStringLiteral("孟杰洋"));
    QCOMPARE(text(first, "sex"), QStringLiteral("2"));
    QCOMPARE(text(first, "id_number"), QStringLiteral("36042920100409898X"));
    QCOMPARE(text(first, "grade"), QStringLiteral("1"));
    QCOMPARE(text(first, "entry_month"), QStringLiteral("2016-09"));
    QCOMPARE(text(first, "left_behind"), QStringLiteral("1"));
    QCOMPARE(text(first, "status"), QStringLiteral("1"));  // default, not from the file
    QVERIFY(!first.count("status") || !p.accepted.front().given.count("status"));
}

void TestImportPlan::fourStudentFiles_areTheSameNinetyPupils()
{
    const ImportPlan reference = plan(fixture("students_openpyxl.xlsx"));
    QCOMPARE(reference.accepted.size(), std::size_t{90});
    QVERIFY(reference.rejected.empty());
    for (const char *name : {"students_gbk.csv", "students_utf8bom.csv"}) {
        const ImportPlan p = plan(fixture(name));
        QVERIFY2(p.rejected.empty(), name);
        QCOMPARE(p.accepted.size(), std::size_t{90});
        for (std::size_t i = 0; i < 90; ++i) {
            QCOMPARE(p.accepted[i].line, reference.accepted[i].line);
            QVERIFY2(p.accepted[i].record == reference.accepted[i].record,
                     qPrintable(QStringLiteral("%1 line %2: %3 != %4")
                                    .arg(QString::fromUtf8(name))
                                    .arg(p.accepted[i].line)
                                    .arg(describe(p.accepted[i].record), describe(reference.accepted[i].record))));
        }
    }
}

void TestImportPlan::libreofficeFixture_idNumbersThatArrivedAsNumbers_rejectedAndRestEqual()
{
    // LibreOffice turned every ID number without an X into a number; those lost their last
    // digits. Exactly those rows are refused, each for that one reason, and every other row
    // imports field for field as the openpyxl file's row on the same line.
    const ImportPlan reference = plan(fixture("students_openpyxl.xlsx"));
    const ImportPlan p = plan(fixture("students_libreoffice.xlsx"));
    std::map<int, const validate::Record *> byLine;
    for (const auto &row : reference.accepted)
        byLine[row.line] = &row.record;

    std::set<int> expectedRejected;
    for (const auto &[line, record] : byLine)
        if (!text(*record, "id_number").endsWith(u'X'))
            expectedRejected.insert(line);
    QVERIFY(!expectedRejected.empty());
    QVERIFY(expectedRejected.size() < 90);

    std::set<int> rejected;
    for (const auto &row : p.rejected) {
        rejected.insert(row.line);
        QCOMPARE(row.issues.size(), std::size_t{1});
        QCOMPARE(row.issues[0].reason, Reason::IdAsNumber);
        QCOMPARE(QString::fromStdString(row.issues[0].field), QStringLiteral("id_number"));
        QVERIFY(QString::fromStdString(row.issues[0].text()).contains(QStringLiteral("format the column as text")));
    }
    QCOMPARE(rejected, expectedRejected);
    QCOMPARE(p.accepted.size() + p.rejected.size(), std::size_t{90});
    for (const auto &row : p.accepted) {
        QVERIFY(byLine.count(row.line));
        QVERIFY2(row.record == *byLine[row.line],
                 qPrintable(QStringLiteral("line %1: %2 != %3")
                                .arg(row.line)
                                .arg(describe(row.record), describe(*byLine[row.line]))));
    }
}

void TestImportPlan::staffRoster_importsTwentyStaff()
{
    const ImportPlan p = plan(fixture("staff_openpyxl.xlsx"), "staff");
    QVERIFY2(p.rejected.empty(), p.rejected.empty() ? "" : p.rejected[0].issues[0].text().c_str());
    QCOMPARE(p.accepted.size(), std::size_t{20});
    const auto &first = p.accepted.front().record;
    QCOMPARE(text(first, "staff_no"), QStringLiteral("T37685"));
    QCOMPARE(text(first, "birth_date"), QStringLiteral("1967-05-03"));
    QCOMPARE(text(first, "post_category"), QStringLiteral("1"));
    QCOMPARE(text(first, "teaching_stage"), QStringLiteral("1"));
    QCOMPARE(text(first, "education"), QStringLiteral("21"));  // 本科, GB/T 4658
    QCOMPARE(text(first, "title"), QStringLiteral("41"));      // 二级教师
}

void TestImportPlan::missingRequiredColumn_refusesTheWholeFile()
{
    auto sheet = CsvReader::parse(QStringLiteral("姓名,性别,身份证件号\n张三,男,360429200911080412\n").toUtf8());
    QVERIFY(sheet.ok());
    auto p = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(!p.ok());
    QVERIFY2(p.error().contains(QStringLiteral("出生日期")) && p.error().contains(QStringLiteral("年级")),
             qPrintable(p.error()));
}

void TestImportPlan::mangledIdText_inCsv_isIdAsNumber()
{
    // A CSV saved after Excel mangled the column: the ID number is text in scientific notation.
    auto sheet = CsvReader::parse(QStringLiteral("姓名,性别,出生日期,身份证件号,年级,班级\n"
                                                 "唐曦晨,女,2009-11-28,3.60429200911281E+17,一年级,1班\n"
                                                 "周勇,男,2009-11-08,360429200911080412,一年级,1班\n")
                                      .toUtf8());
    auto p = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(p.ok());
    QCOMPARE(p->rejected.size(), std::size_t{1});
    QCOMPARE(p->rejected[0].line, 2);
    QCOMPARE(p->rejected[0].issues[0].reason, Reason::IdAsNumber);
    QCOMPARE(p->accepted.size(), std::size_t{1});
}

void TestImportPlan::duplicateStudentNo_namesEarlierLine()
{
    auto sheet = CsvReader::parse(QStringLiteral("学籍号,姓名,性别,出生日期,身份证件号,年级,班级\n"
                                                 "G1001,唐曦晨,女,2009-11-28,360429200911281169,一年级,1班\n"
                                                 "G1002,周勇,男,2009-11-08,360429200911080412,一年级,1班\n"
                                                 "G1001,谢语艳,女,2009-11-02,360429200911025149,一年级,1班\n")
                                      .toUtf8());
    auto p = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(p.ok());
    QCOMPARE(p->rejected.size(), std::size_t{1});
    QCOMPARE(p->rejected[0].line, 4);
    QCOMPARE(QString::fromStdString(p->rejected[0].issues[0].text()),
             QStringLiteral("学籍号与第2行重复 / student number repeats line 2"));
}

void TestImportPlan::serialNumberInDateColumn_andPhoneAsFloat_areRead()
{
    Sheet sheet;
    const auto cell = [](const char *t, CellKind k = CellKind::Text) { return Cell{QString::fromUtf8(t), k}; };
    sheet.rows.append({1, {cell("姓名"), cell("性别"), cell("出生日期"), cell("身份证件号"), cell("年级"), cell("班级"),
                           cell("监护人电话")}});
    sheet.rows.append({2, {cell("周勇"), cell("男"), cell("40125", CellKind::Number), cell("360429200911080412"),
                           cell("1", CellKind::Number), cell("1班"), cell("1.7446491023E+10", CellKind::Number)}});
    auto p = ImportPlan::build(sheet, ColumnMapping::fromSheet(students(), sheet));
    QVERIFY(p.ok());
    QVERIFY2(p->rejected.empty(), p->rejected.empty() ? "" : p->rejected[0].issues[0].text().c_str());
    QCOMPARE(text(p->accepted[0].record, "birth_date"), QStringLiteral("2009-11-08"));
    QCOMPARE(text(p->accepted[0].record, "guardian_phone"), QStringLiteral("17446491023"));
}

void TestImportPlan::rowsWithNothingImported_areSkipped()
{
    auto sheet = CsvReader::parse(QStringLiteral("姓名,性别,出生日期,身份证件号,年级,班级,备注\n"
                                                 "周勇,男,2009-11-08,360429200911080412,一年级,1班,\n"
                                                 ",,,,,,以下空白\n")
                                      .toUtf8());
    auto p = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(p.ok());
    QCOMPARE(p->accepted.size(), std::size_t{1});
    QVERIFY(p->rejected.empty());
}

void TestImportPlan::progressAndCancel()
{
    auto sheet = SheetFile::read(fixture("students_utf8bom.csv"));
    QVERIFY(sheet.ok());
    const auto mapping = ColumnMapping::fromSheet(students(), sheet.value());
    QList<QPair<int, int>> calls;
    ImportOptions options;
    options.progress = [&](int done, int total) { calls.append({done, total}); };
    auto p = ImportPlan::build(sheet.value(), mapping, options);
    QVERIFY(p.ok());
    QVERIFY(calls.size() >= 2);
    QCOMPARE(calls.last(), qMakePair(90, 90));

    std::atomic_bool cancel = false;
    options.progress = [&](int, int) { cancel = true; };  // as a Cancel button pressed at once
    options.cancel = &cancel;
    auto cancelled = ImportPlan::build(sheet.value(), mapping, options);
    QVERIFY(!cancelled.ok());
    QVERIFY(cancelled.error().contains(QStringLiteral("cancel")));
}

void TestImportPlan::reimport_changesNothing_changedFileChangesOnlyChangedFields()
{
    const ImportPlan first = plan(fixture("students_gbk.csv"));
    // What the store holds after the first import, with a status changed since by hand.
    std::vector<validate::Record> stored;
    for (const auto &row : first.accepted)
        stored.push_back(row.record);
    stored[0]["status"] = std::string("3");
    const ImportPlan again = plan(fixture("students_utf8bom.csv"));  // the same pupils, other spelling
    for (std::size_t i = 0; i < again.accepted.size(); ++i) {
        QVERIFY(RecordDiff::sameRecord(students(), again.accepted[i].record, stored[i]));
        QVERIFY2(RecordDiff::changedFields(again.accepted[i], stored[i]).empty(),
                 qPrintable(describe(RecordDiff::changedFields(again.accepted[i], stored[i]))));
    }
    // A corrected file: one phone number changed, one cell emptied.
    auto sheet = SheetFile::read(fixture("students_gbk.csv"));
    QVERIFY(sheet.ok());
    sheet->rows[1].cells[10].text = QStringLiteral("13912345678");
    sheet->rows[1].cells[9] = Cell{};
    auto changed = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(changed.ok());
    const auto diff = RecordDiff::changedFields(changed->accepted[0], stored[0]);
    QCOMPARE(diff.size(), std::size_t{1});  // the emptied guardian name erases nothing
    QCOMPARE(text(diff, "guardian_phone"), QStringLiteral("13912345678"));
}

void TestImportPlan::sameRecord_byIdNumberOrStudentNo()
{
    const validate::Record a{{"id_type", std::string("1")}, {"id_number", std::string("360429200911080412")}};
    validate::Record b = a;
    b["name"] = std::string("周勇");
    QVERIFY(RecordDiff::sameRecord(students(), a, b));
    const validate::Record c{{"id_type", std::string("1")}, {"id_number", std::string("360429200911281169")},
                             {"student_no", std::string("G1001")}};
    QVERIFY(!RecordDiff::sameRecord(students(), a, c));
    const validate::Record d{{"student_no", std::string("G1001")}};
    QVERIFY(RecordDiff::sameRecord(students(), c, d));
    const validate::Record e{{"student_no", std::string()}};
    QVERIFY(!RecordDiff::sameRecord(students(), e, e));  // two blanks are not one pupil
}

void TestImportPlan::headerBelowTitle_inFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("titled.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("双钟镇中心小学 2016级学生名册\r\n\r\n姓名*,性别*,出生日期*,身份证件号*,年级*,班级*\r\n"
                           "周勇,男,2009-11-08,360429200911080412,一年级,1班\r\n"
                           "谢语艳,男,2009-11-02,360429200911025149,一年级,1班\r\n")
                .toUtf8());
    f.close();
    auto p = ImportPlan::fromFile(path, students());
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QCOMPARE(p->accepted.size(), std::size_t{1});
    QCOMPARE(p->accepted[0].line, 4);
    QCOMPARE(p->rejected.size(), std::size_t{1});
    QCOMPARE(p->rejected[0].line, 5);
    QCOMPARE(p->rejected[0].issues[0].reason, Reason::IdSexMismatch);
}

void TestImportPlan::headerBelowTitle_inWorkbook_linesAreRowNumbers()
{
    EMIS_REQUIRE_XLSXWRITER();
    // As clerks lay rosters out: a title, a blank row, the header on row 3, a date cell.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("titled.xlsx"));
    const XlsxWriterApi *lxw = XlsxWriterApi::get();
    QVERIFY(lxw);
    lxw_workbook *wb = lxw->workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet *ws = lxw->workbook_add_worksheet(wb, "2016级");
    lxw_format *date = lxw->workbook_add_format(wb);
    lxw->format_set_num_format(date, "yyyy/m/d");
    lxw->worksheet_write_string(ws, 0, 0, "双钟镇中心小学学生名册", nullptr);
    const char *headers[] = {"序号", "姓名*", "性别*", "出生日期*", "身份证件号*", "年级*", "班级*"};
    for (lxw_col_t c = 0; c < 7; ++c)
        lxw->worksheet_write_string(ws, 2, c, headers[c], nullptr);
    lxw->worksheet_write_number(ws, 3, 0, 1, nullptr);
    lxw->worksheet_write_string(ws, 3, 1, "周勇", nullptr);
    lxw->worksheet_write_string(ws, 3, 2, "男", nullptr);
    lxw_datetime birth = {2009, 11, 8, 0, 0, 0};
    lxw->worksheet_write_datetime(ws, 3, 3, &birth, date);
    lxw->worksheet_write_string(ws, 3, 4, "360429200911080412", nullptr);
    lxw->worksheet_write_string(ws, 3, 5, "一年级", nullptr);
    lxw->worksheet_write_string(ws, 3, 6, "1班", nullptr);
    QCOMPARE(lxw->workbook_close(wb), LXW_NO_ERROR);

    auto p = ImportPlan::fromFile(path, students());
    QVERIFY2(p.ok(), qPrintable(p.error()));
    QVERIFY(p->rejected.empty());
    QCOMPARE(p->accepted.size(), std::size_t{1});
    QCOMPARE(p->accepted[0].line, 4);
    QCOMPARE(text(p->accepted[0].record, "birth_date"), QStringLiteral("2009-11-08"));
    QCOMPARE(SheetFile::sheetNames(path).value(), QStringList{QStringLiteral("2016级")});
}

void TestImportPlan::unreadableCharacter_rejectsItsRow_namingColumnAndPupil()
{
    // U+FFFD is what a decoder leaves for a damaged byte, in a CSV or already in an .xlsx cell.
    const QString bad(QChar::ReplacementCharacter);
    auto sheet = CsvReader::parse((QStringLiteral("姓名,性别,出生日期,身份证件号,年级,班级,监护人姓名\n"
                                                  "唐曦晨,女,2009-11-28,360429200911281169,一年级,1班,谭梓雨\n"
                                                  "周") + bad + QStringLiteral(",男,2009-11-08,360429200911080412,一年级,1班,唐丽\n"
                                                  "谢语艳,女,2009-11-02,360429200911025149,一年级,1班,唐") + bad + QStringLiteral("\n"))
                                      .toUtf8());
    QVERIFY(sheet.ok());
    auto p = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(p.ok());
    QCOMPARE(p->accepted.size(), std::size_t{1});
    QCOMPARE(p->accepted[0].line, 2);
    QCOMPARE(p->rejected.size(), std::size_t{2});
    QCOMPARE(p->rejected[0].line, 3);
    QCOMPARE(p->rejected[0].issues.size(), std::size_t{1});
    QCOMPARE(p->rejected[0].issues[0].reason, Reason::UnreadableCharacters);
    QCOMPARE(p->rejected[0].issues[0].field, std::string("name"));
    QCOMPARE(p->rejected[0].name, std::string());  // the damaged name is not given as the name
    QCOMPARE(p->rejected[1].line, 4);
    QCOMPARE(p->rejected[1].issues[0].field, std::string("guardian_name"));
    QCOMPARE(QString::fromStdString(p->rejected[1].name), QStringLiteral("谢语艳"));
    QVERIFY2(QString::fromStdString(p->rejected[1].issues[0].zh).startsWith(QStringLiteral("监护人姓名含有无法识别的字符")),
             p->rejected[1].issues[0].zh.c_str());
}

void TestImportPlan::unreadableHeader_refusesTheFileWithLineAndColumn()
{
    // 监护人姓名 with a damaged byte maps to no field: its column would be dropped silently.
    auto sheet = CsvReader::parse((QStringLiteral("姓名,性别,出生日期,身份证件号,年级,班级,监护人") +
                                   QChar(QChar::ReplacementCharacter) +
                                   QStringLiteral("名\n周勇,男,2009-11-08,360429200911080412,一年级,1班,唐丽\n"))
                                      .toUtf8());
    QVERIFY(sheet.ok());
    auto p = ImportPlan::build(sheet.value(), ColumnMapping::fromSheet(students(), sheet.value()));
    QVERIFY(!p.ok());
    QVERIFY2(p.error().startsWith(QStringLiteral("Line 1, column 7:")), qPrintable(p.error()));
}

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_importplan.moc"
