// The report summaries (store/ReportSummary.h) against a fresh count of the pupils, through every
// way a pupil row is written: saved, pushed as a new row, changed, deleted, rolled back, and a
// store from before the summaries.
#include "ReportTestSupport.h"
#include "store/ReportSummary.h"
#include "store/SqliteStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace emis;
using namespace emis::server;
using namespace emis::server::testing;

class TestReportSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void summary_followsEveryChangeAndFillsOnOpen();
    void assetSummary_followsEveryChange();
};

namespace {

// The summaries' live rows beside a fresh count of the pupils.
bool summaryMatches(Store &store)
{
    bool same = false;
    store.read([&](StoreSession &s) {
        const auto summary = s.query("SELECT * FROM report_pupils WHERE pupils > 0 ORDER BY 1, 2, 3, 4, 5, 6", {});
        const auto recount = s.query(reportSummaryRecountSql("report_pupils") + " ORDER BY 1, 2, 3, 4, 5, 6", {});
        const auto ids = s.query("SELECT * FROM report_ids WHERE holders > 0 ORDER BY 1, 2", {});
        const auto idRecount = s.query(reportSummaryRecountSql("report_ids") + " ORDER BY 1, 2", {});
        same = !summary.empty() && summary == recount && !ids.empty() && ids == idRecount;
    });
    return same;
}

bool assetSummaryMatches(Store &store)
{
    bool same = false;
    store.read([&](StoreSession &s) {
        const auto summary = s.query("SELECT * FROM report_assets WHERE items <> 0 OR cost <> 0 ORDER BY 1, 2, 3, 4", {});
        const auto recount = s.query(assetSummaryRecountSql() + " ORDER BY 1, 2, 3, 4", {});
        same = summary == recount;
    });
    return same;
}

} // namespace

