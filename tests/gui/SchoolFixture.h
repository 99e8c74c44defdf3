#pragma once

// A school device for GUI tests: a store in a temporary folder, enrolled by writing its identity
// (no server needed for forms, lists and import), and pupils with valid ID numbers.
#include "SchoolSession.h"
#include "TestExams.h"
#include "emis.pb.h"
#include "store/RecordStore.h"
#include "store/RemoteMerge.h"
#include "sync/WireConvert.h"
#include "validate/IdNumber.h"

#include <QDateTime>

#include <QString>
#include <QTest>

#include <memory>

namespace emis::testing {

inline std::unique_ptr<school::SchoolSession> enrolledSession(const QString &dir)
{
    auto session = school::SchoolSession::open(dir);
    if (!session)
        qFatal("cannot open the store: %s", qPrintable(session.error().message));
    client::DeviceIdentity id{QStringLiteral("device-a"), QStringLiteral("school-1"), QStringLiteral("3604290001"),
                              QStringLiteral("城关镇中心小学"), QStringLiteral("127.0.0.1:1")};
    if (auto st = (*session)->store().setIdentity(id); !st)
        qFatal("cannot set the identity: %s", qPrintable(st.error().message));
    return std::move(*session);
}

// A resident ID number with a correct check character (area 360429, birth date, sequence).
inline QString idNumber(const QString &birthYmd, int seq)
{
    const std::string first17 = "360429" + birthYmd.toStdString() +
                                QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0')).toStdString();
    return QString::fromStdString(first17 + validate::idCheckCharacter(first17));
}

// A canonical pupil record (no store): for lists and the benchmark.
inline validate::Record pupilRecord(int i)
{
    static const char *family[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    static const char *given[] = {"子涵", "欣怡", "浩然", "梓轩", "雨桐", "宇航", "思远", "佳怡", "俊杰", "诗涵"};
    const int seq = i % 1000;
    const int year = 2010 + (i / 1000) % 6;
    const QString ymd = QStringLiteral("%1%2%3").arg(year).arg(1 + i % 12, 2, 10, QLatin1Char('0')).arg(1 + i % 28, 2, 10, QLatin1Char('0'));
    validate::Record r;
    r["name"] = std::string(family[i % 10]) + given[(i / 10) % 10] + (i >= 100 ? std::to_string(i / 100) : std::string());
    r["sex"] = std::string(seq % 2 ? "1" : "2");
    r["birth_date"] = ymd.left(4).toStdString() + "-" + ymd.mid(4, 2).toStdString() + "-" + ymd.mid(6, 2).toStdString();
    r["id_type"] = std::string("1");
    r["id_number"] = idNumber(ymd, seq).toStdString();
    r["ethnicity"] = std::string("01");
    r["grade"] = std::int64_t(1 + i % 9);
    r["class_name"] = std::to_string(1 + (i / 9) % 4) + "班";
    r["status"] = std::string("1");
    r["student_no"] = "G" + idNumber(ymd, seq).toStdString();
    return r;
}

inline std::vector<client::StoredRow> pupilRows(int n)
{
    std::vector<client::StoredRow> rows;
    rows.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        rows.push_back(client::StoredRow{QStringLiteral("row-%1").arg(i), QStringLiteral("school-1"), {}, false, pupilRecord(i)});
    return rows;
}

} // namespace emis::testing

namespace emis::testing {

// QTest::keyClicks sends Latin-1 keys only; Chinese text arrives as committed input-method text,
// one character per key event, which is what a clerk's IME does too.
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace emis::testing

namespace emis::testing {

// Applies one row of `table` as the county server would send it, as if pulled: transfers
// addressed to the school, problem records.
inline bool pullRow(school::SchoolSession &session, const char *table, const std::string &id, const char *owner,
                    const std::map<std::string, Value> &values, std::uint64_t seq)
{
    return applyServerRow(session.store(), table, id, owner, values, seq);
}

} // namespace emis::testing
