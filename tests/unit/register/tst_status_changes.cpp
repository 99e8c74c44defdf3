// Status changes and the year-end promotion in the register library: review kinds wait for the
// bureau and leave the pupil alone, the other kinds apply in the same transaction, a pending
// request can be withdrawn once, evidence images are checked (size, type), the history reads
// newest first, and a whole school's promotion is one batch that undo takes back — unless a
// pupil changed since.
#include "TestPeople.h"
#include "emis.pb.h"
#include "register/PromotionService.h"
#include "register/StatusChangeService.h"
#include "store/ChangeLog.h"
#include "store/RecordStore.h"
#include "store/SqlValue.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;
using namespace emis::client;

namespace {

QByteArray pngBytes(int size)
{
    QByteArray b("\x89PNG\r\n\x1a\n", 8);
    b.append(QByteArray(size - 8, 'x'));
    return b;
}

} // namespace

class TestStatusChanges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void suspension_savedPending_pupilUnchanged();
    void classChange_appliesAtOnce_inOneChangeLogPair();
    void graduation_setsStatus_andKindByName();
    void byHandRefusals_transferAndPromotionKinds();
    void statusForbids_resumptionOfEnrolledPupil();
    void secondPendingRequest_refused();
    void withdraw_onlyFromPending();
    void evidence_tooLargeOrNotImage_refusedWithReason();
    void evidence_keptWithChange_andCounted();
    void history_newestFirst_withApprovalInWords();
    void findPupil_byStudentNoOrIdNumber();
    void promotion_movesUpAndGraduatesTopGrade_oneBatch();
    void promotion_classMapAndRename();
    void promotionUndo_restoresEveryPupil();
    void promotionUndo_refusedWhenPupilChangedSince();
    void promotionDryRun_writesNothing();

private:
    QString addPupil(const QString &name, int seq, const QString &grade = QStringLiteral("三年级"),
                     const QString &cls = QStringLiteral("三(2)班"));
    validate::Record pupil(const QString &id);
    QString value(const QString &id, const char *field);
    int pending() { return ChangeLog(m_store->db()).pendingCount(); }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestStatusChanges::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("s.db")));
    auto store = LocalStore::open(m_dir.filePath(QStringLiteral("s.db")));
    QVERIFY(store.ok());
    m_store = std::move(*store);
    testing::enrollForTest(*m_store);
}

QString TestStatusChanges::addPupil(const QString &name, int seq, const QString &grade, const QString &cls)
{
    auto raw = testing::pupil(name, seq);
    raw[QStringLiteral("年级")] = grade;
    raw[QStringLiteral("班级")] = cls;
    raw[QStringLiteral("学籍号")] = QStringLiteral("G%1").arg(testing::idNumber(QStringLiteral("20150315"), seq));
    auto saved = StudentRepository(*m_store).add(raw);
    if (!saved)
        qFatal("pupil: %s", qPrintable(saved.error().message));
    return saved->id;
}

validate::Record TestStatusChanges::pupil(const QString &id)
{
    auto row = StudentRepository(*m_store).get(id);
    return row && row->has_value() ? (*row)->values : validate::Record{};
}

QString TestStatusChanges::value(const QString &id, const char *field)
{
    const auto r = pupil(id);
    auto it = r.find(field);
    return it == r.end() ? QString() : qs(displayText(it->second));
}

void TestStatusChanges::suspension_savedPending_pupilUnchanged()
{
    const QString id = addPupil(QStringLiteral("王小明"), 1);
    const int before = pending();
    StatusChangeService s(*m_store);
    auto saved = s.record(id, {QStringLiteral("休学"), QStringLiteral("2026/3/1"), QStringLiteral("病休"), {}, {}});
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    QCOMPARE(pending(), before + 1);  // the change only: the pupil waits for the bureau
    QCOMPARE(value(id, "status"), QStringLiteral("1"));
    auto h = s.history(id);
    QVERIFY(h.ok());
    QCOMPARE(h->size(), std::size_t{1});
    QCOMPARE(h->front().approval(), QStringLiteral("1"));
    QCOMPARE(h->front().approvalName, QStringLiteral("待审批"));
    QCOMPARE(h->front().date(), QStringLiteral("2026-03-01"));
}

