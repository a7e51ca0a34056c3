// The case engine as the Python CaseEngine holds it (bound in bind_case_engine.cpp), shared with the
// binding files of other areas that read an engine (analytics: CaseTable.from_engine; people:
// evidence_from_cases). A function taking `EngineBox&` accepts a grassroots.CaseEngine, and the
// stubs name it so.
//
// Locking: the C++ engine is not thread-safe, so every use holds the box's recursive mutex, waiting
// for it without the GIL (a thread running advance() without the GIL holds it); a change is refused
// while an event callback runs. Readers in other files use read_engine_without_gil().
#pragma once

#include <pybind11/pybind11.h>

#include <Python.h>

#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots::python {

/// The engine, its mutex and what Python-side features need.
struct EngineBox {
    EngineBox(Calendar calendar, EngineOptions options) : engine(std::move(calendar), options) {}

    CaseEngine engine;
    std::recursive_mutex mutex;                   // every method holds it while it uses the engine
    std::shared_ptr<DivisionTree> divisions;      // kept alive while the engine points at them
    std::shared_ptr<GridMap> grids;
    PyObject* self = nullptr;                     // the Python object holding this box (borrowed)
    bool sink_added = false;                      // the PythonSink is registered (once)
    bool dispatching = false;                     // a callback is running (on the thread holding mutex)
    std::optional<py::error_already_set> callback_error;  // first error a callback raised
};

/// Holds the engine's mutex; waits for it without the GIL. A change is refused inside a callback.
class EngineLock {
public:
    EngineLock(EngineBox& box, bool changes) : lock_(box.mutex, std::try_to_lock) {
        if (!lock_.owns_lock()) {
            const py::gil_scoped_release release;
            lock_.lock();
        }
        if (changes && box.dispatching) {
            throw std::runtime_error("CaseEngine: an event callback may read the engine but not change it");
        }
    }

private:
    std::unique_lock<std::recursive_mutex> lock_;
};

/// Calls @p read with the engine (const CaseEngine&) under its lock and without the GIL, for bulk
/// reads; @p read must not touch Python objects, nor C++ objects Python may change meanwhile.
template <class Read>
auto read_engine_without_gil(EngineBox& box, Read&& read) {
    const EngineLock lock(box, false);
    const py::gil_scoped_release release;
    return std::forward<Read>(read)(static_cast<const CaseEngine&>(box.engine));
}

}  // namespace grassroots::python
