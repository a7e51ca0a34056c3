// Finding, ValidationReport and validate(): a chain checked against the rules in force.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_validation(py::module_& m) {
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
}

}  // namespace grassroots::python
