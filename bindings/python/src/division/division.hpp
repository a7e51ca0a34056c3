// The binding functions of the division area, called in order by bind_division() (bindings.cpp).
#pragma once

#include "bindings.hpp"

namespace grassroots::python {

/// Level, TownshipClass, VillageClass, UrbanRuralClass and urban_rural_class().
void bind_division_enums(py::module_& m);
/// DivisionCode.
void bind_division_code(py::module_& m);
/// Unit (one unit of a tree) and UnitIterator.
void bind_unit(py::module_& m);
/// DivisionTree.
void bind_division_tree(py::module_& m);
/// DivisionTreeBuilder.
void bind_division_tree_builder(py::module_& m);

}  // namespace grassroots::python
