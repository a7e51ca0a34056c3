/// @file chain.hpp
/// @brief The four-level autonomy chain (四级自治组织链条) of one community or village:
/// committee (居委会/村委会) → subordinate committees (下属委员会) → groups (居民小组/村民小组) →
/// representatives (居民代表/村民代表), with the people, their posts and terms, and the party
/// organisation alongside (党组织).
///
/// The chain records what the law counts: households and adult residents per group (so scale rules
/// and meeting bases can be computed) and the people who hold posts or take part in meetings — not
/// every resident. Every mutator checks its input and changes nothing when it throws.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/autonomy/rules.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/sex.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"

namespace grassroots {

struct PersonIdTag;
struct GroupIdTag;
struct SubordinateCommitteeIdTag;
struct PartyOrganisationIdTag;
struct PostIdTag;
/// @brief A person registered in one chain.
using PersonId = StrongId<PersonIdTag>;
/// @brief A residents' or villagers' group (居民小组 / 村民小组) of one chain.
using GroupId = StrongId<GroupIdTag>;
/// @brief A subordinate committee (下属委员会) of one chain.
using SubordinateCommitteeId = StrongId<SubordinateCommitteeIdTag>;
/// @brief A party organisation (党组织) of one chain.
using PartyOrganisationId = StrongId<PartyOrganisationIdTag>;
/// @brief A post held by a person for a term.
using PostId = StrongId<PostIdTag>;

/// @brief Kinds of subordinate committee (下属委员会), law art. 13 "人民调解、治安保卫、公共卫生等".
enum class SubordinateKind : std::uint8_t {
    mediation,             ///< 人民调解委员会 people's mediation
    public_security,       ///< 治安保卫委员会 public security
    public_health,         ///< 公共卫生委员会 public health
    environment_property,  ///< 环境和物业管理委员会 environment and property management
    social_welfare,        ///< 社会福利委员会 social welfare
    elderly_care,          ///< 养老服务委员会 elderly care
    other,                 ///< a user-defined kind; its name says which
};

/// @brief Kinds of party organisation, top down (社区党委 → 网格党支部 → 楼栋党小组).
enum class PartyOrganisationKind : std::uint8_t {
    party_committee,  ///< 党委 community or village party committee
    general_branch,   ///< 党总支 general party branch
    branch,           ///< 党支部 party branch
    grid_branch,      ///< 网格党支部 grid party branch
    building_group,   ///< 楼栋党小组 building party group
};

/// @brief Kinds of post a person can hold.
enum class PostKind : std::uint8_t {
    director,             ///< 主任 director of the committee
    deputy_director,      ///< 副主任 deputy director
    member,               ///< 委员 committee member
    group_head,           ///< 组长 head of a group (chosen by the group)
    representative,       ///< 居民代表 / 村民代表 elected by a group
    subordinate_head,     ///< head of a subordinate committee
    subordinate_member,   ///< member of a subordinate committee
    duty,                 ///< 分工负责: a committee member carrying a subordinate duty when there is no such committee
    party_secretary,      ///< 书记 secretary of a party organisation
    party_deputy_secretary,  ///< 副书记 deputy secretary
    party_member_post,    ///< 委员 member of a party committee
};

/// @brief Every SubordinateKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<SubordinateKind>> enum_names(SubordinateKind) noexcept;
/// @brief Every PartyOrganisationKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<PartyOrganisationKind>> enum_names(PartyOrganisationKind) noexcept;
/// @brief Every PostKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<PostKind>> enum_names(PostKind) noexcept;
/// @brief The English identifier, e.g. "public_security".
[[nodiscard]] std::string_view to_string(SubordinateKind value) noexcept;
/// @brief The English identifier, e.g. "grid_branch".
[[nodiscard]] std::string_view to_string(PartyOrganisationKind value) noexcept;
/// @brief The English identifier, e.g. "group_head".
[[nodiscard]] std::string_view to_string(PostKind value) noexcept;
/// @brief The Chinese name, e.g. 治安保卫委员会.
[[nodiscard]] std::string_view chinese_name(SubordinateKind value) noexcept;
/// @brief The Chinese name, e.g. 网格党支部.
[[nodiscard]] std::string_view chinese_name(PartyOrganisationKind value) noexcept;
/// @brief The Chinese name, e.g. 组长.
[[nodiscard]] std::string_view chinese_name(PostKind value) noexcept;

/// @brief A person known to the chain: a post holder, a representative, a meeting participant.
struct Person {
    std::string name;                   ///< Name (kept minimal: personal information, PIPL).
    Sex sex = Sex::female;              ///< Sex.
    std::optional<Date> birth_date;     ///< Birth date, to tell adults (18+) on a meeting day.
    std::optional<GroupId> group;       ///< The group the person lives in, if recorded.
    std::uint32_t household = 0;        ///< Household number in the unit (1 … households), 0 if not recorded.
    bool party_member = false;          ///< 党员.
};

/// @brief A residents' group (居民小组) or villagers' group (村民小组) with its roster counts.
struct Group {
    std::string name;                 ///< e.g. 第一居民小组.
    std::int64_t households = 0;      ///< Households in the group.
    std::int64_t adult_residents = 0; ///< Residents aged 18 or over.
};

/// @brief A subordinate committee (下属委员会).
struct SubordinateCommittee {
    SubordinateKind kind = SubordinateKind::other;  ///< What it does.
    std::string name;                               ///< Its name (the Chinese term unless given).
};

/// @brief A party organisation alongside the committee.
struct PartyOrganisation {
    PartyOrganisationKind kind = PartyOrganisationKind::branch;  ///< Its rank.
    std::string name;                                            ///< Its name.
    std::optional<PartyOrganisationId> parent;                   ///< The organisation above it.
};

/// @brief A post held by a person for a term [start, end] (end open while in office).
struct Post {
    PostKind kind = PostKind::member;                       ///< Which post.
    PersonId person;                                         ///< Who holds it.
    Date start{};                                            ///< First day in the post.
    std::optional<Date> end;                                 ///< Last day, if it has ended.
    std::optional<GroupId> group;                            ///< For group heads and representatives.
    std::optional<SubordinateCommitteeId> subordinate;       ///< For subordinate-committee posts.
    std::optional<PartyOrganisationId> party_organisation;   ///< For party posts.
    std::optional<SubordinateKind> duty;                     ///< For duty posts.
    /// @brief True when the post is held on @p on.
    [[nodiscard]] bool active_on(Date on) const noexcept { return start <= on && (!end || on <= *end); }
    /// @brief True for 主任, 副主任 and 委员 of the committee itself.
    [[nodiscard]] bool is_committee_seat() const noexcept {
        return kind == PostKind::director || kind == PostKind::deputy_director || kind == PostKind::member;
    }
};

/// @brief The autonomy chain of one village-level unit: its committee and everything under it.
class AutonomyChain {
public:
    /// @brief A chain for the committee of @p unit (a village-level code) elected on @p elected.
    /// Throws InvalidInput for a unit above village level or an empty name.
    AutonomyChain(CommitteeKind kind, DivisionCode unit, std::string name, Date elected);

