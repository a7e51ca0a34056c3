// Party members registered where they live (党员回家) and the unit counts they roll up to.
// ResidentPartyMembers.counts_frame is Python (grassroots/people/_pandas.py).
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>

#include "grassroots/division/tree.hpp"
#include "grassroots/people/participation.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_party_members(py::module_& m) {
    py::class_<UnitCount> count_class(m, "UnitCount", "A count for one unit of the ladder.");
    count_class.def(py::init([](const UnitArgument& unit, std::int64_t count) { return UnitCount{to_code(unit), count}; }),
                    py::arg("unit"), py::arg("count"));
    field(count_class, "unit", &UnitCount::unit, "The unit.");
    field(count_class, "count", &UnitCount::count, "The count.");
    add_value_protocol(count_class, {"unit", "count"});

    py::class_<PartyMemberRegistration> registration_class(
        m, "PartyMemberRegistration",
        "A party member registered with the community where they live (党员回家, 到社区报到).");
    registration_class.def(py::init([](std::string member, std::string organisation, const UnitArgument& community,
                                       Date registered, std::optional<Date> ended) {
                               return PartyMemberRegistration{std::move(member), std::move(organisation),
                                                              to_code(community), registered, ended};
                           }),
                           py::arg("member"), py::arg("organisation"), py::arg("community"), py::arg("registered"),
                           py::arg("ended") = py::none());
    field(registration_class, "member", &PartyMemberRegistration::member, "Member id or name.");
    field(registration_class, "organisation", &PartyMemberRegistration::organisation,
          "The party organisation of origin (所在党组织).");
    field(registration_class, "community", &PartyMemberRegistration::community, "The village-level unit of residence.");
    field(registration_class, "registered", &PartyMemberRegistration::registered, "Registration date.");
    field(registration_class, "ended", &PartyMemberRegistration::ended, "Last day, or None.");
    registration_class.def("active_on", &PartyMemberRegistration::active_on, py::arg("on"), "True when registered on.");
    add_value_protocol(registration_class, {"member", "organisation", "community", "registered", "ended"});

    py::class_<ResidentPartyMembers>(m, "ResidentPartyMembers",
                                     "Registrations of party members with their communities of residence (党员回家).")
        .def(py::init<>(), "No registrations yet.")
        .def("add", &ResidentPartyMembers::add, py::arg("registration"),
             "Adds a registration; returns its id. InvalidInputError for a community above village level or a member "
             "registered elsewhere over overlapping dates.")
        .def("end", &ResidentPartyMembers::end, py::arg("registration"), py::arg("ended"), "Ends a registration.")
        .def_property_readonly("registrations",
                               [](const ResidentPartyMembers& r) { return copy_of(r.registrations()); },
                               "All registrations (copies), by id.")
        .def(
            "counts",
            [](const ResidentPartyMembers& r, Date on, const DivisionTree* tree) {
                return tree != nullptr ? r.counts(*tree, on) : r.counts(on);
            },
            py::arg("on"), py::arg("tree") = py::none(),
            "UnitCounts of members registered on a day: per community (no tree), or for every unit of the tree over "
            "its subtree.")
        .def("counts_by_organisation", &ResidentPartyMembers::counts_by_organisation, py::arg("on"),
             "(organisation, count) pairs of members registered on a day, by organisation name.");
}

}  // namespace grassroots::python
