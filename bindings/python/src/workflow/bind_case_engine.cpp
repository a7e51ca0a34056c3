// The case engine (案件引擎): files cases, checks roles, scopes and duties, takes transitions on the
// working-day clock, escalates on breach, and records every change as an immutable event.
//
// Case and actor ids are plain ints (ids.hpp); wherever an operation takes one, a case number
// ("C000001") or an actor's string id ("wg-1") works too. Instants are datetimes (casters.hpp:
// naive = China Standard Time, results aware in +08:00). Points are (x, y) tuples.
//
// Everything the engine hands out is a copy: CaseState, Event and EventRecord objects are
// snapshots that do not change when the engine moves on.
//
// Threads and the GIL. The C++ engine is not thread-safe; the Python CaseEngine guards it with a
// recursive mutex, taken by every method. A thread that has to wait for it waits without the GIL,
// so advance() and replay(), which run without the GIL, cannot deadlock with other threads.
//
// Callbacks. engine.subscribe(fn) calls fn(record) for every later event, on the thread that
// caused it, with the GIL held. A callback may read the engine (state(), events, …) but not change
// it (RuntimeError). A callback never raises into the C++ engine: the operation completes (every
// event is recorded and every callback called), then the first exception a callback raised is
// re-raised; when the operation itself fails (say, PermissionDeniedError after recording a
// refusal), that error wins and the callback's goes to sys.unraisablehook. Callbacks are held in the
// engine's __dict__, so reference cycles through them are collected.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <Python.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "workflow/engine_box.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots::python {

/// The fields given with a transition: a dict {name: value} (in its order) or a list of Field.
struct FieldList {
    std::vector<Field> fields;
};

}  // namespace grassroots::python

// ---- casters: case and actor ids as ints; fields as a dict or a list ------------------------------
namespace pybind11::detail {

template <>
struct type_caster<grassroots::CaseId> : strong_id_caster<grassroots::CaseId> {};
template <>
struct type_caster<grassroots::ActorId> : strong_id_caster<grassroots::ActorId> {};

/// dict[str, str] (insertion order kept) or a sequence of Field objects or (name, value) pairs.
template <>
struct type_caster<grassroots::python::FieldList> {
    PYBIND11_TYPE_CASTER(grassroots::python::FieldList,
                         const_name("dict[str, str] | list[grassroots._core.workflow.Field]"));

    bool load(handle source, bool convert) {
        if (!source) return false;
        std::vector<grassroots::Field> out;
        if (PyDict_Check(source.ptr())) {
            for (const auto item : reinterpret_borrow<dict>(source)) {
                if (!PyUnicode_Check(item.first.ptr()) || !PyUnicode_Check(item.second.ptr())) return false;
                out.push_back(grassroots::Field{item.first.cast<std::string>(), item.second.cast<std::string>()});
            }
            value.fields = std::move(out);
            return true;
        }
        if (PyUnicode_Check(source.ptr()) || PyBytes_Check(source.ptr()) || PySequence_Check(source.ptr()) == 0) {
            return false;
        }
        for (const auto item : reinterpret_borrow<sequence>(source)) {
            make_caster<grassroots::Field> field;
            if (field.load(item, false)) {
                out.push_back(cast_op<const grassroots::Field&>(field));
                continue;
            }
            make_caster<std::pair<std::string, std::string>> pair;
            if (PyUnicode_Check(item.ptr()) || !pair.load(item, convert)) return false;
            auto named = cast_op<std::pair<std::string, std::string>>(std::move(pair));
            out.push_back(grassroots::Field{std::move(named.first), std::move(named.second)});
        }
        value.fields = std::move(out);
        return true;
    }

    static handle cast(const grassroots::python::FieldList& source, return_value_policy policy, handle parent) {
        return make_caster<std::vector<grassroots::Field>>::cast(source.fields, policy, parent);
    }
};

}  // namespace pybind11::detail

namespace grassroots::python {

namespace {

using ActorArgument = std::variant<ActorId, std::string>;  // an id, or the actor's string id
using CaseArgument = std::variant<CaseId, std::string>;    // an id, or the case number "C000001"
using GridText = std::variant<std::string, GridCode>;      // str first: GridCode has no default
using OptionalTree = std::optional<std::shared_ptr<DivisionTree>>;
using OptionalGridMap = std::optional<std::shared_ptr<GridMap>>;
using XY = std::pair<double, double>;  // a Point as (x, y), without the grid module's Point caster

constexpr const char* subscribers_attribute = "_subscribers";
constexpr std::int64_t no_time = std::numeric_limits<std::int64_t>::min();  // NaT in datetime64

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._workflow_pandas").attr(name); }

std::string plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

#ifdef GRASSROOTS_PYBIND11_TYPING
using Callback = py::typing::Callable<void(const EventRecord&)>;  ///< Callable[[EventRecord], None] in the stubs.
using Requests = py::typing::List<StringDict>;                   ///< list[dict[str, Any]] in the stubs.
#else
using Callback = py::function;
using Requests = py::list;
#endif

std::optional<std::string> text_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::optional<std::uint32_t> id_or_none(ActorId id) {
    return id.valid() ? std::optional<std::uint32_t>(id.value()) : std::nullopt;
}

std::optional<std::uint32_t> index_or_none(std::uint32_t index, std::uint32_t none) {
    return index == none ? std::nullopt : std::optional<std::uint32_t>(index);
}

std::optional<std::uint32_t> index_or_none(std::uint16_t index) { return index_or_none(index, Event::none); }

std::optional<XY> xy_of(const std::optional<Point>& point) {
    return point ? std::optional<XY>(XY{point->x, point->y}) : std::nullopt;
}

std::optional<Point> point_of(const std::optional<XY>& xy) {
    return xy ? std::optional<Point>(Point{xy->first, xy->second}) : std::nullopt;
}

std::string grid_string(const GridText& grid) {
    if (const auto* code = std::get_if<GridCode>(&grid)) return code->str();
    return std::get<std::string>(grid);
}

// ---- the engine as Python holds it ----------------------------------------------------------------

// EngineBox and EngineLock: engine_box.hpp (shared with the analytics and people bindings).

/// Re-raises the first error a callback raised during the operation just finished.
void raise_callback_error(EngineBox& box) {
    if (!box.callback_error) return;
    py::error_already_set error = std::move(*box.callback_error);
    box.callback_error.reset();
    throw error;
}

/// The operation failed: its error wins; a callback's error goes to sys.unraisablehook.
void drop_callback_error(EngineBox& box) {
    if (!box.callback_error) return;
    box.callback_error->discard_as_unraisable("grassroots.CaseEngine event callback");
    box.callback_error.reset();
}

/// Runs @p f, which changes the engine, under the lock; then raises a pending callback error.
template <class F>
auto change(EngineBox& box, F&& f) {
    const EngineLock lock(box, true);
    using Result = std::invoke_result_t<F&>;
    if constexpr (std::is_void_v<Result>) {
        try {
            f();
        } catch (...) {
            drop_callback_error(box);
            throw;
        }
        raise_callback_error(box);
    } else {
        std::optional<Result> result;
        try {
            result.emplace(f());
        } catch (...) {
            drop_callback_error(box);
            throw;
        }
        raise_callback_error(box);
        return std::move(*result);
    }
}

/// Runs @p f, which only reads the engine, under the lock.
template <class F>
auto read(EngineBox& box, F&& f) {
    const EngineLock lock(box, false);
    return f();
}

EngineBox& box_of(const py::object& self) { return self.cast<EngineBox&>(); }

/// A method or property returning a copy of what @p get reads from the engine, under the lock.
template <class Get>
auto reader(Get get) {
    return [get](const py::object& self) {
        EngineBox& box = box_of(self);
        return read(box, [&] { return get(static_cast<const CaseEngine&>(box.engine)); });
    };
}

/// Calls the Python subscribers of the box's engine; never throws into the engine.
class PythonSink final : public EventSink {
public:
    explicit PythonSink(EngineBox& box) : box_(&box) {}

