// IntRange, Threshold and Rule: the values of the committee-law rules.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/error.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

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

}  // namespace

void bind_rule(py::module_& m) {
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
}

}  // namespace grassroots::python
