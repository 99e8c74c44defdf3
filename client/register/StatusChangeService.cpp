#include "register/StatusChangeService.h"

#include "schema/CodeTables.h"
#include "store/LocalStore.h"
#include "store/SqlValue.h"
#include "store/Transaction.h"
#include "validate/FieldRules.h"
#include "validate/StatusChangeRules.h"

#include <QDate>
#include <QHash>

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

QString codeName(const char *table, const QString &code)
{
    return qs(schema::findCodeTable(table)->nameOf(ss(code)));
}

} // namespace

QString HistoryEntry::date() const { return textOf(change.values, "change_date"); }
QString HistoryEntry::approval() const { return textOf(change.values, "approval"); }

Result<StoredRow> StatusChangeService::findPupil(const QString &key) const
{
    RecordStore records(m_store);
    const QString k = key.trimmed();
    auto byId = records.load(pupilsTable(), k);
    if (!byId)
        return byId.error();
    if (byId->has_value() && !(*byId)->deleted)
        return **byId;
    // An ID number's check character may be typed as a small x.
    for (const auto &[field, value] : {std::pair{"student_no", k}, std::pair{"id_number", k.toUpper()}}) {
        auto rows = records.listWhere(pupilsTable(), field, value);
        if (!rows)
            return rows.error();
        if (!rows->empty())
            return rows->front();
    }
    return makeError(ErrorKind::Invalid, tr("No pupil has the id, student number or ID number %1.").arg(k),
                     QStringLiteral("pupil_not_found"));
}

Status StatusChangeService::saveEvidence(const QString &changeId, const EvidenceFile &file)
{
    if (auto saved = Attachments(m_store).attach(changesTable(), changeId, file); !saved)
        return saved.error();
    return Ok{};
}

Result<SaveOutcome> StatusChangeService::record(const QString &studentId, const ChangeInput &input,
                                                const std::vector<EvidenceFile> &evidence)
{
    Transaction tx(m_store.db());
    RecordStore records(m_store);
    auto pupilRow = records.load(pupilsTable(), studentId);
    if (!pupilRow)
        return pupilRow.error();
    if (!pupilRow->has_value() || (*pupilRow)->deleted)
        return makeError(ErrorKind::Invalid, tr("No pupil with id %1.").arg(studentId), QStringLiteral("pupil_not_found"));
    const StoredRow pupil = **pupilRow;

    // The clerk's text, normalized by the schema's rules (codes or names, any date form).
    const schema::Table &t = changesTable();
    std::map<std::string, std::string, std::less<>> raw{
        {"kind", ss(input.kind)},
        {"change_date", ss(input.date.trimmed().isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : input.date)},
        {"reason", ss(input.reason.trimmed())},
        {"to_grade", ss(input.toGrade.trimmed())},
        {"to_class", ss(input.toClass.trimmed())}};
    validate::Record change;
    std::vector<Issue> issues;
    for (const auto &[name, text] : raw) {
        auto v = validate::normalizeField(*t.field(name), text);
        if (auto *issue = std::get_if<Issue>(&v))
            issues.push_back(*issue);
        else
            change[name] = std::get<Value>(std::move(v));
    }
    if (isNull(change["kind"]) && issues.empty())
        issues.push_back(makeIssue(Reason::Required, t.field("kind")));
    if (!issues.empty())
        return invalidRecord(issues);
    const std::string kind = displayText(change["kind"]);
    const schema::CodeEntry *entry = schema::findCodeTable("change_kind")->byCode(kind);
    if (!validate::recordedByHand(kind))
        return invalidRecord({makeIssue(Reason::ByTransferOnly, "kind", entry->zh, entry->en)});

    auto effect = validate::statusChangeEffect(pupil.values, change);
    if (auto *issue = std::get_if<Issue>(&effect))
        return invalidRecord({*issue});
    const validate::Record &fields = std::get<validate::Record>(effect);
    const bool pending = validate::needsApproval(kind);
    if (pending) {
        auto open = history(studentId);
        if (!open)
            return open.error();
        for (const auto &e : *open)
            if (e.approval() == qs(std::string(validate::approval::Pending)))
                return makeError(ErrorKind::Invalid,
                                 tr("%1 already has a request waiting for the bureau (%2 of %3); withdraw it first.")
                                     .arg(textOf(pupil.values, "name"), e.kindName, e.date()),
                                 QStringLiteral("wrong_state"));
    }
    // The record says where the pupil was and where the change takes them.
    change["student_id"] = ss(studentId);
    change["from_grade"] = pupil.values.at("grade");
    change["from_class"] = pupil.values.at("class_name");
    if (auto it = fields.find("grade"); it != fields.end())
        change["to_grade"] = it->second;
    if (auto it = fields.find("class_name"); it != fields.end())
        change["to_class"] = it->second;
    change["approval"] = std::string(pending ? validate::approval::Pending : validate::approval::None);

    auto saved = records.save(t, QString(), change);
    if (!saved)
        return saved.error();
    if (!pending)
        if (auto applied = records.save(pupilsTable(), studentId, fields); !applied)
            return applied.error();
    for (const auto &file : evidence)
        if (auto st = saveEvidence(saved->id, file); !st)
            return st.error();
    if (!tx.commit())
        return makeError(ErrorKind::Other, tr("The local database could not commit the change."));
    return saved;
}

