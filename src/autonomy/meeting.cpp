#include "grassroots/autonomy/meeting.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<MeetingKind>, 4> meeting_kind_names{{
    {MeetingKind::residents_meeting, "residents_meeting", "居民会议", "residents' meeting"},
    {MeetingKind::residents_representatives_assembly, "residents_representatives_assembly", "居民代表会议",
     "residents' representatives assembly (2025 revision, in force 2026-01-01)"},
    {MeetingKind::villagers_meeting, "villagers_meeting", "村民会议", "villagers' meeting"},
    {MeetingKind::villagers_representatives_assembly, "villagers_representatives_assembly", "村民代表会议",
     "villagers' representatives assembly"},
}};
constexpr std::array<EnumName<AttendanceBase>, 3> attendance_base_names{{
    {AttendanceBase::all_adults, "all_adults", "全体十八周岁以上的居民", "all residents aged 18 or over"},
    {AttendanceBase::households, "households", "每户派代表", "one representative per household"},
    {AttendanceBase::group_representatives, "group_representatives", "居民小组选举的代表",
     "2–3 representatives elected per group"},
}};

std::int64_t count_of(std::size_t size) { return static_cast<std::int64_t>(size); }

/// "王芳 (person 12)"; throws NotFound for an unknown person.
std::string describe(const AutonomyChain& chain, PersonId id) {
    const Person& who = chain.person(id);
    return who.name + " (person " + std::to_string(id.value()) + ")";
}

/// "居民会议 (residents_meeting)".
std::string meeting_name(MeetingKind kind) {
    return std::string(chinese_name(kind)) + " (" + std::string(to_string(kind)) + ")";
}

CommitteeKind committee_of(MeetingKind kind) noexcept {
    return kind == MeetingKind::residents_meeting || kind == MeetingKind::residents_representatives_assembly
               ? CommitteeKind::residents
               : CommitteeKind::villagers;
}

bool is_assembly(MeetingKind kind) noexcept {
    return kind == MeetingKind::residents_representatives_assembly ||
           kind == MeetingKind::villagers_representatives_assembly;
}

/// Checks that @p kind can meet in @p chain under @p rules and that @p date is a date.
void check_fits(const AutonomyChain& chain, const RuleSet& rules, MeetingKind kind, Date date, const char* what) {
    if (!date.ok()) {
        throw InvalidInput(std::string("the date of the ") + what + " is not a valid date");
    }
    const CommitteeKind needed = committee_of(kind);
    if (chain.kind() != needed) {
        throw InvalidInput("a " + meeting_name(kind) + " belongs to a " + std::string(chinese_name(needed)) + ", not to " +
                           chain.name() + " (a " + std::string(chinese_name(chain.kind())) + ")");
    }
    if (rules.committee_kind() != chain.kind()) {
        throw InvalidInput("edition '" + rules.id() + "' governs " + std::string(chinese_name(rules.committee_kind())) +
                           ", not " + chain.name() + " (a " + std::string(chinese_name(chain.kind())) + ")");
    }
    if (kind == MeetingKind::residents_representatives_assembly && !rules.has("assembly.quorum")) {
        throw InvalidInput("the " + meeting_name(kind) +
                           " exists from the 2025 revision of the residents' committee law, in force 2026-01-01; "
                           "edition '" +
                           rules.id() + "' has no rule 'assembly.quorum'");
    }
}

bool holds(const AutonomyChain& chain, PersonId person, Date on, PostKind kind) {
    for (const PostId id : chain.posts_of(person, on)) {
        if (chain.post(id).kind == kind) {
            return true;
        }
    }
    return false;
}

/// Members of a representatives' assembly on @p on: everyone holding a committee seat or a
/// representative post that day, each once.
std::unordered_set<PersonId> assembly_members(const AutonomyChain& chain, Date on) {
    std::unordered_set<PersonId> members;
    for (const Post& post : chain.posts()) {
        if (post.active_on(on) && (post.is_committee_seat() || post.kind == PostKind::representative)) {
            members.insert(post.person);
        }
    }
    return members;
}

/// Checks that every id in @p people is registered and listed once; @p role names them in messages.
void check_listed_once(const AutonomyChain& chain, const std::vector<PersonId>& people, const char* role) {
    std::unordered_set<PersonId> seen;
    for (const PersonId id : people) {
        const std::string who = describe(chain, id);
        if (!seen.insert(id).second) {
            throw InvalidInput(std::string(role) + " " + who + " is listed twice");
        }
    }
}

void check_not_above_base(std::int64_t count, std::int64_t base, const std::string& counted, const std::string& base_noun) {
    if (count > base) {
        throw InvalidInput(std::to_string(count) + " " + counted + " listed, but there are only " + std::to_string(base) +
                           " " + base_noun);
    }
}

/// The smallest count that meets @p share of @p base, and at least one: nobody is no meeting.
std::int64_t least(const Threshold& share, std::int64_t base) { return std::max<std::int64_t>(1, share.minimum(base)); }

