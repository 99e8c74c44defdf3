#include "ctl/Secret.h"

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

namespace emis::server::ctl {

std::optional<std::string> readSecret(const char *label, bool confirm)
{
    const auto line = [](const std::string &prompt) -> std::optional<std::string> {
        if (isatty(STDIN_FILENO))
            std::cerr << prompt << std::flush;
        std::string s;
        if (!std::getline(std::cin, s))
            return std::nullopt;
        return s;
    };
    if (!isatty(STDIN_FILENO))
        return line("");
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    auto first = line(std::string(label) + ": ");
    std::cerr << "\n";
    std::optional<std::string> second = first;
    if (confirm) {
        second = line("Again: ");
        std::cerr << "\n";
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    if (!first || !second || *first != *second) {
        std::cerr << "emisctl: the two entries differ\n";
        return std::nullopt;
    }
    return first;
}

std::optional<std::string> readSecretFile(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        std::cerr << "emisctl: cannot read " << path << "\n";
        return std::nullopt;
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        std::cerr << "emisctl: " << path << " may be read by others; chmod 600 it first\n";
        return std::nullopt;
    }
    std::ifstream in(path);
    std::string s;
    if (!in || !std::getline(in, s)) {
        std::cerr << "emisctl: " << path << " holds no passphrase\n";
        return std::nullopt;
    }
    if (!s.empty() && s.back() == '\r')
        s.pop_back();
    return s;
}

} // namespace emis::server::ctl
