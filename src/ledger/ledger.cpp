// The dual ledger (双台账): entering items, links, measure and problem status changes, and 销号.
#include "grassroots/ledger/ledger.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "core/input_checks.hpp"
#include "grassroots/core/identifier.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<ProblemStatus>, 3> problem_statuses{{
    {ProblemStatus::open, "open", "整改中", "being rectified"},
    {ProblemStatus::verified, "verified", "已核查", "measures done and the result verified"},
    {ProblemStatus::struck_off, "struck_off", "已销号", "struck off the ledger"},
}};
constexpr std::array<EnumName<MeasureStatus>, 3> measure_statuses{{
    {MeasureStatus::open, "open", "未启动", "planned, not started"},
    {MeasureStatus::in_progress, "in_progress", "推进中", "being carried out (or reopened)"},
    {MeasureStatus::done, "done", "已完成", "carried out"},
}};
constexpr std::array<EnumName<LedgerAction>, 10> ledger_actions{{
    {LedgerAction::created, "created", "登记", "the item was entered"},
    {LedgerAction::linked, "linked", "关联", "a problem and a measure were linked"},
    {LedgerAction::unlinked, "unlinked", "取消关联", "a link was removed"},
    {LedgerAction::started, "started", "启动", "a measure was started"},
    {LedgerAction::completed, "completed", "完成", "a measure was done"},
    {LedgerAction::reopened, "reopened", "重新打开", "a measure or struck-off problem reopened"},
    {LedgerAction::verified, "verified", "核查通过", "the result was verified"},
    {LedgerAction::rejected, "rejected", "核查未通过", "verification failed"},
    {LedgerAction::unverified, "unverified", "核查失效", "a verified problem's measures changed"},
    {LedgerAction::struck_off, "struck_off", "销号", "the problem was struck off"},
}};
constexpr std::array<EnumName<ProblemSourceKind>, 3> problem_source_kinds{{
    {ProblemSourceKind::direct, "direct", "直接登记", "entered directly"},
    {ProblemSourceKind::consultation, "consultation", "协商议事", "a consultation decision"},
    {ProblemSourceKind::workflow_case, "case", "案件", "a case of the case engine"},
}};

using detail::check_date;
using detail::check_line;

/// Normalises @p actor (normalize_identifier: "dp-1 " and "ｄｐ－１" are "dp-1"); throws InvalidInput
/// for an empty actor or one holding a control or bidi character.
void check_actor(std::string& actor, std::string_view doing) {
    actor = normalize_identifier(actor, "actor");
    if (actor.empty()) throw InvalidInput("an actor is required to " + std::string(doing));
}

/// Throws InvalidInput when @p date is before the latest entry of @p history.
void check_order(const std::vector<LedgerEntry>& history, const std::string& item, Date date) {
    if (!history.empty() && date < history.back().date) {
        throw InvalidInput("date " + to_string(date) + " is before the latest entry of " + item + " (" +
                           to_string(history.back().date) + ", " + std::string(to_string(history.back().action)) +
                           "); dates may not go backwards");
    }
}

/// Throws InvalidInput for an empty actor, a note holding a line break or an invalid date of @p doing.
void check_action(const std::string& doing, std::string& actor, const std::string& note, Date date) {
    check_actor(actor, doing);
    check_line(note, "the note");
    check_date(date, "the date to " + doing);
}

void check_owner(const OwnerUnit& owner, std::string_view item) {
    if (!owner.division && owner.department.empty()) {
        throw InvalidInput(std::string(item) + " needs an owner unit (a division code, a department or both)");
    }
    check_line(owner.department, "the department");
}

/// The fields every new item shares: @p kind is "problem" or "measure", @p start_word "raised" or "created".
struct NewItem {
    std::string_view kind;
    const std::string& title;
    const OwnerUnit& owner;
    std::string& actor;
    const std::string& number;
    const std::string& note;
    Date start;
    Date due;
    std::string_view start_word;
};