void TestStatusChanges::classChange_appliesAtOnce_inOneChangeLogPair()
{
    const QString id = addPupil(QStringLiteral("李华"), 3);
    const int before = pending();
    StatusChangeService s(*m_store);
    auto missing = s.record(id, {QStringLiteral("校内转班"), {}, {}, {}, {}});
    QVERIFY(!missing.ok());  // 校内转班 needs the new class
    QCOMPARE(missing.error().code, QStringLiteral("required"));
    QCOMPARE(pending(), before);
    auto saved = s.record(id, {QStringLiteral("08"), QStringLiteral("2026-03-02"), {}, {}, QStringLiteral("三(4)班")});
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
    QCOMPARE(value(id, "class_name"), QStringLiteral("三(4)班"));
    QCOMPARE(pending(), before + 2);  // the change and the pupil, one transaction
    const auto h = s.history(id);
    QCOMPARE(h->front().approval(), QStringLiteral("0"));
    QCOMPARE(qs(displayText(h->front().change.values.at("from_class"))), QStringLiteral("三(2)班"));
}

void TestStatusChanges::graduation_setsStatus_andKindByName()
{
    const QString id = addPupil(QStringLiteral("张三"), 5, QStringLiteral("六年级"));
    StatusChangeService s(*m_store);
    QVERIFY(s.record(id, {QStringLiteral("毕业"), {}, {}, {}, {}}).ok());
    QCOMPARE(value(id, "status"), QStringLiteral("5"));
    // 毕业 again: the pupil is no longer 在读.
    auto again = s.record(id, {QStringLiteral("09"), {}, {}, {}, {}});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("pupil_status_forbids"));
    // 恢复学籍 brings the record back.
    QVERIFY(s.record(id, {QStringLiteral("恢复学籍"), {}, {}, {}, {}}).ok());
    QCOMPARE(value(id, "status"), QStringLiteral("1"));
}

void TestStatusChanges::byHandRefusals_transferAndPromotionKinds()
{
    const QString id = addPupil(QStringLiteral("赵四"), 7);
    StatusChangeService s(*m_store);
    for (const char *k : {"转入", "02", "升级"}) {
        auto r = s.record(id, {QString::fromUtf8(k), {}, {}, {}, {}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("by_transfer_only"));
    }
    auto bad = s.record(id, {QStringLiteral("放假"), {}, {}, {}, {}});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("not_recognised"));
    QCOMPARE(s.history(id)->size(), std::size_t{0});
}

void TestStatusChanges::statusForbids_resumptionOfEnrolledPupil()
{
    const QString id = addPupil(QStringLiteral("钱五"), 9);
    auto r = StatusChangeService(*m_store).record(id, {QStringLiteral("复学"), {}, {}, {}, {}});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("pupil_status_forbids"));
    QVERIFY(r.error().message.contains(QStringLiteral("在读")));
}

void TestStatusChanges::secondPendingRequest_refused()
{
    const QString id = addPupil(QStringLiteral("孙六"), 11);
    StatusChangeService s(*m_store);
    QVERIFY(s.record(id, {QStringLiteral("休学"), {}, QStringLiteral("病休"), {}, {}}).ok());
    auto second = s.record(id, {QStringLiteral("留级"), {}, {}, {}, {}});
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, QStringLiteral("wrong_state"));
}

void TestStatusChanges::withdraw_onlyFromPending()
{
    const QString id = addPupil(QStringLiteral("周七"), 13);
    StatusChangeService s(*m_store);
    auto saved = s.record(id, {QStringLiteral("跳级"), {}, QStringLiteral("学有余力"), {}, {}});
    QVERIFY(saved.ok());
    QCOMPARE(qs(displayText(s.history(id)->front().change.values.at("to_grade"))), QStringLiteral("4"));
    QVERIFY(s.withdraw(saved->id).ok());
    QCOMPARE(s.history(id)->front().approvalName, QStringLiteral("已撤回"));
    auto again = s.withdraw(saved->id);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("wrong_state"));
    QCOMPARE(value(id, "grade"), QStringLiteral("3"));
    // A new request is allowed once the old one is withdrawn.
    QVERIFY(s.record(id, {QStringLiteral("跳级"), {}, QStringLiteral("学有余力"), {}, {}}).ok());
}

