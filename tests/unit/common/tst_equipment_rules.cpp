// Equipment's fields and rules (validate/EquipmentRules.cpp, schema/EquipmentFigures.h): prices
// and quantities as sheets write them, what a school may set on an asset, what each 出入库 needs
// and does, a room's periods, and the figures the reports count by.
#include "schema/CodeTables.h"
#include "schema/EquipmentFigures.h"
#include "schema/Schema.h"
#include "validate/EquipmentRules.h"
#include "validate/FieldRules.h"

#include <QTest>

using namespace emis;
using validate::Record;

namespace {

namespace ef = schema::equipment_figures;

const schema::Table &table(const char *name) { return *schema::findTable(name); }

std::string codes(const char *tableName, const Record &r)
{
    std::string out;
    for (const auto &i : validate::validateRecord(table(tableName), r, validate::Completeness::Whole))
        out += i.code() + ":" + i.field + " ";
    return out;
}

std::string changeCode(const char *tableName, const Record &incoming, const Record *current, bool deleting = false)
{
    const auto issue = validate::checkChange(table(tableName), incoming, current, deleting);
    return issue ? issue->code() : std::string();
}

Value text(const char *s) { return Value{std::string(s)}; }

} // namespace

class TestEquipmentRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void price_readsTheFormsSheetsUse_data();
    void price_readsTheFormsSheetsUse();
    void quantity_isAWholeNumberAboveZero();
    void asset_writtenOffOnlyByTheBureau();
    void move_needsWhatItsKindNeeds();
    void move_transferInAndDecisionsAreTheServers();
    void move_effectOnItsAsset();
    void move_filedPendingAndHandedOverWhenApproved();
    void roomUse_periodOfTheDay();
    void figures_everyCategoryHasALife_dueDates();
};

void TestEquipmentRules::price_readsTheFormsSheetsUse_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<double>("yuan");  // -1: refused
    QTest::newRow("plain") << "3200" << 3200.0;
    QTest::newRow("decimals") << "3200.50" << 3200.5;
    QTest::newRow("yen sign, thousands") << QString::fromUtf8("¥3,200.00") << 3200.0;
    QTest::newRow("full-width yen") << QString::fromUtf8("￥3，200") << 3200.0;
    QTest::newRow("yuan") << QString::fromUtf8("4299元") << 4299.0;
    QTest::newRow("wan yuan") << QString::fromUtf8("1.25万元") << 12500.0;
    QTest::newRow("wan") << QString::fromUtf8("0.32万") << 3200.0;
    QTest::newRow("RMB and space") << "RMB 1,234,567.5" << 1234567.5;
    QTest::newRow("float from a number cell") << "3199.9999999998" << 3200.0;
    QTest::newRow("zero") << "0" << 0.0;
    QTest::newRow("negative") << "-5" << -1.0;
    QTest::newRow("misplaced comma") << "3,20" << -1.0;
    QTest::newRow("comma first") << ",320" << -1.0;
    QTest::newRow("words") << QString::fromUtf8("约三千") << -1.0;
    QTest::newRow("two numbers") << "3200/3400" << -1.0;
}

void TestEquipmentRules::price_readsTheFormsSheetsUse()
{
    QFETCH(QString, raw);
    QFETCH(double, yuan);
    const auto v = validate::normalizeField(*table("assets").field("unit_price"), raw.toStdString());
    if (yuan < 0) {
        QVERIFY(std::holds_alternative<Issue>(v));
        QCOMPARE(std::get<Issue>(v).code(), std::string("not_amount"));
        return;
    }
    QVERIFY2(std::holds_alternative<Value>(v), qPrintable(raw));
    QCOMPARE(std::get<double>(std::get<Value>(v)), yuan);
    // What import stores passes the check both sides run on a pushed value.
    QVERIFY(!validate::checkValue(*table("assets").field("unit_price"), std::get<Value>(v)));
    QVERIFY(validate::checkValue(*table("assets").field("unit_price"), Value{3200.555}));
    QVERIFY(validate::checkValue(*table("assets").field("unit_price"), Value{-1.0}));
}

