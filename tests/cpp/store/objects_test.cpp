// The model objects through the store (issue 13 §2): each saved object reloads identical (field
// by field, on synthetic Dongying chains and grids, irregular grids, the seed's ledger campaign),
// unchanged saves write nothing, concurrent edits conflict, and bad streams give clear errors.
#include "grassroots/store/objects.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/synthetic.hpp"
#include "grassroots/burden/burden.hpp"
#include "grassroots/datasets/dongying.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/grid/synthetic.hpp"
#include "grassroots/ledger/ledger.hpp"
#include "grassroots/people/participation.hpp"
#include "grassroots/people/review.hpp"
#include "grassroots/people/volunteers.hpp"
#include "store/objects_fixture.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

const DivisionCode jinyuan("370502005066");    // 锦苑社区
const DivisionCode yongxing("370503102009");   // 孤岛镇永兴社区
const DivisionCode gongqingtuan("370503102001");

class ObjectsTest : public testing::ObjectsFixture {};
GRASSROOTS_ON_BOTH_ENGINES(ObjectsTest);

// ---- comparisons ------------------------------------------------------------------------------------

void expect_same(const AutonomyChain& a, const AutonomyChain& b) {
    EXPECT_EQ(a.kind(), b.kind());
    EXPECT_EQ(a.unit(), b.unit());
    EXPECT_EQ(a.name(), b.name());
    EXPECT_EQ(a.elected(), b.elected());
    ASSERT_EQ(a.people().size(), b.people().size());
    for (std::size_t i = 0; i < a.people().size(); ++i) {
        const Person &x = a.people()[i], &y = b.people()[i];
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.sex, y.sex);
        EXPECT_EQ(x.birth_date, y.birth_date);
        EXPECT_EQ(x.group, y.group);
        EXPECT_EQ(x.household, y.household);
        EXPECT_EQ(x.party_member, y.party_member);
    }
    ASSERT_EQ(a.groups().size(), b.groups().size());
    for (std::size_t i = 0; i < a.groups().size(); ++i) {
        EXPECT_EQ(a.groups()[i].name, b.groups()[i].name);
        EXPECT_EQ(a.groups()[i].households, b.groups()[i].households);
        EXPECT_EQ(a.groups()[i].adult_residents, b.groups()[i].adult_residents);
    }
    ASSERT_EQ(a.subordinate_committees().size(), b.subordinate_committees().size());
    for (std::size_t i = 0; i < a.subordinate_committees().size(); ++i) {
        EXPECT_EQ(a.subordinate_committees()[i].kind, b.subordinate_committees()[i].kind);
        EXPECT_EQ(a.subordinate_committees()[i].name, b.subordinate_committees()[i].name);
    }
    ASSERT_EQ(a.party_organisations().size(), b.party_organisations().size());
    for (std::size_t i = 0; i < a.party_organisations().size(); ++i) {
        EXPECT_EQ(a.party_organisations()[i].kind, b.party_organisations()[i].kind);
        EXPECT_EQ(a.party_organisations()[i].name, b.party_organisations()[i].name);
        EXPECT_EQ(a.party_organisations()[i].parent, b.party_organisations()[i].parent);
    }
    ASSERT_EQ(a.posts().size(), b.posts().size());
    for (std::size_t i = 0; i < a.posts().size(); ++i) {
        const Post &x = a.posts()[i], &y = b.posts()[i];
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.person, y.person);
        EXPECT_EQ(x.start, y.start);
        EXPECT_EQ(x.end, y.end);
        EXPECT_EQ(x.group, y.group);
        EXPECT_EQ(x.subordinate, y.subordinate);
        EXPECT_EQ(x.party_organisation, y.party_organisation);
        EXPECT_EQ(x.duty, y.duty);
    }
}

void expect_same_polygon(const Polygon& a, const Polygon& b) {
    EXPECT_EQ(a.outer(), b.outer());
    EXPECT_EQ(a.holes(), b.holes());
}

void expect_same(const GridMap& a, const GridMap& b) {
    EXPECT_EQ(a.coordinates(), b.coordinates());
    EXPECT_EQ(a.epsg(), b.epsg());
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const Grid &x = a.grids()[i], &y = b.grids()[i];
        EXPECT_EQ(x.code, y.code);
        EXPECT_EQ(x.code.str(), y.code.str());
        EXPECT_EQ(x.code.layout().name(), y.code.layout().name());
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.households, y.households);
        expect_same_polygon(x.shape, y.shape);
    }
    ASSERT_EQ(a.boundaries().size(), b.boundaries().size());
    for (std::size_t i = 0; i < a.boundaries().size(); ++i) {
        EXPECT_EQ(a.boundaries()[i].first, b.boundaries()[i].first);
        expect_same_polygon(a.boundaries()[i].second, b.boundaries()[i].second);
    }
    EXPECT_EQ(a.to_geojson(MapFeatures::all), b.to_geojson(MapFeatures::all));
}