void TestStatusChanges::evidence_tooLargeOrNotImage_refusedWithReason()
{
    auto big = Attachments::check(QStringLiteral("scan.png"), pngBytes(2 * 1024 * 1024 + 1));
    QVERIFY(!big.ok());
    QCOMPARE(big.error().code, QStringLiteral("evidence_too_large"));
    QVERIFY(big.error().message.contains(QStringLiteral("2MB")));
    auto pdf = Attachments::check(QStringLiteral("proof.pdf"), QByteArray("%PDF-1.4 ..."));
    QVERIFY(!pdf.ok());
    QCOMPARE(pdf.error().code, QStringLiteral("evidence_not_image"));
    QVERIFY(pdf.error().message.startsWith(QStringLiteral("proof.pdf: ")));
    // On disk: over 2 MB and not a picture is refused (a real photo would be scaled: tst_attachments).
    const QString path = m_dir.filePath(QStringLiteral("huge.jpg"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xFF\xD8\xFF", 3));
    f.resize(3 * 1024 * 1024);
    f.close();
    auto huge = Attachments::readFile(path);
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().code, QStringLiteral("evidence_not_image"));
    auto ok = Attachments::check(QStringLiteral("scan.png"), pngBytes(2 * 1024 * 1024));
    QVERIFY(ok.ok());
    QCOMPARE(ok->mimeType, QStringLiteral("image/png"));
}

void TestStatusChanges::evidence_keptWithChange_andCounted()
{
    const QString id = addPupil(QStringLiteral("吴八"), 15);
    StatusChangeService s(*m_store);
    auto file = Attachments::check(QStringLiteral("证明.png"), pngBytes(1000));
    QVERIFY(file.ok());
    auto saved = s.record(id, {QStringLiteral("退学"), {}, QStringLiteral("随父母外出"), {}, {}}, {*file});
    QVERIFY(saved.ok());
    QVERIFY(s.attachEvidence(saved->id, *file).ok());
    auto files = s.evidenceOf(saved->id);
    QCOMPARE(files->size(), std::size_t{2});
    QCOMPARE(qs(displayText(files->front().values.at("file_name"))), QStringLiteral("证明.png"));
    QCOMPARE(std::get<Bytes>(files->front().values.at("data")).size(), std::size_t{1000});
    QCOMPARE(s.history(id)->front().evidenceCount, 2);
    // Each evidence row is a change to sync like any other.
    auto log = ChangeLog(m_store->db()).after(0, 1000);
    int evidenceChanges = 0;
    for (const auto &c : *log)
        evidenceChanges += c.table() == "evidence";
    QCOMPARE(evidenceChanges, 2);
}

void TestStatusChanges::history_newestFirst_withApprovalInWords()
{
    const QString id = addPupil(QStringLiteral("郑九"), 17);
    StatusChangeService s(*m_store);
    QVERIFY(s.record(id, {QStringLiteral("校内转班"), QStringLiteral("2025-09-01"), {}, {}, QStringLiteral("1班")}).ok());
    QVERIFY(s.record(id, {QStringLiteral("休学"), QStringLiteral("2026-02-01"), QStringLiteral("病休"), {}, {}}).ok());
    QVERIFY(s.record(id, {QStringLiteral("校内转班"), QStringLiteral("2025-10-01"), {}, {}, QStringLiteral("2班")}).ok());
    const auto h = s.history(id);
    QCOMPARE(h->size(), std::size_t{3});
    QCOMPARE(h->at(0).date(), QStringLiteral("2026-02-01"));
    QCOMPARE(h->at(0).kindName, QStringLiteral("休学"));
    QCOMPARE(h->at(0).approvalName, QStringLiteral("待审批"));
    QCOMPARE(h->at(1).date(), QStringLiteral("2025-10-01"));
    QCOMPARE(h->at(1).approvalName, QStringLiteral("无需审批"));
    QCOMPARE(h->at(2).date(), QStringLiteral("2025-09-01"));
}

void TestStatusChanges::findPupil_byStudentNoOrIdNumber()
{
    const QString id = addPupil(QStringLiteral("冯十"), 19);
    StatusChangeService s(*m_store);
    const QString number = testing::idNumber(QStringLiteral("20150315"), 19);
    QCOMPARE(s.findPupil(number)->id, id);
    QCOMPARE(s.findPupil(QStringLiteral("G") + number)->id, id);
    QCOMPARE(s.findPupil(id)->id, id);
    QVERIFY(!s.findPupil(QStringLiteral("nobody")).ok());
}

void TestStatusChanges::promotion_movesUpAndGraduatesTopGrade_oneBatch()
{
    const QString third = addPupil(QStringLiteral("一"), 21, QStringLiteral("三年级"), QStringLiteral("3班"));
    const QString sixth = addPupil(QStringLiteral("二"), 23, QStringLiteral("六年级"), QStringLiteral("1班"));
    const QString resting = addPupil(QStringLiteral("三"), 25, QStringLiteral("二年级"), QStringLiteral("1班"));
    StatusChangeService s(*m_store);
    QVERIFY(s.record(resting, {QStringLiteral("毕业"), {}, {}, {}, {}}).ok());  // no longer 在读
    PromotionService p(*m_store);
    QCOMPARE(p.topGrade(), 6);  // no school row: the grades say primary
    auto done = p.promote({QStringLiteral("2026-08-31"), {}, false, false});
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
    QCOMPARE(done->promoted, 1);
    QCOMPARE(done->graduated, 1);
    QCOMPARE(done->notActive, 1);
    QCOMPARE(value(third, "grade"), QStringLiteral("4"));
    QCOMPARE(value(third, "class_name"), QStringLiteral("3班"));  // kept: no mapping given
    QCOMPARE(value(sixth, "grade"), QStringLiteral("6"));
    QCOMPARE(value(sixth, "status"), QStringLiteral("5"));
    const auto h = s.history(third);
    QCOMPARE(h->front().kindName, QStringLiteral("升级"));
    QCOMPARE(qs(displayText(h->front().change.values.at("batch_id"))), done->batchId);
    QCOMPARE(s.history(sixth)->front().kindName, QStringLiteral("毕业"));
}

void TestStatusChanges::promotion_classMapAndRename()
{
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("三(2)班"), 3, 4), QStringLiteral("四(2)班"));
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("三（2）班"), 3, 4), QStringLiteral("四（2）班"));
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("初一(3)班"), 7, 8), QStringLiteral("初二(3)班"));
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("高二1班"), 11, 12), QStringLiteral("高三1班"));
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("3年级2班"), 3, 4), QStringLiteral("4年级2班"));
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("3班"), 3, 4), QStringLiteral("3班"));
    QCOMPARE(PromotionService::renamedClass(QStringLiteral("三班"), 3, 4), QStringLiteral("三班"));

    const QString a = addPupil(QStringLiteral("甲"), 27, QStringLiteral("三年级"), QStringLiteral("三(2)班"));
    const QString b = addPupil(QStringLiteral("乙"), 29, QStringLiteral("四年级"), QStringLiteral("火箭班"));
    PromotionOptions o;
    o.renameClasses = true;
    o.classMap.insert(QStringLiteral("4/火箭班"), QStringLiteral("五(1)班"));
    QVERIFY(PromotionService(*m_store).promote(o).ok());
    QCOMPARE(value(a, "class_name"), QStringLiteral("四(2)班"));
    QCOMPARE(value(b, "class_name"), QStringLiteral("五(1)班"));
}

