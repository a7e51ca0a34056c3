/// @file identifier.hpp
/// @brief One normalisation for identifiers where they enter the library (actor ids, persons, role
/// names, unit and grid codes, ledger actors and numbers), so that "dp-1 ", "ｄｐ－１" and "dp-1"
/// name the same actor and an id cannot hide a control or bidi character.
#pragma once

#include <string>
#include <string_view>

namespace grassroots {

/// @brief @p text as an identifier: Unicode NFKC (which is NFC plus the compatibility mappings:
/// full-width letters, digits and punctuation become half-width, U+3000 and no-break spaces become
/// U+0020), then spaces trimmed at both ends (UAX #31 recommends NFKC for identifiers).
///
/// Throws InvalidInput naming @p field and the character (as U+XXXX and its position) for text that
/// is not valid UTF-8 or holds a control character (category Cc: tab, newline, NUL …) or a format
/// character (category Cf: bidi overrides such as U+202E, zero-width spaces and joiners, U+FEFF).
/// Inner spaces are kept; an empty or all-space @p text gives "" (the caller decides if that is allowed).
[[nodiscard]] std::string normalize_identifier(std::string_view text, std::string_view field = "id");

}  // namespace grassroots
