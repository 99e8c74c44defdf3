// The report tables as text (report/ReportTable.h), on the hand-made county of SmallCounty.h.
#include "SmallCounty.h"
#include "report/ReportEngine.h"
#include "text/ReportTable.h"
#include "store/SqliteStore.h"
#include "store/StoreSession.h"

#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::server;

class TestReportTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void table_alignedUnderChineseTitlesWithTotals();
    void table_showsYesNoNeverAndCaseMembers();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

void TestReportTable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<SqliteStore>(m_dir.filePath(QStringLiteral("emis.db")).toStdString());
    testing::writeSmallCounty(*m_store);
}

void TestReportTable::cleanupTestCase() { m_store->close(); }

namespace {

std::string tableOf(Store &store, const std::string &name, report::Params params)
{
    std::string out;
    store.read([&](StoreSession &s) { out = text::reportTable(std::get<std::string>(report::runReport(s, name, params, "admin"))); });
    return out;
}

std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> out;
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
    }
    return out;
}

} // namespace

void TestReportTable::table_alignedUnderChineseTitlesWithTotals()
{
    const auto lines = linesOf(tableOf(*m_store, "enrolment", {{"by", "school"}}));
    // Title, column titles, rule, three schools with pupils, rule, 合计.
    QCOMPARE(lines.size(), std::size_t{8});
    QCOMPARE(QString::fromStdString(lines[0]), QString::fromUtf8("在校生统计  Enrolment  by=school"));
    QCOMPARE(QString::fromStdString(lines[1]).simplified(), QString::fromUtf8("代码 学校 合计 男 女 小学 初中 高中"));
    const std::size_t width = lines[2].size();  // the rule, all ASCII
    QVERIFY(lines[2].find_first_not_of('-') == std::string::npos);
    // The last column is a number, right-aligned: every line ends at the rule's end, whatever
    // mix of Chinese (two columns) and digits it holds.
    for (std::size_t i : {1, 3, 4, 5, 7})
        QCOMPARE(text::displayWidth(lines[i]), width);
    QVERIFY(QString::fromStdString(lines[4]).startsWith(QString::fromUtf8("3604290002  甲镇中学")));
    // 男: A 2, B 29 + 34, C 2; 女: A 2, B 28 + 33, C 1.
    QCOMPARE(QString::fromStdString(lines[7]).simplified(), QString::fromUtf8("合计 131 67 64 7 124 0"));
    QCOMPARE(text::displayWidth("甲镇a1"), std::size_t{6});
}

void TestReportTable::table_showsYesNoNeverAndCaseMembers()
{
    const std::string quality = tableOf(*m_store, "data_quality", {});
    const auto lines = linesOf(quality);
    const QString c = QString::fromStdString(lines[5]);
    QVERIFY2(c.startsWith(QStringLiteral("3604290003")), lines[5].c_str());
    QVERIFY(c.contains(QString::fromUtf8("从未")));  // never synced
    QVERIFY(c.endsWith(QString::fromUtf8("是")));     // silent
    QVERIFY(QString::fromStdString(lines[3]).endsWith(QString::fromUtf8("否")));
    QVERIFY(QString::fromStdString(quality).contains(QString::fromUtf8("学校数 4；超过天数未同步的学校 3")));

    const QString cases = QString::fromStdString(tableOf(*m_store, "duplicates", {}));
    // The case, then each of its records indented under it: school, name, ID number, ...
    QVERIFY(cases.contains(QString::fromUtf8("\n    3604290001  甲镇中心小学  王小明  ")));
    QVERIFY(cases.contains(QString::fromUtf8("同号多籍 1；疑似重复 1")));
    QVERIFY(text::reportTable("not json").empty());
}

QTEST_GUILESS_MAIN(TestReportTable)
#include "tst_report_table.moc"
