#pragma once

// A small county on the real emis-server for the bureau's GUI tests and screens: the two
// schools of ServerFixture, pupils and teachers pushed by an enrolled device of each school over
// the protocol, and bureau officers made with emisctl. The figures (counted by hand):
//   湖口县第一中学 (双钟镇): 七年级1班 58 pupils (29 boys; 大班额), 一年级1班 4 pupils (1 留守);
//                         teachers: 2 primary, 4 junior
//   流泗镇中心小学 (流泗镇): 二年级1班 10 pupils (5 boys; 3 留守, 2 寄宿); teachers: 1 primary
//   付垅乡教学点 (付垅乡): no device yet, so never synced (silent)
//   waiting for the bureau: a 休学 of the last 一年级 pupil of 湖口县第一中学, with one scanned
//   document (a real PNG), pushed by the school's device
//   (its approval makes that pupil 休学: the county figures above count before it)
//   county: 72 pupils (14 primary, 58 junior), 3 classes, 1 大班额, 7 full-time teachers,
//   pupils per teacher 4.67 primary, 14.50 junior.
#include "LoginDialog.h"
#include "Translations.h"
#include "ServerFixture.h"
#include "SyncDevice.h"
#include "sync/Uuid.h"
#include "sync/ServerConnection.h"
#include "validate/IdNumber.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QString>
#include <QTest>

#include <tuple>

namespace emis::testing {

inline constexpr const char *kOfficerPassword = "bureau pass 2024";
inline constexpr const char *kSilentSchool = "3604290003";

struct CountyPerson {
    std::string table;
    std::vector<std::pair<std::string, std::string>> text;
    std::vector<std::pair<std::string, std::int64_t>> ints;
};

// A resident ID number born on `ymd` whose sequence digit says the sex.
inline std::string bureauIdNumber(const std::string &ymd, int serial, bool male)
{
    const int n = serial * 2 + (male ? 1 : 0);
    char tail[8];
    std::snprintf(tail, sizeof tail, "%03d", n % 1000);
    const std::string body = "360429" + ymd + tail;
    return body + validate::idCheckCharacter(body);
}

class BureauCounty {
public:
    bool start()
    {
        if (!server.init())
            return false;
        for (const auto &[name, role] : {std::pair{"wang", "enrolment"}, std::pair{"li", "inspector"}, std::pair{"sun", "staffing"},
                                 std::pair{"zhou", "staffing"}}) {
            const auto r = server.ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--dir"), server.dir(),
                                       QStringLiteral("--name"), QLatin1String(name), QStringLiteral("--role"),
                                       QLatin1String(role), QStringLiteral("--display"), QStringLiteral("王科长")},
                                      QByteArray(kOfficerPassword) + "\n");
            if (r.exitCode != 0)
                return false;
        }
        const auto added = server.ctl({QStringLiteral("school"), QStringLiteral("add"), QStringLiteral("--dir"), server.dir(),
                                       QStringLiteral("--code"), QLatin1String(kSilentSchool), QStringLiteral("--name"),
                                       QStringLiteral("付垅乡教学点"), QStringLiteral("--type"), QStringLiteral("教学点"),
                                       QStringLiteral("--township"), QStringLiteral("付垅乡")});
        if (added.exitCode != 0 || !server.start())
            return false;
        return pushSchool(ServerFixture::kSchoolA, {{7, 58, 0}, {1, 4, 1}}, 0, {{"1", 2}, {"2", 4}}, true) &&
               pushSchool(ServerFixture::kSchoolB, {{2, 10, 3}}, 2, {{"1", 1}}, false);
    }

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(server.port()); }

    // A county joint exam of 七年级 (语文 and 数学, 100 marks each) scored by 湖口县第一中学's
    // device for its 58 pupils: pupil i (in the order the school's rows come) has 语文 40 + i and
    // 数学 100 − i, so 语文's mean is 68.5, 数学's 71.5 and 总分's 140; half the scores keep their
    // class, half come as a client from before scores kept it sends them. Returns the exam's id.
    std::string scoreExam()
    {
        const auto added = server.ctl({QStringLiteral("exam"), QStringLiteral("add"), QStringLiteral("--dir"), server.dir(),
                                       QStringLiteral("--name"), QStringLiteral("七年级期中联考"), QStringLiteral("--term"),
                                       QStringLiteral("2025-2026-2"), QStringLiteral("--grade"), QStringLiteral("7"),
                                       QStringLiteral("--subject"), QStringLiteral("语文:100"), QStringLiteral("--subject"),
                                       QStringLiteral("数学:100")});
        if (added.exitCode != 0)
            return {};
        const std::string exam = added.out.trimmed().toStdString();
        SyncDevice device = SyncDevice::enroll(server, ServerFixture::kSchoolA);
        if (!device.client)
            return {};
        auto rows = device.pullByTable();
        std::map<std::string, std::string> subjectOf;  // code → exam_subjects row
        for (const auto &[id, row] : rows["exam_subjects"]) {
            std::string examId, code;
            for (const auto &f : row.fields()) {
                if (f.field() == "exam_id")
                    examId = f.text();
                if (f.field() == "subject")
                    code = f.text();
            }
            if (examId == exam)
                subjectOf[code] = id;
        }
        std::vector<wire::Change> changes;
        int i = 0;
        for (const auto &[id, row] : rows["students"]) {
            bool seventh = false;
            for (const auto &f : row.fields())
                seventh = seventh || (f.field() == "grade" && f.integer() == 7);
            if (!seventh)
                continue;
            for (const auto &[code, marks] : {std::pair{"01", 40.0 + i}, std::pair{"02", 100.0 - i}}) {
                auto score = device.change("scores", sync::newUuidV7());
                setText(score, "exam_subject_id", subjectOf[code]);
                setText(score, "student_id", id);
                if (i % 2 == 0)  // the odd pupils' scores as an older client sends them: no class kept
                    setText(score, "class_name", "1班");
                auto *value = score.add_fields();
                value->set_field("score");
                value->set_real(marks);
                changes.push_back(score);
            }
            ++i;
        }
        const auto ack = device.push(changes);
        if (i != 58 || !ack || !ack->has_push_ack() || ack->push_ack().rejections_size() > 0)
            return {};
        return exam;
    }

    std::string pendingChange;  // status_changes row id of the 休学 awaiting the bureau
    std::string pendingPupil;

    ServerFixture server;

