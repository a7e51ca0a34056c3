/// @file case.hpp
/// @brief Cases, actors and the immutable events of the case engine.
///
/// A case's state (CaseState) is a fold of its events: the engine never changes a case except by
/// appending an event and applying it, and replaying the same events rebuilds the same states.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/instant.hpp"
#include "grassroots/core/point.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/workflow/routing.hpp"

namespace grassroots {

class WorkflowDefinition;

struct CaseIdTag;
/// @brief Dense id of a case in one CaseEngine (its number is "C" + the id + 1, zero-padded).
using CaseId = StrongId<CaseIdTag>;
struct ActorIdTag;
/// @brief Dense id of an actor in one CaseEngine; an invalid id is the engine's clock.
using ActorId = StrongId<ActorIdTag>;

/// @brief How urgent a case is.
enum class Priority : std::uint8_t {
    low,     ///< 低
    normal,  ///< 一般
    high,    ///< 较急
    urgent,  ///< 紧急
};
/// @brief The names of every priority (低, 一般, 较急, 紧急), in value order.
[[nodiscard]] std::span<const EnumName<Priority>> enum_names(Priority) noexcept;
/// @brief "low", "normal", "high" or "urgent".
[[nodiscard]] std::string_view to_string(Priority priority) noexcept;
/// @brief 低, 一般, 较急 or 紧急.
[[nodiscard]] std::string_view chinese_name(Priority priority) noexcept;
/// @brief The priority named by to_string(); throws InvalidInput.
[[nodiscard]] Priority parse_priority(std::string_view text);

/// @brief Metadata of a file attached to a case (the file itself lives elsewhere).
struct Attachment {
    std::string name;        ///< File name ("photo-1.jpg").
    std::string media_type;  ///< e.g. "image/jpeg".
    std::int64_t bytes = 0;  ///< Size.
    std::string url;         ///< Where it is stored.
    /// @brief Attachments compare member by member.
    friend bool operator==(const Attachment&, const Attachment&) = default;
};

/// @brief A named value given with a transition (e.g. "reason", "rating").
struct Field {
    std::string name;   ///< Field name, as in TransitionDefinition::required_fields.
    std::string value;  ///< Its value.
    /// @brief Fields compare member by member.
    friend bool operator==(const Field&, const Field&) = default;
};

/// @brief What a reporter files: the matter, where, what and how urgent.
///
/// The location is a point (located in the engine's grid map) or a division code, or both; the
/// engine resolves it to a unit and, when a grid contains the point, a grid.
struct CaseInput {
    std::string matter;                 ///< Matter key ("event:0102"); must be in the catalogue if one is set.
    std::string workflow;               ///< Loop id; "" = the matter type's loop.
    int workflow_version = 0;           ///< Version; 0 = the latest.
    std::optional<Point> point;         ///< Where (longitude/latitude), if known.
    std::optional<DivisionCode> unit;   ///< The division it is in, if no grid map locates the point.
    std::string address;                ///< Address in words.
    std::string owner;                  ///< A component's owner, if known ("" = the type's default).
    std::string description;            ///< What is wrong.
    Priority priority = Priority::normal;  ///< How urgent.
    std::vector<Attachment> attachments;   ///< Photos and documents.
    /// @brief Inputs compare member by member.
    friend bool operator==(const CaseInput&, const CaseInput&) = default;
};

/// @brief The role of residents and other public reporters (群众): may file a case anywhere in the
/// engine's jurisdiction (EngineOptions::jurisdiction), whatever the loop; takes transitions only where
/// a loop names it.
inline constexpr std::string_view resident_role = "resident";

/// @brief An account acting on cases (a person in one post, or an office): roles, a scope in the
/// ladder, and the person behind it.
///
/// The engine normalises id, person, roles, grid and unit where they enter (normalize_identifier:
/// NFKC, trimmed; control and bidi characters refused), so "dp-1 " and "ｄｐ－１" are "dp-1".
struct Actor {
    std::string id;                      ///< Unique id ("wg-0001").
    std::string name;                    ///< Display name.
    std::vector<std::string> roles;      ///< Roles held ("grid_worker", "department", …).
    std::optional<DivisionCode> scope;   ///< Acts on cases in this unit's subtree; none = the engine's jurisdiction (refused when it has none).
    std::string grid;                    ///< Grid code a grid worker is limited to ("" = not limited).
    std::string unit;                    ///< Department or unit the actor works for ("" = none).
    std::string person{};                ///< Stable id of the person behind the account ("" = the actor id); separation of duties compares persons.
    /// @brief Actors compare member by member.
    friend bool operator==(const Actor&, const Actor&) = default;
};

/// @brief What an event records.
enum class EventKind : std::uint8_t {
    opened,      ///< The case was filed.
    transition,  ///< A transition was taken.
    refused,     ///< An attempt was refused (permission or rule); nothing else changed.
    assigned,    ///< Routed to its primary and cooperating units (派遣).
    escalated,   ///< 督办: deadline breached, moved one rung up the ladder.
    urged,       ///< 催办: deadline breached, the handler was urged.
    notified,    ///< 通知: deadline breached, the parties were notified.
    reopened,    ///< Reopened by its reporter.
};
/// @brief The names of every event kind (立案 … 重新打开), in value order.
[[nodiscard]] std::span<const EnumName<EventKind>> enum_names(EventKind) noexcept;
/// @brief "opened", "transition", "refused", … .
[[nodiscard]] std::string_view to_string(EventKind kind) noexcept;
/// @brief 立案, 流转, 拒绝, 派遣, 督办, 催办, 通知 or 重新打开.
[[nodiscard]] std::string_view chinese_name(EventKind kind) noexcept;
/// @brief The kind named by to_string(); throws InvalidInput.
[[nodiscard]] EventKind parse_event_kind(std::string_view text);

/// @brief One immutable event, compact (names are indices; CaseEngine::describe() spells them out).
struct Event {
    static constexpr std::uint16_t none = 0xFFFF;      ///< No state / transition / role.
    static constexpr std::uint32_t no_detail = 0xFFFFFFFF;  ///< No detail record.
    std::uint64_t sequence = 0;        ///< Position in the engine's stream, from 0.
    Instant at{};                      ///< When.
    CaseId case_id;                    ///< Which case.
    ActorId actor;                     ///< Who (invalid = the engine's clock).
    std::uint32_t previous = no_detail;  ///< Index of the case's previous event (no_detail for the first).
    std::uint32_t detail = no_detail;  ///< Index of the note/fields/reason/assignment record.
    std::uint16_t from = none;         ///< State index before.
    std::uint16_t to = none;           ///< State index after.
    std::uint16_t transition = none;   ///< Transition index, if any.
    std::uint16_t role = none;         ///< Index of the role the actor acted in (CaseEngine::role_name).
    EventKind kind = EventKind::opened;  ///< What happened.
    Rung rung = Rung::community;       ///< Rung of the case after the event.
    /// @brief Events compare member by member.
    friend bool operator==(const Event&, const Event&) = default;
};

/// @brief An event spelled out with names: what JSON lines and pandas carry, and what replay reads.
struct EventRecord {
    std::uint64_t sequence = 0;         ///< Position in the stream.
    std::string case_number;            ///< "C000001".
    EventKind kind = EventKind::opened; ///< What happened.
    Instant at{};                       ///< When.
    std::string actor;                  ///< Actor id ("" = the clock).
    std::string role;                   ///< Role acted in.
    std::string from;                   ///< State id before ("" if none).
    std::string to;                     ///< State id after.
    std::string transition;             ///< Transition id ("" if none).
    Rung rung = Rung::community;        ///< Rung after the event.
    std::string note;                   ///< Free text.
    std::vector<Field> fields;          ///< Fields given with a transition.
    std::string reason;                 ///< Why an attempt was refused.
    std::optional<Assignment> assignment;  ///< Routing result (assigned, escalated).
    std::optional<CaseInput> input;     ///< The filed case (opened).
    std::string workflow;               ///< Loop id (opened).
    int workflow_version = 0;           ///< Loop version (opened).
    std::string unit;                   ///< Resolved division code (opened).
    std::string grid;                   ///< Resolved grid code (opened; "" if none).
    /// @brief Records compare member by member.
    friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

/// @brief One event as the engine hands it to an EventSink: self-describing and immutable, with
/// names instead of indices and no way back into the engine.
///
/// The text, the fields, the assignment and the input are views of what the engine owns: valid
/// while the sink's on_event() runs (or, for CaseEngine::view(), until the engine next changes).
/// to_record() makes an owning copy to keep.
struct EventView {
    /// @brief A view of event @p sequence of case @p case_id; the engine fills in the rest.
    EventView(std::uint64_t sequence, CaseId case_id) noexcept;

