#include "LoginDialog.h"

#include "BureauClient.h"
#include "CaTrust.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace emis::bureau {
namespace {

QString caKey(const QString &server)
{
    // QSettings keys take no ':' or '/': HOST:PORT becomes HOST_PORT.
    QString k = server.trimmed();
    k.replace(QLatin1Char(':'), QLatin1Char('_')).replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("ca/") + k;
}

} // namespace

QSslCertificate pinnedCa(const QString &server)
{
    const auto certs = QSslCertificate::fromData(QSettings().value(caKey(server)).toByteArray(), QSsl::Pem);
    return certs.isEmpty() ? QSslCertificate() : certs.constFirst();
}

void keepPinnedCa(const QString &server, const QSslCertificate &ca) { QSettings().setValue(caKey(server), ca.toPem()); }

LoginDialog::LoginDialog(BureauClient &client, QWidget *parent) : QDialog(parent), m_client(client)
{
    setWindowTitle(tr("CountyEMIS bureau — log in"));
    QSettings settings;
    m_server = new QLineEdit(settings.value(QStringLiteral("login/server")).toString(), this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(tr("e.g. 10.12.0.5:7443"));
    m_userName = new QLineEdit(settings.value(QStringLiteral("login/user")).toString(), this);
    m_userName->setObjectName(QStringLiteral("user"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_fingerprint = new QLineEdit(this);
    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setPlaceholderText(tr("32 hex digits, from the county IT (emisctl ca)"));
    auto *caFile = new QPushButton(tr("CA file…"), this);
    caFile->setObjectName(QStringLiteral("caFile"));
    connect(caFile, &QPushButton::clicked, this, &LoginDialog::chooseCaFile);
    m_caNote = new QLabel(this);
    m_caNote->setWordWrap(true);
    m_caNote->setStyleSheet(QStringLiteral("color: #555;"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_login = new QPushButton(tr("Log in"), this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::login);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_server, &QLineEdit::textChanged, this, &LoginDialog::serverChanged);

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_fingerprint, 1);
    caRow->addWidget(caFile);
    auto *form = new QFormLayout;
    form->addRow(tr("County server:"), m_server);
    form->addRow(tr("User name:"), m_userName);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("County CA fingerprint:"), caRow);
    form->addRow(QString(), m_caNote);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_login);
    buttons->addWidget(cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addLayout(buttons);
    setMinimumWidth(560);
    serverChanged();
    (m_server->text().isEmpty() ? m_server : m_userName->text().isEmpty() ? m_userName : m_password)->setFocus();
}

QString LoginDialog::errorShown() const { return m_message->text(); }

void LoginDialog::serverChanged()
{
    const QSslCertificate ca = pinnedCa(m_server->text());
    if (!ca.isNull()) {
        m_fingerprint->setText(client::caFingerprint(ca));
        m_caNote->setText(tr("This server's county CA is known from an earlier login."));
    } else if (m_fileCa.isNull()) {
        m_fingerprint->clear();
        m_caNote->setText(tr("First login to this server: enter the county CA fingerprint that the county IT gives "
                             "you (emisctl ca prints it), or choose the CA file (ca.pem)."));
    }
}

void LoginDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("The county CA"), QString(),
                                                      tr("Certificates (*.pem *.crt);;All files (*)"));
    if (path.isEmpty())
        return;
    auto ca = caFromFile(path);
    if (!ca)
        return fail(ca.error().message);
    m_fileCa = *ca;
    m_fingerprint->setText(client::caFingerprint(*ca));
    m_caNote->setText(tr("The CA from %1.").arg(path));
}

void LoginDialog::fail(const QString &message)
{
    m_busy = false;
    m_login->setEnabled(true);
    m_message->setText(message);
}

void LoginDialog::login()
{
    if (m_busy)
        return;
    const QString server = m_server->text().trimmed();
    if (auto endpoint = client::parseEndpoint(server); !endpoint)
        return fail(endpoint.error().message);
    if (m_userName->text().trimmed().isEmpty() || m_password->text().isEmpty())
        return fail(tr("Enter your user name and password."));
    const QString fingerprint = normalizeFingerprint(m_fingerprint->text());
    if (fingerprint.isEmpty())
        return fail(describeError(client::makeError(ErrorKind::Usage, {}, QStringLiteral("no_ca"))));
    m_busy = true;
    m_login->setEnabled(false);
    m_message->setText(tr("Logging in…"));
    const QSslCertificate known = pinnedCa(server);
    if (!known.isNull() && client::caFingerprint(known) == fingerprint)
        return loginWith(known);
    if (!m_fileCa.isNull() && client::caFingerprint(m_fileCa) == fingerprint)
        return loginWith(m_fileCa);
    // First contact: the CA with this fingerprint from the chain the server presents.
    m_client.pinCa(server, fingerprint, this, [this](const Result<QSslCertificate> &ca) {
        if (!ca)
            return fail(describeError(ca.error()));
        loginWith(*ca);
    });
}

void LoginDialog::loginWith(const QSslCertificate &ca)
{
    const Credentials credentials{m_server->text().trimmed(), ca, m_userName->text().trimmed(), m_password->text()};
    m_client.login(credentials, this, [this, credentials](const Result<LoginInfo> &r) {
        if (!r)
            return fail(describeError(r.error()));
        m_busy = false;
        m_user = *r;
        m_password->clear();
        QSettings settings;
        settings.setValue(QStringLiteral("login/server"), credentials.server);
        settings.setValue(QStringLiteral("login/user"), credentials.user);
        keepPinnedCa(credentials.server, credentials.ca);
        accept();
    });
}

} // namespace emis::bureau
