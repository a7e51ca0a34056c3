// DivisionTreeBuilder: collects units, then validates them all and builds a DivisionTree.
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "division/division.hpp"
#include "division/support.hpp"

namespace grassroots::python {

void bind_division_tree_builder(py::module_& m) {
    py::class_<DivisionTreeBuilder>(m, "DivisionTreeBuilder",
                                    "Collects units, then validates them all and builds a DivisionTree.")
        .def(py::init<>())
        .def(
            "add",
            [](DivisionTreeBuilder& builder, const py::object& code, const std::string& name, const py::object& parent,
               const std::string& source, std::size_t row) -> DivisionTreeBuilder& {
                const Location origin{source, row, ""};
                if (parent.is_none()) return builder.add(code_argument(code), name, origin);
                return builder.add(code_argument(code), name, code_argument(parent), origin);
            },
            py::arg("code"), py::arg("name"), py::arg("parent") = py::none(), py::arg("source") = "",
            py::arg("row") = 0, py::return_value_policy::reference_internal,
            "Adds a unit (checking that its code extends parent's, if given); returns the builder.")
        .def("__len__", &DivisionTreeBuilder::size)
        .def(
            "build", [](const DivisionTreeBuilder& builder) { return std::make_shared<DivisionTree>(builder.build()); },
            "Validates every unit and builds the tree (all or nothing).");
}

}  // namespace grassroots::python
