// The whole school's 毕业升级 and its undo, timed on a real store file: N pupils (default 3,000)
// over grades 1–9 of a nine-year school. Usage: bench_promotion [pupils]
#include "register/PromotionService.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/Transaction.h"
#include "validate/IdNumber.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace emis;
using namespace emis::client;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int pupils = argc > 1 ? std::atoi(argv[1]) : 3000;
    QTemporaryDir dir;
    auto opened = LocalStore::open(dir.filePath(QStringLiteral("store.db")));
    if (!opened)
        return 1;
    LocalStore &store = **opened;
    (void)store.setIdentity({QStringLiteral("device-a"), QStringLiteral("school-1"), QStringLiteral("3604290001"),
                             QStringLiteral("某学校"), QString()});
    {
        Transaction tx(store.db());
        RecordStore records(store);
        for (int i = 0; i < pupils; ++i) {
            char date[16], first17[24];
            std::snprintf(date, sizeof date, "2012-%02d-%02d", 1 + (i / 28) % 12, 1 + i % 28);
            std::snprintf(first17, sizeof first17, "360429%.4s%.2s%.2s%03d", date, date + 5, date + 8, i % 1000);
            validate::Record r{{"name", "学生" + std::to_string(i)},
                               {"birth_date", std::string(date)},
                               {"id_type", std::string("1")},
                               {"id_number", std::string(first17) + validate::idCheckCharacter(first17)},
                               {"sex", std::string(i % 2 ? "1" : "2")},
                               {"grade", std::int64_t{1 + i % 9}},
                               {"class_name", std::to_string(1 + i % 6) + "班"},
                               {"status", std::string("1")},
                               {"student_no", "G" + std::to_string(i)}};
            if (auto saved = records.save(*schema::findTable("students"), QString(), r); !saved)
                std::printf("pupil %d: %s\n", i, qPrintable(saved.error().message));
        }
        tx.commit();
    }
    PromotionService service(store);
    QElapsedTimer t;
    t.start();
    auto dry = service.promote({QString(), {}, false, true});
    const qint64 dryMs = t.restart();
    auto done = service.promote({});
    const qint64 promoteMs = t.restart();
    auto undone = service.undo();
    const qint64 undoMs = t.elapsed();
    if (!done || !undone) {
        std::printf("failed: %s\n", qPrintable(!done ? done.error().message : undone.error().message));
        return 1;
    }
    std::printf("pupils %d: dry run %lld ms; promote %lld ms (%d promoted, %d graduated); undo %lld ms\n", pupils,
                static_cast<long long>(dryMs), static_cast<long long>(promoteMs), done->promoted, done->graduated,
                static_cast<long long>(undoMs));
    return dry ? 0 : 1;
}
