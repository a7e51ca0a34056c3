// Party members registered where they live (党员回家) and community social organisations with the
// share of households taking part.
#include "grassroots/people/participation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/tree.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::error_message;

const DivisionCode jinyuan("370502005066");  // 锦苑社区
const DivisionCode jinting("370502005067");  // 锦庭社区
const DivisionCode shengli("370502005");     // 胜利街道

Date d(int year, int month, int day) { return make_date(year, month, day); }

TEST(PartyMembersAtHome, CountPerCommunityOnADay) {
    ResidentPartyMembers members;
    (void)members.add({"党员 A", "东营市财政局机关党支部", jinyuan, d(2024, 3, 1), std::nullopt});
    (void)members.add({"党员 B", "东营市财政局机关党支部", jinyuan, d(2024, 5, 1), std::nullopt});
    const PartyRegistrationId c = members.add({"党员 C", "胜利油田某党支部", jinting, d(2024, 1, 1), std::nullopt});
    members.end(c, d(2024, 6, 30));
    // C moved to 锦苑 afterwards: allowed, the dates do not overlap.
    (void)members.add({"党员 C", "胜利油田某党支部", jinyuan, d(2024, 7, 1), std::nullopt});
    EXPECT_THAT(members.counts(d(2024, 6, 1)), ElementsAre(UnitCount{jinyuan, 2}, UnitCount{jinting, 1}));
    EXPECT_THAT(members.counts(d(2024, 8, 1)), ElementsAre(UnitCount{jinyuan, 3}));
    const auto by_organisation = members.counts_by_organisation(d(2024, 8, 1));
    ASSERT_EQ(by_organisation.size(), 2U);
    EXPECT_EQ(by_organisation[0], (std::pair<std::string, std::int64_t>{"东营市财政局机关党支部", 2}));

    const DivisionTree tree = datasets::dongying_divisions();
    const std::vector<UnitCount> rolled = members.counts(tree, d(2024, 6, 1));
    EXPECT_EQ(rolled[tree.at(shengli).value()].count, 3);
    EXPECT_EQ(rolled[tree.at(DivisionCode("3705")).value()].count, 3);
}

TEST(PartyMembersAtHome, OneCommunityOfResidenceAtATime) {
    ResidentPartyMembers members;
    (void)members.add({"党员 A", "机关党支部", jinyuan, d(2024, 3, 1), std::nullopt});
    EXPECT_EQ(error_message<InvalidInput>(
                  [&] { (void)members.add({"党员 A", "机关党支部", jinting, d(2024, 9, 1), std::nullopt}); }),
              "party member '党员 A' is already registered with 370502005066 from 2024-03-01; one community of "
              "residence at a time");
    EXPECT_THAT(error_message<InvalidInput>(
                    [&] { (void)members.add({"党员 B", "机关党支部", shengli, d(2024, 3, 1), std::nullopt}); }),
                HasSubstr("registers with unit 370502005 (township level); expected a community or village"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)members.add({"党员 B", "", jinyuan, d(2024, 3, 1), std::nullopt}); }),
                HasSubstr("names no party organisation of origin"));
    EXPECT_THAT(error_message<InvalidInput>([&] { members.end(PartyRegistrationId{0}, d(2024, 1, 1)); }),
                HasSubstr("cannot end before it starts on 2024-03-01"));
}

TEST(SocialOrganisations, ShareOfHouseholdsTakingPart) {
    SocialOrganisationRegistry registry;
    (void)registry.add({"锦苑社区老年协会", SocialOrganisationKind::mutual_aid, jinyuan, false, 300});
    (void)registry.add({"锦苑社区孵化中心", SocialOrganisationKind::public_welfare, jinyuan, true, 100});
    (void)registry.add({"锦庭舞蹈队", SocialOrganisationKind::culture_sports, jinting, false, 90});
    const std::vector<UnitHouseholds> households{
        {jinyuan, 1000, 430},          // surveyed: 430 distinct households (43 %, as in the seed)
        {jinting, 200, std::nullopt},  // not surveyed: summed over organisations (an upper bound)
    };
    const std::vector<ParticipationShare> shares = registry.participation(households);
    ASSERT_EQ(shares.size(), 2U);
    EXPECT_EQ(shares[0].unit, jinyuan);
    EXPECT_EQ(shares[0].organisations, 2);
    EXPECT_EQ(shares[0].incubation_sites, 1);
    EXPECT_EQ(shares[0].participating_households, 430);
    EXPECT_DOUBLE_EQ(*shares[0].share, 0.43);
    EXPECT_FALSE(shares[0].estimated);
    EXPECT_EQ(shares[1].participating_households, 90);
    EXPECT_DOUBLE_EQ(*shares[1].share, 0.45);
    EXPECT_TRUE(shares[1].estimated);

    const DivisionTree tree = datasets::dongying_divisions();
    const std::vector<ParticipationShare> rolled = registry.participation(tree, households);
    const ParticipationShare& street = rolled[tree.at(shengli).value()];
    EXPECT_EQ(street.organisations, 3);
    EXPECT_EQ(street.incubation_sites, 1);
    EXPECT_EQ(street.households, 1200);
    EXPECT_EQ(street.participating_households, 520);
    EXPECT_NEAR(*street.share, 520.0 / 1200.0, 1e-12);
    EXPECT_TRUE(street.estimated);
    EXPECT_FALSE(rolled[tree.at(DivisionCode("370503")).value()].share.has_value());  // no households there
}

