// Internal: the name of an enum value from a table indexed by the value.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace grassroots::detail {

/// names[value], or "?" for a value outside the table.
template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) noexcept {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view("?");
}

}  // namespace grassroots::detail
