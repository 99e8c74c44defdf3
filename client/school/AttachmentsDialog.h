#pragma once

#include "register/Attachments.h"
#include "schema/Schema.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace emis::school {

class SchoolSession;

// The files kept with one record (an asset's photos, a room's plan): thumbnails, Add… (a phone's
// photo is scaled down to fit, off the window's thread), Save as… and Remove. Each change is
// saved and synced like any other; changed() tells the page.
class AttachmentsDialog : public QDialog {
    Q_OBJECT
public:
    AttachmentsDialog(SchoolSession &session, const schema::Table &table, const QString &rowId, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // Reads, fits and attaches the files (the Add… button after its file dialog); a file refused
    // is named with its reason, the others are attached.
    void addFiles(const QStringList &paths);
    bool busy() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void changed();
    void filesAdded();  // after addFiles, done

private:
    struct Fitted {
        QString error;  // why the file was refused, or empty
        client::EvidenceFile file;
    };
    void reload();
    void chooseFiles();
    void saveCurrent();
    void removeCurrent();
    void attachFitted(const QList<Fitted> &fitted);
    QString currentId() const;
    void updateButtons();

    SchoolSession &m_session;
    const schema::Table &m_table;
    QString m_rowId;
    QListWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QFutureWatcher<Fitted> m_watcher;
};

} // namespace emis::school
