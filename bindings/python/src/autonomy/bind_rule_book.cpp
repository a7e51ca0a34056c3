// RuleBook (every edition known, by committee kind and effective date) and rules_in_force().
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/rules.hpp"

namespace grassroots::python {

namespace {

RuleSetRef in_book(const std::shared_ptr<RuleBook>& book, const RuleSet& edition) {
    return RuleSetRef{book, edition.id(), nullptr};
}

}  // namespace

void bind_rule_book(py::module_& m) {
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
}

}  // namespace grassroots::python
