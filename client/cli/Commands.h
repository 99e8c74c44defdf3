#pragma once

#include "cli/Output.h"

#include <QString>
#include <QStringList>

namespace emis::client::cli {

// What the command line asked for, parsed; each command below turns it into an exit code.
struct Options {
    QString dataDir;
    QString server;
    QString code;
    QString deviceName;
    QString id;           // a record, rejection or conflict
    QStringList sets;     // --set KEY=VALUE, in order
    QString note;
    bool all = false;     // list closed entries too
    QString table;        // list, add, edit, remove, import, export: a table's name (or Chinese label)
    QString file;
    bool dryRun = false;  // import: plan and report, write nothing
    bool gbk = false;     // export: CSV in GB18030 for old tools
    QString exam;         // import scores, analysis: the exam's id
    QString by;           // analysis: class or subject
    QString subject;      // analysis: one subject (name or code), or total
    QString compare;      // analysis: "previous" (the change since the previous exam of the grade)
    // change add | list | withdraw, promote
    QString student;      // a pupil: row id, 学籍号 or ID number
    QString kind;         // a change_kind code or name
    QString date;
    QString reason;
    QString toGrade;
    QString toClass;
    QStringList evidence; // image files
    bool undo = false;
    bool renameClasses = false;
    QStringList classMap; // OLD=NEW
    // transfer request (--reason and --evidence are shared with change add)
    bool staffMove = false;  // staff-transfer: a teacher's 调动, not a pupil's 转学
    QString idNumber;
    QString name;
    QString grade;
    QString className;
    // stocktake (盘点)
    QString room;         // a room's name
    QString asset;        // an asset's 资产编号, 条形码 or id
    QString result;       // 在位, 缺失, 损坏
    QStringList files;    // attach: the files, in order
    int timeoutSeconds = 20;
    int batchSize = 500;
};

int enrollCommand(const Options &o, const Output &out);
int syncCommand(const Options &o, const Output &out);
int statusCommand(const Options &o, const Output &out);

int recordsList(const Options &o, const Output &out);
int recordsAdd(const Options &o, const Output &out);
int recordsEdit(const Options &o, const Output &out);
int recordsRemove(const Options &o, const Output &out);
int studentsAdd(const Options &o, const Output &out);
int studentsEdit(const Options &o, const Output &out);
int studentsList(const Options &o, const Output &out);
int studentsRemove(const Options &o, const Output &out);

int importCommand(const Options &o, const Output &out);
// The exams this school scores; a score sheet imported against one (import scores FILE --exam ID).
int examsList(const Options &o, const Output &out);
int importScores(const Options &o, const Output &out);
// The school's analysis of an exam, offline (the bureau's exam_analysis, for this school).
int examAnalysis(const Options &o, const Output &out);
// 成绩预警: pupils under the 低分 line, failing two subjects or more, or down ten places since the
// previous exam of the grade, per class.
int examWarnings(const Options &o, const Output &out);
int exportCommand(const Options &o, const Output &out);

int changeAdd(const Options &o, const Output &out);
int changeList(const Options &o, const Output &out);
int changeWithdraw(const Options &o, const Output &out);
int promoteCommand(const Options &o, const Output &out);
int transferRequest(const Options &o, const Output &out);
int transferList(const Options &o, const Output &out);
int transferAgree(const Options &o, const Output &out);
int transferRefuse(const Options &o, const Output &out);
int transferWithdraw(const Options &o, const Output &out);
int transferredOutList(const Options &o, const Output &out);
// 盘点: a room's checklist, each asset marked, the rest recorded missing at the end.
int stocktakeStart(const Options &o, const Output &out);
int stocktakeMark(const Options &o, const Output &out);
int stocktakeFinish(const Options &o, const Output &out);
int stocktakeShow(const Options &o, const Output &out);
int problemsList(const Options &o, const Output &out);
// Files kept with a school's row (an asset's photo): attach TABLE ID FILE..., attachments TABLE
// ID, save-attachment ATTACHMENT_ID FILE, detach ATTACHMENT_ID.
int attachCommand(const Options &o, const Output &out);
int attachmentsList(const Options &o, const Output &out);
int attachmentSave(const Options &o, const Output &out);
int detachCommand(const Options &o, const Output &out);

int rejectionsList(const Options &o, const Output &out);
int rejectionsResolve(const Options &o, const Output &out);
int rejectionsDiscard(const Options &o, const Output &out);
int conflictsList(const Options &o, const Output &out);
int conflictsResolve(const Options &o, const Output &out);
int conflictsDiscard(const Options &o, const Output &out);

} // namespace emis::client::cli
