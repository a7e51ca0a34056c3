// CaseTable: columns from arrays (checked row by row), from a case engine (deferral and ratings
// read from the event record) and from the deterministic synthetic generator.
#include "grassroots/analytics/case_table.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "analytics_test_support.hpp"
#include "grassroots/analytics/kpi.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/grid/synthetic.hpp"
#include "grassroots/workflow/engine.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CaseRow;
using testing::cst;
using testing::dongying;
using testing::error_message;
using testing::TableBuilder;

constexpr const char* jinyuan = "370502005066";
constexpr const char* longtan = "370502005058";

TEST(CaseTable, FillsOptionalColumnsWithTheirDefaults) {
    const DivisionTree& tree = dongying();
    const std::vector<DivisionId> unit{tree.at(DivisionCode::parse(jinyuan)), tree.at(DivisionCode::parse(longtan))};
    const std::vector<std::int64_t> opened{cst(3, 1, 9), cst(3, 2, 9)};
    const std::vector<std::int64_t> closed_at{cst(3, 3, 9), CaseTable::null_time};
    CaseColumns columns;
    columns.unit = unit;
    columns.opened_at = opened;
    columns.closed_at = closed_at;
    const CaseTable table = CaseTable::from_columns(tree, columns);
    ASSERT_EQ(table.size(), 2U);
    EXPECT_EQ(&table.tree(), &tree);
    const CaseColumns c = table.columns();
    EXPECT_THAT(c.closed, ElementsAre(1, 0));  // closed follows closed_at when not given
    EXPECT_THAT(c.grid, ElementsAre(-1, -1));
    EXPECT_THAT(c.matter, ElementsAre(-1, -1));
    EXPECT_THAT(c.handling_due, ElementsAre(CaseTable::null_time, CaseTable::null_time));
    EXPECT_THAT(c.rated, ElementsAre(0, 0));
    EXPECT_THAT(c.reworks, ElementsAre(0, 0));
    EXPECT_GT(table.memory_bytes(), 0U);
    EXPECT_THROW((void)CaseTable().tree(), NotFound);
}

TEST(CaseTable, DerivesTheUnitOfEachGrid) {
    TableBuilder b(dongying());
    b.add({.unit = jinyuan, .opened_at = cst(1, 2, 9), .grid = 1});
    b.add({.unit = longtan, .opened_at = cst(1, 2, 9), .grid = 0});
    const CaseTable table = b.build({"37050200505801", "37050200506601", "37050200506602"});
    const DivisionTree& tree = dongying();
    EXPECT_EQ(table.grid_units()[0], tree.at(DivisionCode::parse(longtan)));
    EXPECT_EQ(table.grid_units()[1], tree.at(DivisionCode::parse(jinyuan)));
    EXPECT_FALSE(table.grid_units()[2].valid());  // no case in it
}

/// The message of from_columns() on one bad row added after a good one.
std::string bad_row_message(const CaseRow& bad, std::vector<std::string> grids = {"37050200506601"}) {
    TableBuilder b(dongying());
    b.add({.unit = jinyuan, .opened_at = cst(1, 2, 9)});
    b.add(bad);
    return error_message<InvalidInput>([&] { (void)b.build(std::move(grids), {"event:0502"}); });
}

TEST(CaseTable, RefusesBadRowsNamingTheRowAndTheColumn) {
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .closed_at = cst(1, 1, 9)}),
                HasSubstr("case table, row 2, field 'closed_at': closed_at 2025-01-01T09:00:00+08:00 is before opened_at "
                          "2025-01-02T09:00:00+08:00 (index 1)"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .handled_at = cst(1, 1, 9)}),
                HasSubstr("row 2, field 'handled_at'"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .handling_due = cst(1, 1, 9)}),
                HasSubstr("row 2, field 'handling_due'"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = CaseTable::null_time}),
                HasSubstr("row 2, field 'opened_at': every case needs the time it was filed"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .grid = 1}),
                HasSubstr("row 2, field 'grid': grid index 1 is outside the grid list (1 grids; -1 = none)"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .grid = -2}), HasSubstr("field 'grid'"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .matter = 3}), HasSubstr("field 'matter'"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .reworks = -1}), HasSubstr("field 'reworks'"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .escalations = -1}), HasSubstr("field 'escalations'"));
    EXPECT_THAT(bad_row_message({.unit = jinyuan, .opened_at = cst(1, 2, 9), .grid = 0}, {"37050200506601", "37050200506601"}),
                HasSubstr("grid code '37050200506601' is listed twice"));
}

