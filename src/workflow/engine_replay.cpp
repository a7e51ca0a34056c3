// Replay: every record is re-executed through the operation the live engine runs (open, take,
// reopen, a deadline's breach) and must equal the event that operation records, so a history the
// live engine could not have produced is refused. The rules live in the operations only.
#include <algorithm>
#include <string>

#include "core/quote.hpp"
#include "grassroots/error.hpp"
#include "workflow/engine_impl.hpp"

namespace grassroots {

namespace {

using detail::in_quotes;

bool is_breach(EventKind kind) noexcept {
    return kind == EventKind::urged || kind == EventKind::notified || kind == EventKind::escalated;
}

Location line(std::size_t row, std::string_view field) { return Location{"", row, std::string(field)}; }

bool same_fields(std::span<const Field> made, const std::vector<Field>& recorded) {
    return std::equal(made.begin(), made.end(), recorded.begin(), recorded.end());
}

bool same_assignment(const Assignment* made, const std::optional<Assignment>& recorded) {
    return made == nullptr ? !recorded : recorded && *made == *recorded;
}

/// The first key on which @p made (what the live engine records) and @p recorded differ, or "".
/// The input of an opened event is the recorded one by construction.
std::string_view first_difference(const EventView& made, const EventRecord& recorded) {
    const EventRecord& r = recorded;
    if (made.case_number() != r.case_number) return "case";
    if (made.kind != r.kind) return "kind";
    if (made.at != r.at) return "at";
    if (made.actor != r.actor) return "actor";
    if (made.role != r.role) return "role";
    if (made.from != r.from) return "from";
    if (made.to != r.to) return "to";
    if (made.transition != r.transition) return "transition";
    if (made.rung != r.rung) return "rung";
    if (made.note != r.note) return "note";
    if (!same_fields(made.fields, r.fields)) return "fields";
    if (made.reason != r.reason) return "reason";
    if (!same_assignment(made.assignment, r.assignment)) return "assignment";
    if (made.workflow != r.workflow) return "workflow";
    if (made.workflow_version != r.workflow_version) return "workflow_version";
    if (made.unit ? made.unit->str() != r.unit : !r.unit.empty()) return "unit";
    if (made.grid != r.grid) return "grid";
    return {};
}

/// The value of @p key in @p r, in words, for an error message.
std::string value_of(const EventRecord& r, std::string_view key) {
    const auto text = [](std::string_view s) { return s.empty() ? std::string("nothing") : in_quotes(s); };
    if (key == "case") return text(r.case_number);
    if (key == "kind") return text(to_string(r.kind));
    if (key == "at") return to_string(r.at);
    if (key == "actor") return text(r.actor);
    if (key == "role") return text(r.role);
    if (key == "from") return text(r.from);
    if (key == "to") return text(r.to);
    if (key == "transition") return text(r.transition);
    if (key == "rung") return text(to_string(r.rung));
    if (key == "note") return text(r.note);
    if (key == "reason") return text(r.reason);
    if (key == "workflow") return text(r.workflow);
    if (key == "workflow_version") return std::to_string(r.workflow_version);
    if (key == "unit") return text(r.unit);
    if (key == "grid") return text(r.grid);
    if (key == "fields") {
        std::string out;
        for (const Field& f : r.fields) out += (out.empty() ? "" : ", ") + f.name + "=" + in_quotes(f.value);
        return out.empty() ? "none" : "{" + out + "}";
    }
    if (!r.assignment) return "none";
    std::string units = r.assignment->primary;
    for (const std::string& unit : r.assignment->cooperating) units += ", " + unit;
    return in_quotes(units) + " at " + std::string(to_string(r.assignment->rung)) +
           (r.assignment->routed_primary.empty() ? "" : " (routed to " + r.assignment->routed_primary + ")");
}

/// Throws InvalidInput for record @p recorded (line @p row), which differs from @p made on @p key;
/// @p refusal_key names the key to blame when the live engine refused the operation.
[[noreturn]] void refuse_difference(const EventView& made, const EventRecord& recorded, std::size_t row, std::string_view key,
                                    std::string_view refusal_key) {
    if (key == "kind" && made.kind == EventKind::refused) {
        throw InvalidInput("the live engine refuses this " + std::string(to_string(recorded.kind)) + ": " + std::string(made.reason),
                           line(row, refusal_key));
    }
    if (key == "kind" && recorded.kind == EventKind::refused) {
        throw InvalidInput("the live engine accepts this attempt (it records " + in_quotes(to_string(made.kind)) +
                               "); the record says it was refused: " + recorded.reason,
                           line(row, "reason"));
    }
    if (key == "kind" && is_breach(made.kind)) {
        throw InvalidInput("a deadline of case " + recorded.case_number + " fell due at " + to_string(made.at) + ": the live engine records " +
                               std::string(chinese_name(made.kind)) + " (" + std::string(to_string(made.kind)) +
                               ") then, before this event; the record lacks it",
                           line(row, "at"));
    }
    throw InvalidInput("'" + std::string(key) + "' is " + value_of(recorded, key) + " where the live engine records " +
                           value_of(made.to_record(), key),
                       line(row, key));
}

}  // namespace

void CaseEngine::Impl::fire_breach(CaseId id, const EventRecord& r, std::size_t row) {
    const CaseState& state = cases[id.value()];
    const std::string what = std::string(chinese_name(r.kind)) + " (" + std::string(to_string(r.kind)) + ") of case " + r.case_number;
    if (!state.next_breach) throw InvalidInput(what + " at " + to_string(r.at) + ": no deadline of the case is pending", line(row, "kind"));
    if (r.at < *state.next_breach) {
        throw InvalidInput(what + " at " + to_string(r.at) + ", before its deadline falls due (" + to_string(*state.next_breach) + ")",
                           line(row, "at"));
    }
    if (r.at > *state.next_breach) {
        throw InvalidInput(what + " at " + to_string(r.at) + ": its deadline fell due at " + to_string(*state.next_breach), line(row, "at"));
    }
    breach(id.value());
}

std::string_view CaseEngine::Impl::reexecute(CaseEngine& engine, const EventRecord& r, std::size_t row) {
    if (r.kind == EventKind::assigned) throw InvalidInput("an assigned event without the dispatch that routed it", line(row, "kind"));
    std::optional<ActorId> actor;
    if (!r.actor.empty()) {
        actor = engine.find_actor(r.actor);
        if (!actor) throw InvalidInput("unknown actor " + in_quotes(r.actor), line(row, "actor"));
    }
    if (r.kind == EventKind::opened) {
        if (!r.input) throw InvalidInput("an opened event needs its input", line(row, "input"));
        if (!actor) throw InvalidInput("an opened event needs its reporter", line(row, "actor"));
        replayed_opening = &r;
        try {
            engine.open(*r.input, *actor, r.at);
        } catch (const InvalidInput&) {
            replayed_opening = nullptr;
            throw;
        } catch (const Error& error) {  // a refusal: nothing is recorded without a case
            replayed_opening = nullptr;
            throw InvalidInput("the live engine refuses this: " + std::string(error.what()), line(row, "actor"));
        }
        replayed_opening = nullptr;
        return {};
    }
    CaseId id;
    try {
        id = engine.find_case(r.case_number);
    } catch (const NotFound& error) {
        throw InvalidInput(error.what(), line(row, "case"));
    }
    if (is_breach(r.kind)) {
        fire_breach(id, r, row);
        return {};
    }
    if (!actor) throw InvalidInput("a " + std::string(to_string(r.kind)) + " event needs its actor", line(row, "actor"));
    const std::size_t before = events.size();
    // A refusal the live engine records is compared with the record; one it does not record is an error here.
    const auto refused = [&](const Error& error, std::string_view key) {
        if (events.size() == before) throw InvalidInput("the live engine refuses this: " + std::string(error.what()), line(row, key));
        return key;
    };
    try {
        if (r.kind == EventKind::reopened || (r.kind == EventKind::refused && r.transition.empty())) {
            engine.reopen(id, *actor, r.at, r.note);
        } else {
            engine.take(id, r.transition, *actor, r.at, r.fields, r.note);
        }
    } catch (const PermissionDenied& error) {
        return refused(error, "actor");
    } catch (const RuleViolation& error) {
        return refused(error, error.rule_id() == "workflow.required-field" ? "fields" : "transition");
    }
    return {};
}

void CaseEngine::replay(std::span<const EventRecord> records, ReplayEnd end) {
    Impl& m = *impl_;
    if (!m.cases.empty() && !records.empty() && records.front().sequence != m.events.size() - m.replay_unconfirmed) {
        throw InvalidInput("replay needs an engine without cases; this one has " + std::to_string(m.cases.size()));
    }
    m.replaying = true;
    std::size_t row = 0;
    try {
        std::string_view refusal_key;
        for (; row < records.size(); ++row) {
            const EventRecord& r = records[row];
            const std::size_t next = m.events.size() - m.replay_unconfirmed;
            if (r.sequence != next) {
                throw InvalidInput("sequence " + std::to_string(r.sequence) + " where " + std::to_string(next) + " was expected",
                                   line(row + 1, "sequence"));
            }
            if (m.replay_unconfirmed == 0) {
                refusal_key = m.reexecute(*this, r, row + 1);
                m.replay_unconfirmed = m.events.size() - next;
            }
            const EventView made = m.view(m.events[next]);
            if (const std::string_view key = first_difference(made, r); !key.empty()) refuse_difference(made, r, row + 1, key, refusal_key);
            --m.replay_unconfirmed;
        }
        if (end == ReplayEnd::complete && m.replay_unconfirmed != 0) {
            const EventView missing = m.view(m.events[m.events.size() - m.replay_unconfirmed]);
            throw InvalidInput("the records end inside an operation (cut short?): the live engine also records " +
                                   in_quotes(to_string(missing.kind)) + " of case " + std::string(missing.case_number()) + " after it",
                               line(records.size(), "kind"));
        }
    } catch (const Error& error) {
        m.clear_cases();
        m.replaying = false;
        const auto* invalid = dynamic_cast<const InvalidInput*>(&error);
        const std::size_t at_row = std::min(row + 1, records.size());
        if (invalid != nullptr) {
            throw InvalidInput("replay: " + invalid->problem(), invalid->where().row != 0 ? invalid->where() : line(at_row, invalid->where().field));
        }
        throw InvalidInput(std::string("replay: ") + error.what(), line(at_row, ""));
    }
    m.replaying = false;
}

}  // namespace grassroots
