#include "grassroots/autonomy/meeting.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

// The built-in editions, read-only.
const RuleSet& edition(std::string_view id) {
    static const RuleBook book = RuleBook::china();
    return book.edition(id);
}

const Date elected = day(2021, 6, 1);
const Date meeting_day = day(2024, 3, 1);     // under rc-2018 / vc-2018
const Date assembly_day = day(2026, 3, 1);    // under rc-2025

AutonomyChain residents_chain() {
    return AutonomyChain(CommitteeKind::residents, DivisionCode("370502005066"), "锦苑社区居民委员会", elected);
}

AutonomyChain villagers_chain() {
    return AutonomyChain(CommitteeKind::villagers, DivisionCode("370523101201"), "王家村村民委员会", elected);
}

// Registers @p count adults named 居民0, 居民1, …; with @p first_household > 0 each gets its own
// household number first_household, first_household + 1, ….
std::vector<PersonId> add_adults(AutonomyChain& chain, int count, std::uint32_t first_household = 0,
                                 std::optional<GroupId> group = std::nullopt) {
    std::vector<PersonId> out;
    for (int i = 0; i < count; ++i) {
        Person person;
        person.name = "居民" + std::to_string(chain.people().size());
        person.birth_date = day(1980, 1, 1);
        person.group = group;
        person.household = first_household == 0 ? 0U : first_household + static_cast<std::uint32_t>(i);
        out.push_back(chain.add_person(std::move(person)));
    }
    return out;
}

PersonId add_named(AutonomyChain& chain, std::string name, std::optional<Date> birth = day(1980, 1, 1),
                   std::uint32_t household = 0) {
    Person person;
    person.name = std::move(name);
    person.birth_date = birth;
    person.household = household;
    return chain.add_person(std::move(person));
}

std::vector<PersonId> first(const std::vector<PersonId>& people, std::size_t count) {
    return {people.begin(), people.begin() + static_cast<std::ptrdiff_t>(count)};
}

MeetingRecord record(MeetingKind kind, AttendanceBase base, Date on, std::vector<PersonId> attendees,
                     std::vector<PersonId> votes_for) {
    return MeetingRecord{kind, base, on, "加装电梯", std::move(attendees), std::move(votes_for)};
}

MeetingRecord residents_meeting(AttendanceBase base, std::vector<PersonId> attendees, std::vector<PersonId> votes_for) {
    return record(MeetingKind::residents_meeting, base, meeting_day, std::move(attendees), std::move(votes_for));
}

// A residents' committee with 80 adults in 40 households, and 80 registered adults.
struct AdultsFixture {
    AutonomyChain chain = residents_chain();
    std::vector<PersonId> people;
    AdultsFixture() {
        chain.add_group("第一居民小组", 20, 40);
        chain.add_group("第二居民小组", 20, 40);
        people = add_adults(chain, 80);
    }
};

// A residents' committee with three groups, two representatives each on the meeting day, a former
// representative and one elected after the meeting.
struct RepresentativesFixture {
    AutonomyChain chain = residents_chain();
    std::vector<PersonId> representatives;
    PersonId former;
    PersonId later;
    PersonId resident;
    RepresentativesFixture() {
        const GroupId groups[] = {chain.add_group("第一居民小组", 30, 60), chain.add_group("第二居民小组", 30, 60),
                                  chain.add_group("第三居民小组", 30, 60)};
        for (const GroupId group : groups) {
            for (const PersonId person : add_adults(chain, 2, 0, group)) {
                chain.elect_representative(group, person, elected);
                representatives.push_back(person);
            }
        }
        former = add_named(chain, "周前任");
        chain.elect_representative(groups[0], former, elected, day(2023, 12, 31));
        later = add_named(chain, "吴新任");
        chain.elect_representative(groups[1], later, day(2024, 6, 1));
        resident = add_named(chain, "王芳");
    }
};

// ---- names ---------------------------------------------------------------------------------------

TEST(MeetingNames, EnglishAndChinese) {
    EXPECT_EQ(to_string(MeetingKind::residents_meeting), "residents_meeting");
    EXPECT_EQ(to_string(MeetingKind::residents_representatives_assembly), "residents_representatives_assembly");
    EXPECT_EQ(to_string(MeetingKind::villagers_meeting), "villagers_meeting");
    EXPECT_EQ(to_string(MeetingKind::villagers_representatives_assembly), "villagers_representatives_assembly");
    EXPECT_EQ(chinese_name(MeetingKind::residents_meeting), "居民会议");
    EXPECT_EQ(chinese_name(MeetingKind::residents_representatives_assembly), "居民代表会议");
    EXPECT_EQ(chinese_name(MeetingKind::villagers_meeting), "村民会议");
    EXPECT_EQ(chinese_name(MeetingKind::villagers_representatives_assembly), "村民代表会议");
    EXPECT_EQ(to_string(AttendanceBase::all_adults), "all_adults");
    EXPECT_EQ(to_string(AttendanceBase::households), "households");
    EXPECT_EQ(to_string(AttendanceBase::group_representatives), "group_representatives");
}

// ---- residents' meeting --------------------------------------------------------------------------

