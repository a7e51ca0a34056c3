"""Lifetimes (issue 14): nothing a Python caller does to a bound object's attributes, and no order in
which the caller drops objects, may free what a bound object still points at.

Every probe runs in a child interpreter, so a segfault fails the test instead of killing pytest; the
child runs with MALLOC_PERTURB_ so that memory freed too early is overwritten and a use after free
shows. Each factory below builds a child object from parents that are local to it, so the parents are
dropped when it returns: only what the child holds in C++ keeps them alive.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import subprocess
import sys
import textwrap
import types

import pytest

import grassroots as gr

PRELUDE = """
import datetime as dt
import gc
import itertools
import tempfile
import grassroots as gr
import grassroots.store as gs
from grassroots.privacy import SecretKey

WORKDIR = tempfile.mkdtemp()
FILES = itertools.count()

def fresh_path():
    return f"{WORKDIR}/store{next(FILES)}.db"

def small_tree():
    # A fresh tree (not shared with anything else) for the child to hold.
    return gr.datasets.dongying()

def small_map():
    builder = gr.GridMapBuilder()
    for sequence in (1, 2):
        x0 = 118.50 + 0.01 * sequence
        shape = gr.Polygon.rectangle((x0, 37.40), (x0 + 0.01, 37.41))
        builder.add(gr.Grid(gr.GridCode.make("370502005066", sequence), shape, name=f"grid {sequence}", households=300))
    return builder.build()

MARCH = dict(begin=dt.date(2025, 3, 1), end=dt.date(2025, 4, 1))
"""

# name of the bound class -> a factory `make()` whose parents are local to it.
FACTORIES: dict[str, str] = {
    "CaseTable": """
        def make():
            return gr.CaseTable.synthetic(small_tree(), cases=3000)
    """,
    "KpiReport": """
        def make():
            table = gr.CaseTable.synthetic(small_tree(), cases=3000)
            return gr.compute_kpis(table, gr.KpiOptions(**MARCH, calendar=gr.Calendar.china()))
    """,
    "BucketReport": """
        def make():
            table = gr.CaseTable.synthetic(small_tree(), cases=3000)
            return gr.compute_kpis_by_bucket(table, gr.KpiOptions(**MARCH), gr.TimeBucket.WEEK)
    """,
    "CaseEngine": """
        def make():
            engine = gr.CaseEngine(gr.Calendar.china())
            engine.set_divisions(small_tree())
            engine.set_grid_map(small_map())
            engine.subscribe(lambda record: None)
            return engine
    """,
    "GridStaffing": """
        def make():
            return gr.GridStaffing(small_map())
    """,
    "Vault": """
        def make():
            store = gs.open(fresh_path())
            vault = gs.Vault.open(store, SecretKey.generate(), SecretKey.generate())
            vault.register("11010519491231002X", ["13812345678"], "张三")
            return vault
    """,
    "RuleSet": """
        def make():
            return gr.RuleBook.china().edition("vc-2018")
    """,
    "Unit": """
        def make():
            return small_tree()["370502005066"]
    """,
    "StoredEngine": """
        def make():
            return gs.StoredEngine.create(fresh_path(), gr.Calendar.china(), divisions=small_tree(),
                                          grid_map=small_map())
    """,
}

POKE = """
def poke(obj):
    # Reads every property and calls every method that takes no argument (errors are fine, crashes not).
    for name in dir(obj):
        if name.startswith("__") or name in ("close",):
            continue
        try:
            value = getattr(obj, name)
            if callable(value):
                value()
        except Exception:
            pass
    for extra in ("to_pandas", "_columns"):
        for args in ((), ("units",), ("grids",), ("matters",)):
            try:
                getattr(obj, extra)(*args)
            except Exception:
                pass

def probe(edit):
    obj = make()
    edit(obj)
    gc.collect()
    junk = [bytearray(4096) for _ in range(2000)]  # reuse what was freed
    poke(obj)
    del junk
    obj = None
    gc.collect()

def delete(name):
    def edit(obj):
        try:
            delattr(obj, name)
        except AttributeError:
            pass
    return edit

def overwrite(name, value):
    def edit(obj):
        try:
            setattr(obj, name, value)
        except AttributeError:
            pass
    return edit

def edit_all(obj):
    # Without an instance __dict__ every edit is refused with AttributeError; the names held
    # parents before issue 14.
    for name in ("_tree", "_table", "_options", "_store", "_map", "_subscribers"):
        delete(name)(obj)
        overwrite(name, None)(obj)

probe(lambda obj: None)
sample = make()
names = [name for name in vars(sample) if name.startswith("_")] if hasattr(sample, "__dict__") else []
sample = None
probe(edit_all)
for name in names:
    probe(delete(name))
    for value in (None, 0, "x", [object()]):
        probe(overwrite(name, value))
