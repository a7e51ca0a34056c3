"""A case engine kept in a SQLite store: set it up once, file and move cases, restart, and go on.

Run it twice with the same folder (python stored_engine.py DIR): the second run finds the engine in
DIR/cases.db, reloads it — loops, actors, cases — without registering anything, and resumes.
Without DIR it runs in a temporary folder and restarts once by itself.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import grassroots as gr
import grassroots.store as gs

CST = dt.timezone(dt.timedelta(hours=8))
JINYUAN = "370502005066"  # 锦苑社区
SUBMIT = {"location": "锦苑社区12号楼", "category": "event:0502", "description": "占道经营"}


def at(month: int, day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=CST)


def set_up(engine: gs.StoredEngine) -> None:
    """The first run's setup: a loop and one actor per role (all written to the store)."""
    engine.add_workflow(gr.urban_management())
    engine.add_actor(gr.Actor("wg-1", "网格员 张三", ["grid_worker"], scope=JINYUAN))
    engine.add_actor(gr.Actor("sv-1", "监督员 李四", ["supervision_centre"]))
    engine.add_actor(gr.Actor("cc-1", "指挥中心", ["command_centre"]))
    engine.add_actor(gr.Actor("dp-1", "城管执法队员", ["department"], unit="街道综合执法队"))


def one_run(store: Path) -> None:
    resumed = gs.StoredEngine.holds_engine(store) if store.exists() else False
    # The engine serves 东营区: the centres and the department, registered without a scope, act in all of it.
    with gs.StoredEngine.load_or_create(store, gr.Calendar.china(), gr.EngineOptions(jurisdiction="370502")) as engine:
        if resumed:
            print(f"resumed from {store.name}: {len(engine)} cases, {engine.event_count} events "
                  f"(from a snapshot: {engine.loaded_from_snapshot})")
        else:
            set_up(engine)
            print(f"created {store.name}")
        day = 28 if not resumed else 29
        case = engine.open(gr.CaseInput("event:0502", workflow="urban_management", unit=JINYUAN,
                                        description="占道经营"), "wg-1", at(9, day, 8))
        engine.take(case, "submit", "sv-1", at(9, day, 9), SUBMIT)
        engine.take(case, "accept", "cc-1", at(9, day, 10))
        engine.take(case, "dispatch", "cc-1", at(9, day, 11), {"department": "街道综合执法队"})
        print(f"filed {case}: now in {engine.state(case).state_id}")
        print(f"waiting on 街道综合执法队: {len(engine.work_list('街道综合执法队'))} cases; "
              f"next timer {engine.next_timer:%Y-%m-%d %H:%M}")
        engine.save_snapshot()
    frame = gs.StoredEngine.load(store, gr.Calendar.china()).to_engine().to_pandas()
    print(frame[["state", "primary"]].to_string())


def main() -> None:
    if len(sys.argv) > 1:
        folder = Path(sys.argv[1])
        folder.mkdir(parents=True, exist_ok=True)
        one_run(folder / "cases.db")
        return
    with tempfile.TemporaryDirectory() as temporary:
        one_run(Path(temporary) / "cases.db")
        one_run(Path(temporary) / "cases.db")  # a restart: the engine comes back from the store


if __name__ == "__main__":
    main()
