#include "ScoreGridModel.h"

#include "UiLanguage.h"
#include "schema/CodeTables.h"
#include "store/SqlValue.h"

#include <QApplication>
#include <QClipboard>
#include <QColor>
#include <QKeyEvent>

#include <algorithm>

namespace emis::school {

void ScoreGridModel::setGrid(std::optional<client::ScoreGrid> grid)
{
    beginResetModel();
    m_grid = std::move(grid);
    endResetModel();
}

void ScoreGridModel::refreshAll()
{
    if (rowCount() && columnCount())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ScoreGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_grid ? 0 : m_grid->pupilCount();
}

int ScoreGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_grid ? 0 : kFirstSubject + m_grid->subjectCount();
}

QVariant ScoreGridModel::data(const QModelIndex &index, int role) const
{
    if (!m_grid || !index.isValid())
        return {};
    const int row = index.row();
    const int subject = index.column() - kFirstSubject;
    if (subject < 0) {
        if (role != Qt::DisplayRole)
            return {};
        const auto &p = m_grid->pupil(row);
        return index.column() == 0 ? p.studentNo : p.name;
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_grid->text(row, subject);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (m_grid->issue(row, subject))
            return QColor(255, 205, 205);
        if (m_grid->edited(row, subject))
            return QColor(255, 247, 205);
        return {};
    case Qt::ToolTipRole:
        if (const auto &issue = m_grid->issue(row, subject))
            return issueText(*issue);
        return {};
    default:
        return {};
    }
}

bool ScoreGridModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_grid || role != Qt::EditRole || index.column() < kFirstSubject)
        return false;
    const QString before = m_grid->text(index.row(), index.column() - kFirstSubject);
    const bool wasBad = m_grid->issue(index.row(), index.column() - kFirstSubject).has_value();
    m_grid->set(index.row(), index.column() - kFirstSubject, value.toString());
    Q_EMIT dataChanged(index, index);
    if (before != m_grid->text(index.row(), index.column() - kFirstSubject) || wasBad)
        Q_EMIT edited();
    return true;
}

Qt::ItemFlags ScoreGridModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() >= kFirstSubject)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ScoreGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    const schema::Table &students = *schema::findTable("students");
    if (section == 0)
        return fieldLabel(*students.field("student_no"));
    if (section == 1)
        return fieldLabel(*students.field("name"));
    if (!m_grid || section - kFirstSubject >= m_grid->subjectCount())
        return {};
    const io::ExamSubject &s = m_grid->subject(section - kFirstSubject);
    const schema::CodeEntry *entry = schema::findCodeTable("subject")->byCode(s.subject);
    const QString name = entry ? qs(uiIsChinese() || entry->en.empty() ? entry->zh : entry->en) : qs(s.subject);
    return tr("%1 (%2)").arg(name, qs(displayText(Value{s.fullMarks})));
}

ScoreGridView::ScoreGridView(QWidget *parent) : QTableView(parent)
{
    setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked |
                    QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    setSelectionMode(QAbstractItemView::ContiguousSelection);
    setTabKeyNavigation(true);
}

void ScoreGridView::moveDown()
{
    const QModelIndex at = currentIndex();
    if (at.isValid() && at.row() + 1 < model()->rowCount())
        setCurrentIndex(model()->index(at.row() + 1, at.column()));
}

void ScoreGridView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    // Enter in an editor ends it with SubmitModelCache: commit, then the next pupil's cell.
    QTableView::closeEditor(editor, hint == QAbstractItemDelegate::SubmitModelCache ? QAbstractItemDelegate::NoHint : hint);
    if (hint == QAbstractItemDelegate::SubmitModelCache)
        moveDown();
}

void ScoreGridView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        paste(QApplication::clipboard()->text());
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        QApplication::clipboard()->setText(copySelection());
        return;
    }
    if (state() != EditingState && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        moveDown();
        return;
    }
    if (state() != EditingState && (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)) {
        for (const QModelIndex &i : selectionModel()->selectedIndexes())
            if (i.flags() & Qt::ItemIsEditable)
                model()->setData(i, QString());
        return;
    }
    QTableView::keyPressEvent(event);
}

int ScoreGridView::paste(const QString &text, int *leftOut)
{
    const QModelIndex at = currentIndex();
    if (!at.isValid())
        return 0;
    QStringList lines = QString(text).remove(u'\r').split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();  // Excel ends a copied block with a line break
    int set = 0, outside = 0;
    for (int r = 0; r < lines.size(); ++r) {
        const QStringList cells = lines[r].split(u'\t');
        for (int c = 0; c < cells.size(); ++c) {
            const QModelIndex i = model()->index(at.row() + r, at.column() + c);
            if (!i.isValid() || !(i.flags() & Qt::ItemIsEditable)) {
                ++outside;
                continue;
            }
            model()->setData(i, cells[c]);
            ++set;
        }
    }
    if (leftOut)
        *leftOut = outside;
    return set;
}

QString ScoreGridView::copySelection() const
{
    QModelIndexList picked = selectionModel()->selectedIndexes();
    if (picked.isEmpty())
        return {};
    std::sort(picked.begin(), picked.end());
    QStringList lines;
    int row = picked.first().row();
    QStringList cells;
    for (const QModelIndex &i : picked) {
        if (i.row() != row) {
            lines << cells.join(u'\t');
            cells.clear();
            row = i.row();
        }
        cells << i.data().toString();
    }
    lines << cells.join(u'\t');
    return lines.join(u'\n') + u'\n';
}

} // namespace emis::school
