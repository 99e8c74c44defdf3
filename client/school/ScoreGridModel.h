#pragma once

#include "register/ScoreGrid.h"

#include <QAbstractTableModel>
#include <QTableView>

#include <optional>

namespace emis::school {

// The score grid as a table: 学籍号 and 姓名, then one column per subject of the exam. A cell
// that is no score is red with its reason as the tooltip; a changed cell not saved yet is yellow.
class ScoreGridModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kFirstSubject = 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setGrid(std::optional<client::ScoreGrid> grid);
    client::ScoreGrid *grid() { return m_grid ? &*m_grid : nullptr; }
    const client::ScoreGrid *grid() const { return m_grid ? &*m_grid : nullptr; }
    void refreshAll();  // after a save: every cell's colour again

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void edited();

private:
    std::optional<client::ScoreGrid> m_grid;
};

// Typed like a spreadsheet: Enter moves down, Tab right, typing replaces a cell, Delete clears the
// selected cells, Ctrl+V pastes a block copied from Excel (tab-separated lines) from the current
// cell, Ctrl+C copies the selection the same way.
class ScoreGridView : public QTableView {
    Q_OBJECT
public:
    explicit ScoreGridView(QWidget *parent = nullptr);

    // The clipboard's text laid over the grid from the current cell; cells past the grid's edge
    // are left out and counted. Returns how many cells were set.
    int paste(const QString &text, int *leftOut = nullptr);
    QString copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;

private:
    void moveDown();
};

} // namespace emis::school
