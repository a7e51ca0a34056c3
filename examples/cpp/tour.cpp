// The onboarding demo: a tour of Dongying (东营市), from the administrative ladder down to one
// community's autonomy chain.
//
// 1. Loads the 1,982 division units shipped inside the library, walks from 山东省 down to the seed
//    article's 锦苑社区, and prints the counts per level and per county and the classes of the
//    townships (街道/镇/乡) and village-level units (居委会/村委会).
// 4. Grids (网格化) a synthetic Dongying, checks 锦苑社区's coverage and household bands, and
//    staffs its grids (网格定岗) with the min-cost-flow optimiser.
// 3. (below) Runs 12345-hotline deadlines on China's working-day clock across the 2026 National
//    Day holiday and into 2027, whose schedule is not yet published.
// 2. Builds 锦苑社区's four-level autonomy chain (居委会 → 下属委员会 → 居民小组 → 居民代表) with
//    synthetic people, checks it against the law in force on two dates (the 2018 amendment and the
//    2025 revision), and holds a residents' meeting of group representatives.
// 5. Runs one closed-loop case (闭环, 数字化城管) filed on the eve of the National Day holiday: the
//    handling deadline falls after the holiday, and the engine's clock urges (催办) and escalates
//    (督办) it one rung up the ladder when it is missed. examples/cpp/month_of_cases.cpp runs a month.
// 6. Files a synthetic year of cases in the city's grids, computes every unit's KPIs in one pass
//    (结案率, 按期结案率, 满意率, time to close) from the city down to 锦苑社区, and puts the county's
//    weakest township on the dual ledger (双台账) until it is struck off (销号).
//    examples/notebooks/dongying_year.ipynb does the same year in Python, with charts.
// 7. Reviews five of the community's workers (履职评估) and clears its irregular plaques on the
//    burden ledger (小马拉大车, 减负). examples/python/tour.py takes the same steps in Python.
//
// Usage: grassroots_tour [CODE [DATA]]   CODE: a village-level code (default 370502005066);
//                                        DATA: a division CSV file or an NBS table folder.
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/autonomy/synthetic.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "grassroots/calendar/deadline.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/grid/redivision.hpp"
#include "grassroots/grid/synthetic.hpp"
#include "grassroots/grassroots.hpp"
#include "grassroots/store/stored_engine.hpp"
#include "grassroots/workflow/engine.hpp"

namespace gr = grassroots;

namespace {

// Pads UTF-8 text to a display width: CJK characters take two columns in a terminal.
std::string pad(std::string_view text, std::size_t width) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0U) != 0x80U) columns += byte >= 0xE0U ? 2 : 1;  // count lead bytes only
    }
    return std::string(text) + std::string(width > columns ? width - columns : 0, ' ');
}

gr::DivisionTree load(int argc, char** argv) {
    if (argc < 3) {
        return gr::datasets::dongying_divisions();
    }
    const std::filesystem::path source = argv[2];
    return std::filesystem::is_directory(source) ? gr::DivisionTree::read_nbs(source)
                                                 : gr::DivisionTree::read_csv(source);
}

void print_ladder(const gr::DivisionTree& tree, gr::DivisionId community) {
    std::cout << "The ladder down to " << tree.name(community) << " (行政层级):\n";
    int depth = 0;
    for (gr::DivisionId id : tree.path(community)) {
        const gr::DivisionCode code = tree.code(id);
        std::cout << "  " << std::string(static_cast<std::size_t>(depth) * 2, ' ') << code.padded_str() << "  "
                  << gr::chinese_name(code.level()) << "  " << tree.name(id);
        if (code.level() == gr::Level::township && code.township_class()) {
            std::cout << "  [" << gr::chinese_name(*code.township_class()) << "]";
        }
        if (code.level() == gr::Level::village && code.village_class()) {
            std::cout << "  [" << gr::chinese_name(*code.village_class()) << "]";
        }
        std::cout << '\n';
        ++depth;
    }
}

