#pragma once

#include "BureauSession.h"

#include <QWidget>

class QHBoxLayout;

namespace emis::bureau {

class BureauClient;
class ReportView;

// A page showing one report with fixed parameters (the schools' data quality, the approval
// queue, the problem records), with room at the top for the page's own controls.
class ReportPage : public QWidget {
    Q_OBJECT
public:
    ReportPage(BureauClient &client, QString reportName, Params params, QWidget *parent = nullptr);

    void refresh();
    void setParam(const QString &key, const QString &value) { m_params.insert(key, value); }
    void setReportName(const QString &name) { m_name = name; }
    ReportView *view() const { return m_view; }
    QHBoxLayout *controls() const { return m_controls; }
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void loaded(bool ok);

protected:
    BureauClient &m_client;

private:
    QString m_name;
    Params m_params;
    ReportView *m_view;
    QHBoxLayout *m_controls;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace emis::bureau
