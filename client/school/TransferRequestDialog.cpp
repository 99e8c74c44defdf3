#include "TransferRequestDialog.h"

#include "SchoolSession.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace emis::school {

TransferRequestDialog::TransferRequestDialog(SchoolSession &session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Request a pupil from another school"));
    m_idNumber = new QLineEdit(this);
    m_idNumber->setObjectName(QStringLiteral("idNumber"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_grade = new QLineEdit(this);
    m_grade->setObjectName(QStringLiteral("grade"));
    m_grade->setPlaceholderText(tr("e.g. 五年级; empty keeps the pupil's grade"));
    m_class = new QLineEdit(this);
    m_class->setObjectName(QStringLiteral("className"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_evidence = new QLineEdit(this);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setPlaceholderText(tr("a scanned image, at most 2 MB (optional)"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Scanned document"), QString(),
                                                       tr("Images (*.jpg *.jpeg *.png *.gif *.bmp)"));
        if (!f.isEmpty())
            m_evidence->setText(f);
    });
    auto *evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_evidence, 1);
    evidenceRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("ID &number:"), m_idNumber);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Grade on arrival:"), m_grade);
    form->addRow(tr("&Class on arrival:"), m_class);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Evidence:"), evidenceRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The pupil is found by ID number across the county when this device next "
                                    "syncs. The sending school then agrees or refuses, and the bureau approves."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

bool TransferRequestDialog::save()
{
    const client::TransferRequest r{m_idNumber->text(), m_name->text(),  m_grade->text(),
                                    m_class->text(),    m_reason->text(), m_evidence->text()};
    if (r.name.trimmed().isEmpty()) {
        m_message->setText(tr("Enter the pupil's name as the other school has it."));
        return false;
    }
    auto saved = client::TransferService(m_session.store()).request(r);
    if (!saved) {
        m_message->setText(saved.error().message);
        return false;
    }
    m_message->clear();
    return true;
}

} // namespace emis::school
