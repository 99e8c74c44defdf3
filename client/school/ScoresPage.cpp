#include "ScoresPage.h"

#include "ExamResultsDialog.h"
#include "ScoreGridModel.h"
#include "SchoolSession.h"
#include "UiLanguage.h"
#include "ScoreSheet.h"
#include "register/SchoolExamAnalysis.h"
#include "register/ScoreGrid.h"
#include "schema/CodeTables.h"
#include "store/RefResolver.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>
#include <memory>

namespace emis::school {
namespace {

struct SheetOutcome {
    QString summary;
    QString details;  // the rejected lines, one a line
};

// Reads and saves a score sheet on the worker thread, with the worker's own store connection.
SheetOutcome importOnWorker(const QString &storePath, const QString &examId, const QString &file)
{
    auto store = client::LocalStore::open(storePath);
    if (!store)
        return {store.error().message, {}};
    client::ScoreImport scores(**store);
    auto exam = scores.exam(examId);
    if (!exam)
        return {exam.error().message, {}};
    auto sheet = io::ScoreSheet::fromFile(file, exam->subjects);
    if (!sheet)
        return {sheet.error(), {}};
    auto plan = scores.plan(*exam, sheet.value());
    if (!plan)
        return {plan.error().message, {}};
    auto saved = scores.save(*exam, *plan);
    if (!saved)
        return {saved.error().message, {}};
    QStringList details = sheet->notices;
    for (const auto &row : plan->rejected)
        for (const auto &issue : row.issues) {
            QString said = issueText(issue);
            if (const std::string value = row.valueOf(issue); !value.empty())
                said = ScoresPage::tr("%1 (read: %2)").arg(said, qs(value));
            details << (row.name.empty() ? ScoresPage::tr("line %1: %2").arg(row.line).arg(said)
                                         : ScoresPage::tr("line %1 (%2): %3").arg(row.line).arg(qs(row.name), said));
        }
    details << saved->failures;
    const QString summary = ScoresPage::tr("Imported %1 pupils' scores: %2 added, %3 changed, %4 unchanged; %5 lines "
                                           "rejected, %6 scores refused.")
                                .arg(plan->pupils)
                                .arg(saved->added)
                                .arg(saved->updated)
                                .arg(saved->unchanged)
                                .arg(plan->rejected.size())
                                .arg(saved->failures.size());
    return {summary, details.join(u'\n')};
}

QString gradeName(const client::ExamView &e)
{
    return codeName(*schema::findTable("exams")->field("grade"), qs(validate::fieldText(e.exam.values, "grade")));
}

} // namespace

ScoresPage::ScoresPage(SchoolSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("scoresPage"));
    m_exams = new QComboBox(this);
    m_exams->setObjectName(QStringLiteral("exams"));
    m_exams->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_classes = new QComboBox(this);
    m_classes->setObjectName(QStringLiteral("classes"));
    m_model = new ScoreGridModel(this);
    m_view = new ScoreGridView(this);
    m_view->setObjectName(QStringLiteral("scoreGrid"));
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_empty = new QLabel(tr("No exam to score yet. The county's joint exams arrive with a sync; the school's own "
                            "exam is added on the Exams tab, with its subjects on the Exam subjects tab."),
                         this);
    m_empty->setWordWrap(true);

