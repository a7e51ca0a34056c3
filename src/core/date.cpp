#include "grassroots/core/date.hpp"

#include <cstdio>

#include "grassroots/error.hpp"

namespace grassroots {

Date make_date(int year, unsigned month, unsigned day) {
    const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok() || year < 1 || year > 9999) {
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
        throw InvalidInput(std::string("date ") + text + " does not exist");
    }
    return date;
}

Date parse_date(std::string_view text) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                throw InvalidInput("date '" + std::string(text) + "' is not YYYY-MM-DD");
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        throw InvalidInput("date '" + std::string(text) + "' is not YYYY-MM-DD");
    }
    return make_date(digits(0, 4), static_cast<unsigned>(digits(5, 2)), static_cast<unsigned>(digits(8, 2)));
}

std::string to_string(Date date) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

int years_between(Date birth, Date on) {
    int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
    if (std::chrono::month_day{on.month(), on.day()} < std::chrono::month_day{birth.month(), birth.day()}) {
        --years;
    }
    return years;
}

Date add_years(Date date, int years) {
    Date moved = date + std::chrono::years{years};
    if (!moved.ok()) {
        moved = moved.year() / moved.month() / std::chrono::last;  // 29 February → 28 February
    }
    return moved;
}

}  // namespace grassroots
