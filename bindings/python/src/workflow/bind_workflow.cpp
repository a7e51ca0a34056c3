// Closed-loop workflow definitions (闭环流程): states, transitions, deadlines, a registry, built-ins.
//
// States and transitions are value types; a WorkflowDefinition is validated when built and
// round-trips through JSON. Definitions handed out by a registry are copies.
//
// Matter types (事项: components 部件 and events 事件) sit in a MatterCatalogue; a ResponsibilityList
// names the primary and cooperating units per matter and rung and routes cases. Catalogues and
// lists hand out copies of their rows.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/definition.hpp"
#include "grassroots/workflow/matter.hpp"
#include "grassroots/workflow/routing.hpp"

namespace grassroots::python {

namespace {

/// A registry key as Python gives it to `in`: an id (any version) or an (id, version) tuple.
using RegistryKey = std::variant<std::string, std::pair<std::string, int>>;

// A grid given as its code text or a GridCode (str first: a variant must be default-constructible).
using GridArgument = std::variant<std::string, GridCode>;

std::string grid_text(const GridArgument& grid) {
    if (const auto* code = std::get_if<GridCode>(&grid)) return code->str();
    return std::get<std::string>(grid);
}

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._workflow_pandas").attr(name); }

std::string plural(std::size_t count, const char* noun, const char* nouns) {
    return std::to_string(count) + " " + (count == 1 ? noun : nouns);
}

void bind_matters(py::module_& m) {
    bind_enum<MatterClass>(m, "MatterClass", "Component or event; components route owner first, events territory first.",
                           {{"COMPONENT", MatterClass::component, "部件: a managed object with an owner (权属单位)"},
                            {"EVENT", MatterClass::event, "事件: something that happens in a place"}},
                           "部件 or 事件.");

    // ---- MatterCodeSegment, MatterCodeLayout ---------------------------------------------------
    py::class_<MatterCodeSegment> segment_class(m, "MatterCodeSegment", "One segment of a matter code: name and width.");
    segment_class.def(py::init([](std::string name, int width) { return MatterCodeSegment{std::move(name), width}; }),
                      py::arg("name"), py::arg("width"), "A segment of width digits (the layout checks 1–4).");
    field(segment_class, "name", &MatterCodeSegment::name, "e.g. 'major', 'minor'.");
    field(segment_class, "width", &MatterCodeSegment::width, "Digits (1–4).");
    add_value_protocol(segment_class, {"name", "width"});

    py::class_<MatterCodeLayout> layout_class(
        m, "MatterCodeLayout", "How matter codes are written: digit segments from the most general class down.");
    layout_class
        .def(py::init<std::string, std::vector<MatterCodeSegment>>(), py::arg("name"), py::arg("segments"),
             "A layout; InvalidInputError for an empty name, no segments, an unnamed segment, a width outside 1–4 "
             "or more than 12 digits in all.")
        .def_static("urban_standard", &MatterCodeLayout::urban_standard,
                    "Major class 2 digits + minor class 2 digits ('0101'), as in GB/T 30428.2.")
        .def_property_readonly("name", [](const MatterCodeLayout& l) { return l.name(); }, "e.g. 'major-minor'.")
        .def_property_readonly("segments", [](const MatterCodeLayout& l) { return l.segments(); }, "The segments.")
        .def_property_readonly("length", &MatterCodeLayout::length, "Total digits.")
        .def("check", &MatterCodeLayout::check, py::arg("code"),
             "Raises InvalidInputError naming the segment when code is not all digits of the layout's length.")
        .def(
            "segment",
            [](const MatterCodeLayout& l, const std::string& code, std::size_t index) {
                return std::string(l.segment(code, index));
            },
            py::arg("code"), py::arg("index"), "The digits of segment index of a code (e.g. the major class '01').");
    add_value_protocol(layout_class, {"name", "segments"}, {.hash = false});

    // ---- MatterType -------------------------------------------------------------------------------
    py::class_<MatterType> type_class(m, "MatterType", "One matter type (事项) of a catalogue.");
    type_class.def(py::init([](MatterClass matter_class, std::string code, std::string name, std::string category,
                               std::string workflow, std::string owner) {
                       return MatterType{matter_class,        std::move(code),     std::move(name),
                                         std::move(category), std::move(workflow), std::move(owner)};
                   }),
                   py::arg("matter_class"), py::arg("code"), py::arg("name"), py::arg("category") = "",
                   py::arg("workflow") = "", py::arg("owner") = "",
                   "A type; the catalogue checks the code and name when it is added.");
    field(type_class, "matter_class", &MatterType::matter_class, "COMPONENT or EVENT.");
    field(type_class, "code", &MatterType::code, "Code in the catalogue's layout ('0101').");
    field(type_class, "name", &MatterType::name, "e.g. 上水井盖, 占道经营.");
    field(type_class, "category", &MatterType::category, "Major class name, e.g. 公用设施.");
    field(type_class, "workflow", &MatterType::workflow, "Id of the loop cases of this type run on ('' = caller chooses).");
    field(type_class, "owner", &MatterType::owner, "Default owner unit of a component (权属单位), '' if none.");
    type_class.def_property_readonly("key", &MatterType::key,
                                     "'component:0101' or 'event:0101': unique in a catalogue, used by lists.");
    add_value_protocol(type_class, {"matter_class", "code", "name", "category", "workflow", "owner"});

    // ---- MatterCatalogue ----------------------------------------------------------------------------
    py::class_<MatterCatalogue>(m, "MatterCatalogue", "Matter types by class and code, in one code layout.")
        .def(py::init([](const std::optional<MatterCodeLayout>& layout) {
                 return MatterCatalogue(layout ? *layout : MatterCodeLayout::urban_standard());
             }),
             py::arg("layout") = py::none(), "An empty catalogue (default layout: MatterCodeLayout.urban_standard()).")
        .def("add", &MatterCatalogue::add, py::arg("matter_type"),
             "Adds a type; InvalidInputError (adding nothing) for a code not in the layout, an empty name or a key "
             "already present.")
        .def("at", [](const MatterCatalogue& c, const std::string& key) { return c.at(key); }, py::arg("key"),
             "The type with key ('event:0102'); NotFoundError, or InvalidInputError for a malformed key.")
        .def(
            "find",
            [](const MatterCatalogue& c, const std::string& key) -> std::optional<MatterType> {
                const MatterType* type = c.find(key);
                return type ? std::optional<MatterType>(*type) : std::nullopt;
            },
            py::arg("key"), "The type with key, or None.")
        .def("__getitem__", [](const MatterCatalogue& c, const std::string& key) { return c.at(key); }, py::arg("key"))
        .def("__contains__", [](const MatterCatalogue& c, const std::string& key) { return c.find(key) != nullptr; },
             py::arg("key"))
        .def("__len__", &MatterCatalogue::size)
        .def("__iter__", [](const MatterCatalogue& c) { return iterate_copies(c.types()); },
             "Iterates over the types in the order added.")
        .def_property_readonly("types", [](const MatterCatalogue& c) { return c.types(); },
                               "All types in the order added.")
        .def_property_readonly("layout", [](const MatterCatalogue& c) { return c.layout(); }, "The code layout.")
        .def_static(
            "parse_csv",
            [](const std::string& text, const std::string& source, const std::optional<MatterCodeLayout>& layout) {
                return MatterCatalogue::parse_csv(text, source, layout ? *layout : MatterCodeLayout::urban_standard());
            },
            py::arg("text"), py::arg("source") = "<text>", py::arg("layout") = py::none(),
            "Reads CSV with header class,code,name,category,workflow,owner; errors name source, row and field.")
        .def_static(
            "read_csv",
            [](const std::filesystem::path& file, const std::optional<MatterCodeLayout>& layout) {
                return MatterCatalogue::read_csv(file, layout ? *layout : MatterCodeLayout::urban_standard());
            },
            py::arg("file"), py::arg("layout") = py::none(), "parse_csv() of a file; FileError when it cannot be read.")
        .def("to_csv", &MatterCatalogue::to_csv, "The CSV that parse_csv() reads.")
        .def_static("urban_sample", &MatterCatalogue::urban_sample,
                    "A sample of urban-management components and events in the GB/T 30428.2 layout (illustrative; "
                    "load a city's own catalogue for real work).")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("catalogue_frame")(self); },
            "One row per type: key, class and category (categoricals), code, name, workflow, owner.")
        .def(
            "__eq__",
            [](const MatterCatalogue& a, const py::object& b) {
                if (!py::isinstance<MatterCatalogue>(b)) return false;
                const auto& other = b.cast<const MatterCatalogue&>();
                return a.layout() == other.layout() && a.types() == other.types();
            },
            py::arg("other"))
        .def("__repr__",
             [](const MatterCatalogue& c) {
                 return "<MatterCatalogue of " + plural(c.size(), "type", "types") + ", layout '" + c.layout().name() +
                        "'>";
             })
        .def(py::pickle(
            [](const MatterCatalogue& c) { return py::make_tuple(c.to_csv(), c.layout()); },
            [](const py::tuple& state) {
                return MatterCatalogue::parse_csv(state[0].cast<std::string>(), "<pickle>",
                                                  state[1].cast<MatterCodeLayout>());
            }));
}

