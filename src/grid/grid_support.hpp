// Internal: number formatting shared by the grid sources (messages). Not installed.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "grassroots/grid/geometry.hpp"

namespace grassroots::detail {

/// The shortest text that reads back as @p value ("118.5", "37.4", "nan").
inline std::string format_number(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buffer[64];
    const double magnitude = std::abs(value);
    // Plain decimals for ordinary coordinates ("500000", "118.5"), exponents only for extremes.
    const auto format = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15) ? std::chars_format::fixed
                                                                                   : std::chars_format::general;
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    return {buffer, result.ptr};
}

/// "(118.5, 37.4)".
inline std::string format_point(Point p) {
    std::string out(1, '(');  // appended piece by piece: GCC 12 warns (-Wrestrict) on "(" + std::string
    out += format_number(p.x);
    out += ", ";
    out += format_number(p.y);
    out += ')';
    return out;
}

/// An integer with thousands separators: "1,234", "-56".
inline std::string group_thousands(std::int64_t value) {
    const bool negative = value < 0;
    const auto magnitude = static_cast<std::uint64_t>(value);
    const std::string digits = std::to_string(negative ? 0 - magnitude : magnitude);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        if (const std::size_t left = n - 1 - i; left > 0 && left % 3 == 0) out += ',';
    }
    return negative ? "-" + out : out;
}

/// An area as whole square metres with thousands separators: "1,234 m²".
inline std::string format_area(double m2) { return group_thousands(std::llround(m2)) + " m²"; }

}  // namespace grassroots::detail
