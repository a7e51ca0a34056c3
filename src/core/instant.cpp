#include "grassroots/core/instant.hpp"

#include <cstdio>

#include "core/text_input.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

using std::chrono::minutes;
using std::chrono::seconds;

Instant china_time(Date date, minutes time_of_day) noexcept {
    return Instant{std::chrono::sys_days{date}} + time_of_day - china_utc_offset;
}

Date china_date(Instant instant) noexcept {
    return Date{std::chrono::floor<std::chrono::days>(instant + china_utc_offset)};
}

seconds china_time_of_day(Instant instant) noexcept {
    const auto local = instant + china_utc_offset;
    return local - std::chrono::floor<std::chrono::days>(local);
}

std::string to_string(Instant instant) {
    const Date date = china_date(instant);
    const auto time = china_time_of_day(instant).count();
    char text[40];
    std::snprintf(text, sizeof text, "%sT%02lld:%02lld:%02lld+08:00", to_string(date).c_str(),
                  static_cast<long long>(time / 3600), static_cast<long long>(time / 60 % 60),
                  static_cast<long long>(time % 60));
    return text;
}

namespace detail {
int two_digits(std::string_view text, std::size_t at, std::string_view whole) {
    if (at + 2 > text.size() || text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9') {
        throw InvalidInput("instant '" + std::string(whole) + "' is not YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]");
    }
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}
}  // namespace detail

using detail::two_digits;

Instant parse_instant(std::string_view text) {
    const auto bad = [&] {
        return InvalidInput("instant '" + std::string(text) + "' is not YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]");
    };
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') throw bad();
    const Date date = parse_date(text.substr(0, 10));
    const int hour = two_digits(text, 11, text);
    const int minute = two_digits(text, 14, text);
    std::size_t at = 16;
    int second = 0;
    if (at < text.size() && text[at] == ':') {
        second = two_digits(text, at + 1, text);
        at += 3;
    }
    if (hour > 23 || minute > 59 || second > 59) {
        throw InvalidInput("instant '" + std::string(text) + "' has a time out of range");
    }
    minutes offset = china_utc_offset;  // no offset: China Standard Time
    if (at < text.size()) {
        if (text[at] == 'Z' && at + 1 == text.size()) {
            offset = minutes{0};
        } else if ((text[at] == '+' || text[at] == '-') && at + 6 == text.size() && text[at + 3] == ':') {
            const int sign = text[at] == '+' ? 1 : -1;
            offset = minutes{sign * (two_digits(text, at + 1, text) * 60 + two_digits(text, at + 4, text))};
        } else {
            throw bad();
        }
    }
    return Instant{std::chrono::sys_days{date}} + std::chrono::hours{hour} + minutes{minute} + seconds{second} - offset;
}

}  // namespace grassroots
