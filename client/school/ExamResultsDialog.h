#pragma once

#include "ReportData.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QTableView;

namespace emis::report {
class ReportTableModel;
}

namespace emis::school {

// An exam's figures as a table the clerk can read and export to Excel: the school's 成绩预警 or
// its analysis. `choices` (optional) are views of the same figures (by class, by subject);
// `load` gives the table for the one picked, or an error to show.
class ExamResultsDialog : public QDialog {
    Q_OBJECT
public:
    using Loader = std::function<client::Result<report::ReportData>(int choice)>;

    ExamResultsDialog(const QString &title, const QStringList &choices, Loader load, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    report::ReportTableModel *model() const { return m_model; }
    QComboBox *choices() const { return m_choices; }
    QLabel *message() const { return m_message; }
    bool exportTo(const QString &path);  // .xlsx; false (and the reason shown) when it failed

private:
    void show(int choice);

    QString m_title;
    Loader m_load;
    QComboBox *m_choices = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    report::ReportTableModel *m_model = nullptr;
};

} // namespace emis::school
