#include "validate/IdNumber.h"

#include "schema/CodeTables.h"
#include "schema/Schema.h"
#include "text/TextUtil.h"
#include "validate/DateText.h"

#include <regex>

namespace emis::validate {
namespace {

Issue idIssue(Reason r)
{
    const schema::Field *f = schema::findTable("students")->field("id_number");
    return makeIssue(r, f);
}

} // namespace

std::string normalizeIdText(std::string_view raw)
{
    std::string s = text::toHalfWidth(text::trim(raw));
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != ' ' && c != '\'')  // a leading apostrophe is how Excel users force text
            out.push_back(c);
    return text::asciiUpper(out);
}

bool looksLikeNumberMangled(std::string_view raw)
{
    // 3.60429200911281e+17 / 3.6E17 (scientific), or 360429200911281000.0 (a long decimal).
    const std::string s = normalizeIdText(raw);
    const auto digitsAt = [&](std::size_t from, std::size_t to) {
        return to > from && text::isDigits(std::string_view(s).substr(from, to - from));
    };
    const std::size_t e = s.find('E');
    if (e != std::string::npos) {
        std::size_t exp = e + 1;
        if (exp < s.size() && s[exp] == '+')
            ++exp;
        if (!digitsAt(exp, s.size()) || e == 0 || !text::isDigits(s.substr(0, 1)))
            return false;
        if (e == 1)
            return true;
        return s[1] == '.' && digitsAt(2, e);
    }
    const std::size_t dot = s.find('.');
    return dot != std::string::npos && dot >= 15 && digitsAt(0, dot) && digitsAt(dot + 1, s.size());
}

char idCheckCharacter(std::string_view first17)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kChecks[] = "10X98765432";
    int sum = 0;
    for (std::size_t i = 0; i < 17 && i < first17.size(); ++i)
        sum += (first17[i] - '0') * kWeights[i];
    return kChecks[sum % 11];
}

std::variant<ResidentId, Issue> checkResidentId(std::string_view raw)
{
    if (looksLikeNumberMangled(raw))
        return idIssue(Reason::IdAsNumber);
    const std::string s = normalizeIdText(raw);
    if (s.size() == 15 && text::isDigits(s))
        return idIssue(Reason::IdOld15);
    if (s.size() != 18)
        return idIssue(Reason::IdLength);
    const std::string_view body = std::string_view(s).substr(0, 17);
    const char last = s[17];
    if (!text::isDigits(body) || !((last >= '0' && last <= '9') || last == 'X'))
        return idIssue(Reason::IdCharacters);
    if (idCheckCharacter(body) != last) {
        // Excel keeps 15 significant digits: an 18-digit number typed into a numeric cell comes
        // back ending in 000 (360429200911280000). Say how to fix the file, not "check character".
        if (s.compare(15, 3, "000") == 0)
            return idIssue(Reason::IdAsNumber);
        return idIssue(Reason::IdCheckCharacter);
    }
    const auto birth = parseDate(body.substr(6, 8));
    if (!birth)
        return idIssue(Reason::IdBirthInvalid);
    const int sexDigit = body[16] - '0';
    return ResidentId{s, birth->toText(), sexDigit % 2 == 1 ? "1" : "2"};
}

std::optional<Issue> checkDocumentNumber(std::string_view idType, std::string_view number)
{
    if (idType == "1") {
        auto r = checkResidentId(number);
        if (auto *issue = std::get_if<Issue>(&r))
            return *issue;
        return std::nullopt;
    }
    const std::string s = normalizeIdText(number);
    // Rare document types, so a regex per check is affordable here (unlike the resident ID path).
    // Mainland travel permits for HK/Macao residents: H or M and 8 (or 10) digits; HK and Macao
    // identity cards; Taiwan permits: 8 digits (or a letter and 9 digits); passports and other
    // documents: 5 to 20 letters and digits.
    static const std::regex hkMacaoPermit(R"(^[HM][0-9]{8}([0-9]{2})?$)");
    static const std::regex hkIdentity(R"(^[A-Z]{1,2}[0-9]{6}\(?[0-9A]\)?$)");
    static const std::regex macaoIdentity(R"(^[1578][0-9]{6}\(?[0-9]\)?$)");
    static const std::regex taiwan(R"(^([0-9]{8}|[0-9]{10}|[A-Z][0-9]{9})$)");
    static const std::regex generic(R"(^[A-Z0-9]{5,20}$)");
    bool ok = false;
    if (idType == "6")
        ok = std::regex_match(s, hkMacaoPermit) || std::regex_match(s, hkIdentity);
    else if (idType == "7")
        ok = std::regex_match(s, hkMacaoPermit) || std::regex_match(s, macaoIdentity);
    else if (idType == "8")
        ok = std::regex_match(s, taiwan);
    else if (idType == "9" || idType == "A")
        ok = std::regex_match(s, generic);
    else
        ok = !s.empty() && s.size() <= 30;
    if (ok)
        return std::nullopt;
    const auto *table = schema::findCodeTable("id_type");
    const auto *entry = table ? table->byCode(idType) : nullptr;
    const schema::Field *f = schema::findTable("students")->field("id_number");
    return makeIssue(Reason::DocumentShape, f->name, f->labelZh, f->labelEn,
                     entry ? entry->zh : std::string(idType));
}

} // namespace emis::validate
