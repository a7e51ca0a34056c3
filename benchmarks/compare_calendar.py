#!/usr/bin/env python3
"""Compares grassroots' working-day calendar with numpy's business-day functions and pure Python.

One run, on the same seeded dates and offsets (1,000,000 of each by default; the first 100,000 for the
slow pure-Python peer), measures dates per second for China's schedule as shipped
(``grassroots.Calendar.china()``, 2019–2026):

* ``cal.add_working_days(dates, n)`` (vectorised, datetime64[D] and int64 arrays) against
  ``numpy.busday_offset`` with ``weekmask='1111100'`` and every public-holiday day of the shipped
  schedule as ``holidays`` (roll='backward' for n > 0 and roll='forward' for n < 0, which is
  grassroots' "n-th working day strictly after / before"); numpy's single call with one roll for
  every date is timed too, for reference;
* ``cal.working_days_between(a, b)`` against ``numpy.busday_count`` (both count [a, b); the pairs are
  ordered a <= b, since for b < a numpy counts (b, a] and grassroots [b, a), negated);
* ``cal.is_working_day(dates)`` against ``numpy.is_busday``;
* ``add_working_days``, vectorised and per call on ``datetime.date``, against a straightforward
  pure-Python implementation: a set of off days and a set of make-up working days (调休), stepping
  one day at a time.

numpy's busdaycalendar cannot express make-up working days: a weekend day the State Council turns
into a working day is off for numpy. So numpy gives other answers around them; the script measures
the share that differ from grassroots (the correctness gap) and checks that they differ exactly
where a make-up day is involved and agree everywhere else (asserted). The pure-Python peer knows
make-up days and must agree with grassroots on every date of its sample (asserted).

The dates are drawn from 2019-02-15 … 2026-11-16, the widest window in which every answer for
offsets of up to ±30 working days lies on a day covered by a published notice (2018-12-29 …
2026-12-28; the 2027 schedule is not out, and grassroots raises NotFound rather than guess).

Ratios are grassroots speed / peer speed, so higher is better. The C++ Google Benchmark figures are
quoted from benchmarks/results/calendar_cpp.json when present. numpy's busday functions do not use
BLAS; scripts/bench still unsets OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for this command, and the
values seen are recorded. Writes a table to stdout and the figures to benchmarks/results/calendar.json.

    .venv/bin/python benchmarks/compare_calendar.py            # 1,000,000 dates, under a minute
    .venv/bin/python benchmarks/compare_calendar.py --quick    # 100,000 dates, seconds
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

import numpy as np

import grassroots

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as common  # noqa: E402  (the helpers shared by the comparisons)

DEFAULT_OUT, QUICK_OUT, DEFAULT_CPP = common.result_paths("calendar")

FIRST = datetime.date(2019, 2, 15)   # earliest date whose -30 working days stays covered (2018-12-29)
LAST = datetime.date(2026, 11, 16)   # latest date whose +30 working days stays covered (2026-12-28)
MAX_OFFSET = 30
TARGET_RATIO = 1.0                   # at least numpy's throughput, make-up days included
OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


# ---- the schedule, as the peers get it ---------------------------------------------------------
def schedule(cal: grassroots.Calendar) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(covered days, public-holiday days, make-up working days) of the shipped schedule, as
    datetime64[D] arrays, read from grassroots day by day (``cal.day(d).kind``)."""
    start, end = np.datetime64("2018-12-01"), np.datetime64("2027-02-01")
    days = np.arange(start, end, dtype="datetime64[D]")
    covered = days[np.fromiter((cal.is_covered(d) for d in days.tolist()), dtype=bool, count=len(days))]
    kinds = [cal.day(d).kind for d in covered.tolist()]
    holidays = covered[np.array([k == grassroots.DayKind.HOLIDAY for k in kinds])]
    makeup = covered[np.array([k == grassroots.DayKind.MAKEUP_WORKDAY for k in kinds])]
    return covered, holidays, makeup


# ---- the pure-Python peer ----------------------------------------------------------------------
class PythonCalendar:
    """What an analyst writes: weekends off, plus a set of off days and a set of make-up days."""

    def __init__(self, off_days: set[datetime.date], makeup_days: set[datetime.date]) -> None:
        self.off_days = off_days
        self.makeup_days = makeup_days

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.makeup_days:
            return True
        return day.weekday() < 5 and day not in self.off_days

    def add_working_days(self, day: datetime.date, n: int) -> datetime.date:
        step = datetime.timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day


