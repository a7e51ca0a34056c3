// The case engine: operations check and record; apply() folds events into case states.
#include <algorithm>
#include <charconv>
#include <limits>
#include <utility>

#include "core/quote.hpp"
#include "grassroots/core/identifier.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "workflow/engine_impl.hpp"

namespace grassroots {

namespace {

using detail::CompiledLoop;

constexpr std::uint32_t no_index = Event::no_detail;

using detail::in_quotes;

std::string list_of(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? "none" : out;
}

// 'a', 'b', 'c': every name quoted, so that a list of one reads as before.
std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + in_quotes(name);
    return out;
}

bool covers(DivisionCode scope, DivisionCode unit) noexcept { return scope == unit || scope.is_ancestor_of(unit); }

/// @p actor with its identifiers normalised (normalize_identifier) and its person defaulting to its id.
Actor normalized(Actor actor) {
    actor.id = normalize_identifier(actor.id, "id");
    actor.person = normalize_identifier(actor.person.empty() ? actor.id : actor.person, "person");
    for (std::string& role : actor.roles) role = normalize_identifier(role, "roles");
    actor.grid = normalize_identifier(actor.grid, "grid");
    actor.unit = normalize_identifier(actor.unit, "unit");
    return actor;
}

Rung next_rung(Rung rung) noexcept { return static_cast<Rung>(static_cast<int>(rung) + 1); }

/// The value of the field named @p name, "" when it is not given.
std::string_view field_value(const std::vector<Field>& fields, std::string_view name) noexcept {
    const auto given = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name; });
    return given != fields.end() ? std::string_view(given->value) : std::string_view();
}

// The required fields that @p fields leaves out or empty, in the definition's order (all of them, so
// that one refusal names every field to fill in).
std::vector<std::string> missing_fields(const std::vector<std::string>& required, const std::vector<Field>& fields) {
    std::vector<std::string> missing;
    for (const std::string& name : required) {
        if (field_value(fields, name).empty()) missing.push_back(name);
    }
    return missing;
}

/// True when @p unit is the primary or a cooperating unit of @p assignment.
bool names_unit(const Assignment& assignment, std::string_view unit) noexcept {
    return unit == assignment.primary ||
           std::find(assignment.cooperating.begin(), assignment.cooperating.end(), unit) != assignment.cooperating.end();
}

/// Points an engine's attempted_fields at the fields of the take() under way, for as long as it runs.
class AttemptedFields {
public:
    AttemptedFields(const std::vector<Field>*& slot, const std::vector<Field>& fields) noexcept : slot_(slot) { slot_ = &fields; }
    ~AttemptedFields() { slot_ = nullptr; }
    AttemptedFields(const AttemptedFields&) = delete;
    AttemptedFields& operator=(const AttemptedFields&) = delete;

private:
    const std::vector<Field>*& slot_;
};

}  // namespace

// ---- setup --------------------------------------------------------------------------------------

std::uint16_t CaseEngine::Impl::intern_role(const std::string& role) {
    if (const auto it = role_index.find(role); it != role_index.end()) return it->second;
    if (roles.size() >= Event::none) throw InvalidInput("too many distinct roles (at most 65535)");
    const auto index = static_cast<std::uint16_t>(roles.size());
    roles.push_back(role);
    role_index.emplace(role, index);
    return index;
}

std::uint16_t CaseEngine::Impl::compile(const WorkflowDefinition& definition) {
    const auto& states = definition.states();
    const auto& transitions = definition.transitions();
    if (states.size() >= Event::none || transitions.size() >= Event::none) {
        throw InvalidInput("workflow " + in_quotes(definition.id()) + " has too many states or transitions (at most 65534)");
    }
    if (loops.size() >= Event::none) throw InvalidInput("too many workflow versions in one engine (at most 65534)");
    auto state_index = [&](std::string_view id) {
        const auto it = std::find_if(states.begin(), states.end(), [&](const StateDefinition& s) { return s.id == id; });
        return static_cast<std::uint16_t>(it - states.begin());
    };
    CompiledLoop loop;
    loop.definition = &definition;
    loop.outgoing.resize(states.size());
    loop.action_mask.resize(states.size(), 0);
    loop.handling.resize(states.size(), 0);
    for (std::size_t t = 0; t < transitions.size(); ++t) {
        loop.outgoing[state_index(transitions[t].from)].push_back(static_cast<std::uint16_t>(t));
        std::vector<std::uint16_t> role_ids;
        for (const std::string& role : transitions[t].roles) role_ids.push_back(intern_role(role));
        loop.transition_roles.push_back(std::move(role_ids));
        loop.targets.push_back(state_index(transitions[t].to));
        if (transitions[t].duty == Duty::handle) loop.handling[state_index(transitions[t].from)] = 1;
    }
    for (std::size_t s = 0; s < states.size(); ++s) {
        for (BreachAction action : states[s].on_breach) {
            loop.action_mask[s] |= action == BreachAction::urge     ? detail::urge_bit
                                   : action == BreachAction::notify ? detail::notify_bit
                                                                    : detail::escalate_bit;
        }
    }
    loop.initial = state_index(definition.initial());
    loop.reopen_to = state_index(definition.reopen_to());
    loop.has_verification = definition.has_verification();
    loops.push_back(std::move(loop));
    return static_cast<std::uint16_t>(loops.size() - 1);
}

CaseEngine::CaseEngine(Calendar calendar, EngineOptions options)
    : impl_(std::make_unique<Impl>(std::move(calendar), options)) {}
CaseEngine::~CaseEngine() = default;
CaseEngine::CaseEngine(CaseEngine&& other) noexcept = default;
CaseEngine& CaseEngine::operator=(CaseEngine&& other) noexcept = default;

void CaseEngine::add_workflow(WorkflowDefinition definition) {
    const std::string id = definition.id();
    const int version = definition.version();
    impl_->registry.add(std::move(definition));  // throws when present; then nothing changed
    impl_->compile(impl_->registry.get(id, version));
}

