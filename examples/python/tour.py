"""The onboarding demo in Python: a tour of Dongying (东营市), the same city and the same steps as
examples/cpp/tour.cpp, area by area.

1. The administrative ladder (行政层级): the 1,982 units shipped inside the library, from 山东省 down
   to the seed article's 锦苑社区, the counts per level and per county, the township classes.
2. The autonomy chain (四级自治组织链条) of 锦苑社区 with synthetic people, checked against the law in
   force on two dates (the 2018 amendment and the 2025 revision), and a residents' meeting.
3. The working-day calendar (工作日, 调休): 12345-hotline deadlines across the 2026 National Day
   holiday and into 2027, whose schedule is not yet published.
4. Grids (网格化): a synthetic Dongying, 锦苑社区's coverage and household bands, re-division, and the
   community workers posted to its grids (网格定岗) by the min-cost-flow optimiser.
5. A closed loop (闭环, 数字化城管) filed on the eve of National Day: urged (催办) and escalated (督办)
   one rung up when its deadline passes. With GRASSROOTS_DEMO_STORE naming a file, the loop is kept
   in that SQLite store (the store, 事件存储), reopened and compared; a second run resumes from it.
6. A synthetic year of cases: every unit's KPIs in one pass (analytics), and the county's weakest
   township on the dual ledger (双台账) until it is struck off (销号).
7. People and burden: five community workers reviewed (履职评估), and the community's irregular
   plaques cleared on the burden ledger (小马拉大车, 减负).

Usage: python examples/python/tour.py [CODE [DATA]]   CODE: a village-level code (default
370502005066); DATA: a division CSV file or an NBS table folder (see docs/data.md).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import grassroots as gr
import grassroots.store as gs

CST = gr.CHINA_STANDARD_TIME


def at(text: str) -> dt.datetime:
    """An instant in China Standard Time, written as in the C++ tour (2026-09-30T09:00)."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=CST)


def iso(instant: dt.datetime | None) -> str:
    """An instant as the C++ tour prints it (2026-10-13T17:30:00+08:00), or "none"."""
    return instant.isoformat() if instant is not None else "none"


def number(value: float | None, pattern: str, scale: float = 1.0) -> str:
    """A KPI figure, or a dash where it is undefined (no case to count)."""
    return "—".rjust(len(pattern.format(0.0))) if value is None else pattern.format(value * scale)