/// Throws InvalidInput for what no new item may have: no title or actor or owner, a line break,
/// an invalid date, a due date before the start.
void check_new(NewItem item) {
    const std::string kind(item.kind);
    if (item.title.empty()) throw InvalidInput("a " + kind + " needs a title");
    check_line(item.title, "the title");
    check_line(item.note, "the note");
    check_line(item.number, "the number");
    check_owner(item.owner, kind + " '" + item.title + "'");
    check_actor(item.actor, "enter " + kind + " '" + item.title + "'");
    check_date(item.start, "the " + std::string(item.start_word) + " date of " + kind + " '" + item.title + "'");
    check_date(item.due, "the due date of " + kind + " '" + item.title + "'");
    if (item.due < item.start) {
        throw InvalidInput(kind + " '" + item.title + "' is due " + to_string(item.due) + ", before it was " +
                           std::string(item.start_word) + " (" + to_string(item.start) + ")");
    }
}

/// "P0001" for prefix 'P' and index 0.
std::string make_number(char prefix, std::size_t index) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%c%04zu", prefix, index + 1);
    return buffer.data();
}

/// @p wanted, or the first free generated number from @p index on; throws InvalidInput when taken.
template <class Map>
std::string claim_number(const Map& taken, const std::string& wanted, char prefix, std::size_t index,
                         std::string_view kind) {
    if (!wanted.empty()) {
        if (taken.contains(wanted)) throw InvalidInput(std::string(kind) + " number " + wanted + " is already taken");
        return wanted;
    }
    std::string number = make_number(prefix, index);
    while (taken.contains(number)) number = make_number(prefix, ++index);
    return number;
}

std::string quoted(const std::string& number, const std::string& title) { return number + " '" + title + "'"; }

/// Throws what forbids @p doing ("linking" or "unlinking") a link between @p p and @p m on @p date:
/// a struck-off problem (RuleViolation), a date before the latest entry of either.
void check_link_change(const Problem& p, const Measure& m, std::string_view doing, Date date) {
    if (p.status == ProblemStatus::struck_off) {
        throw RuleViolation("ledger.struck_off", "problem " + quoted(p.number, p.title) + " is struck off (销号); reopen it before " +
                                                     std::string(doing) + " measure " + m.number);
    }
    check_order(p.history, "problem " + p.number, date);
    check_order(m.history, "measure " + m.number, date);
}

/// Records a link change (linked or unlinked) in the histories of both ends under one sequence number.
void record_link_change(Problem& p, Measure& m, std::uint64_t sequence, Date date, LedgerAction action, std::string actor,
                        std::string note) {
    p.history.push_back(LedgerEntry{sequence, date, action, actor, note, m.number});
    m.history.push_back(LedgerEntry{sequence, date, action, std::move(actor), std::move(note), p.number});
}

/// Last struck_off/reopened (or completed/reopened) entry dated on or before @p on decides.
bool state_as_of(const std::vector<LedgerEntry>& history, Date on, LedgerAction set) {
    bool result = false;
    for (const LedgerEntry& entry : history) {
        if (on < entry.date) break;
        if (entry.action == set) result = true;
        if (entry.action == LedgerAction::reopened) result = false;
    }
    return result;
}

}  // namespace