const WorkflowRegistry& CaseEngine::workflows() const noexcept { return impl_->registry; }
void CaseEngine::set_divisions(const DivisionTree* tree) noexcept { impl_->divisions = tree; }
void CaseEngine::set_grid_map(const GridMap* grids) noexcept { impl_->grids = grids; }

void CaseEngine::set_catalogue(MatterCatalogue catalogue) {
    if (!impl_->responsibilities.entries().empty()) impl_->responsibilities.validate(catalogue);
    impl_->catalogue = std::move(catalogue);
}

const MatterCatalogue& CaseEngine::catalogue() const noexcept { return impl_->catalogue; }

void CaseEngine::set_responsibilities(ResponsibilityList list) {
    if (impl_->catalogue.size() > 0) list.validate(impl_->catalogue);
    impl_->responsibilities = std::move(list);
}

const ResponsibilityList& CaseEngine::responsibilities() const noexcept { return impl_->responsibilities; }

void CaseEngine::Impl::check_roles(const Actor& actor) const {
    if (actor.roles.empty()) throw InvalidInput("actor " + in_quotes(actor.id) + " has no roles", Location{"", 0, "roles"});
    if (roles.size() + actor.roles.size() >= Event::none) throw InvalidInput("too many distinct roles (at most 65535)");
    for (const std::string& role : actor.roles) {
        if (role.empty()) throw InvalidInput("actor " + in_quotes(actor.id) + " has an empty role", Location{"", 0, "roles"});
    }
}

ActorId CaseEngine::add_actor(Actor given) {
    Actor actor = normalized(std::move(given));
    if (actor.id.empty()) throw InvalidInput("actor id is empty", Location{"", 0, "id"});
    if (impl_->actor_index.contains(actor.id)) throw InvalidInput("actor " + in_quotes(actor.id) + " is already registered", Location{"", 0, "id"});
    impl_->check_roles(actor);
    std::vector<std::uint16_t> role_ids;
    for (const std::string& role : actor.roles) role_ids.push_back(impl_->intern_role(role));
    const ActorId id(static_cast<std::uint32_t>(impl_->actors.size()));
    impl_->actor_index.emplace(actor.id, id.value());
    impl_->actor_roles.push_back(std::move(role_ids));
    impl_->actor_active.push_back(1);
    impl_->actors.push_back(std::move(actor));
    return id;
}

void CaseEngine::change_actor(Actor given) {
    Actor actor = normalized(std::move(given));
    const auto it = impl_->actor_index.find(actor.id);
    if (it == impl_->actor_index.end()) throw NotFound("no actor " + in_quotes(actor.id) + " to change");
    const ActorId id(it->second);
    impl_->active_actor(id);
    impl_->check_roles(actor);
    std::vector<std::uint16_t> role_ids;
    for (const std::string& role : actor.roles) role_ids.push_back(impl_->intern_role(role));
    impl_->actor_roles[id.value()] = std::move(role_ids);
    impl_->actors[id.value()] = std::move(actor);
}

void CaseEngine::deactivate_actor(ActorId id) {
    impl_->active_actor(id);
    impl_->actor_active[id.value()] = 0;
}

bool CaseEngine::is_active(ActorId id) const {
    impl_->actor_at(id);
    return impl_->actor_active[id.value()] != 0;
}

const Actor& CaseEngine::Impl::acting(ActorId id) const { return replaying ? actor_at(id) : active_actor(id); }

const Actor& CaseEngine::Impl::active_actor(ActorId id) const {
    const Actor& actor = actor_at(id);
    if (actor_active[id.value()] == 0) {
        throw RuleViolation("workflow.actor-inactive", "actor " + in_quotes(actor.id) + " is deactivated and may not act");
    }
    return actor;
}

bool CaseEngine::Impl::has_jurisdiction() const noexcept { return options.jurisdiction.has_value() || divisions != nullptr; }

bool CaseEngine::Impl::in_jurisdiction(DivisionCode unit) const noexcept {
    if (options.jurisdiction) return covers(*options.jurisdiction, unit);
    return divisions != nullptr && divisions->contains(unit);
}

std::string CaseEngine::Impl::place_refusal(const Actor& actor, DivisionCode unit, const std::string& grid, std::string_view what) const {
    if (actor.scope && !covers(*actor.scope, unit)) {
        return "actor " + in_quotes(actor.id) + " acts in " + actor.scope->str() + " but " + std::string(what) + " is in " + unit.str();
    }
    if (!actor.scope && !has_jurisdiction()) {
        return "actor " + in_quotes(actor.id) + " has no scope and the engine no jurisdiction (EngineOptions::jurisdiction or " +
               "a division tree), so it may act nowhere: give it a scope";
    }
    if (!actor.scope && !in_jurisdiction(unit)) {
        return "actor " + in_quotes(actor.id) + " acts in the engine's jurisdiction but " + std::string(what) + " is in " + unit.str();
    }
    if (!actor.grid.empty() && actor.grid != grid) {
        return "actor " + in_quotes(actor.id) + " acts in grid " + actor.grid + " but " + std::string(what) + " is in " +
               (grid.empty() ? "no grid" : "grid " + grid);
    }
    return {};
}

std::string CaseEngine::Impl::filing_refusal(ActorId reporter, const CompiledLoop& loop, DivisionCode unit, const std::string& grid) const {
    const Actor& actor = actors[reporter.value()];
    const std::vector<std::uint16_t>& held = actor_roles[reporter.value()];
    const auto resident = role_index.find(std::string(resident_role));
    if (resident != role_index.end() && std::find(held.begin(), held.end(), resident->second) != held.end()) {
        if (in_jurisdiction(unit)) return {};
        return "resident " + in_quotes(actor.id) + " may file only in the engine's jurisdiction, not in " + unit.str();
    }
    auto holds = [&](std::uint16_t role) { return std::find(held.begin(), held.end(), role) != held.end(); };
    const bool takes_part = std::any_of(loop.transition_roles.begin(), loop.transition_roles.end(),
                                        [&](const auto& allowed) { return std::any_of(allowed.begin(), allowed.end(), holds); });
    const bool files = std::any_of(actor.roles.begin(), actor.roles.end(), [&](const std::string& role) {
        return std::find(options.filing_roles.begin(), options.filing_roles.end(), role) != options.filing_roles.end();
    });
    if (!takes_part && !files) {
        return "actor " + in_quotes(actor.id) + " (roles: " + list_of(actor.roles) + ") may not file a case of workflow " +
               in_quotes(loop.definition->id()) + ": it needs a role of that workflow, of the engine's filing roles (" +
               list_of(options.filing_roles) + ") or " + in_quotes(resident_role);
    }
    return place_refusal(actor, unit, grid, "the case");
}