/// "41 of 80 present (more than 1/2 needs 41)"; @p word may be empty.
std::string share_text(std::int64_t count, std::int64_t base, std::string_view word, const Threshold& share) {
    std::string text = std::to_string(count) + " of " + std::to_string(base);
    if (!word.empty()) {
        text += " ";
        text += word;
    }
    return text + " (" + share.to_string() + " needs " + std::to_string(least(share, base)) + ")";
}

}  // namespace

std::span<const EnumName<MeetingKind>> enum_names(MeetingKind) noexcept { return meeting_kind_names; }
std::span<const EnumName<AttendanceBase>> enum_names(AttendanceBase) noexcept { return attendance_base_names; }
std::string_view to_string(MeetingKind kind) noexcept { return enum_name(kind); }
std::string_view to_string(AttendanceBase base) noexcept { return enum_name(base); }
std::string_view chinese_name(AttendanceBase base) noexcept { return enum_chinese_name(base); }
std::string_view chinese_name(MeetingKind kind) noexcept { return enum_chinese_name(kind); }

MeetingResult hold_meeting(const AutonomyChain& chain, const RuleSet& rules, const MeetingRecord& record) {
    check_fits(chain, rules, record.kind, record.date, "meeting");
    const Date on = record.date;
    const std::string day = to_string(on);

    MeetingResult result;
    result.decision_rule = is_assembly(record.kind) ? "assembly.decision" : "meeting.decision";

    check_listed_once(chain, record.attendees, "attendee");
    result.present = count_of(record.attendees.size());

    if (is_assembly(record.kind)) {
        const auto members = assembly_members(chain, on);
        for (const PersonId id : record.attendees) {
            if (!members.contains(id)) {
                throw InvalidInput("attendee " + describe(chain, id) +
                                   " is neither a committee member nor a representative on " + day);
            }
        }
        result.base = count_of(members.size());
        result.quorum_rule = "assembly.quorum";
    } else {
        switch (record.base) {
            case AttendanceBase::all_adults:
                for (const PersonId id : record.attendees) {
                    if (!chain.is_adult(id, on)) {
                        throw InvalidInput("attendee " + describe(chain, id) + " is under 18 on " + day +
                                           " and cannot attend a meeting of all adults");
                    }
                }
                result.base = chain.adult_residents();
                check_not_above_base(result.present, result.base, "attendees are", "adult residents");
                result.quorum_rule =
                    record.kind == MeetingKind::residents_meeting ? "meeting.quorum" : "meeting.quorum.adults";
                break;
            case AttendanceBase::households: {
                result.base = chain.households();
                std::vector<PersonId> by_household;  // index: household number, value: who came for it
                by_household.resize(static_cast<std::size_t>(std::max<std::int64_t>(result.base, 0)) + 1);
                for (const PersonId id : record.attendees) {
                    const Person& who = chain.person(id);
                    if (!chain.is_adult(id, on)) {
                        throw InvalidInput("attendee " + describe(chain, id) + " is under 18 on " + day +
                                           " and cannot represent a household");
                    }
                    if (who.household == 0) {
                        throw InvalidInput("attendee " + describe(chain, id) + " has no household number");
                    }
                    if (static_cast<std::int64_t>(who.household) > result.base) {
                        throw InvalidInput("attendee " + describe(chain, id) + " is of household " +
                                           std::to_string(who.household) + ", but " + chain.name() + " has " +
                                           std::to_string(result.base) + " households");
                    }
                    PersonId& first = by_household[who.household];
                    if (first.valid()) {
                        throw InvalidInput("attendees " + describe(chain, first) + " and " + describe(chain, id) +
                                           " are both from household " + std::to_string(who.household));
                    }
                    first = id;
                }
                result.quorum_rule =
                    record.kind == MeetingKind::residents_meeting ? "meeting.quorum" : "meeting.quorum.households";
                break;
            }
            case AttendanceBase::group_representatives:
                if (record.kind != MeetingKind::residents_meeting) {
                    throw InvalidInput("a " + meeting_name(record.kind) +
                                       " has no group_representatives base: it is attended by all adults or by one "
                                       "representative per household");
                }
                for (const PersonId id : record.attendees) {
                    if (!holds(chain, id, on, PostKind::representative)) {
                        throw InvalidInput("attendee " + describe(chain, id) + " is not a representative on " + day);
                    }
                }
                result.base = count_of(chain.holders(PostKind::representative, on).size());
                result.quorum_rule = "meeting.quorum";
                break;
            default:
                throw InvalidInput("unknown attendance base " +
                                   std::to_string(static_cast<unsigned>(record.base)));
        }
    }

    check_listed_once(chain, record.votes_for, "voter");
    {
        const std::unordered_set<PersonId> present(record.attendees.begin(), record.attendees.end());
        for (const PersonId id : record.votes_for) {
            if (!present.contains(id)) {
                throw InvalidInput("voter " + describe(chain, id) + " is not among the attendees");
            }
        }
    }
    result.votes_for = count_of(record.votes_for.size());

    const Threshold& quorum = rules.rule(result.quorum_rule).threshold();
    const Threshold& decision = rules.rule(result.decision_rule).threshold();
    result.required_present = least(quorum, result.base);
    result.quorate = result.present > 0 && quorum.met(result.present, result.base);
    result.required_votes = least(decision, result.present);
    const bool enough_votes = result.votes_for > 0 && decision.met(result.votes_for, result.present);
    result.passed = result.quorate && enough_votes;
    const Rule& quorum_rule = rules.rule(result.quorum_rule);
    const Rule& decision_rule = rules.rule(result.decision_rule);
    result.rules_verified = quorum_rule.verified && quorum_rule.override_note.empty() && decision_rule.verified &&
                            decision_rule.override_note.empty();

    result.explanation = share_text(result.present, result.base, "present", quorum);
    result.explanation += result.quorate ? ": quorate; " : ": not quorate; ";
    result.explanation += share_text(result.votes_for, result.present, "for", decision);
    result.explanation += result.passed ? ": passed" : (enough_votes ? ": not passed (no quorum)" : ": not passed");
    return result;
}