    auto *importButton = new QPushButton(tr("&Import a score sheet…"), this);
    auto *warnings = new QPushButton(tr("&Warnings…"), this);
    warnings->setObjectName(QStringLiteral("warnings"));
    auto *analysis = new QPushButton(tr("&Analysis…"), this);
    analysis->setObjectName(QStringLiteral("analysis"));
    m_save = new QPushButton(tr("&Save scores"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setShortcut(QKeySequence::Save);
    m_examButtons = {importButton, warnings, analysis};
    connect(importButton, &QPushButton::clicked, this, &ScoresPage::chooseSheet);
    connect(warnings, &QPushButton::clicked, this, &ScoresPage::openWarnings);
    connect(analysis, &QPushButton::clicked, this, &ScoresPage::openAnalysis);
    connect(m_save, &QPushButton::clicked, this, &ScoresPage::save);
    connect(m_exams, &QComboBox::currentIndexChanged, this, &ScoresPage::showExam);
    connect(m_classes, &QComboBox::currentIndexChanged, this, &ScoresPage::showClass);
    connect(m_model, &ScoreGridModel::edited, this, &ScoresPage::showCounts);

    auto *top = new QHBoxLayout;
    auto *examLabel = new QLabel(tr("E&xam:"), this);
    examLabel->setBuddy(m_exams);
    auto *classLabel = new QLabel(tr("C&lass:"), this);
    classLabel->setBuddy(m_classes);
    top->addWidget(examLabel);
    top->addWidget(m_exams);
    top->addWidget(classLabel);
    top->addWidget(m_classes);
    top->addStretch(1);
    top->addWidget(importButton);
    top->addWidget(warnings);
    top->addWidget(analysis);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
}

const client::ExamView *ScoresPage::currentExam() const
{
    const int i = m_exams->currentIndex();
    return i >= 0 && i < int(m_examViews.size()) ? &m_examViews[std::size_t(i)] : nullptr;
}

void ScoresPage::reload()
{
    if (m_model->grid() && m_model->grid()->editedCount() > 0)
        return;  // a sync or a save elsewhere never throws away cells being typed
    auto exams = client::ScoreImport(m_session.store()).exams();
    if (!exams) {
        m_status->setText(exams.error().message);
        return;
    }
    const QString keep = m_shownExam;
    m_examViews = std::move(*exams);
    client::RefResolver refs(m_session.store());
    const schema::Table &terms = *schema::findTable("terms");
    {
        const QSignalBlocker block(m_exams);
        m_exams->clear();
        for (const auto &e : m_examViews) {
            const QString term = refs.label(terms, qs(validate::fieldText(e.exam.values, "term_id")));
            const QString name = qs(validate::fieldText(e.exam.values, "name"));
            m_exams->addItem(e.county ? tr("%1 — %2, %3 (county joint exam)").arg(name, gradeName(e), term)
                                      : tr("%1 — %2, %3").arg(name, gradeName(e), term),
                             e.exam.id);
        }
        const int at = m_exams->findData(keep);
        m_exams->setCurrentIndex(at >= 0 ? at : 0);
    }
    m_empty->setVisible(m_examViews.empty());
    m_view->setVisible(!m_examViews.empty());
    for (QPushButton *b : m_examButtons)
        b->setEnabled(!m_examViews.empty());
    m_shownExam.clear();
    showExam();
}

bool ScoresPage::leaveEdits()
{
    const client::ScoreGrid *grid = m_model->grid();
    if (!grid || grid->editedCount() == 0)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved scores"), tr("%n cell(s) of this class are not saved yet. Save them first?", "", grid->editedCount()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    return answer == QMessageBox::Discard || save();
}

void ScoresPage::showExam()
{
    const client::ExamView *exam = currentExam();
    const QString id = exam ? exam->exam.id : QString();
    if (id == m_shownExam && !id.isEmpty())
        return;
    if (!leaveEdits()) {
        const QSignalBlocker block(m_exams);
        m_exams->setCurrentIndex(m_exams->findData(m_shownExam));
        return;
    }
    m_shownExam = id;
    const QString keep = m_shownClass;
    m_shownClass.clear();
    {
        const QSignalBlocker block(m_classes);
        m_classes->clear();
        if (exam) {
            auto classes = client::ScoreGrid::classesOf(m_session.store(), *exam);
            if (!classes)
                m_status->setText(classes.error().message);
            else
                m_classes->addItems(*classes);
        }
        const int at = m_classes->findText(keep);
        m_classes->setCurrentIndex(at >= 0 ? at : 0);
    }
    showClass();
}

void ScoresPage::showClass()
{
    const client::ExamView *exam = currentExam();
    const QString cls = m_classes->currentText();
    if (!leaveEdits()) {
        const QSignalBlocker block(m_classes);
        m_classes->setCurrentIndex(m_classes->findText(m_shownClass));
        return;
    }
    m_shownClass = cls;
    if (!exam || cls.isEmpty()) {
        m_model->setGrid(std::nullopt);
        m_status->setText(exam ? tr("No pupil of %1 is in the register.").arg(gradeName(*exam)) : QString());
        return;
    }
    auto grid = client::ScoreGrid::load(m_session.store(), *exam, cls);
    if (!grid) {
        m_model->setGrid(std::nullopt);
        m_status->setText(grid.error().message);
        return;
    }
    m_model->setGrid(std::move(*grid));
    m_view->resizeColumnsToContents();
    for (int c = ScoreGridModel::kFirstSubject; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, std::max(m_view->columnWidth(c), 96));  // room for 88.5 and 缺考 at any font
    if (m_model->rowCount() && m_model->columnCount() > ScoreGridModel::kFirstSubject)
        m_view->setCurrentIndex(m_model->index(0, ScoreGridModel::kFirstSubject));
    showCounts();
}

void ScoresPage::showCounts()
{
    const client::ScoreGrid *grid = m_model->grid();
    if (!grid)
        return;
    const int edited = grid->editedCount();
    const int bad = grid->badCount();
    m_save->setEnabled(edited > bad);
    QString text = tr("%n pupil(s); type a score, or 缺考, 免考 or 作弊.", "", grid->pupilCount());
    if (edited)
        text += QLatin1Char(' ') + tr("%n cell(s) not saved yet.", "", edited);
    if (bad) {
        // The first bad cell said in words, so the clerk need not hover to learn why.
        for (int r = 0; r < grid->pupilCount(); ++r)
            for (int c = 0; c < grid->subjectCount(); ++c)
                if (const auto &issue = grid->issue(r, c)) {
                    text += QLatin1Char(' ') + tr("%n cell(s) in red are no score and will not be saved, first %1: %2.",
                                                  "", bad)
                                                   .arg(grid->pupil(r).name, issueText(*issue));
                    r = grid->pupilCount();
                    break;
                }
    }
    m_status->setText(text);
}

bool ScoresPage::save()
{
    client::ScoreGrid *grid = m_model->grid();
    if (!grid)
        return false;
    m_view->setFocus();  // ends an open editor, committing what it holds
    auto outcome = grid->save();
    m_model->refreshAll();
    if (!outcome) {
        m_status->setText(tr("Nothing was saved: %1").arg(outcome.error().message));
        return false;
    }
    showCounts();
    QString text = tr("Saved: %1 added, %2 changed, %3 cleared.").arg(outcome->added).arg(outcome->changed).arg(outcome->removed);
    if (outcome->leftBad)
        text += QLatin1Char(' ') + tr("%n cell(s) in red were not saved.", "", outcome->leftBad);
    m_status->setText(text);
    Q_EMIT saved();
    return outcome->leftBad == 0;
}

void ScoresPage::chooseSheet()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a score sheet"), QString(),
                                                      tr("Spreadsheets (*.xlsx *.csv);;All files (*)"));
    if (!path.isEmpty())
        importSheet(path);
}

