#include "grassroots/autonomy/validation.hpp"

#include <gtest/gtest.h>

#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

const Date elected = make_date(2021, 5, 20);
const Date today = make_date(2024, 1, 1);

// A lawful residents' committee under the 2018 amendment: 5 members, 10 groups of 40 households,
// each with a head and 2 representatives, three subordinate committees, a party committee.
struct Lawful {
    AutonomyChain chain{CommitteeKind::residents, DivisionCode("370502005066"), "锦苑社区居民委员会", elected};
    std::vector<GroupId> groups;
    std::vector<PersonId> members;
    std::vector<PostId> seats;
    std::vector<SubordinateCommitteeId> subordinates;
    PartyOrganisationId party;

    explicit Lawful(CommitteeKind kind = CommitteeKind::residents, int group_count = 10)
        : chain(kind, DivisionCode(kind == CommitteeKind::residents ? "370502005066" : "370502005201"),
                kind == CommitteeKind::residents ? "锦苑社区居民委员会" : "辛镇村民委员会", elected) {
        for (int g = 0; g < group_count; ++g) {
            groups.push_back(chain.add_group("第" + std::to_string(g + 1) + "组", 40, 84));
        }
        for (int m = 0; m < 5; ++m) {
            const PersonId p = chain.add_person({"委员" + std::to_string(m), m % 2 == 0 ? Sex::female : Sex::male,
                                                 make_date(1975, 1, 1), groups[static_cast<std::size_t>(m)], 1, false});
            members.push_back(p);
            seats.push_back(chain.appoint(m == 0 ? PostKind::director : (m == 1 ? PostKind::deputy_director : PostKind::member), p, elected));
        }
        for (GroupId g : groups) {
            for (int r = 0; r < 2; ++r) {
                const PersonId p = chain.add_person({"代表" + std::to_string(g.value()) + "-" + std::to_string(r),
                                                     r == 0 ? Sex::female : Sex::male, make_date(1970, 1, 1), g, 2, false});
                if (r == 0) chain.appoint_group_head(g, p, elected);
                chain.elect_representative(g, p, elected);
            }
        }
        for (SubordinateKind kind_of : {SubordinateKind::mediation, SubordinateKind::public_security, SubordinateKind::public_health}) {
            const auto s = chain.add_subordinate_committee(kind_of);
            chain.appoint_to_subordinate(s, members[subordinates.size() + 1], true, elected);
            subordinates.push_back(s);
        }
        party = chain.add_party_organisation(PartyOrganisationKind::party_committee, "党委");
        chain.appoint_party_post(party, PostKind::party_secretary, members[0], elected);
    }
    const RuleSet& rules(const char* id) {
        static const RuleBook book = RuleBook::china();
        return book.edition(id);
    }
};

std::vector<std::string> rule_ids(const ValidationReport& report) {
    std::vector<std::string> ids;
    for (const Finding& f : report.findings) ids.push_back(f.rule_id + ":" + std::string(to_string(f.severity)));
    return ids;
}

TEST(Validation, ALawfulChainHasNoFindings) {
    Lawful lawful;
    const ValidationReport report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    EXPECT_TRUE(report.ok());
    EXPECT_TRUE(report.findings.empty()) << ::testing::PrintToString(rule_ids(report));
    EXPECT_EQ(report.rule_set, "rc-2018");
    EXPECT_EQ(report.entities_checked, lawful.chain.entity_count());
    EXPECT_EQ(validate(lawful.chain, today).rule_set, "rc-2018");
}

TEST(Validation, CommitteeSizeBoundaries) {
    Lawful lawful;
    lawful.chain.end_post(lawful.seats[4], make_date(2023, 1, 1));  // 4 members
    ValidationReport report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    ASSERT_EQ(report.findings.size(), 1U);
    EXPECT_EQ(report.findings[0].rule_id, "committee.size");
    EXPECT_EQ(report.findings[0].message, "4 members on 2024-01-01; the law requires 5–9");
    EXPECT_EQ(report.findings[0].source, "中华人民共和国城市居民委员会组织法 (2018年修正) 第七条");
    EXPECT_TRUE(report.findings[0].rule_verified);
    // The day before the seat ended, the committee had 5.
    EXPECT_TRUE(validate(lawful.chain, lawful.rules("rc-2018"), make_date(2023, 1, 1)).findings.empty());
    for (int i = 0; i < 5; ++i) {  // 4 + 5 = 9: still lawful; one more is 10
        lawful.chain.appoint(PostKind::member, lawful.chain.add_person({"新委员", Sex::male, std::nullopt, lawful.groups[0], 0, false}), elected);
    }
    EXPECT_FALSE(validate(lawful.chain, lawful.rules("rc-2018"), today).has("committee.size"));
    lawful.chain.appoint(PostKind::member, lawful.chain.add_person({"第十人", Sex::male, std::nullopt, lawful.groups[0], 0, false}), elected);
    EXPECT_EQ(validate(lawful.chain, lawful.rules("rc-2018"), today).findings[0].message,
              "10 members on 2024-01-01; the law requires 5–9");
}

