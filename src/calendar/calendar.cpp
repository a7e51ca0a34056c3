#include "grassroots/calendar/calendar.hpp"

#include <algorithm>
#include <array>

#include "../core/text_input.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

using std::chrono::sys_days;

const sys_days range_first{std::chrono::year{1949} / 1 / 1};
const sys_days range_last{std::chrono::year{2149} / 12 / 31};
const std::int32_t range_days = static_cast<std::int32_t>((range_last - range_first).count()) + 1;
const std::int32_t epoch_offset = static_cast<std::int32_t>((sys_days{} - range_first).count());  // 1970-01-01

constexpr std::uint8_t working_bit = 1;
constexpr std::uint8_t covered_bit = 2;

bool weekday_is_working(sys_days day) {
    const unsigned weekday = std::chrono::weekday{day}.c_encoding();  // 0 = Sunday
    return weekday != 0 && weekday != 6;
}

template <class Entry>
const Entry* find_override(const std::vector<Entry>& entries, Date date) {
    const auto it = std::lower_bound(entries.begin(), entries.end(), date,
                                     [](const Entry& e, Date d) { return e.first < d; });
    return it != entries.end() && it->first == date ? &*it : nullptr;
}

}  // namespace

namespace {

constexpr std::array<EnumName<DayKind>, 4> day_kind_names{{
    {DayKind::workday, "workday", "工作日", "Monday–Friday, no override"},
    {DayKind::weekend, "weekend", "周末", "Saturday or Sunday, no override"},
    {DayKind::holiday, "holiday", "节假日", "a day off by a notice or local rule"},
    {DayKind::makeup_workday, "makeup_workday", "调休上班", "a weekend day made a working day"},
}};
constexpr std::array<EnumName<UnpublishedYears>, 2> unpublished_years_names{{
    {UnpublishedYears::raise, "raise", "", "raise NotFoundError naming the year (the default)"},
    {UnpublishedYears::weekday_rule, "weekday_rule", "", "answer by the weekday rule; DayInfo.provisional tells"},
}};

}  // namespace