void print_counts(const gr::DivisionTree& tree) {
    std::cout << "\nUnits per level (" << tree.size() << " in all):\n";
    for (gr::Level level : gr::all_levels) {
        std::printf("  %-10s %-4s %7zu\n", std::string(gr::to_string(level)).c_str(),
                    std::string(gr::chinese_name(level)).c_str(), tree.count(level));
    }
}

void print_counties(const gr::DivisionTree& tree) {
    std::cout << "\nPer county-level unit (县级):\n"
              << "  code   " << pad("name", 22) << " townships 街道/镇/乡/类似   villages 居委会/村委会/类似\n";
    for (gr::DivisionId id : tree.ids()) {
        if (tree.level(id) != gr::Level::county) {
            continue;
        }
        std::map<gr::TownshipClass, int> towns;
        std::map<gr::VillageClass, int> villages;
        for (gr::DivisionId below : tree.subtree(id)) {
            const gr::DivisionCode code = tree.code(below);
            if (code.level() == gr::Level::township && code.township_class()) ++towns[*code.township_class()];
            if (code.level() == gr::Level::village && code.village_class()) ++villages[*code.village_class()];
        }
        std::printf("  %s %s        %2d/%2d/%2d/%2d            %4d/%4d/%2d\n", tree.code(id).str().c_str(),
                    pad(tree.name(id), 22).c_str(), towns[gr::TownshipClass::subdistrict],
                    towns[gr::TownshipClass::town], towns[gr::TownshipClass::township],
                    towns[gr::TownshipClass::township_like], villages[gr::VillageClass::residents_committee],
                    villages[gr::VillageClass::villagers_committee], villages[gr::VillageClass::village_like]);
    }
}

void print_classes(const gr::DivisionTree& tree, gr::DivisionId county) {
    std::cout << "\nTownships of " << tree.name(county) << " and their communities:\n";
    for (gr::DivisionId town : tree.children(county)) {
        const gr::DivisionCode code = tree.code(town);
        int communities = 0;
        int villages = 0;
        for (gr::DivisionId unit : tree.children(town)) {
            const auto kind = tree.code(unit).village_class();
            communities += kind == gr::VillageClass::residents_committee ? 1 : 0;
            villages += kind == gr::VillageClass::villagers_committee ? 1 : 0;
        }
        const std::string_view kind = code.township_class() ? gr::chinese_name(*code.township_class()) : "—";
        std::printf("  %s  %s %s %3d 居委会, %3d 村委会\n", code.str().c_str(), pad(tree.name(town), 14).c_str(),
                    pad("[" + std::string(kind) + "]", 16).c_str(), communities, villages);
    }
}

void print_chain(const gr::AutonomyChain& chain, gr::Date on) {
    std::cout << "\nThe autonomy chain of " << chain.name() << " (四级自治组织链条), elected " << gr::to_string(chain.elected())
              << ", synthetic people:\n";
    std::cout << "  " << gr::chinese_name(chain.kind()) << ":";
    for (gr::PostKind seat : {gr::PostKind::director, gr::PostKind::deputy_director, gr::PostKind::member}) {
        for (gr::PostId post : chain.holders(seat, on)) {
            std::cout << ' ' << gr::chinese_name(seat) << ' ' << chain.person(chain.post(post).person).name;
        }
    }
    std::cout << (chain.secretary_chairs_committee(on) ? "  (主任 is also 党组织书记: 一肩挑)" : "") << '\n';
    for (gr::PostId post : chain.holders(gr::PostKind::subordinate_head, on)) {
        const gr::Post& p = chain.post(post);
        std::cout << "  下属委员会: " << chain.subordinate_committee(*p.subordinate).name << ", headed by "
                  << chain.person(p.person).name << '\n';
    }
    std::cout << "  居民小组: " << chain.groups().size() << " groups, " << chain.households() << " households, "
              << chain.adult_residents() << " adults; 居民代表: " << chain.holders(gr::PostKind::representative, on).size()
              << '\n';
    for (std::size_t g = 0; g < chain.groups().size() && g < 3; ++g) {
        std::cout << "    " << chain.groups()[g].name << ": " << chain.groups()[g].households << " households, 组长 ";
        for (gr::PostId post : chain.holders(gr::PostKind::group_head, on)) {
            if (chain.post(post).group == gr::GroupId{static_cast<std::uint32_t>(g)}) std::cout << chain.person(chain.post(post).person).name;
        }
        std::cout << ", 代表";
        for (gr::PostId post : chain.holders(gr::PostKind::representative, on)) {
            if (chain.post(post).group == gr::GroupId{static_cast<std::uint32_t>(g)}) std::cout << ' ' << chain.person(chain.post(post).person).name;
        }
        std::cout << '\n';
    }
    if (chain.groups().size() > 3) std::cout << "    … " << chain.groups().size() - 3 << " more groups\n";
}

