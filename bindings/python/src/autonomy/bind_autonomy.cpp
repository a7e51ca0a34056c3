// The autonomy chain (四级自治组织链条): rules by edition, chains, validation, meetings, consultations.
//
// Ids (person, group, subordinate committee, party organisation, post) are plain ints in Python.
// Entities of a chain are returned as read-only value copies (Person, Group, Post, …). Rule sets
// that live in a RuleBook are handed out as handles (book + edition id), so an override made through
// one sticks on the book's edition and a later RuleBook.add() cannot leave a dangling reference.
#include <pybind11/stl.h>

#include <Python.h>

#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/autonomy/synthetic.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/error.hpp"

// ---- ids as Python ints (ids.hpp) ---------------------------------------------------------------
namespace pybind11::detail {

template <>
struct type_caster<grassroots::PersonId> : strong_id_caster<grassroots::PersonId> {};
template <>
struct type_caster<grassroots::GroupId> : strong_id_caster<grassroots::GroupId> {};
template <>
struct type_caster<grassroots::SubordinateCommitteeId> : strong_id_caster<grassroots::SubordinateCommitteeId> {};
template <>
struct type_caster<grassroots::PartyOrganisationId> : strong_id_caster<grassroots::PartyOrganisationId> {};
template <>
struct type_caster<grassroots::PostId> : strong_id_caster<grassroots::PostId> {};

}  // namespace pybind11::detail

namespace grassroots::python {

namespace {


// ---- rule sets ----------------------------------------------------------------------------------

/// A rule set as Python holds it: an edition inside a RuleBook (kept alive, looked up by id, so
/// overrides stick on the book and RuleBook.add() cannot invalidate it), or a standalone copy.
struct RuleSetRef {
    std::shared_ptr<RuleBook> book;
    std::string id;
    std::shared_ptr<RuleSet> own;

