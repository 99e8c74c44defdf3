// Validation rules of common/: ID numbers (GB 11643), dates, code tables, phones, records.
#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "validate/DateText.h"
#include "validate/FieldRules.h"
#include "validate/IdNumber.h"
#include "validate/RecordValidator.h"
#include "validate/TransferStates.h"

#include <QFile>

#include <set>
#include <tuple>
#include <QStringList>
#include <QTest>

using namespace emis;

namespace {

std::string s(const QString &q) { return q.toStdString(); }

// The fixture rosters' rows as header -> text.
QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    QString all = QString::fromUtf8(f.readAll());
    if (all.startsWith(QChar(0xFEFF)))
        all.remove(0, 1);
    for (const QString &line : all.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows.append(line.trimmed().split(QLatin1Char(',')));
    return rows;
}

std::map<std::string, std::string, std::less<>> studentRaw(const QStringList &header, const QStringList &row)
{
    const auto *table = schema::findTable("students");
    std::map<std::string, std::string, std::less<>> raw;
    for (int i = 0; i < header.size() && i < row.size(); ++i)
        for (const auto &f : table->fields)
            if (f.labelZh == s(header[i]))
                raw[f.name] = s(row[i]);
    return raw;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void residentId_data();
    void residentId();
    void dirtyFixtureIdNumbers_data();
    void dirtyFixtureIdNumbers();
    void dirtyFixtureRows_firstReasonMatchesExpected();
    void utf8BomFixture_everyRowValid();
    void dates_data();
    void dates();
    void yearMonth_data();
    void yearMonth();
    void excelSerialDates();
    void codeTables_data();
    void codeTables();
    void phones_data();
    void phones();
    void otherDocuments_data();
    void otherDocuments();
    void record_birthDateInsideIdDisagrees();
    void record_sexDigitDisagrees();
    void record_missingRequiredNamedInBothLanguages();
    void record_partialChangeChecksOnlyGivenFields();
    void everyReasonHasBothLanguages();
    void transferMoves_onlyTheRightPartyAtTheRightTime();
};

void TestValidation::residentId_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("reason");  // empty = valid
    QTest::addColumn<QString>("birth");
    QTest::addColumn<QString>("sex");
    QTest::addRow("valid female") << "360429200911281169" << "" << "2009-11-28" << "2";
    QTest::addRow("valid male") << "360429200911080412" << "" << "2009-11-08" << "1";
    QTest::addRow("X check character") << "36042920100409898X" << "" << "2010-04-09" << "2";
    QTest::addRow("lower-case x") << "36042920100409898x" << "" << "2010-04-09" << "2";
    QTest::addRow("full-width digits") << QString::fromUtf8("３６０４２９２００９１１２８１１６９") << "" << "2009-11-28" << "2";
    QTest::addRow("blanks around") << "  360429200911281169 " << "" << "2009-11-28" << "2";
    QTest::addRow("check character wrong") << "360429201003227201" << "id_check_character" << "" << "";
    QTest::addRow("X where a digit belongs") << "36042920091128116X" << "id_check_character" << "" << "";
    QTest::addRow("15-digit old number") << "360429091128116" << "id_old_15" << "" << "";
    QTest::addRow("17 digits") << "36042920091128116" << "id_length" << "" << "";
    QTest::addRow("letters inside") << "3604292009A1281169" << "id_characters" << "" << "";
    QTest::addRow("arrived as a number") << "3.60429200911281e+17" << "id_as_number" << "" << "";
    QTest::addRow("arrived as a number, upper E") << "3.60429200911281E+17" << "id_as_number" << "" << "";
    QTest::addRow("arrived as a decimal") << "360429200911281000.0" << "id_as_number" << "" << "";
    QTest::addRow("arrived as a short float") << "3.6E17" << "id_as_number" << "" << "";
    // 360429200911281169 through a numeric cell: 15 significant digits, then zeros.
    QTest::addRow("arrived as a number, zeros kept as text") << "360429200911281000" << "id_as_number" << "" << "";
    QTest::addRow("a dotted number that is no float") << "3.604E" << "id_length" << "" << "";
    // 2009-02-30 inside, with a check character that fits those digits.
    const std::string body = "36042920090230123";
    QTest::addRow("impossible birth date inside")
        << QString::fromStdString(body + validate::idCheckCharacter(body)) << "id_birth_invalid" << "" << "";
}

