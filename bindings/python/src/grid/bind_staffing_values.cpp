// The value types of grid posts (网格定岗): workers, assignments, rules, findings, summaries, plans.
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "grid.hpp"

namespace grassroots::python {

void bind_staffing_values(py::module_& m) {
    py::class_<GridWorker> worker_class(m, "GridWorker", "A person who can hold grid posts.");
    worker_class.def(py::init(&make_worker), py::arg("name"), py::arg("home"), py::arg("part_time") = py::none(),
                     py::arg("may_serve_elsewhere") = false, py::arg("location") = py::none());
    field(worker_class, "name", &GridWorker::name, "Name.");
    field(worker_class, "home", &GridWorker::home, "The community or village the worker belongs to.");
    field(worker_class, "part_time", &GridWorker::part_time, "PartTimeKind for part-time workers, else None.");
    field(worker_class, "may_serve_elsewhere", &GridWorker::may_serve_elsewhere,
          "Explicitly allowed to hold posts outside home.");
    field(worker_class, "location", &GridWorker::location, "Where the worker lives, (x, y), or None.");
    add_value_protocol(worker_class, {"name", "home", "part_time", "may_serve_elsewhere", "location"});

    py::class_<GridAssignment> assignment_class(m, "GridAssignment",
                                                "A post held from start to end (inclusive; end None while open).");
    assignment_class.def(py::init([](GridWorkerId worker, GridId grid, GridRole role, Date start,
                                     std::optional<Date> end) {
                             return GridAssignment{worker, grid, role, start, end};
                         }),
                         py::arg("worker"), py::arg("grid"), py::arg("role"), py::arg("start"),
                         py::arg("end") = py::none());
    field(assignment_class, "worker", &GridAssignment::worker, "Worker id.");
    field(assignment_class, "grid", &GridAssignment::grid, "Grid id.");
    field(assignment_class, "role", &GridAssignment::role, "GridRole.");
    field(assignment_class, "start", &GridAssignment::start, "First day.");
    field(assignment_class, "end", &GridAssignment::end, "Last day, or None while open.");
    assignment_class.def("active_on", &GridAssignment::active_on, py::arg("day"), "True when held on that day.");
    add_value_protocol(assignment_class, {"worker", "grid", "role", "start", "end"});

    const StaffingRules default_rules;
    py::class_<StaffingRules> rules_class(m, "StaffingRules",
                                          "Limits of the staffing rules (local policy; configurable, not law).");
    rules_class.def(py::init([](std::int64_t part_time_max_grids, std::int64_t liaison_max_grids, bool require_chief) {
                        return StaffingRules{part_time_max_grids, liaison_max_grids, require_chief};
                    }),
                    py::arg("part_time_max_grids") = default_rules.part_time_max_grids,
                    py::arg("liaison_max_grids") = default_rules.liaison_max_grids,
                    py::arg("require_chief") = default_rules.require_chief);
    field(rules_class, "part_time_max_grids", &StaffingRules::part_time_max_grids,
          "Grids one part-time worker may serve at once.");
    field(rules_class, "liaison_max_grids", &StaffingRules::liaison_max_grids, "Grids one township liaison may cover.");
    field(rules_class, "require_chief", &StaffingRules::require_chief, "Report grids without exactly one grid chief.");
    add_value_protocol(rules_class, {"part_time_max_grids", "liaison_max_grids", "require_chief"});

    py::class_<StaffingFinding> finding_class(m, "StaffingFinding", "A broken staffing rule over a run of days.");
    finding_class.def(py::init([](std::string rule_id, std::optional<GridId> grid, std::optional<GridWorkerId> worker,
                                  Date first, Date last, std::string message) {
                          return StaffingFinding{std::move(rule_id), grid, worker, first, last, std::move(message)};
                      }),
                      py::arg("rule_id"), py::arg("grid"), py::arg("worker"), py::arg("first"), py::arg("last"),
                      py::arg("message"));
    field(finding_class, "rule_id", &StaffingFinding::rule_id,
          "'full_time.exactly_one', 'full_time.one_grid', 'part_time.load', 'liaison.load', 'chief.exactly_one' "
          "or 'post.home'.");
    field(finding_class, "grid", &StaffingFinding::grid, "Grid id concerned, or None.");
    field(finding_class, "worker", &StaffingFinding::worker, "Worker id concerned, or None.");
    field(finding_class, "first", &StaffingFinding::first, "First day it holds.");
    field(finding_class, "last", &StaffingFinding::last, "Last day it holds.");
    field(finding_class, "message", &StaffingFinding::message, "In words, with codes, names and dates.");
    add_value_protocol(finding_class, {"rule_id", "grid", "worker", "first", "last", "message"});

    py::class_<StaffingSummary> summary_class(
        m, "StaffingSummary", "One row of a coverage report: a unit of the ladder and its grids' staffing on a day.");
    summary_class.def(py::init([](const UnitArgument& unit, std::int64_t grids, std::int64_t grids_without_full_time,
                                  std::int64_t full_time_workers, std::int64_t part_time_workers,
                                  std::int64_t workers_over_load, std::int64_t households,
                                  double households_per_full_time) {
                          return StaffingSummary{to_code(unit),      grids,      grids_without_full_time,
                                                 full_time_workers,  part_time_workers, workers_over_load,
                                                 households,         households_per_full_time};
                      }),
                      py::arg("unit"), py::arg("grids"), py::arg("grids_without_full_time"),
                      py::arg("full_time_workers"), py::arg("part_time_workers"), py::arg("workers_over_load"),
                      py::arg("households"), py::arg("households_per_full_time"));
    field(summary_class, "unit", &StaffingSummary::unit, "Community, township, county, ….");
    field(summary_class, "grids", &StaffingSummary::grids, "Grids under it.");
    field(summary_class, "grids_without_full_time", &StaffingSummary::grids_without_full_time,
          "Grids with no full-time worker that day.");
    field(summary_class, "full_time_workers", &StaffingSummary::full_time_workers, "Distinct full-time workers.");
    field(summary_class, "part_time_workers", &StaffingSummary::part_time_workers, "Distinct part-time workers.");
    field(summary_class, "workers_over_load", &StaffingSummary::workers_over_load, "Workers above their limit.");
    field(summary_class, "households", &StaffingSummary::households, "Households of the grids.");
    field(summary_class, "households_per_full_time", &StaffingSummary::households_per_full_time,
          "households / full_time_workers (0 if none).");
    add_value_protocol(summary_class, {"unit", "grids", "grids_without_full_time", "full_time_workers",
                                       "part_time_workers", "workers_over_load", "households",
                                       "households_per_full_time"});

    py::class_<StaffingPlan> plan_class(m, "StaffingPlan",
                                        "A full-time staffing plan: the worker of each grid (or None) and its cost.");
    plan_class.def(py::init([](std::vector<std::optional<GridWorkerId>> worker_of_grid, double total_distance_m,
                               double max_distance_m, std::int64_t unstaffed) {
                       return StaffingPlan{std::move(worker_of_grid), total_distance_m, max_distance_m, unstaffed};
                   }),
                   py::arg("worker_of_grid"), py::arg("total_distance_m"), py::arg("max_distance_m"),
                   py::arg("unstaffed"));
    field(plan_class, "worker_of_grid", &StaffingPlan::worker_of_grid,
          "Worker id per grid id of the whole map (None: not staffed or not asked for).");
    field(plan_class, "total_distance_m", &StaffingPlan::total_distance_m, "Sum of worker-to-grid distances (m).");
    field(plan_class, "max_distance_m", &StaffingPlan::max_distance_m, "Longest single distance (m).");
    field(plan_class, "unstaffed", &StaffingPlan::unstaffed, "Grids asked for that were left without a worker.");
    add_value_protocol(plan_class, {"worker_of_grid", "total_distance_m", "max_distance_m", "unstaffed"},
                       {.hash = false});
}

}  // namespace grassroots::python