    [[nodiscard]] RuleSet& get() const { return own ? *own : book->edition(id); }
};

RuleSetRef standalone(RuleSet rules) { return RuleSetRef{nullptr, {}, std::make_shared<RuleSet>(std::move(rules))}; }

RuleSetRef in_book(const std::shared_ptr<RuleBook>& book, const RuleSet& edition) {
    return RuleSetRef{book, edition.id(), nullptr};
}

std::string rule_repr(const Rule& rule) {
    std::string text = "Rule('" + rule.id + "'";
    if (const std::string value = rule.value_text(); !value.empty()) {
        text += ", " + value;
    }
    text += ", " + rule.source.to_string();
    text += rule.verified ? ", verified" : ", unverified";
    if (!rule.override_note.empty()) {
        text += ", overridden: " + rule.override_note;
    }
    return text + ")";
}

// ---- chains -------------------------------------------------------------------------------------


template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

py::object pandas_helper(const char* name) {
    return py::module_::import("grassroots._autonomy_pandas").attr(name);
}

std::string plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

void bind_autonomy(py::module_& m) {
    // ---- enums ----------------------------------------------------------------------------------
    bind_enum<CommitteeKind>(m, "CommitteeKind", "Which kind of self-governing committee a law or chain is about.",
                             {{"RESIDENTS", CommitteeKind::residents, "居民委员会 residents' committee (社区)"},
                              {"VILLAGERS", CommitteeKind::villagers, "村民委员会 villagers' committee (行政村)"}},
                             "居民委员会 or 村民委员会.");
    bind_enum<Sex>(m, "Sex", "Sex, recorded because the law sets shares of women.",
                   {{"FEMALE", Sex::female, "女"}, {"MALE", Sex::male, "男"}}, "女 or 男.");
    bind_enum<SubordinateKind>(
        m, "SubordinateKind", "Kinds of subordinate committee (下属委员会), law art. 13.",
        {{"MEDIATION", SubordinateKind::mediation, "人民调解委员会 people's mediation"},
         {"PUBLIC_SECURITY", SubordinateKind::public_security, "治安保卫委员会 public security"},
         {"PUBLIC_HEALTH", SubordinateKind::public_health, "公共卫生委员会 public health"},
         {"ENVIRONMENT_PROPERTY", SubordinateKind::environment_property, "环境和物业管理委员会 environment and property"},
         {"SOCIAL_WELFARE", SubordinateKind::social_welfare, "社会福利委员会 social welfare"},
         {"ELDERLY_CARE", SubordinateKind::elderly_care, "养老服务委员会 elderly care"},
         {"OTHER", SubordinateKind::other, "a user-defined kind; its name says which"}},
        "The Chinese name, e.g. 治安保卫委员会.");
    bind_enum<PartyOrganisationKind>(
        m, "PartyOrganisationKind", "Kinds of party organisation (党组织), top down.",
        {{"PARTY_COMMITTEE", PartyOrganisationKind::party_committee, "党委 party committee"},
         {"GENERAL_BRANCH", PartyOrganisationKind::general_branch, "党总支 general party branch"},
         {"BRANCH", PartyOrganisationKind::branch, "党支部 party branch"},
         {"GRID_BRANCH", PartyOrganisationKind::grid_branch, "网格党支部 grid party branch"},
         {"BUILDING_GROUP", PartyOrganisationKind::building_group, "楼栋党小组 building party group"}},
        "The Chinese name, e.g. 网格党支部.");
    bind_enum<PostKind>(m, "PostKind", "Kinds of post a person can hold.",
                        {{"DIRECTOR", PostKind::director, "主任 director of the committee"},
                         {"DEPUTY_DIRECTOR", PostKind::deputy_director, "副主任 deputy director"},
                         {"MEMBER", PostKind::member, "委员 committee member"},
                         {"GROUP_HEAD", PostKind::group_head, "组长 head of a group"},
                         {"REPRESENTATIVE", PostKind::representative, "居民代表 / 村民代表 elected by a group"},
                         {"SUBORDINATE_HEAD", PostKind::subordinate_head, "head of a subordinate committee"},
                         {"SUBORDINATE_MEMBER", PostKind::subordinate_member, "member of a subordinate committee"},
                         {"DUTY", PostKind::duty, "分工负责: a member carrying a subordinate duty"},
                         {"PARTY_SECRETARY", PostKind::party_secretary, "书记 party secretary"},
                         {"PARTY_DEPUTY_SECRETARY", PostKind::party_deputy_secretary, "副书记 deputy secretary"},
                         {"PARTY_MEMBER_POST", PostKind::party_member_post, "委员 member of a party committee"}},
                        "The Chinese name, e.g. 主任.");
    bind_enum<Severity>(m, "Severity", "How serious a finding is (info < warning < error).",
                        {{"INFO", Severity::info, "worth knowing; nothing is wrong"},
                         {"WARNING", Severity::warning, "beyond what the law says generally, or an unverified rule"},
                         {"ERROR", Severity::error, "against a verified rule of law"}});
    bind_enum<MeetingKind>(
        m, "MeetingKind", "Which body meets.",
        {{"RESIDENTS_MEETING", MeetingKind::residents_meeting, "居民会议"},
         {"RESIDENTS_REPRESENTATIVES_ASSEMBLY", MeetingKind::residents_representatives_assembly,
          "居民代表会议 (2025 revision, in force 2026-01-01)"},
         {"VILLAGERS_MEETING", MeetingKind::villagers_meeting, "村民会议"},
         {"VILLAGERS_REPRESENTATIVES_ASSEMBLY", MeetingKind::villagers_representatives_assembly, "村民代表会议"}},
        "居民会议, 居民代表会议, 村民会议 or 村民代表会议.");
    bind_enum<AttendanceBase>(
        m, "AttendanceBase", "Who a residents' or villagers' meeting is made of.",
        {{"ALL_ADULTS", AttendanceBase::all_adults, "all residents aged 18 or over"},
         {"HOUSEHOLDS", AttendanceBase::households, "one representative per household (每户派代表)"},
         {"GROUP_REPRESENTATIVES", AttendanceBase::group_representatives, "2–3 representatives elected per group"}});
    bind_enum<DecisionStatus>(m, "DecisionStatus", "Follow-up status of a consultation decision.",
                              {{"OPEN", DecisionStatus::open, "decided, not started"},
                               {"IN_PROGRESS", DecisionStatus::in_progress, "being carried out"},
                               {"DONE", DecisionStatus::done, "carried out (final)"},
                               {"CANCELLED", DecisionStatus::cancelled, "withdrawn (final)"}});

    // ---- IntRange, Threshold, Rule --------------------------------------------------------------
    py::class_<IntRange> int_range_class(m, "IntRange",
                                         "An inclusive range of whole numbers, e.g. 5–9 committee members.");
    int_range_class
        .def(py::init([](std::int64_t min, std::int64_t max) { return IntRange{.min = min, .max = max}; }),
             py::arg("min"), py::arg("max"),
             "The range min … max (inclusive; not checked here: a rule set refuses min > max).")
        .def_readonly("min", &IntRange::min, "Smallest allowed value.")
        .def_readonly("max", &IntRange::max, "Largest allowed value.")
        .def("contains", &IntRange::contains, py::arg("value"), "True when min ≤ value ≤ max.")
        .def("__contains__", &IntRange::contains, py::arg("value"))
        .def("__str__", &IntRange::to_string, "'5–9' (or '5' when min == max).");
    add_value_protocol(int_range_class, {"min", "max"});

    py::class_<Threshold> threshold_class(
        m, "Threshold",
        "A share of a base: 'more than half' (过半数, strict) or 'at least one fifth' (五分之一以上). Exact in integers.");
    threshold_class
        .def(py::init([](std::int64_t numerator, std::int64_t denominator, bool strict) {
                 if (denominator <= 0) {
                     throw InvalidInput("a share needs a positive denominator, got " + std::to_string(denominator));
                 }
                 return Threshold{.numerator = numerator, .denominator = denominator, .strict = strict};
             }),
             py::arg("numerator"), py::arg("denominator"), py::arg("strict"),
             "numerator/denominator of a base; strict: the count must exceed it, else reach it.")
        .def_readonly("numerator", &Threshold::numerator, "Share numerator.")
        .def_readonly("denominator", &Threshold::denominator, "Share denominator (> 0).")
        .def_readonly("strict", &Threshold::strict, "True: count must exceed the share; False: reach it.")
        .def("met", &Threshold::met, py::arg("count"), py::arg("base"), "True when count meets the share of base.")
        .def("minimum", &Threshold::minimum, py::arg("base"), "The smallest count that meets the share of base.")
        .def("__str__", &Threshold::to_string, "'more than 1/2' or 'at least 1/5'.");
    add_value_protocol(threshold_class, {"numerator", "denominator", "strict"});

    py::class_<Rule> rule_class(m, "Rule",
                          "One rule: an id, what it says, its value (IntRange, Threshold or None), its source "
                          "and whether its number was verified against the official text.");
    rule_class.def(py::init([](std::string id, std::string summary, Rule::Value value, std::string law,
                               std::string article, bool verified, std::string override_note) {
                 return Rule{.id = std::move(id),
                             .summary = std::move(summary),
                             .value = value,
                             .source = RuleSource{.law = std::move(law), .article = std::move(article)},
                             .verified = verified,
                             .override_note = std::move(override_note)};
             }),
             py::arg("id"), py::arg("summary"), py::arg("value") = py::none(), py::arg("law") = "",
             py::arg("article") = "", py::arg("verified") = true, py::arg("override_note") = "",
             "A rule (checked when it is put into a RuleSet).")
        .def_readonly("id", &Rule::id, "Stable id, e.g. 'committee.size'.")
        .def_readonly("summary", &Rule::summary, "What the rule requires, with the Chinese wording.")
        .def_property_readonly("value", [](const Rule& r) { return r.value; }, "IntRange, Threshold or None.")
        .def_property_readonly("law", [](const Rule& r) { return r.source.law; }, "The law and edition.")
        .def_property_readonly("article", [](const Rule& r) { return r.source.article; },
                               "The article, e.g. '第七条'; empty when not known.")
        .def_readonly("verified", &Rule::verified, "False for numbers not checked against the official text.")
        .def_readonly("override_note", &Rule::override_note,
                      "Non-empty when a user replaced the value (why, whose rule).")
        .def_property_readonly("value_text", &Rule::value_text, "The value as text ('5–9', 'more than 1/2' or '').")
        .def_property_readonly("source", [](const Rule& r) { return r.source.to_string(); }, "'law article'.")
        .def("range", &Rule::range, "The value as an IntRange; InvalidInputError if it is not one.")
        .def("threshold", &Rule::threshold, "The value as a Threshold; InvalidInputError if it is not one.")
        .def("__repr__", &rule_repr);
    add_value_protocol(rule_class, {"id", "summary", "value", "law", "article", "verified", "override_note"},
                       {.repr = false});

    // ---- RuleSet, RuleBook ----------------------------------------------------------------------
    py::class_<RuleSetRef> rule_set_class(
        m, "RuleSet",
        "One edition of one law: its rules, the committee kind and the date it took effect. An edition got "
        "from a RuleBook is the book's own: overrides made on it stick on the book.");
    rule_set_class
        .def(py::init([](std::string id, std::string title, CommitteeKind kind, Date effective_from,
                         std::vector<Rule> rules) {
                 return standalone(RuleSet(std::move(id), std::move(title), kind, effective_from, std::move(rules)));
             }),
             py::arg("id"), py::arg("title"), py::arg("committee_kind"), py::arg("effective_from"), py::arg("rules"),
             "A standalone edition; InvalidInputError for duplicate rule ids or a bad value.")
        .def_property_readonly("id", [](const RuleSetRef& r) { return r.get().id(); }, "e.g. 'rc-2018'.")
        .def_property_readonly("title", [](const RuleSetRef& r) { return r.get().title(); }, "The law's title.")
        .def_property_readonly("committee_kind", [](const RuleSetRef& r) { return r.get().committee_kind(); },
                               "Which committees it governs.")
        .def_property_readonly("effective_from", [](const RuleSetRef& r) { return r.get().effective_from(); },
                               "The first day it is in force.")
        .def_property_readonly("rules", [](const RuleSetRef& r) { return copy_of(r.get().rules()); },
                               "All rules (copies), in the order given.")
        .def_property_readonly("in_book", [](const RuleSetRef& r) { return !r.own; },
                               "True when this is an edition of a RuleBook (overrides change the book).")
        .def("rule", [](const RuleSetRef& r, std::string_view id) { return r.get().rule(id); }, py::arg("rule_id"),
             "The rule with this id (a copy); NotFoundError naming the edition.")
        .def("has", [](const RuleSetRef& r, std::string_view id) { return r.get().has(id); }, py::arg("rule_id"),
             "True when the set has a rule with this id.")
        .def(
            "__contains__", [](const RuleSetRef& r, std::string_view id) { return r.get().has(id); },
            py::arg("rule_id"))
        .def("__len__", [](const RuleSetRef& r) { return r.get().rules().size(); })
        .def(
            "override_range",
            [](const RuleSetRef& r, std::string_view id, IntRange value, std::string note) {
                r.get().override_range(id, value, std::move(note));
            },
            py::arg("rule_id"), py::arg("value"), py::arg("note"),
            "Replaces a range rule's value; note says why or whose rule. NotFoundError for an unknown id, "
            "InvalidInputError for a non-range rule, min > max or an empty note (nothing changes then).")
        .def(
            "override_threshold",
            [](const RuleSetRef& r, std::string_view id, Threshold value, std::string note) {
                r.get().override_threshold(id, value, std::move(note));
            },
            py::arg("rule_id"), py::arg("value"), py::arg("note"),
            "Replaces a share rule's value; same checks as override_range().")
        .def("copy", [](const RuleSetRef& r) { return standalone(r.get()); },
             "A standalone copy (overrides on it change nothing else).")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("rule_set_to_pandas")(self); },
            "One row per rule: id, summary, value, law, article, verified, override_note. Needs pandas.")
        .def(
            "__eq__",
            [](const RuleSetRef& a, const py::object& b) {
                return py::isinstance<RuleSetRef>(b) && &a.get() == &b.cast<const RuleSetRef&>().get();
            },
            py::arg("other"), "True when both name the same edition object (of the same book).")
        .def("__hash__", [](const RuleSetRef& r) { return std::hash<const void*>{}(&r.get()); })
        .def("__repr__",
             [](const RuleSetRef& r) {
                 const RuleSet& s = r.get();
                 return "<RuleSet " + s.id() + ": " + s.title() + ", " + std::string(to_string(s.committee_kind())) +
                        ", from " + to_string(s.effective_from()) + ", " + plural(s.rules().size(), "rule") + ">";
             })
        .def("__reduce__", [](const py::object& self) {
            const RuleSet& s = self.cast<const RuleSetRef&>().get();
            return py::make_tuple(py::type::handle_of(self), py::make_tuple(s.id(), s.title(), s.committee_kind(),
                                                                             s.effective_from(), copy_of(s.rules())));
        });

