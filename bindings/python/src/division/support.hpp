// Helpers shared by the division binding files: a unit as Python holds it (with its tree) and the
// conversions of code and unit arguments.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "grassroots/division/code.hpp"
#include "grassroots/division/tree.hpp"

namespace grassroots::python {

namespace py = pybind11;

using TreePtr = std::shared_ptr<const DivisionTree>;

/// A unit of a tree as Python sees it: keeps its tree alive.
struct Unit {
    TreePtr tree;
    DivisionId id;
};

/// Iterates the units of a tree in pre-order.
struct UnitIterator {
    TreePtr tree;
    std::uint32_t next = 0;
    std::uint32_t end = 0;
};

/// The name of a value's Python type, for messages.
std::string python_type_name(const py::handle& value);

/// A code given as a DivisionCode or str; TypeError for anything else.
DivisionCode code_argument(const py::handle& value);

/// The unit of @p tree named by a Unit (of this tree) or a code.
DivisionId id_argument(const DivisionTree& tree, const py::handle& value);

/// The Unit, or None.
py::object optional_unit(const TreePtr& tree, std::optional<DivisionId> id);

/// The units of a range as a list.
py::list units_of(const TreePtr& tree, DivisionIdRange range);

}  // namespace grassroots::python
