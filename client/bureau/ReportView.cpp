#include "ReportView.h"

#include "ReportExport.h"

#include <QChartView>
#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace emis::bureau {

ReportView::ReportView(QWidget *parent) : QWidget(parent), m_model(new report::ReportTableModel(this))
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("scope"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_message->hide();
    m_xlsx = new QPushButton(tr("Export to Excel…"), this);
    m_xlsx->setObjectName(QStringLiteral("exportXlsx"));
    m_pdf = new QPushButton(tr("Export to PDF…"), this);
    m_pdf->setObjectName(QStringLiteral("exportPdf"));
    connect(m_xlsx, &QPushButton::clicked, this, [this] { askAndExport(QStringLiteral(".xlsx"), tr("Excel workbook (*.xlsx)")); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { askAndExport(QStringLiteral(".pdf"), tr("PDF document (*.pdf)")); });

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        if (!m_model->isTotalRow(i.row()))
            Q_EMIT rowActivated(i.row());
    });

    m_chartHolder = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(m_chartHolder);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartHolder->hide();
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_chartHolder);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_scope);
    top->addLayout(titles, 1);
    top->addWidget(m_xlsx);
    top->addWidget(m_pdf);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
}

void ReportView::setReport(report::ReportData report, const QString &scope)
{
    // An empty report is an answer too: say so rather than show a bare header.
    m_error = false;
    m_message->setVisible(report.rows.isEmpty());
    m_message->setText(tr("Nothing to list: the county server found no rows for this report."));
    m_message->setStyleSheet(QStringLiteral("color: #555;"));
    m_title->setText(report.title());
    m_scope->setText(scope);
    m_model->setReport(std::move(report));
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, std::max(m_table->columnWidth(c) + 16, 72));
    m_xlsx->setEnabled(true);
    m_pdf->setEnabled(true);
}

void ReportView::showError(const QString &message)
{
    m_model->clear();
    m_error = true;
    m_message->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_message->setText(message);
    m_message->show();
    m_xlsx->setEnabled(false);
    m_pdf->setEnabled(false);
}

void ReportView::showBusy()
{
    m_error = false;
    m_message->setStyleSheet(QStringLiteral("color: #555;"));
    m_message->setText(tr("Asking the county server…"));
    m_message->show();
}

QString ReportView::errorShown() const { return m_error ? m_message->text() : QString(); }

QString ReportView::scopeShown() const { return m_scope->text(); }

void ReportView::setTitle(const QString &title) { m_title->setText(title); }

void ReportView::setTableVisible(bool visible) { m_table->parentWidget()->setVisible(visible); }

void ReportView::setChartView(QChartView *chart, bool besideTable)
{
    if (m_chart && m_chart->parentWidget() == m_chartHolder)
        m_chart->deleteLater();
    m_chart = chart;
    if (chart && besideTable)
        m_chartHolder->layout()->addWidget(chart);
    m_chartHolder->setVisible(chart && besideTable);
}

void ReportView::askAndExport(const QString &suffix, const QString &filter)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export"), m_model->report().title() + suffix, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    exportTo(path);
}

void ReportView::exportTo(const QString &path)
{
    const QString subtitle = tr("%1 — county server report of %2")
                                 .arg(m_scope->text(), QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    io::PlainTable table = m_model->toPlainTable(m_title->text(), subtitle);
    // The chart is drawn here, on the GUI thread; the file is written on a worker.
    QImage chart;
    if (m_chart && m_chart->isVisible())
        chart = m_chart->grab().toImage();
    else if (m_chart) {
        m_chart->resize(720, 420);
        chart = m_chart->grab().toImage();
    }
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            m_error = true;
            m_message->setStyleSheet(QStringLiteral("color: #a40000;"));
            m_message->setText(error);
            m_message->show();
        }
        Q_EMIT exported(path, error);
    });
    watcher->setFuture(QtConcurrent::run([path, table = std::move(table), chart] { return writeReport(path, table, chart); }));
}

} // namespace emis::bureau
