#pragma once

#include "register/Attachments.h"
#include "store/RecordStore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace emis::client {

class LocalStore;

// A status change as a clerk fills it in: text as typed (codes or names, any accepted date form).
struct ChangeInput {
    QString kind;     // 休学 or 03, 校内转班 or 08, ...
    QString date;     // empty: today
    QString reason;
    QString toGrade;  // 三年级 or 3; for 留级/跳级 the default is one grade down/up
    QString toClass;  // required for 校内转班
};

// One line of a pupil's history.
struct HistoryEntry {
    StoredRow change;
    QString kindName;      // 休学
    QString approvalName;  // 待审批, 已批准, ...
    int evidenceCount = 0;
    QString date() const;
    QString approval() const;  // the approval_state code
};

// 学籍异动 as records with history. A change and its effect on the pupil are one transaction: the
// kinds sent for review (休学, 复学, 退学, 留级, 跳级) are saved pending (approval 1) and leave the
// pupil as they are until the bureau approves (the server then writes the pupil); the others
// apply at once (校内转班 moves the class, 毕业/结业/肄业/死亡/注销 set the status, 恢复学籍
// restores). 转入/转出 belong to the transfer flow and 升级 to the whole school's promotion.
// Evidence images are the change's attachments (Attachments.h).
class StatusChangeService {
    Q_DECLARE_TR_FUNCTIONS(StatusChangeService)
public:
    explicit StatusChangeService(LocalStore &store) : m_store(store) {}

    // A pupil by row id, 学籍号 or ID number.
    Result<StoredRow> findPupil(const QString &key) const;
    // Records the change (and, unless it waits for the bureau, its effect), with its evidence.
    Result<SaveOutcome> record(const QString &studentId, const ChangeInput &input,
                               const std::vector<EvidenceFile> &evidence = {});
    // Withdraws a request still waiting for the bureau (approval 1 → 4).
    Result<SaveOutcome> withdraw(const QString &changeId);
    Result<SaveOutcome> attachEvidence(const QString &changeId, const EvidenceFile &file);

    // Every change of the pupil, newest first (by date, then by when it was recorded).
    Result<std::vector<HistoryEntry>> history(const QString &studentId) const;
    // Every change of the school, newest first.
    Result<std::vector<HistoryEntry>> all() const;
    Result<std::vector<StoredRow>> evidenceOf(const QString &changeId) const;

private:
    Result<std::vector<HistoryEntry>> entries(std::vector<StoredRow> rows) const;
    Status saveEvidence(const QString &changeId, const EvidenceFile &file);

    LocalStore &m_store;
};

} // namespace emis::client