void CaseEngine::add_holiday_notice(std::string_view json, std::string_view source) {
    impl_->calendar.add_holiday_cn(json, source);
}

const Actor& CaseEngine::Impl::actor_at(ActorId id) const {
    if (!id.valid() || id.value() >= actors.size()) throw NotFound("no actor with id " + std::to_string(id.value()));
    return actors[id.value()];
}

const Actor& CaseEngine::actor(ActorId id) const { return impl_->actor_at(id); }

std::optional<ActorId> CaseEngine::find_actor(std::string_view id) const noexcept {
    std::string key;
    try {
        key = normalize_identifier(id);
    } catch (const std::exception&) {
        return std::nullopt;  // no actor has an id that does not normalise
    }
    const auto it = impl_->actor_index.find(key);
    if (it == impl_->actor_index.end()) return std::nullopt;
    return ActorId(it->second);
}

std::size_t CaseEngine::actor_count() const noexcept { return impl_->actors.size(); }
void CaseEngine::add_sink(std::shared_ptr<EventSink> sink) {
    if (!sink) throw InvalidInput("event sink is null");
    impl_->sinks.push_back(std::move(sink));
}
void CaseEngine::reserve(std::size_t cases, std::size_t events) {
    Impl& m = *impl_;
    m.cases.reserve(cases);
    m.inputs.reserve(cases);
    m.openings.reserve(cases);
    m.generations.reserve(cases);
    m.events.reserve(events);
    m.details.reserve(events);
    m.assignments.reserve(cases);
}

const EngineOptions& CaseEngine::options() const noexcept { return impl_->options; }
const Calendar& CaseEngine::calendar() const noexcept { return impl_->calendar; }

// ---- the record ---------------------------------------------------------------------------------

CaseState& CaseEngine::Impl::case_at(CaseId id) {
    if (!id.valid() || id.value() >= cases.size()) throw NotFound("no case " + CaseEngine::case_number(id));
    return cases[id.value()];
}

std::uint32_t CaseEngine::Impl::add_detail(std::string text, std::vector<Field> fields, std::optional<Assignment> assignment) {
    detail::EventDetail record{std::move(text), std::move(fields), no_index};
    if (assignment) {
        assignments.push_back(std::move(*assignment));
        record.assignment = static_cast<std::uint32_t>(assignments.size() - 1);
    }
    details.push_back(std::move(record));
    return static_cast<std::uint32_t>(details.size() - 1);
}

const Event& CaseEngine::Impl::append(Event event, const std::optional<detail::EntryDue>& due) {
    event.sequence = events.size();
    event.previous = event.kind == EventKind::opened ? no_index : cases[event.case_id.value()].last_event;
    events.push_back(event);
    apply(events.back(), due);
    if (!replaying && !sinks.empty()) {
        // A failing sink must not leave an operation half-recorded: the operation completes and
        // the first sink error is rethrown at its end (rethrow_sink_error).
        const EventView view = this->view(events.back());
        for (const auto& sink : sinks) {
            try {
                sink->on_event(view);
            } catch (...) {
                if (!sink_error) sink_error = std::current_exception();
            }
        }
    }
    return events.back();
}

void CaseEngine::Impl::arm(CaseState& state) {
    const std::uint32_t index = state.id.value();
    ++generations[index];
    if (state.next_breach) timers.push({*state.next_breach, index, generations[index]});
    // Drop stale timers when they outnumber the cases by far.
    if (timers.size() > 4 * cases.size() + 4096) {
        decltype(timers) fresh;
        for (const CaseState& c : cases) {
            if (c.next_breach) fresh.push({*c.next_breach, c.id.value(), generations[c.id.value()]});
        }
        timers = std::move(fresh);
    }
}

// The due instant of state @p index's deadline counted from @p from; none when the calendar does not
// cover the time (operations compute it first with check_deadline and hand it to the fold, so this
// only happens on a replay with another calendar or when re-arming after an escalation runs into an
// unpublished year).
std::optional<Instant> CaseEngine::Impl::due_in(const CaseState& state, std::uint16_t index, Instant from) const {
    const StateDefinition& definition = loop_of(state.id.value()).definition->states()[index];
    if (!definition.deadline) return std::nullopt;
    try {
        return definition.deadline->due(calendar, from);
    } catch (const NotFound&) {
        return std::nullopt;
    }
}

detail::EntryDue CaseEngine::Impl::check_deadline(const CompiledLoop& loop, std::uint16_t index, Instant at) const {
    const StateDefinition& definition = loop.definition->states()[index];
    if (!definition.deadline) return {};
    try {
        return {definition.deadline->due(calendar, at)};
    } catch (const NotFound& error) {
        throw NotFound("the deadline of state " + in_quotes(definition.id) + " (" + definition.deadline->to_string() + ") from " +
                       to_string(at) + " cannot be computed: " + error.what() +
                       " (a calendar set to answer unpublished years by the weekday rule can)");
    }
}

