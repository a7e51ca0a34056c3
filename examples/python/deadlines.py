"""Deadlines on China's working-day clock for a batch of 12345 hotline cases, with NumPy and pandas.

Each case is due a number of working days after it was received (7 for general matters, 15 for
complex ones); the calendar knows the 2026 Spring Festival and its make-up Saturdays (调休), which
numpy.busday_offset cannot express. Run with ``python examples/python/deadlines.py``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

import grassroots as gr


def main() -> None:
    cal = gr.Calendar.china()
    print("2026-02-14 is", cal.day(dt.date(2026, 2, 14)).kind.chinese_name, cal.holiday_name(dt.date(2026, 2, 14)))

    cases = pd.DataFrame(
        {
            "received": pd.to_datetime(["2026-02-12", "2026-02-13", "2026-02-14", "2026-02-20", "2026-09-30"]),
            "kind": ["general", "general", "complex", "general", "general"],
        }
    )
    limits = np.where(cases["kind"] == "complex", 15, 7)
    received = cases["received"].to_numpy().astype("datetime64[D]")
    cases["due"] = cal.add_working_days(received, limits)  # vectorised, make-up days included
    naive = np.busday_offset(received, limits, roll="backward", holidays=list(_off_days(cal)))
    cases["numpy_due"] = naive  # what numpy.busday_offset says without the make-up Saturdays
    print(cases.to_string(index=False))

    # Working time for an emergency and a utilities case received on a Friday afternoon.
    friday = dt.datetime(2026, 2, 13, 16, 30)  # naive: China Standard Time
    for limit in (gr.Deadline.elapsed(dt.timedelta(hours=2)), gr.Deadline.working_hours(dt.timedelta(hours=24))):
        print(f"received {friday:%Y-%m-%d %H:%M}, {limit}: due {limit.due(cal, friday):%Y-%m-%d %H:%M %Z}")

    # 2027's schedule is not published: the calendar refuses to guess unless asked to.
    try:
        cal.add_working_days(dt.date(2026, 12, 24), 7)
    except gr.NotFoundError as error:
        print("2026-12-24 + 7:", error)
    cal.unpublished = gr.UnpublishedYears.WEEKDAY_RULE
    print("provisional:", cal.add_working_days(dt.date(2026, 12, 24), 7), cal.day(dt.date(2027, 1, 1)).provisional)


def _off_days(cal: gr.Calendar) -> list[dt.date]:
    days = pd.date_range("2026-01-01", "2026-12-28", freq="D").date
    return [d for d in days if cal.day(d).kind == gr.DayKind.HOLIDAY]


if __name__ == "__main__":
    main()
