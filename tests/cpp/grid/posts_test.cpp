#include "grassroots/grid/posts.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

const DivisionCode jinyuan("370502005066");    // 锦苑社区
const DivisionCode neighbour("370502005067");  // another community of the same sub-district
const DivisionCode far_away("370502006001");   // a community of another sub-district
const DivisionCode township("370502005");

Date day(unsigned month, unsigned d) { return make_date(2026, month, d); }

GridWorker person(std::string name, DivisionCode home, std::optional<PartTimeKind> kind = std::nullopt,
                  bool elsewhere = false) {
    return GridWorker{std::move(name), home, kind, elsewhere, std::nullopt};
}

Grid make_grid(DivisionCode unit, unsigned sequence, double x0, std::int64_t households) {
    return Grid{GridCode::make(unit, sequence), GridKind::comprehensive, "第" + std::to_string(sequence) + "网格",
                Polygon::rectangle({x0, 37.40}, {x0 + 0.01, 37.41}), households};
}

GridMap city_map() {
    GridMapBuilder builder;
    builder.add(make_grid(jinyuan, 1, 118.50, 400))
        .add(make_grid(jinyuan, 2, 118.51, 350))
        .add(make_grid(jinyuan, 3, 118.52, 300))
        .add(make_grid(neighbour, 1, 118.53, 450))
        .add(make_grid(far_away, 1, 118.60, 500));
    return builder.build();
}

// Five grids: 锦苑 01–03, the neighbour's 01 and a far community's 01 (ids 0–4); named workers
// first, then one regular full-time worker per grid from the grid's own community.
struct City {
    GridMap map = city_map();
    GridStaffing staffing{map};
    const GridId g1{0}, g2{1}, g3{2}, next_door{3}, far_grid{4};
    GridWorkerId wang, li, zhang, liu, zhao, chen;
    std::vector<GridWorkerId> regulars;

    City() {
        wang = staffing.add_worker(person("王芳", jinyuan));
        li = staffing.add_worker(person("李强", jinyuan));
        zhang = staffing.add_worker(person("张伟", jinyuan, PartTimeKind::courier));
        liu = staffing.add_worker(person("刘洋", neighbour));
        zhao = staffing.add_worker(person("赵敏", jinyuan));
        chen = staffing.add_worker(person("陈静", far_away, std::nullopt, true));
        for (std::uint32_t g = 0; g < map.size(); ++g) {
            regulars.push_back(staffing.add_worker(
                person("网格员" + std::to_string(g + 1), map.grid(GridId{g}).code.unit())));
        }
    }
    // Gives every grid but those in @p skip its regular full-time worker from 2026-01-01.
    void staff_regulars(std::initializer_list<GridId> skip = {}) {
        for (std::uint32_t g = 0; g < map.size(); ++g) {
            if (std::find(skip.begin(), skip.end(), GridId{g}) != skip.end()) continue;
            staffing.assign(regulars[g], GridId{g}, GridRole::full_time, day(1, 1));
        }
    }
};

std::vector<std::string> messages(const std::vector<StaffingFinding>& findings) {
    std::vector<std::string> out;
    for (const StaffingFinding& f : findings) out.push_back(f.message);
    return out;
}

std::vector<std::string> rule_ids(const std::vector<StaffingFinding>& findings) {
    std::vector<std::string> out;
    for (const StaffingFinding& f : findings) out.push_back(f.rule_id);
    return out;
}

// ---- names, registration, posts ---------------------------------------------------------------------

