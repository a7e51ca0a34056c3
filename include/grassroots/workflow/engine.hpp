/// @file engine.hpp
/// @brief The case engine: files cases, checks permissions and duties, takes transitions on the
/// working-day clock, escalates on breach, and records everything as immutable events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/calendar/deadline.hpp"
#include "grassroots/workflow/case.hpp"
#include "grassroots/workflow/definition.hpp"
#include "grassroots/workflow/matter.hpp"
#include "grassroots/workflow/routing.hpp"

namespace grassroots {

class CaseEngine;
class DivisionTree;
class GridMap;

/// @brief Receives every event as it is appended (a store persists them; a UI shows them).
///
/// A sink sees each event spelled out (EventView: names, no indices) and gets no engine, so it
/// never calls back into it.
class EventSink {
public:
    virtual ~EventSink() = default;
    /// @brief Called once per event, in order, after the event has been applied; @p event and what
    /// it views are valid during the call (EventView::to_record() keeps a copy). If it throws, the
    /// engine still completes the operation (all its events are recorded and sent to every sink)
    /// and then rethrows the first such exception.
    virtual void on_event(const EventView& event) = 0;
};

/// @brief Appends @p event as one JSON object on one line (no newline) to @p out: the line
/// CaseEngine::to_json_line() writes. Throws InvalidInput naming the event and key for text that
/// is not valid UTF-8, leaving @p out as it was.
void append_json_line(const EventView& event, std::string& out);

/// @brief A sink writing one JSON object per line (CaseEngine::to_json_line) to a stream.
///
/// Each line is serialised into a buffer the sink reuses (append_json_line) and written to the
/// stream with one call; the bytes are those of CaseEngine::to_json_lines().
class JsonLinesSink final : public EventSink {
public:
    /// @brief Writes to @p out, which must outlive the sink.
    explicit JsonLinesSink(std::ostream& out) : out_(&out) {}
    /// @brief Writes the event's JSON line and a newline.
    void on_event(const EventView& event) override;

private:
    std::ostream* out_;
    std::string line_;  // reused for every event
};

/// @brief Settings of a CaseEngine; the defaults are configurable, not verified local rules.
struct EngineOptions {
    /// @brief How long after closing the reporter may reopen a case (default 5 working days).
    Deadline reopen_window = Deadline::working_days(5);
    /// @brief Escalation stops at this rung (default county: grid → community → township → county).
    Rung top_rung = Rung::county;
    /// @brief Whether a dispatcher may send a case to a unit the responsibility list does not name
    /// (default false: such a dispatch is refused, `workflow.department-not-responsible`). When true,
    /// the case is assigned to the dispatcher's `department` and the assignment keeps the routed
    /// primary in Assignment::routed_primary.
    bool allow_dispatch_override = false;
    /// @brief The area the engine serves (e.g. a city): actors without a scope act in it, residents
    /// (resident_role) file anywhere in it, and a case outside it is refused. None = the division tree
    /// given to set_divisions() (all of it); with neither, an actor needs a scope to act.
    std::optional<DivisionCode> jurisdiction{};
    /// @brief Roles that may file a case of any loop in their scope, besides the roles a case's loop
    /// names (default grid_worker: 网格员 collect reports for every loop; a configurable default, not a
    /// verified rule). Residents file through resident_role.
    std::vector<std::string> filing_roles{"grid_worker"};
    /// @brief At most this many refused attempts are recorded per case (default 1000); later ones are
    /// refused all the same but only counted (CaseEngine::unrecorded_refusals()), so a script retrying a
    /// refused call cannot grow the record without bound (200,000 refusals once made 43 MB).
    std::uint32_t recorded_refusals_per_case = 1000;
};

/// @brief Whether the records handed to CaseEngine::replay() end the history or more follow.
enum class ReplayEnd : std::uint8_t {
    complete,     ///< The records end the history: one that stops inside an operation is refused.
    more_follow,  ///< More records follow in another call (a store reading in chunks).
};

/// @brief Runs cases through versioned closed-loop definitions.
///
/// Every change is an Event; a case's CaseState is the fold of its events (replay() rebuilds
/// identical states). Refused attempts are recorded as EventKind::refused events and then thrown
/// (PermissionDenied or RuleViolation); that event is the only change they make. Calls with unknown
/// ids or malformed input throw InvalidInput / NotFound and change nothing.
///
/// Not thread-safe; one engine per thread or external locking.
class CaseEngine {
public:
    /// @brief An engine on @p calendar (deadlines) with @p options.
    explicit CaseEngine(Calendar calendar, EngineOptions options = {});
    ~CaseEngine();                                   ///< Destroys the engine.
    CaseEngine(CaseEngine&&) noexcept;               ///< Moves.
    CaseEngine& operator=(CaseEngine&&) noexcept;    ///< Moves.
    CaseEngine(const CaseEngine&) = delete;
    CaseEngine& operator=(const CaseEngine&) = delete;

