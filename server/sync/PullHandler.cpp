#include "sync/PullHandler.h"

#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/WireConvert.h"

#include <algorithm>

namespace emis::server {

void PullHandler::page(StoreSession &store, const std::string &schoolId, const wire::PullRequest &request,
                       wire::PullPage &out, const std::unordered_set<std::int64_t> *known)
{
    const unsigned limit = request.max_rows() == 0 ? kMaxRows : std::min(request.max_rows(), kMaxRows);
    std::vector<std::string> countyTables;
    for (const auto &t : schema::tables())
        if (t.scope == schema::Scope::County)
            countyTables.push_back(t.name);
    const auto cursor = static_cast<std::int64_t>(std::min<std::uint64_t>(request.cursor(), INT64_MAX));
    auto entries = store.readFeed(cursor, schoolId, countyTables, static_cast<int>(limit) + 1);
    out.set_more(entries.size() > limit);
    if (entries.size() > limit)
        entries.resize(limit);
    out.set_next_cursor(request.cursor());
    std::size_t bytes = 0;
    for (const auto &e : entries) {
        if (bytes > kMaxPageBytes) {
            out.set_more(true);
            break;
        }
        out.set_next_cursor(static_cast<std::uint64_t>(e.seq));
        if (known && known->count(e.seq))
            continue;
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
}

} // namespace emis::server