TEST(GridStaffing, RoleAndKindNames) {
    EXPECT_EQ(to_string(GridRole::chief), "chief");
    EXPECT_EQ(to_string(GridRole::full_time), "full_time");
    EXPECT_EQ(to_string(GridRole::part_time), "part_time");
    EXPECT_EQ(to_string(GridRole::community_worker), "community_worker");
    EXPECT_EQ(to_string(GridRole::liaison), "liaison");
    EXPECT_EQ(chinese_name(GridRole::chief), "网格长");
    EXPECT_EQ(chinese_name(GridRole::full_time), "专职网格员");
    EXPECT_EQ(chinese_name(GridRole::part_time), "兼职网格员");
    EXPECT_EQ(chinese_name(GridRole::community_worker), "社区工作者");
    EXPECT_EQ(chinese_name(GridRole::liaison), "网格指导员");
    EXPECT_EQ(to_string(PartTimeKind::building_head), "building_head");
    EXPECT_EQ(to_string(PartTimeKind::courier), "courier");
    EXPECT_EQ(to_string(PartTimeKind::property_staff), "property_staff");
    EXPECT_EQ(to_string(PartTimeKind::other), "other");
    EXPECT_EQ(chinese_name(PartTimeKind::building_head), "楼栋长");
    EXPECT_EQ(chinese_name(PartTimeKind::volunteer), "志愿者");
    EXPECT_EQ(chinese_name(PartTimeKind::party_member), "党员");
    EXPECT_EQ(chinese_name(PartTimeKind::courier), "快递员");
    EXPECT_EQ(chinese_name(PartTimeKind::property_staff), "物业人员");
    EXPECT_EQ(chinese_name(PartTimeKind::other), "其他");
}

TEST(GridStaffing, AddWorkerChecksNameAndHome) {
    City city;
    EXPECT_EQ(error_message<InvalidInput>([&] { city.staffing.add_worker(person("", jinyuan)); }),
              "a grid worker needs a name");
    EXPECT_EQ(error_message<InvalidInput>([&] { city.staffing.add_worker(person("王芳", township)); }),
              "grid worker 王芳 must belong to a community or village; 370502005 is a township");
    const std::size_t before = city.staffing.workers().size();
    const GridWorkerId id = city.staffing.add_worker(person("孙丽", neighbour, PartTimeKind::building_head));
    EXPECT_EQ(id.value(), before);
    EXPECT_EQ(city.staffing.worker(id).name, "孙丽");
    EXPECT_EQ(city.staffing.worker(id).part_time, PartTimeKind::building_head);
    EXPECT_EQ(error_message<NotFound>([&] { (void)city.staffing.worker(GridWorkerId{99}); }),
              "grid worker 99 is not registered");
    EXPECT_EQ(error_message<NotFound>([&] { (void)city.staffing.worker(GridWorkerId{}); }),
              "grid worker (invalid) is not registered");
}

TEST(GridStaffing, AssignChecksItsInput) {
    City city;
    auto& s = city.staffing;
    EXPECT_EQ(error_message<NotFound>([&] { s.assign(GridWorkerId{99}, city.g1, GridRole::full_time, day(3, 1)); }),
              "grid worker 99 is not registered");
    EXPECT_EQ(error_message<NotFound>([&] { s.assign(city.wang, GridId{99}, GridRole::full_time, day(3, 1)); }),
              "no grid with id 99 in this map of 5 grids");
    EXPECT_EQ(error_message<InvalidInput>(
                  [&] { s.assign(city.wang, city.g1, GridRole::full_time, day(3, 1), day(1, 1)); }),
              "an assignment ends on 2026-01-01, before it starts on 2026-03-01");
    EXPECT_EQ(error_message<InvalidInput>([&] { s.assign(city.wang, city.g1, GridRole::part_time, day(3, 1)); }),
              "王芳 has no part-time kind and cannot hold a part-time post");
    EXPECT_TRUE(s.assignments().empty());  // nothing was recorded by the failed calls
    // One day is a valid post (start = end); a courier may be part-time; rules are not checked here.
    const GridAssignmentId one_day = s.assign(city.wang, city.g1, GridRole::full_time, day(3, 1), day(3, 1));
    EXPECT_EQ(one_day.value(), 0U);
    s.assign(city.zhang, city.g1, GridRole::part_time, day(3, 1));
    s.assign(city.liu, city.g1, GridRole::full_time, day(3, 1));  // outside home: allowed as a draft
    EXPECT_EQ(s.assignments().size(), 3U);
}

