/// @file meeting.hpp
/// @brief Meetings of the chain: may it be held (quorum), did the motion pass, must it be convened.
///
/// All shares are compared in integers with the law's wording: "过半数" (more than half) is strict,
/// "以上" (… or more) includes the boundary. Exactly half present is not a quorum for a residents'
/// meeting; exactly two thirds of the members is one for a villagers' representatives' assembly.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief Which body meets.
enum class MeetingKind : std::uint8_t {
    residents_meeting,                   ///< 居民会议
    residents_representatives_assembly,  ///< 居民代表会议 (2025 revision, in force 2026-01-01)
    villagers_meeting,                   ///< 村民会议
    villagers_representatives_assembly,  ///< 村民代表会议
};

/// @brief Who the residents' or villagers' meeting is made of (law art. 9 / art. 22).
enum class AttendanceBase : std::uint8_t {
    all_adults,             ///< all residents aged 18 or over (全体十八周岁以上的居民)
    households,             ///< one representative per household (每户派代表)
    group_representatives,  ///< the representatives elected by each group (居民小组选举代表二至三人)
};

/// @brief Every MeetingKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<MeetingKind>> enum_names(MeetingKind) noexcept;
/// @brief Every AttendanceBase with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<AttendanceBase>> enum_names(AttendanceBase) noexcept;
/// @brief "residents_meeting", "residents_representatives_assembly", "villagers_meeting" or
/// "villagers_representatives_assembly".
[[nodiscard]] std::string_view to_string(MeetingKind kind) noexcept;
/// @brief "all_adults", "households" or "group_representatives".
[[nodiscard]] std::string_view to_string(AttendanceBase base) noexcept;
/// @brief 居民会议, 居民代表会议, 村民会议, 村民代表会议.
[[nodiscard]] std::string_view chinese_name(MeetingKind kind) noexcept;
/// @brief 全体十八周岁以上的居民, 每户派代表 or 居民小组选举的代表.
[[nodiscard]] std::string_view chinese_name(AttendanceBase base) noexcept;

/// @brief A meeting as it happened: who came and who voted for the motion.
struct MeetingRecord {
    MeetingKind kind = MeetingKind::residents_meeting;  ///< Which body.
    AttendanceBase base = AttendanceBase::all_adults;   ///< For residents'/villagers' meetings; ignored by assemblies.
    Date date{};                                        ///< The day it met.
    std::string motion;                                 ///< What was put to the vote (may be empty).
    std::vector<PersonId> attendees;                    ///< Who was present.
    std::vector<PersonId> votes_for;                    ///< Who voted for the motion (all present).
};

/// @brief The outcome: the numbers behind quorum and vote, and the rules applied.
struct MeetingResult {
    std::int64_t base = 0;              ///< Size of the body (adults, households, representatives, members).
    std::int64_t present = 0;           ///< Attendees counted.
    std::int64_t required_present = 0;  ///< Smallest attendance that is a quorum.
    bool quorate = false;               ///< May the meeting be held.
    std::int64_t votes_for = 0;         ///< Votes for the motion.
    std::int64_t required_votes = 0;    ///< Smallest number of votes that passes it (of those present).
    bool passed = false;                ///< Quorate and enough votes.
    std::string quorum_rule;            ///< Rule id used for the quorum.
    std::string decision_rule;          ///< Rule id used for the vote.
    bool rules_verified = true;         ///< False when either rule is an unverified default or overridden.
    std::string explanation;            ///< One line in plain words.
};

/// @brief Decides quorum and vote for @p record of @p chain under @p rules.
///
/// Throws InvalidInput when the meeting does not fit the chain (a villagers' meeting of a residents'
/// committee, a residents' representatives' assembly before the 2025 revision, a base a body does
/// not have), an attendee is not eligible (a minor at an all-adults meeting or for a household, two
/// people of one household, a non-member), a person is listed twice, or a voter was not present; NotFound for an
/// unknown person.
[[nodiscard]] MeetingResult hold_meeting(const AutonomyChain& chain, const RuleSet& rules, const MeetingRecord& record);

/// @brief A request to convene a meeting (提议召集), by people, households or groups.
struct ConveningRequest {
    MeetingKind kind = MeetingKind::residents_meeting;  ///< The meeting asked for.
    Date date{};                                        ///< When the request was made.
    std::vector<PersonId> residents;                    ///< Adults who signed.
    std::vector<std::uint32_t> households;              ///< Household numbers that asked.
    std::vector<GroupId> groups;                        ///< Groups that asked.
    std::vector<PersonId> representatives;              ///< Representatives who signed.
};

/// @brief Whether the committee must convene, and by which criterion.
struct ConveningResult {
    bool must_convene = false;  ///< At least one criterion is met.
    std::string met_rule;       ///< Id of the first criterion met (empty if none).
    std::string explanation;    ///< Each criterion with its numbers.
};

/// @brief Applies the convening rights: residents' meeting ≥ 1/5 adults, ≥ 1/5 households or
/// ≥ 1/3 groups; villagers' meeting ≥ 1/10 villagers or ≥ 1/3 representatives; assemblies ≥ 1/5
/// representatives. Throws like hold_meeting() for ineligible or unknown requesters.
[[nodiscard]] ConveningResult check_convening(const AutonomyChain& chain, const RuleSet& rules,
                                              const ConveningRequest& request);

}  // namespace grassroots
