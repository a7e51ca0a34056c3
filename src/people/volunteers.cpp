// Volunteer service (志愿服务): volunteers, teams, projects, service records and their totals.
#include "grassroots/people/volunteers.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/input_checks.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"
#include "people_support.hpp"

namespace grassroots {

namespace {

using detail::check_date;

// Raw per-entity counts in the period, indexed by whatever a caller maps units to.
struct Counts {
    std::int64_t volunteers = 0;
    std::int64_t active = 0;
    std::int64_t teams = 0;
    std::int64_t projects = 0;
    std::int64_t records = 0;
    double hours = 0;

    Counts& operator+=(const Counts& other) {
        volunteers += other.volunteers;
        active += other.active;
        teams += other.teams;
        projects += other.projects;
        records += other.records;
        hours += other.hours;
        return *this;
    }
};

}  // namespace

VolunteerId VolunteerRegistry::add_volunteer(Volunteer volunteer) {
    if (volunteer.id.empty()) throw InvalidInput("a volunteer needs a registration id");
    if (by_id_.contains(volunteer.id)) throw InvalidInput("volunteer '" + volunteer.id + "' is already registered");
    if (volunteer.name.empty()) throw InvalidInput("volunteer '" + volunteer.id + "' needs a name");
    check_date(volunteer.registered, "volunteer '" + volunteer.id + "': the registration date");
    const auto id = static_cast<std::uint32_t>(volunteers_.size());
    by_id_.emplace(volunteer.id, id);
    volunteers_.push_back(std::move(volunteer));
    return VolunteerId{id};
}

VolunteerTeamId VolunteerRegistry::add_team(VolunteerTeam team) {
    if (team.name.empty()) throw InvalidInput("a volunteer team needs a name");
    check_date(team.founded, "volunteer team '" + team.name + "': the founding date");
    for (const VolunteerTeam& other : teams_) {
        if (other.unit == team.unit && other.name == team.name) {
            throw InvalidInput("unit " + team.unit.str() + " already has a volunteer team '" + team.name + "'");
        }
    }
    teams_.push_back(std::move(team));
    return VolunteerTeamId{static_cast<std::uint32_t>(teams_.size() - 1)};
}

VolunteerProjectId VolunteerRegistry::add_project(VolunteerProject project) {
    if (project.name.empty()) throw InvalidInput("a volunteer project needs a name");
    check_date(project.start, "volunteer project '" + project.name + "': the start date");
    if (project.end) {
        check_date(*project.end, "volunteer project '" + project.name + "': the end date");
        if (*project.end < project.start) {
            throw InvalidInput("volunteer project '" + project.name + "' ends on " + to_string(*project.end) +
                               ", before it starts on " + to_string(project.start));
        }
    }
    if (project.team) check_team(*project.team);
    projects_.push_back(std::move(project));
    return VolunteerProjectId{static_cast<std::uint32_t>(projects_.size() - 1)};
}

void VolunteerRegistry::check_volunteer(VolunteerId id) const {
    if (!id.valid() || id.value() >= volunteers_.size()) {
        throw NotFound("no volunteer with id " + std::to_string(id.value()) + " (the registry has " +
                       std::to_string(volunteers_.size()) + ")");
    }
}

void VolunteerRegistry::check_team(VolunteerTeamId id) const {
    if (!id.valid() || id.value() >= teams_.size()) {
        throw NotFound("no volunteer team with id " + std::to_string(id.value()) + " (the registry has " +
                       std::to_string(teams_.size()) + ")");
    }
}

void VolunteerRegistry::join(VolunteerId volunteer, VolunteerTeamId team) {
    check_volunteer(volunteer);
    check_team(team);
    const std::pair<VolunteerTeamId, VolunteerId> membership{team, volunteer};
    const auto at = std::lower_bound(memberships_.begin(), memberships_.end(), membership);
    if (at == memberships_.end() || *at != membership) memberships_.insert(at, membership);
}

void VolunteerRegistry::record(ServiceRecord service) {
    check_volunteer(service.volunteer);
    const Volunteer& who = volunteers_[service.volunteer.value()];
    if (!service.day.ok()) throw InvalidInput("a service record of volunteer '" + who.id + "' has an invalid day");
    if (!(service.hours > 0 && service.hours <= 24)) {
        throw InvalidInput("a service record of volunteer '" + who.id + "' on " + to_string(service.day) + " has " +
                           detail::number_text(service.hours) + " hours; expected more than 0 and at most 24");
    }
    if (service.day < who.registered) {
        throw InvalidInput("volunteer '" + who.id + "' served on " + to_string(service.day) + ", before registering on " +
                           to_string(who.registered));
    }
    if (service.project) {
        const VolunteerProjectId project = *service.project;
        if (!project.valid() || project.value() >= projects_.size()) {
            throw NotFound("no volunteer project with id " + std::to_string(project.value()) + " (the registry has " +
                           std::to_string(projects_.size()) + ")");
        }
        const VolunteerProject& p = projects_[project.value()];
        if (!p.active_between(service.day, service.day)) {
            throw InvalidInput("volunteer '" + who.id + "' served project '" + p.name + "' on " + to_string(service.day) +
                               ", outside its dates (" + to_string(p.start) + " – " +
                               (p.end ? to_string(*p.end) : std::string("open")) + ")");
        }
    }
    records_.push_back(service);
}

const Volunteer& VolunteerRegistry::volunteer(VolunteerId id) const {
    check_volunteer(id);
    return volunteers_[id.value()];
}

std::optional<VolunteerId> VolunteerRegistry::find_volunteer(std::string_view id) const noexcept {
    const auto found = by_id_.find(std::string(id));
    if (found == by_id_.end()) return std::nullopt;
    return VolunteerId{found->second};
}

std::vector<VolunteerId> VolunteerRegistry::members(VolunteerTeamId team) const {
    check_team(team);
    std::vector<VolunteerId> out;
    for (auto at = std::lower_bound(memberships_.begin(), memberships_.end(), std::pair{team, VolunteerId{0}});
         at != memberships_.end() && at->first == team; ++at) {
        out.push_back(at->second);
    }
    return out;
}

std::vector<VolunteerTeamId> VolunteerRegistry::teams_of(VolunteerId volunteer) const {
    check_volunteer(volunteer);
    std::vector<VolunteerTeamId> out;
    for (const auto& [team, member] : memberships_) {
        if (member == volunteer) out.push_back(team);
    }
    return out;
}

double VolunteerRegistry::hours_of(VolunteerId volunteer, Date first, Date last) const {
    check_volunteer(volunteer);
    detail::check_period(first, last, "hours_of");
    double hours = 0;
    for (const ServiceRecord& r : records_) {
        if (r.volunteer == volunteer && first <= r.day && r.day <= last) hours += r.hours;
    }
    return hours;
}

namespace {

// Calls add(unit, counts, kind, name) once per entity with its contribution in [first, last].
template <class Add>
void walk(const VolunteerRegistry& registry, Date first, Date last, Add&& add) {
    std::vector<bool> active(registry.volunteers().size(), false);
    for (const ServiceRecord& r : registry.records()) {
        if (r.day < first || last < r.day) continue;
        const Volunteer& v = registry.volunteers()[r.volunteer.value()];
        Counts c;
        c.records = 1;
        c.hours = r.hours;
        if (!active[r.volunteer.value()]) {
            active[r.volunteer.value()] = true;
            c.active = 1;
        }
        add(v.unit, c, "volunteer", v.id);
    }
    for (const Volunteer& v : registry.volunteers()) {
        if (v.registered <= last) add(v.unit, Counts{1, 0, 0, 0, 0, 0}, "volunteer", v.id);
    }
    for (const VolunteerTeam& t : registry.teams()) {
        if (t.founded <= last) add(t.unit, Counts{0, 0, 1, 0, 0, 0}, "volunteer team", t.name);
    }
    for (const VolunteerProject& p : registry.projects()) {
        if (p.active_between(first, last)) add(p.unit, Counts{0, 0, 0, 1, 0, 0}, "volunteer project", p.name);
    }
}

VolunteerTotals totals_row(DivisionCode unit, const Counts& c) {
    return VolunteerTotals{unit, c.volunteers, c.active, c.teams, c.projects, c.records, c.hours};
}

}  // namespace

std::vector<VolunteerTotals> VolunteerRegistry::totals(Date first, Date last) const {
    detail::check_period(first, last, "volunteer totals");
    std::map<DivisionCode, Counts> by_unit;
    walk(*this, first, last, [&](DivisionCode unit, const Counts& c, const char*, const std::string&) { by_unit[unit] += c; });
    std::vector<VolunteerTotals> out;
    out.reserve(by_unit.size());
    for (const auto& [unit, c] : by_unit) out.push_back(totals_row(unit, c));
    return out;
}

std::vector<VolunteerTotals> VolunteerRegistry::totals(const DivisionTree& tree, Date first, Date last) const {
    detail::check_period(first, last, "volunteer totals");
    const std::size_t n = tree.size();
    std::vector<std::int64_t> volunteers(n, 0), active(n, 0), teams(n, 0), projects(n, 0), records(n, 0);
    std::vector<double> hours(n, 0);
    walk(*this, first, last, [&](DivisionCode unit, const Counts& c, const char* kind, const std::string& name) {
        const std::optional<DivisionId> id = tree.find(unit);
        if (!id) throw NotFound(std::string(kind) + " '" + name + "' belongs to unit " + unit.str() + ", which is not in the division tree");
        const std::size_t i = id->value();
        volunteers[i] += c.volunteers;
        active[i] += c.active;
        teams[i] += c.teams;
        projects[i] += c.projects;
        records[i] += c.records;
        hours[i] += c.hours;
    });
    detail::rollup_columns(tree, {&volunteers, &active, &teams, &projects, &records});
    hours = tree.rollup(std::span<const double>(hours));
    std::vector<VolunteerTotals> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const DivisionId id{static_cast<std::uint32_t>(i)};
        out.push_back(VolunteerTotals{tree.code(id), volunteers[i], active[i], teams[i], projects[i], records[i], hours[i]});
    }
    return out;
}

}  // namespace grassroots
