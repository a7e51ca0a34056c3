// Internal: quoting names in messages. Not installed.
#pragma once

#include <string>
#include <string_view>

namespace grassroots::detail {

/// @p text in single quotes, as messages name ids and states: 'dispatch'.
inline std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace grassroots::detail
