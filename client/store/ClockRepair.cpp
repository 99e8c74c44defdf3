#include "store/ClockRepair.h"

#include "schema/SqlGen.h"
#include "store/ChangeLog.h"
#include "store/RecordStore.h"
#include "store/IssueStore.h"
#include "store/LocalStore.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "store/Versions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::ClockRepair", text); }

// A row holding at least one stamp ahead: its stamp texts by column (the row's "hlc", then the
// versions' "<field>_hlc" and "deleted_hlc"), NULL as a null QVariant.
struct AheadRow {
    QString id;
    QString rowHlc;
    bool deleted = false;
    QStringList fields;   // the field of each version stamp, "deleted" for the tombstone's
    QStringList columns;  // its column
    QVariantList stamps;
};

struct Scan {
    sync::Hlc latestGood;  // the latest stamp the store holds that is not ahead
    std::vector<std::pair<const schema::Table *, AheadRow>> ahead;
};

template <typename Ahead>
Result<Scan> scanStamps(const QSqlDatabase &db, const Ahead &isAhead)
{
    Scan scan;
    const auto look = [&](const QVariant &text) {
        const auto h = text.isNull() ? std::nullopt : sync::Hlc::fromText(ss(text.toString()));
        if (!h)
            return false;
        if (isAhead(*h))
            return true;
        if (scan.latestGood < *h)
            scan.latestGood = *h;
        return false;
    };
    for (const auto &t : schema::tables()) {
        QStringList fields, columns;
        for (const auto &f : t.fields) {
            fields << qs(f.name);
            columns << qs(schema::versionHlcColumn(f));
        }
        fields << QStringLiteral("deleted");
        columns << QStringLiteral("deleted_hlc");
        QStringList select{QStringLiteral("r.id"), QStringLiteral("r.hlc"), QStringLiteral("r.deleted")};
        for (const auto &c : columns)
            select << QStringLiteral("v.") + c;
        // Identifiers from the schema only.
        Sql q(db, QStringLiteral("SELECT %1 FROM %2 r LEFT JOIN %3 v ON v.id = r.id")
                      .arg(select.join(QStringLiteral(", ")), qs(t.name), qs(schema::versionsTable(t))));
        if (auto st = q.exec(); !st)
            return st.error();
        while (q.next()) {
            bool any = look(q.value(1));
            QVariantList stamps;
            for (int i = 0; i < columns.size(); ++i) {
                stamps << q.value(3 + i);
                any = look(stamps.back()) || any;
            }
            if (any)
                scan.ahead.push_back(
                    {&t, AheadRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0, fields, columns, stamps}});
        }
    }
    return scan;
}

} // namespace

bool ClockRepair::needed(std::uint64_t serverTimeMs)
{
    m_store.catchUpClock();
    return sync::tooFarAhead(m_store.clock().last(), serverTimeMs);
}

