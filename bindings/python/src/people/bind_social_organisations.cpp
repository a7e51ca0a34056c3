// Community social organisations (社区社会组织) and the share of households taking part.
// SocialOrganisationRegistry.participation_frame is Python (grassroots/people/_pandas.py).
#include <pybind11/stl.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/people/participation.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

/// Households given as UnitHouseholds rows or as {code: households}.
using HouseholdsArgument = std::variant<std::vector<UnitHouseholds>, std::map<std::string, std::int64_t>>;

std::vector<UnitHouseholds> households_rows(const HouseholdsArgument& households) {
    if (const auto* rows = std::get_if<std::vector<UnitHouseholds>>(&households)) return *rows;
    std::vector<UnitHouseholds> out;
    for (const auto& [code, count] : std::get<std::map<std::string, std::int64_t>>(households)) {
        out.push_back(UnitHouseholds{DivisionCode::parse(code), count, std::nullopt});
    }
    return out;
}

}  // namespace

void bind_social_organisations(py::module_& m) {
    bind_enum<SocialOrganisationKind>(m, "SocialOrganisationKind",
                                      "The kind of a community social organisation (common categories).");
    m.def("parse_social_organisation_kind", &parse_social_organisation_kind, py::arg("text"),
          "The kind named in English or Chinese; InvalidInputError otherwise.");

    py::class_<SocialOrganisation> organisation_class(m, "SocialOrganisation",
                                                      "A community social organisation (社区社会组织).");
    organisation_class.def(py::init([](std::string name, SocialOrganisationKind kind, const UnitArgument& unit,
                                       bool incubation_site, std::int64_t households_taking_part) {
                               return SocialOrganisation{std::move(name), kind, to_code(unit), incubation_site,
                                                         households_taking_part};
                           }),
                           py::arg("name"), py::arg("kind"), py::arg("unit"), py::arg("incubation_site") = false,
                           py::arg("households_taking_part") = 0);
    field(organisation_class, "name", &SocialOrganisation::name, "Name.");
    field(organisation_class, "kind", &SocialOrganisation::kind, "SocialOrganisationKind.");
    field(organisation_class, "unit", &SocialOrganisation::unit, "The unit it serves.");
    field(organisation_class, "incubation_site", &SocialOrganisation::incubation_site,
          "It is (or runs) an incubation site (孵化场所).");
    field(organisation_class, "households_taking_part", &SocialOrganisation::households_taking_part,
          "Households taking part in it.");
    add_value_protocol(organisation_class, {"name", "kind", "unit", "incubation_site", "households_taking_part"});

    py::class_<UnitHouseholds> households_class(
        m, "UnitHouseholds", "Households of a unit and, if surveyed, the distinct households taking part.");
    households_class.def(py::init([](const UnitArgument& unit, std::int64_t households,
                                     std::optional<std::int64_t> participating_households) {
                             return UnitHouseholds{to_code(unit), households, participating_households};
                         }),
                         py::arg("unit"), py::arg("households"), py::arg("participating_households") = py::none());
    field(households_class, "unit", &UnitHouseholds::unit, "The unit.");
    field(households_class, "households", &UnitHouseholds::households, "Households.");
    field(households_class, "participating_households", &UnitHouseholds::participating_households,
          "Distinct households taking part, or None.");
    add_value_protocol(households_class, {"unit", "households", "participating_households"});
    m.def(
        "households_of",
        [](const py::iterable& chains) {
            std::vector<UnitHouseholds> out;
            for (const py::handle chain : chains) {
                const auto& c = chain.cast<const AutonomyChain&>();
                out.push_back(UnitHouseholds{c.unit(), c.households(), std::nullopt});
            }
            return out;
        },
        py::arg("chains"), "UnitHouseholds of each AutonomyChain (households summed over its groups).");

    py::class_<ParticipationShare> share_class(
        m, "ParticipationShare",
        "Organisations and the share of households taking part in one unit. participating_households is the surveyed "
        "distinct count, else the sum over organisations capped at the households (estimated=True: an upper bound).");
    share_class.def(py::init([](const UnitArgument& unit, std::int64_t organisations, std::int64_t incubation_sites,
                                std::int64_t households, std::int64_t participating_households,
                                std::optional<double> share, bool estimated) {
                        return ParticipationShare{to_code(unit), organisations, incubation_sites, households,
                                                  participating_households, share, estimated};
                    }),
                    py::arg("unit"), py::arg("organisations"), py::arg("incubation_sites"), py::arg("households"),
                    py::arg("participating_households"), py::arg("share"), py::arg("estimated"));
    field(share_class, "unit", &ParticipationShare::unit, "The unit.");
    field(share_class, "organisations", &ParticipationShare::organisations, "Organisations.");
    field(share_class, "incubation_sites", &ParticipationShare::incubation_sites, "Of which incubation sites.");
    field(share_class, "households", &ParticipationShare::households, "Households (0 when not given).");
    field(share_class, "participating_households", &ParticipationShare::participating_households,
          "Households taking part.");
    field(share_class, "share", &ParticipationShare::share, "participating / households, or None without households.");
    field(share_class, "estimated", &ParticipationShare::estimated, "True when summed over organisations somewhere.");
    add_value_protocol(share_class, {"unit", "organisations", "incubation_sites", "households",
                                     "participating_households", "share", "estimated"});

    py::class_<SocialOrganisationRegistry>(m, "SocialOrganisationRegistry",
                                           "The community social organisations of a place. Ids are ints.")
        .def(py::init<>(), "An empty registry.")
        .def("add", &SocialOrganisationRegistry::add, py::arg("organisation"),
             "Adds a SocialOrganisation; returns its id. InvalidInputError for an empty or repeated name in the unit "
             "or negative households.")
        .def_property_readonly("organisations",
                               [](const SocialOrganisationRegistry& r) { return copy_of(r.organisations()); },
                               "All organisations (copies), by id.")
        .def("organisation", &SocialOrganisationRegistry::organisation, py::arg("id"), "The organisation with this id.")
        .def(
            "participation",
            [](const SocialOrganisationRegistry& r, const HouseholdsArgument& households, const DivisionTree* tree) {
                const std::vector<UnitHouseholds> rows = households_rows(households);
                return tree != nullptr ? r.participation(*tree, rows) : r.participation(rows);
            },
            py::arg("households"), py::arg("tree") = py::none(),
            "ParticipationShares from households (UnitHouseholds rows or {code: households}): per unit (no tree), or "
            "for every unit of the tree over its subtree.");
}

}  // namespace grassroots::python