void TestValidation::residentId()
{
    QFETCH(QString, number);
    QFETCH(QString, reason);
    QFETCH(QString, birth);
    QFETCH(QString, sex);
    const auto result = validate::checkResidentId(s(number));
    if (reason.isEmpty()) {
        QVERIFY2(std::holds_alternative<validate::ResidentId>(result),
                 std::holds_alternative<Issue>(result) ? std::get<Issue>(result).en.c_str() : "");
        const auto &id = std::get<validate::ResidentId>(result);
        QCOMPARE(QString::fromStdString(id.birthDate), birth);
        QCOMPARE(QString::fromStdString(id.sexCode), sex);
        QCOMPARE(id.number.size(), std::size_t{18});
        QVERIFY(id.number.back() != 'x');
    } else {
        QVERIFY(std::holds_alternative<Issue>(result));
        const auto &issue = std::get<Issue>(result);
        QCOMPARE(QString::fromStdString(issue.code()), reason);
        QVERIFY(!issue.zh.empty());
        QVERIFY(!issue.en.empty());
    }
}

void TestValidation::dirtyFixtureIdNumbers_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("checksumValid");
    const auto rows = readCsv(QStringLiteral(EMIS_FIXTURES_DIR "/students_dirty.csv"));
    QVERIFY(rows.size() == 16);
    const int col = rows.front().indexOf(QString::fromUtf8("身份证件号"));
    QVERIFY(col >= 0);
    // Line 10 of the file (row index 9) carries the one wrong check character.
    for (int i = 1; i < rows.size(); ++i)
        QTest::addRow("line %d", i + 1) << rows[i][col] << (i + 1 != 10);
}

void TestValidation::dirtyFixtureIdNumbers()
{
    QFETCH(QString, number);
    QFETCH(bool, checksumValid);
    const std::string n = s(number);
    QCOMPARE(validate::idCheckCharacter(n.substr(0, 17)) == n.back(), checksumValid);
    const auto result = validate::checkResidentId(n);
    if (checksumValid)
        QVERIFY(std::holds_alternative<validate::ResidentId>(result));
    else
        QCOMPARE(std::get<Issue>(result).reason, Reason::IdCheckCharacter);
}

void TestValidation::dirtyFixtureRows_firstReasonMatchesExpected()
{
    // Every row that the record rules alone can judge; line 15 (a repeat of line 3) is a
    // file-level check made by the importer.
    const auto rows = readCsv(QStringLiteral(EMIS_FIXTURES_DIR "/students_dirty.csv"));
    const auto expected = readCsv(QStringLiteral(EMIS_FIXTURES_DIR "/students_dirty.expected.csv"));
    QMap<int, QString> reasons;
    for (int i = 1; i < expected.size(); ++i)
        reasons[expected[i][0].toInt()] = expected[i].mid(1).join(QLatin1Char(','));
    const auto *table = schema::findTable("students");
    for (int i = 1; i < rows.size(); ++i) {
        const int line = i + 1;
        const auto result = validate::normalizeRecord(*table, studentRaw(rows.front(), rows[i]));
        if (line == 15 || !reasons.contains(line)) {
            QVERIFY2(result.issues.empty(), qPrintable(QStringLiteral("line %1: %2").arg(line).arg(
                                                QString::fromStdString(result.issues.empty() ? "" : result.issues[0].text()))));
        } else {
            QVERIFY2(!result.issues.empty(), qPrintable(QStringLiteral("line %1 accepted").arg(line)));
            QCOMPARE(QString::fromStdString(result.issues.front().text()), reasons[line]);
        }
    }
}

