#include "ReportPage.h"

#include "BureauClient.h"
#include "ReportView.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace emis::bureau {

ReportPage::ReportPage(BureauClient &client, QString reportName, Params params, QWidget *parent)
    : QWidget(parent), m_client(client), m_name(std::move(reportName)), m_params(std::move(params))
{
    m_view = new ReportView(this);
    m_controls = new QHBoxLayout;
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refresh"));
    connect(refreshButton, &QPushButton::clicked, this, &ReportPage::refresh);
    m_controls->addStretch(1);
    m_controls->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_controls);
    layout->addWidget(m_view, 1);
}

void ReportPage::refresh()
{
    if (m_busy) {
        m_again = true;  // the parameters changed meanwhile: ask once more when this answer is in
        return;
    }
    m_busy = true;
    m_view->showBusy();
    m_client.report(m_name, m_params, this, [this](const Result<QByteArray> &r) {
        m_busy = false;
        if (m_again) {
            m_again = false;
            return refresh();
        }
        auto report = r ? report::ReportData::parse(*r) : Result<report::ReportData>(r.error());
        if (!report)
            m_view->showError(describeError(report.error()));
        else
            m_view->setReport(std::move(*report), tr("the whole county"));
        Q_EMIT loaded(report.ok());
    });
}

} // namespace emis::bureau
