// A month of cases through 锦苑社区 across the 2026 October holiday (国庆节, 1–7 October; the
// Mid-Autumn Festival 中秋节 is 25–27 September, and Saturday 10 October is a make-up working day).
//
// About sixty digital urban management cases (数字化城管) run through the case engine the way a
// district sees them: grid workers (网格员) report problems at points inside 锦苑社区's grids; the
// supervision centre (监督中心) files them; the command centre (指挥中心) dispatches each one to the
// unit the responsibility list names (属地管理清单); departments handle them on working days only;
// the supervision centre verifies (核查) and closes (结案). Cases handled late across the holiday are
// escalated by the engine's clock (催办 urge, 督办 one rung up the ladder, re-routed); some fail
// verification and go back (返工); one attempt is refused; one case is reopened by its reporter.
// The month's KPIs come from the analytics (CaseTable::from_engine, compute_kpis), and the case
// escalated most goes on the dual ledger (双台账).
//
// The loop's state diagram: docs/workflow/urban_management.svg (drawn from urban_management().to_dot()).
// Deterministic: a fixed seed and integer arithmetic, the same output on every machine.
//
// Usage: grassroots_month_of_cases [RESPONSIBILITIES.csv]   (default: examples/data/jinyuan-responsibilities.csv)
#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <map>
#include <queue>
#include <string>
#include <tuple>
#include <vector>

#include "grassroots/grassroots.hpp"
#include "grassroots/workflow/engine.hpp"

namespace gr = grassroots;
namespace urban = gr::workflows::urban;
using namespace std::chrono_literals;