std::span<const EnumName<ProblemStatus>> enum_names(ProblemStatus) noexcept { return problem_statuses; }
std::string_view to_string(ProblemStatus status) noexcept { return enum_name(status); }
std::string_view chinese_name(ProblemStatus status) noexcept { return enum_chinese_name(status); }
ProblemStatus parse_problem_status(std::string_view text) {
    return parse_enum<ProblemStatus>(text, "problem status", true);
}
std::span<const EnumName<MeasureStatus>> enum_names(MeasureStatus) noexcept { return measure_statuses; }
std::string_view to_string(MeasureStatus status) noexcept { return enum_name(status); }
std::string_view chinese_name(MeasureStatus status) noexcept { return enum_chinese_name(status); }
MeasureStatus parse_measure_status(std::string_view text) {
    return parse_enum<MeasureStatus>(text, "measure status", true);
}
std::span<const EnumName<LedgerAction>> enum_names(LedgerAction) noexcept { return ledger_actions; }
std::string_view to_string(LedgerAction action) noexcept { return enum_name(action); }
std::string_view chinese_name(LedgerAction action) noexcept { return enum_chinese_name(action); }
LedgerAction parse_ledger_action(std::string_view text) {
    return parse_enum<LedgerAction>(text, "ledger action", true);
}
std::span<const EnumName<ProblemSourceKind>> enum_names(ProblemSourceKind) noexcept { return problem_source_kinds; }
std::string_view to_string(ProblemSourceKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(ProblemSourceKind kind) noexcept { return enum_chinese_name(kind); }
ProblemSourceKind parse_problem_source_kind(std::string_view text) {
    return parse_enum<ProblemSourceKind>(text, "problem source kind", true);
}

std::string OwnerUnit::to_string() const {
    std::string text = division ? division->str() : std::string();
    if (!department.empty()) text += (text.empty() ? "" : " ") + department;
    return text;
}

bool Problem::overdue(Date on) const noexcept { return status != ProblemStatus::struck_off && due < on; }
bool Problem::struck_off_as_of(Date on) const noexcept { return state_as_of(history, on, LedgerAction::struck_off); }
bool Measure::overdue(Date on) const noexcept { return status != MeasureStatus::done && due < on; }
bool Measure::done_as_of(Date on) const noexcept { return state_as_of(history, on, LedgerAction::completed); }

// ---- entering items ------------------------------------------------------------------------------

ProblemId DualLedger::add_problem(ProblemInput input) {
    check_new({"problem", input.title, input.owner, input.actor, input.number, input.note, input.raised, input.due,
               "raised"});
    check_line(input.source.reference, "the source reference");
    const ProblemId id{static_cast<ProblemId::rep_type>(problems_.size())};
    std::string number = claim_number(problem_numbers_, input.number, 'P', problems_.size(), "problem");
    const bool tracked = input.source.kind != ProblemSourceKind::direct;
    if (tracked) {
        if (input.source.reference.empty()) {
            throw InvalidInput("a problem raised from a " + std::string(to_string(input.source.kind)) +
                               " needs its reference");
        }
        if (const auto found = source_references_.find(input.source.reference); found != source_references_.end()) {
            throw InvalidInput(std::string(to_string(input.source.kind)) + " " + input.source.reference +
                               " was already raised as problem " + problems_[found->second.value()].number);
        }
    }
    Problem problem;
    problem.id = id;
    problem.number = number;
    problem.title = std::move(input.title);
    problem.owner = std::move(input.owner);
    problem.raised = input.raised;
    problem.due = input.due;
    problem.source = std::move(input.source);
    problem.history.push_back(LedgerEntry{next_sequence_, input.raised, LedgerAction::created, std::move(input.actor),
                                          std::move(input.note), {}});
    problems_.push_back(std::move(problem));
    problem_numbers_.emplace(std::move(number), id);
    if (tracked) source_references_.emplace(problems_.back().source.reference, id);
    ++next_sequence_;
    return id;
}

MeasureId DualLedger::add_measure(MeasureInput input) {
    check_new({"measure", input.title, input.owner, input.actor, input.number, input.note, input.created, input.due,
               "created"});
    input.responsible = normalize_identifier(input.responsible, "responsible");
    const MeasureId id{static_cast<MeasureId::rep_type>(measures_.size())};
    std::string number = claim_number(measure_numbers_, input.number, 'M', measures_.size(), "measure");
    Measure measure;
    measure.id = id;
    measure.number = number;
    measure.title = std::move(input.title);
    measure.owner = std::move(input.owner);
    measure.responsible = std::move(input.responsible);
    measure.created = input.created;
    measure.due = input.due;
    measure.history.push_back(LedgerEntry{next_sequence_, input.created, LedgerAction::created, std::move(input.actor),
                                          std::move(input.note), {}});
    measures_.push_back(std::move(measure));
    measure_numbers_.emplace(std::move(number), id);
    ++next_sequence_;
    return id;
}

// ---- lookups -------------------------------------------------------------------------------------

const Problem& DualLedger::problem(ProblemId id) const {
    if (!id.valid() || id.value() >= problems_.size()) {
        throw NotFound("the ledger has no problem " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid id)")) +
                       " (it has " + std::to_string(problems_.size()) + ")");
    }
    return problems_[id.value()];
}

const Measure& DualLedger::measure(MeasureId id) const {
    if (!id.valid() || id.value() >= measures_.size()) {
        throw NotFound("the ledger has no measure " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid id)")) +
                       " (it has " + std::to_string(measures_.size()) + ")");
    }
    return measures_[id.value()];
}

Problem& DualLedger::problem_ref(ProblemId id) { return const_cast<Problem&>(std::as_const(*this).problem(id)); }
Measure& DualLedger::measure_ref(MeasureId id) { return const_cast<Measure&>(std::as_const(*this).measure(id)); }

