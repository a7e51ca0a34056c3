/// @file date.hpp
/// @brief Date: a calendar day (std::chrono::year_month_day), with ISO 8601 parsing and printing.
///
/// Dates of terms, meetings and deadlines are plain civil dates in China Standard Time. The type
/// is the standard one, so `std::chrono` arithmetic works (`std::chrono::sys_days{d} + days{7}`);
/// Python sees `datetime.date`.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace grassroots {

/// @brief A civil date (year, month, day).
using Date = std::chrono::year_month_day;

/// @brief The date with these fields; throws InvalidInput if it does not exist (2025-02-29).
[[nodiscard]] Date make_date(int year, unsigned month, unsigned day);
/// @brief Parses "YYYY-MM-DD"; throws InvalidInput naming what is wrong.
[[nodiscard]] Date parse_date(std::string_view text);
/// @brief "YYYY-MM-DD".
[[nodiscard]] std::string to_string(Date date);
/// @brief Whole years from @p birth to @p on (the age on that day; a 29 February birthday counts on 1 March).
[[nodiscard]] int years_between(Date birth, Date on);
/// @brief @p date plus @p years calendar years (29 February becomes 28 February).
[[nodiscard]] Date add_years(Date date, int years);

}  // namespace grassroots
