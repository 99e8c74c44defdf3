// emisctl: the county IT administrator's command for an emis-server directory.
#include "ctl/Commands.h"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace emis::server;

int main(int argc, char **argv)
{
    CLI::App app{"CountyEMIS server administration"};
    app.require_subcommand(1);
    std::string dir;
    bool json = false;
    int result = 0;

    auto *init = app.add_subcommand("init", "create the county CA, server certificate, store and config in --dir");
    std::string listen;
    init->add_option("--dir", dir)->required();
    init->add_option("--listen", listen, "host:port (default 127.0.0.1:7443)");
    std::vector<std::string> sans;
    init->add_option("--san", sans, "a further host name or address clients use for the server (repeatable)");
    init->callback([&] { result = ctl::init(dir, listen, sans); });

    auto *school = app.add_subcommand("school", "schools of the county");
    school->require_subcommand(1);
    auto *add = school->add_subcommand("add", "add one school");
    std::string code, name, type, township;
    add->add_option("--dir", dir)->required();
    add->add_option("--code", code, "学校标识码 (10 digits)")->required();
    add->add_option("--name", name, "学校名称")->required();
    add->add_option("--type", type, "办学类型 (name or code)")->required();
    add->add_option("--township", township, "所在乡镇")->required();
    add->callback([&] { result = ctl::schoolAdd(dir, code, name, type, township); });
    auto *import = school->add_subcommand("import", "import schools from a CSV (学校标识码,学校名称,办学类型,所在乡镇)");
    std::string file;
    import->add_option("--dir", dir)->required();
    import->add_option("file", file)->required();
    import->callback([&] { result = ctl::schoolImport(dir, file); });
    auto *list = school->add_subcommand("list", "list the schools");
    list->add_option("--dir", dir)->required();
    list->add_flag("--json", json);
    list->callback([&] { result = ctl::schoolList(dir, json); });

    auto *caCmd = app.add_subcommand("ca", "print the county CA's fingerprint (for emis-bureau's first start)");
    caCmd->add_option("--dir", dir)->required();
    caCmd->add_flag("--json", json);
    caCmd->callback([&] { result = ctl::caInfo(dir, json); });

    auto *enroll = app.add_subcommand("enroll-code", "print a one-time enrollment code for a school's device");
    std::string schoolCode;
    int hours = 72;
    enroll->add_option("--dir", dir)->required();
    enroll->add_option("--school", schoolCode, "the school's 学校标识码")->required();
    enroll->add_option("--hours", hours, "hours until the code expires")->capture_default_str();
    enroll->add_flag("--json", json);
    enroll->callback([&] { result = ctl::enrollCode(dir, schoolCode, hours, json); });

    auto *device = app.add_subcommand("device", "enrolled devices");
    device->require_subcommand(1);
    auto *dlist = device->add_subcommand("list", "list devices");
    dlist->add_option("--dir", dir)->required();
    dlist->add_flag("--json", json);
    dlist->callback([&] { result = ctl::deviceList(dir, json); });
    auto *revoke = device->add_subcommand("revoke", "refuse a device from now on");
    std::string deviceId;
    revoke->add_option("--dir", dir)->required();
    revoke->add_option("device", deviceId)->required();
    revoke->callback([&] { result = ctl::deviceRevoke(dir, deviceId); });

    std::string passphraseFile;
    const char *passphraseHelp = "a file (mode 600) whose first line is the passphrase; without it, stdin";
    auto *backup = app.add_subcommand("backup", "an encrypted backup of the whole county, also while the server runs");
    backup->add_option("--dir", dir);
    backup->add_option("file", file);
    backup->add_option("--passphrase-file", passphraseFile, passphraseHelp);
    auto *verify = backup->add_subcommand("verify", "check a backup file without restoring it");
    verify->add_option("file", file)->required();
    verify->add_option("--passphrase-file", passphraseFile, passphraseHelp);
    verify->add_option("--dir", dir, "a county server directory to audit the check in");
    verify->callback([&] { result = ctl::backupVerify(file, passphraseFile, dir); });
    backup->callback([&] {
        if (verify->parsed())
            return;
        if (dir.empty() || file.empty())
            throw CLI::RequiredError("backup needs --dir and a FILE");
        result = ctl::backup(dir, file, passphraseFile);
    });
    auto *restore = app.add_subcommand("restore", "restore the county from a backup onto an empty directory");
    restore->add_option("--dir", dir)->required();
    restore->add_option("file", file)->required();
    restore->add_option("--passphrase-file", passphraseFile, passphraseHelp);
    restore->callback([&] { result = ctl::restore(dir, file, passphraseFile); });
    auto *user = app.add_subcommand("user", "bureau officers' accounts (password from stdin)");
    user->require_subcommand(1);
    std::string userName, role, display;
    auto *uadd = user->add_subcommand("add", "add a user");
    uadd->add_option("--dir", dir)->required();
    uadd->add_option("--name", userName)->required();
    uadd->add_option("--role", role, "admin, enrolment (基教股), staffing (人事股), teaching (教研室), equipment (电教站), finance (计财股), inspector (督导室)")->required();
    uadd->add_option("--display", display, "the officer's name as shown");
    uadd->callback([&] { result = ctl::userAdd(dir, userName, role, display); });
    auto *upass = user->add_subcommand("passwd", "set a new password (also lifts a lock-out)");
    upass->add_option("--dir", dir)->required();
    upass->add_option("--name", userName)->required();
    upass->callback([&] { result = ctl::userPasswd(dir, userName); });
    auto *ulock = user->add_subcommand("lock", "refuse a user's logins");
    ulock->add_option("--dir", dir)->required();
    ulock->add_option("--name", userName)->required();
    ulock->callback([&] { result = ctl::userLock(dir, userName, true); });
    auto *uunlock = user->add_subcommand("unlock", "allow a locked user again");
    uunlock->add_option("--dir", dir)->required();
    uunlock->add_option("--name", userName)->required();
    uunlock->callback([&] { result = ctl::userLock(dir, userName, false); });
    auto *ulist = user->add_subcommand("list", "list users");
    ulist->add_option("--dir", dir)->required();
    ulist->add_flag("--json", json);
    ulist->callback([&] { result = ctl::userList(dir, json); });

    auto *exam = app.add_subcommand("exam", "county joint exams (联考)");
    exam->require_subcommand(1);
    auto *eadd = exam->add_subcommand("add", "add a county joint exam and print its id");
    std::string examName, term;
    int grade = 0;
    std::vector<std::string> subjects, examSchools;
    eadd->add_option("--dir", dir)->required();
    eadd->add_option("--name", examName, "考试名称")->required();
    eadd->add_option("--term", term, "学年学期 as 2025-2026-1 (学期 1 or 2)")->required();
    eadd->add_option("--grade", grade, "年级, 1 to 12")->required();
    eadd->add_option("--subject", subjects, "NAME:FULL_MARKS, such as 语文:120 (repeatable)")->required();
    eadd->add_option("--school", examSchools, "a school's 学校标识码 (repeatable; none: every school with the grade)");
    eadd->callback([&] { result = ctl::examAdd(dir, examName, term, grade, subjects, examSchools); });
    auto *elist = exam->add_subcommand("list", "list the county's exams");
    elist->add_option("--dir", dir)->required();
    elist->add_flag("--json", json);
    elist->callback([&] { result = ctl::examList(dir, json); });

    auto *demo = app.add_subcommand("demo", "make a demo county: its schools in the store, rosters in --dir/demo");
    std::uint64_t seed = 0;
    demo->add_option("--dir", dir)->required();
    demo->add_option("--seed", seed, "seed of the generator (default: the reference county's)");
    demo->callback([&] { result = ctl::demo(dir, seed); });

    auto *report = app.add_subcommand("report", "print a county report as a table (--json: as JSON)");
    std::string reportName;
    std::vector<std::string> reportParams;
    report->add_option("--dir", dir)->required();
    report->add_option("name", reportName,
                       "enrolment, class_size, teachers, staff, schools, special_groups, duplicates, data_quality")
        ->required();
    report->add_option("--param,-p", reportParams, "key=value, e.g. by=school, township=双钟镇, school=CODE");
    report->add_flag("--json", json, "the report as JSON, for scripts");
    report->callback([&] { result = ctl::report(dir, reportName, reportParams, json); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        return app.exit(e);
    } catch (const std::exception &e) {
        std::cerr << "emisctl: " << e.what() << "\n";
        return 1;
    }
    return result;
}