TEST(CaseTable, RefusesAGridWhoseCasesLieInTwoUnits) {
    TableBuilder b(dongying());
    b.add({.unit = jinyuan, .opened_at = cst(1, 2, 9), .grid = 0});
    b.add({.unit = longtan, .opened_at = cst(1, 2, 9), .grid = 0});
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build({"37050200506601"}); }),
                HasSubstr("row 2, field 'grid': grid 37050200506601 lies in 370502005066 but this case is in 370502005058"));
}

TEST(CaseTable, RefusesInconsistentFlags) {
    TableBuilder b(dongying());
    b.add({.unit = jinyuan, .opened_at = cst(1, 2, 9), .closed_at = cst(1, 3, 9)});
    b.closed[0] = 0;  // closed_at on an open case
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }),
                HasSubstr("row 1, field 'closed_at': an open case has closed_at"));
    b.closed[0] = 1;
    b.closed_at[0] = CaseTable::null_time;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }), HasSubstr("a closed case needs closed_at"));
    b.closed[0] = 0;
    b.responded[0] = 1;  // a 三率 flag without a rating
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }),
                HasSubstr("field 'responded': responded is set on a case that is not rated"));
    b.responded[0] = 0;
    b.deferred[0] = 2;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }), HasSubstr("field 'deferred': flags are 0 or 1, not 2"));
}

TEST(CaseTable, RefusesAUnitNotInTheTreeAndColumnsOfOtherLengths) {
    TableBuilder b(dongying());
    b.add({.unit = jinyuan, .opened_at = cst(1, 2, 9)});
    b.unit[0] = DivisionId{5000};
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }),
                HasSubstr("row 1, field 'unit': unit id 5000 is not a unit of the tree (1982 units)"));
    b.unit[0] = DivisionId{};
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }), HasSubstr("unit id (none)"));
    b.unit[0] = dongying().at(DivisionCode::parse(jinyuan));
    b.closed_at.push_back(cst(1, 3, 9));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)b.build(); }),
                HasSubstr("field 'closed_at': column 'closed_at' has 2 rows but 'unit' has 1"));
    CaseColumns columns;
    columns.unit = b.unit;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::from_columns(dongying(), columns); }),
                HasSubstr("column 'opened_at' has 0 rows but 'unit' has 1"));
}

// ---- from a case engine -------------------------------------------------------------------------

/// A small loop with a deferral state and a rating transition carrying the 三率 fields.
WorkflowDefinition rated_loop() {
    auto state = [](std::string id, std::string name, std::optional<Deadline> deadline = std::nullopt) {
        StateDefinition s;
        s.id = std::move(id);
        s.name = std::move(name);
        s.deadline = deadline;
        return s;
    };
    StateDefinition closed = state("closed", "办结");
    closed.closed = true;
    const std::vector<std::string> centre{"centre"};
    return WorkflowDefinition(
        "rated", 1, "受理—缓办—办理—评价", "receive",
        {state("receive", "受理"), state("defer", "缓办"), state("handle", "办理", Deadline::working_days(5)),
         state("rating", "评价"), closed},
        {{"accept", "receive", "handle", centre, {}, false, Duty::none},
         {"defer", "receive", "defer", centre, {}, false, Duty::none},
         {"resume", "defer", "handle", centre, {}, false, Duty::none},
         {"complete", "handle", "rating", {"department"}, {"result"}, false, Duty::handle},
         {"rate", "rating", "closed", centre, {"satisfied"}, false, Duty::none}});
}

struct EngineFixture {
    CaseEngine engine{Calendar::china()};
    ActorId centre, department;
    /// An engine serving @p jurisdiction (default 东营区), whose centre and department act in all of it.
    explicit EngineFixture(const char* jurisdiction = "370502")
        : engine(Calendar::china(), EngineOptions{.jurisdiction = DivisionCode::parse(jurisdiction)}) {
        engine.add_workflow(rated_loop());
        centre = engine.add_actor({"c-1", "热线中心", {"centre"}, std::nullopt, "", ""});
        department = engine.add_actor({"d-1", "街道", {"department"}, std::nullopt, "", ""});
    }
    CaseId file(const char* unit, Instant at, std::string matter = "event:0502") {
        CaseInput input;
        input.matter = std::move(matter);
        input.workflow = "rated";
        input.unit = DivisionCode::parse(unit);
        return engine.open(input, centre, at);
    }
    static Instant at(int month, int day, int hour) { return Instant{std::chrono::seconds{cst(month, day, hour)}}; }
};