    // ---- setup ----
    /// @brief Registers a loop version (running cases keep theirs); throws InvalidInput if present.
    void add_workflow(WorkflowDefinition definition);
    /// @brief The registered loops.
    [[nodiscard]] const WorkflowRegistry& workflows() const noexcept;
    /// @brief Checks that filed division codes exist in @p tree (kept by pointer; nullptr = no check).
    void set_divisions(const DivisionTree* tree) noexcept;
    /// @brief Locates case points in @p grids (kept by pointer; nullptr = no grid lookup).
    void set_grid_map(const GridMap* grids) noexcept;
    /// @brief The matter catalogue; a responsibility list already set is validated against it.
    void set_catalogue(MatterCatalogue catalogue);
    /// @brief The catalogue.
    [[nodiscard]] const MatterCatalogue& catalogue() const noexcept;
    /// @brief The responsibility list used by Duty::dispatch transitions and escalation; validated
    /// against the catalogue (throws InvalidInput and keeps the old list on error).
    void set_responsibilities(ResponsibilityList list);
    /// @brief The responsibility list.
    [[nodiscard]] const ResponsibilityList& responsibilities() const noexcept;
    /// @brief Adds an actor, its id, person, roles, grid and unit normalised (normalize_identifier) and
    /// its person defaulting to its id; throws InvalidInput for an empty or duplicate id, no roles, or a
    /// control or bidi character in an identifier.
    ActorId add_actor(Actor actor);
    /// @brief The actor @p id; throws NotFound.
    [[nodiscard]] const Actor& actor(ActorId id) const;
    /// @brief The actor with string id @p id (normalised first: "dp-1 " finds "dp-1"), if any.
    [[nodiscard]] std::optional<ActorId> find_actor(std::string_view id) const noexcept;
    /// @brief Number of actors (deactivated ones included).
    [[nodiscard]] std::size_t actor_count() const noexcept;
    /// @brief Changes the actor with @p actor's id (name, roles, scope, grid, unit); later operations use
    /// the new roles and scope, past events are unchanged. Throws NotFound for an unknown id, InvalidInput
    /// for no roles or an empty role, RuleViolation (`workflow.actor-inactive`) for a deactivated actor;
    /// nothing changes on error.
    void change_actor(Actor actor);
    /// @brief Deactivates the actor @p id (离岗): every later operation by it is refused with RuleViolation
    /// (`workflow.actor-inactive`) and changes nothing; its past events stay valid (replay accepts them).
    /// Throws NotFound for an unknown id, RuleViolation when already deactivated.
    void deactivate_actor(ActorId id);
    /// @brief False once @p id is deactivated; throws NotFound.
    [[nodiscard]] bool is_active(ActorId id) const;
    /// @brief Adds a holiday-cn JSON notice (a year's published schedule) to the engine's calendar while it
    /// runs; later deadlines use it (deadlines already set are kept). All or nothing (Calendar::add_holiday_cn).
    void add_holiday_notice(std::string_view json, std::string_view source);
    /// @brief Adds a sink that receives every later event.
    void add_sink(std::shared_ptr<EventSink> sink);
    /// @brief Reserves room for @p cases cases and @p events events (avoids regrowth in bulk runs).
    void reserve(std::size_t cases, std::size_t events);
    /// @brief The options.
    [[nodiscard]] const EngineOptions& options() const noexcept;
    /// @brief The calendar.
    [[nodiscard]] const Calendar& calendar() const noexcept;