TEST(MeetingResidents, ExactlyHalfOfAdultsIsNotQuorate) {
    AdultsFixture f;
    const auto present = first(f.people, 40);
    const MeetingResult result =
        hold_meeting(f.chain, edition("rc-2018"), residents_meeting(AttendanceBase::all_adults, present, present));
    EXPECT_EQ(result.base, 80);
    EXPECT_EQ(result.present, 40);
    EXPECT_EQ(result.required_present, 41);
    EXPECT_FALSE(result.quorate);
    EXPECT_EQ(result.votes_for, 40);
    EXPECT_EQ(result.required_votes, 21);
    EXPECT_FALSE(result.passed);
    EXPECT_EQ(result.quorum_rule, "meeting.quorum");
    EXPECT_EQ(result.decision_rule, "meeting.decision");
    EXPECT_EQ(result.explanation,
              "40 of 80 present (more than 1/2 needs 41): not quorate; 40 of 40 for (more than 1/2 needs 21): "
              "not passed (no quorum)");
}

TEST(MeetingResidents, HalfPlusOneIsQuorateAndMoreThanHalfOfPresentPasses) {
    AdultsFixture f;
    const auto present = first(f.people, 41);
    const MeetingResult result = hold_meeting(f.chain, edition("rc-2018"),
                                              residents_meeting(AttendanceBase::all_adults, present, first(present, 21)));
    EXPECT_EQ(result.base, 80);
    EXPECT_EQ(result.present, 41);
    EXPECT_EQ(result.required_present, 41);
    EXPECT_TRUE(result.quorate);
    EXPECT_EQ(result.votes_for, 21);
    EXPECT_EQ(result.required_votes, 21);
    EXPECT_TRUE(result.passed);
    EXPECT_EQ(result.explanation,
              "41 of 80 present (more than 1/2 needs 41): quorate; 21 of 41 for (more than 1/2 needs 21): passed");

    const MeetingResult short_by_one = hold_meeting(
        f.chain, edition("rc-2018"), residents_meeting(AttendanceBase::all_adults, present, first(present, 20)));
    EXPECT_TRUE(short_by_one.quorate);
    EXPECT_FALSE(short_by_one.passed);
    EXPECT_EQ(short_by_one.explanation,
              "41 of 80 present (more than 1/2 needs 41): quorate; 20 of 41 for (more than 1/2 needs 21): not passed");
}

TEST(MeetingResidents, ExactlyHalfOfThosePresentDoesNotPass) {
    AdultsFixture f;
    const auto present = first(f.people, 42);
    const RuleSet& rules = edition("rc-2018");
    const MeetingResult half = hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::all_adults, present, first(present, 21)));
    EXPECT_TRUE(half.quorate);
    EXPECT_EQ(half.required_votes, 22);
    EXPECT_FALSE(half.passed);
    const MeetingResult more = hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::all_adults, present, first(present, 22)));
    EXPECT_TRUE(more.passed);
    const MeetingResult nobody = hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::all_adults, present, {}));
    EXPECT_EQ(nobody.votes_for, 0);
    EXPECT_FALSE(nobody.passed);
}

TEST(MeetingResidents, EmptyMeetingIsNotQuorate) {
    AdultsFixture f;
    const MeetingResult result =
        hold_meeting(f.chain, edition("rc-2018"), residents_meeting(AttendanceBase::all_adults, {}, {}));
    EXPECT_EQ(result.present, 0);
    EXPECT_FALSE(result.quorate);
    EXPECT_EQ(result.required_votes, 1);
    EXPECT_FALSE(result.passed);
    EXPECT_EQ(result.explanation,
              "0 of 80 present (more than 1/2 needs 41): not quorate; 0 of 0 for (more than 1/2 needs 1): not passed");
}

TEST(MeetingResidents, SameRulesUnderEveryEditionAndRulesInForce) {
    AdultsFixture f;
    const auto present = first(f.people, 41);
    const MeetingRecord rec = residents_meeting(AttendanceBase::all_adults, present, first(present, 21));
    EXPECT_TRUE(hold_meeting(f.chain, edition("rc-1989"), rec).passed);
    EXPECT_TRUE(hold_meeting(f.chain, edition("rc-2025"), rec).passed);
    EXPECT_TRUE(hold_meeting(f.chain, rules_in_force(CommitteeKind::residents, meeting_day), rec).passed);
}

TEST(MeetingResidents, MeetingBeforeTheElectionIsAllowed) {
    AdultsFixture f;
    const auto present = first(f.people, 41);
    MeetingRecord rec = residents_meeting(AttendanceBase::all_adults, present, present);
    rec.date = day(2020, 1, 1);
    EXPECT_TRUE(hold_meeting(f.chain, edition("rc-2018"), rec).passed);
}

TEST(MeetingResidents, AdultOnTheEighteenthBirthdayMinorTheDayBefore) {
    AutonomyChain chain = residents_chain();
    chain.add_group("第一居民小组", 2, 3);
    const PersonId adult = add_named(chain, "李成年", day(2006, 3, 1));
    const PersonId minor = add_named(chain, "小明", day(2006, 3, 2));
    const PersonId unknown_age = add_named(chain, "赵某", std::nullopt);
    const RuleSet& rules = edition("rc-2018");
    const MeetingResult result =
        hold_meeting(chain, rules, residents_meeting(AttendanceBase::all_adults, {adult, unknown_age}, {adult, unknown_age}));
    EXPECT_TRUE(result.quorate);  // 2 of 3
    EXPECT_TRUE(result.passed);
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(chain, rules, residents_meeting(AttendanceBase::all_adults, {adult, minor}, {}));
              }),
              "attendee 小明 (person 1) is under 18 on 2024-03-01 and cannot attend a meeting of all adults");
}

