#pragma once

#include <QWidget>

class QTableWidget;
class QPushButton;

namespace emis::school {

class RecordDialog;
class SchoolSession;

// The school's classes: grade, name, head teacher, entry year and the pupils 在读 in each (boys,
// girls), from the class records and the pupils' own grade and class. Add, edit and delete a
// class record through the schema's record form; a class only pupils name can be registered
// with Add.
class ClassesPage : public QWidget {
    Q_OBJECT
public:
    explicit ClassesPage(SchoolSession &session, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    void reload();

public Q_SLOTS:
    void addClass();
    void editCurrent();
    void removeCurrent();

Q_SIGNALS:
    void saved();

private:
    QString currentId() const;
    RecordDialog *openRecord(const QString &id);

    SchoolSession &m_session;
    QTableWidget *m_table = nullptr;
};

} // namespace emis::school
