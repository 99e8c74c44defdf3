#include "StaffPage.h"

#include "BureauClient.h"
#include "ReportData.h"
#include "ReportView.h"
#include "schema/CodeTables.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

namespace emis::bureau {

StaffPage::StaffPage(BureauClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("staffQuery"));
    m_query->setPlaceholderText(tr("Name (or surname), staff number or ID number"));
    m_query->setClearButtonEnabled(true);
    m_title = new QComboBox(this);
    m_title->setObjectName(QStringLiteral("staffTitle"));
    m_title->addItem(tr("Any title"), QString());
    for (const auto &e : schema::findCodeTable("title")->entries)
        m_title->addItem(QString::fromStdString(e.zh), QString::fromStdString(e.code));
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("staffSubject"));
    m_subject->setPlaceholderText(tr("Subject taught"));
    auto *find = new QPushButton(tr("Find"), this);
    find->setObjectName(QStringLiteral("staffFind"));
    find->setDefault(true);
    connect(find, &QPushButton::clicked, this, &StaffPage::search);
    connect(m_query, &QLineEdit::returnPressed, this, &StaffPage::search);
    m_view = new ReportView(this);
    m_view->setTitle(tr("Find staff county-wide"));
    connect(m_view, &ReportView::rowActivated, this, &StaffPage::openFile);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 2);
    top->addWidget(m_title);
    top->addWidget(m_subject, 1);
    top->addWidget(find);
    auto *hint = new QLabel(tr("Double-click a person to open the whole file (training, honours, assessments, moves)."), this);
    hint->setStyleSheet(QStringLiteral("color: #555;"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
}

void StaffPage::search()
{
    Params params;
    if (!m_query->text().trimmed().isEmpty())
        params.insert(QStringLiteral("q"), m_query->text().trimmed());
    if (!m_title->currentData().toString().isEmpty())
        params.insert(QStringLiteral("title"), m_title->currentData().toString());
    if (!m_subject->text().trimmed().isEmpty())
        params.insert(QStringLiteral("subject"), m_subject->text().trimmed());
    if (params.isEmpty()) {
        m_view->showError(tr("Type a name, a staff number or an ID number, or choose a title."));
        return;
    }
    m_view->showBusy();
    m_client.report(QStringLiteral("staff_search"), params, this, [this](const Result<QByteArray> &r) {
        auto report = r ? report::ReportData::parse(*r) : Result<report::ReportData>(r.error());
        if (!report)
            return m_view->showError(describeError(report.error()));
        const bool more = report->totals.value(QLatin1String("more")).toBool();
        m_view->setReport(std::move(*report), more ? tr("the first 200 found: narrow the search") : tr("the whole county"));
    });
}

void StaffPage::openFile(int row)
{
    const QString id = m_view->model()->rowKey(row);
    if (id.isEmpty())
        return;
    auto *dialog = new StaffFileDialog(m_client, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

namespace {

QString cell(const QJsonObject &row, const QString &key) { return row.value(key).toString().toHtmlEscaped(); }


} // namespace

StaffFileDialog::StaffFileDialog(BureauClient &client, const QString &staffId, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Teacher file"));
    m_text = new QLabel(tr("Asking the county server…"), this);
    m_text->setObjectName(QStringLiteral("staffFile"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *pdf = buttons->addButton(tr("Save as PDF…"), QDialogButtonBox::ActionRole);
    pdf->setObjectName(QStringLiteral("staffFilePdf"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(pdf, &QPushButton::clicked, this, [this] {
        if (!loaded())
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the file as PDF"), QString(), tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        if (const QString error = writePdf(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Save as PDF"), error);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(900, 700);
    client.report(QStringLiteral("staff_file"), {{QStringLiteral("staff"), staffId}}, this,
                  [this](const Result<QByteArray> &r) {
                      if (!r) {
                          m_text->setText(describeError(r.error()).toHtmlEscaped());
                          return;
                      }
                      showFile(QJsonDocument::fromJson(*r).object());
                      Q_EMIT ready();
                  });
}

void StaffFileDialog::showFile(const QJsonObject &file)
{
    m_file = file;
    const QJsonObject staff = file.value(QLatin1String("staff")).toObject();
    QString h = QStringLiteral("<h2>%1 — %2</h2><p>%3</p>")
                    .arg(tr("Teacher file"), cell(staff, QStringLiteral("name")), cell(file, QStringLiteral("school_name")));
    const auto table = [&](const QJsonArray &columns, const QJsonArray &rows, bool skipStaff) {
        QString t;
        t.append(QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"));
        QStringList keys;
        for (const auto &c : columns) {
            const QJsonObject col = c.toObject();
            const QString key = col.value(QLatin1String("key")).toString();
            if (skipStaff && key == QLatin1String("staff_id"))
                continue;
            keys << key;
            t.append(QStringLiteral("<th>%1</th>").arg(col.value(QLatin1String("zh")).toString().toHtmlEscaped()));
        }
        t.append(QStringLiteral("</tr>"));
        for (const auto &r : rows) {
            t.append(QStringLiteral("<tr>"));
            for (const QString &k : keys)
                t.append(QStringLiteral("<td>%1</td>").arg(cell(r.toObject(), k)));
            t.append(QStringLiteral("</tr>"));
        }
        t.append(QStringLiteral("</table>"));
        return t;
    };
    // The record as label: value pairs.
    h += QStringLiteral("<table cellpadding='3'>");
    for (const auto &c : file.value(QLatin1String("columns")).toArray()) {
        const QJsonObject col = c.toObject();
        const QString value = cell(staff, col.value(QLatin1String("key")).toString());
        if (!value.isEmpty())
            h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                     .arg(col.value(QLatin1String("zh")).toString().toHtmlEscaped(), value);
    }
    h += QStringLiteral("</table>");
    for (const auto &s : file.value(QLatin1String("sections")).toArray()) {
        const QJsonObject section = s.toObject();
        const QJsonArray rows = section.value(QLatin1String("rows")).toArray();
        h += QStringLiteral("<h3>%1 (%2)</h3>").arg(section.value(QLatin1String("title_zh")).toString().toHtmlEscaped()).arg(rows.size());
        if (!rows.isEmpty())
            h += table(section.value(QLatin1String("columns")).toArray(), rows, true);
    }
    m_html = h;
    m_text->setText(h);
}

QString StaffFileDialog::writePdf(const QString &path) const
{
    {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(150);
        pdf.setTitle(tr("Teacher file"));
        QTextDocument doc;
        // Named explicitly, as for the reports: without a CJK font the Chinese text vanishes.
        QFont font(QStringLiteral("WenQuanYi Micro Hei"));
        font.setPointSizeF(9);
        doc.setDefaultFont(font);
        doc.setHtml(m_html);
        doc.print(&pdf);
    }
    if (QFile(path).size() == 0)
        return tr("Could not write %1.").arg(path);
    return {};
}

} // namespace emis::bureau
