// Community workers (社区工作者) and the workforce under review. Workforce.to_pandas is Python
// (grassroots/people/_pandas.py).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <optional>
#include <string>

#include "grassroots/people/review.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_workforce(py::module_& m) {
    py::class_<CommunityWorker> worker_class(m, "CommunityWorker",
                                             "A community worker (社区工作者): who, where, and their grade clock.");
    worker_class.def(py::init([](std::string id, std::string name, const UnitArgument& unit, std::int64_t grade,
                                 std::optional<Date> grade_start, std::int64_t wait_change_months, std::string actor) {
                         return CommunityWorker{std::move(id), std::move(name), to_code(unit), grade, grade_start,
                                                wait_change_months, std::move(actor)};
                     }),
                     py::arg("id"), py::arg("name"), py::arg("unit"), py::arg("grade") = 1,
                     py::arg("grade_start") = py::none(), py::arg("wait_change_months") = 0, py::arg("actor") = "");
    field(worker_class, "id", &CommunityWorker::id, "Unique staff id.");
    field(worker_class, "name", &CommunityWorker::name, "Name.");
    field(worker_class, "unit", &CommunityWorker::unit, "The unit they work for (DivisionCode).");
    field(worker_class, "grade", &CommunityWorker::grade, "Current post grade (岗位等级).");
    field(worker_class, "grade_start", &CommunityWorker::grade_start, "When they reached it, or None.");
    field(worker_class, "wait_change_months", &CommunityWorker::wait_change_months,
          "Months earlier reviews at this grade added to (+) or took off (−) the wait.");
    field(worker_class, "actor", &CommunityWorker::actor, "Their actor id in a CaseEngine ('' = none).");
    add_value_protocol(worker_class, {"id", "name", "unit", "grade", "grade_start", "wait_change_months", "actor"});

    py::class_<Workforce>(m, "Workforce", "The community workers under review; staff ids are unique. Ids are ints.")
        .def(py::init<>(), "An empty workforce.")
        .def("add", &Workforce::add, py::arg("worker"),
             "Adds a CommunityWorker; returns its id. InvalidInputError for an empty or duplicate id, an empty name "
             "or a grade below 1.")
        .def("__len__", &Workforce::size)
        .def_property_readonly("workers", [](const Workforce& w) { return copy_of(w.workers()); },
                               "All workers (copies), by id.")
        .def("worker", &Workforce::worker, py::arg("id"), "The worker with this int id; NotFoundError.")
        .def("find", &Workforce::find, py::arg("staff_id"), "The int id of the worker with this staff id, or None.")
        .def("at", &Workforce::at, py::arg("staff_id"), "The int id of the worker with this staff id; NotFoundError.")
        .def_static("parse_csv", &Workforce::parse_csv, py::arg("text"), py::arg("source") = "<text>",
                    "Parses CSV with the columns id,name,unit and optionally grade, grade_start, wait_change_months, "
                    "actor; errors name the source, line and field.")
        .def_static("read_csv", &Workforce::read_csv, py::arg("path"), "Reads such a CSV file (gzip allowed).");
}

}  // namespace grassroots::python
