#include "grassroots/calendar/deadline.hpp"

#include <array>

#include "grassroots/error.hpp"

namespace grassroots {

using std::chrono::seconds;

namespace {

constexpr std::array<EnumName<DeadlineKind>, 3> deadline_kind_names{{
    {DeadlineKind::elapsed, "elapsed", "自然时", "wall-clock time, day and night (e.g. emergencies within 2 h)"},
    {DeadlineKind::working_hours, "working_hours", "工作时", "only during working hours of working days"},
    {DeadlineKind::working_days, "working_days", "工作日", "whole working days, due at close of business"},
}};

}  // namespace

std::span<const EnumName<DeadlineKind>> enum_names(DeadlineKind) noexcept { return deadline_kind_names; }
std::string_view to_string(DeadlineKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(DeadlineKind kind) noexcept { return enum_chinese_name(kind); }

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
