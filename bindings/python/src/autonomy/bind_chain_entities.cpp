// The autonomy chain's entities as read-only value copies: Person, Group, SubordinateCommittee,
// PartyOrganisation and Post.
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_chain_entities(py::module_& m) {
    py::class_<Person> person_class(m, "Person",
                                    "A person known to the chain (post holder, representative, participant).");
    person_class
        .def(py::init([](std::string name, Sex sex, std::optional<Date> birth_date, std::optional<GroupId> group,
                         std::uint32_t household, bool party_member) {
                 return Person{.name = std::move(name), .sex = sex, .birth_date = birth_date, .group = group,
                              .household = household, .party_member = party_member};
             }),
             py::arg("name"), py::arg("sex"), py::arg("birth_date") = py::none(), py::arg("group") = py::none(),
             py::arg("household") = 0, py::arg("party_member") = false);
    field(person_class, "name", &Person::name, "Name.");
    field(person_class, "sex", &Person::sex, "Sex.");
    field(person_class, "birth_date", &Person::birth_date, "Birth date, or None.");
    field(person_class, "group", &Person::group, "Id of the group the person lives in, or None.");
    field(person_class, "household", &Person::household,
          "Household number in the unit (1 … households), 0 if not recorded.");
    field(person_class, "party_member", &Person::party_member, "党员.");
    add_value_protocol(person_class, {"name", "sex", "birth_date", "group", "household", "party_member"});

    py::class_<Group> group_class(m, "Group", "A residents' group (居民小组) or villagers' group (村民小组) with its counts.");
    group_class.def(py::init([](std::string name, std::int64_t households, std::int64_t adult_residents) {
                  return Group{.name = std::move(name), .households = households, .adult_residents = adult_residents};
              }),
              py::arg("name"), py::arg("households"), py::arg("adult_residents"));
    field(group_class, "name", &Group::name, "e.g. 第一居民小组.");
    field(group_class, "households", &Group::households, "Households in the group.");
    field(group_class, "adult_residents", &Group::adult_residents, "Residents aged 18 or over.");
    add_value_protocol(group_class, {"name", "households", "adult_residents"});

    py::class_<SubordinateCommittee> subordinate_class(m, "SubordinateCommittee", "A subordinate committee (下属委员会).");
    subordinate_class.def(py::init([](SubordinateKind kind, std::string name) {
                              return SubordinateCommittee{.kind = kind, .name = std::move(name)};
                          }),
                    py::arg("kind"), py::arg("name"));
    field(subordinate_class, "kind", &SubordinateCommittee::kind, "What it does.");
    field(subordinate_class, "name", &SubordinateCommittee::name, "Its name.");
    add_value_protocol(subordinate_class, {"kind", "name"});

    py::class_<PartyOrganisation> party_class(m, "PartyOrganisation",
                                              "A party organisation (党组织) alongside the committee.");
    party_class.def(py::init([](PartyOrganisationKind kind, std::string name,
                                std::optional<PartyOrganisationId> parent) {
                  return PartyOrganisation{.kind = kind, .name = std::move(name), .parent = parent};
              }),
              py::arg("kind"), py::arg("name"), py::arg("parent") = py::none());
    field(party_class, "kind", &PartyOrganisation::kind, "Its rank.");
    field(party_class, "name", &PartyOrganisation::name, "Its name.");
    field(party_class, "parent", &PartyOrganisation::parent, "Id of the organisation above it, or None.");
    add_value_protocol(party_class, {"kind", "name", "parent"});

    py::class_<Post> post_class(m, "Post",
                                "A post held by a person for a term [start, end] (end None while in office).");
    post_class.def(py::init([](PostKind kind, PersonId person, Date start, std::optional<Date> end,
                               std::optional<GroupId> group, std::optional<SubordinateCommitteeId> subordinate,
                         std::optional<PartyOrganisationId> party_organisation, std::optional<SubordinateKind> duty) {
                 return Post{.kind = kind, .person = person, .start = start, .end = end, .group = group,
                             .subordinate = subordinate, .party_organisation = party_organisation, .duty = duty};
             }),
             py::arg("kind"), py::arg("person"), py::arg("start"), py::arg("end") = py::none(),
             py::arg("group") = py::none(), py::arg("subordinate") = py::none(),
             py::arg("party_organisation") = py::none(), py::arg("duty") = py::none());
    field(post_class, "kind", &Post::kind, "Which post.");
    field(post_class, "person", &Post::person, "Id of the holder.");
    field(post_class, "start", &Post::start, "First day in the post.");
    field(post_class, "end", &Post::end, "Last day, or None while in office.");
    field(post_class, "group", &Post::group, "Group id, for group heads and representatives.");
    field(post_class, "subordinate", &Post::subordinate, "Subordinate committee id, for its head and members.");
    field(post_class, "party_organisation", &Post::party_organisation, "Party organisation id, for party posts.");
    field(post_class, "duty", &Post::duty, "The SubordinateKind carried, for duty posts.");
    post_class.def("active_on", &Post::active_on, py::arg("on"), "True when the post is held on that day.")
        .def_property_readonly("is_committee_seat", &Post::is_committee_seat, "True for 主任, 副主任 and 委员.");
    add_value_protocol(post_class,
                       {"kind", "person", "start", "end", "group", "subordinate", "party_organisation", "duty"});
}

}  // namespace grassroots::python