void TestValidation::utf8BomFixture_everyRowValid()
{
    const auto rows = readCsv(QStringLiteral(EMIS_FIXTURES_DIR "/students_utf8bom.csv"));
    QCOMPARE(rows.size(), 91);
    const auto *table = schema::findTable("students");
    for (int i = 1; i < rows.size(); ++i) {
        const auto result = validate::normalizeRecord(*table, studentRaw(rows.front(), rows[i]));
        QVERIFY2(result.issues.empty(), qPrintable(QString::fromStdString(result.issues.empty() ? "" : result.issues[0].text())));
        QCOMPARE(std::get<std::string>(result.values.at("id_type")), std::string("1"));
        QCOMPARE(std::get<std::string>(result.values.at("status")), std::string("1"));
        QVERIFY(std::get<std::int64_t>(result.values.at("grade")) >= 1);
    }
}

void TestValidation::dates_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");  // empty = refused
    QTest::addRow("iso") << "2016-09-01" << "2016-09-01";
    QTest::addRow("compact") << "20160901" << "2016-09-01";
    QTest::addRow("slashes, no zeros") << "2016/9/1" << "2016-09-01";
    QTest::addRow("dots") << "2016.9.1" << "2016-09-01";
    QTest::addRow("chinese") << QString::fromUtf8("2016年9月1日") << "2016-09-01";
    QTest::addRow("with midnight time") << "2010-04-09 00:00:00" << "2010-04-09";
    QTest::addRow("leap day") << "2012-02-29" << "2012-02-29";
    QTest::addRow("no leap day") << "2011-02-29" << "";
    QTest::addRow("february 30") << "2011-02-30" << "";
    QTest::addRow("month 13") << "2016-13-01" << "";
    QTest::addRow("two-digit year") << "16-9-1" << "";
    QTest::addRow("words") << "yesterday" << "";
    QTest::addRow("1800s") << "1850-01-01" << "";
}

void TestValidation::dates()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto d = validate::parseDate(s(input));
    QCOMPARE(d ? QString::fromStdString(d->toText()) : QString(), expected);
}

void TestValidation::yearMonth_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("iso") << "2016-09" << "2016-09";
    QTest::addRow("short month") << "2016/9" << "2016-09";
    QTest::addRow("compact") << "201609" << "2016-09";
    QTest::addRow("chinese") << QString::fromUtf8("2016年9月") << "2016-09";
    QTest::addRow("full date") << "2016-09-01" << "2016-09";
    QTest::addRow("month 0") << "2016-00" << "";
}

void TestValidation::yearMonth()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto m = validate::parseYearMonth(s(input));
    QCOMPARE(m ? QString::fromStdString(*m) : QString(), expected);
}

void TestValidation::excelSerialDates()
{
    QCOMPARE(QString::fromStdString(validate::dateFromExcelSerial(40277)->toText()), QStringLiteral("2010-04-09"));
    QCOMPARE(QString::fromStdString(validate::dateFromExcelSerial(1)->toText()), QStringLiteral("1900-01-01"));
    QCOMPARE(QString::fromStdString(validate::dateFromExcelSerial(61)->toText()), QStringLiteral("1900-03-01"));
    QCOMPARE(QString::fromStdString(validate::dateFromExcelSerial(42614.5)->toText()), QStringLiteral("2016-09-01"));
    QVERIFY(!validate::dateFromExcelSerial(60));
    QVERIFY(!validate::dateFromExcelSerial(-3));
}

void TestValidation::codeTables_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");  // empty = refused
    QTest::addRow("sex word") << "sex" << QString::fromUtf8("男") << "1";
    QTest::addRow("sex digit") << "sex" << "2" << "2";
    QTest::addRow("sex unknown") << "sex" << QString::fromUtf8("未知") << "";
    QTest::addRow("ethnicity name") << "ethnicity" << QString::fromUtf8("汉族") << "01";
    QTest::addRow("ethnicity short name") << "ethnicity" << QString::fromUtf8("回") << "03";
    QTest::addRow("ethnicity code") << "ethnicity" << "08" << "08";
    QTest::addRow("ethnicity code without zero") << "ethnicity" << "8" << "08";
    QTest::addRow("ethnicity last") << "ethnicity" << QString::fromUtf8("外国血统中国籍人士") << "98";
    QTest::addRow("grade name") << "grade" << QString::fromUtf8("一年级") << "1";
    QTest::addRow("grade number") << "grade" << "12" << "12";
    QTest::addRow("grade junior") << "grade" << QString::fromUtf8("初一") << "7";
    QTest::addRow("grade senior") << "grade" << QString::fromUtf8("高三") << "12";
    QTest::addRow("grade 13") << "grade" << QString::fromUtf8("十三年级") << "";
    QTest::addRow("grade 0") << "grade" << "0" << "";
    QTest::addRow("school type alias") << "school_type" << QString::fromUtf8("教学点") << "218";
}

