// Shared declarations of the pybind11 module grassroots._core (one bind_<area>.cpp per area).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

namespace py = pybind11;

/// Exception classes and the C++ → Python exception translator.
void bind_errors(py::module_& m);
/// Division codes, levels, classes, the division tree and its builder.
void bind_division(py::module_& m);
/// The autonomy chain: rules by edition, chains, validation, meetings, consultations.
void bind_autonomy(py::module_& m);
/// The working-day calendar: holidays, make-up days, working hours, deadlines.
void bind_calendar(py::module_& m);
/// Grids (网格) and grid posts (网格定岗): codes, polygons, the grid map, staffing, the optimiser.
void bind_grid(py::module_& m);
/// Closed-loop workflow definitions: states, transitions, deadlines, a registry, the built-in loops.
void bind_workflow(py::module_& m);
/// Data shipped inside the library.
void bind_datasets(py::module_& m);

}  // namespace grassroots::python
