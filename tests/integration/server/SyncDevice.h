#pragma once

#include "ServerFixture.h"
#include "TestClient.h"

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
    // The next change of this device, stamped now (+ skewMs) with its base cursor.
    emis::wire::Change change(const std::string &table, const std::string &row, std::int64_t skewMs = 0);
    std::optional<emis::wire::Envelope> push(const std::vector<emis::wire::Change> &changes);
    std::vector<emis::wire::RowState> pullAll(unsigned pageSize);
    // Pushes a new class row; its id, or empty when it was not accepted.
    std::string newClass(const std::string &name);
};

void setText(emis::wire::Change &c, const std::string &field, const std::string &value);
void setInt(emis::wire::Change &c, const std::string &field, std::int64_t value);
emis::wire::Envelope batch(const std::vector<emis::wire::Change> &changes);
// A GB 11643 number for a boy born 2015-03-07, with a right or a wrong check character.
std::string residentId(bool correctCheck);
std::string hlcText(const emis::wire::Hlc &h);
std::string fieldText(const emis::wire::RowState &row, const std::string &field);