TEST(GridStaffing, EndAssignment) {
    City city;
    auto& s = city.staffing;
    const GridAssignmentId a = s.assign(city.wang, city.g1, GridRole::full_time, day(3, 1));
    EXPECT_EQ(error_message<InvalidInput>([&] { s.end_assignment(a, day(2, 28)); }),
              "an assignment ends on 2026-02-28, before it starts on 2026-03-01");
    s.end_assignment(a, day(3, 1));  // the first day is a valid last day
    EXPECT_EQ(s.assignments()[0].end, day(3, 1));
    EXPECT_EQ(error_message<InvalidInput>([&] { s.end_assignment(a, day(4, 1)); }),
              "assignment 0 already ended on 2026-03-01");
    EXPECT_EQ(error_message<NotFound>([&] { s.end_assignment(GridAssignmentId{7}, day(4, 1)); }),
              "assignment 7 does not exist");
}

TEST(GridStaffing, HoldersHistoryAndPostsOf) {
    City city;
    auto& s = city.staffing;
    const auto a0 = s.assign(city.wang, city.g1, GridRole::full_time, day(1, 1));
    const auto a1 = s.assign(city.li, city.g1, GridRole::full_time, day(3, 1));
    const auto a2 = s.assign(city.wang, city.g1, GridRole::chief, day(2, 1));
    const auto a3 = s.assign(city.zhang, city.g1, GridRole::part_time, day(1, 15), day(1, 31));
    const auto a4 = s.assign(city.wang, city.g2, GridRole::community_worker, day(1, 1));
    s.end_assignment(a0, day(2, 28));

    using Ids = std::vector<GridWorkerId>;
    EXPECT_EQ(s.holders(city.g1, GridRole::full_time, day(2, 28)), Ids{city.wang});
    EXPECT_EQ(s.holders(city.g1, GridRole::full_time, day(3, 1)), Ids{city.li});
    EXPECT_EQ(s.holders(city.g1, GridRole::full_time, day(12, 31)), Ids{city.li});
    EXPECT_EQ(s.holders(city.g1, GridRole::chief, day(1, 31)), Ids{});
    EXPECT_EQ(s.holders(city.g1, GridRole::chief, day(2, 1)), Ids{city.wang});
    EXPECT_EQ(s.holders(city.g1, GridRole::part_time, day(1, 31)), Ids{city.zhang});
    EXPECT_EQ(s.holders(city.g1, GridRole::part_time, day(2, 1)), Ids{});
    EXPECT_EQ(s.holders(city.g2, GridRole::full_time, day(3, 1)), Ids{});
    EXPECT_THROW((void)s.holders(GridId{9}, GridRole::chief, day(1, 1)), NotFound);

    using Posts = std::vector<GridAssignmentId>;
    EXPECT_EQ(s.history(city.g1), (Posts{a0, a3, a2, a1}));  // by start date
    EXPECT_EQ(s.history(city.g3), Posts{});
    EXPECT_EQ(s.posts_of(city.wang), (Posts{a0, a4, a2}));  // same start: registration order
    EXPECT_EQ(s.posts_of(city.chen), Posts{});
    EXPECT_THROW((void)s.posts_of(GridWorkerId{99}), NotFound);
    EXPECT_THROW((void)s.history(GridId{99}), NotFound);
}

// ---- the daily checks -----------------------------------------------------------------------------------

TEST(StaffingCheck, GridsWithoutFullTimeWorkerAreOneFindingPerRun) {
    City city;
    const auto findings = city.staffing.check(day(3, 1), day(3, 5));
    ASSERT_EQ(findings.size(), 5U);
    EXPECT_EQ(findings[0].rule_id, "full_time.exactly_one");
    EXPECT_EQ(findings[0].grid, city.g1);
    EXPECT_FALSE(findings[0].worker);
    EXPECT_EQ(findings[0].first, day(3, 1));
    EXPECT_EQ(findings[0].last, day(3, 5));
    EXPECT_EQ(messages(findings), (std::vector<std::string>{
                                      "grid 37050200506601 has no full-time worker from 2026-03-01 to 2026-03-05",
                                      "grid 37050200506602 has no full-time worker from 2026-03-01 to 2026-03-05",
                                      "grid 37050200506603 has no full-time worker from 2026-03-01 to 2026-03-05",
                                      "grid 37050200506701 has no full-time worker from 2026-03-01 to 2026-03-05",
                                      "grid 37050200600101 has no full-time worker from 2026-03-01 to 2026-03-05"}));
    EXPECT_EQ(city.staffing.check(day(3, 1), day(3, 1))[0].message,
              "grid 37050200506601 has no full-time worker on 2026-03-01");
    city.staff_regulars();
    EXPECT_TRUE(city.staffing.check(day(1, 1), day(12, 31)).empty());
    // Before the regulars started, the grids were empty: the run is cut at the range's first day.
    const auto before = city.staffing.check(make_date(2025, 12, 30), day(1, 5));
    ASSERT_EQ(before.size(), 5U);
    EXPECT_EQ(before[0].message, "grid 37050200506601 has no full-time worker from 2025-12-30 to 2025-12-31");
}

