// AutonomyChain: the four-level autonomy chain of one community or village, and synthetic_chain().
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/org_chart.hpp"
#include "grassroots/autonomy/synthetic.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

using ChainClass = py::class_<AutonomyChain>;
using OptionalDate = std::optional<Date>;

/// The constructor, the committee's own properties and repr.
void add_committee(ChainClass& cls) {
    cls.def(py::init([](CommitteeKind kind, const UnitArgument& unit, std::string name, Date elected) {
                 return AutonomyChain(kind, to_code(unit), std::move(name), elected);
             }),
             py::arg("kind"), py::arg("unit"), py::arg("name"), py::arg("elected"),
             "A chain for the committee of a village-level unit (DivisionCode or 12-digit str) elected on a day. "
             "InvalidInputError for a bad code, a unit above village level or an empty name.")
        .def_property_readonly("kind", &AutonomyChain::kind, "居委会 or 村委会.")
        .def_property_readonly("unit", &AutonomyChain::unit, "The community's or village's DivisionCode.")
        .def_property_readonly("name", &AutonomyChain::name, "The committee's name.")
        .def_property_readonly("elected", &AutonomyChain::elected, "Start of the current term.")
        .def_property_readonly("households", &AutonomyChain::households, "Households, summed over groups.")
        .def_property_readonly("adult_residents", &AutonomyChain::adult_residents, "Adults, summed over groups.");
    cls.def("__repr__", [](const AutonomyChain& c) {
            return "<AutonomyChain " + c.name() + " (" + c.unit().str() + ", " + std::string(to_string(c.kind())) +
                   ") elected " + to_string(c.elected()) + ": " + plural(c.groups().size(), "group") + ", " +
                   plural(static_cast<std::size_t>(c.households()), "household") + ", " +
                   std::to_string(c.people().size()) + (c.people().size() == 1 ? " person" : " people") + ", " +
                   plural(c.posts().size(), "post") + ">";
        });
}

/// Registering people, groups, committees and organisations; appointing and ending posts.
void add_mutators(ChainClass& cls) {
    cls.def(
            "add_person",
            [](AutonomyChain& chain, std::string name, Sex sex, OptionalDate birth_date, std::optional<GroupId> group,
               std::uint32_t household, bool party_member) {
                return chain.add_person(Person{.name = std::move(name),
                                               .sex = sex,
                                               .birth_date = birth_date,
                                               .group = group,
                                               .household = household,
                                               .party_member = party_member});
            },
            py::arg("name"), py::arg("sex"), py::arg("birth_date") = py::none(), py::arg("group") = py::none(),
            py::arg("household") = 0, py::arg("party_member") = false,
            "Registers a person; returns the person id. InvalidInputError (empty name), NotFoundError (unknown group).")
        .def("add_group", &AutonomyChain::add_group, py::arg("name"), py::arg("households"), py::arg("adult_residents"),
             "Adds a group with its counts; returns the group id. InvalidInputError for an empty name, negative "
             "counts or more than 10 adults per household.")
        .def("add_subordinate_committee", &AutonomyChain::add_subordinate_committee, py::arg("kind"),
             py::arg("name") = "", "Adds a subordinate committee (OTHER needs a name); returns its id.")
        .def("add_party_organisation", &AutonomyChain::add_party_organisation, py::arg("kind"), py::arg("name"),
             py::arg("parent") = py::none(),
             "Adds a party organisation under parent (which must rank above it); returns its id.")
        .def("appoint", &AutonomyChain::appoint, py::arg("seat"), py::arg("person"), py::arg("start"),
             py::arg("end") = py::none(), "Appoints a DIRECTOR, DEPUTY_DIRECTOR or MEMBER; returns the post id.")
        .def("appoint_group_head", &AutonomyChain::appoint_group_head, py::arg("group"), py::arg("person"),
             py::arg("start"), py::arg("end") = py::none(), "Records the head (组长) a group chose; returns the post id.")
        .def("elect_representative", &AutonomyChain::elect_representative, py::arg("group"), py::arg("person"),
             py::arg("start"), py::arg("end") = py::none(),
             "Records a representative elected by a group; returns the post id.")
        .def("appoint_to_subordinate", &AutonomyChain::appoint_to_subordinate, py::arg("committee"), py::arg("person"),
             py::arg("head"), py::arg("start"), py::arg("end") = py::none(),
             "Appoints the head (head=True) or a member of a subordinate committee; returns the post id.")
        .def("assign_duty", &AutonomyChain::assign_duty, py::arg("duty"), py::arg("person"), py::arg("start"),
             py::arg("end") = py::none(),
             "Gives a committee member a subordinate duty (分工负责) when no such committee exists; returns the post id.")
        .def("appoint_party_post", &AutonomyChain::appoint_party_post, py::arg("organisation"), py::arg("kind"),
             py::arg("person"), py::arg("start"), py::arg("end") = py::none(),
             "Appoints a PARTY_SECRETARY, PARTY_DEPUTY_SECRETARY or PARTY_MEMBER_POST; returns the post id.")
        .def("end_post", &AutonomyChain::end_post, py::arg("post"), py::arg("end"),
             "Ends a post on a day; InvalidInputError if before its start or already ended.");
}

