#pragma once

#include "store/Result.h"

#include <QString>

#include <vector>

namespace emis::client {

class LocalStore;

// One problem record (问题学籍) the county server found about this school's pupils.
struct ProblemView {
    QString id;
    QString kind;          // problem_kind code: 1 一人多籍, 2 疑似重复学籍
    QString kindText;
    QString studentId;
    QString studentName;   // this school's pupil
    QString idNumber;
    QString otherSchool;   // the other school's name
    QString detail;        // the server's words
    bool open = true;      // state 1; false once the condition went away
    QString advice;        // what to do: prove, correct or remove
};

// The problem-record queue as the school reads it. The server writes it; the school acts on the
// pupil's record (prove, correct or remove), and the row closes by itself on the next sync.
class ProblemService {
public:
    explicit ProblemService(LocalStore &store) : m_store(store) {}

    // Open problems first; with `all`, resolved ones too.
    Result<std::vector<ProblemView>> list(bool all = false) const;

private:
    LocalStore &m_store;
};

} // namespace emis::client