    void on_event(const CaseEngine& engine, const Event& event) override {
        const py::gil_scoped_acquire gil;  // the engine may run without the GIL (advance)
        try {
            const py::object subscribers = py::getattr(py::handle(box_->self), subscribers_attribute, py::none());
            if (subscribers.is_none() || py::len(subscribers) == 0) return;
            const py::list snapshot(subscribers);  // unsubscribing during a callback is fine
            const py::object record = py::cast(engine.describe(event));
            struct Dispatching {
                EngineBox& box;
                bool before;
                explicit Dispatching(EngineBox& b) : box(b), before(b.dispatching) { box.dispatching = true; }
                ~Dispatching() { box.dispatching = before; }
                Dispatching(const Dispatching&) = delete;
                Dispatching& operator=(const Dispatching&) = delete;
            } dispatching(*box_);
            for (const py::handle callback : snapshot) {
                try {
                    callback(record);
                } catch (py::error_already_set& error) {
                    keep(std::move(error));
                }
            }
        } catch (py::error_already_set& error) {
            keep(std::move(error));
        } catch (const std::exception& error) {
            PyErr_SetString(PyExc_RuntimeError, error.what());
            keep(py::error_already_set());
        } catch (...) {
            PyErr_SetString(PyExc_RuntimeError, "unknown C++ exception in an event callback");
            keep(py::error_already_set());
        }
    }

private:
    void keep(py::error_already_set&& error) {
        if (!box_->callback_error) {
            box_->callback_error.emplace(std::move(error));
        } else {
            error.discard_as_unraisable("grassroots.CaseEngine event callback");
        }
    }

