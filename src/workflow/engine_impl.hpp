// Internal: the data of a CaseEngine, shared by engine.cpp (operations and the fold) and
// engine_io.cpp (JSON lines, Open311). Not installed.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "grassroots/workflow/engine.hpp"

namespace grassroots::detail {

/// A definition with its names resolved to indices for the hot path.
struct CompiledLoop {
    const WorkflowDefinition* definition = nullptr;
    std::vector<std::vector<std::uint16_t>> outgoing;          // per state: transition indices
    std::vector<std::vector<std::uint16_t>> transition_roles;  // per transition: role indices
    std::vector<std::uint16_t> targets;                        // per transition: target state index
    std::vector<std::uint8_t> action_mask;                     // per state: bit 0 urge, 1 notify, 2 escalate
    std::vector<std::uint8_t> handling;                        // per state: 1 when a Duty::handle transition leaves it
    std::uint16_t initial = 0;
    std::uint16_t reopen_to = 0;
    bool has_verification = false;
};

/// Text (the note; for a refused event the reason), fields and routing result of one event
/// (only events that have any). Kept small: assignments live in their own table.
struct EventDetail {
    std::string text;
    std::vector<Field> fields;
    std::uint32_t assignment = Event::no_detail;  // index into CaseEngine::Impl::assignments
};

/// What an opened event fixed: the loop and the resolved place.
struct Opening {
    std::uint16_t loop;
    DivisionCode unit;
    std::string grid;
};

/// A pending deadline of one case; stale when the case's generation moved on.
struct Timer {
    Instant due;
    std::uint32_t case_index;
    std::uint32_t generation;
    friend bool operator>(const Timer& a, const Timer& b) noexcept {
        if (a.due != b.due) return a.due > b.due;
        return a.case_index > b.case_index;
    }
};

/// The due instant of the state an event enters (none when the state has no deadline), as the
/// operation computed it before recording (check_deadline), so that the fold does not compute it
/// again; replayed events come without one and the fold computes it itself.
struct EntryDue {
    std::optional<Instant> due;
};

inline constexpr std::uint8_t urge_bit = 1;
inline constexpr std::uint8_t notify_bit = 2;
inline constexpr std::uint8_t escalate_bit = 4;

}  // namespace grassroots::detail

namespace grassroots {

struct CaseEngine::Impl {
    Calendar calendar;
    EngineOptions options;
    WorkflowRegistry registry;
    std::vector<detail::CompiledLoop> loops;
    const DivisionTree* divisions = nullptr;
    const GridMap* grids = nullptr;
    MatterCatalogue catalogue;
    ResponsibilityList responsibilities;
    std::vector<Actor> actors;
    std::vector<std::vector<std::uint16_t>> actor_roles;  // per actor: role indices
    std::vector<std::uint8_t> actor_active;               // per actor: 1 until deactivated
    std::unordered_map<std::string, std::uint32_t> actor_index;
    std::vector<std::string> roles;
    std::unordered_map<std::string, std::uint16_t> role_index;
    std::vector<std::shared_ptr<EventSink>> sinks;
    bool replaying = false;             // replay() re-executes records: sinks are not called, deactivation is not checked
    std::size_t replay_unconfirmed = 0; // events a replay produced that no record has confirmed yet (ReplayEnd::more_follow)
    const EventRecord* replayed_opening = nullptr;  // the opened record replay() re-executes through open()
    const std::vector<Field>* attempted_fields = nullptr;  // the fields of the take() under way, kept with its refusal
    std::exception_ptr sink_error;      // first exception thrown by a sink during the current operation
    std::uint64_t unrecorded_refusals = 0;  // refusals past EngineOptions::recorded_refusals_per_case

    std::vector<CaseState> cases;
    std::vector<CaseInput> inputs;
    std::vector<detail::Opening> openings;
    std::vector<std::uint32_t> generations;
    std::vector<Event> events;
    std::vector<detail::EventDetail> details;
    std::vector<Assignment> assignments;
    std::priority_queue<detail::Timer, std::vector<detail::Timer>, std::greater<>> timers;

    Impl(Calendar cal, EngineOptions opts) : calendar(std::move(cal)), options(opts) {}