# ---- checks ------------------------------------------------------------------------------------
def makeup_between(makeup: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Make-up working days in [low, high] (inclusive, low <= high), per element."""
    return np.searchsorted(makeup, high, side="right") - np.searchsorted(makeup, low, side="left")


def offset_gap(dates: np.ndarray, offsets: np.ndarray, ours: np.ndarray, theirs: np.ndarray,
               makeup: np.ndarray) -> np.ndarray:
    """Where numpy's add-working-days answers differ, checked against the make-up days involved.

    For n > 0 both count working days in (d, result]; numpy misses the make-up days among them, so
    it differs exactly when (d, grassroots' result] holds one. For n < 0 the span is [result, d)."""
    one = np.timedelta64(1, "D")
    forward = offsets > 0
    low = np.where(forward, dates + one, ours)
    high = np.where(forward, ours, dates - one)
    involved = makeup_between(makeup, low, high) > 0
    differ: np.ndarray = np.asarray(ours != theirs)
    assert np.array_equal(ours[~involved], theirs[~involved]), \
        "numpy and grassroots differ where no make-up day is involved"
    assert differ[involved].all(), "numpy agrees with grassroots although a make-up day is involved"
    return differ


def count_gap(start: np.ndarray, end: np.ndarray, ours: np.ndarray, theirs: np.ndarray,
              makeup: np.ndarray) -> np.ndarray:
    """Where numpy's working-day counts differ (start <= end): by exactly the make-up days in [a, b)."""
    assert (start <= end).all()
    inside = np.where(end > start, makeup_between(makeup, start, end - np.timedelta64(1, "D")), 0)
    assert np.array_equal(ours - theirs, inside), "working-day counts differ by other than the make-up days"
    return np.asarray(ours != theirs)


# ---- C++ figures -------------------------------------------------------------------------------
# ---- the run -----------------------------------------------------------------------------------
def figure(peer: str, name: str, value: float, unit: str, peer_value: float, ratio: Optional[float],
           data_size: int, **kwargs: Any) -> dict[str, Any]:
    """A figure of the JSON (common.figure), with the peer named."""
    return common.figure(name, value, unit, peer_value, ratio, data_size, peer=peer, **kwargs)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> dict[str, Any]:
    log = common.progress(args)
    count = args.dates if args.dates is not None else (100_000 if args.quick else 1_000_000)
    python_count = min(count, args.python_dates if args.python_dates is not None
                       else (10_000 if args.quick else 100_000))
    repeat = args.repeat
    best_time: Callable[..., tuple[float, Any]] = common.best_time

    cal = grassroots.Calendar.china()
    covered, holidays, makeup = schedule(cal)
    first_covered, last_covered = covered[0], covered[-1]
    assert len(covered) == (last_covered - first_covered) // np.timedelta64(1, "D") + 1, "coverage has a gap"
    numpy_cal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    python_cal = PythonCalendar(set(holidays.tolist()), set(makeup.tolist()))
    log(f"schedule: {len(covered):,} covered days ({first_covered} … {last_covered}), "
        f"{len(holidays)} public-holiday days, {len(makeup)} make-up working days")

    # Dates and offsets (seeded): dates uniform in the window, |n| uniform in 1..30, sign at random.
    first, last = np.datetime64(args.first, "D"), np.datetime64(args.last, "D")
    span = int((last - first) // np.timedelta64(1, "D")) + 1
    rng = np.random.default_rng(args.seed)
    dates = first + rng.integers(0, span, count).astype("timedelta64[D]")
    others = first + rng.integers(0, span, count).astype("timedelta64[D]")
    offsets = rng.integers(1, MAX_OFFSET + 1, count) * np.where(rng.random(count) < 0.5, -1, 1)
    offsets = offsets.astype(np.int64)
    # Pairs for working_days_between, start <= end: for end < start numpy.busday_count counts
    # (end, start] negated while grassroots counts [end, start), so unordered pairs would differ at the
    # edges for a reason other than make-up days.
    starts, ends = np.minimum(dates, others), np.maximum(dates, others)
    # Every answer must lie on a covered day: grassroots raises NotFound for an unpublished year.
    assert cal.add_working_days(first.item(), -MAX_OFFSET) >= first_covered.item(), "window starts too early"
    assert cal.add_working_days(last.item(), MAX_OFFSET) <= last_covered.item(), "window ends too late"
    log(f"data: {count:,} dates and offsets in {first} … {last} (offsets ±1…{MAX_OFFSET}), "
        f"{python_count:,} of them for pure Python")

    # add_working_days: grassroots vs numpy, all dates.
    log("timing add_working_days vs numpy.busday_offset ...")
    forward = offsets > 0
    backward = ~forward
    f_dates, f_offsets = dates[forward], offsets[forward]

    def numpy_offset() -> np.ndarray:
        out = np.empty_like(dates)
        out[forward] = np.busday_offset(dates[forward], offsets[forward], roll="backward", busdaycal=numpy_cal)
        out[backward] = np.busday_offset(dates[backward], offsets[backward], roll="forward", busdaycal=numpy_cal)
        return out

    add = cal.add_working_days
    gr_add_t, gr_add = best_time(lambda: add(dates, offsets), repeat, 0.2)
    np_add_t, np_add = best_time(numpy_offset, repeat, 0.2)
    np_raw_t, _ = best_time(lambda: np.busday_offset(dates, offsets, roll="backward", busdaycal=numpy_cal),
                            repeat, 0.2)
    assert gr_add.dtype == np.dtype("datetime64[D]") and gr_add.shape == dates.shape
    add_differ = offset_gap(dates, offsets, gr_add, np_add, makeup)
    # Spot-check that the numpy peer's two rolls are the right ones (n > 0 alone, same answers).
    assert np.array_equal(np.busday_offset(f_dates, f_offsets, roll="backward", busdaycal=numpy_cal),
                          np_add[forward])

    # working_days_between: grassroots vs numpy.busday_count.
    log("timing working_days_between vs numpy.busday_count ...")
    between = cal.working_days_between
    gr_count_t, gr_count = best_time(lambda: between(starts, ends), repeat, 0.2)
    np_count_t, np_count = best_time(lambda: np.busday_count(starts, ends, busdaycal=numpy_cal), repeat, 0.2)
    gr_count = np.asarray(gr_count)
    assert gr_count.dtype == np.int64
    count_differ = count_gap(starts, ends, gr_count, np_count, makeup)

    # is_working_day: grassroots vs numpy.is_busday.
    log("timing is_working_day vs numpy.is_busday ...")
    is_working = cal.is_working_day
    gr_is_t, gr_is = best_time(lambda: is_working(dates), repeat, 0.2)
    np_is_t, np_is = best_time(lambda: np.is_busday(dates, busdaycal=numpy_cal), repeat, 0.2)
    is_differ = np.asarray(gr_is) != np_is
    assert np.array_equal(is_differ, np.isin(dates, makeup)), "is_working_day differs on other than make-up days"

    # add_working_days: grassroots vs pure Python, on the first python_count dates.
    log(f"timing add_working_days vs pure Python ({python_count:,} dates) ...")
    p_dates, p_offsets = dates[:python_count], offsets[:python_count]
    date_list: list[datetime.date] = p_dates.tolist()
    offset_list: list[int] = p_offsets.tolist()
    python_add = python_cal.add_working_days
    py_t, py_result = best_time(lambda: [python_add(d, n) for d, n in zip(date_list, offset_list)], repeat)
    gr_small_t, gr_small = best_time(lambda: add(p_dates, p_offsets), repeat, 0.2)
    gr_call_t, gr_call = best_time(lambda: [add(d, n) for d, n in zip(date_list, offset_list)], repeat)
    expected = np.array(py_result, dtype="datetime64[D]")
    assert np.array_equal(gr_small, expected), "pure Python and grassroots differ"
    assert np.array_equal(np.array(gr_call, dtype="datetime64[D]"), expected), "per-call form differs"
    assert np.array_equal(gr_small, gr_add[:python_count])
    python_makeup_share = float((add_differ[:python_count]).mean())

    # Figures.
    def rate(seconds: float, n: int) -> float:
        return n / seconds

    numpy_settings = (f"busdaycalendar(weekmask='1111100', holidays=the {len(holidays)} public-holiday days "
                      f"of the shipped schedule)")
    target = f">= {TARGET_RATIO:g}x numpy, make-up days handled"
    gr_add_rate, np_add_rate, np_raw_rate = rate(gr_add_t, count), rate(np_add_t, count), rate(np_raw_t, count)
    gr_count_rate, np_count_rate = rate(gr_count_t, count), rate(np_count_t, count)
    gr_is_rate, np_is_rate = rate(gr_is_t, count), rate(np_is_t, count)
    py_rate = rate(py_t, python_count)
    gr_small_rate, gr_call_rate = rate(gr_small_t, python_count), rate(gr_call_t, python_count)
    add_method = f"cal.add_working_days(dates, n), datetime64[D] and int64 arrays ({count:,} dates)"
    figures = [
        figure("numpy", "add_working_days, vectorised", gr_add_rate, "dates/s", np_add_rate,
               gr_add_rate / np_add_rate, count, grassroots_method=add_method,
               peer_method=(f"np.busday_offset on a {numpy_settings}: roll='backward' for the n > 0 dates and "
                            "roll='forward' for the n < 0 dates (two calls and the boolean masks)"),
               target=target, met=gr_add_rate / np_add_rate >= TARGET_RATIO),
        figure("numpy", "add_working_days, vectorised, vs one busday_offset call", gr_add_rate, "dates/s",
               np_raw_rate, gr_add_rate / np_raw_rate, count, grassroots_method=add_method,
               peer_method=("one np.busday_offset(dates, n, roll='backward') call over every date, for "
                            "reference (numpy's kernel alone; wrong roll for n < 0 off days)"),
               target=target, met=gr_add_rate / np_raw_rate >= TARGET_RATIO),
        figure("numpy", "working_days_between, vectorised", gr_count_rate, "pairs/s", np_count_rate,
               gr_count_rate / np_count_rate, count,
               grassroots_method=f"cal.working_days_between(a, b), datetime64[D] arrays, a <= b ({count:,} pairs)",
               peer_method=f"np.busday_count(a, b) on the same {numpy_settings}",
               target=target, met=gr_count_rate / np_count_rate >= TARGET_RATIO),
        figure("numpy", "is_working_day, vectorised", gr_is_rate, "dates/s", np_is_rate, gr_is_rate / np_is_rate,
               count, grassroots_method=f"cal.is_working_day(dates) ({count:,} dates)",
               peer_method=f"np.is_busday(dates) on the same {numpy_settings}"),
        figure("pure Python", "add_working_days, vectorised, vs pure Python", gr_small_rate, "dates/s", py_rate,
               gr_small_rate / py_rate, python_count,
               grassroots_method=f"cal.add_working_days(dates, n) on the first {python_count:,} dates",
               peer_method=("a set of off days and a set of make-up days, stepping one day at a time "
                            f"(datetime.date, {python_count:,} calls)")),
        figure("pure Python", "add_working_days, per call, vs pure Python", gr_call_rate, "dates/s", py_rate,
               gr_call_rate / py_rate, python_count,
               grassroots_method=f"cal.add_working_days(date, n) per call on datetime.date ({python_count:,} calls)",
               peer_method="the same stepping function"),
        figure("numpy", "answers differing because of make-up days: add_working_days", 0.0, "% of answers",
               100.0 * float(add_differ.mean()), None, count, higher_is_better=False,
               grassroots_method="the published schedule, make-up days included (pure Python agrees)",
               peer_method="np.busday_offset as above: make-up days are off", answers_differing=int(add_differ.sum())),
        figure("numpy", "answers differing because of make-up days: working_days_between", 0.0, "% of answers",
               100.0 * float(count_differ.mean()), None, count, higher_is_better=False,
               grassroots_method="the published schedule, make-up days included",
               peer_method="np.busday_count as above", answers_differing=int(count_differ.sum())),
        figure("numpy", "answers differing because of make-up days: is_working_day", 0.0, "% of answers",
               100.0 * float(is_differ.mean()), None, count, higher_is_better=False,
               grassroots_method="the published schedule, make-up days included",
               peer_method="np.is_busday as above", answers_differing=int(is_differ.sum())),
    ]

    cpp = common.cpp_figures(args.cpp_results)
    if cpp is None:
        log(f"no C++ results at {args.cpp_results}: the C++ figures are left out")
    else:
        for key, label, peer_rate, unit in (("BM_AddWorkingDaysBulk", "add_working_days, C++ bulk", np_add_rate,
                                             "dates/s"),
                                            ("BM_WorkingDaysBetweenBulk", "working_days_between, C++ bulk",
                                             np_count_rate, "pairs/s")):
            bench = cpp["benchmarks"].get(key)
            if bench is None or not bench["items_per_second"]:
                continue
            value = float(bench["items_per_second"])
            figures.append(figure(
                "numpy", label, value, unit, peer_rate, value / peer_rate, 1_000_000,
                grassroots_method=(f"C++ {key}: Calendar::china() bulk form over 1,000,000 days since 1970 "
                                   f"(its own seeded dates), one thread ({cpp['file']}, {cpp['date']})"),
                peer_method=f"the numpy figure above ({count:,} dates of this run; numpy has no C++ form)",
                target=target, met=value / peer_rate >= TARGET_RATIO))

    return {
        "benchmark": "calendar",
        "quick": bool(args.quick),
        "machine": common.peer_machine_info({}),
        "data_size": {
            "dates": count,
            "python_dates": python_count,
            "first_date": str(first),
            "last_date": str(last),
            "offsets": f"-{MAX_OFFSET} … -1 and 1 … {MAX_OFFSET}, uniform, sign at random",
            "forward_share": round(float(forward.mean()), 4),
            "covered_days": len(covered),
            "first_covered": str(first_covered),
            "last_covered": str(last_covered),
            "public_holiday_days": len(holidays),
            "makeup_working_days": len(makeup),
            "published_years": [int(y) for y in cal.published_years],
            "source": "grassroots.Calendar.china() (shipped schedule, State Council notices 2019–2026)",
        },
        "settings": {
            "seed": args.seed,
            "repeat": repeat,
            "timing": "best of repeats (vectorised forms: until 0.2 s in all), time.perf_counter, cyclic GC off "
                      "inside the timed call",
            "numpy_weekmask": "1111100",
            "openblas_env": {name: os.environ.get(name) for name in OPENBLAS_VARIABLES},
            "blas": "not used: numpy's busday functions are plain C loops",
        },
        "checks": {
            "numpy_agrees_where_no_makeup_day_is_involved": True,
            "numpy_differs_wherever_a_makeup_day_is_involved": True,
            "count_difference_equals_makeup_days_in_range": True,
            "pure_python_identical": True,
            "per_call_identical": True,
            "add_working_days_numpy_differing": int(add_differ.sum()),
            "working_days_between_numpy_differing": int(count_differ.sum()),
            "is_working_day_numpy_differing": int(is_differ.sum()),
            "python_sample_numpy_differing_share": round(python_makeup_share, 4),
        },
        "cpp": cpp,
        "figures": figures,
    }


def format_value(value: float, unit: str) -> str:
    significant = common.significant
    if unit.endswith("/s"):
        return f"{significant(value / 1e6)} M/s" if value >= 1e5 else f"{value:,.0f} /s"
    if unit == "% of answers":
        return f"{value:.1f} %"
    return f"{significant(value)} {unit}"


def print_table(result: dict[str, Any]) -> None:
    rows = [("Figure", "grassroots", "peer", "peer value", "ratio", "data size", "target")]
    for f in result["figures"]:
        ratio = f"{common.significant(f['ratio'])}x" if f["ratio"] is not None else "-"
        rows.append((f["figure"], format_value(f["value"], f["unit"]), f["peer"],
                     format_value(f["peer_value"], f["unit"]), ratio, f"{f['data_size']:,}", common.target_cell(f)))
    data = result["data_size"]
    print(f"\ngrassroots vs numpy and pure Python, working-day calendar: {data['dates']:,} dates "
          f"({data['first_date']} … {data['last_date']}, offsets {data['offsets']}); "
          f"pure Python on the first {data['python_dates']:,}")
    print(f"machine: {result['machine']['summary']}; {result['machine']['date']}")
    common.print_rows(rows, left=(0, 2, 6))
    print("ratio: grassroots speed / peer speed (higher is better).")
    for f in result["figures"]:
        print(f"  {f['figure']}: grassroots {f['grassroots_method']}; {f['peer']} {f['peer_method']}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = common.comparison_parser(__doc__)
    parser.add_argument("--dates", type=int, default=None,
                        help="dates (and offsets, and end dates) for the vectorised forms "
                             "(default 1,000,000; 100,000 with --quick)")
    parser.add_argument("--python-dates", type=int, default=None,
                        help="the first dates also given to the pure-Python peer and the per-call form "
                             "(default 100,000; 10,000 with --quick)")
    parser.add_argument("--first", type=datetime.date.fromisoformat, default=FIRST,
                        help="first date drawn (default %(default)s)")
    parser.add_argument("--last", type=datetime.date.fromisoformat, default=LAST,
                        help="last date drawn (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per figure, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=42, help="random seed for dates and offsets (default 42)")
    common.add_cpp_results_option(parser, DEFAULT_CPP, "grassroots_bench_calendar")
    common.add_output_options(parser, DEFAULT_OUT, QUICK_OUT, "smoke run: 100,000 dates, 10,000 for pure Python")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.dates is not None and args.dates < 1 or args.python_dates is not None and args.python_dates < 1:
        parser.error("--dates and --python-dates must be at least 1")
    if args.first > args.last:
        parser.error("--first is after --last")
    return common.finish(run(args), print_table, args, DEFAULT_OUT, QUICK_OUT)


if __name__ == "__main__":
    sys.exit(main())