    py::class_<RuleBook, std::shared_ptr<RuleBook>>(m, "RuleBook",
                                                    "All editions known, by committee kind and effective date.")
        .def(py::init([] { return std::make_shared<RuleBook>(); }), "An empty book.")
        .def_static("china", [] { return std::make_shared<RuleBook>(RuleBook::china()); },
                    "The built-in editions of China's two organic laws (rc-1989, rc-2018, rc-2025, vc-2010, vc-2018).")
        .def(
            "in_force",
            [](const std::shared_ptr<RuleBook>& self, CommitteeKind kind, Date on) {
                return in_book(self, self->in_force(kind, on));
            },
            py::arg("kind"), py::arg("on"),
            "The edition in force on a day (the book's own); NotFoundError before the first edition.")
        .def(
            "edition",
            [](const std::shared_ptr<RuleBook>& self, std::string_view id) { return in_book(self, self->edition(id)); },
            py::arg("id"), "The edition with this id (the book's own: overrides stick); NotFoundError.")
        .def_property_readonly(
            "editions",
            [](const std::shared_ptr<RuleBook>& self) {
                std::vector<RuleSetRef> out;
                for (const RuleSet& edition : self->editions()) out.push_back(in_book(self, edition));
                return out;
            },
            "Every edition, sorted by committee kind and effective date.")
        .def(
            "effective_until",
            [](const RuleBook& book, const RuleSetRef& edition) { return book.effective_until(edition.get()); },
            py::arg("edition"), "The last day the edition is in force, or None while no later one of its kind exists.")
        .def(
            "add", [](RuleBook& book, const RuleSetRef& edition) { book.add(edition.get()); }, py::arg("rule_set"),
            "Adds a copy of an edition (reach it with edition(id)); InvalidInputError for a duplicate id or a "
            "second edition of the same kind taking effect the same day.")
        .def("__len__", [](const RuleBook& book) { return book.editions().size(); })
        .def(
            "__contains__",
            [](const RuleBook& book, std::string_view id) {
                for (const RuleSet& e : book.editions()) {
                    if (e.id() == id) return true;
                }
                return false;
            },
            py::arg("id"))
        .def("__repr__", [](const RuleBook& book) {
            std::string text = "<RuleBook:";
            for (const RuleSet& e : book.editions()) text += " " + e.id();
            return text + ">";
        });