void print_report(const gr::AutonomyChain& chain, gr::Date on) {
    const gr::ValidationReport report = gr::validate(chain, on);
    std::cout << "\nValidation on " << gr::to_string(on) << " under " << report.rule_set << ": " << report.entities_checked
              << " entities, " << report.count(gr::Severity::error) << " errors, " << report.count(gr::Severity::warning)
              << " warnings\n";
    for (const gr::Finding& finding : report.findings) {
        std::cout << "  [" << gr::to_string(finding.severity) << "] " << finding.rule_id << " — " << finding.entity << ": "
                  << finding.message << "\n      source: " << finding.source << (finding.rule_verified ? "" : " (unverified default)")
                  << '\n';
    }
}

void hold_representatives_meeting(const gr::AutonomyChain& chain, gr::Date on) {
    // Representatives of all but the last three groups come; all but four of them vote for the motion.
    gr::MeetingRecord record;
    record.kind = gr::MeetingKind::residents_meeting;
    record.base = gr::AttendanceBase::group_representatives;
    record.date = on;
    record.motion = "增设电动自行车充电桩 (add e-bike charging ports)";
    const std::size_t groups_present = chain.groups().size() > 3 ? chain.groups().size() - 3 : chain.groups().size();
    for (gr::PostId post : chain.holders(gr::PostKind::representative, on)) {
        if (chain.post(post).group->value() < groups_present) record.attendees.push_back(chain.post(post).person);
    }
    record.votes_for.assign(record.attendees.begin(), record.attendees.end() - std::min<std::ptrdiff_t>(4, static_cast<std::ptrdiff_t>(record.attendees.size())));
    const gr::MeetingResult result = gr::hold_meeting(chain, gr::rules_in_force(chain.kind(), on), record);
    std::cout << "\n" << gr::chinese_name(record.kind) << " of group representatives on " << gr::to_string(on) << ", motion: "
              << record.motion << "\n  " << result.explanation << '\n';
}

void print_deadlines() {
    using namespace std::chrono_literals;
    gr::Calendar calendar = gr::Calendar::china();
    std::cout << "\nDeadlines on the working-day clock (工作日, 调休), working hours " << calendar.working_hours().to_string()
              << ":\n";
    const gr::Instant received = gr::parse_instant("2026-09-30T16:00");  // the eve of National Day
    for (const gr::Deadline& limit : {gr::Deadline::elapsed(2h), gr::Deadline::working_hours(24h), gr::Deadline::working_days(7),
                                      gr::Deadline::working_days(15)}) {
        std::cout << "  received " << gr::to_string(received) << ", " << limit.to_string() << " → due "
                  << gr::to_string(limit.due(calendar, received)) << '\n';
    }
    const gr::DayInfo makeup = calendar.day(gr::make_date(2026, 10, 10));
    std::cout << "  2026-10-10 is a " << gr::chinese_name(makeup.kind) << " (" << makeup.holiday_name << ")\n";
    const gr::Instant late = gr::parse_instant("2026-12-24T10:00");
    try {
        (void)gr::Deadline::working_days(7).due(calendar, late);
    } catch (const gr::NotFound& error) {
        std::cout << "  received " << gr::to_string(late) << ", 7 working days: " << error.what() << '\n';
    }
    calendar.set_unpublished(gr::UnpublishedYears::weekday_rule);
    std::cout << "  … by the weekday rule (provisional): due "
              << gr::to_string(gr::Deadline::working_days(7).due(calendar, late)) << '\n';
}

