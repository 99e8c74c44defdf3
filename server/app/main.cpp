// emis-server: the county sync server. Serves the directory `emisctl init` made.
#include "enroll/CountyCa.h"
#include "net/Server.h"
#include "net/ServerConfig.h"
#include "store/SqliteStore.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

int main(int argc, char **argv)
{
    CLI::App app{"CountyEMIS county sync server"};
    std::string dir;
    std::string listen;
    app.add_option("--dir", dir, "the server directory made by emisctl init")->required();
    app.add_option("--listen", listen, "host:port, overriding emis.conf");
    CLI11_PARSE(app, argc, argv);
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
            server.run();
            // Every acknowledged batch is already committed; this finishes anything still queued.
            // The server, and with it its signal handler, lives until the store is closed: a second
            // SIGTERM (an impatient supervisor, a test) is then only noted, never fatal mid-close.
            store.close();
        }
        // Nothing is left to interrupt between here and the exit.
        std::signal(SIGTERM, SIG_IGN);
        std::signal(SIGINT, SIG_IGN);
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "emis-server: " << e.what() << '\n';
        return 1;
    }
}