void bind_routing(py::module_& m) {
    bind_enum<Rung>(m, "Rung", "A rung of the escalation ladder: grid → community → township → county → city.",
                    {{"GRID", Rung::grid, "网格"},
                     {"COMMUNITY", Rung::community, "社区/村 (village-level unit)"},
                     {"TOWNSHIP", Rung::township, "乡镇/街道"},
                     {"COUNTY", Rung::county, "县/区"},
                     {"CITY", Rung::city, "市 (prefecture level)"}},
                    "网格, 社区/村, 乡镇/街道, 县/区 or 市.")
        .def_property_readonly("division_level", &division_level,
                               "The division Level of the rung (GRID and COMMUNITY: VILLAGE, CITY: PREFECTURE).");
    m.def("rung_of", &rung_of, py::arg("level"),
          "The rung of a division Level; InvalidInputError for the province level.");

    // ---- ResponsibilityEntry, Assignment ------------------------------------------------------------
    py::class_<ResponsibilityEntry> entry_class(m, "ResponsibilityEntry", "One row of a responsibility list.");
    entry_class.def(py::init([](std::string matter, Rung rung, std::string primary, std::vector<std::string> cooperating,
                                const std::optional<UnitArgument>& scope, std::string source) {
                        return ResponsibilityEntry{std::move(matter),
                                                   rung,
                                                   scope ? std::optional<DivisionCode>(to_code(*scope)) : std::nullopt,
                                                   std::move(primary),
                                                   std::move(cooperating),
                                                   std::move(source)};
                    }),
                    py::arg("matter"), py::arg("rung"), py::arg("primary"),
                    py::arg("cooperating") = std::vector<std::string>{}, py::arg("scope") = py::none(),
                    py::arg("source") = "",
                    "A row: primary unit (主体责任) and cooperating units (配合责任) for matter at rung, within the "
                    "subtree of scope (str or DivisionCode; None = everywhere). The list checks it when it is added.");
    field(entry_class, "matter", &ResponsibilityEntry::matter, "Matter key ('event:0102').");
    field(entry_class, "rung", &ResponsibilityEntry::rung, "Rung of the ladder the row is for.");
    field(entry_class, "primary", &ResponsibilityEntry::primary, "主体责任单位 (exactly one).");
    field(entry_class, "cooperating", &ResponsibilityEntry::cooperating, "配合责任单位.");
    field(entry_class, "scope", &ResponsibilityEntry::scope, "Applies within this unit's subtree (DivisionCode); None = everywhere.");
    field(entry_class, "source", &ResponsibilityEntry::source, "Which list, e.g. 《\"属地管理\"事项主体责任和配合责任清单》.");
    add_value_protocol(entry_class, {"matter", "rung", "primary", "cooperating", "scope", "source"}, {.hash = false});

    py::class_<Assignment> assignment_class(m, "Assignment", "Where a case is routed: its primary unit and cooperators, and why.");
    assignment_class.def(py::init([](std::string primary, std::vector<std::string> cooperating, Rung rung,
                                     std::string territory, std::string basis, std::string routed_primary) {
                             return Assignment{std::move(primary), std::move(cooperating), rung, std::move(territory),
                                               std::move(basis), std::move(routed_primary)};
                         }),
                         py::arg("primary"), py::arg("cooperating"), py::arg("rung"), py::arg("territory"),
                         py::arg("basis"), py::arg("routed_primary") = "", "An assignment (as route() returns).");
    field(assignment_class, "primary", &Assignment::primary, "The unit that must handle the case.");
    field(assignment_class, "cooperating", &Assignment::cooperating, "Units that must cooperate.");
    field(assignment_class, "rung", &Assignment::rung, "Rung of the ladder the case sits on.");
    field(assignment_class, "territory", &Assignment::territory, "Code of the territorial unit at that rung (grid or division code).");
    field(assignment_class, "basis", &Assignment::basis, "In words: which rule chose the primary.");
    field(assignment_class, "routed_primary", &Assignment::routed_primary,
          "The primary the responsibility list named when the dispatcher re-assigned the case to another unit "
          "(EngineOptions.allow_dispatch_override); '' when the primary is the routed one.");
    add_value_protocol(assignment_class, {"primary", "cooperating", "rung", "territory", "basis", "routed_primary"}, {.hash = false});

    // ---- ResponsibilityList -------------------------------------------------------------------------
    py::class_<ResponsibilityList>(m, "ResponsibilityList",
                                   "A validated responsibility list (属地管理 list): per matter and rung one primary "
                                   "unit and any cooperating units, optionally within one division's subtree.")
        .def(py::init<>(), "An empty list.")
        .def("add", &ResponsibilityList::add, py::arg("entry"),
             "Adds a row; InvalidInputError (adding nothing) for an empty matter or primary, an empty or repeated "
             "cooperator, the primary also cooperating, or a second primary for the same matter, rung and scope.")
        .def_property_readonly("entries", [](const ResponsibilityList& l) { return l.entries(); },
                               "All rows in the order added.")
        .def("__len__", [](const ResponsibilityList& l) { return l.entries().size(); })
        .def("__iter__", [](const ResponsibilityList& l) { return iterate_copies(l.entries()); },
             "Iterates over the rows in the order added.")
        .def("validate", &ResponsibilityList::validate, py::arg("catalogue"),
             "Raises InvalidInputError listing every matter of the catalogue with no primary unit at any rung and "
             "every row whose matter is not in the catalogue.")
        .def(
            "find",
            [](const ResponsibilityList& l, const std::string& matter, Rung rung,
               const UnitArgument& unit) -> std::optional<ResponsibilityEntry> {
                const ResponsibilityEntry* entry = l.find(matter, rung, to_code(unit));
                return entry ? std::optional<ResponsibilityEntry>(*entry) : std::nullopt;
            },
            py::arg("matter"), py::arg("rung"), py::arg("unit"),
            "The row for matter at rung that covers unit (str or DivisionCode; the narrowest scope wins), or None.")
        .def(
            "route",
            [](const ResponsibilityList& l, const MatterType& type, const UnitArgument& unit, const GridArgument& grid,
               Rung start, const std::string& owner) {
                return l.route(type, owner, to_code(unit), grid_text(grid), start);
            },
            py::arg("matter_type"), py::arg("unit"), py::arg("grid") = "", py::arg("start") = Rung::community,
            py::arg("owner") = "",
            "Routes a case of matter_type at unit (its grid code in grid, '' if none) from rung start up to the first "
            "rung with a row. Components: owner (owner, or the type's default owner) primary, territory cooperating "
            "(部件先属主后属地); events: territory primary, owner cooperating (事件先属地后属主). NotFoundError when "
            "neither a row nor an owner exists.")
        .def_static(
            "parse_csv",
            [](const std::string& text, const std::string& source) { return ResponsibilityList::parse_csv(text, source); },
            py::arg("text"), py::arg("source") = "<text>",
            "Reads CSV with header matter,rung,scope,primary,cooperating,source (cooperating separated by ';', "
            "scope empty = everywhere); errors name source, row and field.")
        .def_static("read_csv", &ResponsibilityList::read_csv, py::arg("file"),
                    "parse_csv() of a file; FileError when it cannot be read.")
        .def("to_csv", &ResponsibilityList::to_csv, "The CSV that parse_csv() reads.")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("responsibility_frame")(self); },
            "One row per entry: matter, rung (ordered categorical), scope, primary, cooperating (';'-joined), source.")
        .def(
            "__eq__",
            [](const ResponsibilityList& a, const py::object& b) {
                return py::isinstance<ResponsibilityList>(b) && a.entries() == b.cast<const ResponsibilityList&>().entries();
            },
            py::arg("other"))
        .def("__repr__",
             [](const ResponsibilityList& l) { return "<ResponsibilityList of " + plural(l.entries().size(), "row", "rows") + ">"; })
        .def(py::pickle([](const ResponsibilityList& l) { return l.to_csv(); },
                        [](const std::string& csv) { return ResponsibilityList::parse_csv(csv, "<pickle>"); }));
}

}  // namespace

