#include "store/IssueService.h"

#include "emis.pb.h"
#include "schema/SqlGen.h"
#include "store/ChangeLog.h"
#include "store/LocalStore.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "store/Versions.h"

#include <QCoreApplication>

namespace emis::client {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("emis::client::IssueService", text); }

Result<const schema::Table *> tableOf(const QString &name)
{
    const schema::Table *t = schema::findTable(ss(name));
    if (!t)
        // lupdate files a free function's tr() under the namespace, so this one is looked up there.
        return makeError(ErrorKind::Other,
                         QCoreApplication::translate("emis::client", "This program does not know the table %1.").arg(name));
    return t;
}

} // namespace

Result<SaveOutcome> IssueService::resolveRejection(qint64 id, const RawFields &corrections, const QString &note)
{
    IssueStore issues(m_store.db());
    auto r = issues.rejection(id);
    if (!r)
        return r.error();
    if (r->state != QLatin1String("open"))
        return makeError(ErrorKind::Invalid, tr("Rejection %1 is already closed.").arg(id));
    auto table = tableOf(r->table);
    if (!table)
        return table.error();
    auto refused = ChangeLog(m_store.db()).bySeq(r->deviceSeq);
    if (!refused)
        return refused.error();
    std::vector<std::string> resend;
    for (const auto &f : refused->fields())
        resend.push_back(f.field());
    RecordRepository repo(m_store, **table);
    auto saved = repo.edit(r->rowId, corrections, resend);
    if (!saved)
        return saved.error();
    const QString why = note.isEmpty() ? tr("corrected and resent as change %1").arg(saved->deviceSeq) : note;
    if (auto st = issues.closeRejection(id, QStringLiteral("resolved"), why); !st)
        return st.error();
    return saved;
}

Status IssueService::discardRejection(qint64 id, const QString &note)
{
    IssueStore issues(m_store.db());
    auto r = issues.rejection(id);
    if (!r)
        return r.error();
    auto table = tableOf(r->table);
    if (!table)
        return table.error();
    auto refused = ChangeLog(m_store.db()).bySeq(r->deviceSeq);
    if (!refused)
        return refused.error();
    Transaction tx(m_store.db());
    if (auto st = issues.closeRejection(id, QStringLiteral("discarded"), note); !st)
        return st;
    // Forget our version of the refused fields so the server's values win on the next pull.
    if (auto st = materializeVersions(m_store.db(), **table, r->rowId); !st)
        return st;
    for (const auto &f : refused->fields()) {
        const schema::Field *field = (*table)->field(f.field());
        if (!field)
            continue;
        Sql q(m_store.db(), QStringLiteral("UPDATE %1 SET %2 = NULL WHERE id = ?")
                                .arg(qs(schema::versionsTable(**table)), qs(schema::versionHlcColumn(*field))));
        if (auto st = q.bind(r->rowId).exec(); !st)
            return st;
    }
    if (auto st = m_store.setPullCursor(0); !st)
        return st;
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not commit."));
    return Ok{};
}

Result<SaveOutcome> IssueService::resolveConflict(qint64 id, const RawFields &corrections, const QString &note)
{
    IssueStore issues(m_store.db());
    auto all = issues.conflicts(true);
    if (!all)
        return all.error();
    const auto it = std::find_if(all->begin(), all->end(), [&](const ConflictEntry &c) { return c.id == id; });
    if (it == all->end())
        return makeError(ErrorKind::Invalid, tr("No open conflict with number %1.").arg(id));
    SaveOutcome outcome{it->rowId, 0};
    if (!corrections.isEmpty()) {
        auto table = tableOf(it->table);
        if (!table)
            return table.error();
        auto saved = RecordRepository(m_store, **table).edit(it->rowId, corrections);
        if (!saved)
            return saved.error();
        outcome = *saved;
    }
    const QString why = !note.isEmpty() ? note
                        : outcome.deviceSeq ? tr("corrected as change %1").arg(outcome.deviceSeq)
                                            : tr("winner accepted");
    if (auto st = issues.closeConflict(id, QStringLiteral("resolved"), why); !st)
        return st.error();
    return outcome;
}

Status IssueService::discardConflict(qint64 id, const QString &note)
{
    return IssueStore(m_store.db()).closeConflict(id, QStringLiteral("discarded"), note);
}

} // namespace emis::client
