/// @file ledger.hpp
/// @brief The dual ledger (双台账): a problem ledger (突出问题整治台账) and a measure ledger
/// (工作措施落实台账), linked many-to-many, with 销号 (striking a problem off) only after every
/// linked measure is done and the result is verified.
///
/// The seed's city kept one for its "小马拉大车" campaign: 44 problems, 31 measures, "44 个问题全部销号".
/// Every change is an immutable LedgerEntry in the item's history (and in the ledger's journal,
/// numbered by `sequence`); a refused call throws and changes nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"

namespace grassroots {

class AutonomyChain;
class ConsultationMeeting;
class CaseEngine;
struct CaseIdTag;

struct ProblemIdTag;
/// @brief Dense id of a problem (问题) in one DualLedger.
using ProblemId = StrongId<ProblemIdTag>;
struct MeasureIdTag;
/// @brief Dense id of a measure (措施) in one DualLedger.
using MeasureId = StrongId<MeasureIdTag>;

/// @brief The unit that owns an item (责任单位): a division code, a department name, or both.
struct OwnerUnit {
    std::optional<DivisionCode> division{};  ///< The territorial unit, if any (e.g. 370502 东营区).
    std::string department{};                ///< The department, if any (e.g. "市民政局").
    /// @brief "370502 市民政局", "370502" or "市民政局" ("" when neither is set).
    [[nodiscard]] std::string to_string() const;
    /// @brief Units compare member by member.
    friend bool operator==(const OwnerUnit&, const OwnerUnit&) = default;
    /// @brief Units order by division (none first), then department.
    friend auto operator<=>(const OwnerUnit&, const OwnerUnit&) = default;
};

/// @brief Status of a problem.
enum class ProblemStatus : std::uint8_t {
    open,        ///< 整改中: being rectified (new, reopened, or its verification failed or lapsed)
    verified,    ///< 已核查: every linked measure done and the result verified; ready for 销号
    struck_off,  ///< 已销号: struck off the ledger
};
/// @brief Every ProblemStatus with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<ProblemStatus>> enum_names(ProblemStatus) noexcept;
/// @brief "open", "verified" or "struck_off".
[[nodiscard]] std::string_view to_string(ProblemStatus status) noexcept;
/// @brief 整改中, 已核查 or 已销号.
[[nodiscard]] std::string_view chinese_name(ProblemStatus status) noexcept;
/// @brief The status named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] ProblemStatus parse_problem_status(std::string_view text);

/// @brief Status of a measure.
enum class MeasureStatus : std::uint8_t {
    open,         ///< 未启动: planned, not started
    in_progress,  ///< 推进中: being carried out (or reopened)
    done,         ///< 已完成: carried out
};
/// @brief Every MeasureStatus with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<MeasureStatus>> enum_names(MeasureStatus) noexcept;
/// @brief "open", "in_progress" or "done".
[[nodiscard]] std::string_view to_string(MeasureStatus status) noexcept;
/// @brief 未启动, 推进中 or 已完成.
[[nodiscard]] std::string_view chinese_name(MeasureStatus status) noexcept;
/// @brief The status named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] MeasureStatus parse_measure_status(std::string_view text);

/// @brief What a history entry records.
enum class LedgerAction : std::uint8_t {
    created,     ///< 登记: the item was entered
    linked,      ///< 关联: a problem and a measure were linked
    unlinked,    ///< 取消关联: a link was removed
    started,     ///< 启动: a measure was started
    completed,   ///< 完成: a measure was done
    reopened,    ///< 重新打开: a done measure or a struck-off problem was reopened
    verified,    ///< 核查通过: the result was verified
    rejected,    ///< 核查未通过: verification failed; the problem stays open
    unverified,  ///< 核查失效: a verified problem's measures changed, so it is open again (automatic)
    struck_off,  ///< 销号: the problem was struck off
};
/// @brief Every LedgerAction with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<LedgerAction>> enum_names(LedgerAction) noexcept;
/// @brief "created", "linked", … , "struck_off".
[[nodiscard]] std::string_view to_string(LedgerAction action) noexcept;
/// @brief 登记, 关联, 取消关联, 启动, 完成, 重新打开, 核查通过, 核查未通过, 核查失效 or 销号.
[[nodiscard]] std::string_view chinese_name(LedgerAction action) noexcept;
/// @brief The action named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] LedgerAction parse_ledger_action(std::string_view text);

/// @brief Where a problem came from.
enum class ProblemSourceKind : std::uint8_t {
    direct,         ///< 直接登记: entered directly (research, inspection, a leader's instruction)
    consultation,   ///< 协商议事: a decision of a consultation meeting
    workflow_case,  ///< 案件: a case of the case engine (written "case")
};
/// @brief Every ProblemSourceKind with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<ProblemSourceKind>> enum_names(ProblemSourceKind) noexcept;
/// @brief "direct", "consultation" or "case".
[[nodiscard]] std::string_view to_string(ProblemSourceKind kind) noexcept;
/// @brief 直接登记, 协商议事 or 案件.
[[nodiscard]] std::string_view chinese_name(ProblemSourceKind kind) noexcept;
/// @brief The kind named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] ProblemSourceKind parse_problem_source_kind(std::string_view text);

/// @brief The source of a problem: its kind and a reference (a case number, a meeting decision).
struct ProblemSource {
    ProblemSourceKind kind = ProblemSourceKind::direct;  ///< Kind of source.
    std::string reference{};  ///< "C000012" for a case; "<unit>/<date>/<topic>#<decision>" for a decision; free text for direct.
    /// @brief Sources compare member by member.
    friend bool operator==(const ProblemSource&, const ProblemSource&) = default;
};

/// @brief One immutable history entry of a problem or a measure.
struct LedgerEntry {
    std::uint64_t sequence = 0;                 ///< Position in the ledger's journal (a link has one sequence in both items).
    Date date{};                                ///< When.
    LedgerAction action = LedgerAction::created;  ///< What happened.
    std::string actor{};                          ///< Who did it.
    std::string note{};                           ///< Free text.
    std::string other{};                          ///< Number of the other item (linked, unlinked, unverified), else "".
    /// @brief Entries compare member by member.
    friend bool operator==(const LedgerEntry&, const LedgerEntry&) = default;
};

/// @brief A refused attempt on the ledger (PermissionDenied or RuleViolation): the trace it leaves.
///
/// The same attempt repeated (same actor, item, rule and reason, one after another) is kept once with
/// a count, so a script retrying a refused call does not grow the ledger.
struct LedgerRefusal {
    Date date{};              ///< Date of the latest such attempt.
    std::string actor{};      ///< Who tried (normalised).
    std::string item{};       ///< Number of the problem or measure ("P0001").
    std::string rule{};       ///< The rule id of the RuleViolation, or "permission" for PermissionDenied.
    std::string reason{};     ///< The error's message.
    std::uint64_t count = 1;  ///< How many attempts in a row this entry stands for.
    /// @brief Refusals compare member by member.
    friend bool operator==(const LedgerRefusal&, const LedgerRefusal&) = default;
};

/// @brief A problem of the problem ledger (问题台账).
struct Problem {
    ProblemId id{};                                 ///< Dense id.
    std::string number{};                           ///< Unique number ("P0001" unless given).
    std::string title{};                            ///< What the problem is.
    OwnerUnit owner{};                              ///< Who must solve it.
    Date raised{};                                ///< When it was entered.
    Date due{};                                   ///< When it must be struck off.
    ProblemStatus status = ProblemStatus::open;   ///< Current status.
    ProblemSource source{};                         ///< Where it came from.
    std::vector<MeasureId> measures{};              ///< Linked measures, in link order.
    std::vector<LedgerEntry> history{};             ///< Every change, oldest first.
    std::optional<Date> struck_off_on{};            ///< Last 销号 (kept after a reopen).
    int reopens = 0;                              ///< Times reopened after 销号.
    /// @brief Not struck off and due before @p on.
    [[nodiscard]] bool overdue(Date on) const noexcept;
    /// @brief Struck off at the end of day @p on, by its history.
    [[nodiscard]] bool struck_off_as_of(Date on) const noexcept;
};

/// @brief A measure of the measure ledger (措施台账).
struct Measure {
    MeasureId id{};                                ///< Dense id.
    std::string number{};                          ///< Unique number ("M0001" unless given).
    std::string title{};                           ///< What is to be done.
    OwnerUnit owner{};                             ///< Who carries it out.
    std::string responsible{};                     ///< The person answering for it (责任人), "" if not named.
    Date created{};                              ///< When it was entered.
    Date due{};                                  ///< When it must be done.
    MeasureStatus status = MeasureStatus::open;  ///< Current status.
    std::vector<ProblemId> problems{};             ///< Linked problems, in link order.
    std::vector<LedgerEntry> history{};            ///< Every change, oldest first.
    std::optional<Date> completed_on{};            ///< When it was last done (kept after a reopen).
    std::string completed_by{};                    ///< Who last marked it done.
    /// @brief Not done and due before @p on.
    [[nodiscard]] bool overdue(Date on) const noexcept;
    /// @brief Done at the end of day @p on, by its history.
    [[nodiscard]] bool done_as_of(Date on) const noexcept;
};

/// @brief What a problem raised from a case keeps of it (raise_from_case() reads it off a CaseEngine).
struct CaseSource {
    std::string number{};       ///< Case number ("C000001").
    DivisionCode unit;          ///< Where the case is (its resolved division).
    Date filed{};             ///< Day it was filed (China Standard Time).
    std::string matter{};       ///< Matter key ("event:0502").
    std::string description{};  ///< What the reporter wrote.
    std::string state{};        ///< Current state id.
    std::string primary{};      ///< Assigned primary unit ("" when not routed).
};

/// @brief What add_problem() needs.
struct ProblemInput {
    std::string title{};      ///< What the problem is (required).
    OwnerUnit owner{};        ///< Division and/or department (at least one).
    Date raised{};          ///< When it is entered.
    Date due{};             ///< When it must be struck off (not before @p raised).
    std::string actor{};      ///< Who enters it (required).
    std::string number{};     ///< Its number; "" = "P" + 4 digits of the next id.
    std::string note{};       ///< Note of the `created` entry.
    ProblemSource source{};   ///< Where it came from; a consultation or case reference may be raised once.
};

/// @brief What add_measure() needs.
struct MeasureInput {
    std::string title{};        ///< What is to be done (required).
    OwnerUnit owner{};          ///< Division and/or department (at least one).
    std::string responsible{};  ///< The person answering for it (may not verify problems it serves).
    Date created{};           ///< When it is entered.
    Date due{};               ///< When it must be done (not before @p created).
    std::string actor{};        ///< Who enters it (required).
    std::string number{};       ///< Its number; "" = "M" + 4 digits of the next id.
    std::string note{};         ///< Note of the `created` entry.
};

/// @brief One row of a ledger report: the counts of one owner unit over a period.
struct LedgerReportRow {
    OwnerUnit unit{};            ///< The owner unit (rolled up when asked).
    int problems = 0;          ///< Problems raised on or before the period's end.
    int raised = 0;            ///< Problems raised within the period.
    int open = 0;              ///< Problems not struck off at the end of the period.
    int overdue = 0;           ///< Of those open, due before the period's last day.
    int struck_off = 0;        ///< Problems struck off within the period (each counted once).
    int reopened = 0;          ///< Reopen entries of problems within the period.
    int measures = 0;          ///< Measures created on or before the period's end.
    int measures_open = 0;     ///< Measures not done at the end of the period.
    int measures_overdue = 0;  ///< Of those, due before the period's last day.
    int measures_done = 0;     ///< Measures completed within the period (each counted once).
    /// @brief Rows compare member by member.
    friend bool operator==(const LedgerReportRow&, const LedgerReportRow&) = default;
};

/// @brief Open / overdue / struck-off counts per owner unit over a period [from, to].
struct LedgerReport {
    Date from{};                        ///< First day of the period.
    Date to{};                          ///< Last day of the period ("at the end" means the end of this day).
    std::vector<LedgerReportRow> rows{};  ///< One per owner unit, in OwnerUnit order.
    LedgerReportRow total;              ///< The sums (unit empty).
};

/// @brief The dual ledger (双台账): problems and measures linked many-to-many, with 销号.
///
/// Rules (rule ids in RuleViolation):
/// - `ledger.strike_off.measures`: a problem is struck off only when it has linked measures and
///   every one is done (the error names the blocking measures);
/// - `ledger.strike_off.verified`: … and its result was verified after they were done;
/// - `ledger.verify.measures`: verification needs linked measures, all done;
/// - `ledger.struck_off`: a struck-off problem takes no links, verification or second 销号, and
///   its measures cannot be reopened, until it is reopened (reopen_problem(), recorded);
/// - `ledger.problem.status`: only a struck-off problem can be reopened;
/// - `ledger.measure.status`: start open → in_progress; complete open/in_progress → done;
///   reopen done → in_progress.
///
/// A verifier may not be the responsible person nor the closer of any linked measure
/// (PermissionDenied). Actors and responsible persons are normalised where they enter
/// (normalize_identifier), so "张三 " and "张三\u3000" are the same person. Reopening a linked measure, or linking or unlinking one, sends a verified
/// problem back to open (an automatic `unverified` entry). Unknown ids throw NotFound; an empty
/// actor or title, an invalid date, a due date before creation, a date before an item's latest
/// entry, or linking twice throw InvalidInput. Nothing changes when a call throws, except that a
/// refused attempt (PermissionDenied, RuleViolation) leaves a trace in refusals(): at most
/// refusal_limit() entries (default 1000, configurable; older ones are dropped and counted), with
/// repeats of the same attempt merged into one entry. The trace is not written by write_csv().
class DualLedger {
public:
    /// @brief Enters a problem; throws InvalidInput (empty title or actor, no owner, due before
    /// raised, repeated number or source reference). Returns its id.
    ProblemId add_problem(ProblemInput input);
    /// @brief Enters a measure; throws InvalidInput like add_problem(). Returns its id.
    MeasureId add_measure(MeasureInput input);
    /// @brief Links @p problem and @p measure on @p date (recorded in both histories).
    void link(ProblemId problem, MeasureId measure, Date date, std::string actor, std::string note = {});
    /// @brief Removes the link (recorded in both histories); InvalidInput when they are not linked.
    void unlink(ProblemId problem, MeasureId measure, Date date, std::string actor, std::string note = {});
    /// @brief Starts a measure (open → in_progress).
    void start(MeasureId measure, Date date, std::string actor, std::string note = {});
    /// @brief Marks a measure done (open or in_progress → done); @p actor is its closer.
    void complete(MeasureId measure, Date date, std::string actor, std::string note = {});
    /// @brief Reopens a done measure (→ in_progress); verified problems it serves become open.
    void reopen_measure(MeasureId measure, Date date, std::string actor, std::string note = {});
    /// @brief Records the verification (核查) of a problem's result by @p actor: passed → verified,
    /// failed → stays open (a `rejected` entry). Throws RuleViolation (`ledger.verify.measures`,
    /// `ledger.struck_off`), PermissionDenied (the verifier is a linked measure's responsible
    /// person or closer) or InvalidInput (a date before a measure was done).
    void verify(ProblemId problem, Date date, std::string actor, bool passed, std::string note = {});
    /// @brief Strikes a verified problem off (销号); RuleViolation naming the blocking measures otherwise.
    void strike_off(ProblemId problem, Date date, std::string actor, std::string note = {});
    /// @brief Reopens a struck-off problem (→ open; recorded, counted in Problem::reopens).
    void reopen_problem(ProblemId problem, Date date, std::string actor, std::string note = {});

