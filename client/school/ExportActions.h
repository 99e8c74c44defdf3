#pragma once

#include "schema/Schema.h"
#include "validate/RecordValidator.h"

#include <QObject>

#include <functional>
#include <vector>

class QAction;
class QWidget;

namespace emis::school {

// What an export writes: the table, the fields shown, and the rows (all or the filtered ones).
struct ExportSource {
    const schema::Table *table = nullptr;
    std::vector<std::string> fields;
    std::vector<validate::Record> rows;
    QString title;
};

// "Export to Excel / CSV / PDF" for the list on screen. The file is written on a worker thread;
// .xlsx and CSV through emis_io's exporters, PDF with QPdfWriter in a Chinese font that every
// school computer with the program has (WenQuanYi Micro Hei, shipped with it).
class ExportActions : public QObject {
    Q_OBJECT
public:
    // `source(filteredOnly)` is asked for the rows when the clerk picks an action.
    ExportActions(QWidget *window, std::function<ExportSource(bool filteredOnly)> source);

    QAction *xlsxAction() const { return m_xlsx; }
    QAction *csvAction() const { return m_csv; }
    QAction *pdfAction() const { return m_pdf; }
    QAction *filteredOnlyAction() const { return m_filteredOnly; }

    // Writes the file (any thread); an empty string when it worked, else the reason.
    static QString writeXlsx(const QString &path, const ExportSource &source);
    static QString writeCsv(const QString &path, const ExportSource &source);
    static QString writePdf(const QString &path, const ExportSource &source);

private:
    enum class Format { Xlsx, Csv, Pdf };
    void run(Format format);

    QWidget *m_window;
    std::function<ExportSource(bool)> m_source;
    QAction *m_xlsx = nullptr;
    QAction *m_csv = nullptr;
    QAction *m_pdf = nullptr;
    QAction *m_filteredOnly = nullptr;
};

} // namespace emis::school
