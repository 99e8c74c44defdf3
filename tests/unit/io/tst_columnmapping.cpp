// ColumnMapping: headers by Chinese label, English label and alias; header rows below titles;
// editing the mapping as the import wizard does.
#include "ColumnMapping.h"
#include "CsvReader.h"

#include <QTest>

using namespace emis;
using namespace emis::io;

namespace {

const schema::Table &students() { return *schema::findTable("students"); }
const schema::Table &staff() { return *schema::findTable("staff"); }

QString fieldName(const ColumnMapping &m, int column)
{
    const auto *f = m.field(column);
    return f ? QString::fromStdString(f->name) : QString();
}

} // namespace

class TestColumnMapping : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chineseLabels_mapEveryFixtureColumn();
    void foldedHeaders_data();
    void foldedHeaders();
    void englishAliases_mapAStudentRoster();
    void sameFieldTwice_firstColumnWinsSecondIsListed();
    void unknownColumns_areListed();
    void missingRequired_namesFieldsWithoutDefault();
    void setField_movesAFieldAndUnmaps();
    void headerBelowTitleRows_isFound();
    void noHeader_isNotFound();
};

void TestColumnMapping::chineseLabels_mapEveryFixtureColumn()
{
    auto sheet = CsvReader::readFile(QStringLiteral(EMIS_FIXTURES_DIR "/students_gbk.csv"));
    QVERIFY(sheet.ok());
    const auto m = ColumnMapping::fromSheet(students(), sheet.value());
    QCOMPARE(m.columnCount(), 12);
    QCOMPARE(m.mappedCount(), 12);
    QVERIFY(m.unknownColumns().isEmpty());
    QCOMPARE(fieldName(m, 0), QStringLiteral("student_no"));
    QCOMPARE(fieldName(m, 4), QStringLiteral("id_number"));
    QCOMPARE(fieldName(m, 11), QStringLiteral("left_behind"));
    QVERIFY(m.missingRequired().empty());
}

void TestColumnMapping::foldedHeaders_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("field");
    QTest::addRow("required star") << QStringLiteral("姓名*") << QStringLiteral("name");
    QTest::addRow("full-width star") << QStringLiteral("身份证件号＊") << QStringLiteral("id_number");
    QTest::addRow("blanks inside") << QStringLiteral(" 姓 名 ") << QStringLiteral("name");
    QTest::addRow("ideographic space") << QStringLiteral("性\u3000别") << QStringLiteral("sex");
    QTest::addRow("wrapped cell") << QStringLiteral("出生\n日期") << QStringLiteral("birth_date");
    QTest::addRow("alias") << QStringLiteral("身份证号码") << QStringLiteral("id_number");
    QTest::addRow("english label, any case") << QStringLiteral("ID Number") << QStringLiteral("id_number");
    QTest::addRow("full-width latin") << QStringLiteral("ＩＤ　ｎｏ") << QStringLiteral("id_number");
    QTest::addRow("english alias") << QStringLiteral("Date of Birth") << QStringLiteral("birth_date");
    QTest::addRow("field name") << QStringLiteral("guardian_phone") << QStringLiteral("guardian_phone");
    QTest::addRow("unknown") << QStringLiteral("备注") << QString();
    QTest::addRow("blank") << QStringLiteral("   ") << QString();
}

void TestColumnMapping::foldedHeaders()
{
    QFETCH(QString, header);
    QFETCH(QString, field);
    const auto *f = ColumnMapping::fieldForHeader(students(), header);
    QCOMPARE(f ? QString::fromStdString(f->name) : QString(), field);
}

void TestColumnMapping::englishAliases_mapAStudentRoster()
{
    const QStringList headers = {QStringLiteral("Student No"), QStringLiteral("Full Name"), QStringLiteral("Sex"),
                                 QStringLiteral("Birthday"), QStringLiteral("ID card"), QStringLiteral("Nation"),
                                 QStringLiteral("Grade"), QStringLiteral("Class Name"), QStringLiteral("Guardian"),
                                 QStringLiteral("Phone"), QStringLiteral("Boarding")};
    const ColumnMapping m(students(), headers);
    QStringList fields;
    for (int c = 0; c < m.columnCount(); ++c)
        fields << fieldName(m, c);
    QCOMPARE(fields, QStringList({QStringLiteral("student_no"), QStringLiteral("name"), QStringLiteral("sex"),
                                  QStringLiteral("birth_date"), QStringLiteral("id_number"), QStringLiteral("ethnicity"),
                                  QStringLiteral("grade"), QStringLiteral("class_name"), QStringLiteral("guardian_name"),
                                  QStringLiteral("guardian_phone"), QStringLiteral("boarding")}));
    QVERIFY(m.missingRequired().empty());
}

