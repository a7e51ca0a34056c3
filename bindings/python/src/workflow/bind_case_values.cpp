// What is filed with a case (CaseInput with its Attachment and Priority), the fields given with a
// transition (Field), and EventKind.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "grassroots/core/identifier.hpp"
#include "unit_argument.hpp"
#include "workflow/case_engine.hpp"
#include "workflow/support.hpp"
#include "workflow/workflow.hpp"

namespace grassroots::python {

namespace {

std::optional<XY> xy_of(const std::optional<Point>& point) {
    return point ? std::optional<XY>(XY{point->x, point->y}) : std::nullopt;
}

std::optional<Point> point_of(const std::optional<XY>& xy) {
    return xy ? std::optional<Point>(Point{xy->first, xy->second}) : std::nullopt;
}

}  // namespace

void bind_case_input(py::module_& m) {
    bind_enum<Priority>(m, "Priority", "How urgent a case is.", "低, 一般, 较急 or 紧急.");
    bind_enum<EventKind>(m, "EventKind", "What an event of the case engine records.",
                         "立案, 流转, 拒绝, 派遣, 督办, 催办, 通知 or 重新打开.");

    // ---- Attachment, Field ----------------------------------------------------------------------------
    py::class_<Attachment> attachment_class(m, "Attachment",
                                            "Metadata of a file attached to a case (the file itself lives elsewhere).");
    attachment_class.def(py::init([](std::string name, std::string media_type, std::int64_t bytes, std::string url) {
                             return Attachment{std::move(name), std::move(media_type), bytes, std::move(url)};
                         }),
                         py::arg("name"), py::arg("media_type") = "", py::arg("bytes") = 0, py::arg("url") = "",
                         "An attachment; the engine refuses an empty name or a negative size when the case is filed.");
    field(attachment_class, "name", &Attachment::name, "File name ('photo-1.jpg').");
    field(attachment_class, "media_type", &Attachment::media_type, "e.g. 'image/jpeg'.");
    field(attachment_class, "bytes", &Attachment::bytes, "Size.");
    field(attachment_class, "url", &Attachment::url, "Where it is stored.");
    add_value_protocol(attachment_class, {"name", "media_type", "bytes", "url"});

    py::class_<Field> field_class(m, "Field", "A named value given with a transition (e.g. 'reason', 'rating').");
    field_class.def(py::init([](std::string name, std::string value) { return Field{std::move(name), std::move(value)}; }),
                    py::arg("name"), py::arg("value"), "A field.");
    field(field_class, "name", &Field::name, "Field name, as in TransitionDefinition.required_fields.");
    field(field_class, "value", &Field::value, "Its value.");
    add_value_protocol(field_class, {"name", "value"});

    // ---- CaseInput ----------------------------------------------------------------------------------------
    py::class_<CaseInput> input_class(m, "CaseInput", "What a reporter files: the matter, where, what and how urgent.");
    input_class.def(
        py::init([](std::string matter, std::string workflow, int workflow_version, const std::optional<XY>& point,
                    const std::optional<UnitArgument>& unit, std::string address, std::string owner,
                    std::string description, Priority priority, std::vector<Attachment> attachments) {
            CaseInput input;
            input.matter = std::move(matter);
            input.workflow = std::move(workflow);
            input.workflow_version = workflow_version;
            input.point = point_of(point);
            if (unit) input.unit = to_code(*unit);
            input.address = std::move(address);
            input.owner = std::move(owner);
            input.description = std::move(description);
            input.priority = priority;
            input.attachments = std::move(attachments);
            return input;
        }),
        py::arg("matter"), py::arg("workflow") = "", py::arg("workflow_version") = 0, py::arg("point") = py::none(),
        py::arg("unit") = py::none(), py::arg("address") = "", py::arg("owner") = "", py::arg("description") = "",
        py::arg("priority") = Priority::normal, py::arg("attachments") = std::vector<Attachment>{},
        "A case to file. matter is a key ('event:0502'); workflow '' = the matter type's loop, workflow_version 0 = "
        "the latest. The place is point, an (x, y) tuple located in the engine's grid map, or unit (str or "
        "DivisionCode), or both; the engine refuses a case it cannot place.");
    field(input_class, "matter", &CaseInput::matter, "Matter key ('event:0502').");
    field(input_class, "workflow", &CaseInput::workflow, "Loop id; '' = the matter type's loop.");
    field(input_class, "workflow_version", &CaseInput::workflow_version, "Version; 0 = the latest.");
    input_class.def_property_readonly(
        "point", [](const CaseInput& i) { return xy_of(i.point); }, "Where, as (x, y) (longitude, latitude), or None.");
    field(input_class, "unit", &CaseInput::unit, "The division it is in (DivisionCode), or None.");
    field(input_class, "address", &CaseInput::address, "Address in words.");
    field(input_class, "owner", &CaseInput::owner, "A component's owner, if known ('' = the type's default).");
    field(input_class, "description", &CaseInput::description, "What is wrong.");
    field(input_class, "priority", &CaseInput::priority, "How urgent (Priority).");
    field(input_class, "attachments", &CaseInput::attachments, "Photos and documents (Attachment).");
    add_value_protocol(input_class,
                       {"matter", "workflow", "workflow_version", "point", "unit", "address", "owner", "description",
                        "priority", "attachments"},
                       {.hash = false});
}

void bind_actor_and_options(py::module_& m) {
    // ---- Actor ----------------------------------------------------------------------------------------------
    py::class_<Actor> actor_class(m, "Actor",
                                  "An account acting on cases (a person in one post, or an office): roles, a scope in the "
                                  "ladder, and the person behind it.");
    actor_class.def(py::init([](std::string id, std::string name, std::vector<std::string> roles,
                                const std::optional<UnitArgument>& scope, const GridArgument& grid, std::string unit,
                                std::string person) {
                        return Actor{std::move(id),
                                     std::move(name),
                                     std::move(roles),
                                     scope ? std::optional<DivisionCode>(to_code(*scope)) : std::nullopt,
                                     grid_text(grid),
                                     std::move(unit),
                                     std::move(person)};
                    }),
                    py::arg("id"), py::arg("name"), py::arg("roles"), py::arg("scope") = py::none(),
                    py::arg("grid") = "", py::arg("unit") = "", py::arg("person") = "",
                    "An actor with string id, roles ('grid_worker', 'department', 'resident', …), acting on cases in "
                    "the subtree of scope (str or DivisionCode; None = the engine's jurisdiction), limited to grid (str "
                    "or GridCode; '' = not limited), working for unit (a department; '' = none), held by person (a "
                    "stable person id; '' = the actor id). The engine normalises its identifiers and checks it when it "
                    "is added.");
    field(actor_class, "id", &Actor::id, "Unique id ('wg-0001').");
    field(actor_class, "name", &Actor::name, "Display name.");
    field(actor_class, "roles", &Actor::roles, "Roles held.");
    field(actor_class, "scope", &Actor::scope,
          "Acts on cases in this unit's subtree (DivisionCode); None = the engine's jurisdiction (refused when it has none).");
    field(actor_class, "grid", &Actor::grid, "Grid code a grid worker is limited to ('' = not limited).");
    field(actor_class, "unit", &Actor::unit, "Department or unit the actor works for ('' = none).");
    field(actor_class, "person", &Actor::person,
          "Stable id of the person behind the account ('' = the actor id); separation of duties compares persons.");
    add_value_protocol(actor_class, {"id", "name", "roles", "scope", "grid", "unit", "person"}, {.hash = false});

    m.attr("RESIDENT_ROLE") = std::string(resident_role);
    m.def("normalize_identifier", &normalize_identifier, py::arg("text"), py::arg("field") = "id",
          "text as an identifier, as the engine and the ledger store them: Unicode NFKC (full-width letters, digits "
          "and spaces become half-width), trimmed. InvalidInputError naming field and the character for text holding "
          "a control or format (bidi, zero-width) character.");

    // ---- EngineOptions --------------------------------------------------------------------------------------
    py::class_<EngineOptions> options_class(
        m, "EngineOptions", "Settings of a CaseEngine; the defaults are configurable, not verified local rules.");
    options_class.def(py::init([](const Deadline& reopen_window, Rung top_rung, bool allow_dispatch_override,
                                  const std::optional<UnitArgument>& jurisdiction, std::vector<std::string> filing_roles,
                                  std::uint32_t recorded_refusals_per_case) {
                          EngineOptions options;
                          options.reopen_window = reopen_window;
                          options.top_rung = top_rung;
                          options.allow_dispatch_override = allow_dispatch_override;
                          if (jurisdiction) options.jurisdiction = to_code(*jurisdiction);
                          options.filing_roles = std::move(filing_roles);
                          options.recorded_refusals_per_case = recorded_refusals_per_case;
                          return options;
                      }),
                      py::arg("reopen_window") = Deadline::working_days(5), py::arg("top_rung") = Rung::county,
                      py::arg("allow_dispatch_override") = false, py::arg("jurisdiction") = py::none(),
                      py::arg("filing_roles") = std::vector<std::string>{"grid_worker"},
                      py::arg("recorded_refusals_per_case") = 1000,
                      "Options: how long after closing the reporter may reopen a case (a Deadline), the rung "
                      "escalation stops at, whether a dispatcher may send a case to a unit the responsibility "
                      "list does not name, the area the engine serves (str or DivisionCode; None = the division "
                      "tree, if any), the roles that may file a case of any loop, and how many refusals are recorded "
                      "per case.");
    field(options_class, "reopen_window", &EngineOptions::reopen_window,
          "How long after closing the reporter may reopen a case (default 5 working days).");
    field(options_class, "top_rung", &EngineOptions::top_rung, "Escalation stops at this rung (default COUNTY).");
    field(options_class, "allow_dispatch_override", &EngineOptions::allow_dispatch_override,
          "Whether a dispatch may name a department that is neither the routed primary nor a cooperating unit "
          "(default False: refused, RuleViolationError 'workflow.department-not-responsible'; True: the case is "
          "assigned to that department and Assignment.routed_primary keeps the routed one).");
    field(options_class, "jurisdiction", &EngineOptions::jurisdiction,
          "The area the engine serves (DivisionCode): actors without a scope act in it, residents file anywhere in it, "
          "cases outside it are refused. None = the division tree given to set_divisions (all of it); with neither, "
          "an actor needs a scope to act.");
    field(options_class, "filing_roles", &EngineOptions::filing_roles,
          "Roles that may file a case of any loop in their scope, besides the roles the case's loop names (default "
          "['grid_worker']; a configurable default, not a verified rule).");
    field(options_class, "recorded_refusals_per_case", &EngineOptions::recorded_refusals_per_case,
          "At most this many refused attempts are recorded per case (default 1000); later ones are refused all the same "
          "but only counted (CaseEngine.unrecorded_refusals).");
    add_value_protocol(options_class,
                       {"reopen_window", "top_rung", "allow_dispatch_override", "jurisdiction", "filing_roles",
                        "recorded_refusals_per_case"},
                       {.hash = false});
}

}  // namespace grassroots::python