void CaseEngine::Impl::enter_state(CaseState& state, std::uint16_t index, Instant at, const std::optional<detail::EntryDue>& due) {
    const CompiledLoop& loop = loop_of(state.id.value());
    const StateDefinition& definition = loop.definition->states()[index];
    state.state = index;
    state.entered_at = at;
    state.closed = definition.closed;
    state.due.reset();
    state.next_breach.reset();
    if (definition.starts_clock && !state.clock_started) state.clock_started = at;
    if (definition.closed) {
        state.closed_at = at;
    } else if (definition.deadline) {
        state.due = due ? due->due : due_in(state, index, at);
        if (loop.handling[index] != 0) state.handling_due = state.due;
        const std::uint8_t mask = loop.action_mask[index];
        const bool can_escalate = (mask & detail::escalate_bit) != 0 && state.rung < options.top_rung;
        if ((mask & (detail::urge_bit | detail::notify_bit)) != 0 || can_escalate) state.next_breach = state.due;
    }
}

void CaseEngine::Impl::apply(const Event& event, const std::optional<detail::EntryDue>& due) {
    const std::uint32_t index = event.case_id.value();
    if (event.kind == EventKind::opened) {
        CaseState state(event.case_id, openings[index].unit);
        state.definition = loops[openings[index].loop].definition;
        state.grid = openings[index].grid;
        state.matter = inputs[index].matter;
        state.priority = inputs[index].priority;
        state.reporter = event.actor;
        state.opened_at = event.at;
        state.rung = event.rung;
        state.start_rung = event.rung;
        cases.push_back(std::move(state));
        generations.push_back(0);
    }
    CaseState& state = cases[index];
    state.last_event = static_cast<std::uint32_t>(event.sequence);
    state.last_event_at = event.at;
    const std::optional<Instant> timer_before = state.next_breach;
    switch (event.kind) {
        case EventKind::opened:
            state.updated_at = event.at;
            enter_state(state, event.to, event.at, due);
            break;
        case EventKind::transition: {
            const CompiledLoop& loop = loop_of(index);
            const TransitionDefinition& transition = loop.definition->transitions()[event.transition];
            ++state.transitions;
            if (transition.duty == Duty::handle) {
                state.handled_at = event.at;
                state.handler = event.actor;
                state.handled = true;
                state.verified = false;
            } else if (transition.duty == Duty::verify) {
                state.verifier = event.actor;
                state.verified = !transition.rework;
                if (transition.rework) state.handled = false;
            }
            if (transition.rework) ++state.reworks;
            state.updated_at = event.at;
            enter_state(state, event.to, event.at, due);
            break;
        }
        case EventKind::refused:
            ++state.refusals;
            break;
        case EventKind::assigned:
            state.assignment = details[event.detail].assignment;
            state.rung = event.rung;
            state.updated_at = event.at;
            break;
        case EventKind::urged:
        case EventKind::notified:
            if (event.kind == EventKind::urged) ++state.urges;
            state.next_breach.reset();
            state.updated_at = event.at;
            break;
        case EventKind::escalated: {
            ++state.escalations;
            state.rung = event.rung;
            if (event.detail != no_index && details[event.detail].assignment != no_index) state.assignment = details[event.detail].assignment;
            state.next_breach.reset();
            if (state.rung < options.top_rung) state.next_breach = due_in(state, state.state, event.at);
            state.updated_at = event.at;
            break;
        }
        case EventKind::reopened:
            ++state.reopens;
            state.handled = false;
            state.verified = false;
            state.updated_at = event.at;
            enter_state(state, event.to, event.at, due);
            break;
    }
    if (state.next_breach != timer_before || event.kind == EventKind::opened) arm(state);
}

// ---- operations ---------------------------------------------------------------------------------

namespace {

// Refuses a case input that leaves out required fields, naming all of them at once.
void check_required(const CaseInput& input) {
    std::vector<std::string> fields;
    std::string problems;
    const auto missing = [&](std::string field, std::string_view why) {
        problems += (problems.empty() ? "" : "; ") + std::string(why);
        fields.push_back(std::move(field));
    };
    if (input.matter.empty()) missing("matter", "case has no matter type");
    if (!input.unit && !input.point) missing("unit", "case has neither a point nor a division code");
    if (fields.empty()) return;
    std::string where;
    for (const std::string& field : fields) where += (where.empty() ? "" : ", ") + field;
    throw InvalidInput(problems, Location{"", 0, where});
}

}  // namespace

CaseId CaseEngine::open(const CaseInput& input, ActorId reporter, Instant at) {
    Impl& m = *impl_;
    m.acting(reporter);
    const CaseId id = m.open_case(input, reporter, at, m.replaying ? m.replayed_opening : nullptr);
    m.rethrow_sink_error();
    return id;
}

const WorkflowDefinition& CaseEngine::Impl::loop_for(const CaseInput& input, const EventRecord* recorded) const {
    const MatterType* type = nullptr;
    if (catalogue.size() > 0) {
        type = catalogue.find(input.matter);
        if (type == nullptr) throw InvalidInput("matter " + in_quotes(input.matter) + " is not in the catalogue", Location{"", 0, "matter"});
    }
    const std::string loop_id = !input.workflow.empty() ? input.workflow : type != nullptr ? type->workflow : std::string();
    if (loop_id.empty()) throw InvalidInput("case names no workflow and its matter type has none", Location{"", 0, "workflow"});
    // The latest version when the case was filed is not known on replay: the recorded one is taken.
    const int version = input.workflow_version != 0 ? input.workflow_version
                        : recorded != nullptr && recorded->workflow == loop_id ? recorded->workflow_version
                                                                                : 0;
    try {
        return version == 0 ? registry.latest(loop_id) : registry.get(loop_id, version);
    } catch (const NotFound& error) {
        throw InvalidInput(error.what(), Location{"", 0, "workflow"});
    }
}

