/// @file working_hours.hpp
/// @brief The daily working-hours schedule (instants are in core/instant.hpp).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/instant.hpp"

namespace grassroots {

/// @brief One working period of a day, in minutes after midnight: [start, end).
struct WorkingPeriod {
    std::chrono::minutes start{};  ///< First minute.
    std::chrono::minutes end{};    ///< Minute after the last.
    /// @brief Periods compare by their ends.
    friend bool operator==(const WorkingPeriod&, const WorkingPeriod&) = default;
};

/// @brief The daily working hours of a working day (a local rule; configurable).
///
/// The default, standard(), is 08:30–12:00 and 13:30–17:30 with a lunch break: 7.5 hours.
class WorkingHours {
public:
    /// @brief Periods in order, not overlapping, within 00:00–24:00; throws InvalidInput.
    explicit WorkingHours(std::vector<WorkingPeriod> periods);
    /// @brief 08:30–12:00 and 13:30–17:30 (a common local rule, not national law).
    [[nodiscard]] static WorkingHours standard();
    /// @brief Parses "08:30-12:00,13:30-17:30"; throws InvalidInput.
    [[nodiscard]] static WorkingHours parse(std::string_view text);

    [[nodiscard]] const std::vector<WorkingPeriod>& periods() const noexcept { return periods_; }  ///< The periods.
    [[nodiscard]] std::chrono::minutes per_day() const noexcept { return per_day_; }  ///< Working time per working day.
    [[nodiscard]] std::chrono::minutes close() const noexcept { return periods_.back().end; }  ///< End of the last period.
    /// @brief Working time of one working day before @p time_of_day.
    [[nodiscard]] std::chrono::seconds worked_before(std::chrono::seconds time_of_day) const noexcept;
    /// @brief The time of day at which @p worked working time of a day has passed (worked ≤ per_day()).
    [[nodiscard]] std::chrono::seconds time_after(std::chrono::seconds worked) const noexcept;
    /// @brief "08:30-12:00,13:30-17:30".
    [[nodiscard]] std::string to_string() const;
    /// @brief Schedules compare by their periods.
    friend bool operator==(const WorkingHours& a, const WorkingHours& b) { return a.periods_ == b.periods_; }

private:
    std::vector<WorkingPeriod> periods_;
    std::chrono::minutes per_day_{};
};

}  // namespace grassroots
