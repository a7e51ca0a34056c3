/// @file definition.hpp
/// @brief Closed-loop workflow definitions as data: states, transitions, deadlines, a registry.
///
/// A WorkflowDefinition is validated when it is built: every state is reachable from the initial
/// state, every open state has a way out, closed states are final, and at least one closed state
/// can be reached. Definitions round-trip through JSON and render as Graphviz.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grassroots/calendar/deadline.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief What happens when a state's deadline is breached.
enum class BreachAction : std::uint8_t {
    escalate,  ///< 督办: escalate one rung up the hierarchy
    urge,      ///< 催办: urge the handler
    notify,    ///< 通知: notify the parties
};

/// @brief The names of every breach action (督办, 催办, 通知), in value order.
[[nodiscard]] std::span<const EnumName<BreachAction>> enum_names(BreachAction) noexcept;
/// @brief "escalate", "urge" or "notify".
[[nodiscard]] std::string_view to_string(BreachAction action) noexcept;
/// @brief 督办, 催办 or 通知.
[[nodiscard]] std::string_view chinese_name(BreachAction action) noexcept;

/// @brief The duty a transition performs, which the case engine uses for routing and separation
/// of duties.
enum class Duty : std::uint8_t {
    none,      ///< No special duty.
    dispatch,  ///< 派遣: routes the case to the unit responsible (responsibility list).
    handle,    ///< 处置: the actor becomes the case's handler.
    verify,    ///< 核查: verification; never by the handler. A rework transition is a failed one.
};

/// @brief The names of every duty (无, 派遣, 处置, 核查), in value order.
[[nodiscard]] std::span<const EnumName<Duty>> enum_names(Duty) noexcept;
/// @brief "none", "dispatch", "handle" or "verify".
[[nodiscard]] std::string_view to_string(Duty duty) noexcept;
/// @brief 无, 派遣, 处置 or 核查.
[[nodiscard]] std::string_view chinese_name(Duty duty) noexcept;

/// @brief One state of a closed loop.
struct StateDefinition {
    std::string id;                        ///< Stable identifier ("dispatch").
    std::string name;                      ///< Display name ("任务派遣").
    bool closed = false;                   ///< True for final states; they have no way out.
    std::optional<Deadline> deadline;      ///< Time allowed in this state, if limited.
    std::vector<BreachAction> on_breach;   ///< Actions taken when the deadline is breached.
    bool starts_clock = false;             ///< True when entering this state starts the case clock.

    /// @brief States compare member by member.
    friend bool operator==(const StateDefinition&, const StateDefinition&) = default;
};

/// @brief An allowed move from one state to another and who may take it.
struct TransitionDefinition {
    std::string id;                           ///< Stable identifier ("dispatch").
    std::string from;                         ///< Id of the source state.
    std::string to;                           ///< Id of the target state.
    std::vector<std::string> roles;           ///< Roles allowed to take the transition (at least one).
    std::vector<std::string> required_fields; ///< Fields the actor must fill in.
    bool rework = false;                      ///< True when the move sends work back (返工).
    Duty duty = Duty::none;                   ///< What the move does for routing and separation of duties.

    /// @brief Transitions compare member by member.
    friend bool operator==(const TransitionDefinition&, const TransitionDefinition&) = default;
};

/// @brief A validated, versioned closed-loop definition.
class WorkflowDefinition {
public:
    /// @brief Builds and validates a definition; throws InvalidInput naming the first problem.
    ///
    /// @p reopen_to is the open state a reopened case returns to; empty means the first state that
    /// starts the clock, else the initial state.
    WorkflowDefinition(std::string id, int version, std::string title, std::string initial,
                       std::vector<StateDefinition> states, std::vector<TransitionDefinition> transitions,
                       std::string reopen_to = {});

