#pragma once

#include "register/StatusChangeService.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace emis::school {

class SchoolSession;

// 学籍异动 for one pupil: kind, date, reason, the new grade and class where the kind moves the
// pupil, evidence images with thumbnails, and the pupil's history with where each request
// stands (a pending one can be withdrawn). Saving goes through StatusChangeService (one
// transaction); the dialog closes only once the library says it is saved. Keyboard: every field
// in Tab order, Enter saves, Esc closes.
class StatusChangeDialog : public QDialog {
    Q_OBJECT
public:
    StatusChangeDialog(SchoolSession &session, const QString &studentId, QWidget *parent = nullptr);

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *dateEdit() const { return m_date; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QComboBox *toGradeBox() const { return m_toGrade; }
    QLineEdit *toClassEdit() const { return m_toClass; }
    QTableWidget *historyTable() const { return m_history; }
    QListWidget *evidenceList() const { return m_evidence; }
    QString errorShown() const;
    QString savedId() const { return m_savedId; }

    // Adds an evidence image; false (and the reason shown) when it is refused.
    bool addEvidence(const QString &path);
    // Selects the kind by its code ("03").
    void selectKind(const QString &code);

public Q_SLOTS:
    void accept() override;
    void withdrawSelected();

Q_SIGNALS:
    void changed();  // a change was saved or withdrawn

private:
    void reloadHistory();
    void kindChanged();
    void chooseEvidence();
    void showError(const QString &text);

    SchoolSession &m_session;
    QString m_studentId;
    QString m_savedId;
    std::vector<client::EvidenceFile> m_files;
    QLabel *m_pupil = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindNote = nullptr;
    QLineEdit *m_date = nullptr;
    QLineEdit *m_reason = nullptr;
    QComboBox *m_toGrade = nullptr;
    QLineEdit *m_toClass = nullptr;
    QListWidget *m_evidence = nullptr;
    QTableWidget *m_history = nullptr;
    QPushButton *m_withdraw = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace emis::school
