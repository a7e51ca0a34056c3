/// @file participation.hpp
/// @brief Residents taking part: party members registered where they live (党员回家, 到社区报到)
/// and community social organisations (社区社会组织) with the share of households taking part.
///
/// The seed reports 4,294 community social organisations, 46 incubation sites (孵化场所) and 43 % of
/// households taking part in Dongying, and the "党员回家 志愿到家" brand.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"

namespace grassroots {

class AutonomyChain;
class DivisionTree;

/// @brief A count for one unit of the ladder.
struct UnitCount {
    DivisionCode unit;       ///< The unit.
    std::int64_t count = 0;  ///< The count.
    /// @brief Counts compare member by member.
    friend bool operator==(const UnitCount&, const UnitCount&) = default;
};

// ---- 党员回家 ---------------------------------------------------------------------------------------

struct PartyRegistrationIdTag;
/// @brief Dense id of a registration in one ResidentPartyMembers.
using PartyRegistrationId = StrongId<PartyRegistrationIdTag>;

/// @brief A party member registered with the community where they live (党员回家, 到社区报到),
/// while their party organisation (组织关系) stays with their employer.
struct PartyMemberRegistration {
    std::string member;        ///< Member id or name.
    std::string organisation;  ///< The party organisation of origin (所在党组织), e.g. an office's branch.
    DivisionCode community;    ///< The village-level unit of residence.
    Date registered{};         ///< Registration date.
    std::optional<Date> ended; ///< Last day, when they moved away or left.
    /// @brief True when registered on @p on.
    [[nodiscard]] bool active_on(Date on) const noexcept { return registered <= on && (!ended || on <= *ended); }
};

/// @brief The registrations of party members with their communities of residence.
class ResidentPartyMembers {
public:
    /// @brief Adds a registration; throws InvalidInput for an empty member or organisation, a
    /// community above village level, end before start, or a member registered in another community
    /// over overlapping dates (one community of residence at a time).
    PartyRegistrationId add(PartyMemberRegistration registration);
    /// @brief Ends a registration on @p ended; throws NotFound / InvalidInput (before its start, already ended).
    void end(PartyRegistrationId id, Date ended);
    /// @brief Every registration, by id.
    [[nodiscard]] std::span<const PartyMemberRegistration> registrations() const noexcept { return registrations_; }
    /// @brief Members registered on @p on per community, in code order (communities with none left out).
    [[nodiscard]] std::vector<UnitCount> counts(Date on) const;
    /// @brief Members registered on @p on for every unit of @p tree, over its subtree; throws NotFound
    /// naming a registration whose community is not in the tree.
    [[nodiscard]] std::vector<UnitCount> counts(const DivisionTree& tree, Date on) const;
    /// @brief Members registered on @p on per party organisation of origin, by name.
    [[nodiscard]] std::vector<std::pair<std::string, std::int64_t>> counts_by_organisation(Date on) const;

private:
    std::vector<PartyMemberRegistration> registrations_;
};

// ---- community social organisations ----------------------------------------------------------------

/// @brief The kind of a community social organisation (common categories; local lists vary).
enum class SocialOrganisationKind : std::uint8_t {
    life_service,    ///< 生活服务类
    public_welfare,  ///< 公益慈善类
    mutual_aid,      ///< 居民互助类
    culture_sports,  ///< 文体娱乐类
    mediation,       ///< 专业调处类
    other,           ///< 其他
};
/// @brief Every SocialOrganisationKind with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<SocialOrganisationKind>> enum_names(SocialOrganisationKind) noexcept;
/// @brief "life_service", "public_welfare", "mutual_aid", "culture_sports", "mediation", "other".
[[nodiscard]] std::string_view to_string(SocialOrganisationKind kind) noexcept;
/// @brief 生活服务类, 公益慈善类, 居民互助类, 文体娱乐类, 专业调处类, 其他.
[[nodiscard]] std::string_view chinese_name(SocialOrganisationKind kind) noexcept;
/// @brief The kind named in English or Chinese; throws InvalidInput.
[[nodiscard]] SocialOrganisationKind parse_social_organisation_kind(std::string_view text);

struct SocialOrganisationIdTag;
/// @brief Dense id of an organisation in one SocialOrganisationRegistry.
using SocialOrganisationId = StrongId<SocialOrganisationIdTag>;

/// @brief A community social organisation (社区社会组织).
struct SocialOrganisation {
    std::string name;                    ///< Name.
    SocialOrganisationKind kind = SocialOrganisationKind::other;  ///< Kind.
    DivisionCode unit;                   ///< The unit (usually a community) it serves.
    bool incubation_site = false;        ///< It is (or runs) an incubation site (孵化场所/孵化基地).
    std::int64_t households_taking_part = 0;  ///< Households taking part in it.
};

/// @brief Households of a unit (from a roster, the autonomy chain's groups, or a number), and
/// optionally the distinct households taking part in any organisation (from a survey).
struct UnitHouseholds {
    DivisionCode unit;                                  ///< The unit.
    std::int64_t households = 0;                        ///< Households.
    std::optional<std::int64_t> participating_households;  ///< Distinct households taking part, if counted.
};

/// @brief The households of each chain (AutonomyChain::households(), the sum over its groups).
[[nodiscard]] std::vector<UnitHouseholds> households_of(std::span<const AutonomyChain> chains);

/// @brief Organisations and the share of households taking part in one unit.
///
/// participating = the distinct count when given, else the sum over the unit's organisations
/// capped at its households — an upper bound, since a household in two organisations counts twice
/// (`estimated` is then true). share = participating / households (none without households).
struct ParticipationShare {
    DivisionCode unit;                           ///< The unit.
    std::int64_t organisations = 0;              ///< Organisations.
    std::int64_t incubation_sites = 0;           ///< Of which incubation sites.
    std::int64_t households = 0;                 ///< Households (0 when not given).
    std::int64_t participating_households = 0;   ///< Households taking part.
    std::optional<double> share;                 ///< participating / households.
    bool estimated = false;                      ///< True when summed over organisations somewhere.
};

/// @brief The community social organisations of a place.
class SocialOrganisationRegistry {
public:
    /// @brief Adds an organisation; throws InvalidInput for an empty name, a name already used in
    /// the unit, or negative households.
    SocialOrganisationId add(SocialOrganisation organisation);
    /// @brief Every organisation, by id.
    [[nodiscard]] std::span<const SocialOrganisation> organisations() const noexcept { return organisations_; }
    /// @brief The organisation @p id; throws NotFound.
    [[nodiscard]] const SocialOrganisation& organisation(SocialOrganisationId id) const;
    /// @brief One row per unit that has organisations or households, in code order (not rolled up).
    /// Throws InvalidInput for a unit listed twice in @p households, negative households, or more
    /// participating than households.
    [[nodiscard]] std::vector<ParticipationShare> participation(std::span<const UnitHouseholds> households) const;
    /// @brief One row per unit of @p tree, each over its subtree: sums of organisations, sites,
    /// households and participating households (DivisionTree::rollup). Throws NotFound naming an
    /// organisation or household row whose unit is not in the tree, and InvalidInput as above.
    [[nodiscard]] std::vector<ParticipationShare> participation(const DivisionTree& tree,
                                                                std::span<const UnitHouseholds> households) const;

private:
    std::vector<SocialOrganisation> organisations_;
};

}  // namespace grassroots
