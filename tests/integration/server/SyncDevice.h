#pragma once

#include "ServerFixture.h"
#include "TestClient.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// One enrolled device as a client would drive it: its own session, seq, cursor and clock.
struct SyncDevice {
    EnrolledDevice id;
    std::unique_ptr<TestClient> client;
    std::uint64_t seq = 0;
    std::uint64_t cursor = 0;
    std::uint32_t counter = 0;

    // Enrolls a new device of `school` and opens its mutual-TLS session (client null on failure).
    static SyncDevice enroll(ServerFixture &server, const char *school);
    // A new session of the same device (false on failure). A session does not send back the
    // rows its own pushes inserted; a new one pulls everything after its cursor.
    bool reconnect(ServerFixture &server);
    // The next change of this device, stamped now (+ skewMs) with its base cursor.
    emis::wire::Change change(const std::string &table, const std::string &row, std::int64_t skewMs = 0);
    std::optional<emis::wire::Envelope> push(const std::vector<emis::wire::Change> &changes);
    std::vector<emis::wire::RowState> pullAll(unsigned pageSize);
    // Rows pulled, by table then row id (the last state of each row wins).
    std::map<std::string, std::map<std::string, emis::wire::RowState>> pullByTable();
    // Pushes a new class row; its id, or empty when it was not accepted.
    std::string newClass(const std::string &name);
    // Pushes a new pupil 在读 in 4年级 2班 (the sex from a resident ID number, else `sex`); its
    // id, or empty when it was not accepted (the reasons are logged).
    std::string newPupil(const std::string &name, const std::string &birth, const std::string &idNumber,
                         const std::string &idType = "1", const std::string &sex = "1");
};

void setText(emis::wire::Change &c, const std::string &field, const std::string &value);
void setInt(emis::wire::Change &c, const std::string &field, std::int64_t value);
emis::wire::Envelope batch(const std::vector<emis::wire::Change> &changes);
// A GB 11643 number for a boy born 2015-03-07, with a right or a wrong check character.
std::string residentId(bool correctCheck);
// A GB 11643 number for a pupil born on `birth` (yyyymmdd), with serial `serial` (3 digits).
std::string residentId(const std::string &birth, const std::string &serial);
// The reason codes of a PushAck's rejections (none when there is no ack).
std::vector<std::string> rejectionCodes(const std::optional<emis::wire::Envelope> &ack);
std::string hlcText(const emis::wire::Hlc &h);
std::string fieldText(const emis::wire::RowState &row, const std::string &field);
