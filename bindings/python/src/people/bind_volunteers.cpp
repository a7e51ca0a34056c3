// Volunteers (志愿者), teams, projects, service records and totals. VolunteerRegistry.totals_frame is
// Python (grassroots/people/_pandas.py).
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>

#include "grassroots/division/tree.hpp"
#include "grassroots/people/volunteers.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_volunteers(py::module_& m) {
    py::class_<Volunteer> volunteer_class(m, "Volunteer", "A registered volunteer (注册志愿者).");
    volunteer_class.def(py::init([](std::string id, std::string name, const UnitArgument& unit, Date registered) {
                            return Volunteer{std::move(id), std::move(name), to_code(unit), registered};
                        }),
                        py::arg("id"), py::arg("name"), py::arg("unit"), py::arg("registered"));
    field(volunteer_class, "id", &Volunteer::id, "Unique registration id.");
    field(volunteer_class, "name", &Volunteer::name, "Name.");
    field(volunteer_class, "unit", &Volunteer::unit, "Where registered.");
    field(volunteer_class, "registered", &Volunteer::registered, "Registration date.");
    add_value_protocol(volunteer_class, {"id", "name", "unit", "registered"});

    py::class_<VolunteerTeam> team_class(m, "VolunteerTeam", "A volunteer team (志愿服务队).");
    team_class.def(py::init([](std::string name, const UnitArgument& unit, Date founded) {
                       return VolunteerTeam{std::move(name), to_code(unit), founded};
                   }),
                   py::arg("name"), py::arg("unit"), py::arg("founded"));
    field(team_class, "name", &VolunteerTeam::name, "Name (unique within its unit).");
    field(team_class, "unit", &VolunteerTeam::unit, "The unit it belongs to.");
    field(team_class, "founded", &VolunteerTeam::founded, "Founding date.");
    add_value_protocol(team_class, {"name", "unit", "founded"});

    py::class_<VolunteerProject> project_class(m, "VolunteerProject",
                                               "A volunteer service project (志愿服务项目), start to end inclusive.");
    project_class.def(py::init([](std::string name, const UnitArgument& unit, Date start, std::optional<Date> end,
                                  std::optional<VolunteerTeamId> team) {
                          return VolunteerProject{std::move(name), to_code(unit), team, start, end};
                      }),
                      py::arg("name"), py::arg("unit"), py::arg("start"), py::arg("end") = py::none(),
                      py::arg("team") = py::none());
    field(project_class, "name", &VolunteerProject::name, "Name.");
    field(project_class, "unit", &VolunteerProject::unit, "The unit that runs it.");
    field(project_class, "team", &VolunteerProject::team, "The team (int id) that runs it, or None.");
    field(project_class, "start", &VolunteerProject::start, "First day.");
    field(project_class, "end", &VolunteerProject::end, "Last day, or None while running.");
    add_value_protocol(project_class, {"name", "unit", "start", "end", "team"});

    py::class_<ServiceRecord> record_class(m, "ServiceRecord", "Service by one volunteer on one day (志愿服务记录).");
    record_class.def(py::init([](VolunteerId volunteer, std::optional<VolunteerProjectId> project, Date day,
                                 double hours) { return ServiceRecord{volunteer, project, day, hours}; }),
                     py::arg("volunteer"), py::arg("project"), py::arg("day"), py::arg("hours"));
    field(record_class, "volunteer", &ServiceRecord::volunteer, "Volunteer (int id).");
    field(record_class, "project", &ServiceRecord::project, "Project (int id), or None.");
    field(record_class, "day", &ServiceRecord::day, "When.");
    field(record_class, "hours", &ServiceRecord::hours, "Service hours (0 < hours <= 24).");
    add_value_protocol(record_class, {"volunteer", "project", "day", "hours"});

    py::class_<VolunteerTotals> totals_class(
        m, "VolunteerTotals",
        "Volunteer totals of one unit over a period: registered and active volunteers, teams, projects running, "
        "service records and hours (volunteers and hours where the volunteer is registered).");
    totals_class.def(py::init([](const UnitArgument& unit, std::int64_t volunteers, std::int64_t active_volunteers,
                                 std::int64_t teams, std::int64_t projects, std::int64_t service_records, double hours) {
                         return VolunteerTotals{to_code(unit), volunteers, active_volunteers, teams, projects,
                                                service_records, hours};
                     }),
                     py::arg("unit"), py::arg("volunteers"), py::arg("active_volunteers"), py::arg("teams"),
                     py::arg("projects"), py::arg("service_records"), py::arg("hours"));
    field(totals_class, "unit", &VolunteerTotals::unit, "The unit.");
    field(totals_class, "volunteers", &VolunteerTotals::volunteers, "Registered volunteers (by the last day).");
    field(totals_class, "active_volunteers", &VolunteerTotals::active_volunteers, "Volunteers who served.");
    field(totals_class, "teams", &VolunteerTotals::teams, "Teams (founded by the last day).");
    field(totals_class, "projects", &VolunteerTotals::projects, "Projects running in the period.");
    field(totals_class, "service_records", &VolunteerTotals::service_records, "Service records.");
    field(totals_class, "hours", &VolunteerTotals::hours, "Service hours.");
    add_value_protocol(totals_class,
                       {"unit", "volunteers", "active_volunteers", "teams", "projects", "service_records", "hours"});

    py::class_<VolunteerRegistry>(m, "VolunteerRegistry",
                                  "Volunteers, teams, projects and service records of a place. Ids are ints.")
        .def(py::init<>(), "An empty registry.")
        .def("add_volunteer", &VolunteerRegistry::add_volunteer, py::arg("volunteer"),
             "Registers a Volunteer; returns its id. InvalidInputError for an empty or duplicate id.")
        .def("add_team", &VolunteerRegistry::add_team, py::arg("team"), "Adds a VolunteerTeam; returns its id.")
        .def("add_project", &VolunteerRegistry::add_project, py::arg("project"),
             "Adds a VolunteerProject; returns its id. InvalidInputError for end before start.")
        .def("join", &VolunteerRegistry::join, py::arg("volunteer"), py::arg("team"),
             "Makes a volunteer a member of a team (idempotent).")
        .def("record", &VolunteerRegistry::record, py::arg("service"),
             "Records a ServiceRecord; InvalidInputError for hours outside (0, 24], a day before registration or "
             "outside the project's dates.")
        .def(
            "record",
            [](VolunteerRegistry& r, VolunteerId volunteer, Date day, double hours,
               std::optional<VolunteerProjectId> project) { r.record(ServiceRecord{volunteer, project, day, hours}); },
            py::arg("volunteer"), py::arg("day"), py::arg("hours"), py::arg("project") = py::none(),
            "Records service from its fields.")
        .def_property_readonly("volunteers", [](const VolunteerRegistry& r) { return copy_of(r.volunteers()); },
                               "All volunteers (copies), by id.")
        .def_property_readonly("teams", [](const VolunteerRegistry& r) { return copy_of(r.teams()); },
                               "All teams (copies), by id.")
        .def_property_readonly("projects", [](const VolunteerRegistry& r) { return copy_of(r.projects()); },
                               "All projects (copies), by id.")
        .def_property_readonly("records", [](const VolunteerRegistry& r) { return copy_of(r.records()); },
                               "All service records (copies), in order recorded.")
        .def("volunteer", &VolunteerRegistry::volunteer, py::arg("id"), "The volunteer with this int id.")
        .def("find_volunteer", &VolunteerRegistry::find_volunteer, py::arg("registration_id"),
             "The int id of the volunteer with this registration id, or None.")
        .def("members", &VolunteerRegistry::members, py::arg("team"), "Member ids of a team.")
        .def("teams_of", &VolunteerRegistry::teams_of, py::arg("volunteer"), "Team ids of a volunteer.")
        .def("hours_of", &VolunteerRegistry::hours_of, py::arg("volunteer"), py::arg("first"), py::arg("last"),
             "Hours served by a volunteer in [first, last].")
        .def(
            "totals",
            [](const VolunteerRegistry& r, Date first, Date last, const DivisionTree* tree) {
                return tree != nullptr ? r.totals(*tree, first, last) : r.totals(first, last);
            },
            py::arg("first"), py::arg("last"), py::arg("tree") = py::none(),
            "VolunteerTotals over [first, last]: per unit that has anything (no tree), or for every unit of the tree "
            "over its subtree (rolled up the ladder).");
}

}  // namespace grassroots::python