ProblemId DualLedger::find_problem(std::string_view number) const {
    const auto found = problem_numbers_.find(std::string(number));
    if (found == problem_numbers_.end()) throw NotFound("the ledger has no problem numbered '" + std::string(number) + "'");
    return found->second;
}

MeasureId DualLedger::find_measure(std::string_view number) const {
    const auto found = measure_numbers_.find(std::string(number));
    if (found == measure_numbers_.end()) throw NotFound("the ledger has no measure numbered '" + std::string(number) + "'");
    return found->second;
}

// ---- links ---------------------------------------------------------------------------------------

void DualLedger::unverify(Problem& problem, const LedgerEntry& cause, std::string_view why) {
    if (problem.status != ProblemStatus::verified) return;
    problem.status = ProblemStatus::open;
    problem.history.push_back(LedgerEntry{cause.sequence, cause.date, LedgerAction::unverified, cause.actor,
                                          "verification lapsed: " + std::string(why), cause.other});
}

void DualLedger::link(ProblemId problem_id, MeasureId measure_id, Date date, std::string actor, std::string note) {
    Problem& p = problem_ref(problem_id);
    Measure& m = measure_ref(measure_id);
    check_action("link " + p.number + " and " + m.number, actor, note, date);
    record_refusals(p.number, actor, date, [&] {
        if (std::find(p.measures.begin(), p.measures.end(), measure_id) != p.measures.end()) {
            throw InvalidInput("problem " + p.number + " and measure " + m.number + " are already linked");
        }
        check_link_change(p, m, "linking", date);
        p.measures.push_back(measure_id);
        m.problems.push_back(problem_id);
        record_link_change(p, m, next_sequence_++, date, LedgerAction::linked, std::move(actor), std::move(note));
        unverify(p, p.history.back(), "measure " + m.number + " was linked");
    });
}

void DualLedger::unlink(ProblemId problem_id, MeasureId measure_id, Date date, std::string actor, std::string note) {
    Problem& p = problem_ref(problem_id);
    Measure& m = measure_ref(measure_id);
    check_action("unlink " + p.number + " and " + m.number, actor, note, date);
    record_refusals(p.number, actor, date, [&] {
        const auto at = std::find(p.measures.begin(), p.measures.end(), measure_id);
        if (at == p.measures.end()) {
            throw InvalidInput("problem " + p.number + " and measure " + m.number + " are not linked");
        }
        check_link_change(p, m, "unlinking", date);
        p.measures.erase(at);
        m.problems.erase(std::find(m.problems.begin(), m.problems.end(), problem_id));
        record_link_change(p, m, next_sequence_++, date, LedgerAction::unlinked, std::move(actor), std::move(note));
        unverify(p, p.history.back(), "measure " + m.number + " was unlinked");
    });
}

// ---- measures ------------------------------------------------------------------------------------

void DualLedger::start(MeasureId id, Date date, std::string actor, std::string note) {
    Measure& m = measure_ref(id);
    check_action("start measure " + m.number, actor, note, date);
    record_refusals(m.number, actor, date, [&] {
        if (m.status != MeasureStatus::open) {
            throw RuleViolation("ledger.measure.status", "measure " + quoted(m.number, m.title) + " is " +
                                                             std::string(to_string(m.status)) + "; only an open measure can be started");
        }
        check_order(m.history, "measure " + m.number, date);
        m.status = MeasureStatus::in_progress;
        m.history.push_back(LedgerEntry{next_sequence_++, date, LedgerAction::started, std::move(actor), std::move(note), {}});
    });
}

void DualLedger::complete(MeasureId id, Date date, std::string actor, std::string note) {
    Measure& m = measure_ref(id);
    check_action("complete measure " + m.number, actor, note, date);
    record_refusals(m.number, actor, date, [&] {
        if (m.status == MeasureStatus::done) {
            throw RuleViolation("ledger.measure.status", "measure " + quoted(m.number, m.title) + " is already done");
        }
        check_order(m.history, "measure " + m.number, date);
        m.status = MeasureStatus::done;
        m.completed_on = date;
        m.completed_by = actor;
        m.history.push_back(LedgerEntry{next_sequence_++, date, LedgerAction::completed, std::move(actor), std::move(note), {}});
    });
}

