// Closed-loop workflow definitions: validation, JSON, Graphviz and the versioned registry.
#include "grassroots/workflow/definition.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "core/json_reader.hpp"
#include "core/graphics.hpp"
#include "core/quote.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<BreachAction>, 3> breach_actions{{
    {BreachAction::escalate, "escalate", "督办", "escalate one rung up the hierarchy"},
    {BreachAction::urge, "urge", "催办", "urge the handler"},
    {BreachAction::notify, "notify", "通知", "notify the parties"},
}};
constexpr std::array<EnumName<Duty>, 4> duties{{
    {Duty::none, "none", "无", "no special duty"},
    {Duty::dispatch, "dispatch", "派遣", "routes the case to the unit responsible (responsibility list)"},
    {Duty::handle, "handle", "处置", "the actor becomes the case's handler"},
    {Duty::verify, "verify", "核查", "verification, never by the handler; a rework transition is a failed one"},
}};

}  // namespace

std::span<const EnumName<BreachAction>> enum_names(BreachAction) noexcept { return breach_actions; }
std::string_view to_string(BreachAction action) noexcept { return enum_name(action); }
std::string_view chinese_name(BreachAction action) noexcept { return enum_chinese_name(action); }
std::span<const EnumName<Duty>> enum_names(Duty) noexcept { return duties; }
std::string_view to_string(Duty duty) noexcept { return enum_name(duty); }
std::string_view chinese_name(Duty duty) noexcept { return enum_chinese_name(duty); }

namespace {

using detail::in_quotes;

void invalid(const std::string& problem) {
    throw InvalidInput(problem);
}

}  // namespace

WorkflowDefinition::WorkflowDefinition(std::string id, int version, std::string title, std::string initial,
                                       std::vector<StateDefinition> states, std::vector<TransitionDefinition> transitions,
                                       std::string reopen_to)
    : id_(std::move(id)),
      version_(version),
      title_(std::move(title)),
      initial_(std::move(initial)),
      states_(std::move(states)),
      transitions_(std::move(transitions)),
      reopen_to_(std::move(reopen_to)) {
    if (id_.empty()) invalid("workflow id is empty");
    if (version_ < 1) invalid("version must be at least 1, got " + std::to_string(version_));
    if (states_.empty()) invalid("workflow " + in_quotes(id_) + " has no states");
    std::set<std::string, std::less<>> state_ids;
    for (const StateDefinition& s : states_) {
        if (s.id.empty()) invalid("a state has an empty id");
        if (!state_ids.insert(s.id).second) invalid("duplicate state id " + in_quotes(s.id));
        if (s.closed && s.deadline) invalid("closed state " + in_quotes(s.id) + " has a deadline");
        if (s.closed && !s.on_breach.empty()) invalid("closed state " + in_quotes(s.id) + " has breach actions");
    }
    if (!state_ids.contains(initial_)) invalid("initial state " + in_quotes(initial_) + " is not a state");
    std::set<std::string, std::less<>> transition_ids;
    for (const TransitionDefinition& t : transitions_) {
        if (t.id.empty()) invalid("a transition has an empty id");
        if (!transition_ids.insert(t.id).second) invalid("duplicate transition id " + in_quotes(t.id));
        if (!state_ids.contains(t.from)) invalid("transition " + in_quotes(t.id) + " goes from unknown state " + in_quotes(t.from));
        if (!state_ids.contains(t.to)) invalid("transition " + in_quotes(t.id) + " goes to unknown state " + in_quotes(t.to));
        if (t.roles.empty()) invalid("transition " + in_quotes(t.id) + " has no roles");
        if (state(t.from).closed) invalid("closed state " + in_quotes(t.from) + " has outgoing transition " + in_quotes(t.id));
        if (t.rework && t.duty != Duty::none && t.duty != Duty::verify) {
            invalid("rework transition " + in_quotes(t.id) + " must have duty 'verify' or none, not " + in_quotes(to_string(t.duty)));
        }
    }
    if (reopen_to_.empty()) {
        const auto clock = std::find_if(states_.begin(), states_.end(), [](const StateDefinition& s) { return s.starts_clock; });
        reopen_to_ = clock != states_.end() ? clock->id : initial_;
    } else if (!state_ids.contains(reopen_to_)) {
        invalid("reopen_to state " + in_quotes(reopen_to_) + " is not a state");
    } else if (state(reopen_to_).closed) {
        invalid("reopen_to state " + in_quotes(reopen_to_) + " is closed");
    }
    // Reachability from the initial state.
    std::set<std::string, std::less<>> reached{initial_};
    std::vector<std::string> frontier{initial_};
    while (!frontier.empty()) {
        const std::string current = frontier.back();
        frontier.pop_back();
        for (const TransitionDefinition& t : transitions_) {
            if (t.from == current && reached.insert(t.to).second) frontier.push_back(t.to);
        }
    }
    for (const StateDefinition& s : states_) {
        if (!reached.contains(s.id)) invalid("state " + in_quotes(s.id) + " is unreachable from " + in_quotes(initial_));
    }
    for (const StateDefinition& s : states_) {
        if (!s.closed && transitions_from(s.id).empty()) invalid("open state " + in_quotes(s.id) + " has no outgoing transition");
    }
    if (std::none_of(states_.begin(), states_.end(), [](const StateDefinition& s) { return s.closed; })) {
        invalid("no closed state is reachable from " + in_quotes(initial_));
    }
    // Every open state must be able to reach a closed one (no trap cycles).
    std::set<std::string, std::less<>> can_close;
    for (const StateDefinition& s : states_) {
        if (s.closed) can_close.insert(s.id);
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (const TransitionDefinition& t : transitions_) {
            if (can_close.contains(t.to) && can_close.insert(t.from).second) grew = true;
        }
    }
    for (const StateDefinition& s : states_) {
        if (!can_close.contains(s.id)) invalid("no closed state is reachable from " + in_quotes(s.id));
    }
}

