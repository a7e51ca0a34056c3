#include "grassroots/calendar/deadline.hpp"

#include "grassroots/error.hpp"

namespace grassroots {

using std::chrono::seconds;

std::string_view to_string(DeadlineKind kind) noexcept {
    switch (kind) {
        case DeadlineKind::elapsed: return "elapsed";
        case DeadlineKind::working_hours: return "working_hours";
        case DeadlineKind::working_days: return "working_days";
    }
    return "?";
}

std::string_view chinese_name(DeadlineKind kind) noexcept {
    switch (kind) {
        case DeadlineKind::elapsed: return "自然时";
        case DeadlineKind::working_hours: return "工作时";
        case DeadlineKind::working_days: return "工作日";
    }
    return "?";
}

Deadline Deadline::elapsed(std::chrono::minutes amount) {
    if (amount.count() <= 0) throw InvalidInput("a deadline needs a positive amount of time");
    return {DeadlineKind::elapsed, amount.count()};
}

Deadline Deadline::working_hours(std::chrono::minutes amount) {
    if (amount.count() <= 0) throw InvalidInput("a deadline needs a positive amount of working time");
    return {DeadlineKind::working_hours, amount.count()};
}

Deadline Deadline::working_days(std::int64_t days) {
    if (days <= 0) throw InvalidInput("a deadline needs a positive number of working days, got " + std::to_string(days));
    return {DeadlineKind::working_days, days};
}

namespace {
std::string minutes_text(std::int64_t minutes, const char* unit) {
    if (minutes % 60 == 0) {
        return std::to_string(minutes / 60) + " " + unit + (minutes == 60 ? "" : "s");
    }
    return std::to_string(minutes) + " minutes" + (std::string(unit) == "hour" ? "" : " of working time");
}
}  // namespace

std::string Deadline::to_string() const {
    switch (kind_) {
        case DeadlineKind::elapsed: return minutes_text(amount_, "hour");
        case DeadlineKind::working_hours: return minutes_text(amount_, "working hour");
        case DeadlineKind::working_days: return std::to_string(amount_) + " working day" + (amount_ == 1 ? "" : "s");
    }
    return "?";
}

Instant Deadline::due(const Calendar& calendar, Instant start) const {
    switch (kind_) {
        case DeadlineKind::elapsed: return start + std::chrono::minutes{amount_};
        case DeadlineKind::working_hours: return calendar.add_working_time(start, std::chrono::minutes{amount_});
        case DeadlineKind::working_days:
            return china_time(calendar.add_working_days(china_date(start), amount_), calendar.working_hours().close());
    }
    return start;
}

seconds Deadline::remaining(const Calendar& calendar, Instant start, Instant now) const {
    const Instant at = due(calendar, start);
    return kind_ == DeadlineKind::elapsed ? at - now : calendar.working_time_between(now, at);
}

seconds Deadline::overdue_by(const Calendar& calendar, Instant start, Instant now) const {
    const seconds left = remaining(calendar, start, now);
    return left < seconds{0} ? -left : seconds{0};
}

bool Deadline::is_overdue(const Calendar& calendar, Instant start, Instant now) const {
    return now > due(calendar, start);
}

}  // namespace grassroots