Result<SaveOutcome> StatusChangeService::withdraw(const QString &changeId)
{
    RecordStore records(m_store);
    auto row = records.load(changesTable(), changeId);
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->deleted)
        return makeError(ErrorKind::Invalid, tr("No status change with id %1.").arg(changeId));
    const QString state = textOf((*row)->values, "approval");
    if (state != qs(std::string(validate::approval::Pending)))
        return makeError(ErrorKind::Invalid,
                         tr("Only a request waiting for the bureau can be withdrawn; this one is %1.")
                             .arg(codeName("approval_state", state)),
                         QStringLiteral("wrong_state"));
    return records.save(changesTable(), changeId, {{"approval", std::string(validate::approval::Withdrawn)}});
}

Result<SaveOutcome> StatusChangeService::attachEvidence(const QString &changeId, const EvidenceFile &file)
{
    return Attachments(m_store).attach(changesTable(), changeId, file);
}

Result<std::vector<StoredRow>> StatusChangeService::evidenceOf(const QString &changeId) const
{
    return RecordStore(m_store).listWhere(*schema::findTable("evidence"), "owner_id", changeId);
}

Result<std::vector<HistoryEntry>> StatusChangeService::entries(std::vector<StoredRow> rows) const
{
    // Newest first: by the change's date, then by when it was recorded (the row's stamp).
    std::sort(rows.begin(), rows.end(), [](const StoredRow &a, const StoredRow &b) {
        const QString da = textOf(a.values, "change_date"), db = textOf(b.values, "change_date");
        return da != db ? da > db : a.id > b.id;
    });
    std::vector<HistoryEntry> out;
    out.reserve(rows.size());
    for (auto &row : rows) {
        HistoryEntry e;
        e.kindName = codeName("change_kind", textOf(row.values, "kind"));
        e.approvalName = codeName("approval_state", textOf(row.values, "approval"));
        e.change = std::move(row);
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<HistoryEntry>> StatusChangeService::history(const QString &studentId) const
{
    auto rows = RecordStore(m_store).listWhere(changesTable(), "student_id", studentId);
    if (!rows)
        return rows.error();
    auto out = entries(std::move(*rows));
    if (!out)
        return out;
    for (auto &e : *out) {
        auto files = evidenceOf(e.change.id);
        if (!files)
            return files.error();
        e.evidenceCount = static_cast<int>(files->size());
    }
    return out;
}

Result<std::vector<HistoryEntry>> StatusChangeService::all() const
{
    auto rows = RecordStore(m_store).list(changesTable());
    if (!rows)
        return rows.error();
    return entries(std::move(*rows));
}

} // namespace emis::client