void expect_same(const GridStaffing& a, const GridStaffing& b) {
    ASSERT_EQ(a.workers().size(), b.workers().size());
    for (std::size_t i = 0; i < a.workers().size(); ++i) {
        const GridWorker &x = a.workers()[i], &y = b.workers()[i];
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.home, y.home);
        EXPECT_EQ(x.part_time, y.part_time);
        EXPECT_EQ(x.may_serve_elsewhere, y.may_serve_elsewhere);
        EXPECT_EQ(x.location, y.location);
    }
    ASSERT_EQ(a.assignments().size(), b.assignments().size());
    for (std::size_t i = 0; i < a.assignments().size(); ++i) {
        const GridAssignment &x = a.assignments()[i], &y = b.assignments()[i];
        EXPECT_EQ(x.worker, y.worker);
        EXPECT_EQ(a.map().grid(x.grid).code, b.map().grid(y.grid).code);
        EXPECT_EQ(x.role, y.role);
        EXPECT_EQ(x.start, y.start);
        EXPECT_EQ(x.end, y.end);
    }
}

void expect_same(const DualLedger& a, const DualLedger& b) {
    ASSERT_EQ(a.problems().size(), b.problems().size());
    for (std::size_t i = 0; i < a.problems().size(); ++i) {
        const Problem &x = a.problems()[i], &y = b.problems()[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.number, y.number);
        EXPECT_EQ(x.title, y.title);
        EXPECT_EQ(x.owner, y.owner);
        EXPECT_EQ(x.raised, y.raised);
        EXPECT_EQ(x.due, y.due);
        EXPECT_EQ(x.status, y.status);
        EXPECT_EQ(x.source, y.source);
        EXPECT_EQ(x.measures, y.measures);
        EXPECT_EQ(x.history, y.history);
        EXPECT_EQ(x.struck_off_on, y.struck_off_on);
        EXPECT_EQ(x.reopens, y.reopens);
    }
    ASSERT_EQ(a.measures().size(), b.measures().size());
    for (std::size_t i = 0; i < a.measures().size(); ++i) {
        const Measure &x = a.measures()[i], &y = b.measures()[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.number, y.number);
        EXPECT_EQ(x.title, y.title);
        EXPECT_EQ(x.owner, y.owner);
        EXPECT_EQ(x.responsible, y.responsible);
        EXPECT_EQ(x.created, y.created);
        EXPECT_EQ(x.due, y.due);
        EXPECT_EQ(x.status, y.status);
        EXPECT_EQ(x.problems, y.problems);
        EXPECT_EQ(x.history, y.history);
        EXPECT_EQ(x.completed_on, y.completed_on);
        EXPECT_EQ(x.completed_by, y.completed_by);
    }
    EXPECT_EQ(a.history_csv(), b.history_csv());
    EXPECT_EQ(a.links_csv(), b.links_csv());
}

// ---- fixtures ---------------------------------------------------------------------------------------

const DivisionTree& dongying() {
    static const DivisionTree tree = datasets::dongying_divisions();
    return tree;
}

/// A synthetic chain with a change of director: the first one's post ended, a new one appointed.
AutonomyChain changed_chain(DivisionCode unit, std::uint64_t seed) {
    AutonomyChain chain = synthetic_chain(unit, "测试社区居民委员会", day(2021, 6, 1), seed);
    const std::vector<PostId> directors = chain.holders(PostKind::director, day(2022, 1, 1));
    if (!directors.empty()) {
        const PersonId old = chain.post(directors.front()).person;
        chain.end_post(directors.front(), day(2023, 3, 31));
        const PersonId next = chain.add_person(Person{.name = "新主任", .sex = Sex::male, .birth_date = day(1980, 2, 29),
                                                      .group = GroupId{0}, .household = 12, .party_member = true});
        (void)chain.appoint(PostKind::director, next, day(2023, 4, 1));
        (void)old;
    }
    return chain;
}

