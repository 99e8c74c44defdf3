#include "EnrollWizard.h"

#include "sync/DeviceFiles.h"
#include "sync/Enrollment.h"

#include <QAbstractButton>
#include <QDir>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace emis::school {
namespace {

// What the worker hands back: Result has no default state, QFuture wants one.
struct EnrollOutcome {
    bool ok = false;
    client::DeviceIdentity identity;
    client::Error error;
};

EnrollOutcome runEnrollment(const QString &dataDir, const QString &server, const QString &code)
{
    QDir().mkpath(dataDir);  // a first start on a fresh machine: the folder is not there yet
    auto store = client::LocalStore::open(client::DeviceFiles{dataDir}.store());
    if (!store)
        return {false, {}, store.error()};
    auto id = client::enroll(**store, client::DeviceFiles{dataDir}, server, code, QHostInfo::localHostName());
    if (!id)
        return {false, {}, id.error()};
    return {true, *id, {}};
}

} // namespace

EnrollWizard::EnrollWizard(const QString &dataDir, QWidget *parent) : QWizard(parent), m_dataDir(dataDir)
{
    setWindowTitle(tr("Enroll this computer"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);

    auto *ask = new QWizardPage(this);
    ask->setTitle(tr("Connect to the county server"));
    ask->setSubTitle(tr("Type the server address and the one-time enrollment code the education bureau gave the school."));
    m_server = new QLineEdit(ask);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(tr("host:port, e.g. emis.county.edu.cn:7443"));
    m_code = new QLineEdit(ask);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setPlaceholderText(tr("XXXX-XXXX-XXXX.fingerprint"));
    m_error = new QLabel(ask);
    m_error->setObjectName(QStringLiteral("enrollError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b00020"));
    m_progress = new QProgressBar(ask);
    m_progress->setRange(0, 0);  // busy: enrollment reports no steps
    m_progress->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Server address:"), m_server);
    form->addRow(tr("Enrollment code:"), m_code);
    auto *askLayout = new QVBoxLayout(ask);
    askLayout->addLayout(form);
    askLayout->addWidget(m_progress);
    askLayout->addWidget(m_error);
    askLayout->addStretch(1);
    addPage(ask);

    auto *done = new QWizardPage(this);
    done->setTitle(tr("Enrolled"));
    m_done = new QLabel(done);
    m_done->setWordWrap(true);
    auto *doneLayout = new QVBoxLayout(done);
    doneLayout->addWidget(m_done);
    doneLayout->addStretch(1);
    addPage(done);
    resize(620, 380);
}

QString EnrollWizard::errorShown() const { return m_error->text(); }

QString EnrollWizard::explain(const client::Error &error, const QString &server)
{
    if (error.code == QLatin1String("enroll_code_unknown"))
        return tr("The enrollment code is wrong. Check it against the bureau's note and type it again.");
    if (error.code == QLatin1String("enroll_code_used"))
        return tr("This enrollment code has already been used. Ask the education bureau for a new code.");
    if (error.code == QLatin1String("enroll_code_expired"))
        return tr("This enrollment code has expired. Ask the education bureau for a new code.");
    if (error.kind == client::ErrorKind::Offline || error.code == QLatin1String("offline"))
        return tr("The server %1 cannot be reached. Check the address and the network cable, then try again.\n(%2)")
            .arg(server, error.message);
    if (error.kind == client::ErrorKind::Usage)
        return tr("Check what you typed: %1").arg(error.message);
    return tr("Enrollment failed: %1").arg(error.message);
}

bool EnrollWizard::validateCurrentPage()
{
    if (currentId() != startId() || m_enrolled)
        return QWizard::validateCurrentPage();
    if (m_server->text().trimmed().isEmpty() || m_code->text().trimmed().isEmpty()) {
        m_error->setText(tr("Type both the server address and the enrollment code."));
        return false;
    }
    if (!m_busy)
        start();
    return false;  // the worker moves the wizard on when the server has said yes
}

void EnrollWizard::start()
{
    m_busy = true;
    m_error->clear();
    m_progress->show();
    m_server->setEnabled(false);
    m_code->setEnabled(false);
    button(QWizard::NextButton)->setEnabled(false);
    const QString server = m_server->text().trimmed();
    auto *watcher = new QFutureWatcher<EnrollOutcome>(this);
    connect(watcher, &QFutureWatcher<EnrollOutcome>::finished, this, [this, watcher, server] {
        const EnrollOutcome outcome = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_progress->hide();
        m_server->setEnabled(true);
        m_code->setEnabled(true);
        button(QWizard::NextButton)->setEnabled(true);
        if (!outcome.ok) {
            m_error->setText(explain(outcome.error, server));
            m_code->setFocus();
            return;
        }
        m_identity = outcome.identity;
        m_enrolled = true;
        m_done->setText(tr("This computer is now enrolled for %1 (%2). The program works without the network from now on and sends changes whenever the server can be reached.")
                            .arg(m_identity.schoolName, m_identity.schoolCode));
        next();
    });
    watcher->setFuture(QtConcurrent::run(runEnrollment, m_dataDir, server, m_code->text().trimmed()));
}

} // namespace emis::school
