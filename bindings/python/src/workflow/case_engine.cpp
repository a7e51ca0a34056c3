// The helpers of case_engine.hpp: the sink that queues events for Python subscribers and their
// delivery, ids from Python arguments, CaseState snapshots and the column primitives of the pandas
// views.
//
// Callbacks. engine.subscribe(fn) calls fn(record) for every later event, in order, with the GIL
// held, after the operation that recorded it has finished and released the engine: the engine's
// sink only queues an EventRecord (no Python, so advance() runs without the GIL throughout), and
// the operation then delivers the queue. A callback may therefore read and change the engine; the
// events of a change it makes are delivered after the ones already queued, by the same delivery.
// One delivery runs at a time, so callbacks never overlap and always see events in sequence order;
// an operation finishing on another thread while a delivery runs leaves its events to it. A
// callback never raises into the C++ engine: the operation completes (every event is recorded and
// every callback called), then the first exception a callback raised is re-raised; when the
// operation itself fails (say, PermissionDeniedError after recording a refusal), that error wins
// and the callback's goes to sys.unraisablehook. Callbacks are held in the engine's __dict__, so
// reference cycles through them are collected.
#include "workflow/case_engine.hpp"

#include <pybind11/numpy.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "grassroots/error.hpp"

namespace grassroots::python {

namespace {

constexpr std::int64_t no_time = std::numeric_limits<std::int64_t>::min();  // NaT in datetime64

/// Queues every event for the Python subscribers, as an owning EventRecord; runs inside the engine's
/// operation, under the lock and perhaps without the GIL, and touches no Python object.
class PythonSink final : public EventSink {
public:
    explicit PythonSink(EngineBox& box) : box_(&box) {}