print("probed")
"""


def run_child(source: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MALLOC_PERTURB_="165", PYTHONFAULTHANDLER="1")
    return subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=300, env=env)


def assert_survives(source: str) -> None:
    result = run_child(source)
    assert result.returncode == 0, f"child exited with {result.returncode}:\n{result.stdout}\n{result.stderr[-3000:]}"


def bound_classes() -> dict[str, type]:
    """Every class bound in the grassroots._core submodules, by name."""
    core = sys.modules["grassroots._core"]
    out: dict[str, type] = {}
    for module in [core] + [v for v in vars(core).values() if isinstance(v, types.ModuleType)]:
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__.startswith("grassroots._core"):
                out[name] = value
    return out


def test_every_class_whose_instances_carry_attributes_is_probed() -> None:
    carrying = {name for name, cls in bound_classes().items() if cls.__dictoffset__ != 0 and not issubclass(cls, BaseException)}
    assert carrying <= set(FACTORIES), f"add a lifetime probe for {sorted(carrying - set(FACTORIES))}"
    # The analytics objects hold their tree in C++ now: no attribute to delete.
    assert not carrying & {"CaseTable", "KpiReport", "BucketReport"}


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_deleting_or_overwriting_underscore_attributes_then_dropping_parents_cannot_crash(name: str) -> None:
    assert name in bound_classes(), f"{name} is not a bound class any more: update FACTORIES"
    assert_survives(PRELUDE + textwrap.dedent(FACTORIES[name]) + POKE)


def test_a_case_table_keeps_its_tree_alive_in_cpp() -> None:
    # Before: CaseTable held its tree through the writable attribute _tree; deleting it and dropping the
    # tree made compute_kpis read freed memory (segfault).
    assert_survives(PRELUDE + """
table = gr.CaseTable.synthetic(small_tree(), cases=3000)
for edit in (lambda: delattr(table, "_tree"), lambda: setattr(table, "_tree", None)):
    try:
        edit()
    except AttributeError:
        pass
gc.collect()
junk = [bytearray(4096) for _ in range(2000)]
report = gr.compute_kpis(table, gr.KpiOptions(**MARCH))
assert report.units[0].counts.cases > 0
assert len(table.tree) == 1982
""")


def test_a_report_keeps_its_tree_and_options_alive_in_cpp() -> None:
    # Before: KpiReport held its table through _table; deleting it and dropping the table and tree made
    # report.to_pandas() read freed memory (segfault).
    assert_survives(PRELUDE + """
table = gr.CaseTable.synthetic(small_tree(), cases=3000)
report = gr.compute_kpis(table, gr.KpiOptions(**MARCH, calendar=gr.Calendar.china()))
for name in ("_table", "_options"):
    for edit in (lambda: delattr(report, name), lambda: setattr(report, name, None)):
        try:
            edit()
        except AttributeError:
            pass
del table
gc.collect()
junk = [bytearray(4096) for _ in range(2000)]
frame = report.to_pandas()
assert len(frame) > 0 and frame["code"].iloc[0] == "37" and frame["name"].iloc[0] == "山东省"
assert report.options.calendar is not None and report.options.begin.month == 3
buckets = gr.compute_kpis_by_bucket(gr.CaseTable.synthetic(small_tree(), cases=3000), gr.KpiOptions(**MARCH))
gc.collect()
junk = [bytearray(4096) for _ in range(2000)]
assert len(buckets.to_pandas()) == len(buckets.rows) and buckets.unit_codes[:2] == ["37", "3705"]
""")


@pytest.mark.filterwarnings("ignore::grassroots.UndefinedRateWarning")  # 500 cases: some units have none rated
def test_a_report_shows_the_options_it_was_computed_with() -> None:
    tree = gr.datasets.dongying()
    table = gr.CaseTable.synthetic(tree, cases=500)
    options = gr.KpiOptions(begin=dt.date(2025, 3, 1), end=dt.date(2025, 4, 1), exclude_deferred=True)
    report = gr.compute_kpis(table, options)
    assert report.options.exclude_deferred is True and report.options.end == options.end
    assert table.tree is tree  # the same Python object while it lives
    with pytest.raises(AttributeError):
        report._table = table  # type: ignore[attr-defined]  # no writable attributes to misuse


def test_a_vault_keeps_its_store_alive() -> None:
    assert_survives(PRELUDE + """
vault = gs.Vault.open(gs.open(WORKDIR + "/v.db"), SecretKey.generate(), SecretKey.generate())
pseudonym = vault.register("11010519491231002X", ["13812345678"], "张三")
gc.collect()
junk = [bytearray(4096) for _ in range(2000)]
assert vault.reveal(pseudonym).clear_name() == "张三"
""")


def test_a_closed_stored_engine_refuses_instead_of_crashing() -> None:
    assert_survives(PRELUDE + """
stored = gs.StoredEngine.create(WORKDIR + "/e.db", gr.Calendar.china(), divisions=small_tree())
stored.close()
gc.collect()
for call in (lambda: len(stored), lambda: stored.event_count, lambda: stored.save_snapshot()):
    try:
        call()
    except gr.InvalidInputError as error:
        assert "closed" in str(error)
print(repr(stored))
""")