ConveningResult check_convening(const AutonomyChain& chain, const RuleSet& rules, const ConveningRequest& request) {
    check_fits(chain, rules, request.kind, request.date, "convening request");
    const Date on = request.date;
    const std::string day = to_string(on);

    struct Criterion {
        std::string rule_id;
        std::string noun;  // what is counted, plural
        std::int64_t count = 0;
        std::int64_t base = 0;
    };
    std::vector<Criterion> criteria;

    const auto refuse_list = [&](bool empty, const char* list) {
        if (!empty) {
            throw InvalidInput("a request to convene a " + meeting_name(request.kind) + " is not made by " + list);
        }
    };
    const auto adults = [&](const char* rule_id) {
        check_listed_once(chain, request.residents, "requester");
        for (const PersonId id : request.residents) {
            if (!chain.is_adult(id, on)) {
                throw InvalidInput("requester " + describe(chain, id) + " is under 18 on " + day);
            }
        }
        const std::int64_t count = count_of(request.residents.size());
        check_not_above_base(count, chain.adult_residents(), "residents are", "adult residents");
        criteria.push_back({rule_id, "adults", count, chain.adult_residents()});
    };
    const auto representatives = [&](const char* rule_id) {
        check_listed_once(chain, request.representatives, "requester");
        for (const PersonId id : request.representatives) {
            if (!holds(chain, id, on, PostKind::representative)) {
                throw InvalidInput("requester " + describe(chain, id) + " is not a representative on " + day);
            }
        }
        criteria.push_back({rule_id, "representatives", count_of(request.representatives.size()),
                            count_of(chain.holders(PostKind::representative, on).size())});
    };

    switch (request.kind) {
        case MeetingKind::residents_meeting: {
            refuse_list(request.representatives.empty(), "representatives");
            adults("meeting.convene.adults");
            const std::int64_t households = chain.households();
            std::unordered_set<std::uint32_t> seen_households;
            for (const std::uint32_t number : request.households) {
                if (number == 0 || static_cast<std::int64_t>(number) > households) {
                    throw InvalidInput("household " + std::to_string(number) + " is not one of the " +
                                       std::to_string(households) + " households of " + chain.name());
                }
                if (!seen_households.insert(number).second) {
                    throw InvalidInput("household " + std::to_string(number) + " is listed twice");
                }
            }
            criteria.push_back({"meeting.convene.households", "households", count_of(request.households.size()),
                                households});
            std::unordered_set<GroupId> seen_groups;
            for (const GroupId group : request.groups) {
                const Group& asking = chain.group(group);
                if (!seen_groups.insert(group).second) {
                    throw InvalidInput("group " + asking.name + " (group " + std::to_string(group.value()) +
                                       ") is listed twice");
                }
            }
            criteria.push_back(
                {"meeting.convene.groups", "groups", count_of(request.groups.size()), count_of(chain.groups().size())});
            break;
        }
        case MeetingKind::villagers_meeting:
            refuse_list(request.households.empty(), "households");
            refuse_list(request.groups.empty(), "groups");
            adults("meeting.convene.villagers");
            representatives("meeting.convene.representatives");
            break;
        case MeetingKind::residents_representatives_assembly:
        case MeetingKind::villagers_representatives_assembly:
            refuse_list(request.residents.empty(), "residents");
            refuse_list(request.households.empty(), "households");
            refuse_list(request.groups.empty(), "groups");
            representatives("assembly.convene.representatives");
            break;
        default:
            throw InvalidInput("unknown meeting kind " + std::to_string(static_cast<unsigned>(request.kind)));
    }

    ConveningResult result;
    for (const Criterion& criterion : criteria) {
        const Threshold& share = rules.rule(criterion.rule_id).threshold();
        const bool met = criterion.base > 0 && criterion.count > 0 && share.met(criterion.count, criterion.base);
        if (!result.explanation.empty()) {
            result.explanation += "; ";
        }
        result.explanation += criterion.noun + ": ";
        result.explanation += criterion.base > 0 ? share_text(criterion.count, criterion.base, "", share) + ": "
                                                 : std::string("none to count: ");
        result.explanation += met ? "met" : "not met";
        if (met && !result.must_convene) {
            result.must_convene = true;
            result.met_rule = criterion.rule_id;
        }
    }
    return result;
}

}  // namespace grassroots