TEST(StaffingCheck, TwoFullTimeWorkersNamedOnTheirDays) {
    City city;
    city.staff_regulars({city.g1});
    city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(1, 1));
    city.staffing.assign(city.li, city.g1, GridRole::full_time, day(3, 2), day(3, 2));
    const auto findings = city.staffing.check(day(3, 1), day(3, 31));
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].rule_id, "full_time.exactly_one");
    EXPECT_EQ(findings[0].grid, city.g1);
    EXPECT_EQ(findings[0].first, day(3, 2));
    EXPECT_EQ(findings[0].last, day(3, 2));
    EXPECT_EQ(findings[0].message, "grid 37050200506601 has 2 full-time workers (王芳, 李强) on 2026-03-02");
}

TEST(StaffingCheck, AHandoverOnConsecutiveDaysIsNoFinding) {
    // 王芳's post ends on D = 03-03 and covers it; 李强 starting on D+1 is a successor, not a duplicate.
    for (const unsigned start : {3U, 4U, 5U}) {
        City city;
        city.staff_regulars({city.g1});
        const auto a = city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(1, 1));
        city.staffing.end_assignment(a, day(3, 3));
        city.staffing.assign(city.li, city.g1, GridRole::full_time, day(3, start));
        const auto findings = city.staffing.check(day(3, 1), day(3, 31));
        if (start == 4) {
            EXPECT_TRUE(findings.empty()) << ::testing::PrintToString(messages(findings));
        } else if (start == 3) {
            EXPECT_EQ(messages(findings),
                      std::vector<std::string>{"grid 37050200506601 has 2 full-time workers (王芳, 李强) on 2026-03-03"});
        } else {
            EXPECT_EQ(messages(findings),
                      std::vector<std::string>{"grid 37050200506601 has no full-time worker on 2026-03-04"});
            EXPECT_TRUE(city.staffing.check(day(3, 5), day(3, 31)).empty());
            EXPECT_TRUE(city.staffing.check(day(3, 1), day(3, 3)).empty());
            EXPECT_EQ(city.staffing.check(day(3, 4), day(3, 4)).size(), 1U);
        }
    }
}

TEST(StaffingCheck, ReappointingTheSameWorkerIsNoGapAndNoDuplicate) {
    City city;
    city.staff_regulars({city.g1});
    const auto a = city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(1, 1));
    city.staffing.end_assignment(a, day(3, 10));
    city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(3, 11));
    city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(3, 20), day(3, 21));  // recorded twice
    EXPECT_TRUE(city.staffing.check(day(1, 1), day(12, 31)).empty());
}

TEST(StaffingCheck, AChangeOfHoldersSplitsTheFinding) {
    City city;
    city.staff_regulars({city.g1});
    city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(3, 1), day(3, 3));
    city.staffing.assign(city.li, city.g1, GridRole::full_time, day(3, 1), day(3, 2));
    city.staffing.assign(city.regulars[0], city.g1, GridRole::full_time, day(3, 3), day(3, 4));
    const auto findings = city.staffing.check(day(3, 1), day(3, 6));
    EXPECT_EQ(messages(findings),
              (std::vector<std::string>{
                  "grid 37050200506601 has 2 full-time workers (王芳, 李强) from 2026-03-01 to 2026-03-02",
                  "grid 37050200506601 has 2 full-time workers (王芳, 网格员1) on 2026-03-03",
                  "grid 37050200506601 has no full-time worker from 2026-03-05 to 2026-03-06"}));
}

