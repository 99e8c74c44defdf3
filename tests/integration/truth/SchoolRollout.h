#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <vector>

class ServerFixture;

// Every school of a county brought onto the server the way a school does it: a one-time code
// from `emisctl enroll-code`, then the real emis-cli on the school's own data directory —
// `enroll`, `import students`, `import staff`, the growth file and equipment sheets, `sync`, then
// the joint exam's score sheet (`import scores`) and `sync` again — a few schools at a time.
struct RolloutSchool {
    QString code;
    int pupils = 0;  // rows the import must add
    int staff = 0;
};

struct RolloutResult {
    QStringList failures;                // "3604200020 import students: exit 5 ..."
    qint64 wallMs = 0;
    static constexpr int kSteps = 7;     // enroll-code, enroll, import students, import staff, growth, sync, scores
    std::array<qint64, kSteps> stepMs{};  // summed over schools
    static const char *stepName(int i);
};

RolloutResult rollOut(const ServerFixture &server, const QString &rosterDir, const QString &devicesDir,
                      const std::vector<RolloutSchool> &schools, int jobs);
