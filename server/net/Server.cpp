#include "net/Server.h"

#include "auth/LoginThrottle.h"
#include "net/RefusalBudget.h"
#include "enroll/CountyCa.h"
#include "net/FrameBudget.h"
#include "net/Session.h"
#include "net/SessionRegistry.h"
#include "net/WorkPool.h"
#include "store/Store.h"
#include "store/StoreSession.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <iostream>
#include <thread>

namespace emis::server {
namespace {

void logLine(const std::string &what) { std::cerr << ("emis-server: " + what + "\n"); }

// How often the open sessions' devices are looked up for a revocation emisctl wrote (another
// process, so the server learns of it only from the store). Each look-up is a primary-key read
// per device with a session open.
constexpr auto kRevocationPoll = std::chrono::seconds(1);

} // namespace

struct Server::Impl {
    Impl(const ServerConfig &c, Store &s, const CountyCa &ca)
        : config(c), store(s), work(2, 64), logins(c.loginThrottle), refusals(c.maxRefusalsPerHour),
          context{s, ca, work, logins, refusals, std::min(c.ackOutcomeBytes, c.maxFrameBytes / 4)},
          registry(config), frameBudget(c.frameBudgetBytes), tls(asio::ssl::context::tls_server),
          busyTls(asio::ssl::context::tls_server), acceptor(io), watchStrand(asio::make_strand(io)),
          revocationTimer(watchStrand)
    {
    }

    void setUpTls();
    bool verifyPeer(bool preverified, asio::ssl::verify_context &ctx);
    asio::awaitable<void> listen();
    void turnAway(asio::ip::tcp::socket socket, const std::string &peer, const std::string &why);
    asio::awaitable<void> watchRevocations();
    void endSessionsOf(const std::string &deviceId);
    void stop();

    ServerConfig config;
    Store &store;
    WorkPool work;
    LoginThrottle logins;
    RefusalBudget refusals;
    ServerContext context;
    SessionRegistry registry;
    FrameBudget frameBudget;
    asio::io_context io;
    asio::ssl::context tls;
    asio::ssl::context busyTls;  // for turning a connection away: the server's certificate, no client's
    asio::ip::tcp::acceptor acceptor;
    asio::strand<asio::io_context::executor_type> watchStrand;  // the revocation watch and its timer
    asio::steady_timer revocationTimer;
    std::atomic<bool> stopping{false};
};

void Server::Impl::setUpTls()
{
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                    asio::ssl::context::single_dh_use);
    SSL_CTX *sslCtx = tls.native_handle();
    SSL_CTX_set_min_proto_version(sslCtx, TLS1_2_VERSION);
    // No resumption: every session must pass the verify callback, so a revoked device cannot
    // come back on an old ticket.
    SSL_CTX_set_session_cache_mode(sslCtx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(sslCtx, SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(sslCtx, 0);
    tls.use_certificate_chain_file(config.path("server.pem"));
    tls.use_private_key_file(config.path("server.key"), asio::ssl::context::pem);
    tls.load_verify_file(config.path("ca.pem"));
    SSL_CTX_set_client_CA_list(sslCtx, SSL_load_client_CA_file(config.path("ca.pem").c_str()));
    // A device certificate must carry clientAuth: the server's own certificate is no key to a session.
    SSL_CTX_set_purpose(sslCtx, X509_PURPOSE_SSL_CLIENT);
    // Ask for a certificate but do not require one: enrollment comes before the device has one.
    tls.set_verify_mode(asio::ssl::verify_peer);
    tls.set_verify_callback([this](bool preverified, asio::ssl::verify_context &ctx) {
        return verifyPeer(preverified, ctx);
    });

    busyTls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1);
    SSL_CTX_set_min_proto_version(busyTls.native_handle(), TLS1_2_VERSION);
    SSL_CTX_set_session_cache_mode(busyTls.native_handle(), SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(busyTls.native_handle(), 0);
    busyTls.use_certificate_chain_file(config.path("server.pem"));
    busyTls.use_private_key_file(config.path("server.key"), asio::ssl::context::pem);
    busyTls.set_verify_mode(asio::ssl::verify_none);
}

bool Server::Impl::verifyPeer(bool preverified, asio::ssl::verify_context &ctx)
{
    X509_STORE_CTX *store_ctx = ctx.native_handle();
    if (!preverified) {
        logLine(std::string("client certificate refused: ") +
                X509_verify_cert_error_string(X509_STORE_CTX_get_error(store_ctx)));
        return false;
    }
    if (X509_STORE_CTX_get_error_depth(store_ctx) != 0)
        return true;
    const DeviceIdentity id = CountyCa::identityOf(X509_STORE_CTX_get_current_cert(store_ctx));
    std::optional<DeviceRecord> device;
    try {
        store.read([&](StoreSession &s) { device = s.device(id.deviceId); });
    } catch (const std::exception &e) {
        logLine(std::string("device lookup failed: ") + e.what());
        return false;
    }
    std::string refusal;
    // The error chosen here becomes the TLS alert the device receives: "certificate revoked" lets
    // it say so in words instead of "internal error".
    if (!device || device->schoolId != id.schoolId) {
        refusal = "unknown device";
        X509_STORE_CTX_set_error(store_ctx, X509_V_ERR_CERT_REJECTED);
    } else if (device->revokedMs) {
        refusal = "is revoked";
        X509_STORE_CTX_set_error(store_ctx, X509_V_ERR_CERT_REVOKED);
    }
    if (refusal.empty())
        return true;
    logLine("client certificate refused: device " + id.deviceId + " " + refusal);
    // A refused login is audited like an accepted one; the handshake does not wait for it.
    const auto now = static_cast<std::int64_t>(sync::systemNowMs());
    store.submitWrite(
        [id, refusal, now](StoreSession &s) {
            s.audit(AuditEntry{now, id.deviceId, id.schoolId, "session_refused", "device " + refusal});
        },
        [](std::exception_ptr) {});
    return false;
}

asio::awaitable<void> Server::Impl::listen()
{
    for (;;) {
        // Each session gets its own strand; the socket is born on it.
        auto strand = asio::make_strand(io);
        auto accept = acceptor.async_accept(strand, asio::as_tuple(asio::use_awaitable));
        auto [ec, socket] = co_await std::move(accept);
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open())
                co_return;
            logLine("accept failed: " + ec.message());
            continue;
        }
        boost::system::error_code epEc;
        // A reply goes out whole at once: without this, its last segment waits for the client's
        // delayed acknowledgement of the one before (Nagle), some 40 ms a request.
        socket.set_option(asio::ip::tcp::no_delay(true), epEc);
        const auto ep = socket.remote_endpoint(epEc);
        const std::string address = epEc ? std::string("?") : ep.address().to_string();
        std::string peer = address + (epEc ? std::string() : ":" + std::to_string(ep.port()));
        auto control = std::make_shared<SessionControl>(strand, address);
        if (const std::string why = registry.admit(control); !why.empty()) {
            turnAway(std::move(socket), peer, why);
            continue;
        }
        TlsStream stream(std::move(socket), tls);
        asio::co_spawn(strand, runSession(std::move(stream), control, SessionEnv{context, config, registry, frameBudget}, peer),
                       [this, peer, control](std::exception_ptr e) {
                           registry.release(*control);
                           if (!e)
                               return;
                           try {
                               std::rethrow_exception(e);
                           } catch (const std::exception &ex) {
                               logLine(peer + ": session failed: " + ex.what());
                           } catch (...) {
                               logLine(peer + ": session failed");
                           }
                       });
    }
}

