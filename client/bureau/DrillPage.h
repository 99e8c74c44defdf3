#pragma once

#include "BureauSession.h"

#include <QWidget>

class QComboBox;

namespace emis::report {
struct ReportData;
}

namespace emis::bureau {

class BureauClient;
class ReportView;
class TrailBar;

// County → township → school → grade → class: a report at one level of the county; a double
// click (or Enter) on a row opens the level below, the trail above goes back up. The report is
// enrolment (在校生), class size (班额) or special groups (特殊群体), asked for with the
// parameters the server takes (township=, school=, grade=, class=).
class DrillPage : public QWidget {
    Q_OBJECT
public:
    enum Level { County, Township, School, Grade, Class };

    DrillPage(BureauClient &client, QWidget *parent = nullptr);

    void refresh();
    void drillInto(int row);   // opens the level below the row (when there is one)
    void goBack(int level);    // back up to a level on the trail
    void setReportName(const QString &name);
    int level() const { return int(m_trail.size()) - 1; }
    ReportView *view() const { return m_view; }
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void loaded();

private:
    struct Step {
        QString label;
        Params params;  // township=, school=, grade=, class= as far as this step goes
    };
    QString reportName() const;
    QString byFor(int level) const;
    QString trailText() const;
    void showTrail();
    void showChart(const report::ReportData &report);

    BureauClient &m_client;
    QComboBox *m_report;
    TrailBar *m_trailBox;
    ReportView *m_view;
    QList<Step> m_trail;
    bool m_busy = false;
    int m_generation = 0;  // a late answer for a level already left is dropped
};

} // namespace emis::bureau