std::span<const EnumName<DayKind>> enum_names(DayKind) noexcept { return day_kind_names; }
std::span<const EnumName<UnpublishedYears>> enum_names(UnpublishedYears) noexcept { return unpublished_years_names; }
std::string_view to_string(DayKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(DayKind kind) noexcept { return enum_chinese_name(kind); }

std::pair<Date, Date> Calendar::range() noexcept { return {Date{range_first}, Date{range_last}}; }

Calendar::Calendar() { rebuild(); }

bool Calendar::is_published(int year) const noexcept {
    return std::any_of(notices_.begin(), notices_.end(), [&](const HolidayNotice& n) { return n.year == year; });
}

std::vector<int> Calendar::published_years() const {
    std::vector<int> years;
    for (const HolidayNotice& n : notices_) years.push_back(n.year);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    return years;
}

bool Calendar::is_covered(Date date) const { return (flags_[static_cast<std::size_t>(index_of(date))] & covered_bit) != 0; }

void Calendar::rebuild() {
    std::vector<std::uint8_t> flags(static_cast<std::size_t>(range_days));
    std::vector<std::int32_t> before(static_cast<std::size_t>(range_days) + 1, 0);
    std::vector<std::int32_t> working_at;
    working_at.reserve(static_cast<std::size_t>(range_days) * 5 / 7 + 64);
    const std::vector<int> years = published_years();
    auto published = [&](int year) { return std::binary_search(years.begin(), years.end(), year); };
    std::size_t next_national = 0;
    std::size_t next_local = 0;
    for (std::int32_t i = 0; i < range_days; ++i) {
        const sys_days day = range_first + std::chrono::days{i};
        const Date date{day};
        while (next_national < national_.size() && national_[next_national].first < date) ++next_national;
        while (next_local < local_.size() && local_[next_local].first < date) ++next_local;
        const bool has_national = next_national < national_.size() && national_[next_national].first == date;
        const bool has_local = next_local < local_.size() && local_[next_local].first == date;
        bool working = weekday_is_working(day);
        if (has_local) {
            working = local_[next_local].second.working;
        } else if (has_national) {
            working = national_[next_national].second.working;
        }
        const int year = static_cast<int>(date.year());
        const bool late_december = date.month() == std::chrono::December && date.day() >= std::chrono::day{29};
        const bool covered = has_local || has_national || (published(year) && (!late_december || published(year + 1)));
        flags[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>((working ? working_bit : 0) | (covered ? covered_bit : 0));
        before[static_cast<std::size_t>(i) + 1] = before[static_cast<std::size_t>(i)] + (working ? 1 : 0);
        if (working) working_at.push_back(i);
    }
    flags_ = std::move(flags);
    before_ = std::move(before);
    working_at_ = std::move(working_at);
    uncovered_before_.assign(static_cast<std::size_t>(range_days) + 1, 0);
    for (std::int32_t i = 0; i < range_days; ++i) {
        uncovered_before_[static_cast<std::size_t>(i) + 1] =
            uncovered_before_[static_cast<std::size_t>(i)] + ((flags_[static_cast<std::size_t>(i)] & covered_bit) ? 0 : 1);
    }
}

std::int32_t Calendar::index_of(Date date) const {
    if (!date.ok()) {
        throw InvalidInput("not a valid date");
    }
    const auto index = static_cast<std::int64_t>((sys_days{date} - range_first).count());
    if (index < 0 || index >= range_days) {
        throw InvalidInput("date " + to_string(date) + " is outside the calendar's range 1949-01-01 … 2149-12-31");
    }
    return static_cast<std::int32_t>(index);
}

void Calendar::check_covered(std::int32_t first, std::int32_t last) const {
    if (policy_ == UnpublishedYears::weekday_rule || first > last) return;
    if (uncovered_before_[static_cast<std::size_t>(last) + 1] == uncovered_before_[static_cast<std::size_t>(first)]) return;
    std::int32_t at = first;
    while (flags_[static_cast<std::size_t>(at)] & covered_bit) ++at;
    const Date date{range_first + std::chrono::days{at}};
    const int year = static_cast<int>(date.year());
    const int missing = is_published(year) ? year + 1 : year;
    throw NotFound("no holiday notice covers " + to_string(date) + ": the " + std::to_string(missing) +
                   " schedule is not published (allow the weekday rule with set_unpublished(weekday_rule) "
                   "for a provisional answer)");
}

DayInfo Calendar::day(Date date) const {
    const std::int32_t i = index_of(date);
    check_covered(i, i);
    DayInfo info;
    info.date = date;
    const std::uint8_t flags = flags_[static_cast<std::size_t>(i)];
    info.working = (flags & working_bit) != 0;
    info.provisional = (flags & covered_bit) == 0;
    const bool weekday = weekday_is_working(sys_days{date});
    const auto* local = find_override(local_, date);
    const auto* national = local == nullptr ? find_override(national_, date) : nullptr;
    const Override* chosen = local != nullptr ? &local->second : (national != nullptr ? &national->second : nullptr);
    if (chosen != nullptr) {
        info.holiday_name = chosen->name;
        info.source = chosen->local ? local_sources_[chosen->notice] : notices_[chosen->notice].source;
    }
    if (info.working) {
        info.kind = weekday ? DayKind::workday : DayKind::makeup_workday;
    } else {
        info.kind = chosen != nullptr ? DayKind::holiday : DayKind::weekend;
    }
    return info;
}

bool Calendar::is_working_day(Date date) const {
    const std::int32_t i = index_of(date);
    check_covered(i, i);
    return (flags_[static_cast<std::size_t>(i)] & working_bit) != 0;
}

std::optional<std::string> Calendar::holiday_name(Date date) const {
    DayInfo info = day(date);
    if (info.holiday_name.empty()) return std::nullopt;
    return std::move(info.holiday_name);
}

Date Calendar::next_working_day(Date date) const { return add_working_days(date, 1); }

Date Calendar::previous_working_day(Date date) const { return add_working_days(date, -1); }

namespace {
[[noreturn]] void beyond_range(Date date, std::int64_t n) {
    throw InvalidInput("adding " + std::to_string(n) + " working days to " + to_string(date) +
                       " leaves the calendar's range 1949-01-01 … 2149-12-31");
}
}  // namespace

Date Calendar::add_working_days(Date date, std::int64_t n) const {
    const std::int32_t i = index_of(date);
    if (n == 0) {
        check_covered(i, i);
        return date;
    }
    std::int64_t rank = 0;
    if (n > 0) {
        rank = static_cast<std::int64_t>(before_[static_cast<std::size_t>(i) + 1]) + n - 1;
        if (rank >= static_cast<std::int64_t>(working_at_.size())) beyond_range(date, n);
    } else {
        rank = static_cast<std::int64_t>(before_[static_cast<std::size_t>(i)]) + n;
        if (rank < 0) beyond_range(date, n);
    }
    const std::int32_t j = working_at_[static_cast<std::size_t>(rank)];
    check_covered(std::min(i, j), std::max(i, j));
    return Date{range_first + std::chrono::days{j}};
}

std::int64_t Calendar::working_days_between(Date start, Date end) const {
    const std::int32_t s = index_of(start);
    const std::int32_t e = index_of(end);
    if (e >= s) {
        check_covered(s, e - 1);
        return before_[static_cast<std::size_t>(e)] - before_[static_cast<std::size_t>(s)];
    }
    check_covered(e, s - 1);
    return -static_cast<std::int64_t>(before_[static_cast<std::size_t>(s)] - before_[static_cast<std::size_t>(e)]);
}

void Calendar::add_working_days(std::span<const std::int32_t> days, std::span<const std::int64_t> n,
                                std::span<std::int32_t> out) const {
    if (n.size() != days.size() && n.size() != 1) {
        throw InvalidInput("add_working_days: " + std::to_string(n.size()) + " offsets for " + std::to_string(days.size()) +
                           " dates (give one offset or one per date)");
    }
    if (out.size() != days.size()) {
        throw InvalidInput("add_working_days: the output has room for " + std::to_string(out.size()) + " dates, not " +
                           std::to_string(days.size()));
    }
    const auto total = static_cast<std::int64_t>(working_at_.size());
    for (std::size_t k = 0; k < days.size(); ++k) {
        const std::int64_t i = static_cast<std::int64_t>(days[k]) + epoch_offset;
        const std::int64_t step = n.size() == 1 ? n[0] : n[k];
        if (i < 0 || i >= range_days) {
            (void)index_of(Date{sys_days{std::chrono::days{days[k]}}});  // throws with the date
        }
        const auto at = static_cast<std::size_t>(i);
        std::int64_t j = i;
        if (step > 0) {
            const std::int64_t rank = before_[at + 1] + step - 1;
            if (rank >= total) beyond_range(Date{sys_days{std::chrono::days{days[k]}}}, step);
            j = working_at_[static_cast<std::size_t>(rank)];
        } else if (step < 0) {
            const std::int64_t rank = before_[at] + step;
            if (rank < 0) beyond_range(Date{sys_days{std::chrono::days{days[k]}}}, step);
            j = working_at_[static_cast<std::size_t>(rank)];
        }
        check_covered(static_cast<std::int32_t>(std::min(i, j)), static_cast<std::int32_t>(std::max(i, j)));
        out[k] = static_cast<std::int32_t>(j - epoch_offset);
    }
}

void Calendar::working_days_between(std::span<const std::int32_t> start, std::span<const std::int32_t> end,
                                    std::span<std::int64_t> out) const {
    if (start.size() != end.size() || out.size() != start.size()) {
        throw InvalidInput("working_days_between: start, end and output need the same length");
    }
    for (std::size_t k = 0; k < start.size(); ++k) {
        const std::int64_t s = static_cast<std::int64_t>(start[k]) + epoch_offset;
        const std::int64_t e = static_cast<std::int64_t>(end[k]) + epoch_offset;
        if (s < 0 || s >= range_days || e < 0 || e >= range_days) {
            out[k] = working_days_between(Date{sys_days{std::chrono::days{start[k]}}}, Date{sys_days{std::chrono::days{end[k]}}});
            continue;  // the scalar form throws with the date
        }
        const auto lo = static_cast<std::int32_t>(std::min(s, e));
        const auto hi = static_cast<std::int32_t>(std::max(s, e));
        check_covered(lo, hi - 1);
        const std::int64_t count = before_[static_cast<std::size_t>(hi)] - before_[static_cast<std::size_t>(lo)];
        out[k] = e >= s ? count : -count;
    }
}

void Calendar::is_working_day(std::span<const std::int32_t> days, std::span<std::uint8_t> out) const {
    if (out.size() != days.size()) {
        throw InvalidInput("is_working_day: the output needs one place per date");
    }
    for (std::size_t k = 0; k < days.size(); ++k) {
        out[k] = is_working_day(Date{sys_days{std::chrono::days{days[k]}}}) ? 1 : 0;
    }
}

void Calendar::add_local(Date date, bool working, std::string name, std::string source) {
    (void)index_of(date);
    if (const auto* existing = find_override(local_, date)) {
        if (existing->second.working != working) {
            throw InvalidInput("local rule for " + to_string(date) + " conflicts with an earlier one (" +
                               (existing->second.working ? "working" : "off") + " vs " + (working ? "working" : "off") + ")");
        }
        return;
    }
    auto source_at = std::find(local_sources_.begin(), local_sources_.end(), source);
    if (source_at == local_sources_.end()) {
        local_sources_.push_back(std::move(source));
        source_at = local_sources_.end() - 1;
    }
    const Override entry{working, std::move(name), static_cast<std::uint32_t>(source_at - local_sources_.begin()), true};
    local_.insert(std::lower_bound(local_.begin(), local_.end(), date,
                                   [](const auto& e, Date d) { return e.first < d; }),
                  {date, entry});
    rebuild();
}

void Calendar::read_local(const std::filesystem::path& file) {
    const std::string text = detail::read_text_file(file);
    detail::CsvReader reader(text, file.filename().string());
    if (!reader.next() || reader.fields().size() != 3 || reader.fields()[0] != "date" || reader.fields()[1] != "working" ||
        reader.fields()[2] != "name") {
        throw InvalidInput("header is not 'date,working,name'", reader.where());
    }
    Calendar trial = *this;  // all or nothing
    while (reader.next()) {
        const auto& f = reader.fields();
        if (f.size() != 3) {
            throw InvalidInput("expected 3 fields (date,working,name), found " + std::to_string(f.size()), reader.where());
        }
        Date date{};
        try {
            date = parse_date(f[0]);
        } catch (const InvalidInput& error) {
            throw InvalidInput(error.problem(), reader.where("date"));
        }
        bool working = false;
        if (f[1] == "1" || f[1] == "true" || f[1] == "work") {
            working = true;
        } else if (!(f[1] == "0" || f[1] == "false" || f[1] == "off")) {
            throw InvalidInput("working '" + std::string(f[1]) + "' is not one of 1/0, true/false, work/off",
                               reader.where("working"));
        }
        try {
            trial.add_local(date, working, std::string(f[2]), file.filename().string());
        } catch (const InvalidInput& error) {
            throw InvalidInput(error.problem(), reader.where("date"));
        }
    }
    *this = std::move(trial);
}

}  // namespace grassroots

namespace grassroots {

using std::chrono::seconds;

Instant Calendar::add_working_time(Instant start, seconds amount) const {
    if (amount < seconds{0}) {
        throw InvalidInput("add_working_time needs a non-negative amount");
    }
    if (amount == seconds{0}) {
        return start;
    }
    const Date day0 = china_date(start);
    const seconds per_day = hours_.per_day();
    const seconds worked = is_working_day(day0) ? hours_.worked_before(china_time_of_day(start)) : per_day;
    const seconds left_today = per_day - worked;
    if (amount <= left_today) {
        return china_time(day0, std::chrono::minutes{0}) + hours_.time_after(worked + amount);
    }
    amount -= left_today;
    // Whole working days, then the rest on the next one; a remainder of zero ends at close.
    std::int64_t days = amount / per_day;
    seconds rest = amount % per_day;
    if (rest == seconds{0}) {
        rest = per_day;
    } else {
        ++days;
    }
    const Date last = add_working_days(day0, days);
    return china_time(last, std::chrono::minutes{0}) + hours_.time_after(rest);
}

seconds Calendar::working_time_between(Instant start, Instant end) const {
    if (end < start) {
        return -working_time_between(end, start);
    }
    const Date first = china_date(start);
    const Date last = china_date(end);
    const seconds at_start = hours_.worked_before(china_time_of_day(start));
    const seconds at_end = hours_.worked_before(china_time_of_day(end));
    if (first == last) {
        return is_working_day(first) ? at_end - at_start : seconds{0};
    }
    seconds total{0};
    if (is_working_day(first)) total += hours_.per_day() - at_start;
    const Date after_first{std::chrono::sys_days{first} + std::chrono::days{1}};
    total += working_days_between(after_first, last) * seconds{hours_.per_day()};
    if (is_working_day(last)) total += at_end;
    return total;
}

}  // namespace grassroots