/// Entities (copies) by id, posts held on a day, and the chain's size.
void add_queries(ChainClass& cls) {
    cls.def_property_readonly("people", [](const AutonomyChain& c) { return copy_of(c.people()); },
                               "All people, by id (copies).")
        .def_property_readonly("groups", [](const AutonomyChain& c) { return copy_of(c.groups()); },
                               "All groups, by id (copies).")
        .def_property_readonly("posts", [](const AutonomyChain& c) { return copy_of(c.posts()); },
                               "All posts, by id (copies).")
        .def_property_readonly("subordinate_committees",
                               [](const AutonomyChain& c) { return copy_of(c.subordinate_committees()); },
                               "All subordinate committees, by id (copies).")
        .def_property_readonly("party_organisations",
                               [](const AutonomyChain& c) { return copy_of(c.party_organisations()); },
                               "All party organisations, by id (copies).")
        .def("person", &AutonomyChain::person, py::arg("id"), "The person with this id (a copy); NotFoundError.")
        .def("group", &AutonomyChain::group, py::arg("id"), "The group with this id (a copy); NotFoundError.")
        .def("post", &AutonomyChain::post, py::arg("id"), "The post with this id (a copy); NotFoundError.")
        .def("subordinate_committee", &AutonomyChain::subordinate_committee, py::arg("id"),
             "The subordinate committee with this id (a copy); NotFoundError.")
        .def("party_organisation", &AutonomyChain::party_organisation, py::arg("id"),
             "The party organisation with this id (a copy); NotFoundError.")
        .def("holders", &AutonomyChain::holders, py::arg("kind"), py::arg("on"),
             "Ids of the posts of a kind held on a day, in id order.")
        .def("posts_of", &AutonomyChain::posts_of, py::arg("person"), py::arg("on"),
             "Ids of the posts a person holds on a day (兼任); NotFoundError for an unknown person.")
        .def(
            "is_committee_member",
            [](const AutonomyChain& chain, PersonId person, Date on) {
                (void)chain.person(person);  // NotFound for an unknown person
                return chain.is_committee_member(person, on);
            },
            py::arg("person"), py::arg("on"), "True when the person holds a committee seat on a day.")
        .def("director", &AutonomyChain::director, py::arg("on"), "The director's person id on a day, if exactly one.")
        .def("secretary_chairs_committee", &AutonomyChain::secretary_chairs_committee, py::arg("on"),
             "一肩挑: the director is also secretary of the top party organisation on a day.")
        .def("is_adult", &AutonomyChain::is_adult, py::arg("person"), py::arg("on"),
             "True when the person is 18 or older on a day (unknown birth date: assumed adult).")
        .def("entity_count", &AutonomyChain::entity_count,
             "People, groups, committees, organisations and posts (plus the committee): what validation walks.")
        .def(
            "to_dot", [](const AutonomyChain& c, OptionalDate on) { return to_dot(c, on.value_or(c.elected())); },
            py::arg("on") = py::none(),
            "The chain as an org chart in Graphviz DOT with the posts held on a day (default: the start of the term): "
            "committee, subordinate committees, groups and their representatives, the party organisations alongside.");
}

}  // namespace

void bind_autonomy_chain(py::module_& m) {
    ChainClass cls(
        m, "AutonomyChain",
        "The four-level autonomy chain of one community or village: committee → subordinate committees → "
        "groups → representatives, with people, posts and terms and the party organisation alongside. "
        "Ids are ints; every mutator checks its input and changes nothing when it raises.");
    add_committee(cls);
    add_mutators(cls);
    add_queries(cls);

    m.def(
        "synthetic_chain",
        [](const UnitArgument& unit, std::string name, Date elected, std::uint64_t seed, std::int64_t min_households,
           std::int64_t max_households, std::int64_t households_per_group, double adults_per_household,
           double party_secretary_chairs) {
            const SyntheticChainOptions options{min_households, max_households, households_per_group,
                                                adults_per_household, party_secretary_chairs};
            return synthetic_chain(to_code(unit), std::move(name), elected, seed, options);
        },
        py::arg("unit"), py::arg("name"), py::arg("elected"), py::arg("seed"), py::arg("min_households") = 300,
        py::arg("max_households") = 700, py::arg("households_per_group") = 40, py::arg("adults_per_household") = 2.1,
        py::arg("party_secretary_chairs") = 0.7,
        "A lawful synthetic chain for a village-level unit, the same for the same seed everywhere. The kind "
        "follows the code (村委会 for 200–399, else 居委会).");
}

}  // namespace grassroots::python
