// RuleSet: one edition of one law, standalone or the own edition of a RuleBook.
#include <pybind11/stl.h>

#include <string>
#include <string_view>
#include <vector>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_rule_set(py::module_& m) {
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
}

}  // namespace grassroots::python
