#include "RecordDialog.h"

#include "RecordForm.h"
#include "UiLanguage.h"
#include "store/RefResolver.h"
#include "validate/References.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace emis::school {

RecordDialog::RecordDialog(client::RecordRepository repository, const QString &id, QWidget *parent)
    : QDialog(parent), m_repository(std::move(repository)), m_id(id)
{
    const QString table = tableLabel(m_repository.table());
    setWindowTitle(id.isEmpty() ? tr("New record: %1").arg(table) : tr("Edit record: %1").arg(table));
    auto *layout = new QVBoxLayout(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("saveError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#b00020; font-weight:bold"));
    m_error->hide();
    layout->addWidget(m_error);

    m_form = new RecordForm(m_repository.table(), this);
    client::RefResolver refs(m_repository.store());
    for (const auto &f : m_repository.table().fields)
        if (const schema::Table *target = validate::refTarget(f, {}))
            if (auto choices = refs.choices(*target))
                m_form->setReferenceChoices(qs(f.name), *choices);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    layout->addWidget(buttons);

    if (!id.isEmpty()) {
        auto row = m_repository.get(id);
        if (row && row->has_value())
            m_form->setRecord((*row)->values);
        else
            m_error->setText(row ? tr("The record is no longer there.") : row.error().message);
        m_error->setVisible(!m_error->text().isEmpty());
    }
    resize(760, 640);
}

QString RecordDialog::errorShown() const { return m_error->text(); }

void RecordDialog::accept()
{
    if (!m_form->validateNow(true)) {
        m_error->setText(tr("The record was not saved: correct the fields marked in red."));
        m_error->show();
        if (QWidget *w = m_form->firstInvalidEditor())
            w->setFocus();
        return;
    }
    client::RawFields raw;
    const auto values = m_form->rawValues();
    for (auto it = values.begin(); it != values.end(); ++it)
        raw.insert(it.key(), it.value());
    auto saved = m_saver ? m_saver(raw) : m_id.isEmpty() ? m_repository.add(raw) : m_repository.edit(m_id, raw);
    if (!saved) {
        m_error->setText(tr("The record was not saved: %1").arg(saved.error().message));
        m_error->show();
        return;
    }
    m_savedId = saved->id;
    QDialog::accept();
}

} // namespace emis::school