bool WorkflowDefinition::has_verification() const noexcept {
    return std::any_of(transitions_.begin(), transitions_.end(), [](const TransitionDefinition& t) { return t.duty == Duty::verify; });
}

const StateDefinition& WorkflowDefinition::state(std::string_view id) const {
    const auto it = std::find_if(states_.begin(), states_.end(), [&](const StateDefinition& s) { return s.id == id; });
    if (it == states_.end()) throw NotFound("workflow " + in_quotes(id_) + " has no state " + in_quotes(id));
    return *it;
}

std::vector<const TransitionDefinition*> WorkflowDefinition::transitions_from(std::string_view state_id) const {
    std::vector<const TransitionDefinition*> out;
    for (const TransitionDefinition& t : transitions_) {
        if (t.from == state_id) out.push_back(&t);
    }
    return out;
}

const TransitionDefinition& WorkflowDefinition::transition(std::string_view id) const {
    const auto it = std::find_if(transitions_.begin(), transitions_.end(), [&](const TransitionDefinition& t) { return t.id == id; });
    if (it == transitions_.end()) throw NotFound("workflow " + in_quotes(id_) + " has no transition " + in_quotes(id));
    return *it;
}

// ---- JSON -------------------------------------------------------------------------------------

namespace {

using Json = nlohmann::ordered_json;

Json deadline_json(const Deadline& deadline) {
    Json out = Json::object();
    const std::int64_t amount = deadline.amount();
    switch (deadline.kind()) {
        case DeadlineKind::elapsed:
            out["unit"] = amount % 60 == 0 ? "elapsed_hours" : "elapsed_minutes";
            out["amount"] = amount % 60 == 0 ? amount / 60 : amount;
            break;
        case DeadlineKind::working_hours:
            out["unit"] = amount % 60 == 0 ? "working_hours" : "working_minutes";
            out["amount"] = amount % 60 == 0 ? amount / 60 : amount;
            break;
        case DeadlineKind::working_days:
            out["unit"] = "working_days";
            out["amount"] = amount;
            break;
    }
    return out;
}

using detail::JsonReader;

/// The deadline object at @p node ({"unit": ..., "amount": ...}).
Deadline deadline(const JsonReader& read, const Json& node, const std::string& path) {
    read.require_object(node, path, "a deadline object with unit and amount");
    if (!node.contains("unit")) read.fail(path, "deadline has no unit");
    read.only_keys(node, path, {"unit", "amount"});
    if (!node.at("unit").is_string()) read.fail(JsonReader::join(path, "unit"), "'unit' must be a string");
    const std::string unit = node.at("unit").get<std::string>();
    const std::int64_t amount = read.integer(node, path, "amount");
    if (amount <= 0) read.fail(JsonReader::join(path, "amount"), "deadline amount must be positive, got " + std::to_string(amount));
    if (amount > 1'000'000) read.fail(JsonReader::join(path, "amount"), "deadline amount is too large: " + std::to_string(amount));
    if (unit == "elapsed_hours") return Deadline::elapsed(std::chrono::hours(amount));
    if (unit == "elapsed_minutes") return Deadline::elapsed(std::chrono::minutes(amount));
    if (unit == "working_hours") return Deadline::working_hours(std::chrono::hours(amount));
    if (unit == "working_minutes") return Deadline::working_hours(std::chrono::minutes(amount));
    if (unit == "working_days") return Deadline::working_days(amount);
    read.fail(JsonReader::join(path, "unit"),
              "unknown deadline unit '" + unit + "' (expected elapsed_hours, elapsed_minutes, working_hours, working_minutes or working_days)");
}

/// The breach action named @p name (at @p path).
BreachAction breach(const JsonReader& read, const std::string& name, const std::string& path) {
    if (const std::optional<BreachAction> action = find_enum<BreachAction>(name)) return *action;
    read.fail(path, "unknown breach action '" + name + "' (expected " + enum_alternatives<BreachAction>() + ")");
}

/// The duty named @p name (at @p path).
Duty duty(const JsonReader& read, const std::string& name, const std::string& path) {
    if (const std::optional<Duty> found = find_enum<Duty>(name)) return *found;
    read.fail(path, "unknown duty '" + name + "' (expected " + enum_alternatives<Duty>() + ")");
}

}  // namespace