std::pair<DivisionCode, std::string> CaseEngine::Impl::place_of(const CaseInput& input, const EventRecord* recorded) const {
    std::string grid;
    std::optional<DivisionCode> unit = input.unit;
    std::optional<DivisionCode> grid_unit;
    if (input.point && grids != nullptr) {
        if (const std::optional<GridId> located = grids->locate(*input.point)) {
            grid = grids->grid(*located).code.str();
            grid_unit = grids->grid(*located).code.unit();
        }
    } else if (input.point && grids == nullptr && recorded != nullptr && !recorded->grid.empty()) {
        // Without a grid map the recorded grid cannot be located again: it is taken, with its unit.
        grid = recorded->grid;
        grid_unit = GridCode::parse(grid).unit();
    }
    if (grid_unit) {
        if (unit && *unit != *grid_unit && !unit->is_ancestor_of(*grid_unit)) {
            throw InvalidInput("the point lies in grid " + grid + " of unit " + grid_unit->str() + ", not in unit " + unit->str(),
                               Location{"", 0, "unit"});
        }
        unit = grid_unit;
    }
    if (!unit) throw InvalidInput("the point is in no grid and no division code was given", Location{"", 0, "unit"});
    if (unit->level() == Level::province) throw InvalidInput("a case cannot sit at province level (" + unit->str() + ")", Location{"", 0, "unit"});
    if (divisions != nullptr && !divisions->contains(*unit)) {
        throw InvalidInput("division " + unit->str() + " is not in the division tree", Location{"", 0, "unit"});
    }
    return {*unit, std::move(grid)};
}

CaseId CaseEngine::Impl::open_case(const CaseInput& input, ActorId reporter, Instant at, const EventRecord* recorded) {
    if (cases.size() >= no_index - 1) throw InvalidInput("too many cases in one engine");
    check_required(input);
    const WorkflowDefinition* definition = &loop_for(input, recorded);
    const auto loop = static_cast<std::uint16_t>(
        std::find_if(loops.begin(), loops.end(), [&](const CompiledLoop& l) { return l.definition == definition; }) - loops.begin());
    auto [unit, grid] = place_of(input, recorded);
    if (options.jurisdiction && !covers(*options.jurisdiction, unit)) {
        throw InvalidInput("division " + unit.str() + " is outside the engine's jurisdiction " + options.jurisdiction->str(),
                           Location{"", 0, "unit"});
    }
    if (std::string refusal = filing_refusal(reporter, loops[loop], unit, grid); !refusal.empty()) {
        throw PermissionDenied(refusal);
    }
    for (std::size_t i = 0; i < input.attachments.size(); ++i) {
        const Attachment& a = input.attachments[i];
        const std::string field = "attachments[" + std::to_string(i) + "]";
        if (a.name.empty()) throw InvalidInput("attachment has no name", Location{"", 0, field});
        if (a.bytes < 0) throw InvalidInput("attachment " + in_quotes(a.name) + " has a negative size", Location{"", 0, field});
    }
    const Rung rung = grid.empty() ? rung_of(unit.level()) : Rung::grid;
    const detail::EntryDue due = check_deadline(loops[loop], loops[loop].initial, at);
    // Record.
    const CaseId id(static_cast<std::uint32_t>(cases.size()));
    inputs.push_back(input);
    openings.push_back(detail::Opening{loop, unit, std::move(grid)});
    Event event;
    event.kind = EventKind::opened;
    event.at = at;
    event.case_id = id;
    event.actor = reporter;
    event.to = loops[loop].initial;
    event.rung = rung;
    append(event, due);
    return id;
}

void CaseEngine::Impl::record_refusal(CaseState& state, ActorId actor, Instant at, std::uint16_t transition, const std::string& reason) {
    if (static_cast<std::uint64_t>(state.refusals) >= options.recorded_refusals_per_case) {
        ++unrecorded_refusals;  // refused all the same; the record keeps the first ones
        return;
    }
    Event event;
    event.kind = EventKind::refused;
    event.at = at;
    event.case_id = state.id;
    event.actor = actor;
    event.from = state.state;
    event.to = state.state;
    event.transition = transition;
    event.rung = state.rung;
    event.detail = add_detail(reason, attempted_fields != nullptr ? *attempted_fields : std::vector<Field>{});
    append(event);
}

void CaseEngine::Impl::refuse_permission(CaseState& state, ActorId actor, Instant at, std::uint16_t transition, std::string reason) {
    record_refusal(state, actor, at, transition, reason);
    throw PermissionDenied(reason);
}

void CaseEngine::Impl::refuse_rule(CaseState& state, ActorId actor, Instant at, std::uint16_t transition, std::string rule,
                                   std::string reason) {
    record_refusal(state, actor, at, transition, reason);
    throw RuleViolation(std::move(rule), reason);
}

std::optional<Assignment> CaseEngine::Impl::route(const CaseState& state, Rung from) const {
    if (responsibilities.entries().empty()) return std::nullopt;
    const MatterType* type = catalogue.find(state.matter);
    if (type == nullptr) return std::nullopt;
    return responsibilities.route(*type, inputs[state.id.value()].owner, state.unit, state.grid, from);
}

void CaseEngine::Impl::catch_up(std::uint32_t case_index, Instant at) {
    while (cases[case_index].next_breach && *cases[case_index].next_breach < at) breach(case_index);
}

std::size_t CaseEngine::Impl::breach(std::uint32_t case_index) {
    CaseState& state = cases[case_index];
    const Instant due = *state.next_breach;
    const std::uint8_t mask = loop_of(case_index).action_mask[state.state];
    const std::string& state_name = loop_of(case_index).definition->states()[state.state].id;
    std::size_t recorded = 0;
    Event event;
    event.at = due;
    event.case_id = state.id;
    event.from = state.state;
    event.to = state.state;
    for (const auto& [bit, kind] : {std::pair{detail::urge_bit, EventKind::urged}, std::pair{detail::notify_bit, EventKind::notified}}) {
        if ((mask & bit) == 0) continue;
        event.kind = kind;
        event.rung = state.rung;
        event.detail = add_detail(std::string(chinese_name(kind)) + ": state " + in_quotes(state_name) + " due " + to_string(due));
        append(event);
        ++recorded;
    }
    if ((mask & detail::escalate_bit) != 0 && state.rung < options.top_rung) {
        const Rung rung = next_rung(state.rung);
        std::string note = "督办: state " + in_quotes(state_name) + " due " + to_string(due) + ", escalated from " +
                    std::string(to_string(state.rung)) + " to " + std::string(to_string(rung));
        std::optional<Assignment> assignment;
        try {
            assignment = route(state, rung);
        } catch (const NotFound& error) {
            note += "; " + std::string(error.what());
        }
        event.kind = EventKind::escalated;
        event.rung = rung;
        event.detail = add_detail(std::move(note), {}, std::move(assignment));
        append(event);
        ++recorded;
    }
    return recorded;
}

