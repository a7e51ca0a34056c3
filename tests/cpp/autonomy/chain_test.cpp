#include "grassroots/autonomy/chain.hpp"

#include <gtest/gtest.h>

#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
using testing::expect_one_table;

const Date elected = make_date(2021, 5, 20);

AutonomyChain jinyuan() { return AutonomyChain(CommitteeKind::residents, DivisionCode("370502005066"), "锦苑社区居民委员会", elected); }

TEST(AutonomyChain, BelongsToAVillageLevelUnit) {
    const AutonomyChain chain = jinyuan();
    EXPECT_EQ(chain.kind(), CommitteeKind::residents);
    EXPECT_EQ(chain.unit(), DivisionCode("370502005066"));
    EXPECT_EQ(error_message<InvalidInput>([] { AutonomyChain(CommitteeKind::residents, DivisionCode("370502005"), "x", elected); }),
              "a committee belongs to a village-level unit; 370502005 is a township");
    EXPECT_THROW(AutonomyChain(CommitteeKind::villagers, DivisionCode("370502005201"), "", elected), InvalidInput);
}

TEST(AutonomyChain, PeopleGroupsAndTheirChecks) {
    AutonomyChain chain = jinyuan();
    const GroupId g1 = chain.add_group("第一居民小组", 40, 85);
    const GroupId g2 = chain.add_group("第二居民小组", 35, 70);
    EXPECT_EQ(chain.households(), 75);
    EXPECT_EQ(chain.adult_residents(), 155);
    const PersonId wang = chain.add_person({"王芳", Sex::female, make_date(1980, 4, 2), g1, 3, true});
    EXPECT_EQ(chain.person(wang).name, "王芳");
    EXPECT_EQ(error_message<InvalidInput>([&] { chain.add_group("x", -1, 0); }),
              "group x: households (-1) and adult residents (0) cannot be negative");
    EXPECT_EQ(error_message<InvalidInput>([&] { chain.add_group("x", 10, 200); }),
              "group x: 200 adults in 10 households is more than 10 per household (columns swapped?)");
    EXPECT_THROW(chain.add_group("", 1, 1), InvalidInput);
    EXPECT_EQ(error_message<NotFound>([&] { chain.add_person({"李明", Sex::male, std::nullopt, GroupId{9}, 0, false}); }),
              "group 9 is not in 锦苑社区居民委员会");
    EXPECT_THROW(chain.add_person({"", Sex::male, std::nullopt, g2, 0, false}), InvalidInput);
    EXPECT_EQ(chain.people().size(), 1U);
    EXPECT_EQ(chain.groups().size(), 2U);
    EXPECT_THROW((void)chain.person(PersonId{5}), NotFound);
    EXPECT_THROW((void)chain.group(GroupId{}), NotFound);
}

TEST(AutonomyChain, AdultsOnAMeetingDay) {
    AutonomyChain chain = jinyuan();
    const PersonId teen = chain.add_person({"张伟", Sex::male, make_date(2008, 3, 1), std::nullopt, 0, false});
    const PersonId unknown_age = chain.add_person({"李娜", Sex::female, std::nullopt, std::nullopt, 0, false});
    EXPECT_FALSE(chain.is_adult(teen, make_date(2026, 2, 28)));
    EXPECT_TRUE(chain.is_adult(teen, make_date(2026, 3, 1)));
    EXPECT_TRUE(chain.is_adult(unknown_age, make_date(2026, 3, 1)));
}

TEST(AutonomyChain, PostsTermsAndConcurrentPosts) {
    AutonomyChain chain = jinyuan();
    const GroupId g = chain.add_group("第一居民小组", 40, 85);
    const PersonId wang = chain.add_person({"王芳", Sex::female, make_date(1980, 4, 2), g, 3, true});
    const PersonId li = chain.add_person({"李强", Sex::male, make_date(1975, 1, 9), g, 7, false});
    chain.appoint(PostKind::director, wang, elected);
    const PostId deputy = chain.appoint(PostKind::deputy_director, li, elected);
    chain.elect_representative(g, wang, elected);
    const auto party = chain.add_party_organisation(PartyOrganisationKind::party_committee, "锦苑社区党委");
    chain.appoint_party_post(party, PostKind::party_secretary, wang, elected);

    const Date today = make_date(2026, 3, 1);
    EXPECT_EQ(chain.posts_of(wang, today).size(), 3U);  // 主任 + 代表 + 书记 (兼任)
    EXPECT_EQ(chain.director(today), wang);
    EXPECT_TRUE(chain.secretary_chairs_committee(today));  // 一肩挑
    EXPECT_TRUE(chain.is_committee_member(li, today));

    chain.end_post(deputy, make_date(2024, 6, 30));
    EXPECT_FALSE(chain.is_committee_member(li, today));
    EXPECT_TRUE(chain.is_committee_member(li, make_date(2024, 6, 30)));
    EXPECT_EQ(chain.holders(PostKind::deputy_director, today).size(), 0U);
    EXPECT_EQ(error_message<InvalidInput>([&] { chain.end_post(deputy, make_date(2025, 1, 1)); }),
              "post 1 already ended on 2024-06-30");
}

