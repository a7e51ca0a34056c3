/// @file instant.hpp
/// @brief Instants (moments in time) and China Standard Time: a vocabulary type of every area.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "grassroots/core/date.hpp"

namespace grassroots {

/// @brief A moment in time (UTC-based, second precision); shown in China Standard Time.
using Instant = std::chrono::sys_seconds;

/// @brief China Standard Time is UTC+8 all year (no daylight saving since 1991).
inline constexpr std::chrono::hours china_utc_offset{8};

/// @brief The instant of a CST wall-clock time on @p date (minutes after midnight).
[[nodiscard]] Instant china_time(Date date, std::chrono::minutes time_of_day) noexcept;
/// @brief The CST calendar date of @p instant.
[[nodiscard]] Date china_date(Instant instant) noexcept;
/// @brief The CST wall-clock time of @p instant, as seconds after midnight.
[[nodiscard]] std::chrono::seconds china_time_of_day(Instant instant) noexcept;
/// @brief "YYYY-MM-DDTHH:MM:SS+08:00".
[[nodiscard]] std::string to_string(Instant instant);
/// @brief Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS]" with an optional "Z" or "±HH:MM" offset;
/// without one the time is CST. Throws InvalidInput.
[[nodiscard]] Instant parse_instant(std::string_view text);

}  // namespace grassroots