    std::uint64_t sequence = 0;              ///< Position in the engine's stream, from 0.
    EventKind kind = EventKind::opened;      ///< What happened.
    Instant at{};                            ///< When.
    std::string_view actor;                  ///< Actor id ("" = the engine's clock).
    std::string_view role;                   ///< Role acted in ("" if none).
    std::string_view from;                   ///< State id before ("" if none).
    std::string_view to;                     ///< State id after ("" if none).
    std::string_view transition;             ///< Transition id ("" if none).
    Rung rung = Rung::community;             ///< Rung of the case after the event.
    std::string_view note;                   ///< Free text ("" if none).
    std::span<const Field> fields;           ///< Fields given with a transition, in order.
    std::string_view reason;                 ///< Why an attempt was refused ("" if it was not).
    const Assignment* assignment = nullptr;  ///< Routing result (assigned, escalated), or null.
    const CaseInput* input = nullptr;        ///< The filed case (opened), or null.
    std::string_view workflow;               ///< Loop id (opened; "" otherwise).
    int workflow_version = 0;                ///< Loop version (opened; 0 otherwise).
    std::optional<DivisionCode> unit;        ///< Resolved division (opened; none otherwise).
    std::string_view grid;                   ///< Resolved grid code (opened; "" if none).

    /// @brief The case's number, "C000001" (held by the view itself).
    [[nodiscard]] std::string_view case_number() const noexcept { return {number_.data(), number_length_}; }
    /// @brief An owning copy: the EventRecord that CaseEngine::describe() gives for the event.
    [[nodiscard]] EventRecord to_record() const;

private:
    std::array<char, 24> number_{};
    std::size_t number_length_ = 0;
};

/// @brief The state of one case: the fold of its events (made by the engine only).
struct CaseState {
    /// @brief A new case @p case_id at @p where (the engine fills in the rest).
    CaseState(CaseId case_id, DivisionCode where) : id(case_id), unit(where) {}
    CaseId id;                                ///< The case.
    const WorkflowDefinition* definition = nullptr;  ///< Its loop and version (fixed at filing).
    std::uint16_t state = 0;                  ///< Index of the current state in the definition.
    bool closed = false;                      ///< True in a closed state.
    DivisionCode unit;                        ///< Where (village-level or higher division).
    std::string grid;                         ///< Grid code ("" if not located in a grid).
    std::string matter;                       ///< Matter key.
    Priority priority = Priority::normal;     ///< How urgent.
    ActorId reporter;                         ///< Who filed it (may reopen it).
    ActorId handler;                          ///< Last handler (Duty::handle).
    ActorId verifier;                         ///< Last verifier (Duty::verify).
    bool handled = false;                     ///< Handled since the last verification.
    bool verified = false;                    ///< Last verification passed and nothing handled since.
    Instant opened_at{};                      ///< Filed.
    Instant entered_at{};                     ///< Entered the current state.
    Instant updated_at{};                     ///< Last event.
    std::optional<Instant> clock_started;     ///< When the case clock started (first clock state).
    std::optional<Instant> due;               ///< When the current state's deadline falls due.
    std::optional<Instant> next_breach;       ///< Next timer (due, then re-armed after escalation).
    std::optional<Instant> closed_at;         ///< When it last closed.
    std::optional<Instant> handling_due;      ///< Due instant of the latest handling state (a state a Duty::handle transition leaves); kept after it.
    std::optional<Instant> handled_at;        ///< When it was last handled (Duty::handle).
    Rung rung = Rung::community;              ///< Rung of the ladder it sits on.
    Rung start_rung = Rung::community;        ///< Rung it was filed at.
    std::uint32_t assignment = 0xFFFFFFFF;    ///< Internal index of the current assignment (CaseEngine::assignment() reads it).
    int transitions = 0;                      ///< Transitions taken.
    int reworks = 0;                          ///< Failed verifications (返工).
    int escalations = 0;                      ///< 督办 events.
    int urges = 0;                            ///< 催办 events.
    int reopens = 0;                          ///< Times reopened.
    int refusals = 0;                         ///< Refused attempts.
    std::uint32_t last_event = 0;             ///< Index of its latest event.
    Instant last_event_at{};                  ///< Time of its latest event (refusals included).
    /// @brief States compare member by member, definitions by id and version.
    friend bool operator==(const CaseState& a, const CaseState& b);
};

}  // namespace grassroots