/// The prefecture-level city of a village-level unit (the unit itself in a tree without one).
gr::DivisionCode city_of(const gr::DivisionTree& tree, gr::DivisionId community) {
    const auto path = tree.path(community);
    return tree.code(path[std::min<std::size_t>(1, path.size() - 1)]);
}

void print_grids(const gr::DivisionTree& tree, gr::DivisionId community, gr::DivisionCode city_code, const gr::SyntheticCity& city) {
    const gr::DivisionCode unit = tree.code(community);
    std::int64_t households = 0;
    for (std::int64_t h : city.households) households += h;
    std::cout << "\nGrids (网格化): a synthetic " << tree.name(tree.at(city_code)) << " has " << city.map.size() << " grids and "
              << city.buildings.size() << " buildings with " << households << " households (about "
              << households * 26 / 10 / 10000 << " 万 people; the 2021 report: 6,098 grids for 2.2 million)\n";

    const std::vector<gr::GridId> grids = city.map.grids_in(unit);
    std::cout << "  " << tree.name(community) << ": " << grids.size() << " grids\n";
    for (gr::GridId id : grids) {
        const gr::Grid& grid = city.map.grid(id);
        std::printf("    %s  %s  %lld households, %.0f m²\n", grid.code.str().c_str(), grid.name.c_str(),
                    static_cast<long long>(grid.households), grid.shape.area(city.map.coordinates()));
    }
    const auto coverage = city.map.check_coverage(unit);
    std::cout << "  coverage (全覆盖, 不重叠): " << (coverage.empty() ? "no overlaps, no gaps, no grid outside" : "") << '\n';
    for (const auto& finding : coverage) std::cout << "    " << finding.message << '\n';
    std::vector<std::int64_t> counts;
    for (const gr::Grid& grid : city.map.grids()) counts.push_back(grid.households);
    std::size_t in_unit = 0;
    for (const auto& finding : city.map.check_bands(counts)) {
        if (finding.grid.value() < city.map.size() && city.map.grid(finding.grid).code.unit() == unit) {
            std::cout << "    band: " << finding.message << '\n';
            ++in_unit;
        }
    }
    if (in_unit == 0) std::cout << "  households per grid: all within the 300–500 band\n";

    // Re-division: split and merge out-of-band grids, keeping unchanged codes.
    const gr::Redivision redone = gr::redivide(city.map, unit, city.buildings, city.households);
    for (const gr::RedivisionChange& change : redone.changes) {
        std::cout << "  re-division: " << gr::to_string(change.kind);
        for (const gr::GridCode& code : change.from) std::cout << ' ' << code.str();
        std::cout << " →";
        for (const gr::GridCode& code : change.to) std::cout << ' ' << code.str();
        std::cout << '\n';
    }
    for (gr::GridId id : redone.map.grids_in(unit)) {
        std::cout << "    " << redone.map.grid(id).code.str() << "  " << redone.households[id.value()] << " households\n";
    }
    std::cout << "  after re-division: " << redone.remaining.size() << " grids of " << tree.name(community)
              << " out of band, coverage " << (redone.map.check_coverage(unit).empty() ? "clean" : "NOT clean") << '\n';

    // 网格定岗: community workers, each to one grid, by the min-cost-flow optimiser.
    gr::GridStaffing staffing(city.map);
    std::vector<gr::GridWorkerId> workers;
    for (std::size_t i = 0; i < grids.size() + 1; ++i) {
        const gr::Point at = city.buildings[(i * 7919) % city.buildings.size()];
        workers.push_back(staffing.add_worker({"社区工作者" + std::to_string(i + 1), unit, std::nullopt, false, at}));
    }
    const gr::StaffingPlan best = gr::optimise_full_time(staffing, grids, workers);
    const gr::StaffingPlan greedy = gr::greedy_full_time(staffing, grids, workers);
    const gr::Date from = gr::make_date(2026, 3, 1);
    for (gr::GridId id : grids) {
        if (const auto worker = best.worker_of_grid[id.value()]) staffing.assign(*worker, id, gr::GridRole::full_time, from);
    }
    std::printf("  网格定岗: optimal plan %.0f m in all (greedy %.0f m); ", best.total_distance_m, greedy.total_distance_m);
    const auto findings = staffing.check(from, gr::make_date(2026, 3, 31), unit);
    std::cout << (findings.empty() ? "every grid has exactly one full-time worker every day of March 2026\n"
                                   : std::to_string(findings.size()) + " staffing findings\n");
}

