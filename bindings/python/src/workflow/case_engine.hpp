// What the binding files of the case engine share (bind_case_values.cpp, bind_event.cpp,
// bind_case_state.cpp, bind_case_engine*.cpp; defined in case_engine.cpp): the casters for case and
// actor ids and for fields, the arguments that name a case or an actor, the lock helpers every
// CaseEngine method uses, and the CaseState snapshot Python holds.
//
// Case and actor ids are plain ints (ids.hpp); wherever an operation takes one, a case number
// ("C000001") or an actor's string id ("wg-1") works too. Instants are datetimes (casters.hpp:
// naive = China Standard Time, results aware in +08:00). Points are (x, y) tuples.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <Python.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "code_text.hpp"
#include "ids.hpp"
#include "value_types.hpp"
#include "workflow/engine_box.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots::python {

/// The fields given with a transition: a dict {name: value} (in its order) or a list of Field.
struct FieldList {
    std::vector<Field> fields;
};

}  // namespace grassroots::python

// ---- casters: fields as a dict or a list (case and actor ids: engine_box.hpp) ------------------------------
namespace pybind11::detail {


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

using ActorArgument = std::variant<ActorId, std::string>;  ///< an id, or the actor's string id
using CaseArgument = std::variant<CaseId, CodeText>;    ///< an id, or the case number "C000001"
using EventArgument = std::variant<std::uint64_t, Event>;  ///< an event, or its sequence
using XY = std::pair<double, double>;  ///< a Point as (x, y), without the grid module's Point caster
using EngineClass = py::class_<EngineBox>;  ///< the Python CaseEngine

inline constexpr const char* subscribers_attribute = "_subscribers";  ///< the engine's list of callbacks

#ifdef GRASSROOTS_PYBIND11_TYPING
using Callback = py::typing::Callable<void(const EventRecord&)>;  ///< Callable[[EventRecord], None] in the stubs.
using Requests = py::typing::List<StringDict>;                   ///< list[dict[str, Any]] in the stubs.
#else
using Callback = py::function;
using Requests = py::list;
#endif

/// @p text, or None when it is empty.
inline std::optional<std::string> text_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

/// The int id of @p id, or None for the engine's clock.
inline std::optional<std::uint32_t> id_or_none(ActorId id) {
    return id.valid() ? std::optional<std::uint32_t>(id.value()) : std::nullopt;
}

/// Under the lock, after an operation: true when this thread is to deliver the queued events (no
/// thread delivers yet); false when a delivery is under way (a callback changed the engine, or
/// another thread delivers): that delivery takes the new events in their turn.
bool claim_delivery(EngineBox& box);
/// Without the lock: calls the subscribers with every queued event, in order, until none is left.
/// Returns the first error a callback raised; later ones go to sys.unraisablehook.
std::optional<py::error_already_set> deliver_events(EngineBox& box);
/// After the operation: its error, if any, wins (the callback's goes to sys.unraisablehook); else
/// the first callback error is raised.
void finish_change(std::exception_ptr failure, std::optional<py::error_already_set> callback_error);

/// Runs @p f, which changes the engine, under the lock; then, without the lock, calls the
/// subscribers with the events it recorded, and raises the operation's error or a callback's.
template <class F>
auto change(EngineBox& box, F&& f) {
    using Result = std::invoke_result_t<F&>;
    using Kept = std::conditional_t<std::is_void_v<Result>, bool, Result>;
    std::optional<Kept> result;
    std::exception_ptr failure;
    bool deliver = false;
    {
        const EngineLock lock(box);
        try {
            if constexpr (std::is_void_v<Result>) {
                f();
                result.emplace(true);
            } else {
                result.emplace(f());
            }
        } catch (...) {
            failure = std::current_exception();
        }
        deliver = claim_delivery(box);
    }
    finish_change(failure, deliver ? deliver_events(box) : std::nullopt);
    if constexpr (!std::is_void_v<Result>) return std::move(*result);
}

/// Runs @p f, which only reads the engine, under the lock.
template <class F>
auto read(EngineBox& box, F&& f) {
    const EngineLock lock(box);
    return f();
}

inline EngineBox& box_of(const py::object& self) { return self.cast<EngineBox&>(); }

/// A method or property returning a copy of what @p get reads from the engine, under the lock.
template <class Get>
auto reader(Get get) {
    return [get](const py::object& self) {
        EngineBox& box = box_of(self);
        return read(box, [&] { return get(static_cast<const CaseEngine&>(box.engine)); });
    };
}

/// The id of @p actor (an int id or a string id); NotFoundError for an unknown string id.
ActorId actor_id(const CaseEngine& engine, const ActorArgument& actor);
/// The id of @p id (an int id or a case number).
CaseId case_id(const CaseEngine& engine, const CaseArgument& id);
/// The engine's own copy of @p event; NotFoundError when it is not one of its events.
const Event& own_event(const CaseEngine& engine, const EventArgument& event);

/// A case state as Python holds it: a copy without the definition pointer, with its names.
struct CaseView {
    CaseState state;
    std::string workflow;
    int version = 0;
    std::string state_id;
};


/// The snapshot of @p state Python holds.
CaseView view_of(const CaseState& state);

/// Registers the sink that queues events for the Python subscribers of @p box (once per engine).
void add_python_sink(EngineBox& box);

/// Columns of engine.to_pandas(): one entry per case (built without the GIL).
py::dict case_columns(EngineBox& box);
/// Columns of engine.events_frame(): one entry per event (built without the GIL).
py::dict event_columns(EngineBox& box);

/// CaseEngine methods: setup (bind_case_engine.cpp), subscribers and operations
/// (bind_case_engine_operations.cpp), queries (bind_case_engine_queries.cpp), the event record and
/// the pandas primitives (bind_case_engine_record.cpp).
void bind_engine_setup(EngineClass& engine_class);
void bind_engine_operations(EngineClass& engine_class);
/// The actors' lifecycle (change, deactivate, is_active) and runtime holiday notices; bind_engine_operations calls it.
void bind_engine_actors(EngineClass& engine_class);
void bind_engine_queries(EngineClass& engine_class);
void bind_engine_record(EngineClass& engine_class);

}  // namespace grassroots::python
