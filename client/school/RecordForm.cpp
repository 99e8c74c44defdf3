#include "RecordForm.h"

#include "UiLanguage.h"
#include "schema/CodeTables.h"
#include "store/SqlValue.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace emis::school {

RecordForm::RecordForm(const schema::Table &table, QWidget *parent) : QWidget(parent), m_table(table)
{
    m_grid = new QGridLayout(this);
    m_grid->setColumnStretch(1, 2);
    m_grid->setColumnStretch(2, 3);
    m_recordIssue = new QLabel(this);
    m_recordIssue->setObjectName(QStringLiteral("recordIssue"));
    m_recordIssue->setStyleSheet(QStringLiteral("color:#b00020"));
    m_recordIssue->setWordWrap(true);
    m_recordIssue->hide();
    m_grid->addWidget(m_recordIssue, 0, 0, 1, 3);
    int row = 1;
    QWidget *previous = nullptr;
    for (const auto &f : table.fields) {
        if (f.type == schema::FieldType::Blob)
            continue;
        const QString name = qs(f.name);
        QWidget *edit = makeEditor(f);
        edit->setObjectName(name);
        auto *label = new QLabel(fieldLabel(f) + (f.required && f.defaultValue.empty() ? QStringLiteral(" *") : QString()), this);
        label->setBuddy(edit);
        auto *issue = new QLabel(this);
        issue->setObjectName(name + QStringLiteral("_issue"));
        issue->setStyleSheet(QStringLiteral("color:#b00020"));
        issue->setWordWrap(true);
        m_grid->addWidget(label, row, 0);
        m_grid->addWidget(edit, row, 1);
        m_grid->addWidget(issue, row, 2);
        if (previous)
            setTabOrder(previous, edit);
        previous = edit;
        m_editors.insert(name, edit);
        m_issues.insert(name, issue);
        ++row;
    }
    m_grid->setRowStretch(row, 1);
    validateNow(false);
}

QWidget *RecordForm::makeEditor(const schema::Field &field)
{
    const QString name = qs(field.name);
    if (field.type == schema::FieldType::Ref) {
        auto *picker = new QComboBox(this);
        picker->setEditable(true);
        picker->setInsertPolicy(QComboBox::NoInsert);
        picker->lineEdit()->setPlaceholderText(tr("Pick from the list, or type a name or number"));
        picker->completer()->setFilterMode(Qt::MatchContains);
        picker->completer()->setCompletionMode(QCompleter::PopupCompletion);
        connect(picker, &QComboBox::currentTextChanged, this, [this, name] { touched(name); });
        return picker;
    }
    if (!field.codeTable.empty() || field.type == schema::FieldType::Bool) {
        auto *combo = new QComboBox(this);
        combo->addItem(QString(), QString());
        if (field.type == schema::FieldType::Bool) {
            combo->addItem(tr("Yes"), QStringLiteral("1"));
            combo->addItem(tr("No"), QStringLiteral("0"));
        } else if (const schema::CodeTable *t = schema::findCodeTable(field.codeTable)) {
            for (const auto &e : t->entries)
                combo->addItem(qs(uiIsChinese() || e.en.empty() ? e.zh : e.en), qs(e.code));
        }
        if (!field.defaultValue.empty())
            combo->setCurrentIndex(combo->findData(qs(field.defaultValue)));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, name] { touched(name); });
        return combo;
    }
    auto *line = new QLineEdit(this);
    if (field.maxLength > 0)
        line->setMaxLength(field.maxLength + 10);  // let an over-long value show its reason, not vanish
    if (field.type == schema::FieldType::Date)
        line->setPlaceholderText(tr("YYYY-MM-DD"));
    else if (field.type == schema::FieldType::YearMonth)
        line->setPlaceholderText(tr("YYYY-MM"));
    connect(line, &QLineEdit::textEdited, this, [this, name] { touched(name); });
    return line;
}