std::string WorkflowDefinition::to_json() const {
    Json out = Json::object();
    out["id"] = id_;
    out["version"] = version_;
    out["title"] = title_;
    out["initial"] = initial_;
    out["reopen_to"] = reopen_to_;
    out["states"] = Json::array();
    for (const StateDefinition& s : states_) {
        Json state = Json::object();
        state["id"] = s.id;
        state["name"] = s.name;
        state["closed"] = s.closed;
        if (s.deadline) state["deadline"] = deadline_json(*s.deadline);
        Json actions = Json::array();
        for (BreachAction a : s.on_breach) actions.push_back(std::string(to_string(a)));
        state["on_breach"] = actions;
        state["starts_clock"] = s.starts_clock;
        out["states"].push_back(state);
    }
    out["transitions"] = Json::array();
    for (const TransitionDefinition& t : transitions_) {
        Json transition = Json::object();
        transition["id"] = t.id;
        transition["from"] = t.from;
        transition["to"] = t.to;
        transition["roles"] = t.roles;
        transition["required_fields"] = t.required_fields;
        transition["rework"] = t.rework;
        transition["duty"] = std::string(to_string(t.duty));
        out["transitions"].push_back(transition);
    }
    return out.dump(2);
}

WorkflowDefinition WorkflowDefinition::from_json(std::string_view json, std::string_view source) {
    const std::string file(source);
    Json document = detail::parse_json<Json>(json, file);
    const JsonReader read(file);
    read.require_object(document, "", "a JSON object with id, version, title, initial, states and transitions");
    read.only_keys(document, "", {"id", "version", "title", "initial", "reopen_to", "states", "transitions"});
    const std::string id = read.text(document, "", "id");
    const std::int64_t version = read.integer(document, "", "version");
    if (version < 1 || version > 1'000'000) read.fail("version", "version must be between 1 and 1000000, got " + std::to_string(version));
    const std::string title = read.text(document, "", "title");
    const std::string initial = read.text(document, "", "initial");
    const std::string reopen_to = document.contains("reopen_to") ? read.text(document, "", "reopen_to") : std::string();

    std::vector<StateDefinition> states;
    const Json& state_nodes = read.array(document, "", "states", true);
    for (std::size_t i = 0; i < state_nodes.size(); ++i) {
        const std::string path = "states[" + std::to_string(i) + "]";
        const Json& node = state_nodes[i];
        read.require_object(node, path, "a state object");
        read.only_keys(node, path, {"id", "name", "closed", "deadline", "on_breach", "starts_clock"});
        StateDefinition state;
        state.id = read.text(node, path, "id");
        state.name = read.text(node, path, "name");
        state.closed = read.flag(node, path, "closed");
        if (node.contains("deadline") && !node.at("deadline").is_null()) {
            state.deadline = deadline(read, node.at("deadline"), path + ".deadline");
        }
        const std::vector<std::string> actions = read.strings(node, path, "on_breach", false);
        for (std::size_t a = 0; a < actions.size(); ++a) {
            state.on_breach.push_back(breach(read, actions[a], path + ".on_breach[" + std::to_string(a) + "]"));
        }
        state.starts_clock = read.flag(node, path, "starts_clock");
        states.push_back(std::move(state));
    }

    std::vector<TransitionDefinition> transitions;
    const Json& transition_nodes = read.array(document, "", "transitions", true);
    for (std::size_t i = 0; i < transition_nodes.size(); ++i) {
        const std::string path = "transitions[" + std::to_string(i) + "]";
        const Json& node = transition_nodes[i];
        read.require_object(node, path, "a transition object");
        read.only_keys(node, path, {"id", "from", "to", "roles", "required_fields", "rework", "duty"});
        TransitionDefinition transition;
        transition.id = read.text(node, path, "id");
        transition.from = read.text(node, path, "from");
        transition.to = read.text(node, path, "to");
        transition.roles = read.strings(node, path, "roles", true);
        transition.required_fields = read.strings(node, path, "required_fields", false);
        transition.rework = read.flag(node, path, "rework");
        if (node.contains("duty")) transition.duty = duty(read, read.text(node, path, "duty"), JsonReader::join(path, "duty"));
        transitions.push_back(std::move(transition));
    }

    try {
        return WorkflowDefinition(id, static_cast<int>(version), title, initial, std::move(states), std::move(transitions), reopen_to);
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(), Location{file, 0, ""});
    }
}