    [[nodiscard]] CommitteeKind kind() const noexcept { return kind_; }           ///< 居委会 or 村委会.
    [[nodiscard]] DivisionCode unit() const noexcept { return unit_; }            ///< The community or village.
    [[nodiscard]] const std::string& name() const noexcept { return name_; }      ///< The committee's name.
    [[nodiscard]] Date elected() const noexcept { return elected_; }              ///< Start of the current term.

    /// @brief Registers a person; throws InvalidInput (empty name) or NotFound (unknown group).
    PersonId add_person(Person person);
    /// @brief Adds a group with its roster counts; throws InvalidInput for an empty name, negative
    /// counts or more adults than 10 per household (a sign of swapped columns).
    GroupId add_group(std::string name, std::int64_t households, std::int64_t adult_residents);
    /// @brief Adds a subordinate committee; `other` needs a name, the rest default to the Chinese term.
    SubordinateCommitteeId add_subordinate_committee(SubordinateKind kind, std::string name = {});
    /// @brief Adds a party organisation under @p parent (which must rank above it).
    PartyOrganisationId add_party_organisation(PartyOrganisationKind kind, std::string name,
                                               std::optional<PartyOrganisationId> parent = std::nullopt);

    /// @brief Appoints a director, deputy director or member of the committee.
    PostId appoint(PostKind seat, PersonId person, Date start, std::optional<Date> end = std::nullopt);
    /// @brief Records the head (组长) a group chose.
    PostId appoint_group_head(GroupId group, PersonId person, Date start, std::optional<Date> end = std::nullopt);
    /// @brief Records a representative elected by a group.
    PostId elect_representative(GroupId group, PersonId person, Date start, std::optional<Date> end = std::nullopt);
    /// @brief Appoints the head (or a member) of a subordinate committee.
    PostId appoint_to_subordinate(SubordinateCommitteeId committee, PersonId person, bool head, Date start,
                                  std::optional<Date> end = std::nullopt);
    /// @brief Gives a committee member a subordinate duty (分工负责) when no such committee exists.
    PostId assign_duty(SubordinateKind duty, PersonId person, Date start, std::optional<Date> end = std::nullopt);
    /// @brief Appoints a party secretary, deputy secretary or committee member of an organisation.
    PostId appoint_party_post(PartyOrganisationId organisation, PostKind kind, PersonId person, Date start,
                              std::optional<Date> end = std::nullopt);
    /// @brief Ends a post on @p end; throws InvalidInput if that is before its start or it has ended.
    void end_post(PostId post, Date end);

