// 班额 at the Ministry's edges: a class of exactly 56 is 大班额 and of exactly 66 超大班额, and every class
// falls in one of the national statistics' ten bands. The sizes are written out here, not taken from
// the code under test.
#include "ReportTestSupport.h"
#include "store/SqliteStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace emis;
using namespace emis::server;
using namespace emis::server::testing;

class TestReportClassSize : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void classesOf56And66_countAsLargeAndVeryLarge();
    void bySize_nationalBands_eachClassInOneBand();
    void byClass_flagsAtTheEdges();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

namespace {
// One grade-7 class per size, named after its size ("55人班").
constexpr int kSizes[] = {25, 26, 45, 46, 55, 56, 60, 61, 65, 66, 70};
} // namespace

void TestReportClassSize::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<SqliteStore>(m_dir.filePath(QStringLiteral("emis.db")).toStdString());
    m_store->write([](StoreSession &s) {
        const StoredRow school = makeRow("schools", {}, {{"code", "3604290010"}, {"name", "丙镇中学"},
                                                          {"school_type", "初中"}, {"township", "丙镇"}});
        s.saveRow(*schema::findTable("schools"), school);
        int serial = 0;
        for (int size : kSizes)
            for (int i = 0; i < size; ++i) {
                ++serial;
                const bool male = serial % 2 == 1;
                const StoredRow pupil = makeRow("students", school.id,
                                                {{"name", "学生"}, {"sex", male ? "男" : "女"},
                                                 {"birth_date", "2013-06-01"},
                                                 {"id_number", idNumber("20130601", serial * 2 + (male ? 1 : 0))},
                                                 {"grade", "7"}, {"class_name", std::to_string(size) + "人班"}});
                s.saveRow(*schema::findTable("students"), pupil);
            }
    });
}

void TestReportClassSize::classesOf56And66_countAsLargeAndVeryLarge()
{
    const auto totals = run(*m_store, "class_size", {{"by", "county"}}).value(QLatin1String("totals")).toObject();
    int large = 0, veryLarge = 0;
    for (int size : kSizes) {
        large += size >= 56;
        veryLarge += size >= 66;
    }
    QCOMPARE(large, 6);  // 56, 60, 61, 65, 66, 70
    QCOMPARE(field(totals, "classes"), static_cast<int>(std::size(kSizes)));
    QCOMPARE(field(totals, "large_56_plus"), large);
    QCOMPARE(field(totals, "very_large_66_plus"), veryLarge);
}

void TestReportClassSize::bySize_nationalBands_eachClassInOneBand()
{
    const auto rows = run(*m_store, "class_size", {{"by", "size"}}).value(QLatin1String("rows")).toArray();
    struct Expected {
        const char *key;
        const char *label;
        int classes;
    };
    const Expected expected[] = {{"-25", "25人及以下", 1},  {"26-30", "26–30人", 1}, {"31-35", "31–35人", 0},
                                 {"36-40", "36–40人", 0},   {"41-45", "41–45人", 1}, {"46-50", "46–50人", 1},
                                 {"51-55", "51–55人", 1},   {"56-60", "56–60人", 2}, {"61-65", "61–65人", 2},
                                 {"66-", "66人及以上", 2}};
    QCOMPARE(rows.size(), static_cast<qsizetype>(std::size(expected)));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const auto row = rows[i].toObject();
        QCOMPARE(row.value(QLatin1String("key")).toString(), QLatin1String(expected[i].key));
        QCOMPARE(row.value(QLatin1String("label")).toString(), QString::fromUtf8(expected[i].label));
        QCOMPARE(field(row, "classes"), expected[i].classes);
    }
}

void TestReportClassSize::byClass_flagsAtTheEdges()
{
    const auto rows = run(*m_store, "class_size", {{"by", "class"}}).value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), static_cast<qsizetype>(std::size(kSizes)));
    for (const auto &value : rows) {
        const auto row = value.toObject();
        const int pupils = field(row, "pupils");
        QVERIFY2(row.value(QLatin1String("label")).toString().contains(QString::number(pupils)),
                 qPrintable(row.value(QLatin1String("label")).toString()));
        QCOMPARE(row.value(QLatin1String("large")).toBool(), pupils >= 56);
        QCOMPARE(row.value(QLatin1String("very_large")).toBool(), pupils >= 66);
    }
}

QTEST_GUILESS_MAIN(TestReportClassSize)
#include "tst_report_class_size.moc"