private:
    struct ClassPlan {
        int grade;
        int pupils;
        int leftBehind;
    };

    bool pushSchool(const char *school, const std::vector<ClassPlan> &classes, int boarders,
                    const std::vector<std::pair<const char *, int>> &teachers, bool withPendingChange)
    {
        SyncDevice device = SyncDevice::enroll(server, school);
        if (!device.client)
            return false;
        std::vector<wire::Change> changes;
        std::string lastPupil;
        for (const auto &c : classes) {
            const std::string birth = std::to_string(2024 - 6 - c.grade) + "0901";
            for (int i = 0; i < c.pupils; ++i) {
                const bool male = i % 2 == 0;
                lastPupil = sync::newUuidV7();
                auto ch = device.change("students", lastPupil);
                setText(ch, "name", "学生" + std::to_string(m_serial));
                setText(ch, "sex", male ? "1" : "2");
                setText(ch, "birth_date", birth.substr(0, 4) + "-09-01");
                setText(ch, "id_type", "1");
                setText(ch, "id_number", bureauIdNumber(birth, m_serial++, male));
                setText(ch, "ethnicity", "01");
                setInt(ch, "grade", c.grade);
                setText(ch, "class_name", "1班");
                setText(ch, "status", "1");
                if (i < c.leftBehind)
                    setInt(ch, "left_behind", 1);
                if (i < boarders)
                    setInt(ch, "boarding", 1);
                changes.push_back(ch);
            }
        }
        for (const auto &[stage, count] : teachers)
            for (int i = 0; i < count; ++i) {
                const std::string teacher = sync::newUuidV7();
                auto ch = device.change("staff", teacher);
                setText(ch, "name", "教师" + std::to_string(m_serial));
                setText(ch, "sex", "2");
                setText(ch, "id_type", "1");
                setText(ch, "id_number", bureauIdNumber("19850301", m_serial++, false));
                setText(ch, "post_category", "1");
                setText(ch, "teaching_stage", stage);
                setText(ch, "title", "31");
                setText(ch, "birth_date", "1985-03-01");
                changes.push_back(ch);
                if (changes.size() > 1 && i == 0) {  // the first teacher of each stage has a growth file
                    auto course = device.change("staff_training", sync::newUuidV7());
                    setText(course, "staff_id", teacher);
                    setText(course, "course", "国培计划（2024）乡村教师课堂教学能力提升研修");
                    setText(course, "organiser", "教育部");
                    setText(course, "level", "1");
                    setText(course, "start_date", "2024-07-08");
                    setText(course, "end_date", "2024-07-17");
                    auto *hours = course.add_fields();
                    hours->set_field("hours");
                    hours->set_real(96);
                    auto honour = device.change("staff_honours", sync::newUuidV7());
                    setText(honour, "staff_id", teacher);
                    setText(honour, "title", "县级优秀教师");
                    setText(honour, "level", "4");
                    setText(honour, "award_date", "2025-09-10");
                    setText(honour, "issuer", "湖口县教育体育局");
                    changes.push_back(course);
                    changes.push_back(honour);
                }
            }
        // The register: pupils' computers bought in 2016 (past their 6 years), a teacher's computer,
        // a server and a 班班通 set falling due in 2027.
        for (const auto &[category, use, quantity, price, bought] :
             {std::tuple{"01", "2", 2, 3800.0, "2016-05-01"}, {"01", "1", 1, 4500.0, "2022-03-01"},
              {"04", "4", 1, 22000.0, "2021-09-01"}, {"08", "3", 1, 12000.0, "2019-08-20"}}) {
            auto asset = device.change("assets", sync::newUuidV7());
            setText(asset, "category", category);
            setText(asset, "name", std::string(category) == "04" ? "服务器" : std::string(category) == "08" ? "班班通一体机" : "计算机");
            setText(asset, "use", use);
            setText(asset, "state", "1");
            setText(asset, "purchase_date", bought);
            setInt(asset, "quantity", quantity);
            auto *unitPrice = asset.add_fields();
            unitPrice->set_field("unit_price");
            unitPrice->set_real(price);
            changes.push_back(asset);
        }
        if (withPendingChange) {
            pendingPupil = lastPupil;
            pendingChange = sync::newUuidV7();
            auto ch = device.change("status_changes", pendingChange);
            setText(ch, "student_id", pendingPupil);
            setText(ch, "kind", "03");  // 休学
            setText(ch, "change_date", "2026-03-02");
            setText(ch, "reason", "病休");
            setText(ch, "approval", "1");  // sent for the bureau's approval
            changes.push_back(ch);
            auto doc = device.change("evidence", sync::newUuidV7());
            setText(doc, "owner_table", "status_changes");
            setText(doc, "owner_id", pendingChange);
            setText(doc, "file_name", "诊断证明.png");
            setText(doc, "mime_type", "image/png");
            auto *data = doc.add_fields();
            data->set_field("data");
            data->set_blob(scannedDocument());
            changes.push_back(doc);
        }
        const auto ack = device.push(changes);
        if (!ack || !ack->has_push_ack() || ack->push_ack().rejections_size() > 0) {
            if (ack && ack->has_push_ack())
                qWarning("rejected: %s %s", ack->push_ack().rejections(0).code().c_str(),
                         ack->push_ack().rejections(0).field().c_str());
            return false;
        }
        return true;
    }

    // A small page-like picture, so the thumbnail and the large view show something.
    static std::string scannedDocument()
    {
        QImage page(420, 560, QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter p(&page);
        p.setPen(QPen(Qt::darkBlue, 6));
        p.drawRect(20, 20, 380, 520);
        for (int y = 90; y < 500; y += 40)
            p.drawLine(50, y, 370, y);
        p.end();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        page.save(&buffer, "PNG");
        return png.toStdString();
    }

    int m_serial = 1;
};

