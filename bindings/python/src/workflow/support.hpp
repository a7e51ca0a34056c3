// Helpers shared by the workflow binding files (bindings/python/src/workflow/).
#pragma once

#include <cstddef>
#include <string>
#include <variant>

#include "code_text.hpp"
#include "grassroots/grid/code.hpp"

namespace grassroots::python {

/// A grid given as its code text or a GridCode (str first: a variant must be default-constructible).
using GridArgument = std::variant<CodeText, GridCode>;

/// The code text of @p grid.
inline std::string grid_text(const GridArgument& grid) {
    if (const auto* code = std::get_if<GridCode>(&grid)) return code->str();
    return std::get<CodeText>(grid).utf8;
}

/// "1 case", "2 cases".
inline std::string plural(std::size_t count, const char* noun, const char* nouns) {
    return std::to_string(count) + " " + (count == 1 ? noun : nouns);
}

}  // namespace grassroots::python
