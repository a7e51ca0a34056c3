"""A month of urban-management cases (数字化城管) on the case engine, from Python, with pandas.

锦苑社区's grid worker files about thirty cases between 25 September and 24 October 2026; the
supervision centre submits them, the command centre dispatches them to the unit a responsibility
list (属地管理清单) names, departments handle them and the supervision centre verifies and closes
them. Some are handled late, so the engine urges (催办) and escalates (督办) them up the ladder — on
the working-day clock, across the National Day holiday — and re-routes them to the township's or
the county's unit; one fails verification (返工), one is refused to a unit it is not assigned to,
one is cancelled and one is reopened by its reporter. Then the analyst's view: a DataFrame of the
cases, the events of one case, and one case as an Open311 service request.

The loop's state diagram is docs/workflow/urban_management.svg (``gr.urban_management().to_dot()``; in a
notebook the definition shows as that picture). The time limits and the responsibility list are
illustrative, not a city's rules. Run with ``python examples/python/cases.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

import grassroots as gr

JINYUAN = "370502005066"  # 锦苑社区
SHENGLI = "370502005"  # 胜利街道
DONGYING = "370502"  # 东营区
COMMUNITY_UNIT = "锦苑社区居委会"
TOWNSHIP_UNIT = "胜利街道综合执法中队"
COUNTY_UNIT = "东营区综合行政执法局"
SOURCE = "示例《属地管理事项主体责任和配合责任清单》(illustrative)"
MATTERS = ["event:0502", "event:0102", "event:0201", "event:0104", "component:0101", "event:0301",
           "event:0501", "component:0106"]
START = dt.date(2026, 9, 25)
END = dt.datetime(2026, 10, 25, 18, 0, tzinfo=gr.CHINA_STANDARD_TIME)


def responsibilities(catalogue: gr.MatterCatalogue) -> gr.ResponsibilityList:
    """Every matter of the catalogue at the community, township and county rungs of 锦苑社区."""
    rows = gr.ResponsibilityList()
    for matter in catalogue:
        key = matter.key
        rows.add(gr.ResponsibilityEntry(key, gr.Rung.COMMUNITY, COMMUNITY_UNIT, [TOWNSHIP_UNIT], JINYUAN, SOURCE))
        rows.add(gr.ResponsibilityEntry(key, gr.Rung.TOWNSHIP, TOWNSHIP_UNIT, [], SHENGLI, SOURCE))
        rows.add(gr.ResponsibilityEntry(key, gr.Rung.COUNTY, COUNTY_UNIT, [], DONGYING, SOURCE))
    return rows


@dataclass(order=True)
class Step:
    """One action on one case at one time (plan index: the case's position in the plan)."""

    at: dt.datetime
    plan: int
    action: str = field(compare=False)


class Month:
    """The engine, its actors, and the plan of what happens to each case."""

    def __init__(self) -> None:
        self.calendar = gr.Calendar.china()
        # The district's engine: actors without a scope (the centres, the departments) act in 东营区.
        self.engine = gr.CaseEngine(self.calendar, gr.EngineOptions(jurisdiction="370502"))
        self.engine.add_workflow(gr.urban_management())
        catalogue = gr.MatterCatalogue.urban_sample()
        self.engine.set_catalogue(catalogue)
        self.engine.set_responsibilities(responsibilities(catalogue))
        add = self.engine.add_actor
        self.reporter = add(gr.Actor("wg-0001", "网格员 张三", ["grid_worker"], scope=JINYUAN))
        self.supervisor = add(gr.Actor("sv-0001", "监督员 李四", ["supervision_centre"], scope=SHENGLI))
        self.checker = add(gr.Actor("sv-0002", "核查员 王五", ["supervision_centre"]))
        self.commander = add(gr.Actor("cc-0001", "区指挥中心", ["command_centre"]))
        owners = {catalogue[key].owner for key in MATTERS if catalogue[key].owner}
        self.departments = {
            unit: add(gr.Actor(f"dp-{n:04d}", f"{unit}办事员", ["department"], unit=unit))
            for n, unit in enumerate([COMMUNITY_UNIT, TOWNSHIP_UNIT, COUNTY_UNIT, *sorted(owners)], start=1)
        }
        self.cases: dict[int, str] = {}  # plan index → case number
        self.steps: list[Step] = []
        self.refusal: Optional[str] = None

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=gr.CHINA_STANDARD_TIME)

    def plan(self) -> None:
        """Thirty cases, one a day; most handled the next working day, a few not."""
        for i in range(30):
            day = START + dt.timedelta(days=i)
            handled = self.calendar.next_working_day(day)
            steps = [(self.at(day, 9), "open"), (self.at(day, 9, 30), "submit"), (self.at(day, 9, 45), "accept")]
            if i == 14:  # not for the city's urban management: cancelled
                self.add(i, steps[:2] + [(self.at(day, 9, 50), "cancel")])
                continue
            steps.append((self.at(day, 10), "dispatch"))
            if i in (3, 4, 5):  # handled late, after the National Day holiday: escalated first
                handled = dt.date(2026, 10, 16)
            elif i == 6:  # never handled
                self.add(i, steps)
                continue
            if i == 10:  # a unit the case is not assigned to tries first
                steps.append((self.at(handled, 9), "wrong_unit"))
            steps += [(self.at(handled, 10), "complete"), (self.at(handled, 10, 10), "report_back")]
            if i == 8:  # the first handling fails verification (返工)
                steps += [(self.at(handled, 11), "verify_fail"), (self.at(handled, 11, 10), "dispatch"),
                          (self.at(handled, 15), "complete"), (self.at(handled, 15, 10), "report_back")]
                handled_last = self.at(handled, 16)
            else:
                handled_last = self.at(handled, 11)
            steps += [(handled_last, "verify_pass"), (handled_last + dt.timedelta(minutes=30), "evaluate")]
            if i == 12:  # the stall is back: the reporter reopens the case two days later
                again = handled + dt.timedelta(days=2)
                steps += [(self.at(again, 9), "reopen"), (self.at(again, 9, 20), "dispatch"),
                          (self.at(again, 14), "complete"), (self.at(again, 14, 10), "report_back"),
                          (self.at(again, 15), "verify_pass"), (self.at(again, 15, 30), "evaluate")]
            self.add(i, steps)

    def add(self, plan: int, steps: list[tuple[dt.datetime, str]]) -> None:
        self.steps += [Step(when, plan, action) for when, action in steps if when <= END]

    def routed(self, case: str) -> str:
        """The unit the responsibility list names for the case on its rung: what the dispatcher enters
        (the engine refuses a unit the list does not name unless its options allow an override)."""
        s = self.engine.state(case)
        matter = self.engine.catalogue[s.matter]
        return self.engine.responsibilities.route(matter, s.unit, s.grid or "", s.rung).primary

    def handler(self, case: str) -> int:
        """The department actor of the unit the case is assigned to now."""
        assigned = self.engine.assignment(case)
        assert assigned is not None
        return self.departments[assigned.primary]

    def run(self) -> None:
        e = self.engine
        for step in sorted(self.steps):
            e.advance(step.at)  # deadlines of every case that fell due first, in time order
            i, when, action = step.plan, step.at, step.action
            if action == "open":
                address = f"锦苑社区 {i % 9 + 1}号楼附近"
                filed = gr.CaseInput(MATTERS[i % len(MATTERS)], unit=JINYUAN, address=address, description=f"巡查发现 #{i}")
                self.cases[i] = e.open(filed, self.reporter, when)
                continue
            case = self.cases[i]
            if action == "submit":
                checked = {"location": f"锦苑社区 {i % 9 + 1}号楼", "category": MATTERS[i % len(MATTERS)],
                           "description": "属实"}
                e.take(case, "submit", self.supervisor, when, checked)
            elif action == "accept":
                e.take(case, "accept", self.commander, when)
            elif action == "report_back":
                e.take(case, "report_back", self.handler(case), when)
            elif action == "verify_pass":
                e.take(case, "verify_pass", self.checker, when)
            elif action == "cancel":
                e.take(case, "cancel", self.commander, when, {"reason": "不属于城管受理范围"})
            elif action == "dispatch":
                e.take(case, "dispatch", self.commander, when, {"department": self.routed(case)})
            elif action == "complete":
                e.take(case, "complete", self.handler(case), when, {"result": "已处置"})
            elif action == "verify_fail":
                e.take(case, "verify_fail", self.checker, when, {"reason": "现场仍有占道"})
            elif action == "evaluate":
                e.take(case, "evaluate", self.checker, when, {"rating": "满意"})
            elif action == "reopen":
                e.reopen(case, self.reporter, when, note="摊主又回来了")
            elif action == "wrong_unit":
                try:
                    e.take(case, "complete", self.departments[COUNTY_UNIT], when, {"result": "越级处置"})
                except gr.PermissionDeniedError as error:  # refused and recorded
                    self.refusal = str(error)
        e.advance(END)