void Server::Impl::turnAway(asio::ip::tcp::socket socket, const std::string &peer, const std::string &why)
{
    // A few get a server_busy reply the client can show; beyond those, a bare close.
    if (!registry.admitBusyReply()) {
        logLine(peer + ": refused, " + why);
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
    }
    auto executor = socket.get_executor();
    asio::co_spawn(executor, replyBusy(TlsStream(std::move(socket), busyTls), config, peer, why),
                   [this](std::exception_ptr) { registry.releaseBusyReply(); });
}

asio::awaitable<void> Server::Impl::watchRevocations()
{
    for (;;) {
        revocationTimer.expires_after(kRevocationPoll);
        auto wait = revocationTimer.async_wait(asio::as_tuple(asio::use_awaitable));
        auto [ec] = co_await std::move(wait);
        if (ec || stopping)
            co_return;
        const auto devices = registry.openDevices();
        if (devices.empty())
            continue;
        std::vector<std::string> revoked;
        try {
            store.read([&](StoreSession &s) {
                for (const auto &id : devices) {
                    const auto d = s.device(id);
                    if (!d || d->revokedMs)
                        revoked.push_back(id);
                }
            });
        } catch (const std::exception &e) {
            logLine(std::string("revocation check failed: ") + e.what());
            continue;
        }
        for (const auto &id : revoked)
            endSessionsOf(id);
    }
}

void Server::Impl::endSessionsOf(const std::string &deviceId)
{
    for (auto &control : registry.sessionsOf(deviceId)) {
        asio::post(control->strand, [control] {
            if (control->revoked)
                return;
            control->revoked = true;
            if (control->reading)
                control->timer.cancel();
        });
    }
}

void Server::Impl::stop()
{
    logLine("stopping: no new connections; sessions finish the request in hand");
    boost::system::error_code ignored;
    acceptor.close(ignored);
    stopping = true;
    asio::post(watchStrand, [this] { revocationTimer.cancel(); });
    for (auto &control : registry.all()) {
        asio::post(control->strand, [control] {
            control->stopping = true;
            if (control->reading)
                control->timer.cancel();
        });
    }
}

Server::Server(const ServerConfig &config, Store &store, const CountyCa &ca)
    : d(std::make_unique<Impl>(config, store, ca))
{
    d->setUpTls();
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(config.host), config.port);
    d->acceptor.open(endpoint.protocol());
    d->acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    d->acceptor.bind(endpoint);
    d->acceptor.listen();
}

Server::~Server() = default;

void Server::stop()
{
    asio::post(d->io, [this] { d->stop(); });
}

void Server::run()
{
    asio::co_spawn(d->io, d->listen(), asio::detached);
    asio::co_spawn(d->watchStrand, d->watchRevocations(), asio::detached);
    logLine("listening on " + d->config.host + ":" + std::to_string(d->acceptor.local_endpoint().port()));
    const unsigned n = d->config.threads ? d->config.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < n; ++i)
        threads.emplace_back([this] { d->io.run(); });
    d->io.run();
    for (auto &t : threads)
        t.join();
    logLine("stopped");
}

} // namespace emis::server