TEST(SocialOrganisations, SummedParticipationIsCappedAtTheHouseholds) {
    SocialOrganisationRegistry registry;
    (void)registry.add({"a", SocialOrganisationKind::other, jinyuan, false, 80});
    (void)registry.add({"b", SocialOrganisationKind::other, jinyuan, false, 70});
    const std::vector<UnitHouseholds> households{{jinyuan, 100, std::nullopt}};
    const ParticipationShare share = registry.participation(households)[0];
    EXPECT_EQ(share.participating_households, 100);
    EXPECT_DOUBLE_EQ(*share.share, 1.0);
    EXPECT_TRUE(share.estimated);
}

TEST(SocialOrganisations, HouseholdsFromAutonomyChains) {
    std::vector<AutonomyChain> chains;
    chains.emplace_back(CommitteeKind::residents, jinyuan, "锦苑社区居民委员会", d(2021, 5, 20));
    (void)chains[0].add_group("第一居民小组", 120, 260);
    (void)chains[0].add_group("第二居民小组", 80, 170);
    const std::vector<UnitHouseholds> households = households_of(chains);
    ASSERT_EQ(households.size(), 1U);
    EXPECT_EQ(households[0].unit, jinyuan);
    EXPECT_EQ(households[0].households, 200);
}

TEST(SocialOrganisations, RefuseBadInput) {
    SocialOrganisationRegistry registry;
    (void)registry.add({"a", SocialOrganisationKind::other, jinyuan, false, 10});
    EXPECT_THAT(error_message<InvalidInput>(
                    [&] { (void)registry.add({"a", SocialOrganisationKind::other, jinyuan, false, 10}); }),
                HasSubstr("unit 370502005066 already has a social organisation 'a'"));
    EXPECT_THAT(error_message<InvalidInput>(
                    [&] { (void)registry.add({"b", SocialOrganisationKind::other, jinyuan, false, -1}); }),
                HasSubstr("has -1 households taking part"));
    const std::vector<UnitHouseholds> twice{{jinyuan, 100, std::nullopt}, {jinyuan, 90, std::nullopt}};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)registry.participation(twice); }),
              "unit 370502005066 is listed twice in the households");
    const std::vector<UnitHouseholds> too_many{{jinyuan, 100, 120}};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)registry.participation(too_many); }),
              "unit 370502005066 has 120 households taking part of 100");
    SocialOrganisationRegistry elsewhere;
    (void)elsewhere.add({"北京某组织", SocialOrganisationKind::other, DivisionCode("110101001001"), false, 1});
    EXPECT_EQ(error_message<NotFound>([&] { (void)elsewhere.participation(datasets::dongying_divisions(), {}); }),
              "community social organisation '北京某组织' is in unit 110101001001, which is not in the division tree");
    EXPECT_EQ(parse_social_organisation_kind("文体娱乐类"), SocialOrganisationKind::culture_sports);
    EXPECT_EQ(chinese_name(SocialOrganisationKind::mediation), "专业调处类");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)parse_social_organisation_kind("club"); }),
                HasSubstr("unknown social organisation kind 'club'"));
}

TEST(SocialOrganisations, OneTableServesEveryKindName) {
    const auto kinds = enum_names(SocialOrganisationKind{});
    ASSERT_EQ(kinds.size(), 6U);
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(kinds[i].value), i);
        EXPECT_EQ(parse_social_organisation_kind(kinds[i].name), kinds[i].value);
        EXPECT_EQ(parse_social_organisation_kind(kinds[i].chinese), kinds[i].value);
    }
}

}  // namespace
}  // namespace grassroots
