/// @file range.hpp
/// @brief An inclusive range of whole numbers: a vocabulary type (committee sizes, household bands …).
#pragma once

#include <cstdint>
#include <string>

namespace grassroots {

/// @brief An inclusive range of whole numbers, e.g. 5–9 committee members.
struct IntRange {
    std::int64_t min = 0;  ///< Smallest allowed value.
    std::int64_t max = 0;  ///< Largest allowed value.
    /// @brief True when min ≤ value ≤ max.
    [[nodiscard]] constexpr bool contains(std::int64_t value) const noexcept { return min <= value && value <= max; }
    /// @brief "5–9" (or "5" when min == max).
    [[nodiscard]] std::string to_string() const;
    /// @brief Ranges compare by their ends.
    friend bool operator==(const IntRange&, const IntRange&) = default;
};

}  // namespace grassroots
