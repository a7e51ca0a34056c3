/// @file enum_table.hpp
/// @brief One table of names per enum, serving to_string(), parse, chinese_name(), the Python enum
/// and its stubs.
///
/// Each area declares, next to an enum `E`, the function
/// `std::span<const EnumName<E>> enum_names(E) noexcept` (found by argument-dependent lookup) and
/// defines it in its .cpp over one `constexpr std::array<EnumName<E>, N>` in value order. The area's
/// to_string / chinese_name / parse functions read that table through the helpers below, and the
/// Python bindings build the enum's members from it (member name = upper-case `name`).
#pragma once

#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "grassroots/error.hpp"

namespace grassroots {

/// @brief One value of an enum with its names.
template <class Enum>
struct EnumName {
    Enum value;                ///< The value.
    std::string_view name;     ///< to_string(), parsing, JSON and CSV (snake_case); Python: its upper case.
    std::string_view chinese;  ///< chinese_name() ("" where the domain has no Chinese term).
    std::string_view doc;      ///< One line describing the value (Python member docs).
};

/// @brief True for an enum with an enum_names() table.
template <class Enum>
concept NamedEnum = requires(Enum value) {
    { enum_names(value) } -> std::same_as<std::span<const EnumName<Enum>>>;
};

namespace detail {

/// @brief The table entry of @p value, or none for a value outside the table.
template <NamedEnum Enum>
[[nodiscard]] constexpr const EnumName<Enum>* entry_of(Enum value) noexcept {
    for (const EnumName<Enum>& entry : enum_names(value)) {
        if (entry.value == value) return &entry;
    }
    return nullptr;
}

}  // namespace detail

/// @brief The table name of @p value ("?" for a value outside the table).
template <NamedEnum Enum>
[[nodiscard]] constexpr std::string_view enum_name(Enum value) noexcept {
    const EnumName<Enum>* entry = detail::entry_of(value);
    return entry ? entry->name : std::string_view("?");
}

/// @brief The Chinese term of @p value ("?" for a value outside the table).
template <NamedEnum Enum>
[[nodiscard]] constexpr std::string_view enum_chinese_name(Enum value) noexcept {
    const EnumName<Enum>* entry = detail::entry_of(value);
    return entry ? entry->chinese : std::string_view("?");
}

/// @brief The value named @p text (its name, or with @p chinese_too its Chinese term), or none.
template <NamedEnum Enum>
[[nodiscard]] constexpr std::optional<Enum> find_enum(std::string_view text, bool chinese_too = false) noexcept {
    for (const EnumName<Enum>& entry : enum_names(Enum{})) {
        if (entry.name == text || (chinese_too && !entry.chinese.empty() && entry.chinese == text)) return entry.value;
    }
    return std::nullopt;
}

/// @brief "a, b or c": the names of every value, for messages.
template <NamedEnum Enum>
[[nodiscard]] std::string enum_alternatives(bool chinese_too = false) {
    std::string out;
    const auto names = enum_names(Enum{});
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(names[i].name);
        if (chinese_too && !names[i].chinese.empty()) out += " (" + std::string(names[i].chinese) + ")";
    }
    return out;
}

/// @brief The value named @p text; throws InvalidInput "unknown <what> '<text>' (expected …)" listing
/// every name (and, with @p chinese_too, every Chinese term after them).
template <NamedEnum Enum>
[[nodiscard]] Enum parse_enum(std::string_view text, std::string_view what, bool chinese_too = false) {
    if (const std::optional<Enum> value = find_enum<Enum>(text, chinese_too)) return *value;
    std::string expected;
    const auto names = enum_names(Enum{});
    for (const EnumName<Enum>& entry : names) expected += (expected.empty() ? "" : ", ") + std::string(entry.name);
    if (chinese_too) {
        for (const EnumName<Enum>& entry : names) {
            if (!entry.chinese.empty()) expected += ", " + std::string(entry.chinese);
        }
    }
    throw InvalidInput("unknown " + std::string(what) + " '" + std::string(text) + "' (expected " + expected + ")");
}

}  // namespace grassroots