TEST(MeetingResidents, MoreAttendeesThanAdultsIsAnError) {
    AutonomyChain chain = residents_chain();
    chain.add_group("第一居民小组", 2, 3);
    const auto people = add_adults(chain, 4);
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(chain, edition("rc-2018"), residents_meeting(AttendanceBase::all_adults, people, {}));
              }),
              "4 attendees are listed, but there are only 3 adult residents");
}

TEST(MeetingResidents, HouseholdsBaseBoundary) {
    AutonomyChain chain = residents_chain();
    chain.add_group("第一居民小组", 60, 120);
    chain.add_group("第二居民小组", 40, 80);
    const auto people = add_adults(chain, 51, 1);  // households 1 … 51
    const RuleSet& rules = edition("rc-2018");
    const MeetingResult half =
        hold_meeting(chain, rules, residents_meeting(AttendanceBase::households, first(people, 50), {}));
    EXPECT_EQ(half.base, 100);
    EXPECT_EQ(half.present, 50);
    EXPECT_EQ(half.required_present, 51);
    EXPECT_FALSE(half.quorate);
    EXPECT_EQ(half.quorum_rule, "meeting.quorum");
    const MeetingResult more = hold_meeting(chain, rules, residents_meeting(AttendanceBase::households, people, first(people, 26)));
    EXPECT_TRUE(more.quorate);
    EXPECT_EQ(more.required_votes, 26);
    EXPECT_TRUE(more.passed);
}

TEST(MeetingResidents, HouseholdsBaseErrors) {
    AutonomyChain chain = residents_chain();
    chain.add_group("第一居民小组", 10, 20);
    const PersonId wang = add_named(chain, "王芳", day(1980, 1, 1), 7);
    const PersonId li = add_named(chain, "李明", day(1982, 1, 1), 7);
    const PersonId none = add_named(chain, "张三");
    const PersonId outside = add_named(chain, "赵四", day(1980, 1, 1), 11);
    const RuleSet& rules = edition("rc-2018");
    const auto hold = [&](std::vector<PersonId> attendees) {
        (void)hold_meeting(chain, rules, residents_meeting(AttendanceBase::households, std::move(attendees), {}));
    };
    EXPECT_EQ(error_message<InvalidInput>([&] { hold({wang, li}); }),
              "attendees 王芳 (person 0) and 李明 (person 1) are both from household 7");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold({none}); }), "attendee 张三 (person 2) has no household number");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold({outside}); }),
              "attendee 赵四 (person 3) is of household 11, but 锦苑社区居民委员会 has 10 households");
}

TEST(MeetingResidents, GroupRepresentativesBaseCountsActivePosts) {
    RepresentativesFixture f;
    const RuleSet& rules = edition("rc-2018");
    const auto& reps = f.representatives;
    const MeetingResult half =
        hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::group_representatives, first(reps, 3), {}));
    EXPECT_EQ(half.base, 6);  // the former and the later representative are not counted
    EXPECT_EQ(half.required_present, 4);
    EXPECT_FALSE(half.quorate);
    const MeetingResult more = hold_meeting(
        f.chain, rules, residents_meeting(AttendanceBase::group_representatives, first(reps, 4), first(reps, 3)));
    EXPECT_TRUE(more.quorate);
    EXPECT_EQ(more.required_votes, 3);
    EXPECT_TRUE(more.passed);
    EXPECT_EQ(more.quorum_rule, "meeting.quorum");
    EXPECT_EQ(more.explanation,
              "4 of 6 present (more than 1/2 needs 4): quorate; 3 of 4 for (more than 1/2 needs 3): passed");
}

TEST(MeetingResidents, NonRepresentativeAtARepresentativesMeeting) {
    RepresentativesFixture f;
    const RuleSet& rules = edition("rc-2018");
    const auto hold = [&](PersonId extra) {
        std::vector<PersonId> attendees = first(f.representatives, 3);
        attendees.push_back(extra);
        (void)hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::group_representatives, attendees, {}));
    };
    EXPECT_EQ(error_message<InvalidInput>([&] { hold(f.resident); }),
              "attendee 王芳 (person 8) is not a representative on 2024-03-01");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold(f.former); }),
              "attendee 周前任 (person 6) is not a representative on 2024-03-01");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold(f.later); }),
              "attendee 吴新任 (person 7) is not a representative on 2024-03-01");
}

// ---- villagers' meeting --------------------------------------------------------------------------

TEST(MeetingVillagers, ExactlyTwoThirdsOfHouseholdsIsAQuorum) {
    AutonomyChain chain = villagers_chain();
    chain.add_group("第一村民小组", 30, 60);
    const auto people = add_adults(chain, 20, 1);
    const RuleSet& rules = edition("vc-2018");
    const auto hold = [&](std::size_t count) {
        const auto present = first(people, count);
        return hold_meeting(chain, rules,
                            record(MeetingKind::villagers_meeting, AttendanceBase::households, meeting_day, present, present));
    };
    const MeetingResult two_thirds = hold(20);
    EXPECT_EQ(two_thirds.base, 30);
    EXPECT_EQ(two_thirds.required_present, 20);
    EXPECT_TRUE(two_thirds.quorate);
    EXPECT_TRUE(two_thirds.passed);
    EXPECT_EQ(two_thirds.quorum_rule, "meeting.quorum.households");
    EXPECT_EQ(two_thirds.decision_rule, "meeting.decision");
    EXPECT_EQ(two_thirds.explanation,
              "20 of 30 present (at least 2/3 needs 20): quorate; 20 of 20 for (more than 1/2 needs 11): passed");
    const MeetingResult one_short = hold(19);
    EXPECT_FALSE(one_short.quorate);
    EXPECT_FALSE(one_short.passed);
}

