#include "grassroots/privacy/identity.hpp"

#include <array>
#include <cstddef>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

// Province-level codes (the first two digits of a division code), with 81–83 for the residence
// permits of Hong Kong, Macao and Taiwan residents.
constexpr std::array<int, 35> province_codes{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                             35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                             53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

int number_at(std::string_view text, std::size_t from, std::size_t count) noexcept {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

// "position 5 ('a')" for a character that is no digit: the one character is not the number.
void require_digits(std::string_view text, std::size_t count, std::string_view what) {
    for (std::size_t i = 0; i < count; ++i) {
        if (!is_digit(text[i])) {
            throw InvalidInput(std::string(what) + ": character " + std::to_string(i + 1) +
                               " is not a digit (only the last character of an 18-character number may be X)");
        }
    }
}

}  // namespace

char citizen_id_check_character(std::string_view first17) {
    if (first17.size() != 17) {
        throw InvalidInput("the check character needs 17 digits, got " + std::to_string(first17.size()) +
                           " characters");
    }
    require_digits(first17, 17, "citizen ID number");
    static constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::string_view checks = "10X98765432";
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * weights[i];
    return checks[static_cast<std::size_t>(sum % 11)];
}

CitizenId CitizenId::parse(std::string_view text, Date today) {
    constexpr std::string_view what = "citizen ID number";
    text = trim(text);
    std::string number;
    if (text.size() == 15) {
        require_digits(text, 15, what);
        number = std::string(text.substr(0, 6)) + "19" + std::string(text.substr(6));
    } else if (text.size() == 18) {
        require_digits(text, 17, what);
        number = std::string(text);
        if (number[17] == 'x') number[17] = 'X';
        if (!is_digit(number[17]) && number[17] != 'X') {
            throw InvalidInput("citizen ID number: the check character (character 18) is neither a digit nor X");
        }
    } else {
        throw InvalidInput("citizen ID number: expected 18 characters (or 15 digits for a first-generation "
                           "number), got " + std::to_string(text.size()));
    }

    const int province = number_at(number, 0, 2);
    bool known = false;
    for (int code : province_codes) known = known || code == province;
    if (!known) {
        throw InvalidInput("citizen ID number: the division code starts with " + number.substr(0, 2) +
                           ", which is no province-level code");
    }

    const int year = number_at(number, 6, 4);
    const auto month = static_cast<unsigned>(number_at(number, 10, 2));
    const auto day = static_cast<unsigned>(number_at(number, 12, 2));
    const Date birth{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!birth.ok() || year < 1800) {
        throw InvalidInput("citizen ID number: the birth date " + number.substr(6, 8) + " is not a real birth date");
    }
    if (std::chrono::sys_days{birth} > std::chrono::sys_days{today}) {
        throw InvalidInput("citizen ID number: the birth date " + to_string(birth) + " is after " + to_string(today));
    }

    const char expected = citizen_id_check_character(std::string_view(number).substr(0, 17));
    if (text.size() == 15) {
        number.push_back(expected);
    } else if (number[17] != expected) {
        throw InvalidInput(std::string("citizen ID number: the check character is ") + number[17] +
                           " but the first 17 digits give " + expected);
    }
    return CitizenId(std::move(number), birth);
}

std::string CitizenId::masked() const { return number_.substr(0, 6) + "********" + number_.substr(14); }

Sex CitizenId::sex() const noexcept { return (number_[16] - '0') % 2 == 1 ? Sex::male : Sex::female; }

std::string to_string(const CitizenId& id) { return id.masked(); }

PhoneNumber PhoneNumber::parse(std::string_view text) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c == '+' && digits.empty() && !plus) {
            plus = true;
            continue;
        }
        if (!is_digit(c)) {
            throw InvalidInput("phone number: character " + std::to_string(i + 1) +
                               " is not a digit, space, dash or a leading +");
        }
        digits.push_back(c);
    }
    if (plus || digits.size() == 13) {
        if (digits.size() != 13 || digits.compare(0, 2, "86") != 0) {
            throw InvalidInput("phone number: only +86 (mainland China) numbers of 11 digits are accepted");
        }
        digits.erase(0, 2);
    }
    if (digits.size() != 11) {
        throw InvalidInput("phone number: expected 11 digits (optionally after +86), got " +
                           std::to_string(digits.size()));
    }
    if (digits[0] != '1' || digits[1] < '3') {
        throw InvalidInput("phone number: a mainland mobile number starts with 13–19, not " + digits.substr(0, 2));
    }
    return PhoneNumber(std::move(digits));
}

std::string PhoneNumber::masked() const { return number_.substr(0, 3) + "****" + number_.substr(7); }

std::string to_string(const PhoneNumber& phone) { return phone.masked(); }

}  // namespace grassroots
