#include "PromotionAction.h"

#include "SchoolSession.h"
#include "register/PromotionService.h"
#include "store/LocalStore.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace emis::school {

PromotionAction::PromotionAction(SchoolSession &session, QWidget *window)
    : QObject(window), m_session(session), m_window(window)
{
}

void PromotionAction::promote() { run(false); }
void PromotionAction::undo() { run(true); }

void PromotionAction::run(bool undo)
{
    if (m_running)
        return;
    // What would change, counted first (reads only, quick).
    client::PromotionService service(m_session.store());
    client::PromotionOptions dry;
    dry.dryRun = true;
    auto plan = undo ? service.undo(true) : service.promote(dry);
    const QString title = undo ? tr("Undo the year-end promotion") : tr("Year-end promotion");
    if (!plan) {
        QMessageBox::warning(m_window, title, plan.error().message);
        return;
    }
    const QString question =
        undo ? tr("Take the last promotion back? %1 pupils return to their previous grade and class and %2 graduates "
                  "return to 在读.")
                   .arg(plan->promoted)
                   .arg(plan->graduated)
             : tr("Promote the whole school? %1 pupils go up one grade (class names are kept), %2 pupils of grade %3 "
                  "graduate, %4 pupils not 在读 stay as they are. It can be undone in one step.")
                   .arg(plan->promoted)
                   .arg(plan->graduated)
                   .arg(plan->topGrade)
                   .arg(plan->notActive);
    if (QMessageBox::question(m_window, title, question) != QMessageBox::Yes)
        return;

    m_running = true;
    auto *progress = new QProgressDialog(title, QString(), 0, 0, m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(200);
    const QString path = m_session.storePath();
    auto result = std::make_shared<client::Result<client::PromotionOutcome>>(client::PromotionOutcome{});
    auto *watcher = new QFutureWatcher<void>(this);
    QPointer<QProgressDialog> guard(progress);
    connect(watcher, &QFutureWatcher<void>::finished, this, [=, this] {
        watcher->deleteLater();
        if (guard)
            guard->deleteLater();
        m_running = false;
        if (!*result)
            QMessageBox::warning(m_window, title, result->error().message);
        else
            QMessageBox::information(m_window, title,
                                     undo ? tr("Undone: %1 pupils back in their previous grade, %2 graduates back "
                                               "in school.")
                                                .arg((*result)->promoted)
                                                .arg((*result)->graduated)
                                          : tr("Done: %1 pupils promoted, %2 graduated.")
                                                .arg((*result)->promoted)
                                                .arg((*result)->graduated));
        Q_EMIT finished();
    });
    watcher->setFuture(QtConcurrent::run([path, undo, result] {
        // Its own connection: QtSql connections may not cross threads.
        auto store = client::LocalStore::open(path);
        if (!store) {
            *result = store.error();
            return;
        }
        client::PromotionService worker(**store);
        *result = undo ? worker.undo(false) : worker.promote(client::PromotionOptions{});
    }));
}

} // namespace emis::school