    void on_event(const EventView& event) override {
        if (box_->subscribers != 0) box_->undelivered.push_back(event.to_record());
    }

private:
    EngineBox* box_;
};

/// Calls every subscriber with @p record; the first error goes to @p first, later ones to
/// sys.unraisablehook.
void call_subscribers(EngineBox& box, const EventRecord& record, std::optional<py::error_already_set>& first) {
    const auto keep = [&first](py::error_already_set&& error) {
        if (!first) {
            first.emplace(std::move(error));
        } else {
            error.discard_as_unraisable("grassroots.CaseEngine event callback");
        }
    };
    try {
        const py::object subscribers = py::getattr(py::handle(box.self), subscribers_attribute, py::none());
        if (subscribers.is_none() || py::len(subscribers) == 0) return;
        const py::list snapshot(subscribers);  // unsubscribing during a callback is fine
        const py::object value = py::cast(record);
        for (const py::handle callback : snapshot) {
            try {
                callback(value);
            } catch (py::error_already_set& error) {
                keep(std::move(error));
            }
        }
    } catch (py::error_already_set& error) {
        keep(std::move(error));
    } catch (const std::exception& error) {
        PyErr_SetString(PyExc_RuntimeError, error.what());
        keep(py::error_already_set());
    }
}

std::int64_t seconds_of(Instant at) { return at.time_since_epoch().count(); }
std::int64_t seconds_of(const std::optional<Instant>& at) { return at ? seconds_of(*at) : no_time; }

template <class T>
py::array_t<T> array_of(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

template <class T>
py::list list_of(const std::vector<T>& values) {
    py::list out;
    for (const T& value : values) out.append(py::cast(value));
    return out;
}

py::list texts_or_none(const std::vector<std::string>& values) {
    py::list out;
    for (const std::string& value : values) out.append(text_or_none(value));
    return out;
}

}  // namespace

bool claim_delivery(EngineBox& box) {
    if (box.deliverer || box.undelivered.empty()) return false;
    box.deliverer = std::this_thread::get_id();
    return true;
}

std::optional<py::error_already_set> deliver_events(EngineBox& box) {
    std::optional<py::error_already_set> first;
    while (true) {
        std::optional<EventRecord> record;
        {
            const EngineLock lock(box);
            if (box.undelivered.empty()) {
                box.deliverer.reset();
                return first;
            }
            record.emplace(std::move(box.undelivered.front()));
            box.undelivered.pop_front();
        }
        call_subscribers(box, *record, first);
    }
}

void finish_change(std::exception_ptr failure, std::optional<py::error_already_set> callback_error) {
    if (failure) {
        if (callback_error) callback_error->discard_as_unraisable("grassroots.CaseEngine event callback");
        std::rethrow_exception(failure);
    }
    if (callback_error) throw std::move(*callback_error);
}

void add_python_sink(EngineBox& box) {
    if (box.sink_added) return;
    box.engine.add_sink(std::make_shared<PythonSink>(box));
    box.sink_added = true;
}

ActorId actor_id(const CaseEngine& engine, const ActorArgument& actor) {
    if (const auto* id = std::get_if<ActorId>(&actor)) return *id;
    const std::string& text = std::get<std::string>(actor);
    if (const std::optional<ActorId> found = engine.find_actor(text)) return *found;
    throw NotFound("no actor '" + text + "'");
}

CaseId case_id(const CaseEngine& engine, const CaseArgument& id) {
    if (const auto* value = std::get_if<CaseId>(&id)) return *value;
    return engine.find_case(std::get<CodeText>(id).utf8);
}

const Event& own_event(const CaseEngine& engine, const EventArgument& event) {
    const auto events = engine.events();
    const std::uint64_t sequence =
        std::holds_alternative<Event>(event) ? std::get<Event>(event).sequence : std::get<std::uint64_t>(event);
    if (sequence >= events.size()) throw NotFound("no event with sequence " + std::to_string(sequence));
    const Event& own = events[sequence];
    if (std::holds_alternative<Event>(event) && !(std::get<Event>(event) == own)) {
        throw NotFound("event " + std::to_string(sequence) + " is not an event of this engine");
    }
    return own;
}

CaseView view_of(const CaseState& state) {
    CaseView view{state, state.definition->id(), state.definition->version(),
                  state.definition->states()[state.state].id};
    view.state.definition = nullptr;  // the engine owns it; Python must not reach it
    return view;
}

py::dict case_columns(EngineBox& box) {
    struct Columns {
        std::vector<std::string> number, workflow, state, unit, grid, matter, primary, routed_primary;
        std::vector<std::int64_t> version, opened_at, updated_at, due, closed_at, handling_due, handled_at, transitions,
            reworks, escalations, urges, reopens, refusals;
        std::vector<std::int8_t> priority, rung;
        std::vector<bool> closed;
    } c;
    read_engine_without_gil(box, [&](const CaseEngine& engine) {
        for (const CaseState& s : engine.cases()) {
            c.number.push_back(CaseEngine::case_number(s.id));
            c.workflow.push_back(s.definition->id());
            c.version.push_back(s.definition->version());
            c.state.push_back(s.definition->states()[s.state].id);
            c.closed.push_back(s.closed);
            c.unit.push_back(s.unit.str());
            c.grid.push_back(s.grid);
            c.matter.push_back(s.matter);
            c.priority.push_back(static_cast<std::int8_t>(s.priority));
            c.rung.push_back(static_cast<std::int8_t>(s.rung));
            c.opened_at.push_back(seconds_of(s.opened_at));
            c.updated_at.push_back(seconds_of(s.updated_at));
            c.due.push_back(seconds_of(s.due));
            c.closed_at.push_back(s.closed ? seconds_of(s.closed_at) : no_time);
            c.handling_due.push_back(seconds_of(s.handling_due));
            c.handled_at.push_back(seconds_of(s.handled_at));
            c.transitions.push_back(s.transitions);
            c.reworks.push_back(s.reworks);
            c.escalations.push_back(s.escalations);
            c.urges.push_back(s.urges);
            c.reopens.push_back(s.reopens);
            c.refusals.push_back(s.refusals);
            const std::optional<Assignment> assigned = engine.assignment(s.id);
            c.primary.push_back(assigned ? assigned->primary : std::string());
            c.routed_primary.push_back(assigned ? assigned->routed_primary : std::string());
        }
    });
    py::dict out;
    out["case"] = list_of(c.number);
    out["workflow"] = list_of(c.workflow);
    out["version"] = array_of(c.version);
    out["state"] = list_of(c.state);
    py::array_t<bool> closed(static_cast<py::ssize_t>(c.closed.size()));
    for (std::size_t i = 0; i < c.closed.size(); ++i) closed.mutable_data()[i] = c.closed[i];
    out["closed"] = closed;
    out["unit"] = list_of(c.unit);
    out["grid"] = texts_or_none(c.grid);
    out["matter"] = list_of(c.matter);
    out["priority"] = array_of(c.priority);
    out["rung"] = array_of(c.rung);
    out["opened_at"] = array_of(c.opened_at);
    out["updated_at"] = array_of(c.updated_at);
    out["due"] = array_of(c.due);
    out["closed_at"] = array_of(c.closed_at);
    out["handling_due"] = array_of(c.handling_due);
    out["handled_at"] = array_of(c.handled_at);
    out["transitions"] = array_of(c.transitions);
    out["reworks"] = array_of(c.reworks);
    out["escalations"] = array_of(c.escalations);
    out["urges"] = array_of(c.urges);
    out["reopens"] = array_of(c.reopens);
    out["refusals"] = array_of(c.refusals);
    out["primary"] = texts_or_none(c.primary);
    out["routed_primary"] = texts_or_none(c.routed_primary);
    return out;
}

py::dict event_columns(EngineBox& box) {
    struct Columns {
        std::vector<std::int64_t> sequence, at;
        std::vector<std::string> number, actor, role, from, to, transition, note, reason, primary, routed_primary;
        std::vector<std::int8_t> kind, rung;
    } c;
    read_engine_without_gil(box, [&](const CaseEngine& engine) {
        for (const Event& event : engine.events()) {
            EventRecord r = engine.describe(event);
            c.sequence.push_back(static_cast<std::int64_t>(r.sequence));
            c.at.push_back(seconds_of(r.at));
            c.number.push_back(std::move(r.case_number));
            c.kind.push_back(static_cast<std::int8_t>(r.kind));
            c.rung.push_back(static_cast<std::int8_t>(r.rung));
            c.actor.push_back(std::move(r.actor));
            c.role.push_back(std::move(r.role));
            c.from.push_back(std::move(r.from));
            c.to.push_back(std::move(r.to));
            c.transition.push_back(std::move(r.transition));
            c.note.push_back(std::move(r.note));
            c.reason.push_back(std::move(r.reason));
            c.primary.push_back(r.assignment ? std::move(r.assignment->primary) : std::string());
            c.routed_primary.push_back(r.assignment ? std::move(r.assignment->routed_primary) : std::string());
        }
    });
    py::dict out;
    out["sequence"] = array_of(c.sequence);
    out["case"] = list_of(c.number);
    out["kind"] = array_of(c.kind);
    out["at"] = array_of(c.at);
    out["actor"] = texts_or_none(c.actor);
    out["role"] = texts_or_none(c.role);
    out["from"] = texts_or_none(c.from);
    out["to"] = texts_or_none(c.to);
    out["transition"] = texts_or_none(c.transition);
    out["rung"] = array_of(c.rung);
    out["note"] = texts_or_none(c.note);
    out["reason"] = texts_or_none(c.reason);
    out["primary"] = texts_or_none(c.primary);
    out["routed_primary"] = texts_or_none(c.routed_primary);
    return out;
}

}  // namespace grassroots::python