    /// @brief Raises a problem from decision @p decision of @p meeting held in @p chain: its text,
    /// due date, the chain's unit (and @p department) as owner; source consultation. Throws NotFound
    /// (no such decision, owner not in the chain), InvalidInput (raised before the meeting or after
    /// the decision's due date, a cancelled decision, a decision raised before).
    ProblemId raise_from_decision(const AutonomyChain& chain, const ConsultationMeeting& meeting, std::size_t decision,
                                  Date raised, std::string actor, std::string department = {});
    /// @brief Raises a problem from case @p id of @p engine: its description (or @p title), its
    /// unit and assigned primary unit as owner, due @p due; source case (the case number). Throws
    /// NotFound or InvalidInput (raised before the case was filed, a case raised before).
    ProblemId raise_from_case(const CaseEngine& engine, StrongId<CaseIdTag> id, Date raised, Date due,
                              std::string actor, std::string title = {});
    /// @brief Raises a problem from a case described by @p source (as the engine overload does).
    ProblemId raise_from_case(const CaseSource& source, Date raised, Date due, std::string actor, std::string title = {});

    /// @brief The problem @p id; throws NotFound.
    [[nodiscard]] const Problem& problem(ProblemId id) const;
    /// @brief The measure @p id; throws NotFound.
    [[nodiscard]] const Measure& measure(MeasureId id) const;
    /// @brief All problems, by id.
    [[nodiscard]] std::span<const Problem> problems() const noexcept { return problems_; }
    /// @brief All measures, by id.
    [[nodiscard]] std::span<const Measure> measures() const noexcept { return measures_; }
    /// @brief The problem numbered @p number; throws NotFound.
    [[nodiscard]] ProblemId find_problem(std::string_view number) const;
    /// @brief The measure numbered @p number; throws NotFound.
    [[nodiscard]] MeasureId find_measure(std::string_view number) const;

