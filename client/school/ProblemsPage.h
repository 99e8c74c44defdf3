#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace emis::school {

class SchoolSession;

// 问题学籍: what the county server found about this school's pupils (one ID number enrolled in
// two schools, likely duplicates), each with what to do. The server closes a row once the
// record is proved, corrected or removed.
class ProblemsPage : public QWidget {
    Q_OBJECT
public:
    explicit ProblemsPage(SchoolSession &session, QWidget *parent = nullptr);

    QTableWidget *view() const { return m_view; }
    QCheckBox *showResolved() const { return m_all; }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void openPupilRequested(const QString &table, const QString &rowId, qint64 issueId, bool conflict);

private:
    SchoolSession &m_session;
    QTableWidget *m_view = nullptr;
    QCheckBox *m_all = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace emis::school