void bind_workflow(py::module_& m) {
    bind_enum<BreachAction>(m, "BreachAction", "What happens when a state's deadline is breached.",
                            {{"ESCALATE", BreachAction::escalate, "督办: escalate one rung up the hierarchy"},
                             {"URGE", BreachAction::urge, "催办: urge the handler"},
                             {"NOTIFY", BreachAction::notify, "通知: notify the parties"}});
    bind_enum<Duty>(m, "Duty", "The duty a transition performs, which the case engine uses for routing and separation of duties.",
                    {{"NONE", Duty::none, "no special duty"},
                     {"DISPATCH", Duty::dispatch, "派遣: routes the case to the unit responsible (responsibility list)"},
                     {"HANDLE", Duty::handle, "处置: the actor becomes the case's handler"},
                     {"VERIFY", Duty::verify, "核查: verification, never by the handler; a rework transition is a failed one"}},
                    "无, 派遣, 处置 or 核查.");
    bind_enum<HotlineKind>(m, "HotlineKind", "Kinds of 12345 hotline request, each with its own handling limit.",
                           {{"EMERGENCY", HotlineKind::emergency, "紧急: 2 hours elapsed"},
                            {"UTILITIES", HotlineKind::utilities, "water, power, gas, heating: 24 hours elapsed"},
                            {"GENERAL", HotlineKind::general, "一般: 7 working days"},
                            {"COMPLEX", HotlineKind::complex, "疑难复杂: 15 working days"}});

    // ---- StateDefinition ------------------------------------------------------------------------
    py::class_<StateDefinition> state_class(m, "StateDefinition", "One state of a closed loop.");
    state_class.def(py::init([](std::string id, std::string name, bool closed, std::optional<Deadline> deadline,
                                std::vector<BreachAction> on_breach, bool starts_clock) {
                        return StateDefinition{std::move(id), std::move(name), closed, deadline, std::move(on_breach),
                                               starts_clock};
                    }),
                    py::arg("id"), py::arg("name"), py::arg("closed") = false, py::arg("deadline") = py::none(),
                    py::arg("on_breach") = std::vector<BreachAction>{}, py::arg("starts_clock") = false,
                    "A state; a closed (final) state has no deadline, breach actions or way out.");
    field(state_class, "id", &StateDefinition::id, "Stable identifier ('dispatch').");
    field(state_class, "name", &StateDefinition::name, "Display name ('任务派遣').");
    field(state_class, "closed", &StateDefinition::closed, "True for final states.");
    field(state_class, "deadline", &StateDefinition::deadline, "Time allowed in this state (a Deadline), or None.");
    field(state_class, "on_breach", &StateDefinition::on_breach, "Actions taken when the deadline is breached.");
    field(state_class, "starts_clock", &StateDefinition::starts_clock,
          "True when entering this state starts the case clock.");
    add_value_protocol(state_class, {"id", "name", "closed", "deadline", "on_breach", "starts_clock"}, {.hash = false});

    // ---- TransitionDefinition -------------------------------------------------------------------
    py::class_<TransitionDefinition> transition_class(m, "TransitionDefinition",
                                                      "An allowed move from one state to another and who may take it.");
    transition_class.def(
        py::init([](std::string id, std::string from, std::string to, std::vector<std::string> roles,
                    std::vector<std::string> required_fields, bool rework, Duty duty) {
            return TransitionDefinition{std::move(id),    std::move(from),           std::move(to),
                                        std::move(roles), std::move(required_fields), rework, duty};
        }),
        py::arg("id"), py::arg("from_state"), py::arg("to_state"), py::arg("roles"),
        py::arg("required_fields") = std::vector<std::string>{}, py::arg("rework") = false,
        py::arg("duty") = Duty::none,
        "A transition from state from_state to state to_state, allowed to roles (at least one). duty says what the "
        "case engine does with it (DISPATCH routes, HANDLE records the handler, VERIFY checks separation of duties; "
        "a rework transition may only have duty VERIFY or NONE).");
    field(transition_class, "id", &TransitionDefinition::id, "Stable identifier ('dispatch').");
    field(transition_class, "from_state", &TransitionDefinition::from, "Id of the source state.");
    field(transition_class, "to_state", &TransitionDefinition::to, "Id of the target state.");
    field(transition_class, "roles", &TransitionDefinition::roles, "Roles allowed to take the transition.");
    field(transition_class, "required_fields", &TransitionDefinition::required_fields,
          "Fields the actor must fill in.");
    field(transition_class, "rework", &TransitionDefinition::rework, "True when the move sends work back (返工).");
    field(transition_class, "duty", &TransitionDefinition::duty,
          "What the move does for routing and separation of duties (Duty).");
    add_value_protocol(transition_class, {"id", "from_state", "to_state", "roles", "required_fields", "rework", "duty"},
                       {.hash = false});

    // ---- WorkflowDefinition ---------------------------------------------------------------------
    py::class_<WorkflowDefinition>(m, "WorkflowDefinition", "A validated, versioned closed-loop definition.")
        .def(py::init<std::string, int, std::string, std::string, std::vector<StateDefinition>,
                      std::vector<TransitionDefinition>, std::string>(),
             py::arg("id"), py::arg("version"), py::arg("title"), py::arg("initial"), py::arg("states"),
             py::arg("transitions"), py::arg("reopen_to") = "",
             "Builds and validates a definition; raises InvalidInputError naming the first problem. reopen_to is the "
             "open state a reopened case returns to ('' = the first state that starts the clock, else the initial "
             "state).")
        .def_property_readonly("id", [](const WorkflowDefinition& d) { return d.id(); }, "Loop id.")
        .def_property_readonly("version", &WorkflowDefinition::version, "Version, from 1.")
        .def_property_readonly("title", [](const WorkflowDefinition& d) { return d.title(); }, "Display title.")
        .def_property_readonly("initial", [](const WorkflowDefinition& d) { return d.initial(); }, "Initial state id.")
        .def_property_readonly("reopen_to", [](const WorkflowDefinition& d) { return d.reopen_to(); },
                               "Id of the state a reopened case returns to (resolved when the definition is built).")
        .def_property_readonly("has_verification", &WorkflowDefinition::has_verification,
                               "True when some transition has Duty.VERIFY (then closing needs a passed verification).")
        .def_property_readonly("states", [](const WorkflowDefinition& d) { return d.states(); },
                               "All states in declaration order.")
        .def_property_readonly("transitions", [](const WorkflowDefinition& d) { return d.transitions(); },
                               "All transitions in declaration order.")
        .def("state", [](const WorkflowDefinition& d, const std::string& id) { return d.state(id); }, py::arg("id"),
             "The state with this id; raises NotFoundError.")
        .def("transition", [](const WorkflowDefinition& d, const std::string& id) { return d.transition(id); },
             py::arg("id"), "The transition with this id; raises NotFoundError.")
        .def(
            "transitions_from",
            [](const WorkflowDefinition& d, const std::string& state) {
                std::vector<TransitionDefinition> out;
                for (const TransitionDefinition* t : d.transitions_from(state)) out.push_back(*t);
                return out;
            },
            py::arg("state"), "The transitions leaving this state, in declaration order (empty if none).")
        .def("to_json", &WorkflowDefinition::to_json, "The definition as JSON (the format from_json reads).")
        .def_static(
            "from_json",
            [](const std::string& text, const std::string& source) { return WorkflowDefinition::from_json(text, source); },
            py::arg("text"), py::arg("source") = "<text>",
            "Reads a definition from JSON; errors name source and the JSON path.")
        .def("to_dot", &WorkflowDefinition::to_dot,
             "A Graphviz digraph: closed states double circles, rework edges dashed.")
        .def(
            "__eq__",
            [](const WorkflowDefinition& a, const py::object& b) {
                return py::isinstance<WorkflowDefinition>(b) && a == b.cast<const WorkflowDefinition&>();
            },
            py::arg("other"))
        .def("__repr__",
             [](const WorkflowDefinition& d) {
                 return "WorkflowDefinition(id=" + std::string(py::repr(py::str(d.id()))) +
                        ", version=" + std::to_string(d.version()) + ")";
             })
        .def(py::pickle([](const WorkflowDefinition& d) { return d.to_json(); },
                        [](const std::string& json) { return WorkflowDefinition::from_json(json, "<pickle>"); }));

    // ---- WorkflowRegistry -----------------------------------------------------------------------
    py::class_<WorkflowRegistry>(m, "WorkflowRegistry",
                                 "Definitions by id and version; a running case stays on the version it started with. "
                                 "Listings and iteration are in the order the definitions were added.")
        .def(py::init<>(), "An empty registry.")
        .def("add", &WorkflowRegistry::add, py::arg("definition"),
             "Adds a definition; raises InvalidInputError if its id and version are already present.")
        .def("get", [](const WorkflowRegistry& r, const std::string& id, int version) { return r.get(id, version); },
             py::arg("id"), py::arg("version"), "The definition id at version (a copy); raises NotFoundError.")
        .def("latest", [](const WorkflowRegistry& r, const std::string& id) { return r.latest(id); }, py::arg("id"),
             "The highest version of id (a copy); raises NotFoundError.")
        .def_property_readonly("entries", &WorkflowRegistry::entries,
                               "(id, version) of every definition, in the order added.")
        .def_property_readonly("ids", &WorkflowRegistry::ids, "Every id once, in the order its first version was added.")
        .def("versions", [](const WorkflowRegistry& r, const std::string& id) { return r.versions(id); }, py::arg("id"),
             "The versions of id, lowest first (empty when there is none).")
        .def("__len__", &WorkflowRegistry::size, "The number of definitions (all ids and versions).")
        .def(
            "__contains__",
            [](const WorkflowRegistry& r, const RegistryKey& key) {
                if (const auto* id = std::get_if<std::string>(&key)) return r.contains(*id);
                const auto& [id, version] = std::get<std::pair<std::string, int>>(key);
                return r.contains(id, version);
            },
            py::arg("key"), "'id' in registry: some version of id; ('id', version) in registry: that version.")
        .def("__iter__", [](const WorkflowRegistry& r) { return iterate_copies(std::vector<WorkflowDefinition>(r.begin(), r.end())); },
             "Iterates over the definitions (copies) in the order added.")
        .def("__repr__", [](const WorkflowRegistry& r) {
            std::string text = "<WorkflowRegistry of " + plural(r.size(), "definition", "definitions");
            const std::vector<std::string> ids = r.ids();
            for (std::size_t i = 0; i < ids.size(); ++i) text += (i == 0 ? ": " : ", ") + ids[i];
            return text + ">";
        });

    // ---- built-in loops -------------------------------------------------------------------------
    m.def("urban_management", &urban_management, "数字化城管: 7 stages plus 注销 cancel and 结案 closed, version 1.");
    m.def("hotline_12345", &hotline_12345, py::arg("kind"),
          "12345 接诉即办 for requests of this kind: id 'hotline_12345_<kind>', version 1.");
    m.def("whistle", &whistle, "吹哨报到: departments must report within 30 min elapsed, version 1.");
    m.def("five_step", &five_step, "五步闭环: a failed verification sends the problem back, version 1.");
    m.def("explore_pilot", &explore_pilot, "探索—试点—评估—推广: evaluation can send a project back to pilot, version 1.");

    bind_matters(m);
    bind_routing(m);
    bind_case_engine(m);
}

}  // namespace grassroots::python