// report_assets through an asset's life: bought, moved to another category, day and price,
// sent for repair (still held), written off (no longer), deleted, removed outright, rolled back.
void TestReportSummary::assetSummary_followsEveryChange()
{
    QTemporaryDir dir;
    auto store = std::make_unique<SqliteStore>(dir.filePath(QStringLiteral("emis.db")).toStdString());
    const auto *assets = schema::findTable("assets");
    const StoredRow school = makeRow("schools", {}, {{"code", "3604290019"}, {"name", "丁中学"}, {"school_type", "初中"}, {"township", "丁镇"}});
    std::vector<StoredRow> rows;
    store->write([&](StoreSession &s) {
        s.saveRow(*schema::findTable("schools"), school);
        for (int i = 0; i < 5; ++i) {
            rows.push_back(makeRow("assets", school.id,
                                   {{"asset_no", "Z-" + std::to_string(i)}, {"category", i < 3 ? "台式计算机" : "服务器"},
                                    {"name", "设备"}, {"quantity", i == 4 ? "3" : "1"}, {"unit_price", "4,200.50"},
                                    {"purchase_date", "2019-09-01"}, {"use", i % 2 ? "学生用" : "教师用"}}));
            s.saveRow(*assets, rows.back());
        }
    });
    QVERIFY(assetSummaryMatches(*store));
    store->read([&](StoreSession &s) {
        QCOMPARE(std::get<std::int64_t>(s.query("SELECT SUM(items) FROM report_assets", {})[0][0]), std::int64_t{7});
    });
    const auto step = [&](auto change) {
        store->write([&](StoreSession &s) { change(s); });
        return assetSummaryMatches(*store);
    };
    QVERIFY(step([&](StoreSession &s) {
        rows[0].values["category"] = std::string("02");
        rows[0].values["purchase_date"] = std::string("2020-02-29");
        rows[0].values["unit_price"] = 5100.0;
        s.saveRow(*assets, rows[0]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        rows[1].values["state"] = std::string("3");
        s.saveRow(*assets, rows[1]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        rows[2].values["state"] = std::string("5");
        s.saveRow(*assets, rows[2]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        rows[3].deleted = true;
        s.saveRow(*assets, rows[3]);
    }));
    QVERIFY(step([&](StoreSession &s) { s.query("DELETE FROM assets WHERE id = ?", {rows[4].id}); }));
    store->read([&](StoreSession &s) {
        QCOMPARE(std::get<std::int64_t>(s.query("SELECT SUM(items) FROM report_assets", {})[0][0]), std::int64_t{2});
    });
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, store->write([&](StoreSession &s) {
        s.saveRow(*assets, makeRow("assets", school.id, {{"category", "服务器"}, {"name", "服务器"}, {"purchase_date", "2021-01-01"}}));
        throw std::runtime_error("the job fails");
    }));
    QVERIFY(assetSummaryMatches(*store));
}

void TestReportSummary::summary_followsEveryChangeAndFillsOnOpen()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("emis.db")).toStdString();
    auto store = std::make_unique<SqliteStore>(path);
    const auto *students = schema::findTable("students");
    const StoredRow school = makeRow("schools", {}, {{"code", "3604290009"}, {"name", "丙小学"}, {"school_type", "小学"}, {"township", "丙镇"}});
    std::vector<StoredRow> pupils;
    store->write([&](StoreSession &s) {
        s.saveRow(*schema::findTable("schools"), school);
        for (int i = 0; i < 4; ++i) {
            pupils.push_back(makeRow("students", school.id,
                                     {{"name", "学生"}, {"sex", i % 2 ? "女" : "男"}, {"birth_date", "2018-05-01"},
                                      {"id_number", idNumber("20180501", 900 + i * 2 + (i % 2 ? 0 : 1))},
                                      {"grade", "2"}, {"class_name", "1班"}, {"boarding", i == 0 ? "是" : "否"}}));
            s.saveRow(*students, pupils.back());
        }
    });
    QVERIFY(summaryMatches(*store));
    const auto step = [&](auto change) {
        store->write([&](StoreSession &s) { change(s); });
        return summaryMatches(*store);
    };
    // Moved to another class and grade; a flag and a missing phone; a tombstone and its undoing;
    // graduated; another ID number; removed outright.
    QVERIFY(step([&](StoreSession &s) {
        pupils[0].values["grade"] = std::int64_t{3};
        pupils[0].values["class_name"] = std::string("2班");
        s.saveRow(*students, pupils[0]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        pupils[1].values["left_behind"] = std::int64_t{1};
        pupils[1].values["guardian_phone"] = Value{};
        pupils[1].values["ethnicity"] = std::string("03");
        s.saveRow(*students, pupils[1]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        pupils[2].deleted = true;
        s.saveRow(*students, pupils[2]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        pupils[2].deleted = false;
        s.saveRow(*students, pupils[2]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        pupils[3].values["status"] = std::string("5");
        s.saveRow(*students, pupils[3]);
    }));
    QVERIFY(step([&](StoreSession &s) {
        pupils[0].values["id_number"] = pupils[2].values["id_number"];  // now one number held twice
        s.saveRow(*students, pupils[0]);
    }));
    QCOMPARE(field(run(*store, "duplicates", {}).value(QLatin1String("totals")).toObject(), "same_id"), 1);
    QVERIFY(step([&](StoreSession &s) { s.query("DELETE FROM students WHERE id = ?", {pupils[1].id}); }));
    QCOMPARE(field(run(*store, "enrolment", {{"by", "county"}}).value(QLatin1String("totals")).toObject(), "total"), 2);

    // A pupil pushed as a new row (the bulk path, without a StoredRow).
    QVERIFY(step([&](StoreSession &s) {
        std::vector<std::optional<Value>> fields(students->fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (const auto it = pupils[2].values.find(students->fields[i].name); it != pupils[2].values.end())
                fields[i] = it->second;
        s.insertRow(*students, sync::newUuidV7(), school.id, sync::Hlc{1, 0, "dev"}, fields);
    }));
    QCOMPARE(field(run(*store, "duplicates", {}).value(QLatin1String("totals")).toObject(), "same_id"), 1);
    // Inserted and changed in one job: the insert is counted before the update's triggers run.
    QVERIFY(step([&](StoreSession &s) {
        StoredRow late = makeRow("students", school.id,
                                 {{"name", "插班生"}, {"sex", "女"}, {"birth_date", "2018-02-01"},
                                  {"id_number", idNumber("20180201", 962)}, {"grade", "2"}, {"class_name", "1班"}});
        s.saveRow(*students, late);
        late.values["class_name"] = std::string("3班");
        late.values["migrant"] = std::int64_t{1};
        s.saveRow(*students, late);
    }));
    // New pupils of every kind the summaries tell apart: on leave (休学) with flags and no
    // phone; graduated; no ethnicity and a phone.
    QVERIFY(step([&](StoreSession &s) {
        int serial = 980;
        for (const char *status : {"2", "5", "1"}) {
            StoredRow p = makeRow("students", school.id,
                                  {{"name", "新生"}, {"sex", "女"}, {"birth_date", "2018-06-01"},
                                   {"id_number", idNumber("20180601", serial += 2)}, {"grade", "1"},
                                   {"class_name", "2班"}, {"ethnicity", "汉族"}, {"guardian_phone", "13800000000"}});
            p.values["status"] = std::string(status);
            if (std::string(status) == "2") {
                p.values["left_behind"] = std::int64_t{1};
                p.values["poverty_registered"] = std::int64_t{1};
                p.values["guardian_phone"] = Value{};
            } else if (std::string(status) == "1") {
                p.values["ethnicity"] = Value{};
            }
            s.saveRow(*students, p);
        }
    }));
    // A job that fails after inserting leaves nothing counted.
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, store->write([&](StoreSession &s) {
        s.saveRow(*students, makeRow("students", school.id,
                                     {{"name", "未入学"}, {"sex", "男"}, {"birth_date", "2018-03-01"},
                                      {"id_number", idNumber("20180301", 973)}, {"grade", "2"}, {"class_name", "1班"}}));
        throw std::runtime_error("job refused");
    }));
    QVERIFY(summaryMatches(*store));

    // A store from before the summary: it is made, and filled, on the next open. Its INSERT
    // trigger, from when inserts were counted that way, is dropped: nothing counts twice.
    store->close();
    store.reset();
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    for (const std::string t : {"report_pupils", "report_ids"}) {
        for (const char *trigger : {"_delete", "_update_old", "_update_new"})
            QCOMPARE(sqlite3_exec(db, ("DROP TRIGGER " + t + trigger).c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, ("DROP TABLE " + t).c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, ("CREATE TRIGGER " + t + "_insert AFTER INSERT ON students BEGIN UPDATE " + t +
                                   " SET " + (t == "report_ids" ? "holders = holders + 1" : "pupils = pupils + 1") +
                                   "; END").c_str(), nullptr, nullptr, nullptr),
                 SQLITE_OK);
    }
    sqlite3_close(db);
    store = std::make_unique<SqliteStore>(path);
    QVERIFY(summaryMatches(*store));
    QVERIFY(step([&](StoreSession &s) { s.saveRow(*students, pupils[1]); }));
    store->close();
}

QTEST_GUILESS_MAIN(TestReportSummary)
#include "tst_report_summary.moc"
