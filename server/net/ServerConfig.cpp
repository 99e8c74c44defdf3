#include "net/ServerConfig.h"

#include "text/TextUtil.h"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace emis::server {
namespace {

template <typename T> T number(std::string_view text, const std::string &key)
{
    T v{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        throw std::runtime_error("emis.conf: " + key + " is not a number");
    return v;
}

} // namespace

bool ServerConfig::setListen(const std::string &listen)
{
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    const std::string portText = listen.substr(colon + 1);
    unsigned p = 0;
    const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), p);
    if (ec != std::errc() || end != portText.data() + portText.size() || p > 65535)
        return false;
    host = listen.substr(0, colon);
    port = static_cast<std::uint16_t>(p);
    return true;
}

ServerConfig ServerConfig::load(const std::string &dir)
{
    ServerConfig c;
    c.dir = dir;
    std::ifstream in(c.path("emis.conf"));
    if (!in)
        throw std::runtime_error("cannot read " + c.path("emis.conf") + " (run emisctl init first)");
    std::string line;
    while (std::getline(in, line)) {
        const auto t = text::trim(line);
        if (t.empty() || t.front() == '#')
            continue;
        const auto eq = t.find('=');
        if (eq == std::string_view::npos)
            throw std::runtime_error("emis.conf: no '=' in: " + std::string(t));
        const std::string key(text::trim(t.substr(0, eq)));
        const std::string_view value = text::trim(t.substr(eq + 1));
        if (key == "listen") {
            if (!c.setListen(std::string(value)))
                throw std::runtime_error("emis.conf: listen must be host:port");
        } else if (key == "threads") {
            c.threads = number<unsigned>(value, key);
        } else if (key == "max_connections") {
            c.maxConnections = number<unsigned>(value, key);
        } else if (key == "handshake_timeout_s") {
            c.handshakeTimeout = std::chrono::seconds(number<unsigned>(value, key));
        } else if (key == "idle_timeout_s") {
            c.idleTimeout = std::chrono::seconds(number<unsigned>(value, key));
        } else if (key == "io_timeout_s") {
            c.ioTimeout = std::chrono::seconds(number<unsigned>(value, key));
        } else if (key == "max_frame_bytes") {
            c.maxFrameBytes = number<std::size_t>(value, key);
        } else if (key == "max_connections_per_address") {
            c.maxConnectionsPerAddress = number<unsigned>(value, key);
        } else if (key == "max_pending_connections") {
            c.maxPendingConnections = number<unsigned>(value, key);
        } else if (key == "max_pending_per_address") {
            c.maxPendingPerAddress = number<unsigned>(value, key);
        } else if (key == "max_pending_frame_bytes") {
            c.maxPendingFrameBytes = number<std::size_t>(value, key);
        } else if (key == "frame_budget_bytes") {
            c.frameBudgetBytes = number<std::size_t>(value, key);
        } else if (key == "login_throttle_s") {
            c.loginThrottle = std::chrono::seconds(number<unsigned>(value, key));
        } else if (key == "max_refusals_per_hour") {
            c.maxRefusalsPerHour = number<unsigned>(value, key);
        } else if (key == "ack_outcome_bytes") {
            c.ackOutcomeBytes = number<std::size_t>(value, key);
        }
        // Unknown keys are left for newer versions.
    }
    return c;
}

void ServerConfig::save() const
{
    std::ofstream out(path("emis.conf"), std::ios::trunc);
    out << "# CountyEMIS server configuration (emisctl init)\n"
        << "listen=" << host << ':' << port << '\n'
        << "threads=" << threads << '\n'
        << "max_connections=" << maxConnections << '\n'
        << "handshake_timeout_s=" << handshakeTimeout.count() << '\n'
        << "idle_timeout_s=" << idleTimeout.count() << '\n'
        << "io_timeout_s=" << ioTimeout.count() << '\n'
        << "max_frame_bytes=" << maxFrameBytes << '\n'
        << "max_connections_per_address=" << maxConnectionsPerAddress << '\n'
        << "max_pending_connections=" << maxPendingConnections << '\n'
        << "max_pending_per_address=" << maxPendingPerAddress << '\n'
        << "max_pending_frame_bytes=" << maxPendingFrameBytes << '\n'
        << "frame_budget_bytes=" << frameBudgetBytes << '\n'
        << "login_throttle_s=" << loginThrottle.count() << '\n'
        << "max_refusals_per_hour=" << maxRefusalsPerHour << '\n'
        << "ack_outcome_bytes=" << ackOutcomeBytes << '\n';
    if (!out)
        throw std::runtime_error("cannot write " + path("emis.conf"));
}

} // namespace emis::server