void DualLedger::reopen_measure(MeasureId id, Date date, std::string actor, std::string note) {
    Measure& m = measure_ref(id);
    check_action("reopen measure " + m.number, actor, note, date);
    record_refusals(m.number, actor, date, [&] {
        if (m.status != MeasureStatus::done) {
            throw RuleViolation("ledger.measure.status", "measure " + quoted(m.number, m.title) + " is " +
                                                             std::string(to_string(m.status)) + "; only a done measure can be reopened");
        }
        for (const ProblemId p : m.problems) {
            if (problems_[p.value()].status == ProblemStatus::struck_off) {
                throw RuleViolation("ledger.struck_off", "measure " + m.number + " serves problem " + problems_[p.value()].number +
                                                             ", which is struck off (销号); reopen the problem first");
            }
            check_order(problems_[p.value()].history, "problem " + problems_[p.value()].number, date);
        }
        check_order(m.history, "measure " + m.number, date);
        m.status = MeasureStatus::in_progress;
        m.history.push_back(LedgerEntry{next_sequence_++, date, LedgerAction::reopened, std::move(actor), std::move(note), {}});
        LedgerEntry cause = m.history.back();
        cause.other = m.number;
        for (const ProblemId p : m.problems) unverify(problems_[p.value()], cause, "measure " + m.number + " was reopened");
    });
}

// ---- problems ------------------------------------------------------------------------------------

std::vector<MeasureId> DualLedger::blocking_measures(ProblemId id) const {
    const Problem& p = problem(id);
    std::vector<MeasureId> out;
    for (const MeasureId m : p.measures) {
        if (measures_[m.value()].status != MeasureStatus::done) out.push_back(m);
    }
    return out;
}

namespace {

/// "M0002 '…' (in_progress), M0005 '…' (open)".
std::string list_blocking(const std::vector<Measure>& measures, const std::vector<MeasureId>& ids) {
    std::string text;
    for (const MeasureId id : ids) {
        const Measure& m = measures[id.value()];
        text += (text.empty() ? "" : ", ") + quoted(m.number, m.title) + " (" + std::string(to_string(m.status)) + ")";
    }
    return text;
}

}  // namespace

void DualLedger::verify(ProblemId id, Date date, std::string actor, bool passed, std::string note) {
    Problem& p = problem_ref(id);
    check_action("verify problem " + p.number, actor, note, date);
    record_refusals(p.number, actor, date, [&] {
        if (p.status == ProblemStatus::struck_off) {
            throw RuleViolation("ledger.struck_off", "problem " + quoted(p.number, p.title) + " is already struck off (销号)");
        }
        if (p.measures.empty()) {
            throw RuleViolation("ledger.verify.measures", "problem " + quoted(p.number, p.title) +
                                                              " has no linked measure; there is nothing to verify");
        }
        if (const std::vector<MeasureId> blocking = blocking_measures(id); !blocking.empty()) {
            throw RuleViolation("ledger.verify.measures", "problem " + quoted(p.number, p.title) +
                                                              " cannot be verified: measures not done: " +
                                                              list_blocking(measures_, blocking));
        }
        for (const MeasureId m_id : p.measures) {
            const Measure& m = measures_[m_id.value()];
            if (actor == m.responsible || actor == m.completed_by) {
                throw PermissionDenied(actor + " may not verify problem " + p.number + ": they " +
                                       (actor == m.responsible ? "are responsible for" : "closed") + " measure " + m.number +
                                       " (verification must be by someone else)");
            }
            if (date < *m.completed_on) {
                throw InvalidInput("verification of problem " + p.number + " on " + to_string(date) + " is before measure " +
                                   m.number + " was done (" + to_string(*m.completed_on) + ")");
            }
        }
        check_order(p.history, "problem " + p.number, date);
        if (passed) p.status = ProblemStatus::verified;
        p.history.push_back(LedgerEntry{next_sequence_++, date, passed ? LedgerAction::verified : LedgerAction::rejected,
                                        std::move(actor), std::move(note), {}});
    });
}

