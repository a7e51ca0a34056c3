// The case engine as the Python CaseEngine holds it (bound in bind_case_engine*.cpp), shared with the
// binding files of other areas that read an engine (analytics: CaseTable.from_engine; people:
// evidence_from_cases). A function taking `EngineBox&` accepts a grassroots.CaseEngine, and the
// stubs name it so.
//
// Locking: the C++ engine is not thread-safe, so every use holds the box's recursive mutex, waiting
// for it without the GIL (a thread running advance() without the GIL holds it). Readers in other
// files use read_engine_without_gil().
//
// Events for Python subscribers: the engine's sink queues each event as an EventRecord (no Python,
// no GIL); the operation that caused them delivers them after it has released the lock, so a
// callback may read and even change the engine (workflow/case_engine.hpp: change()).
#pragma once

#include <pybind11/pybind11.h>

#include <Python.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "bindings.hpp"
#include "ids.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/engine.hpp"

// A case is its case number in Python ('C000001', as in every frame, repr and event record); an int
// (the dense id, 0 for C000001) is still accepted. Actor ids are plain ints. In every area that
// reads an engine.
namespace pybind11::detail {

template <>
struct type_caster<grassroots::CaseId> {
    PYBIND11_TYPE_CASTER(grassroots::CaseId, const_name("str"));

    /// An int as strong_id_caster loads it, or a well-formed case number (existence is the engine's
    /// to check). A malformed str does not load, so that a CaseArgument hands it to find_case(),
    /// whose InvalidInputError names it.
    bool load(handle source, bool convert) {
        if (source && PyUnicode_Check(source.ptr())) {
            Py_ssize_t size = 0;
            const char* text = PyUnicode_AsUTF8AndSize(source.ptr(), &size);
            if (text == nullptr) {
                PyErr_Clear();
                return false;
            }
            try {
                value = grassroots::CaseEngine::parse_case_number(std::string_view(text, static_cast<std::size_t>(size)));
                return true;
            } catch (const grassroots::Error&) {
                return false;
            }
        }
        strong_id_caster<grassroots::CaseId> number;
        if (!number.load(source, convert)) return false;
        value = static_cast<grassroots::CaseId&>(number);
        return true;
    }

    static handle cast(grassroots::CaseId id, return_value_policy /*policy*/, handle /*parent*/) {
        return str(grassroots::CaseEngine::case_number(id)).release();
    }
};
template <>
struct type_caster<grassroots::ActorId> : strong_id_caster<grassroots::ActorId> {};

}  // namespace pybind11::detail

namespace grassroots::python {

/// The engine, its mutex and what Python-side features need.
struct EngineBox {
    EngineBox(Calendar calendar, EngineOptions options) : engine(std::move(calendar), options) {}

    CaseEngine engine;
    std::recursive_mutex mutex;                   // every method holds it while it uses the engine
    std::shared_ptr<DivisionTree> divisions;      // kept alive while the engine points at them
    std::shared_ptr<GridMap> grids;
    PyObject* self = nullptr;                     // the Python object holding this box (borrowed)
    bool sink_added = false;                      // the sink queueing events for subscribers is registered (once)
    std::size_t subscribers = 0;                  // callbacks subscribed (the sink queues nothing without one)
    std::deque<EventRecord> undelivered;          // events queued for the subscribers, in order (under mutex)
    std::optional<std::thread::id> deliverer;     // the thread delivering them, if any (under mutex)
};

/// Holds the engine's mutex; waits for it without the GIL.
class EngineLock {
public:
    explicit EngineLock(EngineBox& box) : lock_(box.mutex, std::try_to_lock) {
        if (!lock_.owns_lock()) {
            const py::gil_scoped_release release;
            lock_.lock();
        }
    }

private:
    std::unique_lock<std::recursive_mutex> lock_;
};

/// Calls @p read with the engine (const CaseEngine&) under its lock and without the GIL, for bulk
/// reads; @p read must not touch Python objects, nor C++ objects Python may change meanwhile.
template <class Read>
auto read_engine_without_gil(EngineBox& box, Read&& read) {
    const EngineLock lock(box);
    const py::gil_scoped_release release;
    return std::forward<Read>(read)(static_cast<const CaseEngine&>(box.engine));
}

}  // namespace grassroots::python
