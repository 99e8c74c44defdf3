#pragma once

#include "register/ScoreImport.h"

#include <QFutureWatcher>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace emis::school {

class SchoolSession;
class ScoreGridModel;
class ScoreGridView;

// 成绩录入: an exam the school scores (the county's joint exam or its own), one class at a time,
// typed into a grid like a spreadsheet or imported from the teachers' score sheet; then its
// 成绩预警 per class and the school's own analysis, offline. Saving writes the scores as records,
// so they sync like any other.
class ScoresPage : public QWidget {
    Q_OBJECT
public:
    explicit ScoresPage(SchoolSession &session, QWidget *parent = nullptr);

    QComboBox *exams() const { return m_exams; }
    QComboBox *classes() const { return m_classes; }
    ScoreGridView *grid() const { return m_view; }
    ScoreGridModel *model() const { return m_model; }
    QLabel *status() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }
    const client::ExamView *currentExam() const;

    bool save();  // the grid's edited cells; false when the store refused the whole save
    // Reads and saves a score sheet against the current exam on a worker thread; imported()
    // then carries the summary shown to the clerk and the rejected lines with their reasons.
    void importSheet(const QString &path);
    QWidget *openWarnings();  // 成绩预警 of the current exam, per class
    QWidget *openAnalysis();  // the school's analysis of the current exam

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void saved();
    void imported(const QString &summary, const QString &details);

private:
    void showExam();
    void showClass();
    void showCounts();
    bool leaveEdits();  // asks when the grid holds unsaved cells; false: stay
    void chooseSheet();

    SchoolSession &m_session;
    std::vector<client::ExamView> m_examViews;
    QComboBox *m_exams = nullptr;
    QComboBox *m_classes = nullptr;
    ScoreGridModel *m_model = nullptr;
    ScoreGridView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_save = nullptr;
    QList<QPushButton *> m_examButtons;  // need an exam chosen
    QFutureWatcher<void> m_import;
    QString m_shownExam;
    QString m_shownClass;
};

} // namespace emis::school