    /// @brief The refused attempts kept, oldest first (see LedgerRefusal).
    [[nodiscard]] std::vector<LedgerRefusal> refusals() const;
    /// @brief Number of refused attempts dropped from refusals() to keep it within the limit.
    [[nodiscard]] std::uint64_t refusals_dropped() const noexcept { return refusals_dropped_; }
    /// @brief At most how many refusal entries are kept (default 1000).
    [[nodiscard]] std::size_t refusal_limit() const noexcept { return refusal_limit_; }
    /// @brief Sets the limit; entries beyond it are dropped at once, oldest first (0 keeps only the count).
    void set_refusal_limit(std::size_t limit) noexcept;

    /// @brief Linked measures of @p problem that are not done.
    [[nodiscard]] std::vector<MeasureId> blocking_measures(ProblemId problem) const;
    /// @brief Problems with no linked measure.
    [[nodiscard]] std::vector<ProblemId> problems_without_measures() const;
    /// @brief Measures linked to no problem.
    [[nodiscard]] std::vector<MeasureId> measures_without_problems() const;
    /// @brief Problems overdue on @p on.
    [[nodiscard]] std::vector<ProblemId> overdue_problems(Date on) const;
    /// @brief Measures overdue on @p on.
    [[nodiscard]] std::vector<MeasureId> overdue_measures(Date on) const;
    /// @brief Counts per owner unit over [@p from, @p to], from the histories (so past periods
    /// report what was true then). With @p roll_up, division codes below that level are replaced by
    /// their ancestor at it and the department is dropped. Throws InvalidInput when from > to.
    [[nodiscard]] LedgerReport report(Date from, Date to, std::optional<Level> roll_up = std::nullopt) const;

