#pragma once

#include "ColumnMapping.h"
#include "ImportPlan.h"
#include "register/ImportService.h"
#include "Sheet.h"

#include <QFuture>
#include <QWizard>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace emis::school {

// File → sheet → column mapping (made from the headers, editable) → preview with every rejected
// row and its reasons → confirm. Reading, planning and saving run on worker threads with a
// progress bar and Cancel; nothing is written before the clerk confirms.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { FilePage, MappingPage, PreviewPage, DonePage };

    ImportWizard(const schema::Table &table, const QString &storePath, QWidget *parent = nullptr);
    // Stops and waits for a running worker: it writes into this wizard's members.
    ~ImportWizard() override;

    void setFile(const QString &path);
    bool busy() const { return m_busy; }
    const io::ColumnMapping &mapping() const { return m_mapping; }
    const io::ImportPlan &plan() const { return m_plan; }
    const client::ImportOutcome &outcome() const { return m_outcome; }
    QTableWidget *rejectedTable() const { return m_rejected; }
    QString errorShown() const;
    void cancelWork() { m_cancel->store(true); }

protected:
    void initializePage(int id) override;
    bool validateCurrentPage() override;

Q_SIGNALS:
    void imported();

private:
    QWizardPage *makeFilePage();
    QWizardPage *makeMappingPage();
    QWizardPage *makePreviewPage();
    QWizardPage *makeDonePage();
    void browse();
    void fileChanged();
    void showMapping();
    void mappingEdited(int column, int comboIndex);
    void showPlan();
    // Runs `work` on a worker thread; `done` on the GUI thread when it returns.
    void runInBackground(const QString &what, std::function<void()> work, std::function<void()> done);
    void setError(const QString &text);

    const schema::Table &m_table;
    QString m_storePath;
    io::Sheet m_sheet;
    io::ColumnMapping m_mapping;
    io::ImportPlan m_plan;
    client::ImportOutcome m_outcome;
    QString m_saveError;  // the store could not take the import at all
    QString m_workError;
    QFuture<void> m_running;
    bool m_busy = false;
    bool m_saved = false;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);

    QLineEdit *m_file = nullptr;
    QComboBox *m_sheetBox = nullptr;
    QTableWidget *m_columns = nullptr;
    QLabel *m_mappingNote = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_rejected = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_workLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace emis::school
