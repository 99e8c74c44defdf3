#pragma once

#include <set>
#include <string>

namespace emis::server {

class CountyWriter;
class StoreSession;

// One person, one record (一人一籍): after pupils changed, finds the pupils who are active in
// two schools under one ID number (problem kind 1), and the likely duplicates with the same
// name, sex and birth date in two schools where an ID number is missing (kind 2), and keeps the
// problems table in step: one open row for each school involved, naming the other school's
// record, and state 2 (resolved) once the condition is gone. It never picks one of the two.
// Looks only at the pupils given and at those named by their open problems (by index).
void refreshProblems(StoreSession &store, CountyWriter &writer, const std::set<std::string> &studentIds);

} // namespace emis::server
