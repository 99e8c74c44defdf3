#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

// The demo county's aggregates.json as the expected side of the truth test. Every comparison
// names the figure by its path ("/pupils/by_grade/3", "/by_school/7/classes/2/pupils") and marks
// it checked, so that the test can prove no figure of the file went unchecked.
class ExpectedFigures {
public:
    bool load(const QString &file);
    const QJsonObject &root() const { return m_root; }

    // The figure at `path` (not marked): for reading names and keys to look reports up by.
    QJsonValue at(const QString &path) const;
    // Compares the figure at `path` with `actual` exactly (numbers, booleans, text) and marks
    // it checked; a difference, or a figure the report lacks (undefined), is a mismatch.
    void check(const QString &path, const QJsonValue &actual, const QString &where);
    // Figures the store cannot tell apart, compared as their sum.
    void checkSum(const QStringList &paths, qint64 actual, const QString &where);
    // A mismatch found other than figure by figure (a report row aggregates.json has not).
    void mismatch(const QString &text) { m_mismatches << text; }

    const QStringList &mismatches() const { return m_mismatches; }
    int checkedCount() const { return static_cast<int>(m_checked.size()); }
    // Every leaf of the file (metadata aside) that no check compared.
    QStringList unchecked() const;

private:
    QJsonObject m_root;
    QSet<QString> m_checked;
    QStringList m_mismatches;
};
