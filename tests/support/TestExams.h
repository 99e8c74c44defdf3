#pragma once

// An exam to score, in a school device's store: a term as the county sends it, the school's own
// exam of 七年级 with 语文 (120 marks) and 数学 (100), and pupils in its classes, for the score
// grid's and the score screens' tests. Rows from the county arrive as a pulled page would bring
// them (applyServerRow), since a school cannot write them.
#include "emis.pb.h"
#include "store/LocalStore.h"
#include "store/RecordRepository.h"
#include "store/RecordStore.h"
#include "store/RemoteMerge.h"
#include "sync/WireConvert.h"
#include "validate/IdNumber.h"

#include <QDateTime>
#include <QStringList>

#include <map>
#include <string>

namespace emis::testing {

// One row of `table` as the county server would send it (every field given, stamped by the
// server now), applied as if pulled.
inline bool applyServerRow(client::LocalStore &store, const char *table, const std::string &id, const char *owner,
                           const std::map<std::string, Value> &values, std::uint64_t seq)
{
    const sync::Hlc stamp{static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()),
                          static_cast<std::uint32_t>(seq), "server"};
    wire::PullPage page;
    wire::RowState &r = *page.add_rows();
    r.set_server_seq(seq);
    r.set_table(table);
    r.set_row_id(id);
    r.set_school_id(owner);
    for (const auto &f : schema::findTable(table)->fields) {
        const auto it = values.find(f.name);
        sync::toWire(f.name, it == values.end() ? Value{} : it->second, *r.add_fields());
        sync::toWire(stamp, *r.add_field_hlcs());
    }
    sync::toWire(stamp, *r.mutable_hlc());
    page.set_next_cursor(seq);
    return client::RemoteMerge(store).applyPage(page).ok();
}

struct ExamSetup {
    QString examId;
    QString chinese;  // its exam_subjects rows
    QString maths;
    QStringList pupils;  // ids, in the order given
};

// `classes`: each class (1班, 2班) with its pupils' names, in 学籍号 order.
inline ExamSetup ownExam(client::LocalStore &store, const std::vector<std::pair<QString, QStringList>> &classes)
{
    ExamSetup out;
    if (!applyServerRow(store, "terms", "term-2025-1", "",
                        {{"code", std::string("2025-2026-1")},
                         {"name", std::string("2025-2026学年第一学期")},
                         {"start_date", std::string("2025-09-01")},
                         {"end_date", std::string("2026-01-31")}},
                        1))
        qFatal("cannot apply the term");
    client::RecordStore records(store);
    auto save = [&](const char *table, const validate::Record &r) {
        auto saved = records.save(*schema::findTable(table), QString(), r);
        if (!saved)
            qFatal("%s: %s", table, qPrintable(saved.error().message));
        return saved->id;
    };
    out.examId = save("exams", {{"name", std::string("期中考试")},
                                {"term_id", std::string("term-2025-1")},
                                {"grade", std::int64_t(7)},
                                {"exam_date", std::string("2025-11-10")}});
    out.chinese = save("exam_subjects", {{"exam_id", out.examId.toStdString()},
                                         {"subject", std::string("01")},
                                         {"full_marks", 120.0},
                                         {"excellent_pct", std::int64_t(85)},
                                         {"pass_pct", std::int64_t(60)},
                                         {"low_pct", std::int64_t(40)}});
    out.maths = save("exam_subjects", {{"exam_id", out.examId.toStdString()},
                                       {"subject", std::string("02")},
                                       {"full_marks", 100.0},
                                       {"excellent_pct", std::int64_t(85)},
                                       {"pass_pct", std::int64_t(60)},
                                       {"low_pct", std::int64_t(40)}});
    client::RecordRepository pupils(store, *schema::findTable("students"));
    int seq = 1;
    for (const auto &[cls, names] : classes)
        for (const QString &name : names) {
            const std::string first17 = "36042920130315" + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0')).toStdString();
            const QString id = QString::fromStdString(first17 + validate::idCheckCharacter(first17));
            auto added = pupils.add({{QStringLiteral("姓名"), name},
                                     {QStringLiteral("性别"), seq % 2 ? QStringLiteral("男") : QStringLiteral("女")},
                                     {QStringLiteral("出生日期"), QStringLiteral("2013-03-15")},
                                     {QStringLiteral("身份证件号"), id},
                                     {QStringLiteral("学籍号"), QStringLiteral("G") + id},
                                     {QStringLiteral("年级"), QStringLiteral("七年级")},
                                     {QStringLiteral("班级"), cls}});
            if (!added)
                qFatal("pupil %s: %s", qPrintable(name), qPrintable(added.error().message));
            out.pupils << added->id;
            ++seq;
        }
    return out;
}

} // namespace emis::testing