namespace {

const gr::DivisionCode jinyuan("370502005066");         // 锦苑社区, 胜利街道 (370502005), 东营区 (370502)
const gr::Date first_day = gr::make_date(2026, 9, 21);  // a Monday
constexpr int month_days = 30;                          // 21 September – 20 October

// SplitMix64: a tiny generator whose numbers are the same on every platform (no std:: distributions).
struct SplitMix {
    std::uint64_t state;
    std::uint64_t below(std::uint64_t n) {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return (z ^ (z >> 31U)) % n;
    }
};

gr::Instant at(gr::Date day, std::chrono::minutes time) { return gr::china_time(day, time); }
std::string short_time(gr::Instant t) { const std::string s = gr::to_string(t); return s.substr(5, 5) + ' ' + s.substr(11, 5); }
gr::Date day_of(int offset) { return gr::Date{std::chrono::sys_days{first_day} + std::chrono::days{offset}}; }
int offset_of(gr::Instant t) { return static_cast<int>((std::chrono::sys_days{gr::china_date(t)} - std::chrono::sys_days{first_day}).count()); }

// The centres take up new work on working days (工作日, make-up days 调休 included), 08:30–16:00.
gr::Instant next_working_moment(const gr::Calendar& calendar, gr::Instant t) {
    const gr::Date day = gr::china_date(t);
    const auto time = gr::china_time_of_day(t);
    if (calendar.is_working_day(day) && time >= 8h + 30min && time < 16h) return t;
    if (calendar.is_working_day(day) && time < 8h + 30min) return at(day, 8h + 30min);
    return at(calendar.next_working_day(day), 8h + 30min);
}

// What grid workers report most, with weights out of 100: street order and litter dominate.
constexpr std::pair<std::string_view, int> reported[] = {
    {"event:0502", 22}, {"event:0102", 16}, {"event:0201", 12}, {"event:0501", 8}, {"event:0104", 8}, {"event:0101", 6},
    {"event:0302", 5}, {"component:0101", 6}, {"component:0102", 5}, {"component:0402", 6}, {"component:0201", 3},
    {"component:0301", 3}};

// One report drawn by the generator, and how the department will deal with it.
struct Report {
    gr::Instant when;
    gr::CaseInput input;
    gr::ActorId reporter;
    int handling_days;  // working days after dispatch until the department completes (5 is the limit)
    bool fails_check;   // the first verification fails (返工)
};

// The people of the loop: who reports, files, dispatches, handles and verifies.
struct Office {
    gr::ActorId supervisor, checker, commander;
    std::map<std::string, gr::ActorId> handler_of_unit;
};

struct Month {
    gr::CaseEngine& engine;
    Office office;
    std::vector<Report> reports;  // report i becomes case i (reports are filed in time order)
    SplitMix rng;
    bool refused = false, reopened = false;
};

// Takes the next step of case @p id at @p when (what the state calls for); returns when the step after it is due.
std::optional<gr::Instant> step(Month& m, gr::CaseId id, gr::Instant when) {
    gr::CaseEngine& engine = m.engine;
    const gr::Calendar& calendar = engine.calendar();
    const gr::CaseState& state = engine.state(id);
    const gr::MatterType& matter = engine.catalogue().at(state.matter);
    Report& report = m.reports[id.value()];
    const std::string& here = engine.state_id(id);
    if (here == urban::collect) {  // 监督中心 checks the report and files it (立案)
        engine.take(id, "submit", m.office.supervisor, when,
                    {{"location", report.input.address}, {"category", matter.category}, {"description", report.input.description}});
        return when + 10min;
    }
    if (here == urban::file) {
        engine.take(id, "accept", m.office.commander, when);
        return when + 10min;
    }
    if (here == urban::dispatch) {  // 指挥中心 reads the responsibility list and dispatches (派遣)
        const gr::Assignment to = engine.responsibilities().route(matter, report.input.owner, state.unit, state.grid, state.rung);
        engine.take(id, "dispatch", m.office.commander, when, {{"department", to.primary}});
        const gr::Date day = calendar.add_working_days(gr::china_date(when), report.handling_days);
        return at(day, 9h + 30min + std::chrono::minutes(m.rng.below(360)));
    }
    if (here == urban::handle) {  // the unit the case is assigned to *now* (it changes on 督办) handles it
        engine.take(id, "complete", m.office.handler_of_unit.at(engine.assignment(id)->primary), when, {{"result", "已按要求处置"}});
        return when + 20min;
    }
    if (here == urban::feedback) {
        engine.take(id, "report_back", state.handler, when);
        return when + 60min;  // verification is due within 2 hours
    }
    if (here == urban::verify) {
        if (!m.refused) {  // a grid worker may report but not verify: refused, and the refusal is recorded
            m.refused = true;
            try {
                engine.take(id, "verify_pass", state.reporter, when);
            } catch (const gr::PermissionDenied& error) {
                std::cout << "Refused (" << short_time(when) << "): " << error.what() << "\n\n";
            }
        }
        if (report.fails_check && state.reworks == 0) {  // 核查不通过 → back to dispatch (返工)
            engine.take(id, "verify_fail", m.office.checker, when, {{"reason", "现场核查未整改到位"}});
            report.handling_days = 1;
        } else {
            engine.take(id, "verify_pass", m.office.checker, when);
        }
        return when + 10min;
    }
    if (here == urban::evaluate) {
        engine.take(id, "evaluate", m.office.checker, when, {{"rating", "满意"}});
        if (m.reopened || state.matter != "event:0502" || offset_of(when) < 17) return std::nullopt;
        m.reopened = true;  // the vendor comes back: the reporter reopens it two working days later
        return at(calendar.add_working_days(gr::china_date(when), 2), 9h);
    }
    engine.reopen(id, state.reporter, when, "摊主又回来了");  // closed: within the reopen window (5 working days)
    report.handling_days = 1;
    return when + 10min;
}

// The generator: 1–3 reports a day at random points of random grids, each with a plan.
std::vector<Report> draw_reports(const gr::CaseEngine& engine, const gr::GridMap& grids, const std::vector<gr::GridId>& ours,
                                 const std::vector<gr::ActorId>& workers, SplitMix& rng) {
    std::vector<Report> out;
    for (int d = 0; d < month_days; ++d) {
        const auto count = 1 + rng.below(3);
        std::vector<std::int64_t> minutes;  // 07:00–20:59, in order
        for (std::uint64_t i = 0; i < count; ++i) minutes.push_back(420 + static_cast<std::int64_t>(rng.below(840)));
        std::sort(minutes.begin(), minutes.end());
        for (const std::int64_t minute : minutes) {
            const std::size_t g = rng.below(ours.size());
            const gr::Box& box = grids.grid(ours[g]).shape.bounds();
            gr::Point p;
            do {  // a point strictly inside the grid
                p = {box.min.x + (box.max.x - box.min.x) * static_cast<double>(1 + rng.below(998)) / 1000.0,
                     box.min.y + (box.max.y - box.min.y) * static_cast<double>(1 + rng.below(998)) / 1000.0};
            } while (grids.locate(p) != ours[g]);
            std::uint64_t pick = rng.below(100);
            std::size_t k = 0;
            while (pick >= static_cast<std::uint64_t>(reported[k].second)) pick -= static_cast<std::uint64_t>(reported[k++].second);
            Report r{at(day_of(d), std::chrono::minutes(minute)), {}, workers[g], 0, rng.below(100) < 10};
            r.input.matter = std::string(reported[k].first);
            r.input.point = p;
            r.input.address = grids.grid(ours[g]).name;
            r.input.description = engine.catalogue().at(r.input.matter).name + "，网格员巡查发现";
            // Most units finish in 1–4 working days; some use the whole limit (5); some are late (6–7:
            // one 督办), a few very late (12–15: escalated to the district, some still open at month end).
            const auto speed = rng.below(100);
            r.handling_days = speed < 68   ? 1 + static_cast<int>(rng.below(4))
                              : speed < 86 ? 5
                              : speed < 95 ? 6 + static_cast<int>(rng.below(2))
                                           : 12 + static_cast<int>(rng.below(4));
            // Before the holiday the teams fall behind: cases reported 28–30 September wait two days more.
            const gr::Date day = day_of(d);
            if (day >= gr::make_date(2026, 9, 28) && day <= gr::make_date(2026, 9, 30) && engine.calendar().is_working_day(day)) {
                r.handling_days += 2;
            }
            out.push_back(std::move(r));
        }
    }
    return out;
}

// One case's record in Open311 GeoReport v2, cut out of the engine's export of all cases.
std::string open311_of(const gr::CaseEngine& engine, gr::CaseId id) {
    const std::string all = engine.to_open311();
    const std::size_t key = all.find("\"service_request_id\": \"" + gr::CaseEngine::case_number(id) + "\"");
    const std::size_t begin = all.rfind("\n  {", key) + 1;
    return all.substr(begin, all.find("\n  }", key) + 4 - begin);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        // 1. The place: the Dongying division tree and a synthetic city's grids (as in the tour).
        const gr::DivisionTree tree = gr::datasets::dongying_divisions();
        const gr::SyntheticCity city = gr::synthetic_city(tree, gr::DivisionCode("3705"), /*seed=*/2024);
        const std::vector<gr::GridId> ours = city.map.grids_in(jinyuan);

        // 2. The engine: China's working-day calendar, the 7-stage loop, the matter catalogue (事项目录)
        //    and the responsibility list (主体责任/配合责任), which must name a primary for every matter.
        gr::CaseEngine engine(gr::Calendar::china());
        engine.set_divisions(&tree);
        engine.set_grid_map(&city.map);
        engine.add_workflow(gr::urban_management());
        engine.set_catalogue(gr::MatterCatalogue::urban_sample());
        const std::string csv = argc > 1 ? argv[1] : GRASSROOTS_EXAMPLE_DATA "/jinyuan-responsibilities.csv";
        engine.set_responsibilities(gr::ResponsibilityList::read_csv(csv));
        for (const gr::MatterType& type : engine.catalogue().types()) {  // one primary per rung, for every matter
            for (gr::Rung rung : {gr::Rung::community, gr::Rung::township, gr::Rung::county}) {
                if (engine.responsibilities().find(type.key(), rung, jinyuan) == nullptr) {
                    throw gr::InvalidInput(csv + ": no primary unit for " + type.key() + " at rung " + std::string(gr::to_string(rung)));
                }
            }
        }

        // 3. The actors: one grid worker per grid (acting only there), the two centres of the district,
        //    and one handler for every unit a case can be assigned to (list primaries and component owners).
        std::vector<gr::ActorId> workers;
        for (const gr::GridId g : ours) {
            const std::string n = std::to_string(workers.size() + 1);
            workers.push_back(engine.add_actor({"wg-" + n, "网格员" + n, {"grid_worker"}, jinyuan, city.map.grid(g).code.str(), ""}));
        }
        const gr::DivisionCode district("370502");
        Office office{engine.add_actor({"sv-1", "监督中心受理员", {"supervision_centre"}, district, "", ""}),
                      engine.add_actor({"sv-2", "监督中心核查员", {"supervision_centre"}, district, "", ""}),
                      engine.add_actor({"cc-1", "指挥中心派遣员", {"command_centre"}, district, "", ""}),
                      {}};
        std::map<std::string, std::optional<gr::DivisionCode>> units;  // unit → where it acts (companies: everywhere)
        for (const gr::ResponsibilityEntry& row : engine.responsibilities().entries()) units.emplace(row.primary, row.scope);
        for (const gr::MatterType& type : engine.catalogue().types()) if (!type.owner.empty()) units.emplace(type.owner, std::nullopt);
        for (const auto& [unit, scope] : units) {
            const std::string n = std::to_string(office.handler_of_unit.size() + 1);
            office.handler_of_unit[unit] = engine.add_actor({"dp-" + n, unit + "处置人员", {"department"}, scope, "", unit});
        }
        std::cout << "A month of cases through " << tree.name(tree.at(jinyuan)) << " (" << jinyuan.str() << "), 2026-09-21 to 2026-10-20\n  "
                  << ours.size() << " grids, loop " << engine.workflows().latest(urban::loop).title() << ", "
                  << engine.catalogue().size() << " matter types, " << engine.responsibilities().entries().size()
                  << " responsibility rows, " << engine.actor_count() << " actors\n ";
        std::string group;  // holidays (节假日) and make-up working days (调休上班) move every deadline
        for (int d = 0; d < month_days; ++d) {
            const gr::DayInfo info = engine.calendar().day(day_of(d));
            if (info.kind != gr::DayKind::holiday && info.kind != gr::DayKind::makeup_workday) continue;
            const std::string name = info.working ? "调休上班" : info.holiday_name;
            std::cout << (name == group ? " " : (group.empty() ? " " : "; ") + name + ' ') << gr::to_string(info.date).substr(5);
            group = name;
        }
        std::cout << "\n\n";

        // 4. The month: reports and case steps in time order; before each one the engine's clock
        //    runs (advance) so that breached deadlines are urged and escalated when they fall due.
        SplitMix rng{20261001};
        Month m{engine, office, draw_reports(engine, city.map, ours, workers, rng), rng};
        const gr::Instant month_end = at(day_of(month_days), 0min);
        using Item = std::tuple<gr::Instant, std::uint64_t, std::uint32_t, bool>;  // when, order, index, is a report
        std::priority_queue<Item, std::vector<Item>, std::greater<>> agenda;
        std::uint64_t order = 0;
        for (std::uint32_t i = 0; i < m.reports.size(); ++i) agenda.emplace(m.reports[i].when, order++, i, true);
        while (!agenda.empty() && std::get<0>(agenda.top()) < month_end) {
            const auto [when, ignored, index, is_report] = agenda.top();
            agenda.pop();
            engine.advance(when);
            if (is_report) {  // filed now; the supervision centre takes it up at its next working moment
                engine.open(m.reports[index].input, m.reports[index].reporter, when);
                agenda.emplace(next_working_moment(engine.calendar(), when + 15min), order++, index, false);
            } else if (const std::optional<gr::Instant> next = step(m, gr::CaseId(index), when)) {
                agenda.emplace(*next, order++, index, false);
            }
        }
        engine.advance(month_end);

        // 5. The report: per week, by rung, and the month's KPIs (analytics: the engine's cases as a
        //    CaseTable, every unit's KPIs in one pass). Cases count in the month of their handling
        //    deadline (应结案); 结案率 = closed by the cut-off / due; 按期结案率 = closed, and handled by
        //    the handling deadline / due (docs/analytics.md has the definitions and their sources).
        std::vector<std::array<int, 4>> weeks((month_days + 6) / 7);  // filed, closed, on time, escalated
        for (const gr::Event& e : engine.events()) {
            if (e.kind == gr::EventKind::opened) ++weeks[offset_of(e.at) / 7][0];
            if (e.kind == gr::EventKind::escalated) ++weeks[offset_of(e.at) / 7][3];
        }
        int refusals = 0, reopens = 0;
        std::map<gr::Rung, int> by_rung;
        for (const gr::CaseState& c : engine.cases()) {
            const bool in_time = c.closed && c.handled_at && c.handling_due && *c.handled_at <= *c.handling_due;
            if (c.closed) {
                ++weeks[offset_of(*c.closed_at) / 7][1];
                weeks[offset_of(*c.closed_at) / 7][2] += in_time ? 1 : 0;
            }
            refusals += c.refusals, reopens += c.reopens;
            ++by_rung[c.rung];
        }
        const gr::CaseTable table = gr::CaseTable::from_engine(engine, tree);
        gr::KpiOptions options = gr::KpiOptions::dates(first_day, day_of(month_days));
        options.calendar = &engine.calendar();
        const gr::KpiReport kpis = gr::compute_kpis(table, options);
        const gr::KpiRow& month = kpis.unit(jinyuan);
        std::cout << "Week           filed  closed  on time  escalated (督办)\n";
        for (std::size_t w = 0; w < weeks.size(); ++w) {
            const int last = std::min(static_cast<int>(w) * 7 + 6, month_days - 1);
            std::printf("%s–%s  %5d  %6d  %7d  %9d\n", gr::to_string(day_of(static_cast<int>(w) * 7)).substr(5).c_str(),
                        gr::to_string(day_of(last)).substr(5).c_str(), weeks[w][0], weeks[w][1], weeks[w][2], weeks[w][3]);
        }
        std::cout << "\nCases by rung on 2026-10-20 24:00:";
        for (const auto& [rung, count] : by_rung) std::cout << "  " << gr::chinese_name(rung) << ' ' << count;
        const gr::KpiCounts& n = month.counts;
        std::printf("\n\nThe month: %zu filed, %lld due to close, %lld closed, %lld on time: 结案率 %.1f %%, 按期结案率 %.1f %%\n",
                    engine.size(), static_cast<long long>(n.cases), static_cast<long long>(n.closed), static_cast<long long>(n.on_time),
                    100.0 * month.rates.closure, 100.0 * month.rates.on_time_closure);
        std::printf("  返工 %lld, 督办 %lld, refused %d, reopened %d; time to close p50 %.0f h, p90 %.0f h (%.0f working days)\n",
                    static_cast<long long>(n.reworks), static_cast<long long>(n.escalations), refusals, reopens,
                    month.time_to_close.hours_p50, month.time_to_close.hours_p90, month.time_to_close.working_days_p90);
        std::cout << "  by matter (most due first):";
        std::vector<const gr::KpiRow*> matters;
        for (const gr::KpiRow& row : kpis.matters()) if (row.counts.cases > 0) matters.push_back(&row);
        std::stable_sort(matters.begin(), matters.end(), [](const gr::KpiRow* a, const gr::KpiRow* b) { return a->counts.cases > b->counts.cases; });
        for (std::size_t k = 0; k < std::min<std::size_t>(3, matters.size()); ++k) {
            const gr::KpiRow& row = *matters[k];
            std::printf("  %s %lld (结案率 %.0f %%)", engine.catalogue().at(kpis.matter_keys()[row.index]).name.c_str(),
                        static_cast<long long>(row.counts.cases), 100.0 * row.rates.closure);
        }
        std::cout << "\n\n";

        // 6. The record of the case escalated most often: every event, a JSON line, and Open311.
        gr::CaseId worst(0);
        for (const gr::CaseState& c : engine.cases()) if (c.escalations > engine.state(worst).escalations) worst = c.id;
        const gr::CaseState& w = engine.state(worst);
        std::cout << "History of " << gr::CaseEngine::case_number(worst) << ": " << engine.catalogue().at(w.matter).name
                  << " in grid " << w.grid << ", now in state '" << engine.state_id(worst) << "' on rung " << gr::chinese_name(w.rung) << '\n';
        const gr::Event* escalation = nullptr;
        for (const gr::Event* e : engine.events_of(worst)) {
            const gr::EventRecord r = engine.describe(*e);
            std::printf("  %s  %-10s %-5s %-6s %-12s %s → %s", short_time(r.at).c_str(), std::string(gr::to_string(r.kind)).c_str(),
                        r.actor.empty() ? "clock" : r.actor.c_str(), std::string(gr::chinese_name(r.kind)).c_str(), r.transition.c_str(),
                        r.from.c_str(), r.to.c_str());
            if (!r.note.empty()) std::cout << "  " << r.note;
            if (r.assignment) std::cout << "  ⇒ " << r.assignment->primary << " (" << gr::chinese_name(r.assignment->rung) << ")";
            std::cout << '\n';
            if (e->kind == gr::EventKind::escalated && escalation == nullptr) escalation = e;
        }
        if (escalation != nullptr) std::cout << "\nIts first 督办 as a JSON line:\n" << engine.to_json_line(*escalation) << '\n';
        std::cout << "\nIts Open311 (GeoReport v2) service request:\n" << open311_of(engine, worst) << '\n';

        // 7. It goes on the dual ledger (双台账) as a problem of the unit it is assigned to, to be
        //    struck off (销号) only once the measures taken are done and verified (docs/ledger.md).
        gr::DualLedger ledger;
        const gr::Problem& problem = ledger.problem(ledger.raise_from_case(
            engine, worst, day_of(month_days), gr::make_date(2026, 11, 30), "东营区数字化城管监督指挥中心"));
        std::cout << "\nOn the dual ledger: " << problem.number << " '" << problem.title << "', owner " << problem.owner.to_string()
                  << ", due " << gr::to_string(problem.due) << ", source " << gr::to_string(problem.source.kind) << ' '
                  << problem.source.reference << '\n';
        return 0;
    } catch (const gr::Error& error) {
        std::cerr << "error: " << error.what() << '\n';
        return 1;
    }
}