void ScoresPage::importSheet(const QString &path)
{
    const client::ExamView *exam = currentExam();
    if (!exam || m_import.isRunning() || !leaveEdits())
        return;
    auto *progress = new QProgressDialog(tr("Reading %1…").arg(path), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto outcome = std::make_shared<SheetOutcome>();
    disconnect(&m_import, nullptr, this, nullptr);
    connect(&m_import, &QFutureWatcher<void>::finished, this, [this, progress, outcome] {
        progress->deleteLater();
        m_model->setGrid(std::nullopt);  // the grid is read again, on the same exam and class
        reload();
        m_status->setText(outcome->summary);
        Q_EMIT imported(outcome->summary, outcome->details);
        Q_EMIT saved();
        if (!outcome->details.isEmpty()) {
            auto *box = new QMessageBox(QMessageBox::Information, tr("Score sheet imported"), outcome->summary,
                                        QMessageBox::Ok, this);
            box->setDetailedText(outcome->details);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    m_import.setFuture(QtConcurrent::run([storePath = m_session.storePath(), id = exam->exam.id, path, outcome] {
        *outcome = importOnWorker(storePath, id, path);
    }));
}

QWidget *ScoresPage::openWarnings()
{
    const client::ExamView *exam = currentExam();
    if (!exam)
        return nullptr;
    const client::ExamView view = *exam;
    auto load = [this, view](int) -> client::Result<report::ReportData> {
        auto found = client::schoolExamWarnings(m_session.store(), view);
        if (!found)
            return found.error();
        report::ReportData r;
        r.titleZh = QStringLiteral("成绩预警");
        r.titleEn = QStringLiteral("Score warnings");
        r.columns = {{QStringLiteral("class"), QStringLiteral("班级"), QStringLiteral("class")},
                     {QStringLiteral("name"), QStringLiteral("姓名"), QStringLiteral("name")},
                     {QStringLiteral("warning"), QStringLiteral("预警"), QStringLiteral("warning")}};
        // A list per class, for its 班主任: the classes in the grid's order.
        std::map<std::string, std::string> classOf;
        for (const auto &e : found->data.entries)
            classOf[e.pupil] = e.group;
        std::multimap<std::string, QJsonObject> byClass;
        for (const auto &w : found->warnings) {
            const std::string group = classOf[w.pupil];
            byClass.emplace(group, QJsonObject{{QStringLiteral("class"), qs(found->data.labels[group])},
                                               {QStringLiteral("name"), qs(found->data.names[w.pupil])},
                                               {QStringLiteral("warning"), qs(uiIsChinese() ? w.detailZh : w.detailEn)}});
        }
        for (const auto &[group, row] : byClass)
            r.rows.push_back(row);
        return r;
    };
    auto *dialog = new ExamResultsDialog(tr("Score warnings: %1").arg(m_exams->currentText()), {}, load, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QWidget *ScoresPage::openAnalysis()
{
    const client::ExamView *exam = currentExam();
    if (!exam)
        return nullptr;
    const client::ExamView view = *exam;
    auto load = [this, view](int choice) -> client::Result<report::ReportData> {
        auto document = client::schoolExamAnalysis(m_session.store(), view, choice == 0 ? "class" : "school", {});
        if (!document)
            return document.error();
        return report::ReportData::parse(QByteArray::fromStdString(*document));
    };
    auto *dialog = new ExamResultsDialog(tr("Analysis: %1").arg(m_exams->currentText()),
                                         {tr("Each class against the school"), tr("The school by subject")}, load, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace emis::school