TEST(MeetingVillagers, MoreThanHalfOfAdultVillagers) {
    AutonomyChain chain = villagers_chain();
    chain.add_group("第一村民小组", 30, 60);
    const auto people = add_adults(chain, 31);
    const RuleSet& rules = edition("vc-2018");
    const auto hold = [&](std::size_t count) {
        return hold_meeting(chain, rules,
                            record(MeetingKind::villagers_meeting, AttendanceBase::all_adults, meeting_day,
                                   first(people, count), {}));
    };
    const MeetingResult half = hold(30);
    EXPECT_EQ(half.base, 60);
    EXPECT_FALSE(half.quorate);
    EXPECT_EQ(half.quorum_rule, "meeting.quorum.adults");
    EXPECT_TRUE(hold(31).quorate);
    EXPECT_TRUE(hold_meeting(chain, edition("vc-2010"),
                             record(MeetingKind::villagers_meeting, AttendanceBase::all_adults, meeting_day, people, people))
                    .passed);
}

TEST(MeetingVillagers, NoGroupRepresentativesBase) {
    AutonomyChain chain = villagers_chain();
    chain.add_group("第一村民小组", 30, 60);
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(chain, edition("vc-2018"),
                                     record(MeetingKind::villagers_meeting, AttendanceBase::group_representatives,
                                            meeting_day, {}, {}));
              }),
              "a 村民会议 (villagers_meeting) has no group_representatives base: it is attended by all adults or by "
              "one representative per household");
}

// ---- representatives' assemblies ---------------------------------------------------------------

// Five committee seats (one of them also a representative), four more representatives: nine
// members on the day; a former member and a former representative who no longer count.
struct AssemblyFixture {
    AutonomyChain chain;
    std::vector<PersonId> members;
    PersonId former_member;
    PersonId former_representative;
    PersonId resident;
    explicit AssemblyFixture(AutonomyChain base) : chain(std::move(base)) {
        const GroupId group = chain.add_group("第一小组", 100, 200);
        const Date start = day(2025, 6, 1);
        members = add_adults(chain, 9, 0, group);
        chain.appoint(PostKind::director, members[0], start);
        chain.appoint(PostKind::deputy_director, members[1], start);
        chain.appoint(PostKind::member, members[2], start);
        chain.appoint(PostKind::member, members[3], start);
        chain.appoint(PostKind::member, members[4], start);
        for (std::size_t i = 4; i < 9; ++i) {
            chain.elect_representative(group, members[i], start);  // members[4] holds both
        }
        former_member = add_named(chain, "钱卸任");
        chain.appoint(PostKind::member, former_member, start, day(2025, 12, 31));
        former_representative = add_named(chain, "孙卸任");
        chain.elect_representative(group, former_representative, start, day(2025, 12, 31));
        resident = add_named(chain, "王芳");
        chain.appoint_group_head(group, resident, start);  // a group head is not a member by that post
    }
};

TEST(MeetingAssembly, ResidentsAssemblyNeedsThe2025Revision) {
    AssemblyFixture f(residents_chain());
    const MeetingRecord rec = record(MeetingKind::residents_representatives_assembly, AttendanceBase::all_adults,
                                     assembly_day, first(f.members, 6), first(f.members, 4));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)hold_meeting(f.chain, edition("rc-2018"), rec); }),
              "the 居民代表会议 (residents_representatives_assembly) exists from the 2025 revision of the residents' "
              "committee law, in force 2026-01-01; edition 'rc-2018' has no rule 'assembly.quorum'");
    EXPECT_THROW((void)hold_meeting(f.chain, edition("rc-1989"), rec), InvalidInput);

    const MeetingResult result = hold_meeting(f.chain, edition("rc-2025"), rec);
    EXPECT_EQ(result.base, 9);
    EXPECT_EQ(result.required_present, 6);
    EXPECT_TRUE(result.quorate);
    EXPECT_EQ(result.required_votes, 4);
    EXPECT_TRUE(result.passed);
    EXPECT_EQ(result.quorum_rule, "assembly.quorum");
    EXPECT_EQ(result.decision_rule, "assembly.decision");
    EXPECT_EQ(result.explanation,
              "6 of 9 present (at least 2/3 needs 6): quorate; 4 of 6 for (more than 1/2 needs 4): passed");
    EXPECT_TRUE(hold_meeting(f.chain, rules_in_force(CommitteeKind::residents, assembly_day), rec).passed);
}

