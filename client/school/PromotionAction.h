#pragma once

#include "store/Result.h"

#include <QObject>

#include <functional>

class QWidget;

namespace emis::client {
class PromotionService;
struct PromotionOutcome;
}

namespace emis::school {

class SchoolSession;

// The year-end promotion (毕业升级) and its undo from the menu: counts what would change and asks
// for confirmation, then writes; both on a worker thread with its own store connection (3,000 pupils
// take longer than a GUI thread may stall), with a progress dialog, and says what was done.
class PromotionAction : public QObject {
    Q_OBJECT
public:
    PromotionAction(SchoolSession &session, QWidget *window);

public Q_SLOTS:
    void promote();
    void undo();

Q_SIGNALS:
    void finished();  // the pupils changed: reload the lists

private:
    void run(bool undo);
    void inBackground(const QString &label,
                      std::function<client::Result<client::PromotionOutcome>(client::PromotionService &)> work,
                      std::function<void(const client::Result<client::PromotionOutcome> &)> done);

    SchoolSession &m_session;
    QWidget *m_window;
    bool m_running = false;
};

} // namespace emis::school