TEST(StaffingCheck, AFullTimeWorkerServesOneGrid) {
    City city;
    city.staff_regulars({city.g1});
    city.staffing.assign(city.wang, city.g1, GridRole::full_time, day(1, 1));
    city.staffing.assign(city.wang, city.g2, GridRole::full_time, day(3, 10), day(3, 12));
    const auto findings = city.staffing.check(day(3, 1), day(3, 31));
    EXPECT_EQ(rule_ids(findings), (std::vector<std::string>{"full_time.exactly_one", "full_time.one_grid"}));
    EXPECT_EQ(findings[0].message,
              "grid 37050200506602 has 2 full-time workers (王芳, 网格员2) from 2026-03-10 to 2026-03-12");
    EXPECT_EQ(findings[1].message,
              "full-time worker 王芳 serves 2 grids (37050200506601, 37050200506602) from 2026-03-10 to 2026-03-12");
    EXPECT_EQ(findings[1].worker, city.wang);
    EXPECT_FALSE(findings[1].grid);
    EXPECT_EQ(findings[1].first, day(3, 10));
    EXPECT_EQ(findings[1].last, day(3, 12));
    // Other roles in a second grid are no full-time load.
    City other;
    other.staff_regulars({other.g1});
    other.staffing.assign(other.wang, other.g1, GridRole::full_time, day(1, 1));
    other.staffing.assign(other.wang, other.g2, GridRole::chief, day(1, 1));
    other.staffing.assign(other.wang, other.g3, GridRole::community_worker, day(1, 1));
    EXPECT_TRUE(other.staffing.check(day(1, 1), day(12, 31)).empty());
}

TEST(StaffingCheck, PartTimeLoadBoundary) {
    City city;
    city.staff_regulars();
    city.staffing.assign(city.zhang, city.g1, GridRole::part_time, day(3, 1));
    city.staffing.assign(city.zhang, city.g2, GridRole::part_time, day(3, 1));
    EXPECT_TRUE(city.staffing.check(day(3, 1), day(3, 31)).empty());  // 2 = the limit
    city.staffing.assign(city.zhang, city.g3, GridRole::part_time, day(3, 5), day(3, 6));
    const auto findings = city.staffing.check(day(3, 1), day(3, 31));
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].rule_id, "part_time.load");
    EXPECT_EQ(findings[0].worker, city.zhang);
    EXPECT_EQ(findings[0].message,
              "part-time worker 张伟 serves 3 grids (37050200506601, 37050200506602, 37050200506603) from 2026-03-05 "
              "to 2026-03-06; the limit is 2");
    StaffingRules three;
    three.part_time_max_grids = 3;
    EXPECT_TRUE(city.staffing.check(day(3, 1), day(3, 31), three).empty());
    StaffingRules one;
    one.part_time_max_grids = 1;
    EXPECT_EQ(messages(city.staffing.check(day(3, 1), day(3, 31), one)),
              (std::vector<std::string>{
                  "part-time worker 张伟 serves 2 grids (37050200506601, 37050200506602) from 2026-03-01 to 2026-03-04; "
                  "the limit is 1",
                  "part-time worker 张伟 serves 3 grids (37050200506601, 37050200506602, 37050200506603) from "
                  "2026-03-05 to 2026-03-06; the limit is 1",
                  "part-time worker 张伟 serves 2 grids (37050200506601, 37050200506602) from 2026-03-07 to 2026-03-31; "
                  "the limit is 1"}));
}

TEST(StaffingCheck, LiaisonLoadAndTownship) {
    City city;
    city.staff_regulars();
    for (const GridId g : {city.g1, city.g2, city.g3, city.next_door}) {
        city.staffing.assign(city.zhao, g, GridRole::liaison, day(1, 1));  // all in 370502005
    }
    EXPECT_TRUE(city.staffing.check(day(3, 1), day(3, 31)).empty());  // 4 ≤ 60
    StaffingRules rules;
    rules.liaison_max_grids = 4;
    EXPECT_TRUE(city.staffing.check(day(3, 1), day(3, 31), rules).empty());
    rules.liaison_max_grids = 3;
    auto findings = city.staffing.check(day(3, 1), day(3, 31), rules);
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].rule_id, "liaison.load");
    EXPECT_EQ(findings[0].worker, city.zhao);
    EXPECT_EQ(findings[0].message, "liaison 赵敏 covers 4 grids from 2026-03-01 to 2026-03-31; the limit is 3");
    // A grid of another township is outside the liaison's township.
    city.staffing.assign(city.zhao, city.far_grid, GridRole::liaison, day(3, 15));
    findings = city.staffing.check(day(3, 1), day(3, 31));
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].rule_id, "post.home");
    EXPECT_EQ(findings[0].grid, city.far_grid);
    EXPECT_EQ(findings[0].worker, city.zhao);
    EXPECT_EQ(findings[0].message,
              "liaison 赵敏 of township 370502005 covers grid 37050200600101 of another township from 2026-03-15 to "
              "2026-03-31");
}

