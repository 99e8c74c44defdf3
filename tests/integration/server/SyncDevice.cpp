#include "SyncDevice.h"

#include "sync/Hlc.h"
#include "sync/Uuid.h"
#include "validate/IdNumber.h"

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

bool SyncDevice::reconnect(ServerFixture &server)
{
    client = std::make_unique<TestClient>();
    if (client->connectTo(server.port(), server.caPem(), id.certPem, id.keyPem) && client->hello())
        return true;
    client.reset();
    return false;
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

std::map<std::string, std::map<std::string, wire::RowState>> SyncDevice::pullByTable()
{
    std::map<std::string, std::map<std::string, wire::RowState>> out;
    for (auto &r : pullAll(500))
        out[r.table()][r.row_id()] = r;
    return out;
}

std::string SyncDevice::newPupil(const std::string &name, const std::string &birth, const std::string &idNumber,
                                 const std::string &idType, const std::string &sex)
{
    const std::string row = sync::newUuidV7();
    auto c = change("students", row);
    setText(c, "name", name);
    // A resident ID number says the sex (its 17th digit odd = male).
    setText(c, "sex", idType == "1" ? ((idNumber[16] - '0') % 2 ? "1" : "2") : sex);
    setText(c, "birth_date", birth.substr(0, 4) + "-" + birth.substr(4, 2) + "-" + birth.substr(6, 2));
    setText(c, "id_type", idType);
    setText(c, "id_number", idNumber);
    setInt(c, "grade", 4);
    setText(c, "class_name", "2班");
    setText(c, "status", "1");
    const auto ack = push({c});
    const auto refused = rejectionCodes(ack);
    for (const auto &code : refused)
        qWarning("pupil %s refused: %s", name.c_str(), code.c_str());
    return refused.empty() && ack ? row : std::string();
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
    const char check = validate::idCheckCharacter(body);
    return body + (correctCheck ? check : (check == '1' ? '2' : '1'));
}

std::string residentId(const std::string &birth, const std::string &serial)
{
    const std::string body = "360429" + birth + serial;
    return body + validate::idCheckCharacter(body);
}

std::vector<std::string> rejectionCodes(const std::optional<wire::Envelope> &ack)
{
    std::vector<std::string> out;
    if (ack && ack->has_push_ack())
        for (const auto &r : ack->push_ack().rejections())
            out.push_back(r.code());
    return out;
}

std::string hlcText(const wire::Hlc &h) { return sync::Hlc{h.physical_ms(), h.counter(), h.device()}.toText(); }

std::string fieldText(const wire::RowState &row, const std::string &field)
{
    for (const auto &f : row.fields())
        if (f.field() == field)
            return f.has_text() ? f.text() : f.has_integer() ? std::to_string(f.integer()) : std::string();
    return "<missing>";
}
