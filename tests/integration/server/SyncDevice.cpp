#include "SyncDevice.h"

#include "sync/Hlc.h"
#include "sync/Uuid.h"

#include <QDateTime>

using namespace emis;

SyncDevice SyncDevice::enroll(ServerFixture &server, const char *school)
{
    SyncDevice d;
    auto id = server.enroll(server.enrollCode(QLatin1String(school)));
    if (!id)
        return d;
    d.id = *id;
    d.client = std::make_unique<TestClient>();
    if (!d.client->connectTo(server.port(), server.caPem(), d.id.certPem, d.id.keyPem) || !d.client->hello())
        d.client.reset();
    return d;
}

wire::Change SyncDevice::change(const std::string &table, const std::string &row, std::int64_t skewMs)
{
    wire::Change c;
    c.set_device_seq(++seq);
    c.set_table(table);
    c.set_row_id(row);
    c.mutable_hlc()->set_physical_ms(static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch() + skewMs));
    c.mutable_hlc()->set_counter(++counter);
    c.mutable_hlc()->set_device(id.deviceId);
    c.set_base_cursor(cursor);
    return c;
}

std::optional<wire::Envelope> SyncDevice::push(const std::vector<wire::Change> &changes)
{
    auto reply = client->request(batch(changes));
    if (!reply)
        qWarning("push: no reply");
    else if (reply->has_error())
        qWarning("push: error %s (watermark %llu)", reply->error().code().c_str(),
                 static_cast<unsigned long long>(reply->error().watermark()));
    return reply;
}

std::vector<wire::RowState> SyncDevice::pullAll(unsigned pageSize)
{
    std::vector<wire::RowState> rows;
    for (;;) {
        wire::Envelope e;
        e.mutable_pull_request()->set_cursor(cursor);
        e.mutable_pull_request()->set_max_rows(pageSize);
        const auto page = client->request(e);
        if (!page || !page->has_pull_page())
            return rows;
        for (const auto &r : page->pull_page().rows())
            rows.push_back(r);
        cursor = page->pull_page().next_cursor();
        if (!page->pull_page().more())
            return rows;
    }
}

std::string SyncDevice::newClass(const std::string &name)
{
    const std::string row = sync::newUuidV7();
    auto c = change("classes", row);
    setInt(c, "grade", 2);
    setText(c, "name", name);
    const auto ack = push({c});
    return ack && ack->has_push_ack() && ack->push_ack().rejections_size() == 0 ? row : std::string();
}

void setText(wire::Change &c, const std::string &field, const std::string &value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_text(value);
}

void setInt(wire::Change &c, const std::string &field, std::int64_t value)
{
    auto *f = c.add_fields();
    f->set_field(field);
    f->set_integer(value);
}

wire::Envelope batch(const std::vector<wire::Change> &changes)
{
    wire::Envelope e;
    for (const auto &c : changes)
        *e.mutable_push_batch()->add_changes() = c;
    return e;
}

std::string residentId(bool correctCheck)
{
    const std::string body = "36042920150307001";
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (body[static_cast<std::size_t>(i)] - '0') * weights[i];
    const char check = "10X98765432"[sum % 11];
    return body + (correctCheck ? check : (check == '1' ? '2' : '1'));
}

std::string hlcText(const wire::Hlc &h) { return sync::Hlc{h.physical_ms(), h.counter(), h.device()}.toText(); }

std::string fieldText(const wire::RowState &row, const std::string &field)
{
    for (const auto &f : row.fields())
        if (f.field() == field)
            return f.has_text() ? f.text() : f.has_integer() ? std::to_string(f.integer()) : std::string();
    return "<missing>";
}
