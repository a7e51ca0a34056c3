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
/// The case engine (called by bind_workflow, into the workflow submodule): cases, actors, events.
void bind_case_engine(py::module_& m);
/// The dual ledger (双台账): problems, measures, 销号, reports, CSV.
void bind_ledger(py::module_& m);
/// The burden ledger (小马拉大车) and the burden index.
void bind_burden(py::module_& m);
/// People: community-worker reviews (履职评估), volunteers, 党员回家, community social organisations.
void bind_people(py::module_& m);
/// KPIs and roll-ups (analytics): case tables, KPI definitions, reports per unit, grid, matter and time bucket.
void bind_analytics(py::module_& m);
/// Personal information: citizen ID numbers and phones (masked), pseudonyms, the vault's encryption.
void bind_privacy(py::module_& m);
/// The store: a durable event store on SQLite (streams, events, appends, reads).
void bind_store(py::module_& m);
/// Data shipped inside the library.
void bind_datasets(py::module_& m);

}  // namespace grassroots::python