TEST(AutonomyChain, BadPostsChangeNothing) {
    AutonomyChain chain = jinyuan();
    const GroupId g = chain.add_group("第一居民小组", 40, 85);
    const PersonId wang = chain.add_person({"王芳", Sex::female, std::nullopt, g, 0, false});
    EXPECT_EQ(error_message<InvalidInput>([&] { chain.appoint(PostKind::member, wang, elected, make_date(2020, 1, 1)); }),
              "a post ends on 2020-01-01, before it starts on 2021-05-20");
    EXPECT_EQ(error_message<InvalidInput>([&] { chain.appoint(PostKind::group_head, wang, elected); }),
              "appoint() takes a committee seat (director, deputy_director, member), not group_head");
    EXPECT_EQ(error_message<NotFound>([&] { chain.appoint(PostKind::member, PersonId{42}, elected); }),
              "person 42 is not registered in 锦苑社区居民委员会");
    EXPECT_THROW(chain.elect_representative(GroupId{3}, wang, elected), NotFound);
    EXPECT_THROW(chain.appoint_to_subordinate(SubordinateCommitteeId{0}, wang, true, elected), NotFound);
    EXPECT_THROW(chain.appoint_party_post(PartyOrganisationId{0}, PostKind::party_secretary, wang, elected), NotFound);
    EXPECT_TRUE(chain.posts().empty());
}

TEST(AutonomyChain, SubordinateCommitteesAndParty) {
    AutonomyChain chain = jinyuan();
    const auto mediation = chain.add_subordinate_committee(SubordinateKind::mediation);
    EXPECT_EQ(chain.subordinate_committee(mediation).name, "人民调解委员会");
    const auto custom = chain.add_subordinate_committee(SubordinateKind::other, "物业纠纷协调委员会");
    EXPECT_EQ(chain.subordinate_committee(custom).name, "物业纠纷协调委员会");
    EXPECT_EQ(error_message<InvalidInput>([&] { chain.add_subordinate_committee(SubordinateKind::other); }),
              "a subordinate committee of kind 'other' needs a name");
    const auto committee = chain.add_party_organisation(PartyOrganisationKind::party_committee, "社区党委");
    const auto grid = chain.add_party_organisation(PartyOrganisationKind::grid_branch, "第一网格党支部", committee);
    chain.add_party_organisation(PartyOrganisationKind::building_group, "3号楼党小组", grid);
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  chain.add_party_organisation(PartyOrganisationKind::party_committee, "x", grid);
              }),
              "a 党委 (x) cannot sit under a 网格党支部 (第一网格党支部)");
    EXPECT_EQ(chain.party_organisations().size(), 3U);
    EXPECT_EQ(chinese_name(SubordinateKind::public_security), "治安保卫委员会");
    EXPECT_EQ(to_string(PostKind::group_head), "group_head");
}

TEST(AutonomyEnums, OneTableEachServesNames) {
    expect_one_table<CommitteeKind>(2);
    expect_one_table<Sex>(2);
    expect_one_table<SubordinateKind>(7);
    expect_one_table<PartyOrganisationKind>(5);
    expect_one_table<PostKind>(11);
    expect_one_table<Severity>(3);
    expect_one_table<MeetingKind>(4);
    expect_one_table<AttendanceBase>(3);
    expect_one_table<DecisionStatus>(4);
    EXPECT_EQ(to_string(PostKind::party_member_post), "party_member_post");
    EXPECT_EQ(chinese_name(PostKind::representative), "代表");
    EXPECT_EQ(chinese_name(AttendanceBase::households), "每户派代表");
}

}  // namespace
}  // namespace grassroots
