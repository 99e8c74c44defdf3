#include "register/PromotionService.h"

#include "schema/CodeTables.h"
#include "store/LocalStore.h"
#include "store/RecordStore.h"
#include "store/SqlValue.h"
#include "sync/Uuid.h"
#include "validate/FieldRules.h"
#include "validate/StatusChangeRules.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <algorithm>

namespace emis::client {
namespace {

const schema::Table &changesTable() { return *schema::findTable("status_changes"); }
const schema::Table &pupilsTable() { return *schema::findTable("students"); }

QString textOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    return it == r.end() ? QString() : qs(displayText(it->second));
}

std::int64_t intOf(const validate::Record &r, const char *field)
{
    auto it = r.find(field);
    const auto *i = it == r.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
    return i ? *i : 0;
}

Value textValue(const QString &s) { return s.isEmpty() ? Value{} : Value{ss(s)}; }

const QStringList &numerals()
{
    static const QStringList n = {QString(), QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三"),
                                  QStringLiteral("四"), QStringLiteral("五"), QStringLiteral("六"),
                                  QStringLiteral("七"), QStringLiteral("八"), QStringLiteral("九")};
    return n;
}

// The school's last grade by its 办学类型 (school_type codes).
int lastGradeOfType(const QString &type)
{
    if (type == QLatin1String("211") || type == QLatin1String("218"))
        return 6;
    if (type == QLatin1String("311") || type == QLatin1String("312"))
        return 9;
    if (type == QLatin1String("341") || type == QLatin1String("342") || type == QLatin1String("345"))
        return 12;
    return 0;
}

} // namespace

QString PromotionService::renamedClass(const QString &name, int from, int to)
{
    if (from < 1 || to < 1 || from > 12 || to > 12)
        return name;
    QList<std::pair<QString, QString>> prefixes;
    const auto gradeWord = QStringLiteral("年级");
    prefixes.append({QString::number(from) + gradeWord, QString::number(to) + gradeWord});
    if (from <= 9 && to <= 9) {
        prefixes.append({numerals()[from] + gradeWord, numerals()[to] + gradeWord});
        // 三(2)班, 三（2）班: the numeral is the grade only when a bracket follows.
        for (const QString &bracket : {QStringLiteral("("), QStringLiteral("（")})
            prefixes.append({numerals()[from] + bracket, numerals()[to] + bracket});
    }
    if (from >= 7 && from <= 9 && to >= 7 && to <= 9)
        prefixes.append({QStringLiteral("初") + numerals()[from - 6], QStringLiteral("初") + numerals()[to - 6]});
    if (from >= 10 && to >= 10)
        prefixes.append({QStringLiteral("高") + numerals()[from - 9], QStringLiteral("高") + numerals()[to - 9]});
    for (const auto &[old, now] : prefixes)
        if (name.startsWith(old))
            return now + name.mid(old.size());
    return name;
}

int PromotionService::topGrade() const
{
    if (const int last = lastGradeOfSchool())
        return last;
    auto pupils = RecordStore(m_store).list(pupilsTable());  // only when the school's type is unknown
    return topGrade(pupils ? *pupils : std::vector<StoredRow>{});
}

int PromotionService::lastGradeOfSchool() const
{
    auto school = RecordStore(m_store).load(*schema::findTable("schools"), m_store.identity().schoolId);
    return school && school->has_value() ? lastGradeOfType(textOf((*school)->values, "school_type")) : 0;
}

int PromotionService::topGrade(const std::vector<StoredRow> &pupils) const
{
    if (const int last = lastGradeOfSchool())
        return last;
    // No school row yet (never synced): the end of the stage its highest grade belongs to.
    std::int64_t highest = 0;
    for (const auto &p : pupils)
        highest = std::max(highest, intOf(p.values, "grade"));
    return highest <= 6 ? 6 : highest <= 9 ? 9 : 12;
}

