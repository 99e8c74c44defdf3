#include "DashboardPage.h"

#include "BureauClient.h"
#include "Charts.h"
#include "ReportView.h"

#include <QChartView>
#include <QFrame>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace emis::bureau {
namespace {

// Counts as integers, ratios with two decimals.
QString number(double v) { return v == double(qint64(v)) ? QString::number(qint64(v)) : QString::number(v, 'f', 2); }

} // namespace

DashboardPage::DashboardPage(BureauClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    // The figures table exists for the exports; on screen the cards and charts show it.
    m_view = new ReportView(this);
    m_view->setTitle(tr("County figures"));
    m_view->setTableVisible(false);
    auto *cardsBox = new QWidget(this);
    m_cards = new QGridLayout(cardsBox);
    m_cards->setContentsMargins(0, 0, 0, 0);
    m_cards->setSpacing(8);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refresh"));
    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    m_charts = new QHBoxLayout;

    auto *top = new QHBoxLayout;
    top->addWidget(m_view, 1);
    top->addWidget(refreshButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(cardsBox);
    layout->addLayout(m_charts, 1);
}

QString DashboardPage::figure(const QString &key) const
{
    const QLabel *l = m_values.value(key);
    return l ? l->text() : QString();
}

void DashboardPage::setFigure(const QString &key, const QString &title, const QString &value, const QString &note)
{
    if (!m_values.contains(key)) {
        auto *card = new QFrame(this);
        card->setFrameShape(QFrame::StyledPanel);
        card->setStyleSheet(QStringLiteral("QFrame { background: #f4f7fb; border-radius: 4px; }"));
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(10, 6, 10, 6);
        auto *t = new QLabel(title, card);
        t->setObjectName(QStringLiteral("title_") + key);
        auto *n = new QLabel(card);
        n->setObjectName(QStringLiteral("figure_") + key);
        QFont f = n->font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        n->setFont(f);
        auto *note_ = new QLabel(card);
        note_->setObjectName(QStringLiteral("note_") + key);
        note_->setStyleSheet(QStringLiteral("color: #555;"));
        v->addWidget(t);
        v->addWidget(n);
        v->addWidget(note_);
        const int i = int(m_values.size());
        m_cards->addWidget(card, i / 8, i % 8);
        m_values.insert(key, n);
        m_order << key;
    }
    m_values[key]->setText(value);
    if (auto *n = findChild<QLabel *>(QStringLiteral("note_") + key))
        n->setText(note);
    m_rows[key] = {title, value, note};
}

void DashboardPage::ask(const QString &name, const Params &params, std::function<void(const report::ReportData &)> use)
{
    ++m_pending;
    m_client.report(name, params, this, [this, use = std::move(use)](const Result<QByteArray> &r) {
        auto report = r ? report::ReportData::parse(*r) : Result<report::ReportData>(r.error());
        if (report)
            use(*report);
        else if (m_error.isEmpty())
            m_error = describeError(report.error());
        if (--m_pending == 0)
            finish();
    });
}

void DashboardPage::refresh()
{
    if (busy())
        return;
    m_error.clear();
    m_view->showBusy();
    ask(QStringLiteral("enrolment"), {{QStringLiteral("by"), QStringLiteral("stage")}}, [this](const report::ReportData &r) {
        const QJsonObject t = r.totals;
        setFigure(QStringLiteral("pupils"), tr("Pupils in school"), number(t.value(QLatin1String("total")).toDouble()),
                  tr("boys %1, girls %2").arg(t.value(QLatin1String("male")).toInteger()).arg(t.value(QLatin1String("female")).toInteger()));
        setFigure(QStringLiteral("primary"), tr("Primary (小学)"), number(t.value(QLatin1String("primary")).toDouble()));
        setFigure(QStringLiteral("junior"), tr("Junior secondary (初中)"), number(t.value(QLatin1String("junior")).toDouble()));
        setFigure(QStringLiteral("senior"), tr("Senior secondary (高中)"), number(t.value(QLatin1String("senior")).toDouble()));
    });
    ask(QStringLiteral("class_size"), {{QStringLiteral("by"), QStringLiteral("county")}}, [this](const report::ReportData &r) {
        const QJsonObject t = r.totals;
        setFigure(QStringLiteral("classes"), tr("Classes"), number(t.value(QLatin1String("classes")).toDouble()),
                  tr("average %1 pupils").arg(number(t.value(QLatin1String("average")).toDouble())));
        setFigure(QStringLiteral("large"), tr("大班额 (56 or more)"), number(t.value(QLatin1String("large_56_plus")).toDouble()));
        setFigure(QStringLiteral("very_large"), tr("超大班额 (66 or more)"),
                  number(t.value(QLatin1String("very_large_66_plus")).toDouble()));
    });
    ask(QStringLiteral("teachers"), {}, [this](const report::ReportData &r) {
        m_teachers = r;
        setFigure(QStringLiteral("teachers"), tr("Full-time teachers"),
                  number(r.totals.value(QLatin1String("teachers")).toDouble()));
        const QStringList stages = {tr("Primary"), tr("Junior"), tr("Senior")};
        for (int i = 0; i < r.rows.size() && i < 3; ++i) {
            const QJsonObject row = r.rows[i];
            const QString key = QStringLiteral("ratio_") + row.value(QLatin1String("key")).toString();
            const bool within = row.value(QLatin1String("within_norm")).toBool();
            const QString norm = QString::number(row.value(QLatin1String("norm")).toDouble());  // 19, 13.5, 12.5
            if (row.value(QLatin1String("teachers")).toInteger() == 0) {
                // No ratio without teachers: say what there is instead of a misleading 0.
                const qint64 pupils = row.value(QLatin1String("pupils")).toInteger();
                setFigure(key, tr("%1 pupils per teacher").arg(stages[i]), QStringLiteral("—"),
                          pupils == 0 ? tr("no pupils at this stage") : tr("%1 pupils, no full-time teacher").arg(pupils));
                continue;
            }
            setFigure(key, tr("%1 pupils per teacher").arg(stages[i]),
                      number(row.value(QLatin1String("pupils_per_teacher")).toDouble()),
                      (within ? tr("within the norm of %1") : tr("over the norm of %1")).arg(norm));
        }
    });
    ask(QStringLiteral("special_groups"), {{QStringLiteral("by"), QStringLiteral("county")}}, [this](const report::ReportData &r) {
        const QJsonObject t = r.totals;
        setFigure(QStringLiteral("left_behind"), tr("Left-behind (留守儿童)"), number(t.value(QLatin1String("left_behind")).toDouble()));
        setFigure(QStringLiteral("migrant"), tr("Migrant (随迁子女)"), number(t.value(QLatin1String("migrant")).toDouble()));
        setFigure(QStringLiteral("poverty_registered"), tr("Registered poor (建档立卡)"),
                  number(t.value(QLatin1String("poverty_registered")).toDouble()));
        setFigure(QStringLiteral("boarding"), tr("Boarders (寄宿)"), number(t.value(QLatin1String("boarding")).toDouble()));
    });
    ask(QStringLiteral("enrolment"), {{QStringLiteral("by"), QStringLiteral("township")}},
        [this](const report::ReportData &r) { m_townships = r; });
}

void DashboardPage::finish()
{
    while (auto *item = m_charts->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_error.isEmpty()) {
        m_view->showError(m_error);
        Q_EMIT loaded();
        return;
    }
    QStringList towns;
    QList<ChartSeries> stages = {{tr("Primary"), {}}, {tr("Junior"), {}}, {tr("Senior"), {}}};
    for (const auto &row : m_townships.rows) {
        towns << row.value(QLatin1String("label")).toString();
        stages[0].values << row.value(QLatin1String("primary")).toDouble();
        stages[1].values << row.value(QLatin1String("junior")).toDouble();
        stages[2].values << row.value(QLatin1String("senior")).toDouble();
    }
    QChartView *byTown = makeBarChart(tr("Pupils by township"), towns, stages, true);
    m_charts->addWidget(byTown, 3);
    QStringList stageNames;
    QList<ChartSeries> ratios = {{tr("Pupils per teacher"), {}}, {tr("Norm"), {}}};
    for (const auto &row : m_teachers.rows) {
        stageNames << row.value(QLatin1String("label")).toString();
        ratios[0].values << row.value(QLatin1String("pupils_per_teacher")).toDouble();
        ratios[1].values << row.value(QLatin1String("norm")).toDouble();
    }
    m_charts->addWidget(makeBarChart(tr("Pupils per full-time teacher against the norms"), stageNames, ratios, false), 2);

    // The figures as a report of their own, so they export like every other view.
    report::ReportData figures;
    figures.name = QStringLiteral("county_figures");
    figures.titleZh = figures.titleEn = tr("County figures");
    figures.columns = {{QStringLiteral("label"), tr("Figure"), tr("Figure")},
                       {QStringLiteral("value"), tr("Value"), tr("Value")},
                       {QStringLiteral("note"), tr("Note"), tr("Note")}};
    for (const auto &key : m_order) {
        const QStringList &f = m_rows[key];
        QJsonObject row{{QStringLiteral("key"), key}, {QStringLiteral("label"), f[0]}, {QStringLiteral("note"), f[2]}};
        bool isNumber = false;
        const double v = f[1].toDouble(&isNumber);
        row.insert(QStringLiteral("value"), isNumber ? QJsonValue(v) : QJsonValue(f[1]));
        figures.rows << row;
    }
    m_view->setReport(figures, tr("the whole county"));
    m_view->setTableVisible(false);
    m_view->setChartView(byTown, false);
    Q_EMIT loaded();
}

} // namespace emis::bureau
