#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace emis::server::ctl {

// emisctl's commands. Each returns the process exit code and prints for a person (or with
// json, for a script) on stdout; problems go to stderr.
int init(const std::string &dir, const std::string &listen, const std::vector<std::string> &sans);
int schoolAdd(const std::string &dir, const std::string &code, const std::string &name, const std::string &type,
              const std::string &township);
int schoolImport(const std::string &dir, const std::string &file);  // 3 when some rows were rejected
int schoolList(const std::string &dir, bool json);
// The county CA's fingerprint (what emis-bureau asks for on its first start) and its file.
int caInfo(const std::string &dir, bool json);
int enrollCode(const std::string &dir, const std::string &schoolCode, int hours, bool json);
int deviceList(const std::string &dir, bool json);
int deviceRevoke(const std::string &dir, const std::string &deviceId);
// An encrypted backup of the whole county (store, CA, server key, emis.conf), also while the server
// runs; its check; and the county restored from it onto an empty directory. The passphrase comes
// from --passphrase-file or stdin.
int backup(const std::string &dir, const std::string &file, const std::string &passphraseFile);
int backupVerify(const std::string &file, const std::string &passphraseFile, const std::string &dir);
int restore(const std::string &dir, const std::string &file, const std::string &passphraseFile);
// Bureau users: the password comes from stdin (typed twice at a terminal).
int userAdd(const std::string &dir, const std::string &name, const std::string &role, const std::string &display);
int userPasswd(const std::string &dir, const std::string &name);
int userLock(const std::string &dir, const std::string &name, bool locked);
int userList(const std::string &dir, bool json);
// The demo county: files in D/demo (rosters, aggregates.json) and its schools in the store.
int demo(const std::string &dir, std::uint64_t seed);
// A county report on stdout, as a table for a person or with json as the JSON document; params
// are key=value.
int report(const std::string &dir, const std::string &name, const std::vector<std::string> &params, bool json);

// A county joint exam: TERM as 2025-2026-1 (the term is added when it is new), subjects as
// NAME:FULL_MARKS; no schools named means every school with the grade. Prints the exam's id.
int examAdd(const std::string &dir, const std::string &name, const std::string &term, int grade,
            const std::vector<std::string> &subjects, const std::vector<std::string> &schools);
int examList(const std::string &dir, bool json);

} // namespace emis::server::ctl
