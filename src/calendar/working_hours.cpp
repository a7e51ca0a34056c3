#include "grassroots/calendar/working_hours.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text_input.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

using std::chrono::minutes;
using std::chrono::seconds;
using detail::two_digits;

WorkingHours::WorkingHours(std::vector<WorkingPeriod> periods) : periods_(std::move(periods)) {
    if (periods_.empty()) {
        throw InvalidInput("working hours need at least one period");
    }
    minutes previous_end{0};
    for (std::size_t i = 0; i < periods_.size(); ++i) {
        const WorkingPeriod& p = periods_[i];
        if (p.start < minutes{0} || p.end > minutes{24 * 60} || p.end <= p.start) {
            throw InvalidInput("working period " + std::to_string(i + 1) + " is not a time range within a day");
        }
        if (i > 0 && p.start < previous_end) {
            throw InvalidInput("working period " + std::to_string(i + 1) + " starts before period " + std::to_string(i) +
                               " ends (periods must be in order and not overlap)");
        }
        previous_end = p.end;
        per_day_ += p.end - p.start;
    }
}

WorkingHours WorkingHours::standard() {
    return WorkingHours({{minutes{8 * 60 + 30}, minutes{12 * 60}}, {minutes{13 * 60 + 30}, minutes{17 * 60 + 30}}});
}

WorkingHours WorkingHours::parse(std::string_view text) {
    std::vector<WorkingPeriod> periods;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        const std::string_view part = text.substr(at, comma - at);
        if (part.size() != 11 || part[2] != ':' || part[5] != '-' || part[8] != ':') {
            throw InvalidInput("working hours '" + std::string(text) + "': '" + std::string(part) + "' is not HH:MM-HH:MM");
        }
        const int h1 = two_digits(part, 0, text), m1 = two_digits(part, 3, text);
        const int h2 = two_digits(part, 6, text), m2 = two_digits(part, 9, text);
        if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) {
            throw InvalidInput("working hours '" + std::string(text) + "': '" + std::string(part) + "' has a time out of range");
        }
        periods.push_back({minutes{h1 * 60 + m1}, minutes{h2 * 60 + m2}});
        at = comma + 1;
    }
    return WorkingHours(std::move(periods));
}

seconds WorkingHours::worked_before(seconds time_of_day) const noexcept {
    seconds worked{0};
    for (const WorkingPeriod& p : periods_) {
        const seconds start = p.start;
        const seconds end = p.end;
        worked += std::clamp(time_of_day, start, end) - start;
    }
    return worked;
}

seconds WorkingHours::time_after(seconds worked) const noexcept {
    for (const WorkingPeriod& p : periods_) {
        const seconds length = p.end - p.start;
        if (worked <= length) return seconds{p.start} + worked;
        worked -= length;
    }
    return seconds{close()};
}

std::string WorkingHours::to_string() const {
    std::string text;
    char part[16];
    for (const WorkingPeriod& p : periods_) {
        std::snprintf(part, sizeof part, "%02d:%02d-%02d:%02d", static_cast<int>(p.start.count() / 60),
                      static_cast<int>(p.start.count() % 60), static_cast<int>(p.end.count() / 60),
                      static_cast<int>(p.end.count() % 60));
        if (!text.empty()) text += ',';
        text += part;
    }
    return text;
}

}  // namespace grassroots
