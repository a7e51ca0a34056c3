/// @file deadline.hpp
/// @brief Deadlines of closed loops: elapsed hours (emergencies), working hours, working days.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief How a deadline's clock runs.
enum class DeadlineKind : std::uint8_t {
    elapsed,        ///< wall-clock time, day and night (e.g. emergencies within 2 h)
    working_hours,  ///< only during working hours of working days (e.g. 24 working hours)
    working_days,   ///< whole working days, due at close of business (e.g. 7 working days)
};

/// @brief Every DeadlineKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<DeadlineKind>> enum_names(DeadlineKind) noexcept;
/// @brief "elapsed", "working_hours" or "working_days".
[[nodiscard]] std::string_view to_string(DeadlineKind kind) noexcept;
/// @brief 自然时, 工作时 or 工作日.
[[nodiscard]] std::string_view chinese_name(DeadlineKind kind) noexcept;

/// @brief A time limit, able to say when it is due, how much remains and by how much it is overdue.
///
/// Working-days deadlines fall due at close of business (the end of the last working period) of the
/// n-th working day after the start's CST date. remaining() and overdue_by() measure in the
/// deadline's own clock: wall-clock time for elapsed deadlines, working time for the others.
class Deadline {
public:
    /// @brief @p amount of wall-clock time; throws InvalidInput unless positive.
    [[nodiscard]] static Deadline elapsed(std::chrono::minutes amount);
    /// @brief @p amount of working time; throws InvalidInput unless positive.
    [[nodiscard]] static Deadline working_hours(std::chrono::minutes amount);
    /// @brief @p days working days; throws InvalidInput unless positive.
    [[nodiscard]] static Deadline working_days(std::int64_t days);

    [[nodiscard]] DeadlineKind kind() const noexcept { return kind_; }  ///< Which clock.
    /// @brief Minutes for elapsed and working-hours deadlines, days for working-days ones.
    [[nodiscard]] std::int64_t amount() const noexcept { return amount_; }
    /// @brief "2 hours", "24 working hours", "7 working days".
    [[nodiscard]] std::string to_string() const;

    /// @brief When a case started at @p start is due.
    [[nodiscard]] Instant due(const Calendar& calendar, Instant start) const;
    /// @brief Time left at @p now in the deadline's clock; negative when overdue.
    [[nodiscard]] std::chrono::seconds remaining(const Calendar& calendar, Instant start, Instant now) const;
    /// @brief How far past due at @p now, in the deadline's clock; zero when not overdue.
    [[nodiscard]] std::chrono::seconds overdue_by(const Calendar& calendar, Instant start, Instant now) const;
    /// @brief True when @p now is after the due instant.
    [[nodiscard]] bool is_overdue(const Calendar& calendar, Instant start, Instant now) const;

    /// @brief Deadlines compare by kind and amount.
    friend bool operator==(const Deadline&, const Deadline&) = default;

private:
    Deadline(DeadlineKind kind, std::int64_t amount) noexcept : kind_(kind), amount_(amount) {}
    DeadlineKind kind_;
    std::int64_t amount_;
};

}  // namespace grassroots