/// The seed's campaign (44 problems, 31 measures, every problem struck off) and a reopened one.
DualLedger campaign_ledger() {
    DualLedger ledger;
    std::vector<ProblemId> problems;
    std::vector<MeasureId> measures;
    for (int i = 0; i < 44; ++i) {
        problems.push_back(ledger.add_problem(ProblemInput{.title = "突出问题 " + std::to_string(i + 1),
                                                           .owner = OwnerUnit{DivisionCode("370502"), "区委社会工作部"},
                                                           .raised = day(2024, 4, 1),
                                                           .due = day(2024, 11, 30),
                                                           .actor = "专班 王强",
                                                           .note = i == 0 ? "调研发现, \"挂牌多\"; 第二句" : ""}));
    }
    for (int i = 0; i < 31; ++i) {
        measures.push_back(ledger.add_measure(MeasureInput{.title = "工作措施 " + std::to_string(i + 1),
                                                           .owner = OwnerUnit{std::nullopt, "市民政局"},
                                                           .responsible = "责任人" + std::to_string(i),
                                                           .created = day(2024, 4, 2),
                                                           .due = day(2024, 10, 31),
                                                           .actor = "专班 王强"}));
    }
    for (std::size_t i = 0; i < problems.size(); ++i) {
        ledger.link(problems[i], measures[i % 31], day(2024, 4, 3), "专班");
        if (i % 4 == 0 && (i + 7) % 31 != i % 31) ledger.link(problems[i], measures[(i + 7) % 31], day(2024, 4, 3), "专班");
    }
    for (const MeasureId m : measures) {
        ledger.start(m, day(2024, 5, 1), "责任人" + std::to_string(m.value()));
        ledger.complete(m, day(2024, 10, 15), "责任人" + std::to_string(m.value()));
    }
    for (const ProblemId p : problems) ledger.verify(p, day(2024, 11, 20), "核查组", true);
    // A measure reopened after verification: its problems' verification lapses (automatic entries).
    ledger.reopen_measure(measures[0], day(2024, 11, 21), "责任人0", "回头看");
    ledger.complete(measures[0], day(2024, 11, 22), "责任人0");
    for (const ProblemId p : problems) {
        if (ledger.problem(p).status == ProblemStatus::open) ledger.verify(p, day(2024, 11, 23), "核查组", true);
        ledger.strike_off(p, day(2024, 11, 25), "市委社会工作部");
    }
    ledger.reopen_problem(problems[3], day(2025, 1, 10), "市委社会工作部", "群众反映反弹");
    ledger.unlink(problems[3], measures[3], day(2025, 1, 11), "专班");
    return ledger;
}

// ---- autonomy chains --------------------------------------------------------------------------------

TEST_P(ObjectsTest, AutonomyChainsReloadIdentical) {
    int seed = 1;
    for (const DivisionCode unit : {jinyuan, yongxing, gongqingtuan, DivisionCode("370521100201")}) {
        const AutonomyChain chain = changed_chain(unit, static_cast<std::uint64_t>(seed++));
        const std::string id = "chain-" + unit.str();
        EXPECT_EQ(save(store(), id, chain, "民政局 张三"), 1);
        expect_same(load_autonomy_chain(store(), id), chain);
        expect_same(load_autonomy_chain(store(), id, 1), chain);
    }
    EXPECT_EQ(store().streams().front().kind, "autonomy_chain");
}

TEST_P(ObjectsTest, UnchangedSavesWriteNothingAndVersionsAreKept) {
    AutonomyChain chain = synthetic_chain(jinyuan, "锦苑社区居民委员会", day(2021, 6, 1), 7);
    EXPECT_EQ(save(store(), "chain", chain, "a"), 1);
    const std::int64_t position = store().last_position();
    EXPECT_EQ(save(store(), "chain", chain, "a"), 1);
    EXPECT_EQ(save(store(), "chain", chain, "b", 1), 1);
    EXPECT_EQ(store().last_position(), position);
    const AutonomyChain first = load_autonomy_chain(store(), "chain");
    (void)chain.add_group("第九居民小组", 30, 60);
    EXPECT_EQ(save(store(), "chain", chain, "a", 1), 2);
    expect_same(load_autonomy_chain(store(), "chain"), chain);
    expect_same(load_autonomy_chain(store(), "chain", 1), first);
    EXPECT_EQ(load_autonomy_chain(store(), "chain", 1).groups().size() + 1, chain.groups().size());
}

