// Exporters: an exported roster imports back as the same records, ID numbers stay text in the
// .xlsx, codes are written as names, CSV in UTF-8 with BOM or GB18030.
#include "CsvExporter.h"
#include "ExportText.h"
#include "ImportPlan.h"
#include "RequireXlsxWriter.h"
#include "TextEncoding.h"
#include "XlsxExporter.h"
#include "XlsxReader.h"
#include "validate/IdNumber.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::io;

namespace {

const schema::Table &students() { return *schema::findTable("students"); }

std::string withCheck(const std::string &first17) { return first17 + validate::idCheckCharacter(first17); }

// A record as the store holds it (canonical values), normalized through the same rules.
validate::Record pupil(std::map<std::string, std::string, std::less<>> raw)
{
    auto n = validate::normalizeRecord(students(), raw);
    if (!n.issues.empty())
        qWarning("%s", n.issues[0].text().c_str());
    return n.values;
}

std::vector<validate::Record> roster()
{
    return {
        // The ID ends in X; guardian phone with a leading 0 (a landline with area code).
        pupil({{"student_no", "G36042920100409898X"}, {"name", "孟杰洋"}, {"sex", "女"}, {"birth_date", "2010-04-09"},
               {"id_number", "36042920100409898X"}, {"ethnicity", "汉族"}, {"grade", "一年级"}, {"class_name", "1班"},
               {"entry_month", "2016-09"}, {"guardian_phone", "07923321234"}, {"left_behind", "是"},
               {"address", "江西省九江市湖口县双钟镇\"东风\"路 8 号, 2 栋"}}),
        // The ID starts with 0-prefixed digits, the 学籍号 too: neither may lose its zeros.
        pupil({{"student_no", "0012345678"}, {"name", "周勇"}, {"sex", "男"}, {"birth_date", "2009-11-08"},
               {"id_number", withCheck("00042920091108041")}, {"ethnicity", "03"}, {"grade", "7"},
               {"class_name", "2班"}, {"boarding", "否"}, {"hukou", "多行\n地址"}}),
        pupil({{"name", "谢语艳"}, {"sex", "2"}, {"birth_date", "20091102"}, {"id_number", "360429200911025149"},
               {"grade", "高三"}, {"class_name", "3班"}, {"status", "休学"}}),
    };
}

// Equal field by field, an empty (NULL) field counting as absent: the export writes a column
// for every field, so the import sees the empty ones too.
validate::Record withoutNulls(validate::Record r)
{
    std::erase_if(r, [](const auto &kv) { return isNull(kv.second); });
    return r;
}

void compareRoundTrip(const ImportPlan &p, const std::vector<validate::Record> &rows, const QList<int> &lines)
{
    QVERIFY2(p.rejected.empty(), p.rejected.empty() ? "" : p.rejected[0].issues[0].text().c_str());
    QCOMPARE(p.accepted.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(p.accepted[i].line, lines[qsizetype(i)]);
        for (const auto &[field, value] : rows[i])
            QCOMPARE(QString::fromStdString(displayText(p.accepted[i].record.at(field))),
                     QString::fromStdString(displayText(value)));
        QVERIFY(withoutNulls(p.accepted[i].record) == withoutNulls(rows[i]));
    }
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportText_codesAsNames();
    void xlsx_roundTrip_sameRecords();
    void xlsx_idNumbersAreTextCells();
    void xlsx_unwritablePath_isAnError();
    void csvUtf8Bom_roundTrip_sameRecords();
    void csvGb18030_roundTrip_sameRecords();
    void csv_quotesOnlyWhatNeedsIt();
    void selectedFields_only();

private:
    QTemporaryDir m_dir;
};

void TestExport::exportText_codesAsNames()
{
    const auto &t = students();
    QCOMPARE(exportText(*t.field("sex"), std::string("1")), QStringLiteral("男"));
    QCOMPARE(exportText(*t.field("ethnicity"), std::string("03")), QStringLiteral("回族"));
    QCOMPARE(exportText(*t.field("grade"), std::int64_t{7}), QStringLiteral("七年级"));
    QCOMPARE(exportText(*t.field("left_behind"), std::int64_t{1}), QStringLiteral("是"));
    QCOMPARE(exportText(*t.field("boarding"), std::int64_t{0}), QStringLiteral("否"));
    QCOMPARE(exportText(*t.field("birth_date"), std::string("2010-04-09")), QStringLiteral("2010-04-09"));
    QCOMPARE(exportText(*t.field("name"), Value{}), QString());
}

void TestExport::xlsx_roundTrip_sameRecords()
{
    EMIS_REQUIRE_XLSXWRITER();
    const auto rows = roster();
    QVERIFY(rows[1].count("id_number") && std::get<std::string>(rows[1].at("id_number")).starts_with("000"));
    const QString path = m_dir.filePath(QStringLiteral("roster.xlsx"));
    Status s = XlsxExporter::write(path, students(), rows);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    auto p = ImportPlan::fromFile(path, students());
    QVERIFY2(p.ok(), qPrintable(p.error()));
    compareRoundTrip(p.value(), rows, {2, 3, 4});
}

void TestExport::xlsx_idNumbersAreTextCells()
{
    EMIS_REQUIRE_XLSXWRITER();
    const QString path = m_dir.filePath(QStringLiteral("ids.xlsx"));
    QVERIFY(XlsxExporter::write(path, students(), roster()).ok());
    XlsxReader reader;
    QVERIFY(reader.open(path).ok());
    QCOMPARE(reader.sheetNames(), QStringList{QStringLiteral("学生名册")});
    auto sheet = reader.read(0);
    QVERIFY(sheet.ok());
    const int idColumn = students().fieldIndex("id_number");
    const int gradeColumn = students().fieldIndex("grade");
    QCOMPARE(sheet->rows[0].cells[idColumn].text, QStringLiteral("身份证件号"));
    for (int r = 1; r <= 3; ++r) {
        QCOMPARE(sheet->rows[r].cells[idColumn].kind, CellKind::Text);
        QCOMPARE(sheet->rows[r].cells[idColumn].text.size(), 18);
    }
    QCOMPARE(sheet->rows[2].cells[gradeColumn].text, QStringLiteral("七年级"));
    QCOMPARE(sheet->rows[3].cells[gradeColumn].text, QStringLiteral("高三"));
}

void TestExport::xlsx_unwritablePath_isAnError()
{
    EMIS_REQUIRE_XLSXWRITER();
    Status s = XlsxExporter::write(QStringLiteral("/nonexistent/dir/roster.xlsx"), students(), roster());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("roster.xlsx")), qPrintable(s.error()));
}

