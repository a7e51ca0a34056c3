/// @file screening.hpp
/// @brief Finding raw identifiers in free text (so that they never enter events) and masking names.
///
/// The rule (no escapes, no exceptions): a text holds an identifier when it contains a run of ASCII
/// digits, not touching an ASCII letter or another digit on either side, that is
/// - 17 digits followed by a check character (a digit, X or x) forming a valid GB 11643 citizen ID
///   number (province, real birth date, correct ISO 7064 MOD 11-2 check character), or
/// - 15 digits forming a first-generation citizen ID number (province, a real birth date 19YYMMDD,
///   born in or after first_generation_earliest_birth_year), or
/// - 11 digits forming a mainland mobile number (1, then 3–9, then nine digits), or the same after
///   "+86" (a '+' before the 13 digits 86…), or
/// - such a mobile number grouped 3-4-4 by one kind of separator, a space or a dash
///   ("138 1234 5678", "138-1234-5678"), alone or after "+86" and an optional separator
///   ("+86 138 1234 5678", "+86-13812345678"), not inside a longer grouped number (a digit and a
///   separator before it, or a separator and a digit after it: bank cards, order numbers).
/// Runs touching a letter ("SO13812345678", a hex pseudonym) and runs of other lengths (13-digit,
/// 20-digit order numbers, 12-digit division codes) are not identifiers; neither are 18 digits with a
/// wrong check character, nor dates, amounts or times written with dashes, dots or colons.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief The earliest birth year of a 15-digit (first-generation) citizen ID number screening
/// reports. A judgement, not law: 15 digits carry no check character, and Beijing-style
/// 15-digit grid codes (12-digit division code, 3-digit grid) read as births 1900–1919 when their
/// township is a street (0xx) or a town (1xx); holders born before 1920 are past 105 today.
inline constexpr int first_generation_earliest_birth_year = 1920;

/// @brief A kind of raw identifier screening finds.
enum class IdentifierKind {
    citizen_id,    ///< A valid GB 11643 citizen ID number (18 characters, or 15 digits of the first generation).
    mobile_phone,  ///< A mainland mobile phone number.
};
/// @brief The name table of IdentifierKind.
[[nodiscard]] std::span<const EnumName<IdentifierKind>> enum_names(IdentifierKind) noexcept;
/// @brief "citizen_id" or "mobile_phone".
[[nodiscard]] std::string_view to_string(IdentifierKind kind) noexcept;

/// @brief Where screening found an identifier in a text.
struct IdentifierMatch {
    IdentifierKind kind = IdentifierKind::citizen_id;  ///< What it is.
    std::size_t offset = 0;                            ///< Its first byte in the text.
    std::size_t length = 0;                            ///< Its length in bytes.
};

/// @brief The first identifier in @p text under the rule above, or nothing.
[[nodiscard]] std::optional<IdentifierMatch> find_identifier(std::string_view text);

/// @brief A name masked: its first character (UTF-8 code point) kept, one '*' for each other
/// ("张三" → "张*", "欧阳娜娜" → "欧***"); a one-character name becomes "*".
[[nodiscard]] std::string mask_name(std::string_view name);

}  // namespace grassroots