    /// @brief problems.csv: number,title,division,department,raised,due,source_kind,source_reference,status.
    [[nodiscard]] std::string problems_csv() const;
    /// @brief measures.csv: number,title,division,department,responsible,created,due,status.
    [[nodiscard]] std::string measures_csv() const;
    /// @brief links.csv: problem,measure,date,actor (current links, with when they were made).
    [[nodiscard]] std::string links_csv() const;
    /// @brief history.csv: sequence,ledger,item,date,action,actor,note,other — the journal in order
    /// (a link once, from the problem's side).
    [[nodiscard]] std::string history_csv() const;
    /// @brief Reads the four tables back. Without @p history, items are created on their dates by
    /// "import" and linked by links.csv (every status starts open). With it, the journal is replayed
    /// through the rules (`unverified` rows are recomputed), links.csv must equal the links it
    /// leaves, and the status columns must agree. Errors are InvalidInput naming the file, row and
    /// field; nothing is returned on error.
    [[nodiscard]] static DualLedger parse_csv(std::string_view problems, std::string_view measures,
                                              std::string_view links, std::string_view history = {});
    /// @brief parse_csv() of problems.csv, measures.csv, links.csv and history.csv (optional) in
    /// @p folder; throws FileError when a required file cannot be read.
    [[nodiscard]] static DualLedger read_csv(const std::filesystem::path& folder);
    /// @brief Writes the four tables into @p folder (created if missing); throws FileError.
    void write_csv(const std::filesystem::path& folder) const;

private:
    Problem& problem_ref(ProblemId id);
    Measure& measure_ref(MeasureId id);
    static void unverify(Problem& problem, const LedgerEntry& cause, std::string_view why);
    /// Runs @p body; a RuleViolation or PermissionDenied it throws is noted (note_refusal) and rethrown.
    void record_refusals(const std::string& item, const std::string& actor, Date date, const std::function<void()>& body);
    void note_refusal(LedgerRefusal refusal);
    void trim_refusals() noexcept;
    std::deque<LedgerRefusal> refusals_;
    std::uint64_t refusals_dropped_ = 0;
    std::size_t refusal_limit_ = 1000;
    std::vector<Problem> problems_;
    std::vector<Measure> measures_;
    std::unordered_map<std::string, ProblemId> problem_numbers_;
    std::unordered_map<std::string, MeasureId> measure_numbers_;
    std::unordered_map<std::string, ProblemId> source_references_;  // consultation and case sources
    std::uint64_t next_sequence_ = 0;
};

}  // namespace grassroots