TEST(Validation, OneDirector) {
    Lawful lawful;  // a second person as 主任 (the deputy as 主任 too is committee.one_post, below)
    lawful.chain.appoint(PostKind::director, lawful.chain.add_person({"另一主任", Sex::male, std::nullopt, lawful.groups[0], 0, false}), elected);
    const auto report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    EXPECT_EQ(rule_ids(report), (std::vector<std::string>{"committee.director:error"}));
    EXPECT_EQ(report.findings[0].message, "2 directors (主任) on 2024-01-01");
}

TEST(Validation, TermsExpireByTheEditionInForceAtElection) {
    Lawful lawful;  // elected 2021-05-20 under the 2018 amendment: five years
    EXPECT_FALSE(validate(lawful.chain, lawful.rules("rc-2018"), make_date(2026, 5, 19)).has("committee.term_years"));
    const auto report = validate(lawful.chain, lawful.rules("rc-2025"), make_date(2026, 5, 20));
    ASSERT_TRUE(report.has("committee.term_years"));
    // Elected in 2017 under the 1989 law: three years, so expired in 2020 even when checked under 2018 rules.
    AutonomyChain old(CommitteeKind::residents, DivisionCode("370502005066"), "旧届", make_date(2017, 3, 1));
    const auto old_report = validate(old, lawful.rules("rc-2018"), make_date(2020, 3, 1));
    bool found = false;
    for (const Finding& f : old_report.findings) {
        if (f.rule_id == "committee.term_years") {
            found = true;
            EXPECT_EQ(f.message, "the term elected on 2017-03-01 (3 years under rc-1989) ended on 2020-03-01; an election is due");
        }
    }
    EXPECT_TRUE(found);
    EXPECT_FALSE(validate(old, lawful.rules("rc-2018"), make_date(2020, 2, 29)).has("committee.term_years"));
}

TEST(Validation, HouseholdScaleDependsOnTheEdition) {
    Lawful lawful;  // 400 households: lawful in 2018, "generally" 1,000–3,000 from 2026
    EXPECT_FALSE(validate(lawful.chain, lawful.rules("rc-2018"), today).has("unit.households"));
    const auto report = validate(lawful.chain, make_date(2026, 1, 1));
    EXPECT_EQ(report.rule_set, "rc-2025");
    ASSERT_TRUE(report.has("unit.households"));
    for (const Finding& f : report.findings) {
        if (f.rule_id == "unit.households") {
            EXPECT_EQ(f.severity, Severity::warning);
            EXPECT_EQ(f.message, "400 households; the law says generally 1000–3000");
        }
    }
}

TEST(Validation, GroupHeadsComeFromTheirGroup) {
    Lawful lawful;
    const PersonId outsider = lawful.chain.add_person({"外人", Sex::male, std::nullopt, lawful.groups[1], 0, false});
    lawful.chain.appoint_group_head(lawful.groups[2], outsider, elected);
    const GroupId empty = lawful.chain.add_group("第十一组", 30, 60);
    (void)empty;
    const auto report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    EXPECT_EQ(rule_ids(report), (std::vector<std::string>{"group.head:error", "group.head:error", "group.head:error",
                                                          "group.representatives:error"}));
    EXPECT_EQ(report.findings[0].entity, "group 2 (第3组)");
    EXPECT_EQ(report.findings[0].message, "2 heads on 2024-01-01");
    EXPECT_EQ(report.findings[1].message, "head 外人 (person 25) lives in group 1 (第2组), not in this group");
    EXPECT_EQ(report.findings[2].entity, "group 10 (第十一组)");
    EXPECT_EQ(report.findings[2].message, "no head (组长) on 2024-01-01");
}