void CaseEngine::take(CaseId id, std::string_view transition_id, ActorId actor_id, Instant at, std::vector<Field> fields,
                      std::string note) {
    Impl& m = *impl_;
    CaseState& state = m.case_at(id);
    const Actor& actor = m.acting(actor_id);
    if (at < state.last_event_at) {
        throw InvalidInput("time " + to_string(at) + " is before the last event of case " + case_number(id) + " (" +
                           to_string(state.last_event_at) + ")", Location{"", 0, "at"});
    }
    const CompiledLoop& loop = m.loop_of(id.value());
    const WorkflowDefinition& definition = *loop.definition;
    const auto& all = definition.transitions();
    const auto known = std::find_if(all.begin(), all.end(), [&](const TransitionDefinition& t) { return t.id == transition_id; });
    if (known == all.end()) {
        throw InvalidInput("workflow " + in_quotes(definition.id()) + " has no transition " + in_quotes(transition_id), Location{"", 0, "transition"});
    }
    const auto index = static_cast<std::uint16_t>(known - all.begin());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (fields[i].name == fields[j].name) throw InvalidInput("field " + in_quotes(fields[i].name) + " is given twice", Location{"", 0, "fields"});
        }
    }
    const detail::EntryDue due = m.check_deadline(loop, loop.targets[index], at);  // before anything is recorded
    m.catch_up(id.value(), at);
    const TransitionDefinition& transition = *known;
    const AttemptedFields attempt(m.attempted_fields, fields);  // recorded with a refusal, so that replay can reproduce it
    const std::string& here = definition.states()[state.state].id;
    if (state.closed) {
        m.refuse_rule(state, actor_id, at, index, "workflow.case-closed", "case " + case_number(id) + " is closed (state " + in_quotes(here) + ")");
    }
    const auto& leaving = loop.outgoing[state.state];
    if (std::find(leaving.begin(), leaving.end(), index) == leaving.end()) {
        m.refuse_rule(state, actor_id, at, index, "workflow.transition-not-available",
                      "transition " + in_quotes(transition_id) + " does not leave state " + in_quotes(here) + " of case " + case_number(id) +
                          " (available: " + list_of(available(id)) + ")");
    }
    // Role.
    std::uint16_t role = Event::none;
    const auto& needed = loop.transition_roles[index];
    for (std::uint16_t held : m.actor_roles[actor_id.value()]) {
        if (std::find(needed.begin(), needed.end(), held) != needed.end()) {
            role = held;
            break;
        }
    }
    if (role == Event::none) {
        m.refuse_permission(state, actor_id, at, index,
                            "actor " + in_quotes(actor.id) + " (roles: " + list_of(actor.roles) + ") may not take " + in_quotes(transition_id) +
                                " of case " + case_number(id) + ": it needs one of " + list_of(transition.roles));
    }
    // Scope.
    if (std::string refusal = m.place_refusal(actor, state.unit, state.grid, "case " + case_number(id)); !refusal.empty()) {
        m.refuse_permission(state, actor_id, at, index, std::move(refusal));
    }
    // Duties.
    if (transition.duty == Duty::handle && !actor.unit.empty() && state.assignment != no_index) {
        const Assignment& assigned = m.assignments[state.assignment];
        if (!names_unit(assigned, actor.unit)) {
            m.refuse_permission(state, actor_id, at, index,
                                "actor " + in_quotes(actor.id) + " of " + actor.unit + " may not handle case " + case_number(id) +
                                    ": it is assigned to " + assigned.primary);
        }
    }
    if (transition.duty == Duty::verify && state.handler.valid() && m.actors[state.handler.value()].person == actor.person) {
        const Actor& handler = m.actors[state.handler.value()];
        m.refuse_permission(state, actor_id, at, index,
                            "separation of duties: " +
                                (handler.id == actor.id ? "actor " + in_quotes(actor.id)
                                                        : "person " + in_quotes(actor.person) + " (actor " + in_quotes(actor.id) +
                                                              ", handler as " + in_quotes(handler.id) + ")") +
                                " handled case " + case_number(id) + " and may not verify it");
    }
    if (const std::vector<std::string> missing = missing_fields(transition.required_fields, fields); !missing.empty()) {
        m.refuse_rule(state, actor_id, at, index, "workflow.required-field",
                      "transition " + in_quotes(transition_id) + " of case " + case_number(id) + " needs " +
                          (missing.size() == 1 ? "field " : "fields ") + quoted_list(missing));
    }
    const std::uint16_t target_index = loop.targets[index];
    const StateDefinition& target = definition.states()[target_index];
    if (target.closed && loop.has_verification && state.handled && !state.verified) {
        m.refuse_rule(state, actor_id, at, index, "workflow.close-needs-verification",
                      "case " + case_number(id) + " cannot close: it was handled and has no passed verification since");
    }
    // Routing happens before anything is recorded, so a case nobody is responsible for, or sent to a
    // unit the list does not name, is refused whole.
    std::optional<Assignment> assignment;
    if (transition.duty == Duty::dispatch) {
        try {
            assignment = m.route(state, state.rung);
        } catch (const NotFound& error) {
            m.refuse_rule(state, actor_id, at, index, "workflow.no-responsible-unit", error.what());
        }
        const std::string_view department = field_value(fields, "department");
        if (!assignment) {
            if (!department.empty()) {
                assignment = Assignment{std::string(department), {}, state.rung, state.grid.empty() ? state.unit.str() : state.grid,
                                        "chosen by the dispatcher", {}};
            }
        } else if (!department.empty() && !names_unit(*assignment, department)) {
            // The dispatcher names a unit the list does not: a re-assignment, refused unless allowed.
            if (!m.options.allow_dispatch_override) {
                m.refuse_rule(state, actor_id, at, index, "workflow.department-not-responsible",
                              "dispatch of case " + case_number(id) + " to " + in_quotes(department) +
                                  ": the responsibility list routes it to " + in_quotes(assignment->primary) + " (primary; cooperating: " +
                                  list_of(assignment->cooperating) + "; " + assignment->basis +
                                  "); sending it to another unit needs the engine option allow_dispatch_override");
            }
            assignment->routed_primary = std::exchange(assignment->primary, std::string(department));
            assignment->basis = "re-assigned by the dispatcher from " + assignment->routed_primary + " (" + assignment->basis + ")";
        }
    }
    Event event;
    event.kind = EventKind::transition;
    event.at = at;
    event.case_id = id;
    event.actor = actor_id;
    event.role = role;
    event.from = state.state;
    event.transition = index;
    event.to = target_index;
    event.rung = state.rung;
    if (!fields.empty() || !note.empty()) event.detail = m.add_detail(std::move(note), std::move(fields));
    m.append(event, due);
    if (assignment) {
        Event assigned = event;
        assigned.kind = EventKind::assigned;
        assigned.transition = Event::none;
        assigned.from = assigned.to;
        assigned.rung = assignment->rung;
        assigned.detail = m.add_detail({}, {}, std::move(assignment));
        m.append(assigned);
    }
    m.rethrow_sink_error();
}

