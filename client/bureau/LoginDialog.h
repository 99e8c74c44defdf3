#pragma once

#include "BureauSession.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace emis::bureau {

class BureauClient;

// Logging in: the county server (HOST:PORT), the user and the password. On the first start for
// a server it also asks for the county CA, as its fingerprint (`emisctl ca` prints it) or as the
// ca.pem file; once a login worked, the CA is kept for that server and the field shows its
// fingerprint. The server and the user are remembered; the password never is.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(BureauClient &client, QWidget *parent = nullptr);

    void login();
    bool busy() const { return m_busy; }
    QString errorShown() const;
    const LoginInfo &user() const { return m_user; }

private:
    void serverChanged();
    void chooseCaFile();
    void loginWith(const QSslCertificate &ca);
    void fail(const QString &message);

    BureauClient &m_client;
    QLineEdit *m_server;
    QLineEdit *m_userName;
    QLineEdit *m_password;
    QLineEdit *m_fingerprint;
    QLabel *m_caNote;
    QLabel *m_message;
    QPushButton *m_login;
    QSslCertificate m_fileCa;  // a CA chosen from a file in this dialog
    LoginInfo m_user;
    bool m_busy = false;
};

// Where the program keeps the pinned CA of a server (QSettings).
QSslCertificate pinnedCa(const QString &server);
void keepPinnedCa(const QString &server, const QSslCertificate &ca);

} // namespace emis::bureau
