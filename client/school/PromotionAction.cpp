#include "PromotionAction.h"

#include "SchoolSession.h"
#include "register/PromotionService.h"
#include "store/LocalStore.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace emis::school {
namespace {

using Outcome = client::Result<client::PromotionOutcome>;

} // namespace

PromotionAction::PromotionAction(SchoolSession &session, QWidget *window)
    : QObject(window), m_session(session), m_window(window)
{
}

void PromotionAction::promote() { run(false); }
void PromotionAction::undo() { run(true); }

// `work` runs on a worker thread with its own store connection (QtSql connections may not cross
// threads); `done` gets its outcome back on the GUI thread.
void PromotionAction::inBackground(const QString &label, std::function<Outcome(client::PromotionService &)> work,
                                   std::function<void(const Outcome &)> done)
{
    m_running = true;
    auto *progress = new QProgressDialog(label, QString(), 0, 0, m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    const QString path = m_session.storePath();
    auto result = std::make_shared<Outcome>(client::PromotionOutcome{});
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, progress, result, done] {
        watcher->deleteLater();
        progress->deleteLater();
        m_running = false;
        done(*result);
    });
    watcher->setFuture(QtConcurrent::run([path, result, work] {
        auto store = client::LocalStore::open(path);
        if (!store) {
            *result = store.error();
            return;
        }
        client::PromotionService service(**store);
        *result = work(service);
    }));
}

void PromotionAction::run(bool undo)
{
    if (m_running)
        return;
    const QString title = undo ? tr("Undo the year-end promotion") : tr("Year-end promotion");
    // First what would change (reads only), then the clerk's word, then the writing.
    inBackground(
        title,
        [undo](client::PromotionService &s) {
            client::PromotionOptions dry;
            dry.dryRun = true;
            return undo ? s.undo(true) : s.promote(dry);
        },
        [this, undo, title](const Outcome &plan) {
            if (!plan) {
                QMessageBox::warning(m_window, title, plan.error().message);
                return;
            }
            const QString question =
                undo ? tr("Take the last promotion back? %1 pupils return to their previous grade and class and %2 "
                          "graduates return to 在读.")
                           .arg(plan->promoted)
                           .arg(plan->graduated)
                     : tr("Promote the whole school? %1 pupils go up one grade (class names are kept), %2 pupils of "
                          "grade %3 graduate, %4 pupils not 在读 stay as they are. It can be undone in one step.")
                           .arg(plan->promoted)
                           .arg(plan->graduated)
                           .arg(plan->topGrade)
                           .arg(plan->notActive);
            if (QMessageBox::question(m_window, title, question) != QMessageBox::Yes)
                return;
            inBackground(
                title,
                [undo](client::PromotionService &s) { return undo ? s.undo(false) : s.promote({}); },
                [this, undo, title](const Outcome &result) {
                    if (!result)
                        QMessageBox::warning(m_window, title, result.error().message);
                    else
                        QMessageBox::information(
                            m_window, title,
                            undo ? tr("Undone: %1 pupils back in their previous grade, %2 graduates back in school.")
                                       .arg(result->promoted)
                                       .arg(result->graduated)
                                 : tr("Done: %1 pupils promoted, %2 graduated.")
                                       .arg(result->promoted)
                                       .arg(result->graduated));
                    Q_EMIT finished();
                });
        });
}

} // namespace emis::school