void TestEquipmentRules::quantity_isAWholeNumberAboveZero()
{
    const schema::Field &q = *table("assets").field("quantity");
    QCOMPARE(std::get<std::int64_t>(std::get<Value>(validate::normalizeField(q, "25"))), std::int64_t{25});
    for (const char *bad : {"0", "-2", "2.5", "两台"})
        QCOMPARE(std::get<Issue>(validate::normalizeField(q, bad)).code(), std::string("not_count"));
    QCOMPARE(validate::checkValue(q, Value{std::int64_t{0}})->code(), std::string("not_count"));
    QCOMPARE(q.defaultValue, std::string("1"));
}

void TestEquipmentRules::asset_writtenOffOnlyByTheBureau()
{
    const Record inUse{{"state", text("1")}};
    QCOMPARE(changeCode("assets", {{"state", text("4")}}, &inUse), std::string());  // 待报废: the school's
    QCOMPARE(changeCode("assets", {{"state", text("5")}}, &inUse), std::string("by_approval_only"));
    QCOMPARE(changeCode("assets", {{"state", text("5")}, {"name", text("电脑")}}, nullptr), std::string("by_approval_only"));
    const Record writtenOff{{"state", text("5")}};
    QCOMPARE(changeCode("assets", {{"state", text("5")}, {"note", text("已处置")}}, &writtenOff), std::string());
    QCOMPARE(changeCode("assets", {{"note", text("已处置")}}, &writtenOff), std::string());
}

void TestEquipmentRules::move_needsWhatItsKindNeeds()
{
    Record lend{{"asset_id", text("a1")}, {"kind", text("02")}, {"move_date", text("2026-09-01")}, {"approval", text("0")}};
    QCOMPARE(codes("asset_moves", lend), std::string("required:staff_id "));
    lend["staff_id"] = text("t1");
    QCOMPARE(codes("asset_moves", lend), std::string());
    Record transfer{{"asset_id", text("a1")}, {"kind", text("06")}, {"move_date", text("2026-09-01")}, {"approval", text("1")}};
    QCOMPARE(codes("asset_moves", transfer), std::string("required:other_school_id review_needs_reason:reason "));
    Record writeOff{{"asset_id", text("a1")}, {"kind", text("08")}, {"move_date", text("2026-09-01")}, {"approval", text("1")},
                    {"reason", text("主板损坏，无维修价值")}};
    QCOMPARE(codes("asset_moves", writeOff), std::string());
    QVERIFY(validate::moveNeedsApproval("06") && validate::moveNeedsApproval("08") && !validate::moveNeedsApproval("02"));
}

void TestEquipmentRules::move_transferInAndDecisionsAreTheServers()
{
    // 调入 is written when the bureau approves a 调拨, never by a school.
    QCOMPARE(changeCode("asset_moves", {{"kind", text("07")}}, nullptr), std::string("by_approval_only"));
    // A 报废 or 调拨 is filed pending; the school may withdraw it, not decide it.
    QCOMPARE(changeCode("asset_moves", {{"kind", text("08")}, {"approval", text("1")}}, nullptr), std::string());
    QCOMPARE(changeCode("asset_moves", {{"kind", text("08")}, {"approval", text("0")}}, nullptr), std::string("not_recognised"));
    QCOMPARE(changeCode("asset_moves", {{"kind", text("08")}, {"approval", text("2")}}, nullptr), std::string("by_approval_only"));
    const Record pending{{"kind", text("08")}, {"approval", text("1")}};
    QCOMPARE(changeCode("asset_moves", {{"approval", text("4")}}, &pending), std::string());
    QCOMPARE(changeCode("asset_moves", {{"approval", text("3")}}, &pending), std::string("by_approval_only"));
    const Record approved{{"kind", text("08")}, {"approval", text("2")}};
    QCOMPARE(changeCode("asset_moves", {{"reason", text("改")}}, &approved), std::string("wrong_state"));
    QCOMPARE(changeCode("asset_moves", {}, &approved, true), std::string("wrong_state"));
    // Other moves need no approval.
    QCOMPARE(changeCode("asset_moves", {{"kind", text("02")}, {"approval", text("0")}}, nullptr), std::string());
    QCOMPARE(changeCode("asset_moves", {{"kind", text("02")}, {"approval", text("1")}}, nullptr), std::string("not_recognised"));
}