    // ---- operations ----
    /// @brief Files a case reported by @p reporter at @p at; throws InvalidInput naming the bad
    /// field (unknown matter or loop, unlocatable place, unknown division, a place outside the
    /// jurisdiction) or NotFound. PermissionDenied (nothing recorded: there is no case yet) unless the
    /// reporter holds a role of the case's loop or of EngineOptions::filing_roles and the place is in its
    /// scope (and grid), or holds
    /// resident_role and the place is in the jurisdiction.
    CaseId open(const CaseInput& input, ActorId reporter, Instant at);
    /// @brief Takes transition @p transition of case @p id as @p actor at @p at.
    ///
    /// Deadlines of the case that fell due before @p at are processed first. Refused (recorded,
    /// then thrown): PermissionDenied when the actor lacks a role, is outside the case's scope, is
    /// not of an assigned unit (handling) or is the person who handled the case (verification: persons are
    /// compared, so a second account of the handler is refused too); RuleViolation when the
    /// transition does not leave the current state, a required field is missing, or closing lacks a
    /// passed verification. InvalidInput (not recorded) when @p at is before the case's last event.
    void take(CaseId id, std::string_view transition, ActorId actor, Instant at, std::vector<Field> fields = {},
              std::string note = {});
    /// @brief Reopens a closed case; only its reporter, while it may still file the case there (roles and
    /// scope as open() checks them), within the reopen window (else refused and recorded:
    /// PermissionDenied / RuleViolation).
    void reopen(CaseId id, ActorId actor, Instant at, std::string note = {});
    /// @brief Processes, in time order, every timer whose due instant is before @p now (a deadline
    /// is breached only once its due instant has passed): 催办, 通知, then 督办 one rung up with
    /// re-routing and a re-armed timer. Returns the number of events recorded.
    std::size_t advance(Instant now);

    // ---- queries ----
    /// @brief Number of cases.
    [[nodiscard]] std::size_t size() const noexcept;
    /// @brief The state of case @p id; throws NotFound.
    [[nodiscard]] const CaseState& state(CaseId id) const;
    /// @brief All case states, by id.
    [[nodiscard]] std::span<const CaseState> cases() const noexcept;
    /// @brief What was filed for case @p id; throws NotFound.
    [[nodiscard]] const CaseInput& input(CaseId id) const;
    /// @brief "C000001" for id 0.
    [[nodiscard]] static std::string case_number(CaseId id);
    /// @brief The id of @p number; throws InvalidInput / NotFound.
    [[nodiscard]] CaseId find_case(std::string_view number) const;
    /// @brief The id a case number names ("C000001" → 0), whether or not such a case exists; throws
    /// InvalidInput for text that is not 'C' followed by digits, NotFound for a number past every id.
    [[nodiscard]] static CaseId parse_case_number(std::string_view number);
    /// @brief Id of the current state of case @p id.
    [[nodiscard]] const std::string& state_id(CaseId id) const;
    /// @brief The current assignment of case @p id, if routed.
    [[nodiscard]] std::optional<Assignment> assignment(CaseId id) const;
    /// @brief Ids of the transitions that leave the current state of case @p id.
    [[nodiscard]] std::vector<std::string> available(CaseId id) const;
    /// @brief Every event in order.
    [[nodiscard]] std::span<const Event> events() const noexcept;
    /// @brief The events of case @p id in order.
    [[nodiscard]] std::vector<const Event*> events_of(CaseId id) const;
    /// @brief A role name by index (Event::role).
    [[nodiscard]] const std::string& role_name(std::uint16_t role) const;
    /// @brief An event spelled out with names; throws InvalidInput for an event of another engine.
    [[nodiscard]] EventRecord describe(const Event& event) const;
    /// @brief An event as a sink sees it (its views valid until the engine next changes); throws
    /// InvalidInput for an event of another engine.
    [[nodiscard]] EventView view(const Event& event) const;
    /// @brief The open cases whose current assignment names @p unit (primary or cooperating), soonest
    /// deadline first (cases without a deadline last, then by id): a unit's work list.
    [[nodiscard]] std::vector<CaseId> work_list(std::string_view unit) const;
    /// @brief The open cases @p actor may act on now, soonest deadline first: in its scope (and grid),
    /// assigned to its unit when it has one, with a transition its roles allow. Empty for a deactivated actor.
    [[nodiscard]] std::vector<CaseId> work_list(ActorId actor) const;
    /// @brief The open cases whose next timer (CaseState::next_breach) falls before @p instant, soonest first:
    /// the cases advance(@p instant) acts on (an escalation re-arms a timer, so advance may act again later).
    [[nodiscard]] std::vector<CaseId> due_before(Instant instant) const;
    /// @brief The earliest pending timer of any case (when a server should next call advance), if any.
    [[nodiscard]] std::optional<Instant> next_timer() const;
    /// @brief Refused attempts not recorded because their case had EngineOptions::recorded_refusals_per_case
    /// refusals already (counted since this engine was made; not in the record, so not replayed).
    [[nodiscard]] std::uint64_t unrecorded_refusals() const noexcept;
    /// @brief Bytes held for cases, events and their details (approximate, capacity-based).
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