/// The engine a CaseEngine or a StoredEngine runs (for its queries).
const gr::CaseEngine& engine_of(const gr::CaseEngine& engine) { return engine; }
const gr::CaseEngine& engine_of(const gr::StoredEngine& engine) { return engine.engine(); }

/// The closed loop's engine: in memory, or — when GRASSROOTS_DEMO_STORE names a file (scripts/demo
/// sets it) — a StoredEngine in that SQLite store, set up on the first run and resumed on the next.
template <class Engine>
void run_closed_loop(Engine& engine, const gr::DivisionTree& tree, gr::DivisionId community) {
    const gr::DivisionCode unit = tree.code(community);
    if (!engine_of(engine).find_actor("wg-1")) {
        engine.add_workflow(gr::urban_management());
        engine.set_catalogue(gr::MatterCatalogue::urban_sample());
        engine.add_actor({"wg-1", "网格员", {"grid_worker"}, unit, "", ""});
        engine.add_actor({"sv-1", "监督中心", {"supervision_centre"}, std::nullopt, "", ""});
        engine.add_actor({"cc-1", "指挥中心", {"command_centre"}, std::nullopt, "", ""});
    }
    const gr::ActorId worker = *engine_of(engine).find_actor("wg-1");
    const gr::ActorId supervision = *engine_of(engine).find_actor("sv-1");
    const gr::ActorId command = *engine_of(engine).find_actor("cc-1");

    // 信息收集 → 案卷建立 → 任务派遣 → 任务处理: the handling clock runs 5 working days from dispatch.
    gr::CaseInput input;
    input.matter = "event:0502";  // 占道经营 (street vending on the pavement), an event of the catalogue
    input.unit = unit;
    input.description = "占道经营";
    const gr::CaseId id = engine.open(input, worker, gr::parse_instant("2026-09-30T09:00"));
    engine.take(id, "submit", supervision, gr::parse_instant("2026-09-30T09:10"),
                {{"location", std::string(tree.name(community))}, {"category", "街面秩序"}, {"description", "占道经营"}});
    engine.take(id, "accept", command, gr::parse_instant("2026-09-30T09:20"));
    engine.take(id, "dispatch", command, gr::parse_instant("2026-09-30T09:30"), {{"department", "街道综合执法中队"}});
    const gr::CaseEngine& e = engine_of(engine);
    const gr::CaseState& state = e.state(id);
    const gr::StateDefinition& handling = state.definition->state(e.state_id(id));
    std::cout << "\nClosed loop (闭环): " << gr::CaseEngine::case_number(id) << ", 占道经营 in " << tree.name(community)
              << ", filed 2026-09-30, dispatched to " << e.assignment(id)->primary << "\n  state " << handling.id << " ("
              << handling.name << ", " << handling.deadline->to_string() << ") → due " << gr::to_string(*state.due)
              << " (国庆节 1–7 October, 调休 10-10)\n";

    // Nobody handles it; the clock runs. advance() records every breach due before the given time.
    const std::size_t recorded = engine.advance(gr::parse_instant("2026-10-14T00:00"));
    std::cout << "  advance(2026-10-14T00:00): " << recorded << " events\n";
    for (const gr::Event* event : e.events_of(id)) {
        if (event->kind == gr::EventKind::urged || event->kind == gr::EventKind::escalated) {
            std::cout << "    " << e.describe(*event).note << '\n';  // 催办 / 督办: what, when, which rung
        }
    }
    const gr::CaseState& now = e.state(id);
    std::cout << "  now on rung " << gr::chinese_name(now.rung) << " (filed on " << gr::chinese_name(now.start_rung)
              << "), next breach " << (now.next_breach ? gr::to_string(*now.next_breach) : "none") << '\n';
}