Result<PromotionOutcome> PromotionService::promote(const PromotionOptions &options, const Progress &progress,
                                                   const std::atomic_bool *cancel)
{
    PromotionOutcome outcome;
    RecordStore records(m_store);
    auto pupils = records.list(pupilsTable());
    if (!pupils)
        return pupils.error();
    outcome.topGrade = topGrade(*pupils);
    auto date = validate::normalizeField(
        *changesTable().field("change_date"),
        ss(options.date.trimmed().isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : options.date));
    if (auto *issue = std::get_if<Issue>(&date))
        return invalidRecord({*issue});

    // Each pupil's change row and the fields it sets, planned before anything is written.
    struct Step {
        QString pupilId;
        validate::Record change;
        validate::Record fields;
    };
    std::vector<Step> steps;
    for (const auto &p : *pupils) {
        if (textOf(p.values, "status") != QLatin1String("1")) {
            ++outcome.notActive;
            continue;
        }
        const int grade = static_cast<int>(intOf(p.values, "grade"));
        const QString cls = textOf(p.values, "class_name");
        ++outcome.byGrade[grade];
        validate::Record change{{"student_id", ss(p.id)},
                                {"change_date", std::get<Value>(date)},
                                {"from_grade", p.values.at("grade")},
                                {"from_class", p.values.at("class_name")},
                                {"approval", std::string(validate::approval::None)}};
        if (grade >= outcome.topGrade) {
            change["kind"] = std::string("09");
            ++outcome.graduated;
        } else {
            QString newClass = options.classMap.value(QString::number(grade) + QLatin1Char('/') + cls,
                                                      options.classMap.value(cls));
            if (newClass.isEmpty())
                newClass = options.renameClasses ? renamedClass(cls, grade, grade + 1) : cls;
            change["kind"] = std::string(validate::kind::Promotion);
            change["to_grade"] = std::int64_t{grade + 1};
            change["to_class"] = textValue(newClass);
            ++outcome.promoted;
        }
        auto effect = validate::statusChangeEffect(p.values, change);
        if (auto *issue = std::get_if<Issue>(&effect))
            return makeError(ErrorKind::Invalid, textOf(p.values, "name") + QStringLiteral(": ") + qs(issue->text()));
        steps.push_back({p.id, std::move(change), std::get<validate::Record>(std::move(effect))});
    }
    if (options.dryRun || steps.empty())
        return outcome;

    outcome.batchId = qs(sync::newUuidV7());
    if (!records.beginBatch())  // one transaction: rolled back unless committed
        return makeError(ErrorKind::Other, tr("The local database could not start the promotion."));
    const int total = static_cast<int>(steps.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            outcome.cancelled = true;
            return outcome;  // the batch rolls everything back
        }
        Step &s = steps[static_cast<std::size_t>(i)];
        s.change["batch_id"] = ss(outcome.batchId);
        if (auto saved = records.save(changesTable(), QString(), s.change); !saved)
            return saved.error();
        if (auto saved = records.save(pupilsTable(), s.pupilId, s.fields); !saved)
            return saved.error();
        if (progress && (i % 50 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    if (!records.commitBatch())
        return makeError(ErrorKind::Other, tr("The local database could not commit the promotion."));
    return outcome;
}

Result<PromotionOutcome> PromotionService::undo(bool dryRun, const Progress &progress)
{
    PromotionOutcome outcome;
    RecordStore records(m_store);
    auto changes = records.list(changesTable());
    if (!changes)
        return changes.error();
    // The last batch still in force; ids are UUIDv7, so the greatest is the newest.
    QString batch;
    for (const auto &c : *changes)
        if (textOf(c.values, "approval") == QLatin1String("0") && textOf(c.values, "batch_id") > batch)
            batch = textOf(c.values, "batch_id");
    if (batch.isEmpty())
        return makeError(ErrorKind::Invalid, tr("There is no promotion to undo."));
    outcome.batchId = batch;
    outcome.topGrade = topGrade();

    // A pupil's newest change other than the batch's own row: anything after the batch means the
    // pupil was changed since.
    QHash<QString, QString> newest;
    for (const auto &c : *changes)
        if (textOf(c.values, "batch_id") != batch) {
            QString &n = newest[textOf(c.values, "student_id")];
            n = std::max(n, c.id);
        }
    std::vector<std::pair<StoredRow, StoredRow>> rows;  // change, pupil
    QStringList changed;
    for (const auto &c : *changes) {
        if (textOf(c.values, "batch_id") != batch || textOf(c.values, "approval") != QLatin1String("0"))
            continue;
        const QString pupilId = textOf(c.values, "student_id");
        auto pupil = records.load(pupilsTable(), pupilId);
        if (!pupil)
            return pupil.error();
        const bool graduated = textOf(c.values, "kind") == QLatin1String("09");
        bool same = pupil->has_value() && !(*pupil)->deleted && newest.value(pupilId) < c.id;
        if (same) {
            const auto &v = (*pupil)->values;
            same = graduated ? textOf(v, "status") == QLatin1String("5") && v.at("grade") == c.values.at("from_grade")
                             : textOf(v, "status") == QLatin1String("1") && v.at("grade") == c.values.at("to_grade") &&
                                   v.at("class_name") == c.values.at("to_class");
        }
        if (!same) {
            changed << (pupil->has_value() ? textOf((*pupil)->values, "name") : pupilId);
            continue;
        }
        (graduated ? outcome.graduated : outcome.promoted) += 1;
        ++outcome.byGrade[static_cast<int>(intOf(c.values, "from_grade"))];
        rows.emplace_back(c, **pupil);
    }
    if (!changed.isEmpty()) {
        const QString names = changed.mid(0, 10).join(QStringLiteral("、")) +
                              (changed.size() > 10 ? tr(" and %1 more").arg(changed.size() - 10) : QString());
        return makeError(ErrorKind::Invalid,
                         tr("The promotion cannot be undone: %n pupil(s) were changed since (%1). Correct them one by one.",
                            nullptr, static_cast<int>(changed.size()))
                             .arg(names),
                         QStringLiteral("wrong_state"));
    }
    if (dryRun)
        return outcome;

    if (!records.beginBatch())
        return makeError(ErrorKind::Other, tr("The local database could not start the undo."));
    const int total = static_cast<int>(rows.size());
    for (int i = 0; i < total; ++i) {
        const auto &[change, pupil] = rows[static_cast<std::size_t>(i)];
        const validate::Record before{{"grade", change.values.at("from_grade")},
                                      {"class_name", change.values.at("from_class")},
                                      {"status", std::string("1")}};
        if (auto saved = records.save(pupilsTable(), pupil.id, before); !saved)
            return saved.error();
        if (auto saved = records.save(changesTable(), change.id, {{"approval", std::string(validate::approval::Withdrawn)}});
            !saved)
            return saved.error();
        if (progress && (i % 50 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    if (!records.commitBatch())
        return makeError(ErrorKind::Other, tr("The local database could not commit the undo."));
    return outcome;
}

} // namespace emis::client
