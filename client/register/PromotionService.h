#pragma once

#include "store/RecordStore.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <atomic>
#include <functional>

namespace emis::client {

class LocalStore;

struct PromotionOptions {
    QString date;                     // the changes' date; empty: today
    // New class names: "旧班级" or "年级/旧班级" (grade as a number) → new name. Unmapped
    // classes keep their name (3班 stays 3班).
    QMap<QString, QString> classMap;
    bool renameClasses = false;       // also 三(2)班 → 四(2)班, 初一(3)班 → 初二(3)班
    bool dryRun = false;              // count, write nothing
};

struct PromotionOutcome {
    QString batchId;
    int topGrade = 0;       // the school's last grade: its pupils graduate
    int promoted = 0;       // 升级 rows
    int graduated = 0;      // 毕业 rows
    int notActive = 0;      // pupils left as they are (休学, 毕业, ...)
    QMap<int, int> byGrade; // pupils by the grade they were in
    bool cancelled = false;
};

// The year-end 毕业升级 of the whole school in one step, as the national register does it: every
// pupil 在读 goes up one grade (升级, kind 15) and the pupils of the school's last grade (6 for a
// 小学, 9 for an 初中 or 九年一贯制, 12 for a 高中 or 完全中学) graduate (毕业, kind 09). Pupils
// not 在读 stay as they are. One transaction, one batch id on every change row. Undo takes the
// last batch back in one step: each pupil's grade, class and status as they were, the batch's
// rows marked 已撤回, all as changes that sync; refused when any pupil was changed since.
class PromotionService {
    Q_DECLARE_TR_FUNCTIONS(PromotionService)
public:
    explicit PromotionService(LocalStore &store) : m_store(store) {}

    using Progress = std::function<void(int done, int total)>;
    Result<PromotionOutcome> promote(const PromotionOptions &options, const Progress &progress = {},
                                     const std::atomic_bool *cancel = nullptr);
    Result<PromotionOutcome> undo(bool dryRun = false, const Progress &progress = {});

    // 三(2)班 → 四(2)班 when the name starts with the grade's number or name; otherwise unchanged.
    static QString renamedClass(const QString &name, int fromGrade, int toGrade);
    // The school's last grade from its 办学类型, or from the grades its pupils are in.
    int topGrade() const;

private:
    int topGrade(const std::vector<StoredRow> &pupils) const;
    // The last grade of the school's 办学类型; 0 when there is no school row or type yet.
    int lastGradeOfSchool() const;

    LocalStore &m_store;
};

} // namespace emis::client