void print_closed_loop(const gr::DivisionTree& tree, gr::DivisionId community) {
    const char* store = std::getenv("GRASSROOTS_DEMO_STORE");
    if (store == nullptr || *store == '\0') {
        // A district's two centres and a grid worker, on China's working-day calendar (2026 schedule).
        gr::CaseEngine engine(gr::Calendar::china());
        engine.set_divisions(&tree);
        run_closed_loop(engine, tree, community);
        return;
    }
    const std::filesystem::path file = store;
    const bool resuming = std::filesystem::exists(file) && gr::StoredEngine::holds_engine(gr::Store::open(file));
    gr::StoredEngine engine = gr::StoredEngine::load_or_create(gr::Store::open(file), gr::Calendar::china(), {}, &tree);
    if (!resuming) {
        std::cout << "\nWriting the closed loop into the store " << file.string() << " (run again to resume from it)\n";
    } else {
        std::cout << "\nResuming from the store " << file.string() << ": " << engine.engine().size() << " cases, "
                  << engine.engine().events().size() << " events"
                  << (engine.loaded_from_snapshot() ? " (from a snapshot)" : "") << '\n';
    }
    run_closed_loop(engine, tree, community);
    (void)engine.save_snapshot();
    const std::string written = engine.engine().to_json_lines();
    const std::size_t cases = engine.engine().size();
    engine = gr::StoredEngine::load(gr::Store::open(file), gr::Calendar::china(), &tree);  // reopen and compare
    std::cout << "  stored in " << file.string() << ": reopened " << engine.engine().size() << " cases, "
              << engine.engine().events().size() << " events, identical to what was written: "
              << (engine.engine().size() == cases && engine.engine().to_json_lines() == written ? "yes" : "NO") << '\n';
}

void print_kpi_row(const gr::KpiReport& report, const gr::KpiRow& row) {
    if (row.counts.cases == 0) {
        std::printf("  %s      0 due\n", pad(report.name(row), 26).c_str());
        return;
    }
    std::printf("  %s%7lld due  结案率 %5.1f %%  按期结案率 %5.1f %%  满意率 %5.1f %%  p90 %3.0f h (%.0f working days)\n",
                pad(report.name(row), 26).c_str(), static_cast<long long>(row.counts.cases), row.rates.closure * 100,
                row.rates.on_time_closure * 100, row.rates.satisfaction * 100, row.time_to_close.hours_p90,
                row.time_to_close.working_days_p90);
}