TEST_P(ObjectsTest, ConcurrentEditsOfADocumentConflict) {
    AutonomyChain chain = synthetic_chain(jinyuan, "锦苑社区居民委员会", day(2021, 6, 1), 7);
    ASSERT_EQ(save(store(), "chain", chain, "a"), 1);
    AutonomyChain mine = load_autonomy_chain(store(), "chain");
    AutonomyChain theirs = load_autonomy_chain(store(), "chain");
    (void)mine.add_group("甲", 10, 20);
    (void)theirs.add_group("乙", 10, 20);
    EXPECT_EQ(save(store(), "chain", theirs, "b", 1), 2);
    const std::string message = error_message<RuleViolation>([&] { (void)save(store(), "chain", mine, "a", 1); });
    EXPECT_THAT(message, HasSubstr("stream 'chain'"));
    EXPECT_THAT(message, HasSubstr("expected version 1, but the stream is at version 2"));
    expect_same(load_autonomy_chain(store(), "chain"), theirs);
}

// ---- grids and staffing -----------------------------------------------------------------------------

TEST_P(ObjectsTest, SyntheticDongyingGridMapsReloadIdentical) {
    const SyntheticCity city = synthetic_city(dongying(), DivisionCode("370502"), 42);
    ASSERT_GT(city.map.size(), 100U);
    EXPECT_EQ(save(store(), "grids-370502", city.map, "网格办"), 1);
    const GridMap loaded = load_grid_map(store(), "grids-370502");
    expect_same(loaded, city.map);
    // The reloaded index answers like the original.
    for (std::size_t i = 0; i < city.buildings.size(); i += 97) {
        EXPECT_EQ(loaded.locate(city.buildings[i]), city.map.locate(city.buildings[i]));
    }
    EXPECT_EQ(save(store(), "grids-370502", loaded, "网格办"), 1);  // unchanged
}

TEST_P(ObjectsTest, IrregularGridsWithHolesOtherLayoutsAndMetresReloadIdentical) {
    const auto layout = GridCodeLayout::beijing();
    const DivisionCode unit("110105001001");
    GridMapBuilder builder(CoordinateSystem::metres);
    builder.set_epsg(4547);  // CGCS2000 / 3-degree Gauss-Kruger CM 114E: the recorded CRS is kept too
    // An L-shaped grid with a courtyard hole, a triangle, and a grid with awkward coordinates.
    builder.add(Grid{GridCode::make(unit, 1, layout), GridKind::comprehensive, "第一网格 \"L\"",
                     Polygon({{0, 0}, {100, 0}, {100, 40}, {40, 40}, {40, 100}, {0, 100}, {0, 0}},
                             {{{10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}}}),
                     312});
    builder.add(Grid{GridCode::make(unit, 2, layout), GridKind::school, "学校专属网格",
                     Polygon({{100, 0}, {160, 0}, {100, 40}, {100, 0}}), 0});
    builder.add(Grid{GridCode::make(unit, 3, layout), GridKind::business_district, "商圈",
                     Polygon({{0.1, 100.3}, {40.000000000000007, 100.3}, {40.000000000000007, 160.7}, {0.1, 160.7},
                              {0.1, 100.3}}),
                     45});
    builder.set_boundary(unit, Polygon::rectangle({0, 0}, {160, 160.7}));
    const GridMap map = builder.build();
    ASSERT_EQ(save(store(), "grids-bj", map, "网格办"), 1);
    const GridMap loaded = load_grid_map(store(), "grids-bj");
    expect_same(loaded, map);
    EXPECT_EQ(&loaded.grids().front().code.layout(), layout.get());
}

TEST_P(ObjectsTest, GridStaffingReloadsIdenticalOverItsMap) {
    const SyntheticCity city = synthetic_city(dongying(), DivisionCode("370502005"), 3);
    GridStaffing staffing(city.map);
    for (std::uint32_t g = 0; g < city.map.size(); ++g) {
        const Grid& grid = city.map.grid(GridId{g});
        const GridWorkerId full = staffing.add_worker(
            GridWorker{.name = "网格员" + std::to_string(g), .home = grid.code.unit(), .part_time = std::nullopt,
                       .may_serve_elsewhere = false, .location = grid.shape.centroid()});
        (void)staffing.assign(full, GridId{g}, GridRole::full_time, day(2024, 1, 1), g % 3 == 0 ? std::optional(day(2024, 6, 30)) : std::nullopt);
        if (g % 2 == 0) {
            const GridWorkerId part = staffing.add_worker(GridWorker{.name = "楼栋长" + std::to_string(g),
                                                                     .home = grid.code.unit(),
                                                                     .part_time = PartTimeKind::building_head,
                                                                     .may_serve_elsewhere = g % 4 == 0,
                                                                     .location = std::nullopt});
            (void)staffing.assign(part, GridId{g}, GridRole::part_time, day(2024, 2, 1));
        }
    }
    ASSERT_EQ(save(store(), "grids", city.map, "网格办"), 1);
    ASSERT_EQ(save(store(), "staffing", staffing, "网格办"), 1);
    const GridMap map = load_grid_map(store(), "grids");
    const GridStaffing loaded = load_staffing(store(), "staffing", map);
    expect_same(loaded, staffing);
    EXPECT_EQ(loaded.check(day(2024, 1, 1), day(2024, 12, 31)).size(),
              staffing.check(day(2024, 1, 1), day(2024, 12, 31)).size());
    // A map without those grids is refused, naming the stream, version and grid.
    const GridMap empty;
    const std::string message = error_message<InvalidInput>([&] { (void)load_staffing(store(), "staffing", empty); });
    EXPECT_THAT(message, HasSubstr("stream 'staffing' version 1"));
    EXPECT_THAT(message, HasSubstr("is not in the grid map given"));
}