Result<ClockRepairReport> ClockRepair::run(std::uint64_t serverTimeMs, quint64 serverWatermark)
{
    const auto isAhead = [serverTimeMs](const sync::Hlc &h) { return sync::tooFarAhead(h, serverTimeMs); };
    const QSqlDatabase db = m_store.db();
    Transaction tx(db);
    m_store.catchUpClock();
    ClockRepairReport report;
    report.was = m_store.clock().last();
    report.serverTimeMs = serverTimeMs;

    // Stamps implied by the rows' own (store/Versions.h) are rewritten field by field here.
    for (const auto &t : schema::tables())
        if (auto st = materializeVersions(db, t, QString()); !st)
            return st.error();
    auto scan = scanStamps(db, isAhead);
    if (!scan)
        return scan.error();
    // The corrected clock: the computer's time, after every stamp the device saw that is not ahead.
    sync::HlcClock corrected(m_store.clock().device());
    corrected.reset(scan->latestGood);

    // The changes the server does not hold, oldest first: from the first one stamped ahead on,
    // each takes the next stamp, so they keep their order.
    QHash<QString, QString> renamed;  // a stamp ahead (text) -> its change's new stamp
    bool restamping = false;
    auto restamped = ChangeLog(db).restampAfter(
        serverWatermark,
        [&](const sync::Hlc &old) -> std::optional<sync::Hlc> {
            restamping = restamping || isAhead(old);
            if (!restamping)
                return std::nullopt;
            const sync::Hlc stamp = corrected.tick();
            renamed.insert(qs(old.toText()), qs(stamp.toText()));
            return stamp;
        },
        [&](const QString &base) {
            // The version a change overwrote: an earlier change's, renamed with it; one ahead that
            // no change the server lacks made is unknown now (none: a pull then sees any other
            // device's write to the field as concurrent, and records the conflict).
            const auto h = sync::Hlc::fromText(ss(base));
            return h && isAhead(*h) ? renamed.value(base) : base;
        });
    if (!restamped)
        return restamped.error();
    report.restamped = *restamped;

    // The rows. Every stamp ahead is a write the server never took (it refuses them): one a
    // change above renamed takes the new stamp; any other (a change the server refused, or holds
    // refused with its answer lost) is sent again with the row's current value, as a new change
    // stamped by the corrected clock. Its version is cleared first, so that the new change's base
    // is none: a pull then takes any other device's write to the field as concurrent and records
    // the conflict, rather than miss one.
    struct Resend {
        const schema::Table *table;
        QString id;
        std::vector<std::string> fields;
        bool tombstone = false;
    };
    std::vector<Resend> resends;
    for (const auto &[table, row] : scan->ahead) {
        QStringList sets;
        QVariantList values;
        Resend resend{table, row.id, {}, false};
        sync::Hlc latest;
        for (int i = 0; i < row.fields.size(); ++i) {
            const QVariant &text = row.stamps[i];
            const auto h = text.isNull() ? std::nullopt : sync::Hlc::fromText(ss(text.toString()));
            if (!h)
                continue;
            QString now = text.toString();
            if (isAhead(*h)) {
                now = renamed.value(now);
                sets << row.columns[i] + QStringLiteral(" = ?");
                values << (now.isEmpty() ? QVariant() : QVariant(now));
                if (now.isEmpty() && row.fields[i] == QLatin1String("deleted"))
                    resend.tombstone = row.deleted;
                else if (now.isEmpty())
                    resend.fields.push_back(ss(row.fields[i]));
            }
            if (const auto n = sync::Hlc::fromText(ss(now)); n && latest < *n)
                latest = *n;
        }
        if (!sets.isEmpty()) {
            Sql v(db, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                          .arg(qs(schema::versionsTable(*table)), sets.join(QStringLiteral(", "))));
            for (const auto &x : values)
                v.bind(x);
            if (auto st = v.bind(row.id).exec(); !st)
                return st.error();
        }
        if (const auto rowStamp = sync::Hlc::fromText(ss(row.rowHlc)); rowStamp && isAhead(*rowStamp)) {
            Sql r(db, QStringLiteral("UPDATE %1 SET hlc = ? WHERE id = ?").arg(qs(table->name)));
            if (auto st = r.bind(renamed.value(row.rowHlc, qs(latest.toText()))).bind(row.id).exec(); !st)
                return st.error();
        }
        ++report.rowsCorrected;
        if (resend.tombstone || (!row.deleted && !resend.fields.empty()))
            resends.push_back(std::move(resend));
    }
    // From here on the device's stamps come from the corrected clock.
    if (auto st = m_store.setClockBack(corrected.last()); !st)
        return st.error();

    RecordStore records(m_store);
    QSet<QString> failed;
    for (const auto &r : resends) {
        auto saved = r.tombstone ? records.remove(*r.table, r.id, true) : records.save(*r.table, r.id, {}, r.fields);
        if (saved)
            ++report.resent;
        else
            failed.insert(r.id);
    }
    // A row that cannot be sent again (it belongs to another school now, it no longer validates):
    // its cleared fields take the server's values on a pull of the whole school, and its refusal
    // stays open for the clerk.
    if (!failed.isEmpty())
        if (auto st = m_store.setPullCursor(0); !st)
            return st.error();
    IssueStore issues(db);
    auto open = issues.rejections(true);
    if (!open)
        return open.error();
    for (const auto &r : *open)
        if (r.code == QLatin1String("hlc_too_far_ahead") && !failed.contains(r.rowId))
            if (auto st = issues.closeRejection(r.id, QStringLiteral("resolved"),
                                                tr("sent again after the device's clock was corrected"));
                !st)
                return st.error();
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not commit the clock correction."));
    return report;
}

QString clockRepairNotice(const ClockRepairReport &report)
{
    const auto when = [](std::uint64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    // lupdate files a free function's tr() under the namespace, so this one is looked up there.
    return QCoreApplication::translate("emis::client",
                                       "This device's clock had run ahead to %1 while the county server's time "
                                       "is %2. The clock was corrected: %3 changes not yet sent were stamped with "
                                       "the corrected time and %4 edits the server had refused for the clock were "
                                       "sent again. No edit was lost.")
        .arg(when(report.was.physicalMs), when(report.serverTimeMs))
        .arg(report.restamped)
        .arg(report.resent);
}

} // namespace emis::client
