/// @file volunteers.hpp
/// @brief Volunteer service (志愿服务): registered volunteers, teams, projects and service hours,
/// with totals per unit and period rolled up the administrative ladder.
///
/// The seed reports 2,899 volunteer teams (志愿队伍), 563,000 registered volunteers (注册志愿者)
/// and 467 volunteer service projects (志愿服务项目) in Dongying.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"

namespace grassroots {

class DivisionTree;

struct VolunteerIdTag;
struct VolunteerTeamIdTag;
struct VolunteerProjectIdTag;
/// @brief Dense id of a volunteer in one VolunteerRegistry.
using VolunteerId = StrongId<VolunteerIdTag>;
/// @brief Dense id of a team in one VolunteerRegistry.
using VolunteerTeamId = StrongId<VolunteerTeamIdTag>;
/// @brief Dense id of a project in one VolunteerRegistry.
using VolunteerProjectId = StrongId<VolunteerProjectIdTag>;

/// @brief A registered volunteer (注册志愿者).
struct Volunteer {
    std::string id;      ///< Unique registration id.
    std::string name;    ///< Name.
    DivisionCode unit;   ///< The unit (usually a community) where they are registered.
    Date registered{};   ///< Registration date.
};

/// @brief A volunteer team (志愿服务队), e.g. 锦苑社区 "头等大事" 志愿服务队 (the seed).
struct VolunteerTeam {
    std::string name;    ///< Name (unique within its unit).
    DivisionCode unit;   ///< The unit it belongs to.
    Date founded{};      ///< Founding date.
};

/// @brief A volunteer service project (志愿服务项目), run from start to end (inclusive; open while end is empty).
struct VolunteerProject {
    std::string name;                    ///< Name.
    DivisionCode unit;                   ///< The unit that runs it.
    std::optional<VolunteerTeamId> team; ///< The team that runs it, if one.
    Date start{};                        ///< First day.
    std::optional<Date> end;             ///< Last day, if ended.
    /// @brief True when the project runs on some day of [first, last].
    [[nodiscard]] bool active_between(Date first, Date last) const noexcept {
        return start <= last && (!end || first <= *end);
    }
};

/// @brief One stretch of service by one volunteer on one day (志愿服务记录).
struct ServiceRecord {
    VolunteerId volunteer;                     ///< Who.
    std::optional<VolunteerProjectId> project; ///< For which project, if one.
    Date day{};                                ///< When.
    double hours = 0;                          ///< Service hours (0 < hours ≤ 24).
};

/// @brief Volunteer totals of one unit over a period.
///
/// Volunteers and hours count where the volunteer is registered, teams and projects where they
/// belong. Registered volunteers and teams: registered/founded on or before the period's last day;
/// projects: running on some day of the period; active volunteers: with service in the period.
struct VolunteerTotals {
    DivisionCode unit;                    ///< The unit.
    std::int64_t volunteers = 0;          ///< Registered volunteers.
    std::int64_t active_volunteers = 0;   ///< Volunteers who served in the period.
    std::int64_t teams = 0;               ///< Teams.
    std::int64_t projects = 0;            ///< Projects running in the period.
    std::int64_t service_records = 0;     ///< Service records in the period.
    double hours = 0;                     ///< Service hours in the period.
};

/// @brief The volunteers, teams, projects and service records of a place.
class VolunteerRegistry {
public:
    /// @brief Registers a volunteer; throws InvalidInput for an empty or duplicate id, an empty name
    /// or an invalid date.
    VolunteerId add_volunteer(Volunteer volunteer);
    /// @brief Adds a team; throws InvalidInput for an empty name, one already used in the unit, or an invalid date.
    VolunteerTeamId add_team(VolunteerTeam team);
    /// @brief Adds a project; throws InvalidInput for an empty name or end before start, NotFound for an unknown team.
    VolunteerProjectId add_project(VolunteerProject project);
    /// @brief Makes @p volunteer a member of @p team (idempotent); throws NotFound for unknown ids.
    void join(VolunteerId volunteer, VolunteerTeamId team);
    /// @brief Records service; throws NotFound for unknown ids and InvalidInput for hours outside
    /// (0, 24], a day before the volunteer registered or outside the project's dates.
    void record(ServiceRecord service);

    [[nodiscard]] std::span<const Volunteer> volunteers() const noexcept { return volunteers_; }  ///< By id.
    [[nodiscard]] std::span<const VolunteerTeam> teams() const noexcept { return teams_; }        ///< By id.
    [[nodiscard]] std::span<const VolunteerProject> projects() const noexcept { return projects_; }  ///< By id.
    [[nodiscard]] std::span<const ServiceRecord> records() const noexcept { return records_; }    ///< In order recorded.
    /// @brief The volunteer @p id; throws NotFound.
    [[nodiscard]] const Volunteer& volunteer(VolunteerId id) const;
    /// @brief The volunteer with registration id @p id, if any.
    [[nodiscard]] std::optional<VolunteerId> find_volunteer(std::string_view id) const noexcept;
    /// @brief The members of @p team, by volunteer id; throws NotFound.
    [[nodiscard]] std::vector<VolunteerId> members(VolunteerTeamId team) const;
    /// @brief The teams @p volunteer belongs to; throws NotFound.
    [[nodiscard]] std::vector<VolunteerTeamId> teams_of(VolunteerId volunteer) const;
    /// @brief Hours served by @p volunteer in [first, last]; throws NotFound.
    [[nodiscard]] double hours_of(VolunteerId volunteer, Date first, Date last) const;

    /// @brief Totals per unit that has anything, in code order, not rolled up; throws InvalidInput
    /// for first after last.
    [[nodiscard]] std::vector<VolunteerTotals> totals(Date first, Date last) const;
    /// @brief Totals of every unit of @p tree (in tree order), each over its whole subtree
    /// (DivisionTree::rollup). Throws NotFound naming the volunteer, team or project whose unit is
    /// not in the tree, and InvalidInput for first after last.
    [[nodiscard]] std::vector<VolunteerTotals> totals(const DivisionTree& tree, Date first, Date last) const;

private:
    void check_volunteer(VolunteerId id) const;
    void check_team(VolunteerTeamId id) const;
    std::vector<Volunteer> volunteers_;
    std::vector<VolunteerTeam> teams_;
    std::vector<VolunteerProject> projects_;
    std::vector<ServiceRecord> records_;
    std::vector<std::pair<VolunteerTeamId, VolunteerId>> memberships_;  // sorted
    std::unordered_map<std::string, std::uint32_t> by_id_;
};

}  // namespace grassroots
