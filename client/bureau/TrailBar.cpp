#include "TrailBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace emis::bureau {

TrailBar::TrailBar(const QString &name, QWidget *parent) : QWidget(parent), m_name(name), m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
}

void TrailBar::setLabels(const QStringList &labels)
{
    while (auto *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < labels.size(); ++i) {
        if (i > 0)
            m_layout->addWidget(new QLabel(QStringLiteral("›"), this));
        auto *b = new QPushButton(labels[i], this);
        b->setFlat(true);
        b->setStyleSheet(QStringLiteral("QPushButton { padding: 2px 6px; } QPushButton:enabled { color: #1a5fb4; }"));
        b->setObjectName(m_name + QString::number(i));
        b->setEnabled(i + 1 < labels.size());
        connect(b, &QPushButton::clicked, this, [this, i] { Q_EMIT levelChosen(i); });
        m_layout->addWidget(b);
    }
    m_layout->addStretch(1);
}

} // namespace emis::bureau
