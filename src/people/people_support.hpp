// Internal helpers of the people area: number text, number parsing, period checks. Not installed.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"

namespace grassroots::detail {

/// A number as short text: "0.8", "100", "92.5".
inline std::string number_text(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

/// A number with two decimals: "92.50".
inline std::string fixed2(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

/// A finite decimal number; throws InvalidInput "'x' is not a number".
inline double parse_number(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        throw InvalidInput("'" + std::string(text) + "' is not a number");
    }
    return value;
}

/// A whole number (optionally negative); throws InvalidInput "'x' is not a whole number".
inline std::int64_t parse_whole(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        throw InvalidInput("'" + std::string(text) + "' is not a whole number");
    }
    return value;
}

/// Throws InvalidInput unless both dates are valid and first ≤ last.
inline void check_period(Date first, Date last, std::string_view what) {
    if (!first.ok() || !last.ok()) {
        throw InvalidInput(std::string(what) + ": a period's dates must be valid dates");
    }
    if (last < first) {
        throw InvalidInput(std::string(what) + ": the period starts on " + to_string(first) + ", after it ends on " +
                           to_string(last));
    }
}

/// Replaces each per-unit column (indexed by tree id) by its sums over every unit's subtree.
inline void rollup_columns(const DivisionTree& tree, std::initializer_list<std::vector<std::int64_t>*> columns) {
    for (std::vector<std::int64_t>* column : columns) *column = tree.rollup(std::span<const std::int64_t>(*column));
}

}  // namespace grassroots::detail
