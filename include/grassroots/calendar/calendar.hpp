/// @file calendar.hpp
/// @brief China's working-day calendar (工作日): weekdays, public holidays and make-up working
/// days (调休), from the State Council's yearly notices, with deadline arithmetic.
///
/// A day is a working day when it is Monday–Friday and not a holiday, or a weekend day that a notice
/// makes a working day. Overrides come from the shipped schedule (2019–2026), from holiday-cn JSON
/// files, and from local rules (which take precedence). A year whose notice is not published is
/// never silently guessed: queries about it throw, unless the caller allows the weekday rule, and
/// then day() flags the answer as provisional.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief Why a day is or is not a working day.
enum class DayKind : std::uint8_t {
    workday,         ///< Monday–Friday, no override
    weekend,         ///< Saturday or Sunday, no override
    holiday,         ///< a day off by a notice or local rule (节假日, 放假)
    makeup_workday,  ///< a weekend day made a working day (调休上班)
};

/// @brief Every DayKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<DayKind>> enum_names(DayKind) noexcept;
/// @brief "workday", "weekend", "holiday" or "makeup_workday".
[[nodiscard]] std::string_view to_string(DayKind kind) noexcept;
/// @brief 工作日, 周末, 节假日 or 调休上班.
[[nodiscard]] std::string_view chinese_name(DayKind kind) noexcept;

/// @brief What the calendar says about one day.
struct DayInfo {
    Date date{};                     ///< The day.
    bool working = false;            ///< Is it a working day.
    DayKind kind = DayKind::workday; ///< Why.
    std::string holiday_name;        ///< e.g. 春节 for holidays and their make-up days; empty otherwise.
    bool provisional = false;        ///< True when no notice covers the day (weekday rule only).
    std::string source;              ///< The notice or local rule behind an override; empty otherwise.
};

/// @brief What to do about a year whose notice is not published (2027 today).
enum class UnpublishedYears : std::uint8_t {
    raise,         ///< throw NotFound naming the year (the default)
    weekday_rule,  ///< answer by the weekday rule; DayInfo::provisional tells
};

/// @brief Every UnpublishedYears with its names (Python reads it).
[[nodiscard]] std::span<const EnumName<UnpublishedYears>> enum_names(UnpublishedYears) noexcept;

/// @brief A State Council notice (国务院办公厅关于…部分节假日安排的通知) or another source of overrides.
struct HolidayNotice {
    int year = 0;        ///< The year it arranges.
    std::string title;   ///< Its title.
    std::string source;  ///< Where it was published (URL) or the file it came from.
};

/// @brief The working-day calendar. Immutable queries are thread-safe.
class Calendar {
public:
    /// @brief A calendar with no notices: every year unpublished.
    Calendar();

    /// @brief China's schedule 2019–2026 shipped in the library, with each year's notice.
    [[nodiscard]] static Calendar china();
    /// @brief A calendar from holiday-cn JSON files (one per year); throws InvalidInput (naming the
    /// file) for malformed JSON, a bad date, a date listed twice with conflicting values, or a
    /// year loaded twice. All or nothing.
    [[nodiscard]] static Calendar from_holiday_cn(std::span<const std::filesystem::path> files);
    /// @brief Adds one holiday-cn JSON document (its text); all or nothing, as from_holiday_cn().
    void add_holiday_cn(std::string_view json, std::string_view source);

    /// @brief Adds a local override (a local holiday or working day); it wins over the notices.
    /// Throws InvalidInput when the date already has a local override with another value.
    void add_local(Date date, bool working, std::string name, std::string source = "local rule");
    /// @brief Reads local overrides from `date,working,name` CSV (working: 1/0, true/false,
    /// work/off); all or nothing; errors name the file and row.
    void read_local(const std::filesystem::path& file);

