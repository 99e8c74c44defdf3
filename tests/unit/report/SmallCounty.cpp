#include "SmallCounty.h"

#include "ReportTestSupport.h"
#include "schema/Schema.h"
#include "store/StoreSession.h"
#include "sync/Uuid.h"

#include <QDateTime>

namespace emis::server::testing {

void writeSmallCounty(Store &store)
{
    store.write([](StoreSession &s) {
        const auto *schools = schema::findTable("schools");
        const auto *students = schema::findTable("students");
        const auto *staff = schema::findTable("staff");
        const StoredRow a = makeRow("schools", {}, {{"code", "3604290001"}, {"name", "甲镇中心小学"}, {"school_type", "小学"}, {"township", "甲镇"}});
        const StoredRow b = makeRow("schools", {}, {{"code", "3604290002"}, {"name", "甲镇中学"}, {"school_type", "初中"}, {"township", "甲镇"}});
        const StoredRow c = makeRow("schools", {}, {{"code", "3604290003"}, {"name", "乙乡教学点"}, {"school_type", "教学点"}, {"township", "乙乡"}});
        // D: a school with nothing on its books yet.
        const StoredRow d = makeRow("schools", {}, {{"code", "3604290004"}, {"name", "甲镇第二小学"}, {"school_type", "小学"}, {"township", "甲镇"}});
        for (const auto *r : {&a, &b, &c, &d})
            s.saveRow(*schools, *r);

        int serial = 1;
        auto pupil = [&](const StoredRow &school, const std::string &name, int grade, const std::string &cls,
                         const std::string &birth, bool male, Raw extra = {}) {
            // The sex digit is the 17th: odd for boys.
            int n = serial++ * 2 + (male ? 1 : 0);
            Raw raw = {{"name", name},
                       {"sex", male ? "男" : "女"},
                       {"birth_date", birth.substr(0, 4) + "-" + birth.substr(4, 2) + "-" + birth.substr(6, 2)},
                       {"id_number", idNumber(birth, n)},
                       {"grade", std::to_string(grade)},
                       {"class_name", cls},
                       {"ethnicity", "汉族"}};
            for (auto &[k, v] : extra)
                raw[k] = v;
            StoredRow row = makeRow("students", school.id, raw);
            s.saveRow(*students, row);
            return row;
        };
        // A: four pupils in school, one graduated, one deleted.
        const StoredRow shared = pupil(a, "王小明", 1, "1班", "20190910", true, {{"left_behind", "是"}});
        pupil(a, "李强", 1, "1班", "20191005", true);
        pupil(a, "张丽", 1, "1班", "20190315", false, {{"ethnicity", ""}});
        pupil(a, "赵敏", 2, "1班", "20180420", false, {{"boarding", "是"}});
        pupil(a, "钱多", 6, "1班", "20140101", true, {{"status", "毕业"}});
        StoredRow gone = pupil(a, "孙走", 2, "1班", "20180101", true);
        gone.deleted = true;
        s.saveRow(*students, gone);
        // B: a class of 57 in grade 7 and of 67 in grade 8.
        for (int i = 0; i < 57; ++i)
            pupil(b, "初一学生", 7, "1班", "20130601", i % 2 == 0);
        for (int i = 0; i < 67; ++i)
            pupil(b, "初二学生", 8, "1班", "20120601", i % 2 == 0);
        // C: one pupil holds the same ID number as 王小明 at A; one with a passport looks like a
        // pupil of B.
        StoredRow copy = makeRow("students", c.id,
                                 {{"name", "王小明"}, {"sex", "男"}, {"birth_date", "2019-09-10"},
                                  {"id_number", std::get<std::string>(shared.values.at("id_number"))},
                                  {"grade", "1"}, {"class_name", "1班"}});
        s.saveRow(*students, copy);
        pupil(c, "周一", 1, "1班", "20190801", false);
        s.saveRow(*students, makeRow("students", c.id,
                                     {{"name", "初一学生"}, {"sex", "男"}, {"birth_date", "2013-06-01"},
                                      {"id_type", "护照"}, {"id_number", "E12345678"},
                                      {"grade", "1"}, {"class_name", "1班"}}));
        // Staff: 1 primary teacher at A, 5 junior teachers and 1 administrator at B.
        auto person = [&](const StoredRow &school, const char *post, const char *stage, bool male = true) {
            const int n = serial++ * 2 + (male ? 1 : 0);
            Raw raw = {{"name", "教师"}, {"sex", male ? "男" : "女"}, {"birth_date", "1980-01-01"},
                       {"id_number", idNumber("19800101", n)}, {"post_category", post}, {"teaching_stage", stage}};
            return makeRow("staff", school.id, raw);
        };
        s.saveRow(*staff, person(a, "专任教师", "小学", false));
        for (int i = 0; i < 5; ++i)
            s.saveRow(*staff, person(b, "专任教师", "初中"));
        s.saveRow(*staff, person(b, "行政人员", ""));
        s.saveRow(*staff, person(c, "工勤人员", ""));
        // C's device sent two changes the server refused: a pupil with no name, a bad ID number.
        // A synced just now, B ten days ago, C never; D has no device.
        const auto now = static_cast<std::int64_t>(QDateTime::currentMSecsSinceEpoch());
        s.addDevice(DeviceRecord{"device-a", a.id, "A", "0a", 1, {}, {}});
        s.addDevice(DeviceRecord{"device-b", b.id, "B", "0b", 1, {}, {}});
        s.addDevice(DeviceRecord{"device-c", c.id, "C", "0c", 1, {}, {}});
        s.touchDevice("device-a", now);
        s.touchDevice("device-b", now - 10LL * 24 * 3600 * 1000);
        s.addRejection(RejectionRecord{"device-c", 1, "students", sync::newUuidV7(), "name", "required", "姓名为空",
                                       "name missing"},
                       1);
        s.addRejection(RejectionRecord{"device-c", 2, "students", sync::newUuidV7(), "id_number", "id_check_character",
                                       "校验位不对", "bad check character"},
                       1);
    });
}

} // namespace emis::server::testing
