#include "DrillPage.h"

#include "BureauClient.h"
#include "Charts.h"
#include "ReportView.h"
#include "TrailBar.h"

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace emis::bureau {

DrillPage::DrillPage(BureauClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_report = new QComboBox(this);
    m_report->setObjectName(QStringLiteral("reportChoice"));
    m_report->addItem(tr("Pupils in school (enrolment)"), QStringLiteral("enrolment"));
    m_report->addItem(tr("Class size (大班额 56 or more, 超大班额 66 or more)"), QStringLiteral("class_size"));
    m_report->addItem(tr("Special groups"), QStringLiteral("special_groups"));
    m_report->addItem(tr("Staff structure (age, title, education, staffing, key teachers)"), QStringLiteral("staff_structure"));
    m_report->addItem(tr("Teacher training hours in the five-year cycle (360 due)"), QStringLiteral("staff_training"));
    m_report->addItem(tr("Teacher assessments and the IT skills test"), QStringLiteral("staff_assessment"));
    m_report->addItem(tr("Equipment against the norms (computers, multimedia, servers)"), QStringLiteral("equipment"));
    m_report->addItem(tr("Equipment replacement plan (past service life, due in the next three years)"),
                      QStringLiteral("equipment_replacement"));
    m_report->addItem(tr("Use of computer rooms and labs"), QStringLiteral("equipment_usage"));
    connect(m_report, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    m_trailBox = new TrailBar(QStringLiteral("trail"), this);
    connect(m_trailBox, &TrailBar::levelChosen, this, &DrillPage::goBack);
    m_view = new ReportView(this);
    connect(m_view, &ReportView::rowActivated, this, &DrillPage::drillInto);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Report:"), this));
    top->addWidget(m_report);
    top->addSpacing(16);
    top->addWidget(m_trailBox, 1);
    auto *hint = new QLabel(tr("Double-click a row to open the level below."), this);
    hint->setStyleSheet(QStringLiteral("color: #555;"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    m_trail.push_back({tr("County"), {}});
    showTrail();
}

QString DrillPage::reportName() const { return m_report->currentData().toString(); }

void DrillPage::setReportName(const QString &name) { m_report->setCurrentIndex(m_report->findData(name)); }

QString DrillPage::byFor(int level) const
{
    static const QStringList enrolment = {QStringLiteral("township"), QStringLiteral("school"), QStringLiteral("grade"),
                                          QStringLiteral("class"), QStringLiteral("ethnicity")};
    static const QStringList classSize = {QStringLiteral("township"), QStringLiteral("school"), QStringLiteral("class"),
                                          QStringLiteral("class"), QStringLiteral("class")};
    static const QStringList special = {QStringLiteral("township"), QStringLiteral("school"), QStringLiteral("school"),
                                        QStringLiteral("school"), QStringLiteral("school")};
    const QString name = reportName();
    const QStringList &by = name == QLatin1String("enrolment") ? enrolment : name == QLatin1String("class_size") ? classSize : special;
    return by.value(level);
}

QString DrillPage::trailText() const
{
    QStringList parts;
    for (const auto &s : m_trail)
        parts << s.label;
    return parts.join(QStringLiteral(" › "));
}

void DrillPage::showTrail()
{
    QStringList labels;
    for (const auto &step : m_trail)
        labels << step.label;
    m_trailBox->setLabels(labels);
}

void DrillPage::refresh()
{
    Params params = m_trail.last().params;
    params.insert(QStringLiteral("by"), byFor(level()));
    const int generation = ++m_generation;
    m_busy = true;
    m_view->showBusy();
    m_client.report(reportName(), params, this, [this, generation](const Result<QByteArray> &r) {
        if (generation != m_generation)
            return;
        m_busy = false;
        auto report = r ? report::ReportData::parse(*r) : Result<report::ReportData>(r.error());
        if (!report) {
            m_view->showError(describeError(report.error()));
        } else {
            showChart(*report);
            m_view->setReport(std::move(*report), trailText());
        }
        Q_EMIT loaded();
    });
}

void DrillPage::drillInto(int row)
{
    const report::ReportTableModel *model = m_view->model();
    if (busy() || level() >= Class || !model->rowObject(row))
        return;
    const QString key = model->rowKey(row);
    const QString label = model->rowLabel(row);
    Step next{label, m_trail.last().params};
    int to = level() + 1;
    switch (level()) {
    case County: next.params.insert(QStringLiteral("township"), key); break;
    case Township: next.params.insert(QStringLiteral("school"), key); break;
    case School:
        if (reportName() == QLatin1String("enrolment")) {
            next.params.insert(QStringLiteral("grade"), key);
        } else if (reportName() == QLatin1String("class_size")) {
            // A class row's key is SCHOOL/GRADE/CLASS: straight to the class.
            const QStringList parts = key.split(QLatin1Char('/'));
            if (parts.size() != 3)
                return;
            next.params.insert(QStringLiteral("grade"), parts[1]);
            next.params.insert(QStringLiteral("class"), parts[2]);
            to = Class;
        } else {
            return;
        }
        break;
    case Grade: {
        const QStringList parts = key.split(QLatin1Char('/'));
        if (parts.isEmpty() || reportName() == QLatin1String("special_groups"))
            return;
        next.params.insert(QStringLiteral("class"), parts.last());
        break;
    }
    default: return;
    }
    if (to == Class && level() == School) {
        // The grade step too, so the trail reads 七年级 › 1班 and goes back to the grade.
        Step grade{label.left(label.size() - next.params.value(QStringLiteral("class")).size()), next.params};
        grade.params.remove(QStringLiteral("class"));
        m_trail.push_back(grade);
    }
    if (to == Class)
        next.label = next.params.value(QStringLiteral("class"));
    m_trail.push_back(next);
    showTrail();
    refresh();
}

void DrillPage::goBack(int level)
{
    if (level < 0 || level >= m_trail.size())
        return;
    m_trail.resize(level + 1);
    showTrail();
    refresh();
}

void DrillPage::showChart(const report::ReportData &report)
{
    QStringList keys;
    bool stacked = true;
    if (report.name == QLatin1String("enrolment"))
        keys = {QStringLiteral("male"), QStringLiteral("female")};
    else if (report.name == QLatin1String("class_size"))
        keys = report.columnOf(QStringLiteral("average")) >= 0 ? QStringList{QStringLiteral("average"), QStringLiteral("largest")}
                                                               : QStringList{QStringLiteral("pupils")};
    else if (report.name == QLatin1String("staff_structure"))  // the age pyramid of each group
        keys = {QStringLiteral("age_30_under"), QStringLiteral("age_31_40"), QStringLiteral("age_41_50"),
                QStringLiteral("age_51_over")};
    else if (report.name == QLatin1String("staff_training"))
        keys = {QStringLiteral("hours_per_teacher")};
    else if (report.name == QLatin1String("staff_assessment"))
        keys = {QStringLiteral("annual_1"), QStringLiteral("annual_4"), QStringLiteral("it_not_passed")};
    else if (report.name == QLatin1String("equipment"))
        keys = {QStringLiteral("pupils_per_computer"), QStringLiteral("multimedia_share")};
    else if (report.name == QLatin1String("equipment_replacement")) {  // items falling due, year by year
        keys = {QStringLiteral("overdue"), QStringLiteral("before_plan")};
        for (int c = 0; c < report.columns.size(); ++c)
            if (const QString k = report.columns[c].key; k.startsWith(QLatin1String("due_")) && !k.endsWith(QLatin1String("_cost")))
                keys << k;
    } else if (report.name == QLatin1String("equipment_usage"))
        keys = {QStringLiteral("computer_room_per_week"), QStringLiteral("lab_per_week")};
    else {
        keys = {QStringLiteral("left_behind"), QStringLiteral("migrant"), QStringLiteral("poverty_registered"),
                QStringLiteral("boarding")};
    }
    if (report.name != QLatin1String("enrolment") && report.name != QLatin1String("staff_structure"))
        stacked = false;
    QStringList categories;
    for (const auto &row : report.rows)
        categories << row.value(QLatin1String("label")).toString();
    QList<ChartSeries> series;
    for (const auto &k : keys) {
        const int c = report.columnOf(k);
        if (c < 0)
            continue;
        ChartSeries s{report.columnTitle(c), {}};
        for (const auto &row : report.rows)
            s.values << row.value(k).toDouble();
        series << s;
    }
    m_view->setChartView(makeBarChart(report.title() + QStringLiteral(" — ") + m_trail.last().label, categories, series,
                                      stacked));
}

} // namespace emis::bureau
