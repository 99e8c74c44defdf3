#pragma once

#include "BureauSession.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace emis::bureau {

class BureauClient;
class ReportPage;

// The bureau's approval queue (the server's "approval_queue" report): status changes awaiting
// approval (休学, 复学, 退学, 留级, 跳级) and transfers the sending school agreed to. The selected
// request's evidence images show as thumbnails (double-click for the full image); an officer who
// may decide approves or refuses it with a note (审批意见, required to refuse). 督导室 sees the
// queue without the buttons; a refusal by the server is shown in words.
class ApprovalsPage : public QWidget {
    Q_OBJECT
public:
    ApprovalsPage(BureauClient &client, QWidget *parent = nullptr);

    void refresh();
    ReportPage *page() const { return m_page; }
    void selectRow(int row);
    void decide(bool approve);  // on the selected request, with the note typed
    QListWidget *evidenceList() const { return m_evidence; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *refuseButton() const { return m_refuse; }
    QString messageShown() const;
    bool busy() const;

Q_SIGNALS:
    void decided(bool ok);
    void evidenceLoaded();

private:
    void showSelected();
    void showImage(int index);
    void updateButtons();

    BureauClient &m_client;
    ReportPage *m_page;
    QLabel *m_selected;
    QListWidget *m_evidence;
    QPlainTextEdit *m_note;
    QPushButton *m_approve;
    QPushButton *m_refuse;
    QLabel *m_message;
    QString m_table;
    QString m_rowId;
    QList<EvidenceImage> m_images;
    int m_pending = 0;
};

} // namespace emis::bureau