def main() -> None:
    month = Month()
    month.plan()
    month.run()
    engine = month.engine
    print(f"{len(engine)} cases, {len(engine.events)} events, {engine.memory_bytes() // 1024} KiB")

    late = engine.state(month.cases[5])
    print(f"{late.number}: dispatched 2026-09-30 10:00, handling due {late.handling_due:%Y-%m-%d %H:%M %Z}, "
          f"handled {late.handled_at:%Y-%m-%d %H:%M} at the {late.rung.name.lower()} rung")
    print("refused:", month.refusal)

    cases = engine.to_pandas()
    print("\nstate counts:")
    print(cases["state"].value_counts().sort_index().to_string())
    print("\nescalations by rung (where the cases sit now):")
    print(cases.groupby("rung", observed=True)[["escalations", "urges"]].sum().to_string())
    print("\nreworks, refusals, reopens:", int(cases["reworks"].sum()), int(cases["refusals"].sum()),
          int(cases["reopens"].sum()))
    closed = cases[cases["closed"] & (cases["state"] == "closed")]
    on_time = (closed["handled_at"] <= closed["handling_due"]).mean()
    print(f"closed {len(closed)}, handled on time {on_time:.0%}")

    number = late.number  # an event: territory first, so escalation re-routes it
    events = engine.events_frame()
    print(f"\nevents of {number}:")
    columns = ["kind", "at", "actor", "from", "to", "rung", "primary"]
    print(events.loc[events["case"] == number, columns].to_string(index=False))

    print(f"\nOpen311 of {number}:")
    print(engine.to_open311(number))


if __name__ == "__main__":
    main()