// The program's settings in `dir`, never the user's, and the English UI the tests read.
inline void useTestSettings(const QString &dir)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QApplication::setOrganizationName(QStringLiteral("CountyEMIS-test"));
    QApplication::setApplicationName(QStringLiteral("emis-bureau"));
    i18n::installTranslations(*qApp, QStringLiteral("en"));
}

// Logs `client` in to `county`'s server through the login dialog, typed as an officer types it
// (the CA's fingerprint pasted on the first login); the dialog's error in `error`.
inline bool logInTyped(bureau::BureauClient &client, const BureauCounty &county, const char *user, const char *password,
                       QString *error = nullptr)
{
    bureau::LoginDialog dialog(client);
    dialog.show();
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("server"));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("user"));
    auto *fp = dialog.findChild<QLineEdit *>(QStringLiteral("fingerprint"));
    server->clear();
    QTest::keyClicks(server, county.address());
    name->clear();
    QTest::keyClicks(name, QLatin1String(user));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("password")), QLatin1String(password));
    if (fp->text().isEmpty())
        QTest::keyClicks(fp, client::caFingerprint(QSslCertificate::fromData(county.server.caPem()).constFirst()));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("login")), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !dialog.busy(); }, 30000))
        return false;
    if (error)
        *error = dialog.errorShown();
    return dialog.result() == QDialog::Accepted;
}

} // namespace emis::testing