void print_year(const gr::DivisionTree& tree, gr::DivisionId community, gr::DivisionCode city_code, const gr::SyntheticCity& city) {
    // A synthetic year of the city's cases, filed in its grids; every unit's KPIs in one pass up the ladder.
    const gr::CaseTable cases = gr::CaseTable::synthetic(
        tree, {.cases = 200'000, .year = 2025, .seed = 2025, .grids = &city.map, .scope = city_code});
    const gr::Calendar calendar = gr::Calendar::china();
    gr::KpiOptions options = gr::KpiOptions::dates(gr::make_date(2025, 1, 1), gr::make_date(2026, 1, 1));
    options.calendar = &calendar;  // time to close in working days, too
    const gr::KpiReport report = gr::compute_kpis(cases, options);
    std::cout << "\nThe year in numbers: " << cases.size() << " synthetic cases of 2025 in the grids above; KPIs of every unit "
              << "(counted by handling deadline, cut-off 2026-01-01)\n";
    const auto path = tree.path(community);
    for (std::size_t k = std::min<std::size_t>(1, path.size() - 1); k < path.size(); ++k) {
        print_kpi_row(report, report.unit(tree.code(path[k])));
    }

    // The county's weakest township (of those with 200 cases due or more) goes on the dual ledger.
    const gr::DivisionId county = path[std::min<std::size_t>(2, path.size() - 1)];
    const gr::KpiRow* weakest = nullptr;
    for (const gr::DivisionId township : tree.children(county)) {
        const gr::KpiRow& row = report.unit(tree.code(township));
        if (row.counts.cases >= 200 && (weakest == nullptr || row.rates.on_time_closure < weakest->rates.on_time_closure)) {
            weakest = &row;
        }
    }
    if (weakest == nullptr) return;
    const gr::DivisionCode township = report.code(*weakest);
    const std::string name(report.name(*weakest));
    char title[160];
    std::snprintf(title, sizeof title, "%s 按期结案率 %.1f %%", name.c_str(), weakest->rates.on_time_closure * 100);
    gr::DualLedger ledger;
    const gr::ProblemId problem = ledger.add_problem({.title = title, .owner = {.division = township}, .raised = gr::make_date(2026, 1, 8),
                                                      .due = gr::make_date(2026, 4, 30), .actor = "区委社会工作部"});
    const gr::MeasureId measure = ledger.add_measure({.title = name + " 逾期案件清零", .owner = {.division = township},
                                                      .responsible = name + "综治中心", .created = gr::make_date(2026, 1, 9),
                                                      .due = gr::make_date(2026, 3, 15), .actor = "区委社会工作部"});
    ledger.link(problem, measure, gr::make_date(2026, 1, 9), "区委社会工作部");
    std::cout << "  双台账: " << ledger.problem(problem).number << " '" << title << "' (the lowest in "
              << tree.name(county) << "), measure " << ledger.measure(measure).number << " '" << ledger.measure(measure).title
              << "'\n";
    try {
        ledger.strike_off(problem, gr::make_date(2026, 2, 1), "区委社会工作部");
    } catch (const gr::RuleViolation& refused) {
        std::cout << "    销号 refused on 2026-02-01: " << refused.what() << '\n';
    }
    ledger.complete(measure, gr::make_date(2026, 3, 10), name + "综治中心");
    ledger.verify(problem, gr::make_date(2026, 4, 10), "区核查组", true);
    ledger.strike_off(problem, gr::make_date(2026, 4, 15), "区委社会工作部");
    std::cout << "    measure done 2026-03-10, verified by 区核查组 2026-04-10, struck off (销号) 2026-04-15: "
              << gr::to_string(ledger.problem(problem).status) << '\n';
}

// A year's review (履职评估) of five community workers of the unit under the default rules (the 20 %
// 优秀 quota, the six months off the grade wait from the seed), as CSV they would come in.
void print_review(const gr::DivisionCode& unit) {
    std::string workers = "id,name,unit,grade,grade_start\n";
    const char* names[] = {"崔雷鸣", "王海燕", "刘强", "张敏", "李娜"};
    for (int i = 0; i < 5; ++i) {
        workers += "sg-0" + std::to_string(i + 1) + "," + names[i] + "," + unit.str() + ",3,2022-07-01\n";
    }
    const gr::ReviewEvidence evidence = gr::ReviewEvidence::parse_csv(
        "worker,cases_handled,on_time_rate,satisfaction_rate,training_hours,attendance_rate,resident_assessment\n"
        "sg-01,46,1.0,0.98,36,1.0,96\nsg-02,41,0.98,0.96,32,0.99,92\nsg-03,35,0.95,0.9,24,0.98,85\n"
        "sg-04,28,0.9,0.85,16,0.97,80\nsg-05,12,0.85,0.8,12,0.95,70\n",
        "evidence.csv");
    const gr::ReviewOutcome outcome = gr::review(gr::ReviewRules::defaults(), gr::Workforce::parse_csv(workers, "workers.csv"),
                                                 evidence, gr::make_date(2024, 1, 1), gr::make_date(2024, 12, 31));
    std::cout << "\nPeople (履职评估 2024, rules " << outcome.rules << "):";
    for (const gr::WorkerReview& result : outcome.reviews) {
        std::printf(" %s %.1f %s%s", result.worker_id.c_str(), result.score, std::string(gr::chinese_name(result.rating)).c_str(),
                    result.adjustment ? " (quota)" : "");
    }
    const gr::WorkerReview& best = outcome.reviews.front();
    std::cout << "\n  " << best.worker_id << ": next post grade on "
              << (best.next_grade_date ? gr::to_string(*best.next_grade_date) : "—") << " (" << best.wait_change_months
              << " months on the wait)\n";
}

// The burden ledger (小马拉大车, 减负) of the unit: irregular plaques found and taken down in 2024.
void print_burden(const gr::DivisionCode& unit) {
    gr::BurdenLedger ledger;
    ledger.set_staff(unit, 6);
    ledger.add({.unit = unit, .kind = gr::BurdenKind::meeting, .name = "条线会议", .quantity = 48, .added = gr::make_date(2024, 1, 1)});
    const gr::BurdenItemId plaque = ledger.add({.unit = unit, .kind = gr::BurdenKind::plaque, .name = "不规范挂牌",
                                                .source_department = "市直部门", .quantity = 12, .added = gr::make_date(2024, 1, 1)});
    ledger.flag(plaque, gr::make_date(2024, 4, 1), "五步闭环: 发现问题");
    ledger.remove(plaque, gr::make_date(2024, 9, 1), "摘牌");
    const gr::BurdenComparison change = ledger.compare(gr::make_date(2024, 1, 1), gr::make_date(2024, 12, 31));
    const gr::BurdenKindChange& plaques = change.kinds[static_cast<std::size_t>(gr::BurdenKind::plaque)];
    std::printf("Burden (小马拉大车, 减负): plaques %lld → %lld; burden per staff member %.2f → %.2f\n",
                static_cast<long long>(plaques.before), static_cast<long long>(plaques.after),
                ledger.top(gr::make_date(2024, 1, 1), 1).front().index.value_or(0),
                ledger.top(gr::make_date(2024, 12, 31), 1).front().index.value_or(0));
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const gr::DivisionTree tree = load(argc, argv);
        const gr::DivisionCode target(argc > 1 ? argv[1] : "370502005066");  // 锦苑社区, 胜利街道
        const gr::DivisionId community = tree.at(target);
        if (target.level() != gr::Level::village) {
            throw gr::InvalidInput("the tour needs a village-level code, got " + target.str());
        }
        std::cout << "grassroots " << gr::version_string << " — a tour of the administrative ladder\n\n";
        print_ladder(tree, community);
        print_counts(tree);
        print_counties(tree);
        print_classes(tree, *tree.parent(*tree.parent(community)));

        const gr::AutonomyChain chain = gr::synthetic_chain(target, std::string(tree.name(community)),
                                                            gr::make_date(2021, 5, 20), /*seed=*/2024);
        print_chain(chain, gr::make_date(2025, 6, 1));
        print_report(chain, gr::make_date(2025, 6, 1));  // 2018 amendment in force
        print_report(chain, gr::make_date(2026, 6, 1));  // 2025 revision: new scale, term ended 2026-05-20
        hold_representatives_meeting(chain, gr::make_date(2025, 6, 15));
        print_deadlines();
        const gr::DivisionCode city_code = city_of(tree, community);
        const gr::SyntheticCity city = gr::synthetic_city(tree, city_code, /*seed=*/2024);
        print_grids(tree, community, city_code, city);
        print_closed_loop(tree, community);
        print_year(tree, community, city_code, city);
        print_review(target);
        print_burden(target);
        return 0;
    } catch (const gr::Error& error) {
        std::cerr << "error: " << error.what() << '\n';
        return 1;
    }
}