    EngineBox* box_;
};

ActorId actor_id(const CaseEngine& engine, const ActorArgument& actor) {
    if (const auto* id = std::get_if<ActorId>(&actor)) return *id;
    const std::string& text = std::get<std::string>(actor);
    if (const std::optional<ActorId> found = engine.find_actor(text)) return *found;
    throw NotFound("no actor '" + text + "'");
}

CaseId case_id(const CaseEngine& engine, const CaseArgument& id) {
    if (const auto* value = std::get_if<CaseId>(&id)) return *value;
    return engine.find_case(std::get<std::string>(id));
}

/// The engine's own copy of @p event; NotFoundError when it is not one of its events.
const Event& own_event(const CaseEngine& engine, const std::variant<std::uint64_t, Event>& event) {
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

// ---- case states ----------------------------------------------------------------------------------

/// A case state as Python holds it: a copy without the definition pointer, with its names.
struct CaseView {
    CaseState state;
    std::string workflow;
    int version = 0;
    std::string state_id;
};

CaseView view_of(const CaseState& state) {
    CaseView view{state, state.definition->id(), state.definition->version(),
                  state.definition->states()[state.state].id};
    view.state.definition = nullptr;  // the engine owns it; Python must not reach it
    return view;
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

/// Columns of engine.to_pandas(): one entry per case (built without the GIL).
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

/// Columns of engine.events_frame(): one entry per event (built without the GIL).
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

// ---- value types ----------------------------------------------------------------------------------

void bind_values(py::module_& m) {
    bind_enum<Priority>(m, "Priority", "How urgent a case is.",
                        {{"LOW", Priority::low, "低"},
                         {"NORMAL", Priority::normal, "一般"},
                         {"HIGH", Priority::high, "较急"},
                         {"URGENT", Priority::urgent, "紧急"}},
                        "低, 一般, 较急 or 紧急.");
    bind_enum<EventKind>(m, "EventKind", "What an event of the case engine records.",
                         {{"OPENED", EventKind::opened, "立案: the case was filed"},
                          {"TRANSITION", EventKind::transition, "流转: a transition was taken"},
                          {"REFUSED", EventKind::refused, "拒绝: an attempt was refused; nothing else changed"},
                          {"ASSIGNED", EventKind::assigned, "派遣: routed to its primary and cooperating units"},
                          {"ESCALATED", EventKind::escalated, "督办: deadline breached, moved one rung up"},
                          {"URGED", EventKind::urged, "催办: deadline breached, the handler was urged"},
                          {"NOTIFIED", EventKind::notified, "通知: deadline breached, the parties were notified"},
                          {"REOPENED", EventKind::reopened, "重新打开: reopened by its reporter"}},
                         "立案, 流转, 拒绝, 派遣, 督办, 催办, 通知 or 重新打开.");

    // ---- Attachment, Field ----------------------------------------------------------------------------
    py::class_<Attachment> attachment_class(m, "Attachment",
                                            "Metadata of a file attached to a case (the file itself lives elsewhere).");
    attachment_class.def(py::init([](std::string name, std::string media_type, std::int64_t bytes, std::string url) {
                             return Attachment{std::move(name), std::move(media_type), bytes, std::move(url)};
                         }),
                         py::arg("name"), py::arg("media_type") = "", py::arg("bytes") = 0, py::arg("url") = "",
                         "An attachment; the engine refuses an empty name or a negative size when the case is filed.");
    field(attachment_class, "name", &Attachment::name, "File name ('photo-1.jpg').");
    field(attachment_class, "media_type", &Attachment::media_type, "e.g. 'image/jpeg'.");
    field(attachment_class, "bytes", &Attachment::bytes, "Size.");
    field(attachment_class, "url", &Attachment::url, "Where it is stored.");
    add_value_protocol(attachment_class, {"name", "media_type", "bytes", "url"});

    py::class_<Field> field_class(m, "Field", "A named value given with a transition (e.g. 'reason', 'rating').");
    field_class.def(py::init([](std::string name, std::string value) { return Field{std::move(name), std::move(value)}; }),
                    py::arg("name"), py::arg("value"), "A field.");
    field(field_class, "name", &Field::name, "Field name, as in TransitionDefinition.required_fields.");
    field(field_class, "value", &Field::value, "Its value.");
    add_value_protocol(field_class, {"name", "value"});

    // ---- CaseInput ----------------------------------------------------------------------------------------
    py::class_<CaseInput> input_class(m, "CaseInput", "What a reporter files: the matter, where, what and how urgent.");
    input_class.def(
        py::init([](std::string matter, std::string workflow, int workflow_version, const std::optional<XY>& point,
                    const std::optional<UnitArgument>& unit, std::string address, std::string owner,
                    std::string description, Priority priority, std::vector<Attachment> attachments) {
            CaseInput input;
            input.matter = std::move(matter);
            input.workflow = std::move(workflow);
            input.workflow_version = workflow_version;
            input.point = point_of(point);
            if (unit) input.unit = to_code(*unit);
            input.address = std::move(address);
            input.owner = std::move(owner);
            input.description = std::move(description);
            input.priority = priority;
            input.attachments = std::move(attachments);
            return input;
        }),
        py::arg("matter"), py::arg("workflow") = "", py::arg("workflow_version") = 0, py::arg("point") = py::none(),
        py::arg("unit") = py::none(), py::arg("address") = "", py::arg("owner") = "", py::arg("description") = "",
        py::arg("priority") = Priority::normal, py::arg("attachments") = std::vector<Attachment>{},
        "A case to file. matter is a key ('event:0502'); workflow '' = the matter type's loop, workflow_version 0 = "
        "the latest. The place is point, an (x, y) tuple located in the engine's grid map, or unit (str or "
        "DivisionCode), or both; the engine refuses a case it cannot place.");
    field(input_class, "matter", &CaseInput::matter, "Matter key ('event:0502').");
    field(input_class, "workflow", &CaseInput::workflow, "Loop id; '' = the matter type's loop.");
    field(input_class, "workflow_version", &CaseInput::workflow_version, "Version; 0 = the latest.");
    input_class.def_property_readonly(
        "point", [](const CaseInput& i) { return xy_of(i.point); }, "Where, as (x, y) (longitude, latitude), or None.");
    field(input_class, "unit", &CaseInput::unit, "The division it is in (DivisionCode), or None.");
    field(input_class, "address", &CaseInput::address, "Address in words.");
    field(input_class, "owner", &CaseInput::owner, "A component's owner, if known ('' = the type's default).");
    field(input_class, "description", &CaseInput::description, "What is wrong.");
    field(input_class, "priority", &CaseInput::priority, "How urgent (Priority).");
    field(input_class, "attachments", &CaseInput::attachments, "Photos and documents (Attachment).");
    add_value_protocol(input_class,
                       {"matter", "workflow", "workflow_version", "point", "unit", "address", "owner", "description",
                        "priority", "attachments"},
                       {.hash = false});

    // ---- Actor ----------------------------------------------------------------------------------------------
    py::class_<Actor> actor_class(m, "Actor", "A person or office acting on cases: roles, and a scope in the ladder.");
    actor_class.def(py::init([](std::string id, std::string name, std::vector<std::string> roles,
                                const std::optional<UnitArgument>& scope, const GridText& grid, std::string unit) {
                        return Actor{std::move(id),
                                     std::move(name),
                                     std::move(roles),
                                     scope ? std::optional<DivisionCode>(to_code(*scope)) : std::nullopt,
                                     grid_string(grid),
                                     std::move(unit)};
                    }),
                    py::arg("id"), py::arg("name"), py::arg("roles"), py::arg("scope") = py::none(),
                    py::arg("grid") = "", py::arg("unit") = "",
                    "An actor with string id, roles ('grid_worker', 'department', …), acting on cases in the subtree "
                    "of scope (str or DivisionCode; None = everywhere), limited to grid (str or GridCode; '' = not "
                    "limited), working for unit (a department; '' = none). The engine checks it when it is added.");
    field(actor_class, "id", &Actor::id, "Unique id ('wg-0001').");
    field(actor_class, "name", &Actor::name, "Display name.");
    field(actor_class, "roles", &Actor::roles, "Roles held.");
    field(actor_class, "scope", &Actor::scope, "Acts on cases in this unit's subtree (DivisionCode); None = everywhere.");
    field(actor_class, "grid", &Actor::grid, "Grid code a grid worker is limited to ('' = not limited).");
    field(actor_class, "unit", &Actor::unit, "Department or unit the actor works for ('' = none).");
    add_value_protocol(actor_class, {"id", "name", "roles", "scope", "grid", "unit"}, {.hash = false});

    // ---- EngineOptions --------------------------------------------------------------------------------------
    py::class_<EngineOptions> options_class(
        m, "EngineOptions", "Settings of a CaseEngine; the defaults are configurable, not verified local rules.");
    options_class.def(py::init([](const Deadline& reopen_window, Rung top_rung, bool allow_dispatch_override) {
                          EngineOptions options;
                          options.reopen_window = reopen_window;
                          options.top_rung = top_rung;
                          options.allow_dispatch_override = allow_dispatch_override;
                          return options;
                      }),
                      py::arg("reopen_window") = Deadline::working_days(5), py::arg("top_rung") = Rung::county,
                      py::arg("allow_dispatch_override") = false,
                      "Options: how long after closing the reporter may reopen a case (a Deadline), the rung "
                      "escalation stops at, and whether a dispatcher may send a case to a unit the responsibility "
                      "list does not name.");
    field(options_class, "reopen_window", &EngineOptions::reopen_window,
          "How long after closing the reporter may reopen a case (default 5 working days).");
    field(options_class, "top_rung", &EngineOptions::top_rung, "Escalation stops at this rung (default COUNTY).");
    field(options_class, "allow_dispatch_override", &EngineOptions::allow_dispatch_override,
          "Whether a dispatch may name a department that is neither the routed primary nor a cooperating unit "
          "(default False: refused, RuleViolationError 'workflow.department-not-responsible'; True: the case is "
          "assigned to that department and Assignment.routed_primary keeps the routed one).");
    add_value_protocol(options_class, {"reopen_window", "top_rung", "allow_dispatch_override"});

    // ---- Event ------------------------------------------------------------------------------------------------
    py::class_<Event> event_class(
        m, "Event",
        "One immutable event, compact: states, transition and role are indices (CaseEngine.describe() spells them "
        "out). A copy: it does not change when the engine moves on.");
    field(event_class, "sequence", &Event::sequence, "Position in the engine's stream, from 0.");
    field(event_class, "at", &Event::at, "When (aware datetime, +08:00).");
    field(event_class, "case_id", &Event::case_id, "Which case (int id).");
    event_class
        .def_property_readonly("actor", [](const Event& e) { return id_or_none(e.actor); },
                               "Who (int actor id), or None for the engine's clock (breaches).")
        .def_property_readonly("kind", [](const Event& e) { return e.kind; }, "What happened (EventKind).")
        .def_property_readonly("rung", [](const Event& e) { return e.rung; }, "Rung of the case after the event.")
        .def_property_readonly("from_state", [](const Event& e) { return index_or_none(e.from); },
                               "Index of the state before, or None.")
        .def_property_readonly("to_state", [](const Event& e) { return index_or_none(e.to); },
                               "Index of the state after, or None.")
        .def_property_readonly("transition", [](const Event& e) { return index_or_none(e.transition); },
                               "Index of the transition taken or refused, or None.")
        .def_property_readonly("role", [](const Event& e) { return index_or_none(e.role); },
                               "Index of the role the actor acted in (CaseEngine.role_name()), or None.")
        .def_property_readonly(
            "previous",
            [](const Event& e) { return index_or_none(e.previous, Event::no_detail); },
            "Sequence of the case's previous event, or None for its first.");
    add_value_protocol(event_class,
                       {"sequence", "case_id", "kind", "at", "actor", "rung", "from_state", "to_state", "transition",
                        "role", "previous"},
                       {.pickle = false});

    // ---- EventRecord ------------------------------------------------------------------------------------------
    py::class_<EventRecord> record_class(
        m, "EventRecord",
        "An event spelled out with names: what JSON lines and pandas carry, and what CaseEngine.replay() reads. "
        "Text fields are '' when absent (actor '' = the engine's clock).");
    record_class.def(
        py::init([](std::uint64_t sequence, std::string case_number, EventKind kind, Instant at, std::string actor,
                    std::string role, std::string from, std::string to, std::string transition, Rung rung,
                    std::string note, const FieldList& fields, std::string reason, std::optional<Assignment> assignment,
                    std::optional<CaseInput> input, std::string workflow, int workflow_version, std::string unit,
                    std::string grid) {
            EventRecord r;
            r.sequence = sequence;
            r.case_number = std::move(case_number);
            r.kind = kind;
            r.at = at;
            r.actor = std::move(actor);
            r.role = std::move(role);
            r.from = std::move(from);
            r.to = std::move(to);
            r.transition = std::move(transition);
            r.rung = rung;
            r.note = std::move(note);
            r.fields = fields.fields;
            r.reason = std::move(reason);
            r.assignment = std::move(assignment);
            r.input = std::move(input);
            r.workflow = std::move(workflow);
            r.workflow_version = workflow_version;
            r.unit = std::move(unit);
            r.grid = std::move(grid);
            return r;
        }),
        py::arg("sequence"), py::arg("case_number"), py::arg("kind"), py::arg("at"), py::arg("actor") = "",
        py::arg("role") = "", py::arg("from_state") = "", py::arg("to_state") = "", py::arg("transition") = "",
        py::arg("rung") = Rung::community, py::arg("note") = "", py::arg("fields") = py::list(),
        py::arg("reason") = "", py::arg("assignment") = py::none(), py::arg("input") = py::none(),
        py::arg("workflow") = "", py::arg("workflow_version") = 0, py::arg("unit") = "", py::arg("grid") = "",
        "A record (as CaseEngine.describe() and parse_json_lines() make them); replay() checks it.");
    field(record_class, "sequence", &EventRecord::sequence, "Position in the stream.");
    field(record_class, "case_number", &EventRecord::case_number, "'C000001'.");
    field(record_class, "kind", &EventRecord::kind, "What happened (EventKind).");
    field(record_class, "at", &EventRecord::at, "When (aware datetime, +08:00).");
    field(record_class, "actor", &EventRecord::actor, "Actor id ('' = the engine's clock).");
    field(record_class, "role", &EventRecord::role, "Role acted in ('' if none).");
    field(record_class, "from_state", &EventRecord::from, "State id before ('' if none).");
    field(record_class, "to_state", &EventRecord::to, "State id after ('' if none).");
    field(record_class, "transition", &EventRecord::transition, "Transition id ('' if none).");
    field(record_class, "rung", &EventRecord::rung, "Rung after the event.");
    field(record_class, "note", &EventRecord::note, "Free text ('' if none).");
    field(record_class, "fields", &EventRecord::fields, "Fields given with a transition (Field), in order.");
    field(record_class, "reason", &EventRecord::reason, "Why an attempt was refused ('' if it was not).");
    field(record_class, "assignment", &EventRecord::assignment, "Routing result (ASSIGNED, ESCALATED), or None.");
    field(record_class, "input", &EventRecord::input, "The filed case (OPENED), or None.");
    field(record_class, "workflow", &EventRecord::workflow, "Loop id (OPENED; '' otherwise).");
    field(record_class, "workflow_version", &EventRecord::workflow_version, "Loop version (OPENED; 0 otherwise).");
    field(record_class, "unit", &EventRecord::unit, "Resolved division code (OPENED; '' otherwise).");
    field(record_class, "grid", &EventRecord::grid, "Resolved grid code (OPENED; '' if none).");
    add_value_protocol(record_class,
                       {"sequence", "case_number", "kind", "at", "actor", "role", "from_state", "to_state",
                        "transition", "rung", "note", "fields", "reason", "assignment", "input", "workflow",
                        "workflow_version", "unit", "grid"},
                       {.hash = false});

    // ---- CaseState --------------------------------------------------------------------------------------------
    py::class_<CaseView> case_class(
        m, "CaseState",
        "The state of one case, the fold of its events: a snapshot (it does not change when the engine moves on). "
        "Made by CaseEngine.state() and CaseEngine.cases.");
    case_class
        .def_property_readonly("id", [](const CaseView& v) { return v.state.id; }, "The case (int id).")
        .def_property_readonly("number", [](const CaseView& v) { return CaseEngine::case_number(v.state.id); },
                               "Its number, 'C000001'.")
        .def_property_readonly("workflow", [](const CaseView& v) { return v.workflow; }, "Its loop's id.")
        .def_property_readonly("version", [](const CaseView& v) { return v.version; },
                               "Its loop's version (fixed at filing).")
        .def_property_readonly("state", [](const CaseView& v) { return v.state.state; },
                               "Index of the current state in the loop's states.")
        .def_property_readonly("state_id", [](const CaseView& v) { return v.state_id; }, "Id of the current state.")
        .def_property_readonly("closed", [](const CaseView& v) { return v.state.closed; }, "True in a closed state.")
        .def_property_readonly("unit", [](const CaseView& v) { return v.state.unit; },
                               "Where (DivisionCode: village-level or higher).")
        .def_property_readonly("grid", [](const CaseView& v) { return text_or_none(v.state.grid); },
                               "Grid code, or None when not located in a grid.")
        .def_property_readonly("matter", [](const CaseView& v) { return v.state.matter; }, "Matter key.")
        .def_property_readonly("priority", [](const CaseView& v) { return v.state.priority; }, "How urgent.")
        .def_property_readonly("reporter", [](const CaseView& v) { return v.state.reporter; },
                               "Who filed it (int actor id; may reopen it).")
        .def_property_readonly("handler", [](const CaseView& v) { return id_or_none(v.state.handler); },
                               "Last handler (Duty.HANDLE), or None.")
        .def_property_readonly("verifier", [](const CaseView& v) { return id_or_none(v.state.verifier); },
                               "Last verifier (Duty.VERIFY), or None.")
        .def_property_readonly("handled", [](const CaseView& v) { return v.state.handled; },
                               "Handled since the last verification.")
        .def_property_readonly("verified", [](const CaseView& v) { return v.state.verified; },
                               "Last verification passed and nothing handled since.")
        .def_property_readonly("opened_at", [](const CaseView& v) { return v.state.opened_at; }, "Filed.")
        .def_property_readonly("entered_at", [](const CaseView& v) { return v.state.entered_at; },
                               "Entered the current state.")
        .def_property_readonly("updated_at", [](const CaseView& v) { return v.state.updated_at; }, "Last change.")
        .def_property_readonly("clock_started", [](const CaseView& v) { return v.state.clock_started; },
                               "When the case clock started (first clock state), or None.")
        .def_property_readonly("due", [](const CaseView& v) { return v.state.due; },
                               "When the current state's deadline falls due, or None.")
        .def_property_readonly("next_breach", [](const CaseView& v) { return v.state.next_breach; },
                               "Next timer (due, then re-armed after escalation), or None.")
        .def_property_readonly(
            "closed_at",
            [](const CaseView& v) { return v.state.closed ? v.state.closed_at : std::optional<Instant>(); },
            "When it closed, or None while open (also after a reopening).")
        .def_property_readonly("handling_due", [](const CaseView& v) { return v.state.handling_due; },
                               "Due instant of its latest handling state (one a Duty.HANDLE transition leaves), kept "
                               "after it; None if it never reached one.")
        .def_property_readonly("handled_at", [](const CaseView& v) { return v.state.handled_at; },
                               "When it was last handled (Duty.HANDLE), or None.")
        .def_property_readonly("rung", [](const CaseView& v) { return v.state.rung; }, "Rung of the ladder it sits on.")
        .def_property_readonly("start_rung", [](const CaseView& v) { return v.state.start_rung; },
                               "Rung it was filed at.")
        .def_property_readonly("transitions", [](const CaseView& v) { return v.state.transitions; },
                               "Transitions taken.")
        .def_property_readonly("reworks", [](const CaseView& v) { return v.state.reworks; },
                               "Failed verifications (返工).")
        .def_property_readonly("escalations", [](const CaseView& v) { return v.state.escalations; }, "督办 events.")
        .def_property_readonly("urges", [](const CaseView& v) { return v.state.urges; }, "催办 events.")
        .def_property_readonly("reopens", [](const CaseView& v) { return v.state.reopens; }, "Times reopened.")
        .def_property_readonly("refusals", [](const CaseView& v) { return v.state.refusals; }, "Refused attempts.")
        .def_property_readonly("last_event", [](const CaseView& v) { return v.state.last_event; },
                               "Sequence of its latest event.")
        .def("__repr__", [](const CaseView& v) {
            return "<CaseState " + CaseEngine::case_number(v.state.id) + " " + v.workflow + " v" +
                   std::to_string(v.version) + " '" + v.state_id + "' " + (v.state.closed ? "closed" : "open") +
                   ", rung " + std::string(to_string(v.state.rung)) + ">";
        });
    add_value_protocol(case_class,
                       {"id", "workflow", "version", "state", "state_id", "closed", "unit", "grid", "matter",
                        "priority", "reporter", "handler", "verifier", "handled", "verified", "opened_at",
                        "entered_at", "updated_at", "clock_started", "due", "next_breach", "closed_at", "handling_due",
                        "handled_at", "rung",
                        "start_rung", "transitions", "reworks", "escalations", "urges", "reopens", "refusals",
                        "last_event"},
                       {.repr = false, .hash = false, .pickle = false});
}

// ---- CaseEngine -------------------------------------------------------------------------------------------

void bind_engine(py::module_& m) {
    py::class_<EngineBox> engine_class(
        m, "CaseEngine",
        "Runs cases through versioned closed-loop definitions on the working-day clock. Every change is an Event; a "
        "case's CaseState is the fold of its events, and replay() rebuilds identical states. Refused attempts are "
        "recorded (EventKind.REFUSED) and then raised (PermissionDeniedError, RuleViolationError); unknown ids and "
        "malformed input raise InvalidInputError / NotFoundError and change nothing. Cases and actors are given as "
        "int ids, or as case numbers ('C000001') and actor ids ('wg-1'). Safe to share between threads (one "
        "operation at a time); advance() and replay() run without the GIL.",
        py::dynamic_attr());
    engine_class
        .def(py::init([](Calendar calendar, const std::optional<EngineOptions>& options) {
                 return std::make_unique<EngineBox>(std::move(calendar), options.value_or(EngineOptions{}));
             }),
             py::arg("calendar"), py::arg("options") = py::none(),
             "An engine on calendar (a copy; deadlines) with options (default EngineOptions()).")
        // ---- setup ----
        .def(
            "add_workflow",
            [](const py::object& self, WorkflowDefinition definition) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.add_workflow(std::move(definition)); });
            },
            py::arg("definition"),
            "Registers a loop version (running cases keep theirs); InvalidInputError if that id and version are "
            "present.")
        .def_property_readonly(
            "workflows",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    const WorkflowRegistry& registry = box.engine.workflows();
                    return std::vector<WorkflowDefinition>(registry.begin(), registry.end());
                });
            },
            "The registered loops (copies), in the order added.")
        .def_property_readonly(
            "registry",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.workflows(); });
            },
            "A copy of the engine's WorkflowRegistry (entries, ids, versions, `in`, len); adding to the copy does not "
            "change the engine (use add_workflow).")
        .def(
            "workflow",
            [](const py::object& self, const std::string& id, int version) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    return version == 0 ? box.engine.workflows().latest(id) : box.engine.workflows().get(id, version);
                });
            },
            py::arg("id"), py::arg("version") = 0,
            "The loop id at version (0 = the latest), a copy; NotFoundError.")
        .def(
            "set_divisions",
            [](const py::object& self, const OptionalTree& tree) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    std::shared_ptr<DivisionTree> kept = tree.value_or(nullptr);
                    box.engine.set_divisions(kept.get());
                    box.divisions = std::move(kept);
                });
            },
            py::arg("tree"),
            "Checks that filed division codes exist in tree (the engine keeps it alive); None = no check.")
        .def_property_readonly(
            "divisions",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.divisions ? OptionalTree(box.divisions) : std::nullopt; });
            },
            "The division tree set with set_divisions(), or None.")
        .def(
            "set_grid_map",
            [](const py::object& self, const OptionalGridMap& grids) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    std::shared_ptr<GridMap> kept = grids.value_or(nullptr);
                    box.engine.set_grid_map(kept.get());
                    box.grids = std::move(kept);
                });
            },
            py::arg("grid_map"),
            "Locates case points in grid_map (the engine keeps it alive); None = no grid lookup.")
        .def_property_readonly(
            "grid_map",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.grids ? OptionalGridMap(box.grids) : std::nullopt; });
            },
            "The grid map set with set_grid_map(), or None.")
        .def(
            "set_catalogue",
            [](const py::object& self, MatterCatalogue catalogue) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.set_catalogue(std::move(catalogue)); });
            },
            py::arg("catalogue"),
            "The matter catalogue (a copy); a responsibility list already set is validated against it "
            "(InvalidInputError).")
        .def_property_readonly(
            "catalogue", reader([](const CaseEngine& e) { return e.catalogue(); }),
            "The matter catalogue (a copy).")
        .def(
            "set_responsibilities",
            [](const py::object& self, ResponsibilityList list) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.set_responsibilities(std::move(list)); });
            },
            py::arg("responsibilities"),
            "The responsibility list (a copy) used by Duty.DISPATCH transitions and escalation; validated against "
            "the catalogue (InvalidInputError, keeping the old list).")
        .def_property_readonly(
            "responsibilities",
            reader([](const CaseEngine& e) { return e.responsibilities(); }),
            "The responsibility list (a copy).")
        .def(
            "add_actor",
            [](const py::object& self, Actor actor) {
                EngineBox& box = box_of(self);
                return change(box, [&] { return box.engine.add_actor(std::move(actor)); });
            },
            py::arg("actor"),
            "Adds an actor and returns its int id; InvalidInputError for an empty or duplicate id or no roles.")
        .def(
            "actor",
            [](const py::object& self, const ActorArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.actor(actor_id(box.engine, id)); });
            },
            py::arg("id"), "The actor with this int id or string id (a copy); NotFoundError.")
        .def(
            "find_actor",
            [](const py::object& self, const std::string& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.find_actor(id); });
            },
            py::arg("id"), "The int id of the actor with string id, or None.")
        .def_property_readonly(
            "actors",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<Actor> out;
                    for (std::size_t i = 0; i < box.engine.actor_count(); ++i) {
                        out.push_back(box.engine.actor(ActorId(static_cast<std::uint32_t>(i))));
                    }
                    return out;
                });
            },
            "All actors (copies), by int id.")
        .def_property_readonly(
            "options", reader([](const CaseEngine& e) { return e.options(); }),
            "The options (a copy).")
        .def_property_readonly(
            "calendar", reader([](const CaseEngine& e) { return e.calendar(); }),
            "The calendar (a copy).")
        .def(
            "subscribe",
            [](const py::object& self, const Callback& callback) {
                EngineBox& box = box_of(self);
                const EngineLock lock(box, false);
                box.self = self.ptr();
                py::object subscribers = py::getattr(self, subscribers_attribute, py::none());
                if (!py::isinstance<py::list>(subscribers)) {
                    subscribers = py::list();
                    py::setattr(self, subscribers_attribute, subscribers);
                }
                subscribers.cast<py::list>().append(callback);
                if (!box.sink_added) {
                    if (box.dispatching) throw std::runtime_error("CaseEngine: cannot subscribe from an event callback");
                    box.engine.add_sink(std::make_shared<PythonSink>(box));
                    box.sink_added = true;
                }
                return callback;
            },
            py::arg("callback"),
            "Calls callback(record: EventRecord) for every later event (not for replayed ones), in order, on the "
            "thread that caused it. A callback may read the engine but not change it (RuntimeError). Its exceptions "
            "do not interrupt the engine: the operation completes, then the first one is raised (unless the "
            "operation itself raised, whose error wins; the callback's then goes to sys.unraisablehook). Returns "
            "callback, so it works as a decorator.")
        .def(
            "unsubscribe",
            [](const py::object& self, const py::object& callback) {
                const EngineLock lock(box_of(self), false);
                const py::object subscribers = py::getattr(self, subscribers_attribute, py::none());
                if (!py::isinstance<py::list>(subscribers)) return false;
                const auto list = subscribers.cast<py::list>();
                for (std::size_t i = 0; i < list.size(); ++i) {
                    if (py::reinterpret_borrow<py::object>(list[i]).equal(callback)) {
                        PySequence_DelItem(list.ptr(), static_cast<Py_ssize_t>(i));
                        return true;
                    }
                }
                return false;
            },
            py::arg("callback"), "Stops calling callback; False when it was not subscribed.")
        // ---- operations ----
        .def(
            "open",
            [](const py::object& self, const CaseInput& input, const ActorArgument& reporter, Instant at) {
                EngineBox& box = box_of(self);
                return change(box, [&] { return box.engine.open(input, actor_id(box.engine, reporter), at); });
            },
            py::arg("input"), py::arg("reporter"), py::arg("at"),
            "Files a case reported by reporter (int or string actor id) at at and returns its int id. "
            "InvalidInputError naming the bad field (unknown matter or loop, unlocatable place, unknown division, "
            "bad attachment) or NotFoundError (unknown reporter).")
        .def(
            "take",
            [](const py::object& self, const CaseArgument& id, const std::string& transition, const ActorArgument& actor,
               Instant at, FieldList fields, std::string note) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    box.engine.take(case_id(box.engine, id), transition, actor_id(box.engine, actor), at,
                                    std::move(fields.fields), std::move(note));
                });
            },
            py::arg("case"), py::arg("transition"), py::arg("actor"), py::arg("at"), py::arg("fields") = py::dict(),
            py::arg("note") = "",
            "Takes transition of case as actor at at, with fields ({name: value} or [Field]) and a note. Deadlines "
            "that fell due before at are processed first. Refused, recorded and raised: PermissionDeniedError (role, "
            "scope, grid, assigned unit, separation of duties), RuleViolationError (not from the current state, "
            "missing field, closing without a passed verification, case closed). Not recorded: InvalidInputError "
            "(unknown transition, a field given twice, at before the case's last event), NotFoundError.")
        .def(
            "reopen",
            [](const py::object& self, const CaseArgument& id, const ActorArgument& actor, Instant at, std::string note) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    box.engine.reopen(case_id(box.engine, id), actor_id(box.engine, actor), at, std::move(note));
                });
            },
            py::arg("case"), py::arg("actor"), py::arg("at"), py::arg("note") = "",
            "Reopens a closed case; only its reporter, within EngineOptions.reopen_window of closing (else refused, "
            "recorded and raised: PermissionDeniedError / RuleViolationError).")
        .def(
            "advance",
            [](const py::object& self, Instant now) {
                EngineBox& box = box_of(self);
                return change(box, [&] {
                    const py::gil_scoped_release release;  // callbacks take the GIL back
                    return box.engine.advance(now);
                });
            },
            py::arg("now"),
            "Processes every timer due before now, in time order (催办, 督办 one rung up with re-routing, 通知) and "
            "returns the number of events recorded. Runs without the GIL.")
        // ---- queries ----
        .def("__len__", reader([](const CaseEngine& e) { return e.size(); }),
             "The number of cases.")
        .def(
            "state",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return view_of(box.engine.state(case_id(box.engine, id))); });
            },
            py::arg("case"), "The state of case (a snapshot); NotFoundError.")
        .def_property_readonly(
            "cases",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<CaseView> out;
                    out.reserve(box.engine.size());
                    for (const CaseState& s : box.engine.cases()) out.push_back(view_of(s));
                    return out;
                });
            },
            "Every case's state (snapshots), by id.")
        .def(
            "input",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.input(case_id(box.engine, id)); });
            },
            py::arg("case"), "What was filed for case (a copy); NotFoundError.")
        .def_static("case_number", &CaseEngine::case_number, py::arg("id"), "'C000001' for id 0.")
        .def(
            "find_case",
            [](const py::object& self, const std::string& number) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.find_case(number); });
            },
            py::arg("number"), "The int id of case number ('C000001'); InvalidInputError / NotFoundError.")
        .def(
            "state_id",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.state_id(case_id(box.engine, id)); });
            },
            py::arg("case"), "Id of the current state of case.")
        .def(
            "assignment",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.assignment(case_id(box.engine, id)); });
            },
            py::arg("case"), "The current Assignment of case, or None when it has not been routed.")
        .def(
            "available",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.available(case_id(box.engine, id)); });
            },
            py::arg("case"), "Ids of the transitions that leave the current state of case.")
        .def_property_readonly(
            "events",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    const auto events = box.engine.events();
                    return std::vector<Event>(events.begin(), events.end());
                });
            },
            "Every event in order (copies).")
        .def(
            "event_records",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<EventRecord> out;
                    out.reserve(box.engine.events().size());
                    for (const Event& e : box.engine.events()) out.push_back(box.engine.describe(e));
                    return out;
                });
            },
            "Every event spelled out (EventRecord), in order: what replay() reads.")
        .def(
            "events_of",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<Event> out;
                    for (const Event* e : box.engine.events_of(case_id(box.engine, id))) out.push_back(*e);
                    return out;
                });
            },
            py::arg("case"), "The events of case in order (copies).")
        .def(
            "describe",
            [](const py::object& self, const std::variant<std::uint64_t, Event>& event) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.describe(own_event(box.engine, event)); });
            },
            py::arg("event"),
            "An Event of this engine (or its sequence) spelled out with names; NotFoundError for another's.")
        .def(
            "role_name",
            [](const py::object& self, std::uint16_t role) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.role_name(role); });
            },
            py::arg("index"), "A role name by index (Event.role); NotFoundError.")
        .def(
            "memory_bytes",
            reader([](const CaseEngine& e) { return e.memory_bytes(); }),
            "Bytes held for cases, events and their details (approximate, capacity-based).")
        // ---- the record ----
        .def(
            "to_json_line",
            [](const py::object& self, const std::variant<std::uint64_t, Event>& event) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.to_json_line(own_event(box.engine, event)); });
            },
            py::arg("event"), "One event (or its sequence) as a JSON object on one line (no newline).")
        .def(
            "to_json_lines",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    const py::gil_scoped_release release;
                    return box.engine.to_json_lines();
                });
            },
            "Every event as JSON lines (what parse_json_lines() reads).")
        .def_static(
            "parse_json_lines",
            [](const std::string& text, const std::string& source) {
                const py::gil_scoped_release release;
                return CaseEngine::parse_json_lines(text, source);
            },
            py::arg("text"), py::arg("source") = "<text>",
            "Reads JSON lines written by to_json_lines() into EventRecords; InvalidInputError naming source, line "
            "(.row) and key (.field).")
        .def(
            "replay",
            [](const py::object& self, const std::vector<EventRecord>& records) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    const py::gil_scoped_release release;
                    box.engine.replay(records);
                });
            },
            py::arg("records"),
            "Applies records (EventRecord, e.g. from parse_json_lines()) to this engine, which must have no cases "
            "yet and the same loops and actors; rebuilds identical states and timers. Callbacks are not called. "
            "InvalidInputError naming the record (.row), leaving the engine empty, when a record does not fit. Runs "
            "without the GIL.")
        .def(
            "to_open311",
            [](const py::object& self, const std::optional<CaseArgument>& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    return id ? box.engine.to_open311(case_id(box.engine, *id)) : box.engine.to_open311();
                });
            },
            py::arg("case") = py::none(),
            "Open311 GeoReport v2 service requests as JSON text: an array for every case, or one object for case. "
            "expected_datetime is the current state's due instant as first set (escalation does not move it).")
        .def(
            "open311",
            [](const py::object& self) {
                return py::reinterpret_steal<Requests>(
                    py::module_::import("json").attr("loads")(self.attr("to_open311")()).release());
            },
            "to_open311() parsed: a list of dicts, one per case.")
        // ---- pandas ----
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("cases_frame")(self); },
            "One row per case (index: case number): workflow, version, state, closed, unit, grid, matter, priority, "
            "rung (categoricals), opened_at, updated_at, due, closed_at, handling_due, handled_at (datetime64, "
            "Asia/Shanghai), transitions, "
            "reworks, escalations, urges, reopens, refusals, primary (assigned unit), routed_primary (the unit the "
            "list named when a dispatcher overrode it). Needs pandas.")
        .def(
            "events_frame", [](const py::object& self) { return pandas_helper("events_frame")(self); },
            "One row per event (index: sequence): case, kind (categorical), at (datetime64, Asia/Shanghai), actor, "
            "role, from, to, transition, rung (categorical), note, reason, primary (of an assignment), routed_primary "
            "(the routed unit when the dispatcher overrode it, else missing). Needs pandas.")
        .def("_case_columns", [](const py::object& self) { return case_columns(box_of(self)); },
             "Columns for to_pandas() (internal).")
        .def("_event_columns", [](const py::object& self) { return event_columns(box_of(self)); },
             "Columns for events_frame() (internal).")
        .def("__repr__", [](const py::object& self) {
            EngineBox& box = box_of(self);
            return read(box, [&] {
                return "<CaseEngine: " + plural(box.engine.size(), "case") + ", " +
                       plural(box.engine.events().size(), "event") + ", " + plural(box.engine.actor_count(), "actor") +
                       ", " + plural(box.engine.workflows().size(), "workflow") + ">";
            });
        });
}

}  // namespace

void bind_case_engine(py::module_& m) {
    bind_values(m);
    bind_engine(m);
}

}  // namespace grassroots::python
