// The dual ledger through the store: its journal event by event (one event per journal sequence),
// rebuilt by replaying the events through the ledger's rules.
#include <algorithm>
#include <map>

#include "grassroots/ledger/ledger.hpp"
#include "grassroots/store/objects.hpp"
#include "store/objects_support.hpp"

namespace grassroots {

using detail::json;

namespace {

// One journal sequence: the entry that made it and which side of the ledger holds it.
struct JournalStep {
    const LedgerEntry* entry = nullptr;
    const Problem* problem = nullptr;  // the problem side (links, problem actions)
    const Measure* measure = nullptr;  // the measure side (links, measure actions)
    std::vector<std::string> unverified;  // problems this step sent back to open
};

std::string event_type(const JournalStep& step) {
    const LedgerAction a = step.entry->action;
    switch (a) {
        case LedgerAction::created: return step.problem ? "problem_created" : "measure_created";
        case LedgerAction::linked: return "linked";
        case LedgerAction::unlinked: return "unlinked";
        case LedgerAction::reopened: return step.problem ? "problem_reopened" : "measure_reopened";
        default: return (step.problem ? "problem_" : "measure_") + std::string(to_string(a));
    }
}

const std::vector<std::string>& ledger_event_types() {
    static const std::vector<std::string> types{"problem_created",   "measure_created",    "linked",
                                                "unlinked",          "measure_started",    "measure_completed",
                                                "measure_reopened",  "problem_verified",   "problem_rejected",
                                                "problem_struck_off", "problem_reopened"};
    return types;
}

bool is_ledger_type(const std::string& type) {
    const auto& types = ledger_event_types();
    return std::find(types.begin(), types.end(), type) != types.end();
}

json owner_json(const OwnerUnit& owner) {
    return {{"division", owner.division ? json(owner.division->str()) : json(nullptr)},
            {"department", owner.department}};
}

OwnerUnit owner_from(const json& j) {
    OwnerUnit owner;
    if (const auto d = j.find("division"); d != j.end() && !d->is_null()) owner.division = detail::code_field(j, "division");
    owner.department = detail::field<std::string>(j, "department");
    return owner;
}

// The journal of @p ledger by sequence (0, 1, …); throws if it has a hole (it never should).
std::vector<JournalStep> journal(const DualLedger& ledger) {
    std::map<std::uint64_t, JournalStep> steps;
    for (const Problem& p : ledger.problems()) {
        for (const LedgerEntry& e : p.history) {
            JournalStep& step = steps[e.sequence];
            if (e.action == LedgerAction::unverified) {
                step.unverified.push_back(p.number);
            } else {
                step.entry = &e;
                step.problem = &p;
            }
        }
    }
    for (const Measure& m : ledger.measures()) {
        for (const LedgerEntry& e : m.history) {
            JournalStep& step = steps[e.sequence];
            step.measure = &m;  // a link names both sides; any other measure action only this one
            if (e.action != LedgerAction::linked && e.action != LedgerAction::unlinked) step.entry = &e;
        }
    }
    std::vector<JournalStep> out;
    out.reserve(steps.size());
    for (auto& [sequence, step] : steps) {
        if (sequence != out.size() || step.entry == nullptr) {
            throw InvalidInput("the ledger's journal has no entry for sequence " + std::to_string(out.size()));
        }
        std::sort(step.unverified.begin(), step.unverified.end());
        out.push_back(std::move(step));
    }
    return out;
}

// The payload of @p step (without "recorded_by").
json step_payload(const JournalStep& step, std::size_t sequence) {
    const LedgerEntry& e = *step.entry;
    json j{{"sequence", sequence}, {"date", to_string(e.date)}, {"actor", e.actor}, {"note", e.note}};
    if (!step.unverified.empty()) j["unverified"] = step.unverified;
    switch (e.action) {
        case LedgerAction::created:
            if (step.problem) {
                const Problem& p = *step.problem;
                j.update({{"problem", p.number},
                          {"title", p.title},
                          {"owner", owner_json(p.owner)},
                          {"due", to_string(p.due)},
                          {"source_kind", std::string(to_string(p.source.kind))},
                          {"source_reference", p.source.reference}});
            } else {
                const Measure& m = *step.measure;
                j.update({{"measure", m.number},
                          {"title", m.title},
                          {"owner", owner_json(m.owner)},
                          {"responsible", m.responsible},
                          {"due", to_string(m.due)}});
            }
            break;
        case LedgerAction::linked:
        case LedgerAction::unlinked:
            j["problem"] = step.problem->number;
            j["measure"] = e.other;
            break;
        default:
            if (step.problem) {
                j["problem"] = step.problem->number;
            } else {
                j["measure"] = step.measure->number;
            }
            break;
    }
    return j;
}

// Applies one stored event to @p ledger through its rules.
void apply(DualLedger& ledger, const std::string& type, const json& j) {
    using detail::field;
    const Date date = detail::date_field(j, "date");
    auto actor = field<std::string>(j, "actor");
    auto note = field<std::string>(j, "note");
    const auto problem = [&] { return ledger.find_problem(field<std::string>(j, "problem")); };
    const auto measure = [&] { return ledger.find_measure(field<std::string>(j, "measure")); };
    if (type == "problem_created") {
        ProblemSource source{.kind = detail::enum_field<ProblemSourceKind>(j, "source_kind"),
                             .reference = field<std::string>(j, "source_reference")};
        (void)ledger.add_problem(ProblemInput{.title = field<std::string>(j, "title"),
                                              .owner = owner_from(j.at("owner")),
                                              .raised = date,
                                              .due = detail::date_field(j, "due"),
                                              .actor = std::move(actor),
                                              .number = field<std::string>(j, "problem"),
                                              .note = std::move(note),
                                              .source = std::move(source)});
    } else if (type == "measure_created") {
        (void)ledger.add_measure(MeasureInput{.title = field<std::string>(j, "title"),
                                              .owner = owner_from(j.at("owner")),
                                              .responsible = field<std::string>(j, "responsible"),
                                              .created = date,
                                              .due = detail::date_field(j, "due"),
                                              .actor = std::move(actor),
                                              .number = field<std::string>(j, "measure"),
                                              .note = std::move(note)});
    } else if (type == "linked") {
        ledger.link(problem(), measure(), date, std::move(actor), std::move(note));
    } else if (type == "unlinked") {
        ledger.unlink(problem(), measure(), date, std::move(actor), std::move(note));
    } else if (type == "measure_started") {
        ledger.start(measure(), date, std::move(actor), std::move(note));
    } else if (type == "measure_completed") {
        ledger.complete(measure(), date, std::move(actor), std::move(note));
    } else if (type == "measure_reopened") {
        ledger.reopen_measure(measure(), date, std::move(actor), std::move(note));
    } else if (type == "problem_verified" || type == "problem_rejected") {
        ledger.verify(problem(), date, std::move(actor), type == "problem_verified", std::move(note));
    } else if (type == "problem_struck_off") {
        ledger.strike_off(problem(), date, std::move(actor), std::move(note));
    } else if (type == "problem_reopened") {
        ledger.reopen_problem(problem(), date, std::move(actor), std::move(note));
    } else {
        throw InvalidInput("unknown ledger event type '" + type + "'");
    }
}

json without_recorder(json j) {
    j.erase("recorded_by");
    return j;
}

}  // namespace

std::int64_t save(Store& store, const std::string& id, const DualLedger& ledger, const std::string& actor,
                  std::int64_t expected_version) {
    if (id.empty()) throw InvalidInput("no stream id given for the ledger");
    if (expected_version < any_version) {
        throw InvalidInput("stream '" + id + "': expected version " + std::to_string(expected_version) + " is negative");
    }
    const std::vector<JournalStep> steps = journal(ledger);
    const std::int64_t current = store.stream_version(id);
    if (expected_version != any_version && expected_version != current) {
        throw RuleViolation("store.expected_version", "version conflict on stream '" + id + "': expected version " +
                                                          std::to_string(expected_version) +
                                                          ", but the stream is at version " + std::to_string(current) +
                                                          "; nothing was written");
    }
    const auto total = static_cast<std::int64_t>(steps.size());
    if (current > 0) {
        const std::vector<StoredEvent> stored = store.read_stream(id);
        for (std::size_t i = 0; i < stored.size(); ++i) {
            const std::string where = detail::stream_where(id, static_cast<std::int64_t>(i) + 1);
            if (!is_ledger_type(stored[i].type)) {
                throw InvalidInput(where + " holds a '" + stored[i].type + "' event: it is not a ledger stream");
            }
            if (static_cast<std::int64_t>(i) >= total) {
                throw RuleViolation("store.expected_version",
                                    "version conflict on stream '" + id + "': it holds " + std::to_string(current) +
                                        " journal entries but this ledger only " + std::to_string(total) +
                                        " (it was changed elsewhere; load it again); nothing was written");
            }
            const json ours = step_payload(steps[i], i);
            const json theirs = detail::decode_payload(where, [&] { return json::parse(stored[i].payload); });
            if (stored[i].type != event_type(steps[i]) || without_recorder(theirs) != ours) {
                throw RuleViolation("store.expected_version",
                                    "version conflict on stream '" + id + "': " + where +
                                        " differs from this ledger's journal entry " + std::to_string(i) +
                                        " (the ledger was changed elsewhere since it was loaded); nothing was written");
            }
        }
    }
    if (current == total) return current;
    std::vector<NewEvent> events;
    for (std::int64_t i = current; i < total; ++i) {
        json payload = step_payload(steps[static_cast<std::size_t>(i)], static_cast<std::size_t>(i));
        payload["recorded_by"] = actor;
        std::string text = payload.dump(-1, ' ', false, json::error_handler_t::strict);
        events.push_back(NewEvent{.event_id = detail::object_event_id(id, i + 1, text),
                                  .type = event_type(steps[static_cast<std::size_t>(i)]),
                                  .payload = std::move(text),
                                  .schema_version = detail::object_format_version,
                                  .actor = steps[static_cast<std::size_t>(i)].entry->actor,
                                  .correlation_id = {},
                                  .causation_id = {}});
    }
    return store.append(id, std::string(stream_kind::ledger), current, events).stream_version;
}

DualLedger load_ledger(const Store& store, const std::string& id, std::int64_t version) {
    if (id.empty()) throw InvalidInput("no stream id given for the ledger");
    if (version < 0) throw InvalidInput("stream '" + id + "': version " + std::to_string(version) + " is negative");
    const std::int64_t current = store.stream_version(id);
    if (current == 0) {
        throw NotFound("no stream '" + id + "' in the store " + store.path().string() + " (looking for a ledger)");
    }
    if (version > current) {
        throw InvalidInput("stream '" + id + "' has versions 1 to " + std::to_string(current) + "; there is no version " +
                           std::to_string(version));
    }
    const std::vector<StoredEvent> events = store.read_stream(id, 1, version);
    DualLedger ledger;
    std::vector<std::vector<std::string>> unverified(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const StoredEvent& e = events[i];
        const std::string where = detail::stream_where(id, e.stream_version);
        if (!is_ledger_type(e.type)) {
            throw InvalidInput(where + " holds a '" + e.type + "' event: it is not a ledger stream");
        }
        if (e.schema_version > detail::object_format_version) {
            throw InvalidInput(where + " was written by a newer grassroots (format version " +
                               std::to_string(e.schema_version) + ")");
        }
        detail::decode_payload(where, [&] {
            const json j = json::parse(e.payload);
            if (detail::field<std::size_t>(j, "sequence") != i) {
                throw InvalidInput("journal sequence " + j.at("sequence").dump() + " where " + std::to_string(i) +
                                   " was expected");
            }
            if (const auto u = j.find("unverified"); u != j.end()) unverified[i] = u->get<std::vector<std::string>>();
            apply(ledger, e.type, j);
        });
    }
    // The automatic `unverified` entries the replay made must be those the journal recorded.
    const std::vector<JournalStep> steps = journal(ledger);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].unverified != unverified[i]) {
            throw InvalidInput(detail::stream_where(id, static_cast<std::int64_t>(i) + 1) +
                               ": corrupted payload: the replay sends a different set of verified problems back to open");
        }
    }
    return ledger;
}

}  // namespace grassroots