void TestValidation::codeTables()
{
    QFETCH(QString, table);
    QFETCH(QString, input);
    QFETCH(QString, code);
    const auto *t = schema::findCodeTable(s(table));
    QVERIFY(t);
    const auto got = t->normalize(s(input));
    QCOMPARE(got ? QString::fromStdString(*got) : QString(), code);
}

void TestValidation::phones_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<bool>("valid");
    QTest::addRow("mobile") << "17446491023" << true;
    QTest::addRow("mobile with +86") << "+86 138 0013 8000" << true;
    QTest::addRow("landline with area code") << "0792-3321234" << true;
    QTest::addRow("local landline") << "3321234" << true;
    QTest::addRow("Beijing landline") << "010-62345678" << true;
    QTest::addRow("area code only") << "0792" << false;
    QTest::addRow("local number starting with 1") << "0792-1321234" << false;
    QTest::addRow("10 digits") << "1744649102" << false;
    QTest::addRow("starts with 12") << "12446491023" << false;
    QTest::addRow("letters") << "abc" << false;
}

void TestValidation::phones()
{
    QFETCH(QString, phone);
    QFETCH(bool, valid);
    QCOMPARE(validate::isValidPhone(s(phone)), valid);
}

void TestValidation::otherDocuments_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::addRow("HK permit") << "6" << "H12345678" << true;
    QTest::addRow("HK identity card") << "6" << "A123456(7)" << true;
    QTest::addRow("Macao permit") << "7" << "M1234567801" << true;
    QTest::addRow("Taiwan permit") << "8" << "12345678" << true;
    QTest::addRow("passport") << "A" << "E12345678" << true;
    QTest::addRow("passport too short") << "A" << "E12" << false;
    QTest::addRow("resident ID as HK permit") << "6" << "360429200911281169" << false;
    // The GB 11643 check does not apply to other document types.
    QTest::addRow("passport looking like an ID") << "A" << "360429201003227201" << true;
}

void TestValidation::otherDocuments()
{
    QFETCH(QString, type);
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(!validate::checkDocumentNumber(s(type), s(number)).has_value(), valid);
}

void TestValidation::record_birthDateInsideIdDisagrees()
{
    const auto *table = schema::findTable("students");
    auto r = validate::normalizeRecord(*table, {{"name", "郭秀琪"},
                                                {"sex", "男"},
                                                {"birth_date", "2008-09-16"},
                                                {"id_number", "360429209901018317"},
                                                {"grade", "二年级"},
                                                {"class_name", "1班"}});
    QCOMPARE(r.issues.size(), std::size_t{1});
    QCOMPARE(r.issues[0].reason, Reason::IdBirthMismatch);
    QCOMPARE(r.issues[0].field, std::string("id_number"));
}

void TestValidation::record_sexDigitDisagrees()
{
    const auto *table = schema::findTable("students");
    auto r = validate::normalizeRecord(*table, {{"name", "周勇"},
                                                {"sex", "女"},
                                                {"birth_date", "2009-11-08"},
                                                {"id_number", "360429200911080412"},
                                                {"grade", "1"},
                                                {"class_name", "1班"}});
    QCOMPARE(r.issues.size(), std::size_t{1});
    QCOMPARE(r.issues[0].reason, Reason::IdSexMismatch);
}