void TestStatusChanges::promotionUndo_restoresEveryPupil()
{
    const QString a = addPupil(QStringLiteral("丙"), 31, QStringLiteral("五年级"), QStringLiteral("五(1)班"));
    const QString b = addPupil(QStringLiteral("丁"), 33, QStringLiteral("六年级"), QStringLiteral("六(1)班"));
    PromotionService p(*m_store);
    PromotionOptions o;
    o.renameClasses = true;
    QVERIFY(p.promote(o).ok());
    QCOMPARE(value(a, "class_name"), QStringLiteral("六(1)班"));
    const int before = pending();
    auto undone = p.undo();
    QVERIFY2(undone.ok(), qPrintable(undone.ok() ? QString() : undone.error().message));
    QCOMPARE(undone->promoted, 1);
    QCOMPARE(undone->graduated, 1);
    QCOMPARE(value(a, "grade"), QStringLiteral("5"));
    QCOMPARE(value(a, "class_name"), QStringLiteral("五(1)班"));
    QCOMPARE(value(b, "status"), QStringLiteral("1"));
    QCOMPARE(value(b, "grade"), QStringLiteral("6"));
    QCOMPARE(pending(), before + 4);  // each pupil and each batch row, as changes that sync
    QCOMPARE(StatusChangeService(*m_store).history(a)->front().approvalName, QStringLiteral("已撤回"));
    auto twice = p.undo();
    QVERIFY(!twice.ok());  // nothing left to undo
}

void TestStatusChanges::promotionUndo_refusedWhenPupilChangedSince()
{
    const QString a = addPupil(QStringLiteral("戊"), 35, QStringLiteral("二年级"), QStringLiteral("1班"));
    const QString b = addPupil(QStringLiteral("己"), 37, QStringLiteral("二年级"), QStringLiteral("1班"));
    PromotionService p(*m_store);
    QVERIFY(p.promote({}).ok());
    QVERIFY(StatusChangeService(*m_store).record(b, {QStringLiteral("校内转班"), {}, {}, {}, QStringLiteral("2班")}).ok());
    auto undone = p.undo();
    QVERIFY(!undone.ok());
    QCOMPARE(undone.error().code, QStringLiteral("wrong_state"));
    QVERIFY(undone.error().message.contains(QStringLiteral("己")));
    QCOMPARE(value(a, "grade"), QStringLiteral("3"));  // nothing taken back
}

void TestStatusChanges::promotionDryRun_writesNothing()
{
    addPupil(QStringLiteral("庚"), 39, QStringLiteral("一年级"), QStringLiteral("1班"));
    const int before = pending();
    PromotionOptions o;
    o.dryRun = true;
    auto r = PromotionService(*m_store).promote(o);
    QVERIFY(r.ok());
    QCOMPARE(r->promoted, 1);
    QCOMPARE(r->byGrade.value(1), 1);
    QCOMPARE(pending(), before);
}

QTEST_GUILESS_MAIN(TestStatusChanges)
#include "tst_status_changes.moc"
