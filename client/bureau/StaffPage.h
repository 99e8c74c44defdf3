#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace emis::bureau {

class BureauClient;
class ReportView;

// 人事股's page: find any member of staff county-wide by name (or its beginning), 工号 or ID
// number, narrowed by 职称 and subject (the staff_search report), and open a teacher's whole file.
class StaffPage : public QWidget {
    Q_OBJECT
public:
    explicit StaffPage(BureauClient &client, QWidget *parent = nullptr);

    void search();
    void openFile(int row);
    ReportView *view() const { return m_view; }

private:
    BureauClient &m_client;
    QLineEdit *m_query;
    QComboBox *m_title;
    QLineEdit *m_subject;
    ReportView *m_view;
};

// One teacher's file (the staff_file report): the record, then each part of the growth file as
// a table, and a PDF of it all on A4.
class StaffFileDialog : public QDialog {
    Q_OBJECT
public:
    StaffFileDialog(BureauClient &client, const QString &staffId, QWidget *parent = nullptr);

    // The file as HTML (what the dialog shows and the PDF prints).
    QString html() const { return m_html; }
    // Writes the PDF; an error a person can read, or empty.
    QString writePdf(const QString &path) const;
    bool loaded() const { return !m_file.isEmpty(); }

Q_SIGNALS:
    void ready();

private:
    void showFile(const QJsonObject &file);

    QJsonObject m_file;
    QString m_html;
    QLabel *m_text;
};

} // namespace emis::bureau