TEST(Validation, RepresentativesTwoToThreePerGroupInExactlyOneGroup) {
    Lawful lawful;
    const PersonId third = lawful.chain.add_person({"三号", Sex::female, std::nullopt, lawful.groups[0], 0, false});
    lawful.chain.elect_representative(lawful.groups[0], third, elected);  // 3: lawful
    EXPECT_TRUE(validate(lawful.chain, lawful.rules("rc-2018"), today).findings.empty());
    const PersonId fourth = lawful.chain.add_person({"四号", Sex::female, std::nullopt, lawful.groups[0], 0, false});
    lawful.chain.elect_representative(lawful.groups[0], fourth, elected);  // 4
    lawful.chain.elect_representative(lawful.groups[1], fourth, elected);  // also in group 1, lives in group 0
    const auto report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    // Group 0 now has 4 (too many); group 1 has 3 (lawful), one of whom also sits for group 0.
    EXPECT_EQ(rule_ids(report), (std::vector<std::string>{"group.representatives:error", "representative.one_group:error",
                                                          "representative.one_group:error"}));
    EXPECT_EQ(report.findings[0].message, "4 representatives; each group elects 2–3");
    EXPECT_EQ(report.findings[1].message, "elected by group 0 (第1组) and by group 1 (第2组)");
    EXPECT_EQ(report.findings[2].message, "represents group 1 (第2组) but lives in group 0 (第1组)");
}

TEST(Validation, SubordinateDutiesAndHeads) {
    Lawful lawful(CommitteeKind::residents, 10);
    AutonomyChain& chain = lawful.chain;
    const auto welfare = chain.add_subordinate_committee(SubordinateKind::social_welfare);
    const PersonId resident = chain.add_person({"居民", Sex::female, std::nullopt, lawful.groups[0], 0, false});
    chain.appoint_to_subordinate(welfare, resident, true, elected);
    chain.assign_duty(SubordinateKind::elderly_care, resident, elected);
    const auto report = validate(chain, lawful.rules("rc-2018"), today);
    EXPECT_EQ(rule_ids(report), (std::vector<std::string>{"subordinate.duties:error", "subordinate.head_is_member:warning"}));
    EXPECT_EQ(report.findings[0].message, "居民 (person 25) carries it but is not a committee member");
    EXPECT_FALSE(report.findings[1].rule_verified);

    // A small committee without subordinate committees shares the three duties among its members.
    AutonomyChain small(CommitteeKind::residents, DivisionCode("370502005066"), "小社区", elected);
    const auto no_duties = validate(small, lawful.rules("rc-2018"), today);
    int missing = 0;
    for (const Finding& f : no_duties.findings) missing += f.rule_id == "subordinate.duties" ? 1 : 0;
    EXPECT_EQ(missing, 3);
}

TEST(Validation, VillagersAssemblyComposition) {
    Lawful village(CommitteeKind::villagers, 5);  // 5 members (3 women) + 10 representatives (5 women)
    const RuleSet& rules = village.rules("vc-2018");
    auto report = validate(village.chain, rules, today);
    // 10 of 15 members are representatives: below 4/5 (12).
    EXPECT_EQ(rule_ids(report), (std::vector<std::string>{"assembly.representatives_share:error"}));
    EXPECT_EQ(report.findings[0].message, "10 representatives of 15 members; needs at least 4/5 (12)");
    // Two more women representatives (in group 0): 12 of 17 is still short; 4/5 needs 14.
    for (int i = 0; i < 2; ++i) {
        village.chain.elect_representative(village.groups[0], village.chain.add_person({"女代表", Sex::female, std::nullopt, village.groups[0], 0, false}), elected);
    }
    report = validate(village.chain, rules, today);
    EXPECT_EQ(report.findings[0].message, "12 representatives of 17 members; needs at least 4/5 (14)");
    // A member elected representative still sits as a member (the whole membership, 组成人员, counts the
    // committee too): electing the five members does not make up the 4/5. Before, it passed 17 of 17.
    for (std::size_t m = 0; m < 5; ++m) village.chain.elect_representative(village.groups[m], village.members[m], elected);
    report = validate(village.chain, rules, today);
    ASSERT_EQ(rule_ids(report), (std::vector<std::string>{"assembly.representatives_share:error"}));
    EXPECT_EQ(report.findings[0].message, "12 representatives of 17 members; needs at least 4/5 (14)");
    // Eight more men: 20 of 25 is 4/5, but 7 women representatives are short of a third of 25 (9).
    for (int i = 0; i < 8; ++i) {
        village.chain.elect_representative(village.groups[1], village.chain.add_person({"男代表", Sex::male, std::nullopt, village.groups[1], 0, false}), elected);
    }
    report = validate(village.chain, rules, today);
    ASSERT_EQ(rule_ids(report), (std::vector<std::string>{"assembly.women_share:error"}));
    EXPECT_EQ(report.findings[0].message, "7 women representatives of 25 members; needs at least 1/3 (9)");
    // Two more women: 22 of 27 (4/5 needs 22) and 9 of 27 women (exactly a third, 三分之一以上 includes it).
    for (int i = 0; i < 2; ++i) {
        village.chain.elect_representative(village.groups[2], village.chain.add_person({"女代表", Sex::female, std::nullopt, village.groups[2], 0, false}), elected);
    }
    report = validate(village.chain, rules, today);
    EXPECT_TRUE(report.findings.empty()) << ::testing::PrintToString(rule_ids(report));
}

