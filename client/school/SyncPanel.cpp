#include "SyncPanel.h"

#include "SchoolSession.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace emis::school {

SyncPanel::SyncPanel(SchoolSession &session, client::SyncEngine *engine, QWidget *parent)
    : QWidget(parent), m_session(session), m_engine(engine)
{
    setObjectName(QStringLiteral("syncPanel"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("syncState"));
    m_last = new QLabel(this);
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pending"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("syncNotice"));
    m_notice->setStyleSheet(QStringLiteral("color:#8a5a00"));
    m_notice->hide();
    m_issues = new QPushButton(this);
    m_issues->setFlat(true);
    m_issues->setObjectName(QStringLiteral("issuesLink"));
    m_syncNow = new QPushButton(tr("Sync now"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_syncNow->setEnabled(engine != nullptr);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_state), static_cast<QWidget *>(m_last), static_cast<QWidget *>(m_pending),
                       static_cast<QWidget *>(m_notice), static_cast<QWidget *>(m_issues), static_cast<QWidget *>(m_syncNow)})
        layout->addWidget(w);
    connect(m_issues, &QPushButton::clicked, this, &SyncPanel::issuesRequested);
    if (engine) {
        connect(m_syncNow, &QPushButton::clicked, engine, &client::SyncEngine::syncNow);
        connect(engine, &client::SyncEngine::stateChanged, this, &SyncPanel::showState);
        connect(engine, &client::SyncEngine::progress, this, [this](const QString &phase, int done, int total) {
            m_state->setText(total > 0 ? tr("Syncing: %1 %2/%3").arg(phase).arg(done).arg(total)
                                       : tr("Syncing: %1").arg(phase));
        });
        // Said once, where the clerk looks: the short form in the bar, the whole notice on hover.
        connect(engine, &client::SyncEngine::clockCorrected, this, [this](const QString &notice) {
            m_notice->setText(tr("Device clock corrected; no edit lost"));
            m_notice->setToolTip(notice);
            m_notice->show();
        });
        connect(engine, &client::SyncEngine::finished, this, [this](bool, int, int, const QString &) {
            m_syncNow->setEnabled(true);
            refresh();
            Q_EMIT synced();
        });
    }
    m_state->setText(engine ? tr("Not synced yet") : tr("Offline (not enrolled)"));
    refresh();
}

void SyncPanel::showState(client::SyncEngine::State state, const QString &message)
{
    using S = client::SyncEngine::State;
    switch (state) {
    case S::Idle: m_state->setText(tr("Online")); break;
    case S::Syncing:
        m_state->setText(tr("Syncing…"));
        m_syncNow->setEnabled(false);
        break;
    case S::Offline: m_state->setText(tr("Offline: the server cannot be reached")); break;
    case S::Busy: m_state->setText(tr("The server is busy; trying again shortly")); break;
    case S::Refused: m_state->setText(tr("Refused by the server")); break;
    case S::Revoked: m_state->setText(tr("This device was revoked: ask county IT to enroll it again")); break;
    case S::Failed: m_state->setText(tr("Sync failed")); break;
    }
    m_state->setToolTip(message);
    m_state->setStyleSheet(state == S::Idle || state == S::Syncing ? QStringLiteral("color:#1b5e20")
                                                                   : QStringLiteral("color:#b00020"));
}

void SyncPanel::refresh()
{
    const client::SyncState s = m_session.syncState();
    m_last->setText(s.lastSyncMs ? tr("Last sync: %1").arg(QDateTime::fromMSecsSinceEpoch(s.lastSyncMs)
                                                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                 : tr("Last sync: never"));
    if (!s.lastError.isEmpty())
        m_last->setToolTip(s.lastError);
    m_pending->setText(tr("Changes to send: %1").arg(m_session.pendingChanges()));
    const int issues = m_session.openIssues();
    m_issues->setText(tr("Problems to look at: %1").arg(issues));
    m_issues->setStyleSheet(issues ? QStringLiteral("color:#b00020") : QString());
}

QString SyncPanel::stateText() const { return m_state->text(); }
QString SyncPanel::pendingText() const { return m_pending->text(); }
QString SyncPanel::noticeText() const { return m_notice->isHidden() ? QString() : m_notice->toolTip(); }

} // namespace emis::school