void TestExport::csvUtf8Bom_roundTrip_sameRecords()
{
    const auto rows = roster();
    const QString path = m_dir.filePath(QStringLiteral("roster.csv"));
    Status s = CsvExporter::write(path, students(), rows);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("\xEF\xBB\xBF"));
    auto p = ImportPlan::fromFile(path, students());
    QVERIFY2(p.ok(), qPrintable(p.error()));
    compareRoundTrip(p.value(), rows, {2, 3, 5});  // the second pupil's 户口所在地 spans two lines
}

void TestExport::csvGb18030_roundTrip_sameRecords()
{
    const auto rows = roster();
    const QString path = m_dir.filePath(QStringLiteral("roster-gbk.csv"));
    CsvExporter::Options options;
    options.encoding = TextEncoding::Gb18030;
    QVERIFY(CsvExporter::write(path, students(), rows, options).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(detectEncoding(f.readAll()), TextEncoding::Gb18030);
    auto p = ImportPlan::fromFile(path, students());
    QVERIFY2(p.ok(), qPrintable(p.error()));
    compareRoundTrip(p.value(), rows, {2, 3, 5});  // the second pupil's 户口所在地 spans two lines
}

void TestExport::csv_quotesOnlyWhatNeedsIt()
{
    QCOMPARE(CsvExporter::quoted(QStringLiteral("孟杰洋")), QStringLiteral("孟杰洋"));
    QCOMPARE(CsvExporter::quoted(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(CsvExporter::quoted(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(CsvExporter::quoted(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(CsvExporter::quoted(QStringLiteral(" padded")), QStringLiteral("\" padded\""));
    QCOMPARE(CsvExporter::quoted(QStringLiteral("a;b"), u';'), QStringLiteral("\"a;b\""));
    const QString text = CsvExporter::toText(students(), roster(), {});
    QVERIFY(text.startsWith(QStringLiteral("学籍号,姓名,性别,出生日期,身份证件类型,身份证件号,民族,年级,班级")));
    QVERIFY(text.contains(QStringLiteral(",男,")));
    QVERIFY(text.contains(QStringLiteral("\r\n")));
}

void TestExport::selectedFields_only()
{
    CsvExporter::Options options;
    options.fields = {"id_number", "name"};  // in the table's order whatever the order asked
    const QString text = CsvExporter::toText(students(), roster(), options);
    QCOMPARE(text.section(QStringLiteral("\r\n"), 0, 1),
             QStringLiteral("姓名,身份证件号\r\n孟杰洋,36042920100409898X"));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
