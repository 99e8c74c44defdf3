#pragma once

#include "register/TransferService.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace emis::school {

class SchoolSession;

// The receiving school's request for a pupil of another school (转入申请): ID number and name as
// the other school has them, the grade and class on arrival, the reason, a scanned document.
// Saved offline; a mistake is shown in the dialog and nothing is written.
class TransferRequestDialog : public QDialog {
    Q_OBJECT
public:
    explicit TransferRequestDialog(SchoolSession &session, QWidget *parent = nullptr);

    QLineEdit *idNumberEdit() const { return m_idNumber; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *gradeEdit() const { return m_grade; }
    QLineEdit *classEdit() const { return m_class; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLineEdit *evidenceEdit() const { return m_evidence; }
    QLabel *messageLabel() const { return m_message; }

    // Saves the request; false with the reason shown when the library refused it.
    bool save();

private:
    SchoolSession &m_session;
    QLineEdit *m_idNumber = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_grade = nullptr;
    QLineEdit *m_class = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_evidence = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace emis::school
