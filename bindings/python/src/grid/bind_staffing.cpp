// The posts of the grids of one map over time (GridStaffing). The pandas views are Python
// (grassroots/grid/_pandas.py).
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>

#include "casters.hpp"
#include "staffing.hpp"

namespace grassroots::python {

void bind_grid_staffing(py::module_& m) {
    py::class_<Staffing>(m, "GridStaffing",
                         "The posts (网格定岗) of the grids of one GridMap over time: workers, assignments, history, "
                         "the daily rule checks and coverage reports. Keeps its map alive. Ids are ints.")
        .def(py::init<MapPtr>(), py::arg("map"), "Staffing for the grids of a map.")
        .def_property_readonly("map", [](const Staffing& s) { return s.map; }, "The GridMap.")
        .def(
            "add_worker",
            [](Staffing& s, GridWorker worker) {
                return s.change([&](GridStaffing& staffing) { return staffing.add_worker(std::move(worker)); });
            },
            py::arg("worker"),
            "Registers a GridWorker; returns its id. InvalidInputError for an empty name, a home above village "
            "level or a location that is not finite.")
        .def(
            "add_worker",
            [](Staffing& s, std::string name, const UnitArgument& home, std::optional<PartTimeKind> part_time,
               bool may_serve_elsewhere, std::optional<Point> location) {
                GridWorker worker = make_worker(std::move(name), home, part_time, may_serve_elsewhere, location);
                return s.change([&](GridStaffing& staffing) { return staffing.add_worker(std::move(worker)); });
            },
            py::arg("name"), py::arg("home"), py::arg("part_time") = py::none(),
            py::arg("may_serve_elsewhere") = false, py::arg("location") = py::none(),
            "Registers a worker from its fields; returns its id.")
        .def(
            "assign",
            [](Staffing& s, GridWorkerId worker, GridId grid, GridRole role, Date start, std::optional<Date> end) {
                return s.change(
                    [&](GridStaffing& staffing) { return staffing.assign(worker, grid, role, start, end); });
            },
            py::arg("worker"), py::arg("grid"), py::arg("role"), py::arg("start"), py::arg("end") = py::none(),
            "Posts a worker to a grid in a role from start (to end, inclusive); returns the assignment id. "
            "NotFoundError for unknown ids, InvalidInputError for end before start or a part-time post of a worker "
            "without a part-time kind. Rules are checked by check(), so plans can be drafted.")
        .def(
            "end_assignment",
            [](Staffing& s, GridAssignmentId id, Date end) {
                s.change([&](GridStaffing& staffing) { staffing.end_assignment(id, end); });
            },
            py::arg("assignment"), py::arg("end"),
            "Ends an assignment on a day; InvalidInputError if before its start or already ended.")
        .def_property_readonly("workers", [](const Staffing& s) { return copy_of(s.staffing.workers()); },
                               "All workers (copies), by id.")
        .def_property_readonly("assignments", [](const Staffing& s) { return copy_of(s.staffing.assignments()); },
                               "All assignments (copies), by id.")
        .def(
            "worker", [](const Staffing& s, GridWorkerId id) { return s.staffing.worker(id); }, py::arg("id"),
            "The worker with this id (a copy); NotFoundError.")
        .def(
            "holders",
            [](const Staffing& s, GridId grid, GridRole role, Date day) { return s.staffing.holders(grid, role, day); },
            py::arg("grid"), py::arg("role"), py::arg("day"), "Ids of the workers holding a role in a grid on a day.")
        .def(
            "history", [](const Staffing& s, GridId grid) { return s.staffing.history(grid); }, py::arg("grid"),
            "Ids of every assignment of a grid, oldest first.")
        .def(
            "posts_of", [](const Staffing& s, GridWorkerId worker) { return s.staffing.posts_of(worker); },
            py::arg("worker"), "Ids of every assignment of a worker, oldest first.")
        .def(
            "check",
            [](const Staffing& s, Date first, Date last, const StaffingRules& rules) {
                return s.without_gil([&](const GridStaffing& staffing) { return staffing.check(first, last, rules); });
            },
            py::arg("first"), py::arg("last"), py::arg("rules") = StaffingRules{},
            "Checks every day of [first, last]: exactly one full-time worker per grid; a full-time worker in one "
            "grid; part-time and liaison loads; posts inside the worker's own community (liaisons: township) "
            "unless allowed. Consecutive days with the same problem are one finding.")
        .def(
            "summary",
            [](const Staffing& s, const UnitArgument& root, Level level, Date day, const StaffingRules& rules) {
                const DivisionCode code = to_code(root);
                return s.without_gil(
                    [&](const GridStaffing& staffing) { return staffing.summary(code, level, day, rules); });
            },
            py::arg("root"), py::arg("level"), py::arg("day"), py::arg("rules") = StaffingRules{},
            "One StaffingSummary per unit at level under root (e.g. each community of a township) that has grids, "
            "on a day.")
        .def("__repr__", [](const Staffing& s) {
            return "<GridStaffing of " + plural(s.map->size(), "grid") + ": " +
                   plural(s.staffing.workers().size(), "worker") + ", " +
                   plural(s.staffing.assignments().size(), "assignment") + ">";
        });
}

}  // namespace grassroots::python