    /// @brief Chooses what queries about unpublished years do.
    void set_unpublished(UnpublishedYears policy) noexcept { policy_ = policy; }
    /// @brief The current policy for unpublished years.
    [[nodiscard]] UnpublishedYears unpublished() const noexcept { return policy_; }
    /// @brief True when the notice for @p year is loaded.
    [[nodiscard]] bool is_published(int year) const noexcept;
    /// @brief The years whose notices are loaded, ascending.
    [[nodiscard]] std::vector<int> published_years() const;
    /// @brief The notices loaded, by year.
    [[nodiscard]] std::span<const HolidayNotice> notices() const noexcept { return notices_; }
    /// @brief True when @p date is covered by a notice: its year's notice is loaded and, from
    /// 29 December on, the next year's too (a New Year arrangement can reach back) — or a loaded
    /// notice lists the date itself.
    [[nodiscard]] bool is_covered(Date date) const;

    /// @brief Everything about one day; throws NotFound for an uncovered day under the raise policy.
    [[nodiscard]] DayInfo day(Date date) const;
    /// @brief Is @p date a working day.
    [[nodiscard]] bool is_working_day(Date date) const;
    /// @brief The holiday's name (e.g. 国庆节), also on its make-up working days; nothing on ordinary days.
    [[nodiscard]] std::optional<std::string> holiday_name(Date date) const;
    /// @brief The first working day after @p date.
    [[nodiscard]] Date next_working_day(Date date) const;
    /// @brief The last working day before @p date.
    [[nodiscard]] Date previous_working_day(Date date) const;
    /// @brief The @p n-th working day after @p date (before it for negative @p n); @p date for 0.
    [[nodiscard]] Date add_working_days(Date date, std::int64_t n) const;
    /// @brief Working days in [start, end); negative when end is before start.
    [[nodiscard]] std::int64_t working_days_between(Date start, Date end) const;

    /// @brief The working-hours schedule (default WorkingHours::standard()).
    [[nodiscard]] const WorkingHours& working_hours() const noexcept { return hours_; }
    /// @brief Replaces the working-hours schedule (a local rule).
    void set_working_hours(WorkingHours hours) { hours_ = std::move(hours); }
    /// @brief The instant at which @p amount of working time after @p start has passed.
    [[nodiscard]] Instant add_working_time(Instant start, std::chrono::seconds amount) const;
    /// @brief Working time between two instants; negative when @p end is before @p start.
    [[nodiscard]] std::chrono::seconds working_time_between(Instant start, Instant end) const;

    /// @brief Bulk add_working_days over days since 1970-01-01 (for vectorised callers).
    void add_working_days(std::span<const std::int32_t> days, std::span<const std::int64_t> n,
                          std::span<std::int32_t> out) const;
    /// @brief Bulk working_days_between over days since 1970-01-01.
    void working_days_between(std::span<const std::int32_t> start, std::span<const std::int32_t> end,
                              std::span<std::int64_t> out) const;
    /// @brief Bulk is_working_day over days since 1970-01-01.
    void is_working_day(std::span<const std::int32_t> days, std::span<std::uint8_t> out) const;

    /// @brief First and last day the calendar can answer for (1949-01-01 … 2149-12-31).
    [[nodiscard]] static std::pair<Date, Date> range() noexcept;

private:
    struct Override {
        bool working;
        std::string name;
        std::uint32_t notice;  // index into notices_, or into local_sources_ for local rules
        bool local;
    };
    void rebuild();
    [[nodiscard]] std::int32_t index_of(Date date) const;  // throws InvalidInput outside range()
    void check_covered(std::int32_t first, std::int32_t last) const;

    std::vector<HolidayNotice> notices_;
    std::vector<std::pair<Date, Override>> national_;  // sorted by date, unique
    std::vector<std::pair<Date, Override>> local_;     // sorted by date, unique
    std::vector<std::string> local_sources_;
    UnpublishedYears policy_ = UnpublishedYears::raise;
    WorkingHours hours_ = WorkingHours::standard();

    // Derived tables over range(), rebuilt when overrides change.
    std::vector<std::int32_t> before_;      // working days before each day index
    std::vector<std::int32_t> working_at_;  // day index of the k-th working day
    std::vector<std::uint8_t> flags_;       // bit 0 working, bit 1 covered
    std::vector<std::int32_t> uncovered_before_;  // uncovered days before each day index
    friend struct CalendarLoader;
};

}  // namespace grassroots
