// A village-level (or any) division code given from Python as a str or a DivisionCode.
#pragma once

#include <pybind11/stl.h>

#include <variant>

#include "code_text.hpp"
#include "grassroots/division/code.hpp"

namespace grassroots::python {

/// str first: a variant must be default-constructible, and DivisionCode is not.
using UnitArgument = std::variant<CodeText, DivisionCode>;

/// The code given; a str is parsed (InvalidInputError naming it for anything but a code).
inline DivisionCode to_code(const UnitArgument& unit) {
    if (const auto* code = std::get_if<DivisionCode>(&unit)) return *code;
    return DivisionCode::parse(std::get<CodeText>(unit).utf8);
}

}  // namespace grassroots::python