TEST(StaffingCheck, PostsOutsideHome) {
    City city;
    city.staff_regulars();
    // 刘洋 of the neighbour community in 锦苑's grid: first a community worker, then the chief.
    const auto a = city.staffing.assign(city.liu, city.g1, GridRole::community_worker, day(3, 1));
    city.staffing.end_assignment(a, day(3, 10));
    city.staffing.assign(city.liu, city.g1, GridRole::chief, day(3, 11));
    city.staffing.assign(city.liu, city.next_door, GridRole::chief, day(3, 1));  // own community: fine
    city.staffing.assign(city.chen, city.g2, GridRole::community_worker, day(3, 1));  // allowed elsewhere
    auto findings = city.staffing.check(day(2, 1), day(3, 31));
    ASSERT_EQ(findings.size(), 1U);
    EXPECT_EQ(findings[0].rule_id, "post.home");
    EXPECT_EQ(findings[0].grid, city.g1);
    EXPECT_EQ(findings[0].worker, city.liu);
    EXPECT_EQ(findings[0].message,
              "刘洋 of 370502005067 holds a post in grid 37050200506601 of another community from 2026-03-01 to "
              "2026-03-31");
    // A gap of one day splits it.
    City gap;
    gap.staff_regulars();
    gap.staffing.assign(gap.liu, gap.g1, GridRole::community_worker, day(3, 1), day(3, 10));
    gap.staffing.assign(gap.liu, gap.g1, GridRole::chief, day(3, 12), day(3, 12));
    EXPECT_EQ(messages(gap.staffing.check(day(3, 1), day(3, 31))),
              (std::vector<std::string>{
                  "刘洋 of 370502005067 holds a post in grid 37050200506601 of another community from 2026-03-01 to "
                  "2026-03-10",
                  "刘洋 of 370502005067 holds a post in grid 37050200506601 of another community on 2026-03-12"}));
    // A full-time post outside home is the same rule; the grid is still staffed.
    City full;
    full.staff_regulars({full.g1});
    full.staffing.assign(full.liu, full.g1, GridRole::full_time, day(1, 1));
    EXPECT_EQ(rule_ids(full.staffing.check(day(3, 1), day(3, 31))), std::vector<std::string>{"post.home"});
}

TEST(StaffingCheck, ChiefsOnlyWhenRequired) {
    City city;
    city.staff_regulars();
    city.staffing.assign(city.wang, city.g1, GridRole::chief, day(1, 1));
    city.staffing.assign(city.li, city.g1, GridRole::chief, day(3, 31));
    EXPECT_TRUE(city.staffing.check(day(3, 1), day(3, 31)).empty());
    StaffingRules rules;
    rules.require_chief = true;
    const auto findings = city.staffing.check(day(3, 1), day(3, 31), rules);
    EXPECT_EQ(messages(findings),
              (std::vector<std::string>{"grid 37050200506602 has no grid chief from 2026-03-01 to 2026-03-31",
                                        "grid 37050200506603 has no grid chief from 2026-03-01 to 2026-03-31",
                                        "grid 37050200506701 has no grid chief from 2026-03-01 to 2026-03-31",
                                        "grid 37050200600101 has no grid chief from 2026-03-01 to 2026-03-31",
                                        "grid 37050200506601 has 2 grid chiefs (王芳, 李强) on 2026-03-31"}));
    EXPECT_EQ(findings[0].rule_id, "chief.exactly_one");
}