TEST(CaseTableFromEngine, ReadsDeferralRatingsDeadlinesAndCounters) {
    EngineFixture f;
    const CaseId rated = f.file(jinyuan, f.at(3, 3, 9));
    f.engine.take(rated, "accept", f.centre, f.at(3, 3, 10));
    f.engine.take(rated, "complete", f.department, f.at(3, 5, 10), {{"result", "已修复"}});
    f.engine.take(rated, "rate", f.centre, f.at(3, 6, 10),
                  {{"responded", "YES"}, {"resolved", "否"}, {"satisfied", "1"}});
    const CaseId deferred = f.file(longtan, f.at(3, 3, 9), "event:0101");
    f.engine.take(deferred, "defer", f.centre, f.at(3, 3, 10));
    f.engine.take(deferred, "resume", f.centre, f.at(3, 10, 10));
    const CaseId partial = f.file(jinyuan, f.at(3, 4, 9));
    f.engine.take(partial, "accept", f.centre, f.at(3, 4, 10));
    f.engine.take(partial, "complete", f.department, f.at(3, 5, 10), {{"result", "ok"}});
    f.engine.take(partial, "rate", f.centre, f.at(3, 6, 10), {{"satisfied", "no"}});

    const CaseTable table = CaseTable::from_engine(f.engine, dongying());
    ASSERT_EQ(table.size(), 3U);
    const CaseColumns c = table.columns();
    EXPECT_THAT(table.matter_keys(), ElementsAre("event:0502", "event:0101"));
    EXPECT_THAT(c.matter, ElementsAre(0, 1, 0));
    EXPECT_THAT(c.grid, ElementsAre(-1, -1, -1));
    EXPECT_EQ(c.unit[1], dongying().at(DivisionCode::parse(longtan)));
    EXPECT_THAT(c.closed, ElementsAre(1, 0, 1));
    EXPECT_EQ(c.closed_at[0], cst(3, 6, 10));
    EXPECT_EQ(c.closed_at[1], CaseTable::null_time);
    EXPECT_EQ(c.opened_at[1], cst(3, 3, 9));
    EXPECT_EQ(c.handled_at[0], cst(3, 5, 10));
    // Accepted Monday 3 March 10:00: five working days end Monday 10 March at 17:30.
    EXPECT_EQ(c.handling_due[0], cst(3, 10, 17, 30));
    EXPECT_THAT(c.deferred, ElementsAre(0, 1, 0));
    EXPECT_THAT(c.rated, ElementsAre(1, 0, 1));
    EXPECT_THAT(c.responded, ElementsAre(1, 0, 0));  // a field the rating lacks counts as no
    EXPECT_THAT(c.resolved, ElementsAre(0, 0, 0));
    EXPECT_THAT(c.satisfied, ElementsAre(1, 0, 0));

    EngineTableOptions options;
    options.deferred_states = {"rating"};
    EXPECT_THAT(CaseTable::from_engine(f.engine, dongying(), options).columns().deferred, ElementsAre(1, 0, 1));
}

TEST(CaseTableFromEngine, ReadsRatingValuesAsYesOrNo) {
    for (const char* yes : {"yes", "YES", "True", "1", "是"}) EXPECT_TRUE(parse_rating_value(yes)) << yes;
    for (const char* no : {"no", "No", "FALSE", "0", "否"}) EXPECT_FALSE(parse_rating_value(no)) << no;
    for (const char* bad : {"", "y", "满意", "2", " yes"}) EXPECT_THROW((void)parse_rating_value(bad), InvalidInput) << bad;
}

TEST(CaseTableFromEngine, RefusesUnknownUnitsAndUnreadableRatings) {
    EngineFixture f;
    const CaseId id = f.file(jinyuan, f.at(3, 3, 9));
    f.engine.take(id, "accept", f.centre, f.at(3, 3, 10));
    f.engine.take(id, "complete", f.department, f.at(3, 5, 10), {{"result", "ok"}});
    f.engine.take(id, "rate", f.centre, f.at(3, 6, 10), {{"satisfied", "很满意"}});
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::from_engine(f.engine, dongying()); }),
                HasSubstr("case C000001, field 'satisfied': rating value '很满意' is not yes/no, true/false, 1/0 or 是/否"));
    EngineFixture g("110101");
    g.file("110101001001", g.at(3, 3, 9));  // 北京 东城区: not in Dongying's tree
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::from_engine(g.engine, dongying()); }),
                HasSubstr("case C000001, field 'unit': unit 110101001001 is not in the tree"));
}

// ---- synthetic ----------------------------------------------------------------------------------