    // Names.
    std::uint16_t intern_role(const std::string& role);
    std::uint16_t compile(const WorkflowDefinition& definition);
    const detail::CompiledLoop& loop_of(std::uint32_t case_index) const { return loops[openings[case_index].loop]; }
    CaseState& case_at(CaseId id);
    const Actor& actor_at(ActorId id) const;
    /// actor_at(), refusing (RuleViolation, nothing recorded) a deactivated actor.
    const Actor& active_actor(ActorId id) const;
    /// The actor of an operation: active_actor(), but on replay actor_at() (the record does not say
    /// when an actor was deactivated; its past events stay valid).
    const Actor& acting(ActorId id) const;
    /// True when the engine has a jurisdiction (EngineOptions::jurisdiction or a division tree).
    bool has_jurisdiction() const noexcept;
    /// True when @p unit is in the engine's jurisdiction (false when it has none).
    bool in_jurisdiction(DivisionCode unit) const noexcept;
    /// Why @p actor may not act on @p what at @p unit (and @p grid): outside its scope (none = the
    /// jurisdiction) or grid; "" when it may.
    std::string place_refusal(const Actor& actor, DivisionCode unit, const std::string& grid, std::string_view what) const;
    /// Why @p reporter may not file a case of @p loop at @p unit / @p grid ("" when it may): it needs
    /// a role of the loop and the place in its scope, or resident_role and the place in the jurisdiction.
    std::string filing_refusal(ActorId reporter, const detail::CompiledLoop& loop, DivisionCode unit, const std::string& grid) const;
    /// Throws InvalidInput for an actor without roles or with an empty role.
    void check_roles(const Actor& actor) const;
    std::uint32_t add_detail(std::string text, std::vector<Field> fields = {}, std::optional<Assignment> assignment = std::nullopt);

    // The record: append() is the only way a case changes; apply() is the fold. @p due: the due
    // instant of the state the event enters, when the operation has computed it (check_deadline).
    const Event& append(Event event, const std::optional<detail::EntryDue>& due = std::nullopt);
    void apply(const Event& event, const std::optional<detail::EntryDue>& due = std::nullopt);
    void enter_state(CaseState& state, std::uint16_t index, Instant at, const std::optional<detail::EntryDue>& due);
    void arm(CaseState& state);
    std::optional<Instant> due_in(const CaseState& state, std::uint16_t index, Instant from) const;
    /// The due instant of state @p index's deadline from @p at; throws NotFound when the calendar
    /// cannot compute it, before anything is recorded.
    detail::EntryDue check_deadline(const detail::CompiledLoop& loop, std::uint16_t index, Instant at) const;

    // Operations.
    /// The loop a case of @p input runs (the catalogue's for its matter unless it names one); on
    /// replay (@p recorded) the version the record names when the input names none.
    const WorkflowDefinition& loop_for(const CaseInput& input, const EventRecord* recorded) const;
    /// Where a case of @p input sits: its unit and grid (located in the grid map when set; on replay
    /// without a grid map, the recorded grid); checked against the division tree when set.
    std::pair<DivisionCode, std::string> place_of(const CaseInput& input, const EventRecord* recorded) const;
    /// Files a case (open() after its actor check); @p recorded: the opened record on replay.
    CaseId open_case(const CaseInput& input, ActorId reporter, Instant at, const EventRecord* recorded);
    void catch_up(std::uint32_t case_index, Instant at);
    std::size_t breach(std::uint32_t case_index);
    std::optional<Assignment> route(const CaseState& state, Rung from) const;
    [[noreturn]] void refuse_permission(CaseState& state, ActorId actor, Instant at, std::uint16_t transition, std::string reason);
    [[noreturn]] void refuse_rule(CaseState& state, ActorId actor, Instant at, std::uint16_t transition, std::string rule,
                                  std::string reason);
    void record_refusal(CaseState& state, ActorId actor, Instant at, std::uint16_t transition, const std::string& reason);
    void clear_cases() noexcept;

    // Replay (engine_replay.cpp).
    /// Re-runs the operation record @p r (line @p row) starts; returns the key to blame when the
    /// live engine refused it ("actor", "transition" or "fields"), else "".
    std::string_view reexecute(CaseEngine& engine, const EventRecord& r, std::size_t row);
    /// Fires the deadline of case @p id that record @p r (a 催办, 通知 or 督办) claims; throws
    /// InvalidInput unless one falls due exactly then.
    void fire_breach(CaseId id, const EventRecord& r, std::size_t row);
    void rethrow_sink_error();

    // The record out (engine_io.cpp).
    /// Throws InvalidInput unless @p event is an event of this engine.
    void check_own(const Event& event) const;
    /// The event spelled out; @p event must be one of this engine's events.
    EventView view(const Event& event) const noexcept;
};

}  // namespace grassroots