TEST(MeetingAssembly, ExactlyTwoThirdsOfMembersIsAQuorumForVillagers) {
    AssemblyFixture f(villagers_chain());
    const RuleSet& rules = edition("vc-2018");
    const auto hold = [&](std::size_t present, std::size_t votes) {
        // the record's base is ignored for an assembly
        return hold_meeting(f.chain, rules,
                            record(MeetingKind::villagers_representatives_assembly, AttendanceBase::households,
                                   assembly_day, first(f.members, present), first(f.members, votes)));
    };
    const MeetingResult two_thirds = hold(6, 3);
    EXPECT_EQ(two_thirds.base, 9);
    EXPECT_TRUE(two_thirds.quorate);
    EXPECT_FALSE(two_thirds.passed);  // 3 of 6 is exactly half
    EXPECT_TRUE(hold(6, 4).passed);
    const MeetingResult one_short = hold(5, 5);
    EXPECT_FALSE(one_short.quorate);
    EXPECT_FALSE(one_short.passed);
    EXPECT_EQ(one_short.explanation,
              "5 of 9 present (at least 2/3 needs 6): not quorate; 5 of 5 for (more than 1/2 needs 3): not passed "
              "(no quorum)");
}

TEST(MeetingAssembly, AttendeesMustBeMembers) {
    AssemblyFixture f(villagers_chain());
    const RuleSet& rules = edition("vc-2018");
    const auto hold = [&](PersonId extra) {
        std::vector<PersonId> attendees = first(f.members, 5);
        attendees.push_back(extra);
        (void)hold_meeting(f.chain, rules,
                           record(MeetingKind::villagers_representatives_assembly, AttendanceBase::all_adults,
                                  assembly_day, attendees, {}));
    };
    EXPECT_EQ(error_message<InvalidInput>([&] { hold(f.resident); }),
              "attendee 王芳 (person 11) is neither a committee member nor a representative on 2026-03-01");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold(f.former_member); }),
              "attendee 钱卸任 (person 9) is neither a committee member nor a representative on 2026-03-01");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold(f.former_representative); }),
              "attendee 孙卸任 (person 10) is neither a committee member nor a representative on 2026-03-01");
}

// ---- errors --------------------------------------------------------------------------------------

TEST(MeetingErrors, PeopleListedTwiceUnknownOrNotPresent) {
    AdultsFixture f;
    const RuleSet& rules = edition("rc-2018");
    const auto hold = [&](std::vector<PersonId> attendees, std::vector<PersonId> votes) {
        (void)hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::all_adults, std::move(attendees), std::move(votes)));
    };
    const PersonId a = f.people[0];
    const PersonId b = f.people[1];
    const PersonId c = f.people[2];
    EXPECT_EQ(error_message<InvalidInput>([&] { hold({a, b, a}, {}); }), "attendee 居民0 (person 0) is listed twice");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold({a, b}, {b, b}); }), "voter 居民1 (person 1) is listed twice");
    EXPECT_EQ(error_message<InvalidInput>([&] { hold({a, b}, {a, c}); }),
              "voter 居民2 (person 2) is not among the attendees");
    EXPECT_EQ(error_message<NotFound>([&] { hold({a, PersonId{999}}, {}); }),
              "person 999 is not registered in 锦苑社区居民委员会");
    EXPECT_EQ(error_message<NotFound>([&] { hold({a}, {PersonId{}}); }),
              "person (invalid) is not registered in 锦苑社区居民委员会");
}

TEST(MeetingErrors, MeetingMustFitTheCommittee) {
    AutonomyChain residents = residents_chain();
    residents.add_group("第一居民小组", 10, 20);
    AutonomyChain villagers = villagers_chain();
    villagers.add_group("第一村民小组", 10, 20);
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(residents, edition("vc-2018"),
                                     record(MeetingKind::villagers_meeting, AttendanceBase::all_adults, meeting_day, {}, {}));
              }),
              "a 村民会议 (villagers_meeting) belongs to a 村民委员会, not to 锦苑社区居民委员会 (a 居民委员会)");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(villagers, edition("rc-2025"),
                                     record(MeetingKind::residents_representatives_assembly, AttendanceBase::all_adults,
                                            assembly_day, {}, {}));
              }),
              "a 居民代表会议 (residents_representatives_assembly) belongs to a 居民委员会, not to 王家村村民委员会 (a "
              "村民委员会)");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(residents, edition("vc-2018"),
                                     residents_meeting(AttendanceBase::all_adults, {}, {}));
              }),
              "edition 'vc-2018' governs 村民委员会, not 锦苑社区居民委员会 (a 居民委员会)");
}

TEST(MeetingErrors, InvalidDate) {
    AdultsFixture f;
    MeetingRecord rec = residents_meeting(AttendanceBase::all_adults, {}, {});
    rec.date = Date{std::chrono::year{2025}, std::chrono::month{2}, std::chrono::day{29}};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)hold_meeting(f.chain, edition("rc-2018"), rec); }),
              "the date of the meeting is not a valid date");
}

// ---- overrides -----------------------------------------------------------------------------------