// ---- Graphviz ---------------------------------------------------------------------------------

namespace {

using detail::dot_quote;

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

}  // namespace

std::string WorkflowDefinition::to_dot() const {
    std::string out = "digraph " + dot_quote(id_) + " {\n";
    out += "  label=" + dot_quote(title_ + " (" + id_ + " v" + std::to_string(version_) + ")") + ";\n";
    out += "  rankdir=LR;\n";
    for (const StateDefinition& s : states_) {
        std::string label = s.name.empty() || s.name == s.id ? s.id : s.name + "\n" + s.id;
        if (s.deadline) label += "\n≤ " + s.deadline->to_string();
        out += "  " + dot_quote(s.id) + " [label=" + dot_quote(label) + ", shape=" + (s.closed ? "doublecircle" : "circle");
        if (s.id == initial_) out += ", style=bold";
        out += "];\n";
    }
    for (const TransitionDefinition& t : transitions_) {
        out += "  " + dot_quote(t.from) + " -> " + dot_quote(t.to) + " [label=" + dot_quote(t.id + "\n(" + joined(t.roles) + ")");
        if (t.rework) out += ", style=dashed";
        out += "];\n";
    }
    return out + "}\n";
}

// ---- Registry ---------------------------------------------------------------------------------

void WorkflowRegistry::add(WorkflowDefinition definition) {
    for (const WorkflowDefinition& existing : definitions_) {
        if (existing.id() == definition.id() && existing.version() == definition.version()) {
            throw InvalidInput("workflow " + in_quotes(definition.id()) + " version " + std::to_string(definition.version()) +
                               " is already registered");
        }
    }
    definitions_.push_back(std::move(definition));
}

const WorkflowDefinition& WorkflowRegistry::get(std::string_view id, int version) const {
    for (const WorkflowDefinition& d : definitions_) {
        if (d.id() == id && d.version() == version) return d;
    }
    throw NotFound("no workflow " + in_quotes(id) + " version " + std::to_string(version));
}

const WorkflowDefinition& WorkflowRegistry::latest(std::string_view id) const {
    const WorkflowDefinition* best = nullptr;
    for (const WorkflowDefinition& d : definitions_) {
        if (d.id() == id && (best == nullptr || d.version() > best->version())) best = &d;
    }
    if (best == nullptr) throw NotFound("no workflow " + in_quotes(id));
    return *best;
}

bool WorkflowRegistry::contains(std::string_view id, int version) const noexcept {
    return std::any_of(definitions_.begin(), definitions_.end(),
                       [&](const WorkflowDefinition& d) { return d.id() == id && d.version() == version; });
}

bool WorkflowRegistry::contains(std::string_view id) const noexcept {
    return std::any_of(definitions_.begin(), definitions_.end(), [&](const WorkflowDefinition& d) { return d.id() == id; });
}

std::vector<std::pair<std::string, int>> WorkflowRegistry::entries() const {
    std::vector<std::pair<std::string, int>> out;
    out.reserve(definitions_.size());
    for (const WorkflowDefinition& d : definitions_) out.emplace_back(d.id(), d.version());
    return out;
}

std::vector<std::string> WorkflowRegistry::ids() const {
    std::vector<std::string> out;
    for (const WorkflowDefinition& d : definitions_) {
        if (std::find(out.begin(), out.end(), d.id()) == out.end()) out.push_back(d.id());
    }
    return out;
}

std::vector<int> WorkflowRegistry::versions(std::string_view id) const {
    std::vector<int> out;
    for (const WorkflowDefinition& d : definitions_) {
        if (d.id() == id) out.push_back(d.version());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace grassroots