// ---- the dual ledger --------------------------------------------------------------------------------

TEST_P(ObjectsTest, TheLedgerJournalIsKeptEventByEventAndReplaysIdentical) {
    const DualLedger ledger = campaign_ledger();
    const std::int64_t version = save(store(), "ledger-2024", ledger, "专班 王强");
    const std::vector<StoredEvent> events = store().read_stream("ledger-2024");
    ASSERT_EQ(static_cast<std::int64_t>(events.size()), version);
    EXPECT_EQ(events.front().type, "problem_created");
    EXPECT_EQ(events.front().actor, "专班 王强");
    EXPECT_THAT(events.front().payload, HasSubstr("\"recorded_by\":\"专班 王强\""));
    EXPECT_EQ(events.back().type, "unlinked");
    expect_same(load_ledger(store(), "ledger-2024"), ledger);
    // Unchanged: nothing written.
    const std::int64_t position = store().last_position();
    EXPECT_EQ(save(store(), "ledger-2024", ledger, "someone else"), version);
    EXPECT_EQ(store().last_position(), position);
}

TEST_P(ObjectsTest, LedgerSavesAppendOnlyNewEntriesAndOldVersionsReplayThePast) {
    DualLedger ledger = campaign_ledger();
    const std::int64_t first = save(store(), "ledger", ledger, "a");
    const DualLedger then = ledger;
    (void)ledger.add_measure(MeasureInput{.title = "建立长效机制", .owner = OwnerUnit{jinyuan, ""}, .created = day(2025, 1, 12),
                                          .due = day(2025, 3, 31), .actor = "专班"});
    ledger.link(ProblemId{3}, MeasureId{31}, day(2025, 1, 12), "专班");
    const std::int64_t second = save(store(), "ledger", ledger, "a", first);
    EXPECT_EQ(second, first + 2);
    expect_same(load_ledger(store(), "ledger"), ledger);
    expect_same(load_ledger(store(), "ledger", first), then);
}

TEST_P(ObjectsTest, ConcurrentLedgerEditsConflict) {
    ASSERT_GT(save(store(), "ledger", campaign_ledger(), "a"), 0);
    const std::int64_t version = store().stream_version("ledger");
    DualLedger mine = load_ledger(store(), "ledger");
    DualLedger theirs = load_ledger(store(), "ledger");
    mine.link(ProblemId{3}, MeasureId{3}, day(2025, 2, 1), "甲");
    (void)theirs.add_measure(MeasureInput{.title = "乙的措施", .owner = OwnerUnit{jinyuan, ""}, .created = day(2025, 2, 2),
                                          .due = day(2025, 3, 31), .actor = "乙"});
    EXPECT_EQ(save(store(), "ledger", theirs, "乙", version), version + 1);
    EXPECT_THAT(error_message<RuleViolation>([&] { (void)save(store(), "ledger", mine, "甲", version); }),
                HasSubstr("expected version " + std::to_string(version) + ", but the stream is at version"));
    // Without an expected version the diverged journal is still caught.
    EXPECT_THAT(error_message<RuleViolation>([&] { (void)save(store(), "ledger", mine, "甲"); }),
                HasSubstr("differs from this ledger's journal entry"));
    EXPECT_EQ(store().stream_version("ledger"), version + 1);
}

// ---- burden, workforce, evidence, reviews -----------------------------------------------------------