/// FNV-1a over every column: a fingerprint of a table.
std::uint64_t fingerprint(const CaseTable& table) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto mix = [&](const auto& column) {
        for (const auto value : column) {
            auto bits = static_cast<std::uint64_t>(value);
            for (int k = 0; k < 8; ++k, bits >>= 8U) hash = (hash ^ (bits & 0xFFU)) * 0x100000001b3ULL;
        }
    };
    const CaseColumns c = table.columns();
    for (const DivisionId unit : c.unit) mix(std::vector<std::uint32_t>{unit.value()});
    mix(c.grid), mix(c.matter), mix(c.opened_at), mix(c.handling_due), mix(c.closed_at), mix(c.handled_at);
    mix(c.closed), mix(c.deferred), mix(c.responded), mix(c.resolved), mix(c.satisfied), mix(c.rated);
    mix(c.reworks), mix(c.escalations);
    return hash;
}

TEST(SyntheticCases, AreTheSameForTheSameSeedOnEveryPlatform) {
    const CaseTable a = CaseTable::synthetic(dongying(), {.cases = 20'000, .year = 2025, .seed = 7});
    const CaseTable b = CaseTable::synthetic(dongying(), {.cases = 20'000, .year = 2025, .seed = 7});
    const CaseTable other = CaseTable::synthetic(dongying(), {.cases = 20'000, .year = 2025, .seed = 8});
    EXPECT_EQ(fingerprint(a), fingerprint(b));
    EXPECT_NE(fingerprint(a), fingerprint(other));
    // Pinned: a change here changes every published benchmark figure and notebook chart.
    EXPECT_EQ(fingerprint(a), 0x34fbc7b0cb0cc99eULL);
}

TEST(SyntheticCases, CoverTheVillageLevelUnitsWithRealisticRates) {
    const CaseTable table = CaseTable::synthetic(dongying(), {.cases = 50'000, .year = 2025, .seed = 1});
    ASSERT_EQ(table.size(), 50'000U);
    const DivisionTree& tree = dongying();
    for (const DivisionId unit : table.columns().unit) ASSERT_EQ(tree.level(unit), Level::village);
    EXPECT_EQ(table.matter_keys().size(), 27U);
    EXPECT_GT(table.grid_codes().size(), 1'921U);
    const KpiReport report = compute_kpis(table, KpiOptions::dates(make_date(2025, 1, 1), make_date(2026, 1, 1)));
    const KpiRow& city = report.unit(DivisionCode::parse("3705"));
    EXPECT_GT(city.counts.cases, 45'000);
    EXPECT_NEAR(city.rates.closure, 0.96, 0.02);
    EXPECT_NEAR(city.rates.on_time_closure, 0.89, 0.03);
    EXPECT_NEAR(city.rates.satisfaction, 0.88, 0.03);
    EXPECT_NEAR(city.rates.rework_share, 0.05, 0.01);
    EXPECT_NEAR(static_cast<double>(city.counts.deferred) / static_cast<double>(city.counts.cases), 0.02, 0.005);
}

TEST(SyntheticCases, FileCasesInTheGridsOfAMapByHouseholds) {
    const DivisionTree& tree = dongying();
    const SyntheticCity city = synthetic_city(tree, DivisionCode::parse("370502"), 3);  // 东营区 only
    const GridMap& map = city.map;
    const CaseTable plain = CaseTable::synthetic(tree, {.cases = 200'000, .year = 2025, .seed = 5});
    const CaseTable table = CaseTable::synthetic(tree, {.cases = 200'000, .year = 2025, .seed = 5, .grids = &map});
    ASSERT_EQ(table.grid_codes().size(), map.size());
    // Units and times are drawn as without a map.
    EXPECT_TRUE(std::ranges::equal(table.columns().unit, plain.columns().unit));
    EXPECT_TRUE(std::ranges::equal(table.columns().opened_at, plain.columns().opened_at));
    EXPECT_TRUE(std::ranges::equal(table.columns().closed_at, plain.columns().closed_at));

    std::vector<std::int64_t> per_grid(map.size(), 0);
    std::size_t outside = 0;
    std::size_t inside = 0;
    const CaseColumns c = table.columns();
    for (std::size_t i = 0; i < table.size(); ++i) {
        const DivisionCode unit = tree.code(c.unit[i]);
        const bool covered = !map.grids_in(unit).empty();
        if (!covered) {
            ASSERT_EQ(c.grid[i], -1) << "a unit the map does not cover gets no grid";
            ++outside;
            continue;
        }
        ++inside;
        if (c.grid[i] < 0) continue;
        const auto g = static_cast<std::size_t>(c.grid[i]);
        const GridId id = *map.find(GridCode::parse(table.grid_codes()[g]));
        ASSERT_EQ(map.grid(id).code.unit(), unit) << "case " << i << " is filed in a grid of another unit";
        ++per_grid[id.value()];
    }
    EXPECT_GT(inside, 1'000U);
    EXPECT_GT(outside, 100'000U);
    // Within a unit, a grid's share of cases follows its share of households (within sampling error).
    std::set<DivisionCode> units;
    for (const Grid& grid : map.grids()) units.insert(grid.code.unit());
    double worst = 0;          // against households
    double worst_even = 0;     // against an even split: what a generator ignoring households gives
    std::size_t compared = 0;
    for (const DivisionCode unit : units) {
        std::int64_t unit_households = 0;
        std::int64_t unit_cases = 0;
        const std::vector<GridId> grids = map.grids_in(unit);
        for (const GridId g : grids) unit_households += map.grid(g).households, unit_cases += per_grid[g.value()];
        if (unit_cases < 300 || grids.size() < 2) continue;
        ++compared;
        for (const GridId g : grids) {
            const double expected = static_cast<double>(map.grid(g).households) / static_cast<double>(unit_households);
            const double seen = static_cast<double>(per_grid[g.value()]) / static_cast<double>(unit_cases);
            worst = std::max(worst, std::abs(seen - expected));
            worst_even = std::max(worst_even, std::abs(seen - 1.0 / static_cast<double>(grids.size())));
        }
    }
    EXPECT_GT(compared, 0U);
    EXPECT_LT(worst, 0.1);
    EXPECT_GT(worst_even, 0.15);  // the households matter: an even split would be far off
}

TEST(SyntheticCases, StayInTheirScope) {
    const DivisionTree& tree = dongying();
    const DivisionId county = tree.at(DivisionCode::parse("370503"));  // 河口区
    const CaseTable table = CaseTable::synthetic(tree, {.cases = 5'000, .seed = 3, .scope = DivisionCode::parse("370503")});
    ASSERT_EQ(table.size(), 5'000U);
    std::set<DivisionId> units;
    for (const DivisionId unit : table.columns().unit) {
        ASSERT_TRUE(tree.is_ancestor(county, unit));
        units.insert(unit);
    }
    EXPECT_GT(units.size(), 50U);  // spread over the county's communities and villages
    const CaseTable one = CaseTable::synthetic(tree, {.cases = 10, .scope = DivisionCode::parse(jinyuan)});
    for (const DivisionId unit : one.columns().unit) EXPECT_EQ(tree.code(unit), DivisionCode::parse(jinyuan));
    EXPECT_THAT(error_message<NotFound>([&] { (void)CaseTable::synthetic(tree, {.scope = DivisionCode::parse("370599")}); }),
                HasSubstr("scope 370599 is not a unit of the tree"));
}

TEST(SyntheticCases, SkipPlaceholderRowsSuchAsJinmen) {
    // Fujian's rows as the NBS tables give them: 金门县 has one village-level row, a placeholder (000).
    const DivisionTree fujian = DivisionTree::parse_csv(
        "code,name,level,parent_code\n35,福建省,province,\n3505,泉州市,prefecture,35\n350527,金门县,county,3505\n"
        "350527000,金门县,township,350527\n350527000000,金门县,village,350527000\n350581,石狮市,county,3505\n"
        "350581001,湖滨街道,township,350581\n350581001001,长福社区居委会,village,350581001\n");
    const DivisionId placeholder = fujian.at(DivisionCode::parse("350527000000"));
    for (const auto& scope : {std::optional<DivisionCode>{}, std::optional(DivisionCode::parse("35"))}) {
        const CaseTable table = CaseTable::synthetic(fujian, {.cases = 1'000, .seed = 3, .scope = scope});
        ASSERT_EQ(table.size(), 1'000U);
        for (const DivisionId unit : table.columns().unit) ASSERT_NE(unit, placeholder);
    }
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::synthetic(fujian, {.scope = DivisionCode::parse("350527")}); }),
                HasSubstr("village-level units: 350527 has none"));
}

TEST(SyntheticCases, RefuseATreeWithoutVillagesAndFarYears) {
    const DivisionTree counties = DivisionTree::parse_csv("code,name,level,parent_code\n37,山东省,province,\n3705,东营市,prefecture,37\n");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::synthetic(counties); }), HasSubstr("no village-level unit"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::synthetic(counties, {.scope = DivisionCode::parse("3705")}); }),
                HasSubstr("village-level units: 3705 has none"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseTable::synthetic(dongying(), {.year = 1900}); }),
                HasSubstr("year 1900 is outside 1950–2148"));
}

}  // namespace
}  // namespace grassroots
