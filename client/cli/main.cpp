// emis-cli: the command line IT scripts use, one data directory per school device. The surface
// (commands, options, --json shapes, exit codes) is a contract; see README.md.
#include "Translations.h"
#include "cli/Commands.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>

#include <functional>
#include <string>
#include <vector>

using namespace emis::client;
using namespace emis::client::cli;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("emis-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    CLI::App cli{"CountyEMIS school device command line (区县教育管理信息系统)", "emis-cli"};
    cli.require_subcommand(1);
    std::string dataDir, server, code, deviceName, id, note;
    std::vector<std::string> sets;
    bool json = false, all = false;
    int timeout = 20, batch = 500;
    std::string lang;
    cli.add_option("--data-dir,-d", dataDir, "the device's data directory (one school device)")->envname("EMIS_DATA_DIR");
    cli.add_flag("--json", json, "print data as JSON");
    cli.add_option("--timeout", timeout, "seconds to wait for the server")->check(CLI::Range(1, 3600));
    cli.add_option("--lang", lang, "zh_CN or en: the language of messages (default: the system's)")
        ->envname("EMIS_LANG")
        ->check(CLI::IsMember({"zh_CN", "en"}));

    std::function<int(const Options &, const Output &)> run;
    const auto on = [&](CLI::App *sub, int (*fn)(const Options &, const Output &)) {
        sub->fallthrough();
        // A parent that also acts alone ("rejections" lists) yields to a chosen child ("resolve").
        sub->callback([&run, fn, sub] {
            if (sub->get_subcommands().empty())
                run = fn;
        });
        return sub;
    };
    const auto addSets = [&](CLI::App *sub) { sub->add_option("--set", sets, "FIELD=VALUE (name or Chinese label)"); };
    const auto addNote = [&](CLI::App *sub) { sub->add_option("--note", note, "why (kept with the entry)"); };

    auto *enroll = on(cli.add_subcommand("enroll", "enroll this device with a one-time code"), enrollCommand);
    enroll->add_option("--server", server, "HOST:PORT")->required();
    enroll->add_option("--code", code, "XXXX-XXXX-XXXX.<fingerprint>")->required();
    enroll->add_option("--name", deviceName, "a label for IT (default: host name)");
    auto *sync = on(cli.add_subcommand("sync", "send pending changes and receive the school's records"), syncCommand);
    sync->add_option("--batch", batch, "changes per batch")->check(CLI::Range(1, 5000));
    on(cli.add_subcommand("status", "pending changes, last sync, open rejections and conflicts"), statusCommand);

    auto *students = cli.add_subcommand("students", "pupils (学生)");
    students->require_subcommand(1);
    students->fallthrough();
    addSets(on(students->add_subcommand("add", "register a pupil"), studentsAdd));
    auto *edit = on(students->add_subcommand("edit", "change a pupil's fields"), studentsEdit);
    edit->add_option("id", id, "the pupil's id")->required();
    addSets(edit);
    on(students->add_subcommand("list", "list pupils"), studentsList);
    on(students->add_subcommand("remove", "remove a pupil (a tombstone, synced)"), studentsRemove)
        ->add_option("id", id, "the pupil's id")
        ->required();

    std::string table, file;
    bool dryRun = false, gbk = false;
    // Any table through the same doors (students and staff, and every module's tables).
    const auto addTable = [&](CLI::App *sub) { sub->add_option("table", table, "a table: students, staff, status_changes ...")->required(); };
    auto *listAny = on(cli.add_subcommand("list", "list a table's records"), recordsList);
    addTable(listAny);
    auto *addAny = on(cli.add_subcommand("add", "add a record to a table"), recordsAdd);
    addTable(addAny);
    addSets(addAny);
    auto *editAny = on(cli.add_subcommand("edit", "change a record's fields"), recordsEdit);
    addTable(editAny);
    editAny->add_option("id", id, "the record's id")->required();
    addSets(editAny);
    auto *removeAny = on(cli.add_subcommand("remove", "remove a record (a tombstone, synced)"), recordsRemove);
    addTable(removeAny);
    removeAny->add_option("id", id, "the record's id")->required();
    auto *import = on(cli.add_subcommand("import", "import a roster (.xlsx or .csv) into the store"), importCommand);
    addTable(import);
    import->add_option("file", file, "the .xlsx or .csv file")->required();
    import->add_flag("--dry-run", dryRun, "show what would be imported and rejected; write nothing");
    std::string exam;
    import->add_option("--exam", exam, "import scores: the exam's id (see: exams)");
    on(cli.add_subcommand("exams", "the exams this school scores (考试)"), examsList);
    std::string by, subject;
    auto *analysis = on(cli.add_subcommand("analysis", "an exam's analysis for this school (成绩分析)"), examAnalysis);
    analysis->add_option("--exam", exam, "the exam's id (see: exams)")->required();
    analysis->add_option("--by", by, "class (each class against the school) or subject (the school as a whole)");
    analysis->add_option("--subject", subject, "one subject (数学), or total");
    std::string compare;
    analysis->add_option("--compare", compare, "previous: each figure's change since the previous exam of the grade");
    auto *warnings = on(cli.add_subcommand("warnings", "成绩预警: pupils to look after, per class"), examWarnings);
    warnings->add_option("--exam", exam, "the exam's id (see: exams)")->required();
    auto *exportCmd = on(cli.add_subcommand("export", "export a roster to .xlsx or .csv"), exportCommand);
    addTable(exportCmd);
    exportCmd->add_option("file", file, "FILE.xlsx or FILE.csv")->required();
    exportCmd->add_flag("--gbk", gbk, "CSV in GB18030 instead of UTF-8 with BOM");

    std::string student, kind, date, reason, toGrade, toClass;
    std::vector<std::string> evidence, classMap;
    bool undo = false, renameClasses = false;
    auto *change = cli.add_subcommand("change", "status changes (学籍异动)");
    change->require_subcommand(1);
    change->fallthrough();
    auto *changeAdd_ = on(change->add_subcommand("add", "record a status change for a pupil"), changeAdd);
    changeAdd_->add_option("--student", student, "the pupil: id, 学籍号 or ID number")->required();
    changeAdd_->add_option("--kind", kind, "the kind: code (03) or name (休学)")->required();
    changeAdd_->add_option("--date", date, "the change's date (default today)");
    changeAdd_->add_option("--reason", reason, "why");
    changeAdd_->add_option("--to-grade", toGrade, "new grade (留级, 跳级, 复学, 校内转班)");
    changeAdd_->add_option("--to-class", toClass, "new class (校内转班, ...)");
    changeAdd_->add_option("--evidence", evidence, "an evidence image (JPG, PNG, BMP, GIF; at most 2 MB)");
    auto *changeList_ = on(change->add_subcommand("list", "status changes, newest first"), changeList);
    changeList_->add_option("--student", student, "only this pupil: id, 学籍号 or ID number");
    on(change->add_subcommand("withdraw", "withdraw a request waiting for the bureau"), changeWithdraw)
        ->add_option("change_id", id, "the change's id")
        ->required();
    auto *promote = on(cli.add_subcommand("promote", "year-end promotion of the whole school (毕业升级)"), promoteCommand);
    promote->add_flag("--undo", undo, "take the last promotion back");
    promote->add_flag("--dry-run", dryRun, "count what would change; write nothing");
    promote->add_option("--date", date, "the changes' date (default today)");
    promote->add_option("--class-map", classMap, "OLD=NEW or GRADE/OLD=NEW: a new class name");
    promote->add_flag("--rename-classes", renameClasses, "三(2)班 becomes 四(2)班, 初一(3)班 becomes 初二(3)班");
    std::string idNumber, name, grade, className;
    // A pupil's 转学 and a teacher's 调动 take the same steps (schema/Moves.h).
    const auto addTransfer = [&](const char *command, const char *what, const char *who) {
        auto *transfer = cli.add_subcommand(command, what);
        transfer->require_subcommand(1);
        transfer->fallthrough();
        auto *tq = on(transfer->add_subcommand("request", std::string("ask for a ") + who + " of another school"),
                      transferRequest);
        tq->add_option("--id-number", idNumber, std::string("the ") + who + "'s ID number")->required();
        tq->add_option("--name", name, std::string("the ") + who + "'s name, as the other school has it")->required();
        if (std::string_view(command) == "transfer") {
            tq->add_option("--grade", grade, "grade on arrival (五年级, 5)");
            tq->add_option("--class", className, "class on arrival");
        }
        tq->add_option("--reason", reason, std::string("why the ") + who + " moves");
        tq->add_option("--evidence", evidence, "a scanned document (JPG, PNG, BMP, GIF; at most 2 MB)");
        on(transfer->add_subcommand("list", "requests in and out, with where each stands"), transferList);
        on(transfer->add_subcommand("agree", std::string("agree to let the ") + who + " go (sending school)"), transferAgree)
            ->add_option("id", id, "the request's id")
            ->required();
        auto *refuse = on(transfer->add_subcommand("refuse", "refuse, with the reason (sending school)"), transferRefuse);
        refuse->add_option("id", id, "the request's id")->required();
        refuse->add_option("--reason", reason, "why (the receiving school reads it)")->required();
        on(transfer->add_subcommand("withdraw", "withdraw this school's own request"), transferWithdraw)
            ->add_option("id", id, "the request's id")
            ->required();
        on(transfer->add_subcommand("out", std::string(who) + "s who moved out (read-only)"), transferredOutList);
        return transfer;
    };
    addTransfer("transfer", "cross-school transfers of pupils (转学)", "pupil");
    const CLI::App *staffTransfer = addTransfer("staff-transfer", "teachers' moves between schools (调动)", "teacher");
    std::string room, asset, result;
    auto *stocktake = cli.add_subcommand("stocktake", "take stock of a room's assets, offline (盘点)");
    stocktake->require_subcommand(1);
    stocktake->fallthrough();
    auto *start = on(stocktake->add_subcommand("start", "a checklist of what the register holds in the room"), stocktakeStart);
    start->add_option("--room", room, "the room (功能室名称); none: the whole school");
    start->add_option("--date", date, "the day (default today)");
    start->add_option("--name", name, "who takes stock");
    auto *sm = on(stocktake->add_subcommand("mark", "record what was found of one asset"), stocktakeMark);
    sm->add_option("stocktake_id", id, "the stocktake's id")->required();
    sm->add_option("asset", asset, "the asset's 资产编号 or 条形码")->required();
    sm->add_option("--result", result, "在位, 缺失 or 损坏")->required();
    addNote(sm);
    on(stocktake->add_subcommand("finish", "record every asset not marked as missing, and close"), stocktakeFinish)
        ->add_option("stocktake_id", id, "the stocktake's id")
        ->required();
    on(stocktake->add_subcommand("show", "the checklist and the missing, by keeper"), stocktakeShow)
        ->add_option("stocktake_id", id, "the stocktake's id")
        ->required();
    std::vector<std::string> files;
    auto *attach = on(cli.add_subcommand("attach", "keep files with a record: an asset's photo, a room's plan"), attachCommand);
    addTable(attach);
    attach->add_option("id", id, "the record's id")->required();
    attach->add_option("files", files, "images (JPG, PNG, BMP, GIF); a photo over 2 MB is scaled down")->required();
    auto *attachments = on(cli.add_subcommand("attachments", "the files kept with a record"), attachmentsList);
    addTable(attachments);
    attachments->add_option("id", id, "the record's id")->required();
    auto *saveAttachment = on(cli.add_subcommand("save-attachment", "write an attached file to disk"), attachmentSave);
    saveAttachment->add_option("attachment_id", id, "the file's id (see: attachments)")->required();
    saveAttachment->add_option("file", file, "where to write it")->required();
    on(cli.add_subcommand("detach", "remove an attached file (a tombstone, synced)"), detachCommand)
        ->add_option("attachment_id", id, "the file's id (see: attachments)")
        ->required();
    on(cli.add_subcommand("problems", "problem records (问题学籍) the county server found"), problemsList)
        ->add_flag("--all", all, "include resolved ones");

    auto *rejections = on(cli.add_subcommand("rejections", "changes the server refused"), rejectionsList);
    rejections->add_flag("--all", all, "include resolved and discarded ones");
    auto *rr = on(rejections->add_subcommand("resolve", "correct and resend"), rejectionsResolve);
    rr->add_option("entry", id, "the number listed")->required();
    addSets(rr);
    addNote(rr);
    auto *rd = on(rejections->add_subcommand("discard", "give the refused change up, on purpose"), rejectionsDiscard);
    rd->add_option("entry", id, "the number listed")->required();
    addNote(rd);

    auto *conflicts = on(cli.add_subcommand("conflicts", "fields two devices changed at once"), conflictsList);
    conflicts->add_flag("--all", all, "include resolved and discarded ones");
    auto *cr = on(conflicts->add_subcommand("resolve", "accept the kept value, or --set a new one"), conflictsResolve);
    cr->add_option("entry", id, "the number listed")->required();
    addSets(cr);
    addNote(cr);
    auto *cd = on(conflicts->add_subcommand("discard", "close without action, on purpose"), conflictsDiscard);
    cd->add_option("entry", id, "the number listed")->required();
    addNote(cd);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        // Help and version are successes; every other parse failure is a usage error (2).
        const int rc = cli.exit(e);
        return rc == 0 ? 0 : static_cast<int>(ErrorKind::Usage);
    }
    // Messages for people follow the language; --json keys, codes and exit codes do not.
    emis::i18n::installTranslations(app, q(lang));
    Options o;
    o.staffMove = staffTransfer->parsed();
    o.dataDir = q(dataDir);
    o.server = q(server);
    o.code = q(code);
    o.deviceName = q(deviceName);
    o.id = q(id);
    for (const auto &s : sets)
        o.sets << q(s);
    o.note = q(note);
    o.all = all;
    o.timeoutSeconds = timeout;
    o.batchSize = batch;
    o.table = q(table);
    o.file = q(file);
    o.dryRun = dryRun;
    o.gbk = gbk;
    o.exam = q(exam);
    o.by = q(by);
    o.subject = q(subject);
    o.compare = q(compare);
    o.student = q(student);
    o.kind = q(kind);
    o.date = q(date);
    o.reason = q(reason);
    o.toGrade = q(toGrade);
    o.toClass = q(toClass);
    for (const auto &e : evidence)
        o.evidence << q(e);
    for (const auto &m : classMap)
        o.classMap << q(m);
    o.undo = undo;
    o.renameClasses = renameClasses;
    o.idNumber = q(idNumber);
    o.name = q(name);
    o.grade = q(grade);
    o.className = q(className);
    o.room = q(room);
    o.asset = q(asset);
    o.result = q(result);
    for (const auto &f : files)
        o.files << q(f);
    const Output out(json);
    if (!run)
        return out.fail(makeError(ErrorKind::Usage, QStringLiteral("no command given")));
    return run(o, out);
}