TEST_P(ObjectsTest, BurdenLedgersReloadIdenticalWithTheirWeights) {
    BurdenLedger ledger;
    ledger.set_staff(jinyuan, 9);
    ledger.set_staff(yongxing, 6);
    const BurdenItemId plaque = ledger.add({jinyuan, BurdenKind::plaque, "老年协会", "市民政局", 1, day(2023, 1, 1), "门口, \"旧\""});
    const BurdenItemId app = ledger.add({jinyuan, BurdenKind::reporting_app, "某打卡App", "区网信办", 2, day(2023, 5, 1), ""});
    (void)ledger.add({yongxing, BurdenKind::certificate, "居住证明", "", 1, day(2022, 1, 1), ""});
    ledger.flag(plaque, day(2024, 3, 1), "清理");
    ledger.remove(plaque, day(2024, 4, 1), "已摘");
    ledger.flag(app, day(2024, 3, 2));
    ledger.keep(app, day(2024, 3, 10), "仍需保留");
    BurdenWeights weights;
    weights.set(BurdenKind::reporting_app, 4.25);
    weights.source = "东营市 2024 减负清单 (test)";
    ledger.set_weights(weights);
    ASSERT_EQ(save(store(), "burden", ledger, "减负办"), 1);
    const BurdenLedger loaded = load_burden(store(), "burden");
    ASSERT_EQ(loaded.items().size(), ledger.items().size());
    for (std::size_t i = 0; i < ledger.items().size(); ++i) EXPECT_EQ(loaded.items()[i], ledger.items()[i]);
    EXPECT_EQ(loaded.staff_counts(), ledger.staff_counts());
    EXPECT_EQ(loaded.weights(), ledger.weights());
    EXPECT_EQ(save(store(), "burden", loaded, "减负办"), 1);
}

TEST_P(ObjectsTest, WorkforceEvidenceAndReviewResultsReloadIdentical) {
    Workforce workforce;
    ReviewEvidence evidence;
    const double scores[][6] = {{300, 0.99, 0.98, 40, 1.0, 96}, {280, 0.97, 0.97, 36, 0.99, 94},
                                {260, 0.96, 0.99, 38, 1.0, 95}, {120, 0.85, 0.9, 20, 0.95, 80},
                                {90, 0.8, 0.82, 10, 0.9, 70},   {60, 0.7, 0.75, 8, 0.85, 60}};
    for (int i = 0; i < 6; ++i) {
        const std::string id = "sg-" + std::to_string(i + 1);
        CommunityWorker w{id, "社工" + std::to_string(i + 1), i < 4 ? yongxing : gongqingtuan};
        w.grade = 3 + i % 2;
        if (i % 2 == 0) w.grade_start = day(2022, 7, 1);
        w.wait_change_months = i == 1 ? -6 : 0;
        w.actor = i == 0 ? "worker-7" : "";
        (void)workforce.add(w);
        const char* keys[] = {"cases_handled", "on_time_rate", "satisfaction_rate", "training_hours", "attendance_rate",
                              "resident_assessment"};
        for (int k = 0; k < 6; ++k) evidence.set(id, keys[k], scores[i][k], Location{"evidence.csv", std::size_t(i + 2), keys[k]});
    }
    const ReviewOutcome outcome = review(ReviewRules::defaults(), workforce, evidence, day(2024, 1, 1), day(2024, 12, 31));
    ASSERT_EQ(save(store(), "workforce", workforce, "人社局"), 1);
    ASSERT_EQ(save(store(), "evidence-2024", evidence, "人社局"), 1);
    ASSERT_EQ(save(store(), "review-2024", outcome, "人社局"), 1);

    const Workforce w = load_workforce(store(), "workforce");
    ASSERT_EQ(w.size(), workforce.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
        const CommunityWorker &x = w.workers()[i], &y = workforce.workers()[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.unit, y.unit);
        EXPECT_EQ(x.grade, y.grade);
        EXPECT_EQ(x.grade_start, y.grade_start);
        EXPECT_EQ(x.wait_change_months, y.wait_change_months);
        EXPECT_EQ(x.actor, y.actor);
    }
    const ReviewEvidence e = load_review_evidence(store(), "evidence-2024");
    ASSERT_EQ(e.size(), evidence.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
        EXPECT_EQ(e.values()[i].worker, evidence.values()[i].worker);
        EXPECT_EQ(e.values()[i].key, evidence.values()[i].key);
        EXPECT_EQ(e.values()[i].value, evidence.values()[i].value);
        EXPECT_EQ(e.values()[i].where.to_string(), evidence.values()[i].where.to_string());
    }
    const ReviewOutcome o = load_review(store(), "review-2024");
    EXPECT_EQ(o.rules, outcome.rules);
    EXPECT_EQ(o.first, outcome.first);
    EXPECT_EQ(o.last, outcome.last);
    ASSERT_EQ(o.reviews.size(), outcome.reviews.size());
    for (std::size_t i = 0; i < o.reviews.size(); ++i) {
        const WorkerReview &x = o.reviews[i], &y = outcome.reviews[i];
        EXPECT_EQ(x.worker, y.worker);
        EXPECT_EQ(x.worker_id, y.worker_id);
        EXPECT_EQ(x.unit, y.unit);
        EXPECT_EQ(x.pool, y.pool);
        ASSERT_EQ(x.indicators.size(), y.indicators.size());
        for (std::size_t k = 0; k < x.indicators.size(); ++k) {
            EXPECT_EQ(x.indicators[k].indicator, y.indicators[k].indicator);
            EXPECT_EQ(x.indicators[k].value, y.indicators[k].value);
            EXPECT_EQ(x.indicators[k].points, y.indicators[k].points);
            EXPECT_EQ(x.indicators[k].weight, y.indicators[k].weight);
            EXPECT_EQ(x.indicators[k].contribution, y.indicators[k].contribution);
        }
        EXPECT_EQ(x.score, y.score);
        EXPECT_EQ(x.score_rating, y.score_rating);
        EXPECT_EQ(x.rating, y.rating);
        ASSERT_EQ(x.adjustment.has_value(), y.adjustment.has_value());
        if (x.adjustment) {
            EXPECT_EQ(x.adjustment->reason, y.adjustment->reason);
            EXPECT_EQ(x.adjustment->rank, y.adjustment->rank);
            EXPECT_EQ(x.adjustment->pool, y.adjustment->pool);
        }
        EXPECT_EQ(x.wait_change_months, y.wait_change_months);
        EXPECT_EQ(x.next_grade_date, y.next_grade_date);
        EXPECT_EQ(x.explanation, y.explanation);
    }
    ASSERT_EQ(o.pools.size(), outcome.pools.size());
    for (std::size_t i = 0; i < o.pools.size(); ++i) {
        EXPECT_EQ(o.pools[i].unit, outcome.pools[i].unit);
        EXPECT_EQ(o.pools[i].allowed, outcome.pools[i].allowed);
        EXPECT_EQ(o.pools[i].moved_down, outcome.pools[i].moved_down);
    }
}

