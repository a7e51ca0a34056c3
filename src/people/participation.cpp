// Residents taking part: party members registered where they live (党员回家) and community social
// organisations (社区社会组织) with the share of households taking part.
#include "grassroots/people/participation.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"
#include "people_support.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<SocialOrganisationKind>, 6> kind_table{{
    {SocialOrganisationKind::life_service, "life_service", "生活服务类", "life services"},
    {SocialOrganisationKind::public_welfare, "public_welfare", "公益慈善类", "public welfare and charity"},
    {SocialOrganisationKind::mutual_aid, "mutual_aid", "居民互助类", "residents' mutual aid"},
    {SocialOrganisationKind::culture_sports, "culture_sports", "文体娱乐类", "culture, sports and recreation"},
    {SocialOrganisationKind::mediation, "mediation", "专业调处类", "professional mediation"},
    {SocialOrganisationKind::other, "other", "其他", "any other kind"},
}};

constexpr Date open_end{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

bool overlap(const PartyMemberRegistration& a, const PartyMemberRegistration& b) {
    return a.registered <= b.ended.value_or(open_end) && b.registered <= a.ended.value_or(open_end);
}

// The tree id of @p unit; throws NotFound naming @p what.
std::size_t tree_index(const DivisionTree& tree, DivisionCode unit, const std::string& what) {
    const std::optional<DivisionId> id = tree.find(unit);
    if (!id) throw NotFound(what + " is in unit " + unit.str() + ", which is not in the division tree");
    return id->value();
}

}  // namespace