void DualLedger::strike_off(ProblemId id, Date date, std::string actor, std::string note) {
    Problem& p = problem_ref(id);
    check_action("strike off problem " + p.number, actor, note, date);
    record_refusals(p.number, actor, date, [&] {
        if (p.status == ProblemStatus::struck_off) {
            throw RuleViolation("ledger.struck_off", "problem " + quoted(p.number, p.title) + " is already struck off (销号) on " +
                                                         to_string(*p.struck_off_on));
        }
        if (p.measures.empty()) {
            throw RuleViolation("ledger.strike_off.measures", "problem " + quoted(p.number, p.title) +
                                                                  " cannot be struck off (销号): it has no linked measure");
        }
        if (const std::vector<MeasureId> blocking = blocking_measures(id); !blocking.empty()) {
            throw RuleViolation("ledger.strike_off.measures", "problem " + quoted(p.number, p.title) +
                                                                  " cannot be struck off (销号): measures not done: " +
                                                                  list_blocking(measures_, blocking));
        }
        if (p.status != ProblemStatus::verified) {
            throw RuleViolation("ledger.strike_off.verified", "problem " + quoted(p.number, p.title) +
                                                                  " cannot be struck off (销号): its result has not been "
                                                                  "verified since its measures were done");
        }
        check_order(p.history, "problem " + p.number, date);
        p.status = ProblemStatus::struck_off;
        p.struck_off_on = date;
        p.history.push_back(LedgerEntry{next_sequence_++, date, LedgerAction::struck_off, std::move(actor), std::move(note), {}});
    });
}

void DualLedger::reopen_problem(ProblemId id, Date date, std::string actor, std::string note) {
    Problem& p = problem_ref(id);
    check_action("reopen problem " + p.number, actor, note, date);
    record_refusals(p.number, actor, date, [&] {
        if (p.status != ProblemStatus::struck_off) {
            throw RuleViolation("ledger.problem.status", "problem " + quoted(p.number, p.title) + " is " +
                                                             std::string(to_string(p.status)) +
                                                             "; only a struck-off problem can be reopened");
        }
        check_order(p.history, "problem " + p.number, date);
        p.status = ProblemStatus::open;
        ++p.reopens;
        p.history.push_back(LedgerEntry{next_sequence_++, date, LedgerAction::reopened, std::move(actor), std::move(note), {}});
    });
}

// ---- refused attempts ------------------------------------------------------------------------------

void DualLedger::record_refusals(const std::string& item, const std::string& actor, Date date, const std::function<void()>& body) {
    try {
        body();
    } catch (const RuleViolation& error) {
        note_refusal(LedgerRefusal{date, actor, item, error.rule_id(), error.what(), 1});
        throw;
    } catch (const PermissionDenied& error) {
        note_refusal(LedgerRefusal{date, actor, item, "permission", error.what(), 1});
        throw;
    }
}

void DualLedger::note_refusal(LedgerRefusal refusal) {
    if (!refusals_.empty()) {
        LedgerRefusal& last = refusals_.back();
        if (last.actor == refusal.actor && last.item == refusal.item && last.rule == refusal.rule && last.reason == refusal.reason) {
            ++last.count;  // the same attempt again: counted, not kept twice
            last.date = std::max(last.date, refusal.date);
            return;
        }
    }
    refusals_.push_back(std::move(refusal));
    trim_refusals();
}

void DualLedger::trim_refusals() noexcept {
    while (refusals_.size() > refusal_limit_) {
        refusals_dropped_ += refusals_.front().count;
        refusals_.pop_front();
    }
}

std::vector<LedgerRefusal> DualLedger::refusals() const { return {refusals_.begin(), refusals_.end()}; }

void DualLedger::set_refusal_limit(std::size_t limit) noexcept {
    refusal_limit_ = limit;
    trim_refusals();
}

// ---- gaps and overdue items -------------------------------------------------------------------------

std::vector<ProblemId> DualLedger::problems_without_measures() const {
    std::vector<ProblemId> out;
    for (const Problem& p : problems_) {
        if (p.measures.empty()) out.push_back(p.id);
    }
    return out;
}

std::vector<MeasureId> DualLedger::measures_without_problems() const {
    std::vector<MeasureId> out;
    for (const Measure& m : measures_) {
        if (m.problems.empty()) out.push_back(m.id);
    }
    return out;
}

std::vector<ProblemId> DualLedger::overdue_problems(Date on) const {
    std::vector<ProblemId> out;
    for (const Problem& p : problems_) {
        if (p.overdue(on)) out.push_back(p.id);
    }
    return out;
}

std::vector<MeasureId> DualLedger::overdue_measures(Date on) const {
    std::vector<MeasureId> out;
    for (const Measure& m : measures_) {
        if (m.overdue(on)) out.push_back(m.id);
    }
    return out;
}

}  // namespace grassroots