def pad(text: str, width: int) -> str:
    """Pads text to a display width: CJK characters take two columns in a terminal."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - columns)


def load(argv: list[str]) -> gr.DivisionTree:
    if len(argv) < 3:
        return gr.datasets.dongying()
    source = Path(argv[2])
    return gr.DivisionTree.read_nbs(source) if source.is_dir() else gr.DivisionTree.read_csv(source)


# 1. The administrative ladder -------------------------------------------------------------------

def kind_of(unit: gr.Unit) -> str:
    kind = unit.village_class if unit.level == gr.Level.VILLAGE else unit.township_class
    return f"  [{kind.chinese_name}]" if kind is not None else ""


def print_ladder(community: gr.Unit) -> None:
    print(f"The ladder down to {community.name} (行政层级):")
    for depth, unit in enumerate(community.path()):
        print(f"  {'  ' * depth}{unit.code.padded_str}  {unit.level.chinese_name}  {unit.name}{kind_of(unit)}")


def print_counts(tree: gr.DivisionTree) -> None:
    print(f"\nUnits per level ({len(tree)} in all):")
    for level in gr.Level.__members__.values():
        print(f"  {level.name.lower():<10} {pad(level.chinese_name, 4)} {tree.count(level):>7}")


def print_counties(tree: gr.DivisionTree) -> None:
    print("\nPer county-level unit (县级):")
    print(f"  code   {pad('name', 22)} townships 街道/镇/乡/类似   villages 居委会/村委会/类似")
    frame = tree.to_pandas()
    for code in frame.loc[frame["level"] == "county", "code"]:
        below = tree[code].subtree()
        towns = Counter(u.township_class for u in below if u.level == gr.Level.TOWNSHIP)
        villages = Counter(u.village_class for u in below if u.level == gr.Level.VILLAGE)
        t = [towns[c] for c in gr.TownshipClass.__members__.values()]
        v = [villages[c] for c in gr.VillageClass.__members__.values()]
        print(f"  {code} {pad(tree[code].name, 22)}        {t[0]:2}/{t[1]:2}/{t[2]:2}/{t[3]:2}"
              f"            {v[0]:4}/{v[1]:4}/{v[2]:2}")


def print_classes(county: gr.Unit) -> None:
    print(f"\nTownships of {county.name} and their communities:")
    for town in county.children:
        kinds = Counter(unit.village_class for unit in town.children)
        kind = f"[{town.township_class.chinese_name}]" if town.township_class is not None else "—"
        print(f"  {town.code}  {pad(town.name, 14)} {pad(kind, 16)}"
              f"{kinds[gr.VillageClass.RESIDENTS_COMMITTEE]:3} 居委会, {kinds[gr.VillageClass.VILLAGERS_COMMITTEE]:3} 村委会")


# 2. The autonomy chain ----------------------------------------------------------------------------

def names(chain: gr.AutonomyChain, kind: gr.PostKind, on: dt.date, group: int | None = None) -> list[str]:
    posts = [chain.post(p) for p in chain.holders(kind, on)]
    return [chain.person(p.person).name for p in posts if group is None or p.group == group]


def print_chain(chain: gr.AutonomyChain, on: dt.date) -> None:
    print(f"\nThe autonomy chain of {chain.name} (四级自治组织链条), elected {chain.elected}, synthetic people:")
    seats = [f"{seat.chinese_name} {name}" for seat in (gr.PostKind.DIRECTOR, gr.PostKind.DEPUTY_DIRECTOR, gr.PostKind.MEMBER)
             for name in names(chain, seat, on)]
    both = "  (主任 is also 党组织书记: 一肩挑)" if chain.secretary_chairs_committee(on) else ""
    print(f"  {chain.kind.chinese_name}: {' '.join(seats)}{both}")
    for post in (chain.post(p) for p in chain.holders(gr.PostKind.SUBORDINATE_HEAD, on)):
        if post.subordinate is None:
            continue
        print(f"  下属委员会: {chain.subordinate_committee(post.subordinate).name}, headed by {chain.person(post.person).name}")
    representatives = len(chain.holders(gr.PostKind.REPRESENTATIVE, on))
    print(f"  居民小组: {len(chain.groups)} groups, {chain.households} households, {chain.adult_residents} adults; "
          f"居民代表: {representatives}")
    for g, group in enumerate(chain.groups[:3]):
        print(f"    {group.name}: {group.households} households, 组长 {''.join(names(chain, gr.PostKind.GROUP_HEAD, on, g))}, "
              f"代表 {' '.join(names(chain, gr.PostKind.REPRESENTATIVE, on, g))}")
    if len(chain.groups) > 3:
        print(f"    … {len(chain.groups) - 3} more groups")


def print_report(chain: gr.AutonomyChain, on: dt.date) -> None:
    report = gr.validate(chain, on)
    print(f"\nValidation on {on} under {report.rule_set}: {report.entities_checked} entities, "
          f"{report.count(gr.Severity.ERROR)} errors, {report.count(gr.Severity.WARNING)} warnings")
    for finding in report.findings:
        unverified = "" if finding.rule_verified else " (unverified default)"
        print(f"  [{finding.severity.name.lower()}] {finding.rule_id} — {finding.entity}: {finding.message}\n"
              f"      source: {finding.source}{unverified}")


def hold_representatives_meeting(chain: gr.AutonomyChain, on: dt.date) -> None:
    # Representatives of all but the last three groups come; all but four of them vote for the motion.
    present_groups = len(chain.groups) - 3 if len(chain.groups) > 3 else len(chain.groups)
    posts = [chain.post(p) for p in chain.holders(gr.PostKind.REPRESENTATIVE, on)]
    attendees = [p.person for p in posts if p.group is not None and p.group < present_groups]
    record = gr.MeetingRecord(kind=gr.MeetingKind.RESIDENTS_MEETING, base=gr.AttendanceBase.GROUP_REPRESENTATIVES,
                              date=on, attendees=attendees, votes_for=attendees[:max(0, len(attendees) - 4)],
                              motion="增设电动自行车充电桩 (add e-bike charging ports)")
    result = gr.hold_meeting(chain, gr.rules_in_force(chain.kind, on), record)
    print(f"\n{record.kind.chinese_name} of group representatives on {on}, motion: {record.motion}\n  {result.explanation}")


# 3. The working-day calendar ----------------------------------------------------------------------

def print_deadlines() -> None:
    calendar = gr.Calendar.china()
    print(f"\nDeadlines on the working-day clock (工作日, 调休), working hours {calendar.working_hours}:")
    received = at("2026-09-30T16:00")  # the eve of National Day
    hours = dt.timedelta(hours=1)
    for limit in (gr.Deadline.elapsed(2 * hours), gr.Deadline.working_hours(24 * hours), gr.Deadline.working_days(7),
                  gr.Deadline.working_days(15)):
        print(f"  received {received.isoformat()}, {limit} → due {limit.due(calendar, received).isoformat()}")
    makeup = calendar.day(dt.date(2026, 10, 10))
    print(f"  2026-10-10 is a {makeup.kind.chinese_name} ({makeup.holiday_name})")
    late = at("2026-12-24T10:00")
    try:
        gr.Deadline.working_days(7).due(calendar, late)
    except gr.NotFoundError as error:
        print(f"  received {late.isoformat()}, 7 working days: {error.args[0]}")
    calendar.unpublished = gr.UnpublishedYears.WEEKDAY_RULE
    print(f"  … by the weekday rule (provisional): due {gr.Deadline.working_days(7).due(calendar, late).isoformat()}")


# 4. Grids -----------------------------------------------------------------------------------------

def print_grids(tree: gr.DivisionTree, community: gr.Unit, city_code: str, city: gr.SyntheticCity) -> None:
    unit = community.code
    households = int(city.households.sum())
    print(f"\nGrids (网格化): a synthetic {tree[city_code].name} has {len(city.map)} grids and {len(city.buildings)} "
          f"buildings with {households} households (about {households * 26 // 10 // 10000} 万 people; "
          f"the 2021 report: 6,098 grids for 2.2 million)")
    grids = city.map.grids_in(unit)
    print(f"  {community.name}: {len(grids)} grids")
    for grid in (city.map.grid(g) for g in grids):
        print(f"    {grid.code}  {grid.name}  {grid.households} households, {grid.shape.area(city.map.coordinates):.0f} m²")
    coverage = city.map.check_coverage(unit)
    print(f"  coverage (全覆盖, 不重叠): {'no overlaps, no gaps, no grid outside' if not coverage else ''}")
    for gap in coverage:
        print(f"    {gap.message}")
    out_of_band = [f for f in city.map.check_bands() if city.map.grid(f.grid).code.unit == unit]
    for band in out_of_band:
        print(f"    band: {band.message}")
    if not out_of_band:
        print("  households per grid: all within the 300–500 band")
    redivide(tree, community, city)
    post_workers(community, city, grids)


def redivide(tree: gr.DivisionTree, community: gr.Unit, city: gr.SyntheticCity) -> None:
    """Splits and merges out-of-band grids over the building adjacency graph, keeping unchanged codes."""
    redone = gr.redivide(city.map, community.code, city.buildings, city.households)
    for change in redone.changes:
        print(f"  re-division: {change.kind.name.lower()} {' '.join(map(str, change.from_))} → {' '.join(map(str, change.to))}")
    for g in redone.map.grids_in(community.code):
        print(f"    {redone.map.grid(g).code}  {redone.households[g]} households")
    clean = "clean" if not redone.map.check_coverage(community.code) else "NOT clean"
    print(f"  after re-division: {len(redone.remaining)} grids of {community.name} out of band, coverage {clean}")


def post_workers(community: gr.Unit, city: gr.SyntheticCity, grids: list[int]) -> None:
    """网格定岗: community workers, one to each grid, by the min-cost-flow optimiser."""
    staffing = gr.GridStaffing(city.map)
    workers = [staffing.add_worker(f"社区工作者{i + 1}", community.code,
                                   location=tuple(city.buildings[(i * 7919) % len(city.buildings)]))
               for i in range(len(grids) + 1)]
    best = gr.optimise_full_time(staffing, grids, workers)
    greedy = gr.greedy_full_time(staffing, grids, workers)
    start = dt.date(2026, 3, 1)
    for g in grids:
        worker = best.worker_of_grid[g]
        if worker is not None:
            staffing.assign(worker, g, gr.GridRole.FULL_TIME, start)
    in_unit = [f for f in staffing.check(start, dt.date(2026, 3, 31)) if f.grid is None or f.grid in grids]
    verdict = ("every grid has exactly one full-time worker every day of March 2026" if not in_unit
               else f"{len(in_unit)} staffing findings")
    print(f"  网格定岗: optimal plan {best.total_distance_m:.0f} m in all (greedy {greedy.total_distance_m:.0f} m); {verdict}")


# 5. A closed loop, and the store ------------------------------------------------------------------

def run_closed_loop(engine: gr.CaseEngine | gs.StoredEngine, community: gr.Unit) -> None:
    """Files one 占道经营 case on 2026-09-30 and lets the clock run past its deadline."""
    unit = str(community.code)
    if engine.find_actor("wg-1") is None:
        engine.add_workflow(gr.urban_management())
        engine.set_catalogue(gr.MatterCatalogue.urban_sample())
        engine.add_actor(gr.Actor("wg-1", "网格员", ["grid_worker"], scope=unit))
        engine.add_actor(gr.Actor("sv-1", "监督中心", ["supervision_centre"]))
        engine.add_actor(gr.Actor("cc-1", "指挥中心", ["command_centre"]))
    # 信息收集 → 案卷建立 → 任务派遣 → 任务处理: the handling clock runs 5 working days from dispatch.
    case = engine.open(gr.CaseInput("event:0502", unit=unit, description="占道经营"), "wg-1", at("2026-09-30T09:00"))
    engine.take(case, "submit", "sv-1", at("2026-09-30T09:10"),
                {"location": community.name, "category": "街面秩序", "description": "占道经营"})
    engine.take(case, "accept", "cc-1", at("2026-09-30T09:20"))
    engine.take(case, "dispatch", "cc-1", at("2026-09-30T09:30"), {"department": "街道综合执法中队"})
    view = engine if isinstance(engine, gr.CaseEngine) else engine.to_engine()  # the queries of a CaseEngine
    state = view.state(case)
    handling = view.workflow("urban_management").state(state.state_id)
    assignment = view.assignment(case)
    print(f"\nClosed loop (闭环): {gr.CaseEngine.case_number(case)}, 占道经营 in {community.name}, filed 2026-09-30, "
          f"dispatched to {assignment.primary if assignment else '—'}\n  state {handling.id} ({handling.name}, "
          f"{handling.deadline}) → due {iso(state.due)} (国庆节 1–7 October, 调休 10-10)")
    # Nobody handles it; the clock runs. advance() records every breach due before the given time.
    recorded = engine.advance(at("2026-10-14T00:00"))
    print(f"  advance(2026-10-14T00:00): {recorded} events")
    view = engine if isinstance(engine, gr.CaseEngine) else engine.to_engine()
    for event in view.events_of(case):
        if event.kind in (gr.EventKind.URGED, gr.EventKind.ESCALATED):
            print(f"    {view.describe(event).note}")  # 催办 / 督办: what, when, which rung
    now = view.state(case)
    print(f"  now on rung {now.rung.chinese_name} (filed on {now.start_rung.chinese_name}), next breach {iso(now.next_breach)}")


def print_closed_loop(tree: gr.DivisionTree, community: gr.Unit) -> None:
    store = os.environ.get("GRASSROOTS_DEMO_STORE", "")
    if not store:
        engine = gr.CaseEngine(gr.Calendar.china())  # a district's two centres and a grid worker
        engine.set_divisions(tree)
        run_closed_loop(engine, community)
        return
    path = Path(store)
    resuming = path.exists() and gs.StoredEngine.holds_engine(path)
    with gs.StoredEngine.load_or_create(path, gr.Calendar.china(), divisions=tree) as engine:
        if not resuming:
            print(f"\nWriting the closed loop into the store {path} (run again to resume from it)")
        else:
            snapshot = " (from a snapshot)" if engine.loaded_from_snapshot else ""
            print(f"\nResuming from the store {path}: {len(engine)} cases, {engine.event_count} events{snapshot}")
        run_closed_loop(engine, community)
        engine.save_snapshot()
        written, cases = engine.to_json_lines(), len(engine)
    with gs.StoredEngine.load(path, gr.Calendar.china(), divisions=tree) as reopened:  # reopen and compare
        same = len(reopened) == cases and reopened.to_json_lines() == written
        print(f"  stored in {path}: reopened {len(reopened)} cases, {reopened.event_count} events, "
              f"identical to what was written: {'yes' if same else 'NO'}")


# 6. The year in numbers, and the dual ledger ------------------------------------------------------

def print_kpi_row(report: gr.KpiReport, row: gr.KpiRow) -> None:
    if row.counts.cases == 0:
        print(f"  {pad(report.name(row), 26)}      0 due")
        return
    rates, close = row.rates, row.time_to_close
    print(f"  {pad(report.name(row), 26)}{row.counts.cases:7} due  结案率 {number(rates.closure, '{:5.1f}', 100)} %  "
          f"按期结案率 {number(rates.on_time_closure, '{:5.1f}', 100)} %  满意率 {number(rates.satisfaction, '{:5.1f}', 100)} %  "
          f"p90 {number(close.hours_p90, '{:3.0f}')} h ({number(close.working_days_p90, '{:.0f}')} working days)")


def print_year(tree: gr.DivisionTree, community: gr.Unit, city_code: str, city: gr.SyntheticCity) -> None:
    # A synthetic year of the city's cases, filed in its grids; every unit's KPIs in one pass up the ladder.
    cases = gr.CaseTable.synthetic(tree, cases=200_000, year=2025, seed=2025, grids=city.map, scope=city_code)
    options = gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1), calendar=gr.Calendar.china())
    report = gr.compute_kpis(cases, options)
    print(f"\nThe year in numbers: {len(cases)} synthetic cases of 2025 in the grids above; KPIs of every unit "
          "(counted by handling deadline, cut-off 2026-01-01)")
    path = community.path()
    for unit in path[min(1, len(path) - 1):]:
        print_kpi_row(report, report.unit(unit.code))
    # The county's weakest township (of those with 200 cases due or more) goes on the dual ledger.
    county = path[min(2, len(path) - 1)]
    rows = [report.unit(town.code) for town in county.children]
    rated = [(row.rates.on_time_closure, i, row) for i, row in enumerate(rows)
             if row.counts.cases >= 200 and row.rates.on_time_closure is not None]
    if rated:
        dual_ledger(report, min(rated)[2], county)


def dual_ledger(report: gr.KpiReport, weakest: gr.KpiRow, county: gr.Unit) -> None:
    township, name = str(report.code(weakest)), report.name(weakest)
    title = f"{name} 按期结案率 {number(weakest.rates.on_time_closure, '{:.1f}', 100)} %"
    ledger = gr.DualLedger()
    office = "区委社会工作部"
    problem = ledger.add_problem(title, dt.date(2026, 1, 8), dt.date(2026, 4, 30), office, division=township)
    measure = ledger.add_measure(f"{name} 逾期案件清零", dt.date(2026, 1, 9), dt.date(2026, 3, 15), office,
                                 division=township, responsible=f"{name}综治中心")
    ledger.link(problem, measure, dt.date(2026, 1, 9), office)
    print(f"  双台账: {ledger.problem(problem).number} '{title}' (the lowest in {county.name}), "
          f"measure {ledger.measure(measure).number} '{ledger.measure(measure).title}'")
    try:
        ledger.strike_off(problem, dt.date(2026, 2, 1), office)
    except gr.RuleViolationError as refused:
        print(f"    销号 refused on 2026-02-01: {refused}")
    ledger.complete(measure, dt.date(2026, 3, 10), f"{name}综治中心")
    ledger.verify(problem, dt.date(2026, 4, 10), "区核查组")
    ledger.strike_off(problem, dt.date(2026, 4, 15), office)
    print(f"    measure done 2026-03-10, verified by 区核查组 2026-04-10, struck off (销号) 2026-04-15: "
          f"{ledger.problem(problem).status.name.lower()}")


# 7. People and burden -----------------------------------------------------------------------------

EVIDENCE = """worker,cases_handled,on_time_rate,satisfaction_rate,training_hours,attendance_rate,resident_assessment
sg-01,46,1.0,0.98,36,1.0,96
sg-02,41,0.98,0.96,32,0.99,92
sg-03,35,0.95,0.9,24,0.98,85
sg-04,28,0.9,0.85,16,0.97,80
sg-05,12,0.85,0.8,12,0.95,70
"""


def print_review(unit: str) -> None:
    """A year's review (履职评估) of five community workers under the default rules (20 % 优秀 quota)."""
    names = ["崔雷鸣", "王海燕", "刘强", "张敏", "李娜"]
    workers = "id,name,unit,grade,grade_start\n" + "".join(
        f"sg-0{i + 1},{name},{unit},3,2022-07-01\n" for i, name in enumerate(names))
    outcome = gr.review(gr.ReviewRules.defaults(), gr.Workforce.parse_csv(workers, "workers.csv"),
                        gr.ReviewEvidence.parse_csv(EVIDENCE, "evidence.csv"), dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    ratings = "".join(f" {r.worker_id} {r.score:.1f} {r.rating.chinese_name}{' (quota)' if r.adjustment else ''}"
                      for r in outcome.reviews)
    print(f"\nPeople (履职评估 2024, rules {outcome.rules}):{ratings}")
    best = outcome.reviews[0]
    print(f"  {best.worker_id}: next post grade on {best.next_grade_date or '—'} ({best.wait_change_months} months on the wait)")


def print_burden(unit: str) -> None:
    """The burden ledger (小马拉大车, 减负): irregular plaques found and taken down in 2024."""
    ledger = gr.BurdenLedger()
    ledger.set_staff(unit, 6)
    ledger.add(unit, gr.BurdenKind.MEETING, "条线会议", dt.date(2024, 1, 1), quantity=48)
    plaque = ledger.add(unit, gr.BurdenKind.PLAQUE, "不规范挂牌", dt.date(2024, 1, 1), quantity=12,
                        source_department="市直部门")
    ledger.flag(plaque, dt.date(2024, 4, 1), "五步闭环: 发现问题")
    ledger.remove(plaque, dt.date(2024, 9, 1), "摘牌")
    plaques = ledger.compare(dt.date(2024, 1, 1), dt.date(2024, 12, 31)).kind(gr.BurdenKind.PLAQUE)
    before, after = (ledger.top(day, n=1)[0].index or 0.0 for day in (dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    print(f"Burden (小马拉大车, 减负): plaques {plaques.before} → {plaques.after}; burden per staff member "
          f"{before:.2f} → {after:.2f}")


def main(argv: list[str]) -> int:
    try:
        tree = load(argv)
        target = gr.DivisionCode(argv[1] if len(argv) > 1 else "370502005066")  # 锦苑社区, 胜利街道
        community = tree[target]
        if target.level != gr.Level.VILLAGE:
            raise gr.InvalidInputError(f"the tour needs a village-level code, got {target}")
        print(f"grassroots {gr.__version__} — a tour of the administrative ladder\n")
        print_ladder(community)
        print_counts(tree)
        print_counties(tree)
        print_classes(community.parent.parent)

        chain = gr.synthetic_chain(str(target), community.name, dt.date(2021, 5, 20), seed=2024)
        print_chain(chain, dt.date(2025, 6, 1))
        print_report(chain, dt.date(2025, 6, 1))  # 2018 amendment in force
        print_report(chain, dt.date(2026, 6, 1))  # 2025 revision: new scale, term ended 2026-05-20
        hold_representatives_meeting(chain, dt.date(2025, 6, 15))
        print_deadlines()
        path = community.path()
        city_code = str(path[min(1, len(path) - 1)].code)
        city = gr.synthetic_city(tree, city_code, seed=2024)
        print_grids(tree, community, city_code, city)
        print_closed_loop(tree, community)
        print_year(tree, community, city_code, city)
        print_review(str(target))
        print_burden(str(target))
        return 0
    except gr.GrassrootsError as error:
        print(f"error: {error.args[0] if error.args else error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
