// A responsibility list (属地管理 list): the primary and cooperating units per matter and rung; it
// routes cases and hands out copies of its rows.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <string>

#include "unit_argument.hpp"
#include "value_types.hpp"
#include "workflow/support.hpp"
#include "workflow/workflow.hpp"
#include "grassroots/workflow/matter.hpp"
#include "grassroots/workflow/routing.hpp"

namespace grassroots::python {

void bind_responsibility_list(py::module_& m) {
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

}  // namespace grassroots::python