void TestEquipmentRules::move_effectOnItsAsset()
{
    const auto &rules = *table("asset_moves").rules;
    const auto effect = [&](Record r) {
        r["asset_id"] = text("a1");
        return rules.effect(r);
    };
    auto lend = effect({{"kind", text("02")}, {"staff_id", text("t1")}});
    QVERIFY(lend);
    QCOMPARE(lend->table, std::string("assets"));
    QCOMPARE(lend->id, std::string("a1"));
    QCOMPARE(lend->values.at("keeper_id"), text("t1"));
    QCOMPARE(lend->values.at("state"), text("1"));
    auto back = effect({{"kind", text("03")}});
    QVERIFY(back && isNull(back->values.at("keeper_id")));
    QCOMPARE(back->values.at("state"), text("2"));
    QCOMPARE(effect({{"kind", text("04")}})->values.at("state"), text("3"));
    QCOMPARE(effect({{"kind", text("05")}})->values.at("state"), text("1"));
    QCOMPARE(effect({{"kind", text("08")}, {"approval", text("1")}})->values.at("state"), text("4"));
    QVERIFY(!effect({{"kind", text("06")}, {"approval", text("1")}}));  // waits for the bureau
    QVERIFY(!effect({{"kind", text("01")}}));
}

void TestEquipmentRules::move_filedPendingAndHandedOverWhenApproved()
{
    const auto &rules = *table("asset_moves").rules;
    QCOMPARE(rules.complete({{"kind", text("08")}}).at("approval"), text("1"));
    QCOMPARE(rules.complete({{"kind", text("06")}}).at("approval"), text("1"));
    QCOMPARE(rules.complete({{"kind", text("02")}}).at("approval"), text("0"));
    QVERIFY(rules.complete({{"kind", text("08")}, {"approval", text("4")}}).empty());
    Record transfer{{"kind", text("06")}, {"asset_id", text("a1")}, {"other_school_id", text("s2")}, {"approval", text("1")}};
    QVERIFY(!rules.handover(transfer));  // pending: nothing moves yet
    transfer["approval"] = text("2");
    const auto h = rules.handover(transfer);
    QVERIFY(h);
    QCOMPARE(h->table, std::string("assets"));
    QCOMPARE(h->id, std::string("a1"));
    QCOMPARE(h->toSchool, std::string("s2"));
    QCOMPARE(h->followerField, std::string("asset_id"));
    QVERIFY(!rules.handover({{"kind", text("08")}, {"asset_id", text("a1")}, {"approval", text("2")}}));
}

void TestEquipmentRules::roomUse_periodOfTheDay()
{
    Record use{{"room_id", text("r1")}, {"use_date", text("2026-03-02")}, {"period", Value{std::int64_t{3}}}};
    QCOMPARE(codes("room_usage", use), std::string());
    use["period"] = Value{std::int64_t{13}};
    QCOMPARE(codes("room_usage", use), std::string("out_of_range:period "));
    use["period"] = Value{std::int64_t{0}};
    QCOMPARE(codes("room_usage", use), std::string("out_of_range:period "));
}

void TestEquipmentRules::figures_everyCategoryHasALife_dueDates()
{
    const auto *categories = schema::findCodeTable("asset_category");
    QVERIFY(categories);
    QCOMPARE(categories->entries.size(), ef::categories().size());
    for (const auto &c : ef::categories()) {
        QVERIFY(c.lifeYears >= 6);
        QCOMPARE(categories->normalize(c.zh), std::optional<std::string>(c.code));
    }
    // Computers, servers, printers and projectors: at least 6 years (the norm's floor), no more.
    for (const char *code : {"01", "02", "04", "05", "07"})
        QCOMPARE(ef::category(code)->lifeYears, 6);
    QCOMPARE(categories->normalize("班班通"), std::optional<std::string>("08"));
    QCOMPARE(categories->normalize("笔记本电脑"), std::optional<std::string>("02"));
    for (const char *kind : ef::kLabKinds)
        QVERIFY(schema::findCodeTable("room_kind")->byCode(kind));
    QCOMPARE(ef::dueDate("2020-09-01", 6), std::string("2026-09-01"));
    QCOMPARE(ef::dueDate("2020-02-29", 6), std::string("2026-02-28"));
    QCOMPARE(ef::dueDate("2020-02-29", 8), std::string("2028-02-28"));
    QCOMPARE(ef::dueDate("", 6), std::string());
    QVERIFY(ef::held("1") && ef::held("2") && ef::held("3") && !ef::held("4") && !ef::held("5"));
}

QTEST_GUILESS_MAIN(TestEquipmentRules)
#include "tst_equipment_rules.moc"