TEST(StaffingCheck, RangeMustBeInOrder) {
    City city;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)city.staffing.check(day(3, 2), day(3, 1)); }),
              "check: the range ends on 2026-03-01, before it starts on 2026-03-02");
    EXPECT_EQ(city.staffing.check(day(3, 1), day(3, 1)).size(), 5U);
}

TEST(StaffingCheck, AYearOfTwoThousandGridsIsSwept) {
    // 40 communities × 50 grids; each grid changes hands every quarter; two faults are planted.
    GridMapBuilder builder(CoordinateSystem::metres);
    for (unsigned c = 0; c < 40; ++c) {
        const DivisionCode unit = DivisionCode::parse("370502005" + std::to_string(1001 + c).substr(1));
        for (unsigned g = 0; g < 50; ++g) {
            const double x = 100.0 * g;
            const double y = 100.0 * c;
            builder.add(Grid{GridCode::make(unit, g + 1), GridKind::comprehensive, "网格",
                             Polygon::rectangle({x, y}, {x + 100, y + 100}), 300});
        }
    }
    const GridMap map = builder.build();
    ASSERT_EQ(map.size(), 2000U);
    GridStaffing staffing(map);
    const Date quarters[] = {make_date(2026, 1, 1), make_date(2026, 4, 1), make_date(2026, 7, 1),
                             make_date(2026, 10, 1)};
    for (std::uint32_t g = 0; g < map.size(); ++g) {
        const DivisionCode unit = map.grid(GridId{g}).code.unit();
        for (std::size_t q = 0; q < 4; ++q) {
            const GridWorkerId w =
                staffing.add_worker(person("网格员" + std::to_string(g) + "-" + std::to_string(q), unit));
            const auto a = staffing.assign(w, GridId{g}, GridRole::full_time, quarters[q]);
            if (q < 3) {
                staffing.end_assignment(a, Date{std::chrono::sys_days{quarters[q + 1]} - std::chrono::days{1}});
            }
        }
    }
    EXPECT_TRUE(staffing.check(make_date(2026, 1, 1), make_date(2026, 12, 31)).empty());
    // Grid 7's last worker leaves on 30 November; grid 1999 gets a second worker in December.
    staffing.end_assignment(GridAssignmentId{7 * 4 + 3}, make_date(2026, 11, 30));
    const GridWorkerId extra = staffing.add_worker(person("加派", map.grid(GridId{1999}).code.unit()));
    staffing.assign(extra, GridId{1999}, GridRole::full_time, make_date(2026, 12, 1));
    EXPECT_EQ(messages(staffing.check(make_date(2026, 1, 1), make_date(2026, 12, 31))),
              (std::vector<std::string>{
                  "grid 37050200500108 has no full-time worker from 2026-12-01 to 2026-12-31",
                  "grid 37050200504050 has 2 full-time workers (网格员1999-3, 加派) from 2026-12-01 to 2026-12-31"}));
}

// ---- coverage report ------------------------------------------------------------------------------------

