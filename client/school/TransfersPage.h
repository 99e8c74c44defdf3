#pragma once

#include "register/TransferService.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTabWidget;
class QTableWidget;

namespace emis::school {

class SchoolSession;

// Cross-school transfers: requests this school filed (转入申请) and requests for its pupils
// (转出申请), each with where it stands, and the pupils who transferred out (a read-only
// trace). The steps go through the library (TransferService) and complete on sync.
class TransfersPage : public QWidget {
    Q_OBJECT
public:
    explicit TransfersPage(SchoolSession &session, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *incomingView() const { return m_incoming; }
    QTableWidget *outgoingView() const { return m_outgoing; }
    QTableWidget *tracesView() const { return m_traces; }

    // The steps on the request in `row` of its list; false (and the reason shown) when refused.
    bool agree(int row);
    bool refuse(int row, const QString &reason);
    bool withdraw(int row);

public Q_SLOTS:
    void reload();
    void newRequest();

Q_SIGNALS:
    void changed();

private:
    void fill(QTableWidget *view, bool incoming);
    bool done(const client::Result<client::SaveOutcome> &r);
    QString idAt(QTableWidget *view, int row) const;

    SchoolSession &m_session;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_incoming = nullptr;
    QTableWidget *m_outgoing = nullptr;
    QTableWidget *m_traces = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace emis::school
