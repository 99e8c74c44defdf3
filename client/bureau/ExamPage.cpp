#include "ExamPage.h"

#include "BureauClient.h"
#include "Charts.h"
#include "ReportView.h"
#include "TrailBar.h"
#include "schema/CodeTables.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace emis::bureau {
namespace {

const QString kAnalysis = QStringLiteral("exam_analysis");
const QString kBands = QStringLiteral("exam_bands");
const QString kWeak = QStringLiteral("exam_weak");

} // namespace

ExamPage::ExamPage(BureauClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_exams = new QComboBox(this);
    m_exams->setObjectName(QStringLiteral("examChoice"));
    m_exams->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_views = new QComboBox(this);
    m_views->setObjectName(QStringLiteral("examView"));
    m_views->addItem(tr("Analysis (mean, rates, rank, against the county)"), kAnalysis);
    m_views->addItem(tr("Score bands (every 10% of full marks)"), kBands);
    m_views->addItem(tr("Weak subjects and classes"), kWeak);
    m_subjects = new QComboBox(this);
    m_subjects->setObjectName(QStringLiteral("examSubject"));
    connect(m_exams, &QComboBox::currentIndexChanged, this, [this] {
        fillSubjects();
        goBack(County);
    });
    connect(m_views, &QComboBox::currentIndexChanged, this, [this] { goBack(County); });
    connect(m_subjects, &QComboBox::currentIndexChanged, this, [this] { showExam(); });
    m_compare = new QCheckBox(tr("&Change since the previous exam"), this);
    m_compare->setObjectName(QStringLiteral("examCompare"));
    m_compare->setToolTip(tr("Beside each figure, its change since the previous scored exam of the same grade"));
    connect(m_compare, &QCheckBox::toggled, this, [this] { showExam(); });
    m_trailBox = new TrailBar(QStringLiteral("examTrail"), this);
    connect(m_trailBox, &TrailBar::levelChosen, this, &ExamPage::goBack);
    m_view = new ReportView(this);
    connect(m_view, &ReportView::rowActivated, this, &ExamPage::drillInto);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Exam:"), this));
    top->addWidget(m_exams);
    top->addWidget(m_views);
    top->addWidget(m_subjects);
    top->addWidget(m_compare);
    top->addStretch(1);
    auto *hint = new QLabel(tr("Double-click a row to open the level below."), this);
    hint->setStyleSheet(QStringLiteral("color: #555;"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_trailBox);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    m_trail.push_back({tr("County"), {}});
    showTrail();
}

void ExamPage::refresh()
{
    const int generation = ++m_generation;
    m_busy = true;
    m_view->showBusy();
    m_client.report(QStringLiteral("exams"), {}, this, [this, generation](const Result<QByteArray> &r) {
        if (generation != m_generation)
            return;
        auto list = r ? report::ReportData::parse(*r) : Result<report::ReportData>(r.error());
        if (!list) {
            m_busy = false;
            m_view->showError(describeError(list.error()));
            Q_EMIT loaded();
            return;
        }
        const QString keep = m_exams->currentData().toString();
        {
            const QSignalBlocker block(m_exams);
            m_exams->clear();
            m_subjectCodes.clear();
            for (const auto &row : list->rows) {
                m_exams->addItem(tr("%1 — %2, %3").arg(row.value(QLatin1String("label")).toString(),
                                                       row.value(QLatin1String("grade_name")).toString(),
                                                       row.value(QLatin1String("term_name")).toString()),
                                 row.value(QLatin1String("key")).toString());
                QStringList codes;
                for (const auto &c : row.value(QLatin1String("subject_codes")).toArray())
                    codes << c.toString();
                m_subjectCodes << codes;
            }
            const int at = m_exams->findData(keep);
            m_exams->setCurrentIndex(at >= 0 ? at : 0);
        }
        fillSubjects();
        if (m_exams->count() == 0) {
            m_busy = false;
            m_view->showError(tr("No county exam yet: 教研室 adds one (emisctl exam add)."));
            Q_EMIT loaded();
            return;
        }
        m_busy = false;
        showExam();
    });
}

void ExamPage::fillSubjects()
{
    const QSignalBlocker block(m_subjects);
    const QString keep = m_subjects->currentData().toString();
    m_subjects->clear();
    m_subjects->addItem(tr("Total (总分)"), QStringLiteral("total"));
    const auto *names = schema::findCodeTable("subject");
    for (const QString &code : m_subjectCodes.value(m_exams->currentIndex()))
        m_subjects->addItem(QString::fromStdString(names->nameOf(code.toStdString())), code);
    const int at = m_subjects->findData(keep);
    m_subjects->setCurrentIndex(at >= 0 ? at : 0);
}

QString ExamPage::by() const
{
    static const QStringList levels = {QStringLiteral("township"), QStringLiteral("school"), QStringLiteral("class"),
                                       QStringLiteral("class")};
    return levels.value(level());
}

void ExamPage::showExam()
{
    const QString exam = m_exams->currentData().toString();
    if (exam.isEmpty())
        return;
    const QString name = m_views->currentData().toString();
    m_subjects->setEnabled(name != kWeak);
    m_compare->setEnabled(name == kAnalysis);
    Params params = m_trail.last().params;
    params.insert(QStringLiteral("exam"), exam);
    if (name != kWeak) {
        params.insert(QStringLiteral("by"), by());
        params.insert(QStringLiteral("subject"), m_subjects->currentData().toString());
    }
    if (name == kAnalysis && m_compare->isChecked())
        params.insert(QStringLiteral("compare"), QStringLiteral("previous"));
    const int generation = ++m_generation;
    m_busy = true;
    m_view->showBusy();
    m_client.report(name, params, this, [this, generation](const Result<QByteArray> &r) {
        if (generation != m_generation)
            return;
        m_busy = false;
        auto report = r ? report::ReportData::parse(*r) : Result<report::ReportData>(r.error());
        if (!report) {
            m_view->showError(describeError(report.error()));
        } else {
            showChart(*report);
            QStringList trail;
            for (const auto &s : m_trail)
                trail << s.label;
            QString scope = m_exams->currentText() + QStringLiteral(" · ") + trail.join(QStringLiteral(" › "));
            if (m_compare->isEnabled() && m_compare->isChecked() && !report->params.contains(QLatin1String("previous_exam")))
                scope += QStringLiteral(" · ") + tr("no earlier scored exam of this grade to compare with");
            m_view->setReport(std::move(*report), scope);
        }
        Q_EMIT loaded();
    });
}

void ExamPage::drillInto(int row)
{
    const report::ReportTableModel *model = m_view->model();
    if (busy() || level() >= School || m_views->currentData().toString() == kWeak || !model->rowObject(row))
        return;
    Step next{model->rowLabel(row), m_trail.last().params};
    next.params.insert(level() == County ? QStringLiteral("township") : QStringLiteral("school"), model->rowKey(row));
    m_trail.push_back(next);
    showTrail();
    showExam();
}

void ExamPage::goBack(int to)
{
    if (to < 0 || to >= m_trail.size())
        return;
    m_trail.resize(to + 1);
    showTrail();
    showExam();
}

void ExamPage::showTrail()
{
    QStringList labels;
    for (const auto &step : m_trail)
        labels << step.label;
    m_trailBox->setLabels(labels);
}

void ExamPage::showChart(const report::ReportData &report)
{
    QStringList categories;
    for (const auto &row : report.rows)
        categories << row.value(QLatin1String("label")).toString();
    QList<ChartSeries> series;
    bool stacked = false;
    if (report.name == kAnalysis) {
        for (const char *key : {"mean"}) {
            const int c = report.columnOf(QLatin1String(key));
            ChartSeries s{c >= 0 ? report.columnTitle(c) : QString(), {}};
            for (const auto &row : report.rows)
                s.values << row.value(QLatin1String(key)).toDouble();
            series << s;
        }
    } else if (report.name == kBands) {
        stacked = true;
        for (int c = 0; c < report.columns.size(); ++c) {
            if (!report.columns[c].key.startsWith(u'b'))
                continue;
            ChartSeries s{report.columnTitle(c), {}};
            for (const auto &row : report.rows)
                s.values << row.value(report.columns[c].key).toDouble();
            series << s;
        }
    } else {
        m_view->setChartView(nullptr);
        return;
    }
    m_view->setChartView(makeBarChart(report.title() + QStringLiteral(" — ") + m_subjects->currentText(), categories, series,
                                      stacked));
}

} // namespace emis::bureau