void TestValidation::record_missingRequiredNamedInBothLanguages()
{
    const auto *table = schema::findTable("staff");
    auto r = validate::normalizeRecord(*table, {{"name", "李明"}, {"sex", "男"}});
    QStringList fields;
    for (const auto &i : r.issues) {
        QCOMPARE(i.reason, Reason::Required);
        fields << QString::fromStdString(i.field);
    }
    QCOMPARE(fields, QStringList({QStringLiteral("id_number"), QStringLiteral("post_category")}));
    QCOMPARE(QString::fromStdString(r.issues[0].text()), QString::fromUtf8("身份证件号为空 / ID number missing"));
}

void TestValidation::record_partialChangeChecksOnlyGivenFields()
{
    const auto *table = schema::findTable("students");
    validate::Record change{{"guardian_phone", std::string("17446491023")}};
    QVERIFY(validate::validateRecord(*table, change, validate::Completeness::Partial).empty());
    QVERIFY(!validate::validateRecord(*table, change, validate::Completeness::Whole).empty());
    validate::Record cleared{{"name", Value{}}};
    const auto issues = validate::validateRecord(*table, cleared, validate::Completeness::Partial);
    QCOMPARE(issues.size(), std::size_t{1});
    QCOMPARE(issues[0].reason, Reason::Required);
    validate::Record nonCanonical{{"birth_date", std::string("2010/4/9")}};
    QCOMPARE(validate::validateRecord(*table, nonCanonical, validate::Completeness::Partial).size(), std::size_t{1});
    validate::Record unknown{{"shoe_size", std::int64_t{38}}};
    QCOMPARE(validate::validateRecord(*table, unknown, validate::Completeness::Partial)[0].reason, Reason::UnknownField);
}

void TestValidation::everyReasonHasBothLanguages()
{
    for (int r = 0; r <= static_cast<int>(Reason::Internal); ++r) {
        const Issue i = makeIssue(static_cast<Reason>(r), "x", "某字段", "some field", "1");
        QVERIFY2(!i.zh.empty() && !i.en.empty(), i.code().c_str());
        QCOMPARE(reasonFromCode(i.code()), static_cast<Reason>(r));
    }
}

void TestValidation::transferMoves_onlyTheRightPartyAtTheRightTime()
{
    using namespace validate::transfer;
    // Every (party, from, to): exactly these moves are allowed, every other is not.
    const std::vector<std::string_view> states{"", WaitingForSender, WaitingForBureau, RefusedBySender,
                                               Withdrawn, Completed, RefusedByBureau};
    const std::set<std::tuple<Party, std::string_view, std::string_view>> allowed{
        {Party::Receiving, "", WaitingForSender},
        {Party::Receiving, WaitingForSender, Withdrawn},
        {Party::Receiving, WaitingForBureau, Withdrawn},
        {Party::Sending, WaitingForSender, WaitingForBureau},
        {Party::Sending, WaitingForSender, RefusedBySender},
        {Party::Bureau, WaitingForBureau, Completed},
        {Party::Bureau, WaitingForBureau, RefusedByBureau},
    };
    int moves = 0;
    for (const Party party : {Party::Receiving, Party::Sending, Party::Bureau})
        for (const auto from : states)
            for (const auto to : states) {
                const bool expected = allowed.count({party, from, to}) > 0;
                QVERIFY2(mayMove(party, from, to) == expected,
                         qPrintable(QStringLiteral("party %1, %2 -> %3").arg(static_cast<int>(party))
                                        .arg(QString::fromLatin1(from.data(), static_cast<int>(from.size())),
                                             QString::fromLatin1(to.data(), static_cast<int>(to.size())))));
                moves += expected ? 1 : 0;
            }
    QCOMPARE(moves, 7);
    // A refusal by the sending school says why; nothing else needs a note from the school.
    QVERIFY(needsNote(Party::Sending, RefusedBySender));
    QVERIFY(!needsNote(Party::Sending, WaitingForBureau));
    QVERIFY(!needsNote(Party::Receiving, Withdrawn));
    // The codes are the code table's.
    for (const auto code : states)
        if (!code.empty())
            QVERIFY(schema::findCodeTable("transfer_state")->byCode(code) != nullptr);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
