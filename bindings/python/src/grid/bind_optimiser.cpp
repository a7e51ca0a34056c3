// The full-time staffing optimiser (minimum-cost flow) and its greedy baseline.
#include <pybind11/stl.h>

#include <vector>

#include "staffing.hpp"

namespace grassroots::python {

void bind_staffing_optimiser(py::module_& m) {
    m.def(
        "optimise_full_time",
        [](const Staffing& s, const std::vector<GridId>& grids, const std::vector<GridWorkerId>& candidates) {
            return s.without_gil(
                [&](const GridStaffing& staffing) { return optimise_full_time(staffing, grids, candidates); });
        },
        py::arg("staffing"), py::arg("grids"), py::arg("candidates"),
        "One full-time worker for each of the grids from the candidates (each worker once, only in their own "
        "community unless allowed), minimising first the unstaffed grids, then the total distance from worker to "
        "grid centroid: exact, as a minimum-cost flow. Current holders are not kept.");
    m.def(
        "greedy_full_time",
        [](const Staffing& s, const std::vector<GridId>& grids, const std::vector<GridWorkerId>& candidates) {
            return s.without_gil(
                [&](const GridStaffing& staffing) { return greedy_full_time(staffing, grids, candidates); });
        },
        py::arg("staffing"), py::arg("grids"), py::arg("candidates"),
        "The greedy baseline: grids in code order each take the nearest eligible free candidate.");
}

}  // namespace grassroots::python