TEST(MeetingOverride, OverriddenQuorumAndDecisionChangeTheOutcome) {
    AdultsFixture f;
    RuleBook book = RuleBook::china();
    RuleSet& rules = book.edition("rc-2018");
    const auto present = first(f.people, 41);
    const MeetingRecord rec = residents_meeting(AttendanceBase::all_adults, present, first(present, 21));
    ASSERT_TRUE(hold_meeting(f.chain, rules, rec).passed);

    rules.override_threshold("meeting.quorum", Threshold{2, 3, false}, "local rule: two thirds");
    const MeetingResult stricter = hold_meeting(f.chain, rules, rec);
    EXPECT_EQ(stricter.required_present, 54);
    EXPECT_FALSE(stricter.quorate);
    EXPECT_FALSE(stricter.passed);
    EXPECT_EQ(stricter.explanation,
              "41 of 80 present (at least 2/3 needs 54): not quorate; 21 of 41 for (more than 1/2 needs 21): "
              "not passed (no quorum)");

    rules.override_threshold("meeting.quorum", Threshold{1, 2, false}, "local rule: half");
    const auto half = first(f.people, 40);
    EXPECT_TRUE(hold_meeting(f.chain, rules, residents_meeting(AttendanceBase::all_adults, half, half)).quorate);

    rules.override_threshold("meeting.decision", Threshold{2, 3, false}, "local rule: two thirds of those present");
    const MeetingResult decision = hold_meeting(f.chain, rules, rec);
    EXPECT_TRUE(decision.quorate);
    EXPECT_EQ(decision.required_votes, 28);
    EXPECT_FALSE(decision.passed);
}

TEST(MeetingOverride, OverriddenAssemblyQuorum) {
    AssemblyFixture f(villagers_chain());
    RuleBook book = RuleBook::china();
    RuleSet& rules = book.edition("vc-2018");
    rules.override_threshold("assembly.quorum", Threshold{4, 5, false}, "county rule");
    const MeetingResult result =
        hold_meeting(f.chain, rules,
                     record(MeetingKind::villagers_representatives_assembly, AttendanceBase::all_adults, assembly_day,
                            first(f.members, 7), first(f.members, 7)));
    EXPECT_EQ(result.required_present, 8);
    EXPECT_FALSE(result.quorate);
}

// ---- convening -----------------------------------------------------------------------------------

// A residents' committee with 100 adults, 100 households and 6 groups; 21 adults registered, one
// minor.
struct ConveningFixture {
    AutonomyChain chain = residents_chain();
    std::vector<GroupId> groups;
    std::vector<PersonId> adults;
    PersonId minor;
    ConveningFixture() {
        for (int i = 0; i < 6; ++i) {
            const std::int64_t households = i < 4 ? 17 : 16;  // 4*17 + 2*16 = 100
            groups.push_back(chain.add_group("第" + std::to_string(i + 1) + "居民小组", households,
                                             i < 4 ? 17 : 16));
        }
        adults = add_adults(chain, 21);
        minor = add_named(chain, "小明", day(2010, 5, 1));
    }
    [[nodiscard]] ConveningRequest request() const {
        ConveningRequest out;
        out.kind = MeetingKind::residents_meeting;
        out.date = meeting_day;
        return out;
    }
};

std::vector<std::uint32_t> households(std::uint32_t count) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 1; i <= count; ++i) out.push_back(i);
    return out;
}

TEST(ConveningResidents, OneFifthOfAdultsExactly) {
    ConveningFixture f;
    const RuleSet& rules = edition("rc-2018");
    ConveningRequest req = f.request();
    req.residents = first(f.adults, 20);
    const ConveningResult met = check_convening(f.chain, rules, req);
    EXPECT_TRUE(met.must_convene);
    EXPECT_EQ(met.met_rule, "meeting.convene.adults");
    EXPECT_EQ(met.explanation,
              "adults: 20 of 100 (at least 1/5 needs 20): met; households: 0 of 100 (at least 1/5 needs 20): not met; "
              "groups: 0 of 6 (at least 1/3 needs 2): not met");
    req.residents = first(f.adults, 19);
    const ConveningResult short_by_one = check_convening(f.chain, rules, req);
    EXPECT_FALSE(short_by_one.must_convene);
    EXPECT_EQ(short_by_one.met_rule, "");
    EXPECT_EQ(short_by_one.explanation,
              "adults: 19 of 100 (at least 1/5 needs 20): not met; households: 0 of 100 (at least 1/5 needs 20): not "
              "met; groups: 0 of 6 (at least 1/3 needs 2): not met");
}

TEST(ConveningResidents, OneFifthOfHouseholdsExactly) {
    ConveningFixture f;
    const RuleSet& rules = edition("rc-2018");
    ConveningRequest req = f.request();
    req.households = households(20);
    const ConveningResult met = check_convening(f.chain, rules, req);
    EXPECT_TRUE(met.must_convene);
    EXPECT_EQ(met.met_rule, "meeting.convene.households");
    req.households = households(19);
    EXPECT_FALSE(check_convening(f.chain, rules, req).must_convene);
}

TEST(ConveningResidents, OneThirdOfGroupsExactly) {
    ConveningFixture f;
    const RuleSet& rules = edition("rc-2018");
    ConveningRequest req = f.request();
    req.groups = {f.groups[0], f.groups[5]};
    const ConveningResult met = check_convening(f.chain, rules, req);
    EXPECT_TRUE(met.must_convene);
    EXPECT_EQ(met.met_rule, "meeting.convene.groups");
    EXPECT_EQ(met.explanation,
              "adults: 0 of 100 (at least 1/5 needs 20): not met; households: 0 of 100 (at least 1/5 needs 20): not "
              "met; groups: 2 of 6 (at least 1/3 needs 2): met");
    req.groups = {f.groups[3]};
    EXPECT_FALSE(check_convening(f.chain, rules, req).must_convene);
}

