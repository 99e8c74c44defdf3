// Exports of the list on screen: the filtered rows only when asked, Chinese labels and names in
// CSV and .xlsx, and a PDF that embeds the Chinese font (without one the text silently vanishes).
#include "ExportActions.h"
#include "RecordPage.h"
#include "RecordTableModel.h"
#include "SchoolFixture.h"
#include "UiLanguage.h"

#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace emis;

class TestSchoolExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filteredRows_goToCsv();
    void xlsx_isWritten();
    void pdf_embedsTheChineseFont();

private:
    school::ExportSource source(bool filteredOnly) const;

    QTemporaryDir m_dir;
    std::unique_ptr<school::SchoolSession> m_session;
    std::unique_ptr<school::RecordPage> m_page;
};

void TestSchoolExport::initTestCase()
{
    school::setUiLanguage(QStringLiteral("zh_CN"));
    m_session = testing::enrolledSession(m_dir.filePath(QStringLiteral("device")));
    m_page = std::make_unique<school::RecordPage>(*m_session, *schema::findTable("students"),
                                                  std::vector<std::string>{"name", "id_number", "grade", "class_name"});
    m_page->model()->setRows(testing::pupilRows(300));
    testing::typeText(m_page->filterBox(), QStringLiteral("七年级"));
    QCOMPARE(m_page->visibleCount(), 33);
}

school::ExportSource TestSchoolExport::source(bool filteredOnly) const
{
    school::ExportSource s;
    s.table = &m_page->table();
    s.fields = {"name", "id_number", "grade", "class_name"};
    s.rows = m_page->records(filteredOnly);
    s.title = QStringLiteral("学生名册");
    return s;
}

void TestSchoolExport::filteredRows_goToCsv()
{
    const QString path = m_dir.filePath(QStringLiteral("filtered.csv"));
    QVERIFY2(school::ExportActions::writeCsv(path, source(true)).isEmpty(), "csv export failed");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 33);
    QVERIFY(lines.first().contains(QStringLiteral("姓名")));
    for (int i = 1; i < lines.size(); ++i)
        QVERIFY2(lines[i].contains(QStringLiteral("七年级")), qPrintable(lines[i]));
}

void TestSchoolExport::xlsx_isWritten()
{
    const QString path = m_dir.filePath(QStringLiteral("all.xlsx"));
    QVERIFY2(school::ExportActions::writeXlsx(path, source(false)).isEmpty(), "xlsx export failed");
    QVERIFY(QFile(path).size() > 1000);
}

void TestSchoolExport::pdf_embedsTheChineseFont()
{
    const QString path = m_dir.filePath(QStringLiteral("roster.pdf"));
    QVERIFY(school::ExportActions::writePdf(path, source(false)).isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY2(pdf.contains("WenQuanYi"), "the PDF does not embed WenQuanYi Micro Hei");
    QVERIFY(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type/Page") >= 1);
}

QTEST_MAIN(TestSchoolExport)
#include "tst_school_export.moc"
