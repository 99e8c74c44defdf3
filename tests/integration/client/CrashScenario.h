#pragma once

#include "CliRunner.h"
#include "LoopbackProxy.h"
#include "ServerFixture.h"

#include <QHash>
#include <QTemporaryDir>

#include <memory>
#include <random>
#include <vector>

// Rounds of saving and syncing while things break: the client killed (-9) mid-sync, the server
// killed (-9) mid-sync and restarted, the TCP connection cut mid-frame by a proxy. Then a final
// clean sync and the audit: every change each device saved is on the server exactly once, the
// devices have nothing pending, and each device's store agrees with the server.
class CrashScenario {
public:
    struct Figures {
        int rounds = 0;
        int saves = 0;
        int clientKills = 0;
        int serverKills = 0;
        int cuts = 0;
        int lost = 0;     // saved changes missing from the server (or their values)
        int doubled = 0;  // changes applied more than once, or rows twice
        QStringList problems;  // anything else that went wrong, in words
    };

    explicit CrashScenario(quint32 seed, int devices = 2);
    ~CrashScenario();

    bool setUp();      // server, proxy, devices enrolled through the proxy
    void round();      // one round of saves, a sync and maybe a fault
    Figures finish();  // final clean syncs and the audit
    const Figures &figures() const { return m_figures; }

private:
    struct Device {
        std::unique_ptr<CliRunner> cli;
        QString deviceId;
        QStringList pupils;                  // ids this device added
        QHash<QString, QString> addresses;   // last saved address per pupil
    };
    int rand(int lo, int hi);
    void problem(const QString &what);
    void ensureServer();
    void audit();

    std::mt19937 m_rng;
    int m_deviceCount;
    QTemporaryDir m_dirs;
    ServerFixture m_server;
    std::unique_ptr<LoopbackProxy> m_proxy;
    std::vector<Device> m_devices;
    Figures m_figures;
    int m_pupils = 0;
};