std::span<const EnumName<SocialOrganisationKind>> enum_names(SocialOrganisationKind) noexcept { return kind_table; }
std::string_view to_string(SocialOrganisationKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(SocialOrganisationKind kind) noexcept { return enum_chinese_name(kind); }
SocialOrganisationKind parse_social_organisation_kind(std::string_view text) {
    return parse_enum<SocialOrganisationKind>(text, "social organisation kind", true);
}

// ---- 党员回家 ---------------------------------------------------------------------------------------

PartyRegistrationId ResidentPartyMembers::add(PartyMemberRegistration registration) {
    if (registration.member.empty()) throw InvalidInput("a party member registration names no member");
    const std::string who = "party member '" + registration.member + "'";
    if (registration.organisation.empty()) throw InvalidInput(who + " names no party organisation of origin");
    if (registration.community.level() != Level::village) {
        throw InvalidInput(who + " registers with unit " + registration.community.str() + " (" +
                           std::string(to_string(registration.community.level())) +
                           " level); expected a community or village (村级)");
    }
    if (!registration.registered.ok() || (registration.ended && !registration.ended->ok())) {
        throw InvalidInput(who + ": the registration dates must be valid dates");
    }
    if (registration.ended && *registration.ended < registration.registered) {
        throw InvalidInput(who + ": the registration ends on " + to_string(*registration.ended) + ", before it starts on " +
                           to_string(registration.registered));
    }
    for (const PartyMemberRegistration& other : registrations_) {
        if (other.member == registration.member && overlap(other, registration)) {
            throw InvalidInput(who + " is already registered with " + other.community.str() + " from " +
                               to_string(other.registered) + "; one community of residence at a time");
        }
    }
    registrations_.push_back(std::move(registration));
    return PartyRegistrationId{static_cast<std::uint32_t>(registrations_.size() - 1)};
}

void ResidentPartyMembers::end(PartyRegistrationId id, Date ended) {
    if (!id.valid() || id.value() >= registrations_.size()) {
        throw NotFound("no party member registration with id " + std::to_string(id.value()));
    }
    PartyMemberRegistration& r = registrations_[id.value()];
    if (r.ended) throw InvalidInput("the registration of party member '" + r.member + "' has already ended");
    if (!ended.ok() || ended < r.registered) {
        throw InvalidInput("the registration of party member '" + r.member + "' cannot end before it starts on " +
                           to_string(r.registered));
    }
    r.ended = ended;
}

std::vector<UnitCount> ResidentPartyMembers::counts(Date on) const {
    std::map<DivisionCode, std::int64_t> by_unit;
    for (const PartyMemberRegistration& r : registrations_) {
        if (r.active_on(on)) ++by_unit[r.community];
    }
    std::vector<UnitCount> out;
    out.reserve(by_unit.size());
    for (const auto& [unit, count] : by_unit) out.push_back(UnitCount{unit, count});
    return out;
}

std::vector<UnitCount> ResidentPartyMembers::counts(const DivisionTree& tree, Date on) const {
    std::vector<std::int64_t> values(tree.size(), 0);
    for (const PartyMemberRegistration& r : registrations_) {
        const std::size_t i = tree_index(tree, r.community, "the registration of party member '" + r.member + "'");
        if (r.active_on(on)) ++values[i];
    }
    detail::rollup_columns(tree, {&values});
    std::vector<UnitCount> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        out.push_back(UnitCount{tree.code(DivisionId{static_cast<std::uint32_t>(i)}), values[i]});
    }
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> ResidentPartyMembers::counts_by_organisation(Date on) const {
    std::map<std::string, std::int64_t> by_organisation;
    for (const PartyMemberRegistration& r : registrations_) {
        if (r.active_on(on)) ++by_organisation[r.organisation];
    }
    return {by_organisation.begin(), by_organisation.end()};
}

// ---- community social organisations ----------------------------------------------------------------

std::vector<UnitHouseholds> households_of(std::span<const AutonomyChain> chains) {
    std::vector<UnitHouseholds> out;
    out.reserve(chains.size());
    for (const AutonomyChain& chain : chains) out.push_back(UnitHouseholds{chain.unit(), chain.households(), std::nullopt});
    return out;
}

SocialOrganisationId SocialOrganisationRegistry::add(SocialOrganisation organisation) {
    if (organisation.name.empty()) throw InvalidInput("a community social organisation needs a name");
    if (organisation.households_taking_part < 0) {
        throw InvalidInput("community social organisation '" + organisation.name + "' has " +
                           std::to_string(organisation.households_taking_part) + " households taking part");
    }
    for (const SocialOrganisation& other : organisations_) {
        if (other.unit == organisation.unit && other.name == organisation.name) {
            throw InvalidInput("unit " + organisation.unit.str() + " already has a social organisation '" +
                               organisation.name + "'");
        }
    }
    organisations_.push_back(std::move(organisation));
    return SocialOrganisationId{static_cast<std::uint32_t>(organisations_.size() - 1)};
}

const SocialOrganisation& SocialOrganisationRegistry::organisation(SocialOrganisationId id) const {
    if (!id.valid() || id.value() >= organisations_.size()) {
        throw NotFound("no community social organisation with id " + std::to_string(id.value()));
    }
    return organisations_[id.value()];
}

namespace {

// Per-unit sums before any roll-up.
struct UnitParticipation {
    std::int64_t organisations = 0;
    std::int64_t sites = 0;
    std::int64_t summed = 0;  // households summed over organisations
    std::optional<std::int64_t> households;
    std::optional<std::int64_t> distinct;
};

std::map<DivisionCode, UnitParticipation> gather(std::span<const SocialOrganisation> organisations,
                                                 std::span<const UnitHouseholds> households) {
    std::map<DivisionCode, UnitParticipation> by_unit;
    for (const UnitHouseholds& h : households) {
        UnitParticipation& u = by_unit[h.unit];
        if (u.households) throw InvalidInput("unit " + h.unit.str() + " is listed twice in the households");
        if (h.households < 0) {
            throw InvalidInput("unit " + h.unit.str() + " has " + std::to_string(h.households) + " households");
        }
        if (h.participating_households && (*h.participating_households < 0 || *h.participating_households > h.households)) {
            throw InvalidInput("unit " + h.unit.str() + " has " + std::to_string(*h.participating_households) +
                               " households taking part of " + std::to_string(h.households));
        }
        u.households = h.households;
        u.distinct = h.participating_households;
    }
    for (const SocialOrganisation& o : organisations) {
        UnitParticipation& u = by_unit[o.unit];
        ++u.organisations;
        u.sites += o.incubation_site ? 1 : 0;
        u.summed += o.households_taking_part;
    }
    return by_unit;
}

// The households taking part in one unit and whether that is an estimate.
std::pair<std::int64_t, bool> participating(const UnitParticipation& u) {
    if (u.distinct) return {*u.distinct, false};
    const std::int64_t households = u.households.value_or(0);
    return {std::min(u.summed, households), u.summed > 0};
}

std::optional<double> share_of(std::int64_t part, std::int64_t households) {
    if (households <= 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(households);
}

}  // namespace

std::vector<ParticipationShare> SocialOrganisationRegistry::participation(std::span<const UnitHouseholds> households) const {
    std::vector<ParticipationShare> out;
    for (const auto& [unit, u] : gather(organisations_, households)) {
        const auto [part, estimated] = participating(u);
        const std::int64_t total = u.households.value_or(0);
        out.push_back(ParticipationShare{unit, u.organisations, u.sites, total, part, share_of(part, total), estimated});
    }
    return out;
}

std::vector<ParticipationShare> SocialOrganisationRegistry::participation(
    const DivisionTree& tree, std::span<const UnitHouseholds> households) const {
    for (const SocialOrganisation& o : organisations_) {
        (void)tree_index(tree, o.unit, "community social organisation '" + o.name + "'");
    }
    const std::size_t n = tree.size();
    std::vector<std::int64_t> orgs(n, 0), sites(n, 0), total(n, 0), part(n, 0), estimated(n, 0);
    for (const auto& [unit, u] : gather(organisations_, households)) {
        const std::size_t i = tree_index(tree, unit, "a households row");
        const auto [count, guess] = participating(u);
        orgs[i] = u.organisations;
        sites[i] = u.sites;
        total[i] = u.households.value_or(0);
        part[i] = count;
        estimated[i] = guess ? 1 : 0;
    }
    detail::rollup_columns(tree, {&orgs, &sites, &total, &part, &estimated});
    std::vector<ParticipationShare> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(ParticipationShare{tree.code(DivisionId{static_cast<std::uint32_t>(i)}), orgs[i], sites[i], total[i],
                                         part[i], share_of(part[i], total[i]), estimated[i] > 0});
    }
    return out;
}

}  // namespace grassroots
