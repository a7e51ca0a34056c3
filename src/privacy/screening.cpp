// Screening text for raw citizen ID numbers and mobile numbers (see screening.hpp for the rule).
#include "grassroots/privacy/screening.hpp"

#include <array>
#include <chrono>

#include "grassroots/error.hpp"
#include "grassroots/privacy/identity.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<IdentifierKind>, 2> kind_names{{
    {IdentifierKind::citizen_id, "citizen_id", "居民身份证号码", "a valid GB 11643 citizen ID number"},
    {IdentifierKind::mobile_phone, "mobile_phone", "手机号码", "a mainland mobile phone number"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_letter(c); }
bool is_separator(char c) { return c == ' ' || c == '-'; }

// The number of ASCII digits from @p at.
std::size_t digits_at(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && is_digit(text[end])) ++end;
    return end - at;
}

bool is_mobile(std::string_view digits) {
    return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

// A valid 18-character number, or a 15-digit first-generation one born in or after
// first_generation_earliest_birth_year (CitizenId::parse upgrades it and checks the date).
bool is_citizen_id(std::string_view text) {
    // The birth date may be any real day up to 2099: screening is about the form, not the clock.
    static const Date latest{std::chrono::year{2099}, std::chrono::month{12}, std::chrono::day{31}};
    if (text.size() == 15 && 1900 + (text[6] - '0') * 10 + (text[7] - '0') < first_generation_earliest_birth_year) {
        return false;
    }
    try {
        (void)CitizenId::parse(text, latest);
        return true;
    } catch (const InvalidInput&) {
        return false;
    }
}

// Whether a grouped number may end at @p end: not touching a letter or digit, nor a separator and
// a digit (a longer grouped number: a bank card, an order number).
bool ends_group(std::string_view text, std::size_t end) {
    if (end == text.size()) return true;
    if (is_alnum(text[end])) return false;
    return !(is_separator(text[end]) && end + 1 < text.size() && is_digit(text[end + 1]));
}

// "138 1234 5678" or "138-1234-5678" (one separator throughout) at @p begin: its length, or 0.
std::size_t grouped_mobile(std::string_view text, std::size_t begin) {
    const std::size_t first = begin + 3;
    const std::size_t second = first + 5;
    if (digits_at(text, begin) != 3 || second >= text.size() || !is_separator(text[first]) ||
        text[second] != text[first] || digits_at(text, first + 1) != 4 || digits_at(text, second + 1) != 4 ||
        !ends_group(text, second + 5)) {
        return 0;
    }
    std::string digits(text.substr(begin, 3));
    digits.append(text.substr(first + 1, 4)).append(text.substr(second + 1, 4));
    return is_mobile(digits) ? 13 : 0;
}

// A mobile number at @p begin, whole (13812345678) or, when @p may_group, grouped: its length, or 0.
std::size_t mobile_at(std::string_view text, std::size_t begin, bool may_group) {
    const std::size_t run = digits_at(text, begin);
    if (run == 11 && (begin + 11 == text.size() || !is_alnum(text[begin + 11])) && is_mobile(text.substr(begin, 11))) {
        return 11;
    }
    return may_group ? grouped_mobile(text, begin) : 0;
}

// "+86" and a mobile number at @p plus (the '+'), with or without one separator: its length, or 0.
std::size_t international_mobile_at(std::string_view text, std::size_t plus) {
    if (text.substr(plus, 3) != "+86") return 0;
    std::size_t at = plus + 3;
    if (at < text.size() && is_separator(text[at])) ++at;
    const std::size_t length = mobile_at(text, at, true);
    return length == 0 ? 0 : at + length - plus;
}

// The identifier starting at @p begin, the first digit of a run that touches no letter before it,
// or nothing; a grouped one only when the run does not follow a digit and a separator.
std::optional<IdentifierMatch> identifier_at(std::string_view text, std::size_t begin) {
    if (begin > 0 && text[begin - 1] == '+') {
        if (const std::size_t length = international_mobile_at(text, begin - 1)) {
            return IdentifierMatch{IdentifierKind::mobile_phone, begin - 1, length};
        }
    }
    const std::size_t run = digits_at(text, begin);
    // 17 digits and an X: the X belongs to the run.
    const std::size_t stop = begin + run + (run == 17 && begin + 17 < text.size() &&
                                            (text[begin + 17] == 'X' || text[begin + 17] == 'x'));
    const bool whole = stop == text.size() || !is_alnum(text[stop]);
    if (whole && (stop - begin == 18 || stop - begin == 15) && is_citizen_id(text.substr(begin, stop - begin))) {
        return IdentifierMatch{IdentifierKind::citizen_id, begin, stop - begin};
    }
    const bool after_group = begin >= 2 && is_separator(text[begin - 1]) && is_digit(text[begin - 2]);
    if (const std::size_t length = mobile_at(text, begin, !after_group)) {
        return IdentifierMatch{IdentifierKind::mobile_phone, begin, length};
    }
    return std::nullopt;
}

}  // namespace

std::span<const EnumName<IdentifierKind>> enum_names(IdentifierKind) noexcept { return kind_names; }
std::string_view to_string(IdentifierKind kind) noexcept { return enum_name(kind); }

std::optional<IdentifierMatch> find_identifier(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        if (i == 0 || !is_letter(text[i - 1])) {
            if (auto match = identifier_at(text, i)) return match;
        }
        i += digits_at(text, i);
    }
    return std::nullopt;
}

std::string mask_name(std::string_view name) {
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto byte = static_cast<unsigned char>(name[i]);
        const bool starts_character = (byte & 0xC0U) != 0x80U;
        if (!starts_character) {
            if (characters == 1) out += name[i];
            continue;
        }
        ++characters;
        if (characters == 1) {
            out += name[i];
        } else {
            out += '*';
        }
    }
    return characters == 1 ? std::string("*") : out;
}

}  // namespace grassroots