    [[nodiscard]] std::span<const Person> people() const noexcept { return people_; }  ///< All people, by id.
    [[nodiscard]] std::span<const Group> groups() const noexcept { return groups_; }   ///< All groups, by id.
    /// @brief All subordinate committees, by id.
    [[nodiscard]] std::span<const SubordinateCommittee> subordinate_committees() const noexcept { return subordinates_; }
    /// @brief All party organisations, by id.
    [[nodiscard]] std::span<const PartyOrganisation> party_organisations() const noexcept { return party_; }
    [[nodiscard]] std::span<const Post> posts() const noexcept { return posts_; }  ///< All posts, by id.

    [[nodiscard]] const Person& person(PersonId id) const;  ///< Throws NotFound.
    [[nodiscard]] const Group& group(GroupId id) const;     ///< Throws NotFound.
    [[nodiscard]] const Post& post(PostId id) const;        ///< Throws NotFound.
    /// @brief Throws NotFound.
    [[nodiscard]] const SubordinateCommittee& subordinate_committee(SubordinateCommitteeId id) const;
    /// @brief Throws NotFound.
    [[nodiscard]] const PartyOrganisation& party_organisation(PartyOrganisationId id) const;

    /// @brief Posts of @p kind held on @p on, in id order.
    [[nodiscard]] std::vector<PostId> holders(PostKind kind, Date on) const;
    /// @brief The posts a person holds on @p on (concurrent posts, 兼任).
    [[nodiscard]] std::vector<PostId> posts_of(PersonId person, Date on) const;
    /// @brief True when @p person holds a committee seat (主任/副主任/委员) on @p on; throws NotFound.
    [[nodiscard]] bool is_committee_member(PersonId person, Date on) const;
    /// @brief The director (主任) on @p on, if exactly one.
    [[nodiscard]] std::optional<PersonId> director(Date on) const;
    /// @brief 一肩挑: the director is also secretary of the top party organisation on @p on.
    [[nodiscard]] bool secretary_chairs_committee(Date on) const;

    [[nodiscard]] std::int64_t households() const noexcept;       ///< Sum over groups.
    [[nodiscard]] std::int64_t adult_residents() const noexcept;  ///< Sum over groups.
    /// @brief True when @p person is 18 or older on @p on (unknown birth date: assumed adult).
    [[nodiscard]] bool is_adult(PersonId person, Date on) const;
    /// @brief People, groups, committees, organisations and posts: what validation walks.
    [[nodiscard]] std::size_t entity_count() const noexcept;

private:
    PostId add_post(Post post);
    void check_person(PersonId id) const;
    void check_group(GroupId id) const;

    CommitteeKind kind_;
    DivisionCode unit_;
    std::string name_;
    Date elected_;
    std::vector<Person> people_;
    std::vector<Group> groups_;
    std::vector<SubordinateCommittee> subordinates_;
    std::vector<PartyOrganisation> party_;
    std::vector<Post> posts_;
};

}  // namespace grassroots
