// emis-server: the county sync server. Serves the directory `emisctl init` made.
#include "enroll/CountyCa.h"
#include "net/Server.h"
#include "net/ServerConfig.h"
#include "store/SqliteStore.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace {

// SIGTERM and SIGINT never reach a handler: blocked in every thread (threads inherit the mask
// of the thread that makes them, and this runs first), they wait until one thread takes them
// with sigwait. So a second SIGTERM while the server closes its store (an impatient supervisor,
// a test) can never end the process halfway, however late it comes.
sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

// Takes the first stop signal and asks the server to stop. A later signal stays blocked. The
// waiting thread outlives this object (it cannot be woken otherwise) and then finds no server.
class StopOnSignal {
public:
    explicit StopOnSignal(emis::server::Server &server) : m_target(std::make_shared<Target>())
    {
        m_target->server = &server;
        std::thread([target = m_target] {
            const sigset_t set = stopSignals();
            int signal = 0;
            if (sigwait(&set, &signal) != 0)
                return;
            std::cerr << "emis-server: signal " + std::to_string(signal) + "\n";
            std::lock_guard lock(target->mutex);
            if (target->server)
                target->server->stop();
        }).detach();
    }
    ~StopOnSignal()
    {
        std::lock_guard lock(m_target->mutex);
        m_target->server = nullptr;
    }
    StopOnSignal(const StopOnSignal &) = delete;
    StopOnSignal &operator=(const StopOnSignal &) = delete;

private:
    struct Target {
        std::mutex mutex;
        emis::server::Server *server = nullptr;
    };
    std::shared_ptr<Target> m_target;
};

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"CountyEMIS county sync server"};
    std::string dir;
    std::string listen;
    app.add_option("--dir", dir, "the server directory made by emisctl init")->required();
    app.add_option("--listen", listen, "host:port, overriding emis.conf");
    CLI11_PARSE(app, argc, argv);
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        using namespace emis::server;
        ServerConfig config = ServerConfig::load(dir);
        if (!listen.empty() && !config.setListen(listen)) {
            std::cerr << "emis-server: --listen must be host:port\n";
            return 2;
        }
        const CountyCa ca = CountyCa::load(config.path("ca.pem"), config.path("ca.key"));
        SqliteStore store(config.path("emis.db"));
        {
            Server server(config, store, ca);
            const StopOnSignal stopper(server);
            server.run();
        }
        // Every acknowledged batch is already committed; this finishes anything still queued.
        store.close();
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "emis-server: " << e.what() << '\n';
        return 1;
    }
}
