#pragma once

#include "sync/SyncEngine.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace emis::school {

class SchoolSession;

// Always in the status bar: whether the server was reached, when the last sync was, how many
// changes wait to be sent, how many rejections and conflicts wait for the clerk, and "Sync now".
// The sync itself runs on SyncEngine's thread; this only listens to its signals.
class SyncPanel : public QWidget {
    Q_OBJECT
public:
    // `engine` may be null (not enrolled, or a demo): the panel then only shows the counts.
    SyncPanel(SchoolSession &session, client::SyncEngine *engine, QWidget *parent = nullptr);

    QString stateText() const;
    QString pendingText() const;
    QString noticeText() const;  // what the last sync had to tell (a clock correction), or empty

public Q_SLOTS:
    void refresh();  // counts from the store (after a save, an import, a sync)

Q_SIGNALS:
    void issuesRequested();
    void synced();  // a sync finished: lists may have new rows from the server

private:
    void showState(client::SyncEngine::State state, const QString &message);

    SchoolSession &m_session;
    client::SyncEngine *m_engine = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_last = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_issues = nullptr;
    QPushButton *m_syncNow = nullptr;
};

} // namespace emis::school