TEST(Validation, OnePersonHoldsOneSeat) {
    // 委员1 is 副主任; appointing them 主任 as well, without ending the first post, is reported.
    Lawful lawful;
    lawful.chain.end_post(lawful.seats[0], make_date(2023, 6, 1));
    lawful.chain.appoint(PostKind::director, lawful.members[1], make_date(2023, 6, 2));
    const auto report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    ASSERT_EQ(rule_ids(report), (std::vector<std::string>{"committee.size:error", "committee.one_post:error"}));
    EXPECT_EQ(report.findings[1].message, "委员1 (person 1) holds 主任 and 副主任 at once on 2024-01-01; one person holds one seat");
    EXPECT_EQ(report.findings[0].message, "4 members on 2024-01-01; the law requires 5–9");  // persons, not posts
    EXPECT_TRUE(report.findings[1].rule_verified);
    EXPECT_TRUE(validate(lawful.chain, lawful.rules("rc-2025"), today).has("committee.one_post"));

    Lawful village(CommitteeKind::villagers, 5);
    village.chain.appoint(PostKind::member, village.members[0], elected);  // the director again, as 委员
    for (const Finding& finding : validate(village.chain, village.rules("vc-2025"), make_date(2026, 3, 1)).findings) {
        if (finding.rule_id != "committee.one_post") continue;
        EXPECT_EQ(finding.message, "委员0 (person 0) holds 主任 and 委员 at once on 2026-03-01; one person holds one seat");
        EXPECT_FALSE(finding.rule_verified);  // the 2025 text was not seen
    }
    EXPECT_TRUE(validate(village.chain, village.rules("vc-2018"), today).has("committee.one_post"));
    // Once the first post ends, the same person may take the other seat.
    Lawful moved;
    moved.chain.end_post(moved.seats[0], make_date(2023, 6, 1));
    moved.chain.end_post(moved.seats[1], make_date(2023, 6, 1));
    moved.chain.appoint(PostKind::director, moved.members[1], make_date(2023, 6, 2));
    EXPECT_FALSE(validate(moved.chain, moved.rules("rc-2018"), today).has("committee.one_post"));
}

TEST(Validation, VillagersCommitteeNeedsAWoman) {
    Lawful village(CommitteeKind::villagers, 5);
    for (std::size_t m : {0U, 2U, 4U}) village.chain.end_post(village.seats[m], make_date(2023, 6, 1));
    village.chain.appoint(PostKind::director, village.members[1], make_date(2023, 6, 2));
    const auto report = validate(village.chain, village.rules("vc-2018"), today);
    EXPECT_TRUE(report.has("committee.woman_member"));
    EXPECT_TRUE(report.has("committee.size"));  // 2 members left
}

TEST(Validation, PartySecretaryAndWrongEdition) {
    Lawful lawful;
    lawful.chain.add_party_organisation(PartyOrganisationKind::grid_branch, "第一网格党支部", lawful.party);
    const auto report = validate(lawful.chain, lawful.rules("rc-2018"), today);
    EXPECT_EQ(rule_ids(report), (std::vector<std::string>{"party.secretary:warning"}));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)validate(lawful.chain, lawful.rules("vc-2018"), today); }),
              "rule set 'vc-2018' governs 村民委员会, but 锦苑社区居民委员会 is a 居民委员会");
    EXPECT_THROW((void)validate(lawful.chain, make_date(1980, 1, 1)), NotFound);
}

TEST(Validation, OverriddenRulesApplyAndAreFlagged) {
    Lawful lawful;
    RuleBook book = RuleBook::china();
    book.edition("rc-2018").override_range("committee.size", IntRange{7, 9}, "local rule (example)");
    const auto report = validate(lawful.chain, book.edition("rc-2018"), today);
    ASSERT_TRUE(report.has("committee.size"));
    EXPECT_FALSE(report.findings[0].rule_verified);
}

}  // namespace
}  // namespace grassroots
