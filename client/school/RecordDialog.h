#pragma once

#include "store/RecordRepository.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;

namespace emis::school {

class RecordForm;

// Adds or edits one record: the schema-driven form, Save and Cancel. Enter saves, Esc cancels.
// Save goes through the table's repository (one transaction: the row, its versions and the
// change to send); the dialog closes only once the library says the record is saved.
class RecordDialog : public QDialog {
    Q_OBJECT
public:
    // How a save is done when it is not a plain add or edit: correcting a change the server
    // refused goes through IssueService, which resends it and closes the rejection.
    using Saver = std::function<client::Result<client::SaveOutcome>(const client::RawFields &)>;

    // `id` empty: a new record.
    RecordDialog(client::RecordRepository repository, const QString &id, QWidget *parent = nullptr);

    RecordForm *form() const { return m_form; }
    QString savedId() const { return m_savedId; }
    QString errorShown() const;
    void setSaver(Saver saver) { m_saver = std::move(saver); }

public Q_SLOTS:
    void accept() override;

private:
    client::RecordRepository m_repository;
    QString m_id;
    QString m_savedId;
    Saver m_saver;
    RecordForm *m_form = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace emis::school
