// Usage: bench_school [pupils=5000] [runs=5]
// Prints, for the pupil page as the clerk sees it (RecordPage: model, sort/filter proxy, view):
//   store = the repository reading every pupil from SQLite (seeded once, on tmpfs when there is one)
//   load  = rows into the model (every cell rendered once) + the first paint of the window
//   key   = one keystroke in the filter box: the proxy refilters and the view repaints
// Targets: load <= 300 ms for 5,000 pupils, key <= 30 ms. Runs on the offscreen platform unless
// QT_QPA_PLATFORM says otherwise.
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "SchoolFixture.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace emis;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int pupils = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    school::setUiLanguage(QStringLiteral("zh_CN"));
    // tmpfs when there is one: seeding commits one transaction per pupil (synchronous=FULL).
    QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm/bench_school-XXXXXX") : QString());
    auto session = testing::enrolledSession(dir.path());
    const schema::Table &students = *schema::findTable("students");
    {
        QElapsedTimer seed;
        seed.start();
        client::RecordStore store(session->store());
        for (int i = 0; i < pupils; ++i)
            if (auto saved = store.save(students, QString(), testing::pupilRecord(i)); !saved)
                qFatal("seeding pupil %d: %s", i, qPrintable(saved.error().message));
        std::printf("seeded %d pupils into the store in %.1f s\n", pupils, double(seed.elapsed()) / 1000);
    }
    std::vector<double> reads;

    std::vector<double> loads, keys;
    double worstKey = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer read;
        read.start();
        auto listed = session->repository(students).list();
        if (!listed || int(listed->size()) != pupils)
            qFatal("the store gave back the wrong rows");
        auto rows = std::move(*listed);
        reads.push_back(double(read.nsecsElapsed()) / 1e6);
        school::RecordPage page(*session, *schema::findTable("students"),
                                {"student_no", "name", "sex", "birth_date", "id_number", "ethnicity", "grade",
                                 "class_name", "status"});
        page.resize(1280, 800);
        QElapsedTimer t;
        t.start();
        page.model()->setRows(std::move(rows));
        page.show();
        const QPixmap first = page.grab();  // forces layout and a full paint of the visible rows
        loads.push_back(double(t.nsecsElapsed()) / 1e6);
        Q_UNUSED(first)

        // A clerk typing a name, a grade and class, an ID number prefix, then deleting.
        const QStringList typed = {QStringLiteral("王子涵1"), QStringLiteral(" 七年级"), QStringLiteral(" 2班")};
        for (const QString &chunk : typed)
            for (const QChar c : chunk) {
                t.restart();
                testing::typeText(page.filterBox(), QString(c));
                page.view()->viewport()->repaint();
                const double ms = double(t.nsecsElapsed()) / 1e6;
                keys.push_back(ms);
                worstKey = std::max(worstKey, ms);
            }
        for (int i = 0; i < 6; ++i) {
            t.restart();
            QTest::keyClick(page.filterBox(), Qt::Key_Backspace);
            page.view()->viewport()->repaint();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            keys.push_back(ms);
            worstKey = std::max(worstKey, ms);
        }
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("pupils: %d, runs: %d\n", pupils, runs);
    std::printf("store read (list):  median %.1f ms\n", median(reads));
    std::printf("load + first paint: median %.1f ms, best %.1f ms (target <= 300 ms)\n", median(loads),
                *std::min_element(loads.begin(), loads.end()));
    std::printf("filter keystroke:   median %.2f ms, worst %.2f ms over %zu keys (target <= 30 ms)\n", median(keys),
                worstKey, keys.size());
    return 0;
}
