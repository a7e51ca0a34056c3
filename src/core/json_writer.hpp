// Internal: appending JSON text to a std::string, byte for byte as nlohmann::ordered_json::dump()
// writes it (compact, non-ASCII left as is), for hot paths where building a document per value
// costs too much (the case engine's JSON lines). Reading stays with JsonReader. Not installed.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace grassroots::detail {

/// Appends @p text as a JSON string, quotes included, escaped as nlohmann's dump() escapes it:
/// \" \\ \b \f \n \r \t, other control characters (below 0x20) as \u00xx in lower-case hex, and
/// everything else (DEL, UTF-8 sequences) as is. Returns std::string::npos, or, when @p text is not
/// valid UTF-8 (which nlohmann refuses too), the offset of the first bad byte; @p out then holds
/// part of the string and the caller discards it.
[[nodiscard]] std::size_t append_json_string(std::string& out, std::string_view text);

/// Appends @p value as nlohmann's dump() writes a double: the shortest form that reads back
/// exactly, "1.0" for whole numbers, and null for NaN and infinities.
void append_json_double(std::string& out, double value);

/// Appends an integer in decimal.
template <class Integer>
    requires std::is_integral_v<Integer>
void append_json_integer(std::string& out, Integer value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

}  // namespace grassroots::detail
