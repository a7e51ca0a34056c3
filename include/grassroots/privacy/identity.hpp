/// @file identity.hpp
/// @brief Residents' identifiers: citizen ID numbers (居民身份证号码, GB 11643) and mainland mobile
/// phone numbers, validated, normalised and masked.
///
/// Both types keep the clear number but never show it by themselves: to_string(), the Python repr
/// and str are the masked form (110105********002X, 138****1234). The clear number comes out only
/// through an explicit clear_text() call. Error messages never repeat the number given.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "grassroots/core/date.hpp"
#include "grassroots/core/sex.hpp"

namespace grassroots {

/// @brief The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') of the first 17 digits of a
/// citizen ID number; throws InvalidInput unless @p first17 is 17 digits.
[[nodiscard]] char citizen_id_check_character(std::string_view first17);

/// @brief A valid 18-character citizen ID number (居民身份证号码, GB 11643-1999).
///
/// Parsing checks the length, the digits, the province of the 6-digit division code, the 8-digit
/// birth date (a real day, not after the given day) and the check character; a lower-case x is
/// normalised to X and a 15-digit number of the first generation is upgraded (19 inserted before
/// the year, check character added).
class CitizenId {
public:
    /// @brief Parses @p text (surrounding spaces ignored) as of the day @p today; throws
    /// InvalidInput naming what is wrong (length, a non-digit, the province, the date, the check
    /// character expected and given), never repeating the number.
    [[nodiscard]] static CitizenId parse(std::string_view text, Date today);

    /// @brief The clear 18-character number: call it only where the clear number is needed.
    [[nodiscard]] const std::string& clear_text() const noexcept { return number_; }
    /// @brief The masked number: the first 6 and last 4 characters, 8 asterisks between.
    [[nodiscard]] std::string masked() const;
    /// @brief The 6-digit division code of the place of first registration.
    [[nodiscard]] std::string division_code() const { return number_.substr(0, 6); }
    /// @brief The birth date.
    [[nodiscard]] Date birth_date() const noexcept { return birth_date_; }
    /// @brief The sex coded by the parity of the 3-digit sequence code.
    [[nodiscard]] Sex sex() const noexcept;

    /// @brief Equal when the numbers are equal.
    friend bool operator==(const CitizenId&, const CitizenId&) = default;

private:
    CitizenId(std::string number, Date birth_date) : number_(std::move(number)), birth_date_(birth_date) {}
    std::string number_;
    Date birth_date_;
};

/// @brief The masked number (never the clear one).
[[nodiscard]] std::string to_string(const CitizenId& id);

/// @brief A mainland China mobile phone number (11 digits, 1[3-9]xxxxxxxxx).
class PhoneNumber {
public:
    /// @brief Parses @p text: spaces and dashes are dropped, a +86 or 86 country prefix is
    /// removed; throws InvalidInput naming what is wrong, never repeating the number.
    [[nodiscard]] static PhoneNumber parse(std::string_view text);

    /// @brief The clear 11-digit number: call it only where the clear number is needed.
    [[nodiscard]] const std::string& clear_text() const noexcept { return number_; }
    /// @brief The masked number: the first 3 and last 4 digits, 4 asterisks between.
    [[nodiscard]] std::string masked() const;

    /// @brief Equal when the numbers are equal.
    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;

private:
    explicit PhoneNumber(std::string number) : number_(std::move(number)) {}
    std::string number_;
};

/// @brief The masked number (never the clear one).
[[nodiscard]] std::string to_string(const PhoneNumber& phone);

}  // namespace grassroots
