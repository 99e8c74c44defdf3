// The schema as data: the generated SQL makes real typed tables that enforce the constraints.
#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "schema/SqlGen.h"

#include <QTest>

#include <sqlite3.h>

using namespace emis;

namespace {

struct Db {
    sqlite3 *db = nullptr;
    Db() { sqlite3_open(":memory:", &db); }
    ~Db() { sqlite3_close(db); }
    bool exec(const std::string &sql, std::string *error = nullptr)
    {
        char *err = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        if (err && error)
            *error = err;
        sqlite3_free(err);
        return rc == SQLITE_OK;
    }
};

} // namespace

class TestSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyTableCreatesAndRecreates();
    void studentsHaveEveryTemplateColumn();
    void constraintsRefuseBadRows();
    void codeTablesNamedByFieldsExist();
    void ethnicityTableHasAll58Entries();
};

void TestSchema::everyTableCreatesAndRecreates()
{
    Db db;
    for (int round = 0; round < 2; ++round)
        for (const auto &t : schema::tables())
            for (const auto &sql : schema::createTableStatements(t)) {
                std::string error;
                QVERIFY2(db.exec(sql, &error), (sql + "\n" + error).c_str());
            }
    QVERIFY(db.exec("SELECT id, school_id, hlc, deleted, name, sex, grade, status FROM students"));
    QVERIFY(db.exec("SELECT id, name_hlc, name_seq FROM students_versions"));
}

void TestSchema::studentsHaveEveryTemplateColumn()
{
    const QStringList templateHeaders = QString::fromUtf8(
        "学籍号,姓名,性别,出生日期,身份证件号,民族,年级,班级,入学年月,户口所在地,家庭住址,监护人姓名,监护人电话,"
        "是否留守儿童,是否随迁子女,是否建档立卡,是否寄宿,身份证件类型,学籍状态").split(QLatin1Char(','));
    const auto *students = schema::findTable("students");
    QVERIFY(students);
    for (const auto &h : templateHeaders) {
        bool found = false;
        for (const auto &f : students->fields)
            found = found || f.labelZh == h.toStdString();
        QVERIFY2(found, qPrintable(h));
    }
    const QStringList staffHeaders = QString::fromUtf8(
        "工号,姓名,性别,出生日期,身份证件号,民族,岗位类别,任教学段,任教学科,学历,职称,参加工作年月,政治面貌,联系电话")
                                         .split(QLatin1Char(','));
    const auto *staff = schema::findTable("staff");
    for (const auto &h : staffHeaders) {
        bool found = false;
        for (const auto &f : staff->fields)
            found = found || f.labelZh == h.toStdString();
        QVERIFY2(found, qPrintable(h));
    }
}

void TestSchema::constraintsRefuseBadRows()
{
    Db db;
    for (const auto &sql : schema::createTableStatements(*schema::findTable("students")))
        QVERIFY(db.exec(sql));
    const std::string cols =
        "INSERT INTO students (id, school_id, hlc, name, sex, birth_date, id_type, id_number, grade, class_name, status, boarding) ";
    QVERIFY(db.exec(cols + "VALUES ('a', 's', 'h', '周勇', '1', '2009-11-08', '1', '360429200911080412', 1, '1班', '1', 0)"));
    // a required column missing
    QVERIFY(!db.exec(cols + "VALUES ('b', 's', 'h', NULL, '1', '2009-11-08', '1', 'x', 1, '1班', '1', 0)"));
    // a bool that is not 0/1
    QVERIFY(!db.exec(cols + "VALUES ('c', 's', 'h', '甲', '1', '2009-11-08', '1', 'x', 1, '1班', '1', 7)"));
    // a date in another form
    QVERIFY(!db.exec(cols + "VALUES ('d', 's', 'h', '乙', '1', '2009/11/08', '1', 'x', 1, '1班', '1', 0)"));
    // over the length cap (51 characters of a 50-character name)
    const std::string longName(51 * 3, '\0');
    std::string name;
    for (int i = 0; i < 51; ++i)
        name += "张";
    QVERIFY(!db.exec(cols + "VALUES ('e', 's', 'h', '" + name + "', '1', '2009-11-08', '1', 'x', 1, '1班', '1', 0)"));
    // the same primary key twice
    QVERIFY(!db.exec(cols + "VALUES ('a', 's', 'h', '丙', '1', '2009-11-08', '1', 'x', 1, '1班', '1', 0)"));
}

void TestSchema::codeTablesNamedByFieldsExist()
{
    for (const auto &t : schema::tables())
        for (const auto &f : t.fields) {
            if (!f.codeTable.empty())
                QVERIFY2(schema::findCodeTable(f.codeTable), f.codeTable.c_str());
            QVERIFY(!f.labelZh.empty());
            QVERIFY(!f.labelEn.empty());
            if (!f.defaultValue.empty() && !f.codeTable.empty())
                QVERIFY(schema::findCodeTable(f.codeTable)->byCode(f.defaultValue));
        }
}

void TestSchema::ethnicityTableHasAll58Entries()
{
    const auto *t = schema::findCodeTable("ethnicity");
    QVERIFY(t);
    QCOMPARE(t->entries.size(), std::size_t{58});
    QCOMPARE(QString::fromStdString(t->nameOf("56")), QString::fromUtf8("基诺族"));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
