// Internal: quoting input in messages, and checks of text that arrives as UTF-8. Not installed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace grassroots::detail {

/// The longest quote of input a message carries, in bytes (the rest is summarised by its size).
inline constexpr std::size_t quote_bound = 80;

/// @p text as valid UTF-8: each byte that is not part of a well-formed character, and each ASCII
/// control but tab (and line feed when @p keep_line_breaks), becomes "\xNN" (so a message never cuts
/// a character in half or carries a NUL).
std::string printable(std::string_view text, bool keep_line_breaks = false);

/// printable(@p text) in single quotes, cut at a character boundary after @p bound bytes with
/// "…' (N bytes)" so that a message echoing input stays short: 'dispatch', '1234…' (10000000 bytes).
std::string quote(std::string_view text, std::size_t bound = quote_bound);

/// printable(@p text) keeping line breaks, cut like quote() but without quotes: for a whole
/// message or a file name.
std::string shortened(std::string_view text, std::size_t bound);

/// The character of @p text that starts at byte @p at, quoted: '０' whole, or '\xEF' for a byte
/// that starts no well-formed character.
std::string character_at(std::string_view text, std::size_t at);

/// @p text in single quotes, as messages name ids and states: 'dispatch' (see quote()).
inline std::string in_quotes(std::string_view text) { return quote(text); }

/// The offset of the first byte of @p text that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

/// True when @p text, not being UTF-8, reads as GBK (GB 18030's two-byte range): the hint a
/// refusal gives so that a user converts the file instead of guessing.
bool looks_like_gbk(std::string_view text);

/// The offset of the first Unicode bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) in UTF-8 @p text, if any: they make a name display as something else (U+202E).
std::optional<std::size_t> bidi_control_at(std::string_view text);

/// Throws InvalidInput naming @p what unless @p text is UTF-8 without NUL bytes or bidirectional
/// controls; the problem says which byte was wrong and, for GBK text, how to convert it.
void check_text(std::string_view text, std::string_view what);

}  // namespace grassroots::detail