    m.def(
        "rules_in_force", [](CommitteeKind kind, Date on) { return standalone(rules_in_force(kind, on)); },
        py::arg("kind"), py::arg("on"),
        "A standalone copy of the built-in edition in force on a day: RuleBook.china().in_force(kind, on).");

    // ---- the chain's entities (read-only copies) ------------------------------------------------
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

    // ---- AutonomyChain --------------------------------------------------------------------------
    using OptionalDate = std::optional<Date>;
    py::class_<AutonomyChain>(
        m, "AutonomyChain",
        "The four-level autonomy chain of one community or village: committee → subordinate committees → "
        "groups → representatives, with people, posts and terms and the party organisation alongside. "
        "Ids are ints; every mutator checks its input and changes nothing when it raises.")
        .def(py::init([](CommitteeKind kind, const UnitArgument& unit, std::string name, Date elected) {
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
        .def_property_readonly("adult_residents", &AutonomyChain::adult_residents, "Adults, summed over groups.")
        .def(
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
             "Ends a post on a day; InvalidInputError if before its start or already ended.")
        .def_property_readonly("people", [](const AutonomyChain& c) { return copy_of(c.people()); },
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
            "people_frame", [](const py::object& self) { return pandas_helper("people_frame")(self); },
            "One row per person (index: person id): name, sex, birth_date, group, group_name, household, "
            "party_member. Needs pandas.")
        .def(
            "groups_frame", [](const py::object& self) { return pandas_helper("groups_frame")(self); },
            "One row per group (index: group id): name, households, adult_residents. Needs pandas.")
        .def(
            "roster",
            [](const py::object& self, const std::optional<Date>& on) { return pandas_helper("roster")(self, on); },
            py::arg("on") = py::none(),
            "One row per post (index: post id): kind, person, person_name, sex, group, group_name, subordinate, "
            "subordinate_name, party_organisation, party_organisation_name, duty, start, end, and active "
            "(held on that day) when on is given. Needs pandas.")
        .def("__repr__", [](const AutonomyChain& c) {
            return "<AutonomyChain " + c.name() + " (" + c.unit().str() + ", " + std::string(to_string(c.kind())) +
                   ") elected " + to_string(c.elected()) + ": " + plural(c.groups().size(), "group") + ", " +
                   plural(static_cast<std::size_t>(c.households()), "household") + ", " +
                   std::to_string(c.people().size()) + (c.people().size() == 1 ? " person" : " people") + ", " +
                   plural(c.posts().size(), "post") + ">";
        });

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

    // ---- validation -----------------------------------------------------------------------------
    py::class_<Finding> finding_class(
        m, "Finding", "One thing found: which rule, how serious, about which entity, what, and from where.");
    finding_class.def(py::init([](std::string rule_id, Severity severity, std::string entity, std::string message,
                            std::string source, bool rule_verified) {
                    return Finding{.rule_id = std::move(rule_id), .severity = severity, .entity = std::move(entity),
                                   .message = std::move(message), .source = std::move(source),
                                   .rule_verified = rule_verified};
                }),
                py::arg("rule_id"), py::arg("severity"), py::arg("entity"), py::arg("message"), py::arg("source") = "",
                py::arg("rule_verified") = true);
    field(finding_class, "rule_id", &Finding::rule_id, "e.g. 'group.representatives'.");
    field(finding_class, "severity", &Finding::severity, "How serious.");
    field(finding_class, "entity", &Finding::entity, "e.g. 'group 3 (第四居民小组)' or 'committee'.");
    field(finding_class, "message", &Finding::message, "What is wrong, with the numbers.");
    field(finding_class, "source", &Finding::source, "Law and article of the rule.");
    field(finding_class, "rule_verified", &Finding::rule_verified,
          "False when the rule's number is unverified, local or overridden.");
    add_value_protocol(finding_class, {"rule_id", "severity", "entity", "message", "source", "rule_verified"});

    py::class_<ValidationReport> report_class(m, "ValidationReport",
                                              "The result of validate(): findings and what was checked.");
    report_class.def(py::init([](Date on, std::string rule_set, std::vector<Finding> findings,
                                 std::size_t entities_checked) {
                   return ValidationReport{.on = on, .rule_set = std::move(rule_set), .findings = std::move(findings),
                                           .entities_checked = entities_checked};
               }),
               py::arg("on"), py::arg("rule_set"), py::arg("findings") = std::vector<Finding>{},
               py::arg("entities_checked") = 0);
    field(report_class, "on", &ValidationReport::on, "The day the chain was checked for.");
    field(report_class, "rule_set", &ValidationReport::rule_set, "Id of the edition applied, e.g. 'rc-2018'.");
    field(report_class, "findings", &ValidationReport::findings, "Findings in check order.");
    field(report_class, "entities_checked", &ValidationReport::entities_checked, "Entities walked.");
    report_class.def_property_readonly("ok", &ValidationReport::ok, "True when there is no error (warnings allowed).")
        .def("count", &ValidationReport::count, py::arg("severity"), "Number of findings of a severity.")
        .def("has", &ValidationReport::has, py::arg("rule_id"), "True when some finding has this rule id.")
        .def("__len__", [](const ValidationReport& r) { return r.findings.size(); })
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("report_to_pandas")(self); },
            "One row per finding: rule_id, severity (ordered categorical info < warning < error), entity, message, "
            "source, rule_verified. Needs pandas.")
        .def("__repr__", [](const ValidationReport& r) {
            return "<ValidationReport " + r.rule_set + " on " + to_string(r.on) + ": " +
                   plural(r.count(Severity::error), "error") + ", " + plural(r.count(Severity::warning), "warning") +
                   ", " + std::to_string(r.count(Severity::info)) + " info>";
        });
    add_value_protocol(report_class, {"on", "rule_set", "findings", "entities_checked"},
                       {.repr = false, .hash = false});

    m.def(
        "validate",
        [](const AutonomyChain& chain, Date on, const std::optional<RuleSetRef>& rules) {
            // The GIL stays held: validating a community takes microseconds, and holding it keeps another
            // Python thread from mutating the chain during the walk.
            return rules ? validate(chain, rules->get(), on) : validate(chain, on);
        },
        py::arg("chain"), py::arg("on"), py::arg("rules") = py::none(),
        "Checks a chain against the rules on a day (by default the built-in edition in force then). "
        "InvalidInputError when the rules govern the other committee kind.");

    // ---- meetings -------------------------------------------------------------------------------
    py::class_<MeetingRecord> record_class(m, "MeetingRecord",
                                           "A meeting as it happened: who came and who voted for the motion.");
    record_class.def(py::init([](MeetingKind kind, Date date, std::vector<PersonId> attendees,
                                 std::vector<PersonId> votes_for, AttendanceBase base, std::string motion) {
                   return MeetingRecord{.kind = kind, .base = base, .date = date, .motion = std::move(motion),
                                        .attendees = std::move(attendees), .votes_for = std::move(votes_for)};
               }),
               py::arg("kind"), py::arg("date"), py::arg("attendees"), py::arg("votes_for") = std::vector<PersonId>{},
               py::arg("base") = AttendanceBase::all_adults, py::arg("motion") = "");
    field(record_class, "kind", &MeetingRecord::kind, "Which body.");
    field(record_class, "date", &MeetingRecord::date, "The day it met.");
    field(record_class, "attendees", &MeetingRecord::attendees, "Person ids of those present.");
    field(record_class, "votes_for", &MeetingRecord::votes_for, "Person ids of those who voted for the motion.");
    field(record_class, "base", &MeetingRecord::base, "Attendance base, for residents' and villagers' meetings.");
    field(record_class, "motion", &MeetingRecord::motion, "What was put to the vote.");
    add_value_protocol(record_class, {"kind", "date", "attendees", "votes_for", "base", "motion"}, {.hash = false});

    py::class_<MeetingResult> result_class(
        m, "MeetingResult", "Quorum and vote of a meeting, with the numbers and the rules applied.");
    result_class.def(py::init([](std::int64_t base, std::int64_t present, std::int64_t required_present, bool quorate,
                           std::int64_t votes_for, std::int64_t required_votes, bool passed, std::string quorum_rule,
                           std::string decision_rule, bool rules_verified, std::string explanation) {
                   MeetingResult out;
                   out.base = base;
                   out.present = present;
                   out.required_present = required_present;
                   out.quorate = quorate;
                   out.votes_for = votes_for;
                   out.required_votes = required_votes;
                   out.passed = passed;
                   out.quorum_rule = std::move(quorum_rule);
                   out.decision_rule = std::move(decision_rule);
                   out.rules_verified = rules_verified;
                   out.explanation = std::move(explanation);
                   return out;
               }),
               py::arg("base"), py::arg("present"), py::arg("required_present"), py::arg("quorate"),
               py::arg("votes_for"), py::arg("required_votes"), py::arg("passed"), py::arg("quorum_rule"),
               py::arg("decision_rule"), py::arg("rules_verified"), py::arg("explanation"));
    field(result_class, "base", &MeetingResult::base,
          "Size of the body (adults, households, representatives, members).");
    field(result_class, "present", &MeetingResult::present, "Attendees counted.");
    field(result_class, "required_present", &MeetingResult::required_present, "Smallest attendance that is a quorum.");
    field(result_class, "quorate", &MeetingResult::quorate, "May the meeting be held.");
    field(result_class, "votes_for", &MeetingResult::votes_for, "Votes for the motion.");
    field(result_class, "required_votes", &MeetingResult::required_votes, "Smallest number of votes that passes it.");
    field(result_class, "passed", &MeetingResult::passed, "Quorate and enough votes.");
    field(result_class, "quorum_rule", &MeetingResult::quorum_rule, "Rule id used for the quorum.");
    field(result_class, "decision_rule", &MeetingResult::decision_rule, "Rule id used for the vote.");
    field(result_class, "rules_verified", &MeetingResult::rules_verified,
          "False when either rule is an unverified default or overridden.");
    field(result_class, "explanation", &MeetingResult::explanation, "One line in plain words.");
    add_value_protocol(result_class, {"base", "present", "required_present", "quorate", "votes_for", "required_votes",
                                      "passed", "quorum_rule", "decision_rule", "rules_verified", "explanation"});

    m.def(
        "hold_meeting",
        [](const AutonomyChain& chain, const RuleSetRef& rules, const MeetingRecord& record) {
            return hold_meeting(chain, rules.get(), record);
        },
        py::arg("chain"), py::arg("rules"), py::arg("record"),
        "Decides quorum and vote of a meeting under the rules. InvalidInputError when the meeting does not fit the "
        "chain or an attendee or voter is not eligible; NotFoundError for an unknown person.");

    py::class_<ConveningRequest> request_class(m, "ConveningRequest", "A request to convene a meeting (提议召集).");
    request_class.def(py::init([](MeetingKind kind, Date date, std::vector<PersonId> residents,
                            std::vector<std::uint32_t> households, std::vector<GroupId> groups,
                            std::vector<PersonId> representatives) {
                    return ConveningRequest{.kind = kind, .date = date, .residents = std::move(residents),
                                            .households = std::move(households), .groups = std::move(groups),
                                            .representatives = std::move(representatives)};
                }),
                py::arg("kind"), py::arg("date"), py::arg("residents") = std::vector<PersonId>{},
                py::arg("households") = std::vector<std::uint32_t>{}, py::arg("groups") = std::vector<GroupId>{},
                py::arg("representatives") = std::vector<PersonId>{});
    field(request_class, "kind", &ConveningRequest::kind, "The meeting asked for.");
    field(request_class, "date", &ConveningRequest::date, "When the request was made.");
    field(request_class, "residents", &ConveningRequest::residents, "Person ids of adults who signed.");
    field(request_class, "households", &ConveningRequest::households, "Household numbers that asked.");
    field(request_class, "groups", &ConveningRequest::groups, "Group ids of groups that asked.");
    field(request_class, "representatives", &ConveningRequest::representatives,
          "Person ids of representatives who signed.");
    add_value_protocol(request_class, {"kind", "date", "residents", "households", "groups", "representatives"},
                       {.hash = false});

    py::class_<ConveningResult> convening_class(m, "ConveningResult",
                                                "Whether the committee must convene, and by which criterion.");
    convening_class.def(py::init([](bool must_convene, std::string met_rule, std::string explanation) {
                      return ConveningResult{.must_convene = must_convene, .met_rule = std::move(met_rule),
                                             .explanation = std::move(explanation)};
                  }),
                  py::arg("must_convene"), py::arg("met_rule"), py::arg("explanation"));
    field(convening_class, "must_convene", &ConveningResult::must_convene, "At least one criterion is met.");
    field(convening_class, "met_rule", &ConveningResult::met_rule, "Id of the first criterion met ('' if none).");
    field(convening_class, "explanation", &ConveningResult::explanation, "Each criterion with its numbers.");
    add_value_protocol(convening_class, {"must_convene", "met_rule", "explanation"});

    m.def(
        "check_convening",
        [](const AutonomyChain& chain, const RuleSetRef& rules, const ConveningRequest& request) {
            return check_convening(chain, rules.get(), request);
        },
        py::arg("chain"), py::arg("rules"), py::arg("request"),
        "Applies the convening rights (residents' meeting: ≥ 1/5 adults, ≥ 1/5 households or ≥ 1/3 groups; …). "
        "Raises like hold_meeting() for ineligible or unknown requesters.");

    // ---- consultation ---------------------------------------------------------------------------
    py::class_<FollowUp> follow_class(m, "FollowUp",
                                      "A follow-up entry of a decision: the day, the new status and a note.");
    follow_class.def(py::init([](Date date, DecisionStatus status, std::string note) {
                         return FollowUp{.date = date, .status = status, .note = std::move(note)};
                     }),
                     py::arg("date"), py::arg("status"), py::arg("note") = "");
    field(follow_class, "date", &FollowUp::date, "When.");
    field(follow_class, "status", &FollowUp::status, "Status from then on.");
    field(follow_class, "note", &FollowUp::note, "What happened.");
    add_value_protocol(follow_class, {"date", "status", "note"});

    py::class_<ConsultationDecision> decision_class(m, "ConsultationDecision", "A decision of a consultation meeting.");
    decision_class.def(py::init([](std::string text, PersonId owner, Date due, DecisionStatus status,
                                   std::vector<FollowUp> history) {
                     return ConsultationDecision{.text = std::move(text), .owner = owner, .due = due, .status = status,
                                                 .history = std::move(history)};
                 }),
                 py::arg("text"), py::arg("owner"), py::arg("due"), py::arg("status") = DecisionStatus::open,
                 py::arg("history") = std::vector<FollowUp>{});
    field(decision_class, "text", &ConsultationDecision::text, "What was decided.");
    field(decision_class, "owner", &ConsultationDecision::owner, "Person id of who carries it out.");
    field(decision_class, "due", &ConsultationDecision::due, "By when.");
    field(decision_class, "status", &ConsultationDecision::status, "Current status.");
    field(decision_class, "history", &ConsultationDecision::history, "Every status change, oldest first.");
    decision_class.def("overdue", &ConsultationDecision::overdue, py::arg("on"),
                       "Not done or cancelled, and due before that day.");
    add_value_protocol(decision_class, {"text", "owner", "due", "status", "history"}, {.hash = false});

    py::class_<ConsultationMeeting>(m, "ConsultationMeeting",
                                    "A consultation meeting (协商议事, '有事好商量'): a topic, participants, and "
                                    "decisions with an owner, a due date and follow-up.")
        .def(py::init<const AutonomyChain&, std::string, Date, std::vector<PersonId>>(), py::arg("chain"),
             py::arg("topic"), py::arg("date"), py::arg("participants"),
             "A meeting of registered people of a chain, each once. InvalidInputError (empty topic, no or repeated "
             "participants) or NotFoundError.")
        .def_property_readonly("topic", &ConsultationMeeting::topic, "What was discussed.")
        .def_property_readonly("date", &ConsultationMeeting::date, "When.")
        .def_property_readonly("participants", [](const ConsultationMeeting& c) { return copy_of(c.participants()); },
                               "Person ids of those who took part.")
        .def_property_readonly("decisions", [](const ConsultationMeeting& c) { return copy_of(c.decisions()); },
                               "The decisions (copies), by index.")
        .def("decide", &ConsultationMeeting::decide, py::arg("chain"), py::arg("text"), py::arg("owner"),
             py::arg("due"),
             "Records a decision; returns its index. InvalidInputError (empty text, due before the meeting, another "
             "chain than the meeting's) or NotFoundError (owner not in the chain).")
        .def(
            "follow_up",
            [](ConsultationMeeting& meeting, std::int64_t index, DecisionStatus status, Date date, std::string note) {
                if (index < 0) {
                    // The C++ index is unsigned: report a negative one the way C++ reports one too large.
                    throw NotFound("consultation meeting '" + meeting.topic() + "' has no decision " +
                                   std::to_string(index) + " (it has " + std::to_string(meeting.decisions().size()) +
                                   ")");
                }
                meeting.follow_up(static_cast<std::size_t>(index), status, date, std::move(note));
            },
            py::arg("index"), py::arg("status"), py::arg("date"), py::arg("note") = "",
            "Moves a decision to a status (open → in_progress → done, open/in_progress → cancelled, or a progress "
            "note keeping open/in_progress). "
            "InvalidInputError for another move or an earlier date; NotFoundError for a bad index.")
        .def("overdue", &ConsultationMeeting::overdue, py::arg("on"), "Indices of decisions overdue on a day.")
        .def(
            "decisions_frame",
            [](const py::object& self, const std::optional<Date>& on) {
                return pandas_helper("decisions_frame")(self, on);
            },
            py::arg("on") = py::none(),
            "One row per decision (index: decision index): text, owner, due, status, follow_ups, last_follow_up, "
            "and overdue (on that day) when on is given. Needs pandas.")
        .def("__repr__", [](const ConsultationMeeting& c) {
            return "<ConsultationMeeting '" + c.topic() + "' on " + to_string(c.date()) + ": " +
                   plural(c.participants().size(), "participant") + ", " + plural(c.decisions().size(), "decision") +
                   ">";
        });
}

}  // namespace grassroots::python
