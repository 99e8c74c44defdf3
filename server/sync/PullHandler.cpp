#include "sync/PullHandler.h"

#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/WireConvert.h"

#include <algorithm>

namespace emis::server {

void PullHandler::page(StoreSession &store, const std::string &schoolId, const wire::PullRequest &request,
                       wire::PullPage &out, const std::unordered_set<std::int64_t> *known, const std::string &deviceId)
{
    const unsigned limit = request.max_rows() == 0 ? kMaxRows : std::min(request.max_rows(), kMaxRows);
    std::vector<std::string> countyTables;
    for (const auto &t : schema::tables())
        if (t.scope == schema::Scope::County)
            countyTables.push_back(t.name);
    const auto cursor = static_cast<std::int64_t>(std::min<std::uint64_t>(request.cursor(), INT64_MAX));
    out.set_next_cursor(request.cursor());
    // Entries this session passes over (rows its pushes stored as the device holds them) do not
    // fill the page: the feed is read on past them, up to kMaxPassedOver entries, so that pulling
    // after a large push is not a round trip per page of the device's own rows.
    std::int64_t at = cursor;
    std::size_t added = 0, passedOver = 0, bytes = 0;
    bool more = true;
    while (more && added < limit && passedOver < kMaxPassedOver) {
        const std::size_t room = limit - added;
        auto entries = store.readFeed(at, schoolId, countyTables, static_cast<int>(room) + 1);
        more = entries.size() > room;
        if (entries.size() > room)
            entries.resize(room);
        if (entries.empty())
            break;
        for (const auto &e : entries) {
            if (bytes > kMaxPageBytes) {
                more = true;
                break;
            }
            at = e.seq;
            out.set_next_cursor(static_cast<std::uint64_t>(e.seq));
            const bool held = !deviceId.empty() && e.holder == deviceId;
            if (held || (known && known->count(e.seq))) {
                ++passedOver;
                continue;
            }
            ++added;
            const schema::Table *table = schema::findTable(e.table);
            if (!table)
                continue;  // a table this server no longer knows
            const auto row = store.loadRow(*table, e.rowId);
            if (!row)
                continue;
            auto *r = out.add_rows();
            r->set_server_seq(static_cast<std::uint64_t>(e.seq));
            r->set_table(e.table);
            r->set_row_id(row->id);
            r->set_school_id(row->schoolId);
            r->set_deleted(row->deleted);
            for (const auto &f : table->fields) {
                const auto v = row->values.find(f.name);
                sync::toWire(f.name, v == row->values.end() ? Value{} : v->second, *r->add_fields());
                const auto ver = row->versions.find(f.name);
                auto *h = r->add_field_hlcs();
                if (ver != row->versions.end())
                    sync::toWire(ver->second.hlc, *h);
            }
            if (auto h = sync::Hlc::fromText(row->hlc))
                sync::toWire(*h, *r->mutable_hlc());
            bytes += r->ByteSizeLong();
        }
        if (bytes > kMaxPageBytes)
            break;
    }
    out.set_more(more);
}

} // namespace emis::server