TEST_P(ObjectsTest, VolunteersPartyMembersAndSocialOrganisationsReloadIdentical) {
    VolunteerRegistry volunteers;
    const VolunteerId a = volunteers.add_volunteer({"v-1", "王芳", jinyuan, day(2023, 1, 5)});
    const VolunteerId b = volunteers.add_volunteer({"v-2", "李强", yongxing, day(2023, 3, 1)});
    const VolunteerTeamId team = volunteers.add_team({"头等大事志愿服务队", jinyuan, day(2022, 5, 1)});
    volunteers.join(b, team);
    volunteers.join(a, team);
    const VolunteerProjectId project = volunteers.add_project({"助老", jinyuan, team, day(2023, 2, 1), day(2023, 12, 31)});
    volunteers.record({a, project, day(2023, 3, 2), 2.5});
    volunteers.record({b, std::nullopt, day(2023, 4, 2), 1.0 / 3.0});
    ASSERT_EQ(save(store(), "volunteers", volunteers, "民政局"), 1);
    const VolunteerRegistry v = load_volunteers(store(), "volunteers");
    ASSERT_EQ(v.volunteers().size(), 2U);
    EXPECT_EQ(v.volunteers()[1].id, "v-2");
    EXPECT_EQ(v.volunteers()[1].registered, day(2023, 3, 1));
    EXPECT_EQ(v.members(team), volunteers.members(team));
    ASSERT_EQ(v.projects().size(), 1U);
    EXPECT_EQ(v.projects()[0].team, team);
    EXPECT_EQ(v.projects()[0].end, day(2023, 12, 31));
    ASSERT_EQ(v.records().size(), 2U);
    EXPECT_EQ(v.records()[1].hours, 1.0 / 3.0);
    EXPECT_EQ(v.records()[0].project, project);
    EXPECT_EQ(v.hours_of(a, day(2023, 1, 1), day(2023, 12, 31)), volunteers.hours_of(a, day(2023, 1, 1), day(2023, 12, 31)));

    ResidentPartyMembers members;
    const PartyRegistrationId first = members.add({"党员甲", "市民政局机关支部", jinyuan, day(2023, 1, 1), std::nullopt});
    members.end(first, day(2023, 6, 30));
    (void)members.add({"党员甲", "市民政局机关支部", yongxing, day(2023, 7, 1), std::nullopt});
    ASSERT_EQ(save(store(), "party-members", members, "组织部"), 1);
    const ResidentPartyMembers m = load_party_members(store(), "party-members");
    ASSERT_EQ(m.registrations().size(), 2U);
    EXPECT_EQ(m.registrations()[0].ended, day(2023, 6, 30));
    EXPECT_EQ(m.registrations()[1].community, yongxing);
    EXPECT_EQ(m.counts(day(2023, 8, 1)), members.counts(day(2023, 8, 1)));

    SocialOrganisationRegistry organisations;
    (void)organisations.add({"银龄互助社", SocialOrganisationKind::mutual_aid, jinyuan, true, 40});
    ASSERT_EQ(save(store(), "organisations", organisations, "民政局"), 1);
    const SocialOrganisationRegistry o = load_social_organisations(store(), "organisations");
    ASSERT_EQ(o.organisations().size(), 1U);
    EXPECT_EQ(o.organisations()[0].name, "银龄互助社");
    EXPECT_EQ(o.organisations()[0].kind, SocialOrganisationKind::mutual_aid);
    EXPECT_TRUE(o.organisations()[0].incubation_site);
    EXPECT_EQ(o.organisations()[0].households_taking_part, 40);
}

