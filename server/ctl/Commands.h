#pragma once

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
int enrollCode(const std::string &dir, const std::string &schoolCode, int hours, bool json);
int deviceList(const std::string &dir, bool json);
int deviceRevoke(const std::string &dir, const std::string &deviceId);
int backup(const std::string &dir, const std::string &file);
int restore(const std::string &dir, const std::string &file);

std::string jsonString(const std::string &s);

} // namespace emis::server::ctl