TEST(ConveningResidents, FirstCriterionMetIsReported) {
    ConveningFixture f;
    ConveningRequest req = f.request();
    req.residents = first(f.adults, 21);
    req.households = households(30);
    req.groups = {f.groups[0], f.groups[1], f.groups[2]};
    EXPECT_EQ(check_convening(f.chain, edition("rc-2018"), req).met_rule, "meeting.convene.adults");
    req.residents.clear();
    EXPECT_EQ(check_convening(f.chain, edition("rc-2018"), req).met_rule, "meeting.convene.households");
}

TEST(ConveningResidents, EmptyRequestAndEmptyChain) {
    ConveningFixture f;
    const ConveningResult none = check_convening(f.chain, edition("rc-2018"), f.request());
    EXPECT_FALSE(none.must_convene);
    EXPECT_EQ(none.met_rule, "");

    AutonomyChain empty = residents_chain();
    ConveningRequest req = f.request();
    const ConveningResult nothing = check_convening(empty, edition("rc-2018"), req);
    EXPECT_FALSE(nothing.must_convene);
    EXPECT_EQ(nothing.explanation,
              "adults: none to count: not met; households: none to count: not met; groups: none to count: not met");
}

TEST(ConveningErrors, RequestersMustBeEligibleAndListedOnce) {
    ConveningFixture f;
    const RuleSet& rules = edition("rc-2018");
    const auto check = [&](auto&& fill) {
        ConveningRequest req = f.request();
        fill(req);
        (void)check_convening(f.chain, rules, req);
    };
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  check([&](ConveningRequest& r) { r.residents = {f.adults[0], f.adults[3], f.adults[3]}; });
              }),
              "requester 居民3 (person 3) is listed twice");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  check([&](ConveningRequest& r) { r.residents = {f.adults[0], f.minor}; });
              }),
              "requester 小明 (person 21) is under 18 on 2024-03-01");
    EXPECT_EQ(error_message<NotFound>([&] {
                  check([&](ConveningRequest& r) { r.residents = {PersonId{500}}; });
              }),
              "person 500 is not registered in 锦苑社区居民委员会");
    EXPECT_EQ(error_message<InvalidInput>([&] { check([&](ConveningRequest& r) { r.households = {4, 9, 4}; }); }),
              "household 4 is listed twice");
    EXPECT_EQ(error_message<InvalidInput>([&] { check([&](ConveningRequest& r) { r.households = {0}; }); }),
              "household 0 is not one of the 100 households of 锦苑社区居民委员会");
    EXPECT_EQ(error_message<InvalidInput>([&] { check([&](ConveningRequest& r) { r.households = {101}; }); }),
              "household 101 is not one of the 100 households of 锦苑社区居民委员会");
    EXPECT_NO_THROW(check([&](ConveningRequest& r) { r.households = {100}; }));
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  check([&](ConveningRequest& r) { r.groups = {f.groups[1], f.groups[1]}; });
              }),
              "group 第2居民小组 (group 1) is listed twice");
    EXPECT_EQ(error_message<NotFound>([&] { check([&](ConveningRequest& r) { r.groups = {GroupId{6}}; }); }),
              "group 6 is not in 锦苑社区居民委员会");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  check([&](ConveningRequest& r) { r.representatives = {f.adults[0]}; });
              }),
              "a request to convene a 居民会议 (residents_meeting) is not made by representatives");
}

TEST(ConveningErrors, RequestMustFitTheCommittee) {
    ConveningFixture f;
    ConveningRequest req = f.request();
    req.kind = MeetingKind::villagers_meeting;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)check_convening(f.chain, edition("vc-2018"), req); }),
              "a 村民会议 (villagers_meeting) belongs to a 村民委员会, not to 锦苑社区居民委员会 (a 居民委员会)");
    req.kind = MeetingKind::residents_meeting;
    req.date = Date{std::chrono::year{2024}, std::chrono::month{13}, std::chrono::day{1}};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)check_convening(f.chain, edition("rc-2018"), req); }),
              "the date of the convening request is not a valid date");
}

TEST(ConveningVillagers, OneTenthOfVillagersOrOneThirdOfRepresentatives) {
    AutonomyChain chain = villagers_chain();
    const GroupId group = chain.add_group("第一村民小组", 25, 50);
    const auto villagers = add_adults(chain, 5, 0, group);
    const auto reps = add_adults(chain, 6, 0, group);
    for (const PersonId rep : reps) chain.elect_representative(group, rep, elected);
    const RuleSet& rules = edition("vc-2018");
    ConveningRequest req;
    req.kind = MeetingKind::villagers_meeting;
    req.date = meeting_day;
    req.residents = villagers;
    const ConveningResult tenth = check_convening(chain, rules, req);
    EXPECT_TRUE(tenth.must_convene);
    EXPECT_EQ(tenth.met_rule, "meeting.convene.villagers");
    EXPECT_EQ(tenth.explanation,
              "adults: 5 of 50 (at least 1/10 needs 5): met; representatives: 0 of 6 (at least 1/3 needs 2): not met");
    req.residents = first(villagers, 4);
    EXPECT_FALSE(check_convening(chain, rules, req).must_convene);

    req.residents.clear();
    req.representatives = first(reps, 2);
    const ConveningResult third = check_convening(chain, rules, req);
    EXPECT_TRUE(third.must_convene);
    EXPECT_EQ(third.met_rule, "meeting.convene.representatives");
    req.representatives = first(reps, 1);
    EXPECT_FALSE(check_convening(chain, rules, req).must_convene);

    req.representatives = {reps[0], villagers[0]};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)check_convening(chain, rules, req); }),
              "requester 居民0 (person 0) is not a representative on 2024-03-01");
    req.representatives.clear();
    req.households = {1};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)check_convening(chain, rules, req); }),
              "a request to convene a 村民会议 (villagers_meeting) is not made by households");
}