// ---- bad input --------------------------------------------------------------------------------------

TEST_P(ObjectsTest, UnknownStreamsWrongKindsAndVersionsAreClearErrors) {
    const AutonomyChain chain = synthetic_chain(jinyuan, "锦苑社区居民委员会", day(2021, 6, 1), 7);
    ASSERT_EQ(save(store(), "chain", chain, "a"), 1);
    EXPECT_THAT(error_message<NotFound>([&] { (void)load_autonomy_chain(store(), "nope"); }),
                HasSubstr("no stream 'nope'"));
    EXPECT_THAT(error_message<NotFound>([&] { (void)load_ledger(store(), "nope"); }), HasSubstr("no stream 'nope'"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_grid_map(store(), "chain"); }),
                HasSubstr("stream 'chain' version 1 holds a 'autonomy_chain_saved' event: it is not a grid_map stream"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_ledger(store(), "chain"); }),
                HasSubstr("stream 'chain' version 1 holds a 'autonomy_chain_saved' event: it is not a ledger stream"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_autonomy_chain(store(), "chain", 2); }),
                HasSubstr("stream 'chain' has versions 1 to 1; there is no version 2"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_autonomy_chain(store(), "chain", -1); }),
                HasSubstr("negative"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_autonomy_chain(store(), ""); }), HasSubstr("no stream id"));
    // Saving another kind of object to the stream is refused and writes nothing.
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)save(store(), "chain", Workforce{}, "a"); }),
                HasSubstr("it is not a workforce stream"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)save(store(), "chain", DualLedger{}, "a"); }),
                HasSubstr("it is not a ledger stream"));
    EXPECT_EQ(store().stream_version("chain"), 1);
}

TEST_P(ObjectsTest, CorruptedPayloadsNameStreamAndVersion) {
    raw("chain", "autonomy_chain", "autonomy_chain_saved",
        R"({"format":"grassroots.autonomy_chain","format_version":1,"committee_kind":"residents","unit":"37x","name":"a","elected":"2021-06-01"})");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_autonomy_chain(store(), "chain"); }),
                HasSubstr("stream 'chain' version 1: corrupted payload"));
    raw("chain", "autonomy_chain", "autonomy_chain_saved", R"({"format":"grassroots.grid_map"})");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_autonomy_chain(store(), "chain"); }),
                HasSubstr("stream 'chain' version 2: corrupted payload"));
    raw("chain", "autonomy_chain", "autonomy_chain_saved",
        R"({"format":"grassroots.autonomy_chain","format_version":1,"committee_kind":"residents","unit":"370502005066","name":"a","elected":"2021-06-01","groups":[],"people":[{"name":"x"}]})");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_autonomy_chain(store(), "chain"); }),
                HasSubstr("stream 'chain' version 3: corrupted payload: people[0]: field 'sex' is missing"));

    ASSERT_GT(save(store(), "ledger", campaign_ledger(), "a"), 0);
    raw("ledger", "ledger", "linked",
        R"({"sequence":)" + std::to_string(store().stream_version("ledger")) +
            R"(,"date":"2025-02-01","actor":"x","note":"","problem":"P0001","measure":"M9999"})");
    const std::string where = "stream 'ledger' version " + std::to_string(store().stream_version("ledger"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_ledger(store(), "ledger"); }),
                HasSubstr(where + ": corrupted payload"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_ledger(store(), "ledger"); }), HasSubstr("M9999"));
}

}  // namespace
}  // namespace grassroots