void CaseEngine::reopen(CaseId id, ActorId actor_id, Instant at, std::string note) {
    Impl& m = *impl_;
    CaseState& state = m.case_at(id);
    const Actor& actor = m.acting(actor_id);
    if (at < state.last_event_at) {
        throw InvalidInput("time " + to_string(at) + " is before the last event of case " + case_number(id), Location{"", 0, "at"});
    }
    if (!state.closed) m.refuse_rule(state, actor_id, at, Event::none, "workflow.case-open", "case " + case_number(id) + " is not closed");
    if (actor_id != state.reporter) {
        m.refuse_permission(state, actor_id, at, Event::none,
                            "only the reporter of case " + case_number(id) + " may reopen it, not " + in_quotes(actor.id));
    }
    // Reopening files the case again: the reporter must still be allowed to file it there.
    if (std::string refusal = m.filing_refusal(actor_id, m.loop_of(id.value()), state.unit, state.grid); !refusal.empty()) {
        m.refuse_permission(state, actor_id, at, Event::none, std::move(refusal));
    }
    const Instant window_end = m.options.reopen_window.due(m.calendar, *state.closed_at);
    if (at > window_end) {
        m.refuse_rule(state, actor_id, at, Event::none, "workflow.reopen-window",
                      "the reopen window of case " + case_number(id) + " (" + m.options.reopen_window.to_string() + ") ended at " +
                          to_string(window_end));
    }
    const detail::EntryDue due = m.check_deadline(m.loop_of(id.value()), m.loop_of(id.value()).reopen_to, at);
    Event event;
    event.kind = EventKind::reopened;
    event.at = at;
    event.case_id = id;
    event.actor = actor_id;
    event.from = state.state;
    event.to = m.loop_of(id.value()).reopen_to;
    event.rung = state.rung;
    if (!note.empty()) event.detail = m.add_detail(std::move(note));
    m.append(event, due);
    m.rethrow_sink_error();
}

std::size_t CaseEngine::advance(Instant now) {
    Impl& m = *impl_;
    std::size_t recorded = 0;
    while (!m.timers.empty() && m.timers.top().due < now) {
        const detail::Timer timer = m.timers.top();
        m.timers.pop();
        const CaseState& state = m.cases[timer.case_index];
        if (timer.generation != m.generations[timer.case_index] || !state.next_breach || *state.next_breach != timer.due) continue;
        recorded += m.breach(timer.case_index);
    }
    m.rethrow_sink_error();
    return recorded;
}

// ---- queries ------------------------------------------------------------------------------------

std::size_t CaseEngine::size() const noexcept { return impl_->cases.size(); }
const CaseState& CaseEngine::state(CaseId id) const { return impl_->case_at(id); }
std::span<const CaseState> CaseEngine::cases() const noexcept { return impl_->cases; }

const CaseInput& CaseEngine::input(CaseId id) const {
    impl_->case_at(id);
    return impl_->inputs[id.value()];
}

std::string CaseEngine::case_number(CaseId id) {
    std::string digits = id.valid() ? std::to_string(static_cast<std::uint64_t>(id.value()) + 1) : std::string("?");
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    return "C" + digits;
}

CaseId CaseEngine::parse_case_number(std::string_view number) {
    std::uint64_t value = 0;
    const char* first = number.data() + 1;
    const char* last = number.data() + number.size();
    if (number.size() < 2 || number.front() != 'C' || std::from_chars(first, last, value).ptr != last || value == 0) {
        throw InvalidInput("case number " + in_quotes(number) + " is not 'C' followed by digits (C000001)");
    }
    if (value > std::numeric_limits<CaseId::rep_type>::max()) throw NotFound("no case " + in_quotes(number));  // past every id
    return CaseId(static_cast<std::uint32_t>(value - 1));
}

CaseId CaseEngine::find_case(std::string_view number) const {
    const CaseId id = parse_case_number(number);
    if (id.value() >= impl_->cases.size()) throw NotFound("no case " + std::string(number));
    return id;
}

const std::string& CaseEngine::state_id(CaseId id) const {
    const CaseState& state = impl_->case_at(id);
    return state.definition->states()[state.state].id;
}

std::optional<Assignment> CaseEngine::assignment(CaseId id) const {
    const CaseState& state = impl_->case_at(id);
    if (state.assignment == no_index) return std::nullopt;
    return impl_->assignments[state.assignment];
}

