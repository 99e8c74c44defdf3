#pragma once

#include "equipment/StocktakeService.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace emis::school {

class SchoolSession;

// 盘点: the stocktake screen. The clerk starts a stocktake of a room (or the whole school), walks
// the checklist marking each asset 在位, 缺失 or 损坏 (typing or scanning its 资产编号 marks it
// 在位), and finishes it: what was not checked is recorded 缺失, and the missing are listed by
// keeper. Every step is saved at once (StocktakeService), offline, and syncs like any record.
class StocktakePage : public QWidget {
    Q_OBJECT
public:
    explicit StocktakePage(SchoolSession &session, QWidget *parent = nullptr);

    QComboBox *stocktakes() const { return m_takes; }
    QTableWidget *checklist() const { return m_lines; }
    QLineEdit *scanBox() const { return m_scan; }
    QLabel *summary() const { return m_summary; }
    QLabel *missingList() const { return m_missing; }
    QLabel *message() const { return m_message; }
    QString currentId() const;

    // The steps, as the buttons take them; false (and the reason shown) when refused.
    bool start(const QString &room, const QString &date, const QString &taker);
    bool markSelected(const QString &result);  // 1 在位, 2 缺失, 3 损坏, on every selected line
    bool markScanned();                          // the scan box's asset as 在位
    bool finish();                               // no question asked (the button asks first)

public Q_SLOTS:
    void reload();
    void newStocktake();

Q_SIGNALS:
    void changed();

private:
    void showCurrent();
    void askToFinish();
    bool failed(const client::Error &error);

    SchoolSession &m_session;
    QComboBox *m_takes = nullptr;
    QTableWidget *m_lines = nullptr;
    QLineEdit *m_scan = nullptr;
    QLineEdit *m_note = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_missing = nullptr;
    QLabel *m_message = nullptr;
    QList<QPushButton *> m_steps;  // the buttons that change an open stocktake
};

} // namespace emis::school
