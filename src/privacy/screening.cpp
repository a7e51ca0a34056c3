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

bool is_mobile(std::string_view digits) {
    return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

bool is_citizen_id(std::string_view text) {
    // The birth date may be any real day up to 2099: screening is about the form, not the clock.
    static const Date latest{std::chrono::year{2099}, std::chrono::month{12}, std::chrono::day{31}};
    try {
        (void)CitizenId::parse(text, latest);
        return true;
    } catch (const InvalidInput&) {
        return false;
    }
}

}  // namespace

std::span<const EnumName<IdentifierKind>> enum_names(IdentifierKind) noexcept { return kind_names; }
std::string_view to_string(IdentifierKind kind) noexcept { return enum_name(kind); }

std::optional<IdentifierMatch> find_identifier(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_digit(text[end])) ++end;
        const std::size_t begin = i;
        i = end;
        if (begin > 0 && is_letter(text[begin - 1])) {
            continue;
        }
        const std::size_t digits = end - begin;
        // 17 digits and an X: the X belongs to the run.
        std::size_t stop = end;
        if (digits == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) {
            stop = end + 1;
        }
        if (stop < text.size() && is_alnum(text[stop])) {
            continue;
        }
        const std::string_view run = text.substr(begin, stop - begin);
        if (run.size() == 18 && is_citizen_id(run)) {
            return IdentifierMatch{IdentifierKind::citizen_id, begin, run.size()};
        }
        if (is_mobile(run)) {
            return IdentifierMatch{IdentifierKind::mobile_phone, begin, run.size()};
        }
        if (run.size() == 13 && begin > 0 && text[begin - 1] == '+' && run.starts_with("86") &&
            is_mobile(run.substr(2))) {
            return IdentifierMatch{IdentifierKind::mobile_phone, begin - 1, run.size() + 1};
        }
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
