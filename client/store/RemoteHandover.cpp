// What a pulled decision hands over to another school on this device: an asset given away by an
// approved 调拨 (keepHandover), a person who moved out by a 转学 or 调动 (keepTrace). The rows stay
// here read-only, under the receiving school, as the server moved them.
#include "store/RemoteMerge.h"

#include "emis.pb.h"
#include "schema/Moves.h"
#include "store/LocalStore.h"
#include "store/Sql.h"
#include "store/SqlValue.h"
#include "sync/WireConvert.h"
#include "validate/TableRules.h"

namespace emis::client {

Status RemoteMerge::keepHandover(const wire::RowState &decided)
{
    const schema::Table *t = schema::findTable(decided.table());
    const QString mine = m_store.identity().schoolId;
    if (!t || !t->rules || !t->rules->handover || qs(decided.school_id()) != mine)
        return Ok{};
    validate::Record fields;
    for (const auto &f : decided.fields())
        fields[f.field()] = sync::fromWire(f);
    const auto handover = t->rules->handover(fields);
    if (!handover || qs(handover->toSchool) == mine || !schema::findTable(handover->table))
        return Ok{};
    const QSqlDatabase db = m_store.db();
    const QString to = qs(handover->toSchool), id = qs(handover->id);
    if (auto st = Sql(db, qs("UPDATE " + handover->table + " SET school_id = ? WHERE id = ? AND school_id = ?"))
                      .bind(to)
                      .bind(id)
                      .bind(mine)
                      .exec();
        !st)
        return st;
    if (auto st = Sql(db, qs("UPDATE " + t->name + " SET school_id = ? WHERE " + handover->followerField +
                             " = ? AND school_id = ? AND id <> ?"))
                      .bind(to)
                      .bind(id)
                      .bind(mine)
                      .bind(qs(decided.row_id()))
                      .exec();
        !st)
        return st;
    // Its files (an asset's photo) went with it, as the server moved them.
    return Sql(db, QStringLiteral("UPDATE evidence SET school_id = ? WHERE owner_table = ? AND owner_id = ? AND school_id = ?"))
        .bind(to)
        .bind(qs(handover->table))
        .bind(id)
        .bind(mine)
        .exec();
}

Status RemoteMerge::keepTrace(const schema::MoveKind &move, const wire::RowState &request)
{
    QString state, person, fromSchool;
    for (const auto &f : request.fields()) {
        if (f.field() == "state")
            state = qs(f.text());
        else if (f.field() == move.personField)
            person = qs(f.text());
        else if (f.field() == "from_school_id")
            fromSchool = qs(f.text());
    }
    const QString mine = m_store.identity().schoolId;
    const QString receiving = qs(request.school_id());
    if (state != QLatin1String("5") || person.isEmpty() || fromSchool != mine || receiving == mine)
        return Ok{};
    const QSqlDatabase db = m_store.db();
    if (auto st = Sql(db, qs("UPDATE " + move.personTable + " SET school_id = ? WHERE id = ? AND school_id = ?"))
                      .bind(receiving)
                      .bind(person)
                      .bind(mine)
                      .exec();
        !st)
        return st;
    // So did the files kept with the person's record, as the server moved them.
    if (auto st = Sql(db, QStringLiteral("UPDATE evidence SET school_id = ? WHERE owner_table = ? AND owner_id = ? AND school_id = ?"))
                      .bind(receiving)
                      .bind(qs(move.personTable))
                      .bind(person)
                      .bind(mine)
                      .exec();
        !st)
        return st;
    // The file went with the person; this school's own record of the move out stays its own.
    for (const auto &[follower, field] : schema::followersOf(move)) {
        std::string sql = "UPDATE " + follower->name + " SET school_id = ? WHERE " + field + " = ? AND school_id = ?";
        if (follower->name == move.historyTable)
            sql += " AND kind <> '" + move.kindOut + "'";
        if (auto st = Sql(db, qs(sql)).bind(receiving).bind(person).bind(mine).exec(); !st)
            return st;
    }
    return Ok{};
}

} // namespace emis::client
