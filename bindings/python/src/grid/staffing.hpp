// GridStaffing as Python holds it, shared by bind_staffing.cpp and bind_optimiser.cpp.
#pragma once

#include <mutex>
#include <shared_mutex>
#include <utility>

#include "grid.hpp"

namespace grassroots::python {

/// GridStaffing with the map it refers to kept alive. check(), summary() and the optimisers run
/// without the GIL; they hold the lock shared, and every change takes it exclusively (with the GIL
/// held), so another Python thread cannot change the posts under them. The work between releasing
/// the GIL and taking it back must not touch Python objects.
struct Staffing {
    explicit Staffing(MapPtr grid_map) : map(std::move(grid_map)), staffing(*map) {}

    MapPtr map;  // before staffing, which points into it
    GridStaffing staffing;
    mutable std::shared_mutex mutex;

    template <class Change>
    auto change(Change&& apply) {
        const std::unique_lock lock(mutex);
        return apply(staffing);
    }

    template <class Work>
    auto without_gil(Work&& work) const {
        const py::gil_scoped_release release;
        const std::shared_lock lock(mutex);
        return work(staffing);
    }
};

}  // namespace grassroots::python
