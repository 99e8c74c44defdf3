// The stocktake screen (盘点) on the offscreen platform: a stocktake of one room lists what the
// register holds there, a scanned 资产编号 marks its asset found, a selected line is marked
// damaged, an asset of another room is refused with the reason, and finishing records the rest
// missing, listed by keeper; all of it saved in the store and shown again after a restart.
#include "SchoolFixture.h"

#include "MainWindow.h"
#include "StocktakePage.h"
#include "validate/FieldRules.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolStocktake : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void roomChecked_scannedAndMarked_restRecordedMissing();

private:
    // Saves a record written as a clerk types it (each field's text normalized), returns its id.
    QString add(const char *table, const std::map<std::string, QString> &fields);
    int rowOf(const QString &assetNo) const;
    QString resultOf(const QString &assetNo) const;

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::MainWindow> m_window;
};

void TestSchoolStocktake::init()
{
    m_dir = new QTemporaryDir;
    m_session = testing::enrolledSession(m_dir->path());
}

void TestSchoolStocktake::cleanup()
{
    m_window.reset();
    m_session.reset();
    delete m_dir;
}

QString TestSchoolStocktake::add(const char *table, const std::map<std::string, QString> &fields)
{
    const schema::Table &t = *schema::findTable(table);
    validate::Record r;
    for (const auto &[name, text] : fields) {
        auto v = validate::normalizeField(*t.field(name), text.toStdString());
        if (std::holds_alternative<Issue>(v))
            qFatal("%s.%s: %s", table, name.c_str(), std::get<Issue>(v).text().c_str());
        r[name] = std::get<Value>(v);
    }
    auto saved = client::RecordStore(m_session->store()).save(t, QString(), r);
    if (!saved)
        qFatal("%s: %s", table, qPrintable(saved.error().message));
    return saved->id;
}

int TestSchoolStocktake::rowOf(const QString &assetNo) const
{
    const QTableWidget *lines = m_window->stocktakePage()->checklist();
    for (int r = 0; r < lines->rowCount(); ++r)
        if (lines->item(r, 0)->text() == assetNo)
            return r;
    return -1;
}

QString TestSchoolStocktake::resultOf(const QString &assetNo) const
{
    const int r = rowOf(assetNo);
    return r < 0 ? QStringLiteral("(not listed)") : m_window->stocktakePage()->checklist()->item(r, 5)->text();
}

void TestSchoolStocktake::roomChecked_scannedAndMarked_restRecordedMissing()
{
    const QString lab = add("rooms", {{"name", QStringLiteral("计算机教室1")}, {"kind", QStringLiteral("机房")}});
    const QString library = add("rooms", {{"name", QStringLiteral("图书室")}, {"kind", QStringLiteral("图书室")}});
    for (const char *no : {"A-001", "A-002", "A-003"})
        add("assets", {{"asset_no", QLatin1String(no)}, {"category", QStringLiteral("台式机")},
                       {"name", QStringLiteral("学生计算机")}, {"room_id", lab}, {"quantity", QStringLiteral("1")},
                       {"state", QStringLiteral("在用")}});
    add("assets", {{"asset_no", QStringLiteral("L-01")}, {"category", QStringLiteral("台式机")},
                   {"name", QStringLiteral("借阅机")}, {"room_id", library}, {"quantity", QStringLiteral("1")},
                   {"state", QStringLiteral("在用")}});

    m_window = std::make_unique<school::MainWindow>(*m_session, nullptr);
    m_window->show();
    school::StocktakePage *page = m_window->stocktakePage();
    m_window->tabs()->setCurrentWidget(m_window->equipmentTabs());
    m_window->equipmentTabs()->setCurrentWidget(page);
    QCOMPARE(page->stocktakes()->count(), 0);
    QVERIFY(!page->scanBox()->isEnabled());

    QVERIFY(page->start(lab, QStringLiteral("2026-11-30"), QStringLiteral("李老师")));
    QCOMPARE(page->stocktakes()->count(), 1);
    QVERIFY(page->stocktakes()->currentText().contains(QStringLiteral("计算机教室1")));
    QCOMPARE(page->checklist()->rowCount(), 3);  // the library's asset is not on this room's list
    QCOMPARE(rowOf(QStringLiteral("L-01")), -1);
    QVERIFY(page->summary()->text().startsWith(QStringLiteral("0 of 3 checked")));

    // Scanning types the number and Enter.
    page->scanBox()->setFocus();
    QTest::keyClicks(page->scanBox(), QStringLiteral("A-002"));
    QTest::keyClick(page->scanBox(), Qt::Key_Return);
    QCOMPARE(resultOf(QStringLiteral("A-002")), QStringLiteral("在位"));
    QVERIFY(page->scanBox()->text().isEmpty());

    page->checklist()->selectRow(rowOf(QStringLiteral("A-003")));
    page->findChild<QLineEdit *>(QStringLiteral("note"))->setText(QStringLiteral("屏幕裂"));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("markDamaged")), Qt::LeftButton);
    QCOMPARE(resultOf(QStringLiteral("A-003")), QStringLiteral("损坏"));
    QCOMPARE(page->checklist()->item(rowOf(QStringLiteral("A-003")), 6)->text(), QStringLiteral("屏幕裂"));

    // Another room's asset is refused, with why; nothing changes.
    QTest::keyClicks(page->scanBox(), QStringLiteral("L-01"));
    QTest::keyClick(page->scanBox(), Qt::Key_Return);
    QVERIFY2(page->message()->text().contains(QStringLiteral("not on this stocktake's checklist")),
             qPrintable(page->message()->text()));
    QVERIFY(page->summary()->text().startsWith(QStringLiteral("2 of 3 checked")));

    QVERIFY(page->finish());
    QCOMPARE(resultOf(QStringLiteral("A-001")), QStringLiteral("缺失"));
    QVERIFY2(page->summary()->text().contains(QStringLiteral("3 of 3 checked; 1 missing, 1 damaged")),
             qPrintable(page->summary()->text()));
    QVERIFY2(page->missingList()->text().contains(QStringLiteral("A-001")), qPrintable(page->missingList()->text()));
    QVERIFY(!page->scanBox()->isEnabled());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("markFound"))->isEnabled());
    QVERIFY(page->stocktakes()->currentText().contains(QStringLiteral("finished")));

    // Saved in the store as records (they sync), and shown again after a restart.
    auto items = client::RecordStore(m_session->store()).list(*schema::findTable("stocktake_items"));
    QVERIFY(items.ok());
    QCOMPARE(int(items->size()), 3);
    m_window = std::make_unique<school::MainWindow>(*m_session, nullptr);
    page = m_window->stocktakePage();
    QCOMPARE(page->stocktakes()->count(), 1);
    QCOMPARE(resultOf(QStringLiteral("A-003")), QStringLiteral("损坏"));
    QCOMPARE(resultOf(QStringLiteral("A-001")), QStringLiteral("缺失"));
}

QTEST_MAIN(TestSchoolStocktake)
#include "tst_school_stocktake.moc"
