#pragma once

#include "BureauSession.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace emis::report {
struct ReportData;
}

namespace emis::bureau {

class BureauClient;
class ReportView;
class TrailBar;

// 考试成绩: one of the county's exams (the exams report lists them) as the bureau reads it — its
// analysis (平均分, 优秀率, 及格率, 低分率, 名次, 超均率 against the county), its score bands, or its
// weak subjects and classes — for 总分 or one subject, with a chart, and the analysis beside its
// change since the previous exam of the grade when asked. A double click on a row
// opens the level below: county → township → school → class; the trail above goes back up.
class ExamPage : public QWidget {
    Q_OBJECT
public:
    enum Level { County, Township, School, Class };

    ExamPage(BureauClient &client, QWidget *parent = nullptr);

    QComboBox *exams() const { return m_exams; }
    QComboBox *views() const { return m_views; }
    QComboBox *subjects() const { return m_subjects; }
    QCheckBox *comparePrevious() const { return m_compare; }
    ReportView *view() const { return m_view; }
    int level() const { return int(m_trail.size()) - 1; }
    bool busy() const { return m_busy; }

    void refresh();  // the list of exams, then the exam chosen
    void showExam();
    void drillInto(int row);
    void goBack(int level);

Q_SIGNALS:
    void loaded();

private:
    struct Step {
        QString label;
        Params params;  // township=, school= as far as this step goes
    };
    void fillSubjects();
    void showTrail();
    void showChart(const report::ReportData &report);
    QString by() const;

    BureauClient &m_client;
    QComboBox *m_exams;
    QComboBox *m_views;
    QComboBox *m_subjects;
    QCheckBox *m_compare;
    TrailBar *m_trailBox;
    ReportView *m_view;
    QList<Step> m_trail;
    QList<QStringList> m_subjectCodes;  // per exam in the list
    bool m_busy = false;
    int m_generation = 0;  // a late answer for a choice already left is dropped
};

} // namespace emis::bureau