TEST(StaffingSummary, RowsPerUnitAtTheLevel) {
    City city;
    city.staff_regulars({city.g3});
    for (const GridId g : {city.g1, city.g2, city.g3}) {
        city.staffing.assign(city.zhang, g, GridRole::part_time, day(1, 1));  // 3 > 2: over load
    }
    city.staffing.assign(city.zhao, city.g1, GridRole::liaison, day(1, 1));
    const auto rows = city.staffing.summary(township, Level::village, day(3, 1));
    ASSERT_EQ(rows.size(), 2U);  // the far community is in another township
    EXPECT_EQ(rows[0].unit, jinyuan);
    EXPECT_EQ(rows[0].grids, 3);
    EXPECT_EQ(rows[0].grids_without_full_time, 1);
    EXPECT_EQ(rows[0].full_time_workers, 2);
    EXPECT_EQ(rows[0].part_time_workers, 1);
    EXPECT_EQ(rows[0].workers_over_load, 1);
    EXPECT_EQ(rows[0].households, 1050);
    EXPECT_DOUBLE_EQ(rows[0].households_per_full_time, 525.0);
    EXPECT_EQ(rows[1].unit, neighbour);
    EXPECT_EQ(rows[1].grids, 1);
    EXPECT_EQ(rows[1].grids_without_full_time, 0);
    EXPECT_EQ(rows[1].full_time_workers, 1);
    EXPECT_EQ(rows[1].part_time_workers, 0);
    EXPECT_EQ(rows[1].workers_over_load, 0);
    EXPECT_EQ(rows[1].households, 450);
    EXPECT_DOUBLE_EQ(rows[1].households_per_full_time, 450.0);

    const auto townships = city.staffing.summary(DivisionCode("370502"), Level::township, day(3, 1));
    ASSERT_EQ(townships.size(), 2U);
    EXPECT_EQ(townships[0].unit, township);
    EXPECT_EQ(townships[0].grids, 4);
    EXPECT_EQ(townships[0].grids_without_full_time, 1);
    EXPECT_EQ(townships[0].full_time_workers, 3);
    EXPECT_EQ(townships[0].part_time_workers, 1);
    EXPECT_EQ(townships[0].workers_over_load, 1);
    EXPECT_EQ(townships[0].households, 1500);
    EXPECT_DOUBLE_EQ(townships[0].households_per_full_time, 500.0);
    EXPECT_EQ(townships[1].unit, DivisionCode("370502006"));
    EXPECT_EQ(townships[1].grids, 1);
    EXPECT_EQ(townships[1].households, 500);

    // One unit at its own level; a looser limit clears the over-load; before anyone started, nobody.
    StaffingRules loose;
    loose.part_time_max_grids = 3;
    const auto own = city.staffing.summary(jinyuan, Level::village, day(3, 1), loose);
    ASSERT_EQ(own.size(), 1U);
    EXPECT_EQ(own[0].workers_over_load, 0);
    const auto early = city.staffing.summary(jinyuan, Level::village, make_date(2025, 12, 31));
    EXPECT_EQ(early[0].grids_without_full_time, 3);
    EXPECT_EQ(early[0].full_time_workers, 0);
    EXPECT_EQ(early[0].households_per_full_time, 0.0);
    EXPECT_TRUE(city.staffing.summary(DivisionCode("370503"), Level::township, day(3, 1)).empty());
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)city.staffing.summary(jinyuan, Level::township, day(3, 1)); }),
              "summary: township level is above 370502005066 (a village)");
}

TEST(StaffingSummary, AFullTimeWorkerInTwoGridsCountsOnceAndIsOverLoad) {
    City city;
    city.staff_regulars({city.g2});
    city.staffing.assign(city.regulars[0], city.g2, GridRole::full_time, day(1, 1));
    const auto rows = city.staffing.summary(jinyuan, Level::village, day(3, 1));
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].grids_without_full_time, 0);
    EXPECT_EQ(rows[0].full_time_workers, 2);
    EXPECT_EQ(rows[0].workers_over_load, 1);
    EXPECT_DOUBLE_EQ(rows[0].households_per_full_time, 525.0);
}

}  // namespace
}  // namespace grassroots

namespace grassroots {
namespace {

TEST(StaffingCheck, LimitedToAUnit) {
    GridMapBuilder builder(CoordinateSystem::metres);
    builder.add(Grid{GridCode::parse("37050200506601"), GridKind::comprehensive, "a", Polygon::rectangle({0, 0}, {10, 10}), 0});
    builder.add(Grid{GridCode::parse("37050200505801"), GridKind::comprehensive, "b", Polygon::rectangle({20, 0}, {30, 10}), 0});
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    const auto worker = staffing.add_worker({"王芳", DivisionCode("370502005066"), std::nullopt, false, std::nullopt});
    staffing.assign(worker, *map.find(GridCode::parse("37050200506601")), GridRole::full_time, make_date(2026, 3, 1));
    EXPECT_EQ(staffing.check(make_date(2026, 3, 1), make_date(2026, 3, 31)).size(), 1U);  // grid …5801 unstaffed
    EXPECT_TRUE(staffing.check(make_date(2026, 3, 1), make_date(2026, 3, 31), DivisionCode("370502005066")).empty());
    EXPECT_EQ(staffing.check(make_date(2026, 3, 1), make_date(2026, 3, 31), DivisionCode("370502005")).size(), 1U);
}

}  // namespace
}  // namespace grassroots
