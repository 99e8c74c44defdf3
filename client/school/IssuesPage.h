#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace emis::school {

class IssuesModel;
class SchoolSession;

// Rejected changes and conflicts for the clerk to look at: open the record to correct it, or
// discard the change on purpose (with a note, kept as a record of the decision).
class IssuesPage : public QWidget {
    Q_OBJECT
public:
    explicit IssuesPage(SchoolSession &session, QWidget *parent = nullptr);

    IssuesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Discards the issue on `row` with `note`; false (and a message shown) when the library refused.
    bool discard(int row, const QString &note);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void openRecordRequested(const QString &table, const QString &rowId, qint64 issueId, bool conflict);
    void changed();

private:
    void openCurrent();
    void discardCurrent();

    SchoolSession &m_session;
    IssuesModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace emis::school