void TestColumnMapping::sameFieldTwice_firstColumnWinsSecondIsListed()
{
    const ColumnMapping m(students(), {QStringLiteral("姓名"), QStringLiteral("学生姓名"), QStringLiteral("性别")});
    QCOMPARE(fieldName(m, 0), QStringLiteral("name"));
    QCOMPARE(fieldName(m, 1), QString());
    QCOMPARE(m.unknownColumns(), QList<int>{1});
}

void TestColumnMapping::unknownColumns_areListed()
{
    const ColumnMapping m(staff(), {QStringLiteral("序号"), QStringLiteral("工号"), QString(), QStringLiteral("备注")});
    QCOMPARE(m.unknownColumns(), QList<int>({0, 3}));  // the blank header is no column to ask about
    QCOMPARE(m.columnOf("staff_no"), 1);
    QCOMPARE(m.columnOf("name"), -1);
}

void TestColumnMapping::missingRequired_namesFieldsWithoutDefault()
{
    const ColumnMapping m(staff(), {QStringLiteral("工号"), QStringLiteral("姓名"), QStringLiteral("身份证件号")});
    QStringList missing;
    for (const auto *f : m.missingRequired())
        missing << QString::fromStdString(f->name);
    // id_type has a default (resident ID card), so it is not asked for.
    QCOMPARE(missing, QStringList({QStringLiteral("sex"), QStringLiteral("post_category")}));
}

void TestColumnMapping::setField_movesAFieldAndUnmaps()
{
    ColumnMapping m(students(), {QStringLiteral("姓名"), QStringLiteral("家长"), QStringLiteral("电话")});
    QCOMPARE(m.unknownColumns(), QList<int>({1, 2}));
    QVERIFY(m.setField(1, "guardian_name"));
    QVERIFY(m.setField(2, "guardian_phone"));
    QCOMPARE(fieldName(m, 1), QStringLiteral("guardian_name"));
    QVERIFY(m.setField(2, "name"));  // name moves from column 0 to column 2
    QCOMPARE(fieldName(m, 0), QString());
    QCOMPARE(m.columnOf("name"), 2);
    QCOMPARE(m.columnOf("guardian_phone"), -1);
    QVERIFY(m.setField(2, ""));
    QCOMPARE(m.columnOf("name"), -1);
    QVERIFY(!m.setField(1, "shoe_size"));
    QVERIFY(!m.setField(9, "name"));
}

void TestColumnMapping::headerBelowTitleRows_isFound()
{
    auto sheet = CsvReader::parse(QStringLiteral("湖口县双钟镇中心小学学生名册\n"
                                                 "制表日期：2016年9月1日,,姓名\n"
                                                 "\n"
                                                 "序号,姓名*,性别*,出生日期\n"
                                                 "1,张三,男,2010-01-01\n")
                                      .toUtf8());
    QVERIFY(sheet.ok());
    // Line 2 names one known column only; line 4 is the header.
    QVERIFY(ColumnMapping::locateHeader(sheet.value(), students()));
    QCOMPARE(sheet->header()->line, 4);
    QCOMPARE(sheet->dataRowCount(), 1);
    QCOMPARE(sheet->dataRow(0).line, 5);
    const auto m = ColumnMapping::fromSheet(students(), sheet.value());
    QCOMPARE(fieldName(m, 1), QStringLiteral("name"));
    QCOMPARE(m.unknownColumns(), QList<int>{0});
}

void TestColumnMapping::noHeader_isNotFound()
{
    auto sheet = CsvReader::parse("1,2,3\n4,5,6\n");
    QVERIFY(sheet.ok());
    QVERIFY(!ColumnMapping::locateHeader(sheet.value(), students()));
    QCOMPARE(sheet->headerIndex(), 0);
}

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"