    [[nodiscard]] const std::string& id() const noexcept { return id_; }        ///< Loop id.
    [[nodiscard]] int version() const noexcept { return version_; }             ///< Version, from 1.
    [[nodiscard]] const std::string& title() const noexcept { return title_; }  ///< Display title.
    [[nodiscard]] const std::string& initial() const noexcept { return initial_; }  ///< Initial state id.
    [[nodiscard]] const std::string& reopen_to() const noexcept { return reopen_to_; }  ///< State a reopened case returns to.
    /// @brief True when some transition has Duty::verify (then closing needs a passed verification).
    [[nodiscard]] bool has_verification() const noexcept;
    /// @brief All states in declaration order.
    [[nodiscard]] const std::vector<StateDefinition>& states() const noexcept { return states_; }
    /// @brief All transitions in declaration order.
    [[nodiscard]] const std::vector<TransitionDefinition>& transitions() const noexcept { return transitions_; }

    /// @brief The state with id @p id; throws NotFound.
    [[nodiscard]] const StateDefinition& state(std::string_view id) const;
    /// @brief The transitions leaving state @p state_id, in declaration order (empty if none).
    [[nodiscard]] std::vector<const TransitionDefinition*> transitions_from(std::string_view state_id) const;
    /// @brief The transition with id @p id; throws NotFound.
    [[nodiscard]] const TransitionDefinition& transition(std::string_view id) const;

    /// @brief The definition as JSON (the format from_json reads).
    [[nodiscard]] std::string to_json() const;
    /// @brief Reads a definition from JSON; errors name @p source and the JSON path.
    [[nodiscard]] static WorkflowDefinition from_json(std::string_view json, std::string_view source);
    /// @brief A Graphviz digraph: closed states double circles, rework edges dashed.
    [[nodiscard]] std::string to_dot() const;

    /// @brief Definitions compare member by member.
    friend bool operator==(const WorkflowDefinition&, const WorkflowDefinition&) = default;

private:
    std::string id_;
    int version_;
    std::string title_;
    std::string initial_;
    std::vector<StateDefinition> states_;
    std::vector<TransitionDefinition> transitions_;
    std::string reopen_to_;
};

/// @brief Definitions by id and version; a running case stays on the version it started with.
///
/// References returned by get() and latest() stay valid while the registry lives. Listings
/// (entries(), ids()) are in the order the definitions were added.
class WorkflowRegistry {
public:
    /// @brief Adds a definition; throws InvalidInput if its id and version are already present.
    void add(WorkflowDefinition definition);
    /// @brief The definition @p id at @p version; throws NotFound.
    [[nodiscard]] const WorkflowDefinition& get(std::string_view id, int version) const;
    /// @brief The highest version of @p id; throws NotFound.
    [[nodiscard]] const WorkflowDefinition& latest(std::string_view id) const;
    /// @brief Number of definitions (every version of every id).
    [[nodiscard]] std::size_t size() const noexcept { return definitions_.size(); }
    /// @brief True when the registry holds @p id at @p version.
    [[nodiscard]] bool contains(std::string_view id, int version) const noexcept;
    /// @brief True when the registry holds some version of @p id.
    [[nodiscard]] bool contains(std::string_view id) const noexcept;
    /// @brief (id, version) of every definition, in the order added.
    [[nodiscard]] std::vector<std::pair<std::string, int>> entries() const;
    /// @brief Every id once, in the order its first version was added.
    [[nodiscard]] std::vector<std::string> ids() const;
    /// @brief The versions of @p id, lowest first (empty when the registry has none).
    [[nodiscard]] std::vector<int> versions(std::string_view id) const;

    /// @brief Iterator over the definitions in the order added.
    using const_iterator = std::deque<WorkflowDefinition>::const_iterator;
    /// @brief The first definition (range-for over a registry visits them in the order added).
    [[nodiscard]] const_iterator begin() const noexcept { return definitions_.begin(); }
    /// @brief Past the last definition.
    [[nodiscard]] const_iterator end() const noexcept { return definitions_.end(); }

private:
    std::deque<WorkflowDefinition> definitions_;
};

}  // namespace grassroots