std::vector<std::string> CaseEngine::available(CaseId id) const {
    const CaseState& state = impl_->case_at(id);
    std::vector<std::string> out;
    for (std::uint16_t t : impl_->loop_of(id.value()).outgoing[state.state]) out.push_back(state.definition->transitions()[t].id);
    return out;
}

std::span<const Event> CaseEngine::events() const noexcept { return impl_->events; }

std::vector<const Event*> CaseEngine::events_of(CaseId id) const {
    const CaseState& state = impl_->case_at(id);
    std::vector<const Event*> out;
    for (std::uint32_t i = state.last_event; i != no_index; i = impl_->events[i].previous) out.push_back(&impl_->events[i]);
    std::reverse(out.begin(), out.end());
    return out;
}

const std::string& CaseEngine::role_name(std::uint16_t role) const {
    if (role >= impl_->roles.size()) throw NotFound("no role with index " + std::to_string(role));
    return impl_->roles[role];
}

std::uint64_t CaseEngine::unrecorded_refusals() const noexcept { return impl_->unrecorded_refusals; }

std::size_t CaseEngine::memory_bytes() const noexcept {
    const Impl& m = *impl_;
    std::size_t bytes = m.cases.capacity() * sizeof(CaseState) + m.events.capacity() * sizeof(Event) +
                        m.details.capacity() * sizeof(detail::EventDetail) + m.inputs.capacity() * sizeof(CaseInput) +
                        m.openings.capacity() * sizeof(detail::Opening) + m.generations.capacity() * sizeof(std::uint32_t) +
                        m.timers.size() * sizeof(detail::Timer);
    auto heap = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
    for (const CaseState& c : m.cases) bytes += heap(c.grid) + heap(c.matter);
    for (const CaseInput& in : m.inputs) {
        bytes += heap(in.matter) + heap(in.workflow) + heap(in.address) + heap(in.owner) + heap(in.description) +
                 in.attachments.capacity() * sizeof(Attachment);
    }
    for (const detail::Opening& o : m.openings) bytes += heap(o.grid);
    for (const detail::EventDetail& d : m.details) {
        bytes += heap(d.text) + d.fields.capacity() * sizeof(Field);
        for (const Field& f : d.fields) bytes += heap(f.name) + heap(f.value);
    }
    bytes += m.assignments.capacity() * sizeof(Assignment);
    for (const Assignment& a : m.assignments) {
        bytes += heap(a.primary) + heap(a.territory) + heap(a.basis) + heap(a.routed_primary) + a.cooperating.capacity() * sizeof(std::string);
        for (const std::string& unit : a.cooperating) bytes += heap(unit);
    }
    return bytes;
}

// ---- work lists and timers ------------------------------------------------------------------------

namespace {

/// Sorts @p ids by their due instant (none last), then by id.
void by_deadline(std::vector<CaseId>& ids, std::span<const CaseState> cases) {
    std::sort(ids.begin(), ids.end(), [&](CaseId a, CaseId b) {
        const CaseState& x = cases[a.value()];
        const CaseState& y = cases[b.value()];
        if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
        if (x.due && *x.due != *y.due) return *x.due < *y.due;
        return a.value() < b.value();
    });
}

}  // namespace

std::vector<CaseId> CaseEngine::work_list(std::string_view unit) const {
    const Impl& m = *impl_;
    std::vector<CaseId> out;
    for (const CaseState& state : m.cases) {
        if (state.closed || state.assignment == no_index) continue;
        if (names_unit(m.assignments[state.assignment], unit)) out.push_back(state.id);
    }
    by_deadline(out, m.cases);
    return out;
}

std::vector<CaseId> CaseEngine::work_list(ActorId actor_id) const {
    const Impl& m = *impl_;
    const Actor& actor = m.actor_at(actor_id);
    std::vector<CaseId> out;
    if (m.actor_active[actor_id.value()] == 0) return out;
    const std::vector<std::uint16_t>& held = m.actor_roles[actor_id.value()];
    for (const CaseState& state : m.cases) {
        if (state.closed || !m.place_refusal(actor, state.unit, state.grid, "").empty()) continue;
        if (!actor.unit.empty() && (state.assignment == no_index || !names_unit(m.assignments[state.assignment], actor.unit))) continue;
        const CompiledLoop& loop = m.loop_of(state.id.value());
        const bool may = std::any_of(loop.outgoing[state.state].begin(), loop.outgoing[state.state].end(), [&](std::uint16_t t) {
            const auto& allowed = loop.transition_roles[t];
            return std::any_of(allowed.begin(), allowed.end(),
                               [&](std::uint16_t role) { return std::find(held.begin(), held.end(), role) != held.end(); });
        });
        if (may) out.push_back(state.id);
    }
    by_deadline(out, m.cases);
    return out;
}

std::vector<CaseId> CaseEngine::due_before(Instant instant) const {
    std::vector<CaseId> out;
    for (const CaseState& state : impl_->cases) {
        if (!state.closed && state.next_breach && *state.next_breach < instant) out.push_back(state.id);
    }
    std::sort(out.begin(), out.end(), [&](CaseId a, CaseId b) {
        const Instant x = *impl_->cases[a.value()].next_breach;
        const Instant y = *impl_->cases[b.value()].next_breach;
        return x != y ? x < y : a.value() < b.value();
    });
    return out;
}

std::optional<Instant> CaseEngine::next_timer() const {
    std::optional<Instant> out;
    for (const CaseState& state : impl_->cases) {
        if (!state.closed && state.next_breach && (!out || *state.next_breach < *out)) out = state.next_breach;
    }
    return out;
}

void CaseEngine::Impl::rethrow_sink_error() {
    if (!sink_error) return;
    std::exception_ptr error = std::exchange(sink_error, nullptr);
    std::rethrow_exception(error);
}

void CaseEngine::Impl::clear_cases() noexcept {
    cases.clear();
    inputs.clear();
    openings.clear();
    generations.clear();
    events.clear();
    details.clear();
    assignments.clear();
    timers = {};
    replay_unconfirmed = 0;
}

}  // namespace grassroots
