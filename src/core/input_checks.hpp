// Internal: checks of single input values shared by the ledgers and registries. Not installed.
#pragma once

#include <string>
#include <string_view>

#include "grassroots/core/date.hpp"
#include "core/quote.hpp"
#include "grassroots/error.hpp"

namespace grassroots::detail {

/// Throws InvalidInput "<what> is not a valid date" unless @p date exists.
inline void check_date(Date date, std::string_view what) {
    if (!date.ok()) throw InvalidInput(std::string(what) + " is not a valid date");
}

/// Throws InvalidInput "<what> holds a line break" when @p text holds one (a CSV table could not
/// hold it), and refuses text that is not UTF-8 or holds a NUL or a bidirectional control
/// (check_text: U+202E would make a name display as another).
inline void check_line(std::string_view text, std::string_view what) {
    if (text.find_first_of("\r\n") != std::string_view::npos) throw InvalidInput(std::string(what) + " holds a line break");
    check_text(text, what);
}

}  // namespace grassroots::detail
