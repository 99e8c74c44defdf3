#pragma once

#include <QStringList>
#include <QWidget>

class QHBoxLayout;

namespace emis::bureau {

// The trail above a drill-down: County › 双钟镇 › 湖口县第一中学, each level but the last a
// button that goes back up to it.
class TrailBar : public QWidget {
    Q_OBJECT
public:
    // `name`: the buttons' object names are name0, name1 … (for tests).
    explicit TrailBar(const QString &name, QWidget *parent = nullptr);

    void setLabels(const QStringList &labels);

Q_SIGNALS:
    void levelChosen(int level);

private:
    QString m_name;
    QHBoxLayout *m_layout;
};

} // namespace emis::bureau