void RecordForm::setReferenceChoices(const QString &fieldName, const std::vector<std::pair<QString, QString>> &choices)
{
    auto *picker = qobject_cast<QComboBox *>(m_editors.value(fieldName));
    if (!picker || !picker->isEditable())
        return;
    QSignalBlocker block(picker);
    const QString current = textOf(*m_table.field(ss(fieldName)));
    picker->clear();
    for (const auto &[label, id] : choices)
        picker->addItem(label, id);
    const int at = picker->findData(current);
    if (at >= 0)
        picker->setCurrentIndex(at);
    else
        picker->setEditText(current);
}

QString RecordForm::textOf(const schema::Field &field) const
{
    QWidget *w = m_editors.value(qs(field.name));
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        if (!combo->isEditable())
            return combo->currentData().toString();
        // A row picked from the list is its id; anything typed is a key the store resolves.
        const int at = combo->findText(combo->currentText());
        return at >= 0 ? combo->itemData(at).toString() : combo->currentText().trimmed();
    }
    if (auto *line = qobject_cast<QLineEdit *>(w))
        return line->text();
    return {};
}

void RecordForm::setRecord(const validate::Record &values)
{
    for (const auto &f : m_table.fields) {
        QWidget *w = m_editors.value(qs(f.name));
        auto it = values.find(f.name);
        const QString text = it == values.end() || isNull(it->second) ? QString() : qs(displayText(it->second));
        auto *combo = qobject_cast<QComboBox *>(w);
        if (combo && combo->isEditable()) {
            QSignalBlocker block(combo);
            const int at = combo->findData(text);
            if (at >= 0)
                combo->setCurrentIndex(at);
            else
                combo->setEditText(text);
        } else if (combo) {
            QSignalBlocker block(combo);
            combo->setCurrentIndex(std::max(0, combo->findData(text)));
        } else if (auto *line = qobject_cast<QLineEdit *>(w)) {
            line->setText(text);
        }
    }
    m_touched.clear();
    validateNow(false);
}

QMap<QString, QString> RecordForm::rawValues() const
{
    QMap<QString, QString> raw;
    for (const auto &f : m_table.fields)
        if (m_editors.contains(qs(f.name)))
            raw.insert(qs(f.name), textOf(f));
    return raw;
}

void RecordForm::touched(const QString &fieldName)
{
    m_touched.insert(fieldName);
    validateNow(m_showAll);
}

bool RecordForm::validateNow(bool showAll)
{
    m_showAll = m_showAll || showAll;
    std::map<std::string, std::string, std::less<>> raw;
    for (const auto &f : m_table.fields)
        if (m_editors.contains(qs(f.name)))
            raw[f.name] = ss(textOf(f));
    const auto result = validate::normalizeRecord(m_table, raw);
    QMap<QString, QStringList> byField;
    QStringList recordLevel;
    for (const Issue &issue : result.issues) {
        const QString field = qs(issue.field);
        // An empty required field the clerk has not reached yet is not an error to shout about.
        if (issue.reason == Reason::Required && !m_showAll && !m_touched.contains(field))
            continue;
        if (m_issues.contains(field))
            byField[field] << issueText(issue);
        else
            recordLevel << issueText(issue);
    }
    for (auto it = m_issues.begin(); it != m_issues.end(); ++it)
        it.value()->setText(byField.value(it.key()).join(QLatin1Char('\n')));
    m_recordIssue->setText(recordLevel.join(QLatin1Char('\n')));
    m_recordIssue->setVisible(!recordLevel.isEmpty());
    const bool valid = result.issues.empty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
    return valid;
}

QWidget *RecordForm::firstInvalidEditor() const
{
    for (const auto &f : m_table.fields) {
        const QString name = qs(f.name);
        if (QLabel *l = m_issues.value(name); l && !l->text().isEmpty())
            return m_editors.value(name);
    }
    return nullptr;
}

QString RecordForm::issueShown(const QString &fieldName) const
{
    QLabel *l = m_issues.value(fieldName);
    return l ? l->text() : QString();
}

QString RecordForm::recordIssueShown() const { return m_recordIssue->text(); }

} // namespace emis::school
