#pragma once

#include "store/LocalStore.h"

#include <QWizard>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace emis::school {

// The first run: the clerk types the county server's address and the one-time code from the
// bureau. Enrollment (key, CSR, TLS to the server) runs on a worker thread with its own store
// connection; the wizard says in words why a code was refused or the server was not reached.
class EnrollWizard : public QWizard {
    Q_OBJECT
public:
    explicit EnrollWizard(const QString &dataDir, QWidget *parent = nullptr);

    client::DeviceIdentity identity() const { return m_identity; }
    QString errorShown() const;
    bool busy() const { return m_busy; }

    // The sentence a clerk reads for an enrollment failure (kind and reason code from the library).
    static QString explain(const client::Error &error, const QString &server);

protected:
    bool validateCurrentPage() override;

private:
    void start();

    QString m_dataDir;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_done = nullptr;
    QProgressBar *m_progress = nullptr;
    client::DeviceIdentity m_identity;
    bool m_busy = false;
    bool m_enrolled = false;
};

} // namespace emis::school