    // ---- the record ----
    /// @brief One event as a JSON object on one line (no newline); throws InvalidInput for an event
    /// of another engine or text that is not valid UTF-8.
    [[nodiscard]] std::string to_json_line(const Event& event) const;
    /// @brief Appends to_json_line(@p event) to @p out (no newline), for sinks that reuse a buffer;
    /// on error (as to_json_line) @p out is left as it was.
    void append_json_line(const Event& event, std::string& out) const;
    /// @brief Every event as JSON lines.
    [[nodiscard]] std::string to_json_lines() const;
    /// @brief Parses JSON lines written by to_json_lines(); errors name @p source, the line and the key.
    [[nodiscard]] static std::vector<EventRecord> parse_json_lines(std::string_view text, std::string_view source = "<text>");
    /// @brief Re-executes @p records on this engine, which must have the same loops, actors, lists
    /// and calendar and no cases yet — or exactly the events before the first record (its sequence
    /// is the number of events confirmed so far: continuing a replay or a restore()).
    ///
    /// Each record is re-run through the operation the live engine would have run (open, take,
    /// reopen, a deadline's breach) with the recorded actor, time, fields and note, and must equal
    /// the event that produces — refusals included, with the same reason. Anything the live engine
    /// could not have recorded (a role or scope it lacks, a verifier who handled, a dispatch the list
    /// does not route, a late handling without its 催办/督办, a 督办 before its due instant, a unit
    /// outside the division tree, a matter outside the catalogue …) throws InvalidInput naming the
    /// record (Location::row, 1-based within @p records) and the key, and leaves the engine without
    /// cases. With ReplayEnd::complete (the default) records that end inside an operation (a
    /// dispatch without its assignment, a breach cut short) are refused too; with
    /// ReplayEnd::more_follow the rest is expected from the next call.
    void replay(std::span<const EventRecord> records, ReplayEnd end = ReplayEnd::complete);
    /// @brief The snapshot format this build writes and reads (snapshot(), restore()).
    static constexpr std::uint32_t snapshot_format = 1;
    /// @brief The cases, inputs, events and their details as a compact binary snapshot (a cache, e.g.
    /// in the store; not an archive format): restore() on an engine with the same setup rebuilds them
    /// without replaying. The setup itself (loops, actors, lists, calendar) is not in it.
    [[nodiscard]] std::string snapshot() const;
    /// @brief Restores a snapshot() into this engine, which must have no cases and the same loops,
    /// actors and roles (registered in the same order) as the engine that wrote it. A snapshot of
    /// another format, truncated or inconsistent with the engine throws InvalidInput and leaves the
    /// engine without cases. replay() may continue after it.
    void restore(std::string_view snapshot);
    /// @brief Open311 GeoReport v2 service requests (a JSON array) for every case.
    ///
    /// expected_datetime is the due instant of the current state's deadline as first set (an
    /// escalation re-arms the timer, CaseState::next_breach, but does not move the promise).
    [[nodiscard]] std::string to_open311() const;
    /// @brief The Open311 service request of case @p id (one JSON object); throws NotFound.
    [[nodiscard]] std::string to_open311(CaseId id) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace grassroots
