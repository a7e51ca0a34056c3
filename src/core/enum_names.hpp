// Internal: the name of an enum value from a table indexed by the value.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "grassroots/error.hpp"

namespace grassroots::detail {

/// names[value], or @p outside ("?" by default) for a value outside the table.
template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names, std::string_view outside = "?") noexcept {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : outside;
}

/// The value named @p text in @p names, or none.
template <class Enum, std::size_t N>
std::optional<Enum> find_value(std::string_view text, const std::array<std::string_view, N>& names) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

/// The names of @p names as the alternatives of a message: "escalate, urge or notify".
template <std::size_t N>
std::string alternatives(const std::array<std::string_view, N>& names) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(names[i]);
    return out;
}

/// The value named @p text in @p names; throws InvalidInput "unknown <what> '<text>' (expected …)".
template <class Enum, std::size_t N>
Enum value_of(std::string_view text, const std::array<std::string_view, N>& names, std::string_view what) {
    if (const std::optional<Enum> value = find_value<Enum>(text, names)) return *value;
    std::string expected;
    for (std::size_t i = 0; i < N; ++i) expected += (i == 0 ? "" : ", ") + std::string(names[i]);
    throw InvalidInput("unknown " + std::string(what) + " '" + std::string(text) + "' (expected " + expected + ")");
}

/// The value named @p text in @p names or in @p chinese (both indexed by value); throws InvalidInput
/// "unknown <what> '<text>' (expected …)" listing the names of both tables.
template <class Enum, std::size_t N>
Enum value_of(std::string_view text, const std::array<std::string_view, N>& names,
              const std::array<std::string_view, N>& chinese, std::string_view what) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text || chinese[i] == text) return static_cast<Enum>(i);
    }
    std::string expected;
    for (const auto* table : {&names, &chinese}) {
        for (const std::string_view name : *table) expected += (expected.empty() ? "" : ", ") + std::string(name);
    }
    throw InvalidInput("unknown " + std::string(what) + " '" + std::string(text) + "' (expected " + expected + ")");
}

}  // namespace grassroots::detail
