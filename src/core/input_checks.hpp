// Internal: checks of single input values shared by the ledgers and registries. Not installed.
#pragma once

#include <string>
#include <string_view>

#include "grassroots/core/date.hpp"
#include "grassroots/error.hpp"

namespace grassroots::detail {

/// Throws InvalidInput "<what> is not a valid date" unless @p date exists.
inline void check_date(Date date, std::string_view what) {
    if (!date.ok()) throw InvalidInput(std::string(what) + " is not a valid date");
}

/// Throws InvalidInput "<what> holds a line break" when @p text holds one (a CSV table could not
/// hold it).
inline void check_line(std::string_view text, std::string_view what) {
    if (text.find_first_of("\r\n") != std::string_view::npos) throw InvalidInput(std::string(what) + " holds a line break");
}

}  // namespace grassroots::detail
