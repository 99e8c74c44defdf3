#pragma once

#include <QDir>
#include <QString>

namespace emis::client {

// Where one school device keeps its things: a data directory is one device, so one machine can
// play many schools.
struct DeviceFiles {
    QString dir;

    QString store() const { return QDir(dir).filePath(QStringLiteral("store.db")); }
    QString key() const { return QDir(dir).filePath(QStringLiteral("device.key")); }  // mode 0600
    QString certificate() const { return QDir(dir).filePath(QStringLiteral("device.pem")); }
    QString ca() const { return QDir(dir).filePath(QStringLiteral("ca.pem")); }  // the pinned county CA
};

} // namespace emis::client
