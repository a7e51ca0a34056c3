// Volunteer service: registration, teams, projects, service records, totals and the roll-up.
#include "grassroots/people/volunteers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/tree.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

const DivisionCode jinyuan("370502005066");    // 锦苑社区
const DivisionCode jinting("370502005067");    // 锦庭社区, same sub-district
const DivisionCode shengli("370502005");       // 胜利街道
const DivisionCode dongying_district("370502");  // 东营区
const DivisionCode yongxing("370503102009");   // 河口区孤岛镇永兴社区

Date d(int month, int day) { return make_date(2024, month, day); }

/// Two communities of 胜利街道 and one of 河口区, with a team, a project and some service.
struct Fixture {
    VolunteerRegistry registry;
    VolunteerId lu, wang, zhao, sun;
    VolunteerTeamId haircut;
    VolunteerProjectId project;

    Fixture() {
        lu = registry.add_volunteer({"v-1", "卢德树", jinyuan, d(1, 10)});
        wang = registry.add_volunteer({"v-2", "王芳", jinyuan, d(3, 1)});
        zhao = registry.add_volunteer({"v-3", "赵强", jinting, d(2, 1)});
        sun = registry.add_volunteer({"v-4", "孙丽", yongxing, d(11, 1)});  // registered after the period below
        haircut = registry.add_team({"“头等大事”志愿服务队", jinyuan, d(1, 1)});
        project = registry.add_project({"义务理发", jinyuan, haircut, d(2, 1), d(12, 31)});
        registry.join(lu, haircut);
        registry.join(wang, haircut);
        registry.record({lu, project, d(6, 9), 3});
        registry.record({lu, project, d(7, 9), 2.5});
        registry.record({wang, std::nullopt, d(6, 20), 4});
        registry.record({zhao, std::nullopt, d(9, 2), 1.5});  // outside the period below
    }
};

TEST(Volunteers, TotalsPerUnitOverAPeriod) {
    const Fixture f;
    const std::vector<VolunteerTotals> totals = f.registry.totals(d(6, 1), d(8, 31));
    ASSERT_EQ(totals.size(), 2U);  // 永兴社区 has nothing yet on 31 August
    const VolunteerTotals& a = totals[0];
    EXPECT_EQ(a.unit, jinyuan);
    EXPECT_EQ(a.volunteers, 2);
    EXPECT_EQ(a.active_volunteers, 2);
    EXPECT_EQ(a.teams, 1);
    EXPECT_EQ(a.projects, 1);
    EXPECT_EQ(a.service_records, 3);
    EXPECT_DOUBLE_EQ(a.hours, 9.5);
    const VolunteerTotals& b = totals[1];
    EXPECT_EQ(b.unit, jinting);
    EXPECT_EQ(b.volunteers, 1);
    EXPECT_EQ(b.active_volunteers, 0);
    EXPECT_DOUBLE_EQ(b.hours, 0);
    EXPECT_DOUBLE_EQ(f.registry.hours_of(f.lu, d(1, 1), d(12, 31)), 5.5);
}

TEST(Volunteers, RollUpTheLadder) {
    const Fixture f;
    const DivisionTree tree = datasets::dongying_divisions();
    const std::vector<VolunteerTotals> totals = f.registry.totals(tree, d(1, 1), d(12, 31));
    ASSERT_EQ(totals.size(), tree.size());
    const auto row = [&](DivisionCode code) { return totals[tree.at(code).value()]; };
    EXPECT_EQ(row(shengli).volunteers, 3);
    EXPECT_EQ(row(shengli).active_volunteers, 3);
    EXPECT_DOUBLE_EQ(row(shengli).hours, 11);
    EXPECT_EQ(row(dongying_district).service_records, 4);
    EXPECT_EQ(row(DivisionCode("3705")).volunteers, 4);  // the city: 永兴社区's volunteer too
    EXPECT_EQ(row(DivisionCode("3705")).teams, 1);
    EXPECT_EQ(row(yongxing).active_volunteers, 0);
    EXPECT_EQ(row(DivisionCode("370503")).volunteers, 1);
}

TEST(Volunteers, TeamsHaveMembers) {
    Fixture f;
    EXPECT_EQ(f.registry.members(f.haircut), (std::vector<VolunteerId>{f.lu, f.wang}));
    f.registry.join(f.lu, f.haircut);  // idempotent
    EXPECT_EQ(f.registry.members(f.haircut).size(), 2U);
    EXPECT_EQ(f.registry.teams_of(f.lu), std::vector<VolunteerTeamId>{f.haircut});
    EXPECT_TRUE(f.registry.teams_of(f.zhao).empty());
    EXPECT_EQ(f.registry.find_volunteer("v-3"), f.zhao);
}

TEST(Volunteers, RefuseBadRecordsNamingWhoAndWhen) {
    Fixture f;
    EXPECT_EQ(error_message<InvalidInput>([&] { f.registry.record({f.lu, std::nullopt, d(6, 1), 0}); }),
              "a service record of volunteer 'v-1' on 2024-06-01 has 0 hours; expected more than 0 and at most 24");
    EXPECT_THAT(error_message<InvalidInput>([&] { f.registry.record({f.lu, std::nullopt, d(6, 1), 25}); }),
                HasSubstr("has 25 hours"));
    EXPECT_EQ(error_message<InvalidInput>([&] { f.registry.record({f.wang, std::nullopt, d(2, 1), 2}); }),
              "volunteer 'v-2' served on 2024-02-01, before registering on 2024-03-01");
    EXPECT_EQ(error_message<InvalidInput>([&] { f.registry.record({f.lu, f.project, d(1, 20), 2}); }),
              "volunteer 'v-1' served project '义务理发' on 2024-01-20, outside its dates (2024-02-01 – 2024-12-31)");
    EXPECT_THAT(error_message<NotFound>([&] { f.registry.record({VolunteerId{99}, std::nullopt, d(6, 1), 1}); }),
                HasSubstr("no volunteer with id 99"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.registry.add_volunteer({"v-1", "x", jinyuan, d(1, 1)}); }),
                HasSubstr("volunteer 'v-1' is already registered"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.registry.add_team({"“头等大事”志愿服务队", jinyuan, d(1, 1)}); }),
                HasSubstr("already has a volunteer team"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.registry.add_project({"p", jinyuan, std::nullopt, d(5, 1), d(4, 1)}); }),
                HasSubstr("ends on 2024-04-01, before it starts on 2024-05-01"));
    EXPECT_EQ(f.registry.records().size(), 4U);  // nothing was added
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.registry.totals(d(2, 1), d(1, 1)); }),
                HasSubstr("starts on 2024-02-01, after it ends on 2024-01-01"));
}

TEST(Volunteers, RollUpNamesAUnitMissingFromTheTree) {
    VolunteerRegistry registry;
    (void)registry.add_volunteer({"v-1", "x", DivisionCode("110101001001"), d(1, 1)});
    const DivisionTree tree = datasets::dongying_divisions();
    EXPECT_EQ(error_message<NotFound>([&] { (void)registry.totals(tree, d(1, 1), d(12, 31)); }),
              "volunteer 'v-1' belongs to unit 110101001001, which is not in the division tree");
}

}  // namespace
}  // namespace grassroots