TEST(ConveningAssembly, OneFifthOfRepresentatives) {
    AutonomyChain chain = villagers_chain();
    const GroupId group = chain.add_group("第一村民小组", 100, 200);
    const auto reps = add_adults(chain, 10, 0, group);
    for (const PersonId rep : reps) chain.elect_representative(group, rep, elected);
    ConveningRequest req;
    req.kind = MeetingKind::villagers_representatives_assembly;
    req.date = meeting_day;
    req.representatives = first(reps, 2);
    const ConveningResult met = check_convening(chain, edition("vc-2018"), req);
    EXPECT_TRUE(met.must_convene);
    EXPECT_EQ(met.met_rule, "assembly.convene.representatives");
    EXPECT_EQ(met.explanation, "representatives: 2 of 10 (at least 1/5 needs 2): met");
    req.representatives = first(reps, 1);
    EXPECT_FALSE(check_convening(chain, edition("vc-2018"), req).must_convene);
}

TEST(ConveningAssembly, ResidentsAssemblyOnlyFrom2025) {
    AutonomyChain chain = residents_chain();
    const GroupId group = chain.add_group("第一居民小组", 100, 200);
    const auto reps = add_adults(chain, 5, 0, group);
    for (const PersonId rep : reps) chain.elect_representative(group, rep, elected);
    ConveningRequest req;
    req.kind = MeetingKind::residents_representatives_assembly;
    req.date = assembly_day;
    req.representatives = first(reps, 1);
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)check_convening(chain, edition("rc-2018"), req); }),
              "the 居民代表会议 (residents_representatives_assembly) exists from the 2025 revision of the residents' "
              "committee law, in force 2026-01-01; edition 'rc-2018' has no rule 'assembly.quorum'");
    const ConveningResult met = check_convening(chain, edition("rc-2025"), req);
    EXPECT_TRUE(met.must_convene);
    EXPECT_EQ(met.met_rule, "assembly.convene.representatives");
}

TEST(ConveningAssembly, NoRepresentativesNothingToCount) {
    AutonomyChain chain = villagers_chain();
    chain.add_group("第一村民小组", 100, 200);
    ConveningRequest req;
    req.kind = MeetingKind::villagers_representatives_assembly;
    req.date = meeting_day;
    const ConveningResult result = check_convening(chain, edition("vc-2018"), req);
    EXPECT_FALSE(result.must_convene);
    EXPECT_EQ(result.explanation, "representatives: none to count: not met");
}

TEST(ConveningOverride, OverriddenShareChangesTheOutcome) {
    ConveningFixture f;
    RuleBook book = RuleBook::china();
    RuleSet& rules = book.edition("rc-2018");
    ConveningRequest req = f.request();
    req.residents = first(f.adults, 20);
    ASSERT_TRUE(check_convening(f.chain, rules, req).must_convene);
    rules.override_threshold("meeting.convene.adults", Threshold{1, 4, false}, "local rule: a quarter");
    const ConveningResult result = check_convening(f.chain, rules, req);
    EXPECT_FALSE(result.must_convene);
    EXPECT_EQ(result.explanation,
              "adults: 20 of 100 (at least 1/4 needs 25): not met; households: 0 of 100 (at least 1/5 needs 20): not "
              "met; groups: 0 of 6 (at least 1/3 needs 2): not met");
}

}  // namespace
}  // namespace grassroots

namespace grassroots {
namespace {

TEST(MeetingResidents, HouseholdRepresentativesMustBeAdults) {
    AutonomyChain chain = residents_chain();
    chain.add_group("第一居民小组", 4, 8);
    const PersonId minor = add_named(chain, "少年", day(2010, 1, 1), 1);
    const PersonId adult = add_named(chain, "成年", day(1980, 1, 1), 2);
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)hold_meeting(chain, edition("rc-2018"), residents_meeting(AttendanceBase::households, {adult, minor}, {}));
              }),
              "attendee 少年 (person 0) is under 18 on 2024-03-01 and cannot represent a household");
}

TEST(MeetingResidents, ResultSaysWhetherTheRulesAreVerified) {
    AutonomyChain chain = residents_chain();
    chain.add_group("第一居民小组", 4, 8);
    const auto people = add_adults(chain, 5);
    const auto record_all = residents_meeting(AttendanceBase::all_adults, people, people);
    EXPECT_TRUE(hold_meeting(chain, edition("rc-2018"), record_all).rules_verified);
    RuleBook book = RuleBook::china();
    book.edition("rc-2018").override_threshold("meeting.decision", Threshold{2, 3, false}, "local rule (example)");
    EXPECT_FALSE(hold_meeting(chain, book.edition("rc-2018"), record_all).rules_verified);
    EXPECT_EQ(chinese_name(AttendanceBase::households), "每户派代表");
}

}  // namespace
}  // namespace grassroots
