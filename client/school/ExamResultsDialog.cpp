#include "ExamResultsDialog.h"

#include "ReportTableModel.h"
#include "XlsxExporter.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace emis::school {

ExamResultsDialog::ExamResultsDialog(const QString &title, const QStringList &choices, Loader load, QWidget *parent)
    : QDialog(parent), m_title(title), m_load(std::move(load))
{
    setWindowTitle(title);
    m_model = new report::ReportTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("results"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *top = new QHBoxLayout;
    if (!choices.isEmpty()) {
        m_choices = new QComboBox(this);
        m_choices->addItems(choices);
        top->addWidget(m_choices);
        connect(m_choices, &QComboBox::currentIndexChanged, this, &ExamResultsDialog::show);
    }
    top->addWidget(m_message, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Export to Excel…"), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export"), m_title + QStringLiteral(".xlsx"),
                                                          tr("Excel workbooks (*.xlsx)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 560);
    show(0);
}

void ExamResultsDialog::show(int choice)
{
    auto report = m_load(choice);
    if (!report) {
        m_model->clear();
        m_message->setText(report.error().message);
        return;
    }
    m_model->setReport(std::move(*report));
    m_message->setText(m_model->rowCount() ? QString() : tr("Nothing to list."));
}

bool ExamResultsDialog::exportTo(const QString &path)
{
    const QString when = tr("as of %1").arg(QDate::currentDate().toString(Qt::ISODate));
    const auto written = io::XlsxExporter::writeTable(path, m_model->toPlainTable(m_title, when));
    m_message->setText(written ? tr("Exported to %1.").arg(path) : written.error());
    return written.ok();
}

} // namespace emis::school
