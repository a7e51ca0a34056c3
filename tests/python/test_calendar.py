"""The working-day calendar (工作日): holidays, make-up days (调休), the vectorised forms, instants,
working hours and deadlines."""

from __future__ import annotations

import copy
import pickle
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import grassroots as gr
from grassroots import Calendar, DayKind, Deadline, DeadlineKind, UnpublishedYears, WorkingHours

CST = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def china() -> Calendar:
    return Calendar.china()


def d(text: str) -> date:
    return date.fromisoformat(text)


def days(first: str, last: str) -> list[date]:
    """first … last inclusive."""
    return [d(first) + timedelta(k) for k in range((d(last) - d(first)).days + 1)]


# ---- days --------------------------------------------------------------------------------------


def test_spring_festival_2026_with_make_up_saturdays(china: Calendar) -> None:
    assert china.is_working_day(date(2026, 2, 13))  # Friday
    assert china.is_working_day(date(2026, 2, 14))  # Saturday, make-up working day
    for day in days("2026-02-15", "2026-02-23"):
        assert not china.is_working_day(day), day
        assert china.day(day).kind == DayKind.HOLIDAY
    assert china.is_working_day(date(2026, 2, 24))
    assert china.is_working_day(date(2026, 2, 28))  # Saturday, make-up working day
    assert not china.is_working_day(date(2026, 3, 1))  # ordinary Sunday
    saturday = china.day(date(2026, 2, 14))
    assert saturday.kind == DayKind.MAKEUP_WORKDAY and saturday.kind.chinese_name == "调休上班"
    assert saturday.working and not saturday.provisional
    assert saturday.holiday_name == "春节"
    assert saturday.source is not None and "content_7047091" in saturday.source
    for text in ("2026-01-04", "2026-05-09", "2026-09-20", "2026-10-10"):
        assert china.day(d(text)).kind == DayKind.MAKEUP_WORKDAY, text


def test_national_day_2025(china: Calendar) -> None:
    assert not any(china.is_working_day(day) for day in days("2025-10-01", "2025-10-08"))
    assert china.is_working_day(date(2025, 9, 28))  # Sunday make-up
    assert china.is_working_day(date(2025, 10, 11))  # Saturday make-up
    assert china.next_working_day(date(2025, 9, 30)) == date(2025, 10, 9)
    assert china.previous_working_day(date(2025, 10, 9)) == date(2025, 9, 30)
    assert china.holiday_name(date(2025, 10, 1)) == "国庆节、中秋节"  # they fell together in 2025


def test_holiday_name_is_none_on_ordinary_days(china: Calendar) -> None:
    assert china.holiday_name(date(2026, 2, 17)) == "春节"
    assert china.holiday_name(date(2026, 2, 14)) == "春节"  # the make-up day carries the holiday's name
    assert china.holiday_name(date(2026, 3, 2)) is None
    ordinary = china.day(date(2026, 3, 2))
    assert ordinary == gr.DayInfo(date=date(2026, 3, 2), working=True, kind=DayKind.WORKDAY)
    assert (ordinary.holiday_name, ordinary.source) == (None, None)
    assert ordinary.to_dict() == {
        "date": date(2026, 3, 2),
        "working": True,
        "kind": "workday",
        "holiday_name": None,
        "provisional": False,
        "source": None,
    }
    assert pickle.loads(pickle.dumps(ordinary)) == ordinary
    assert repr(ordinary).startswith("DayInfo(date=datetime.date(2026, 3, 2), working=True, kind=DayKind.WORKDAY")
    assert china.day(date(2026, 3, 1)).kind.chinese_name == "周末"


def test_add_working_days_across_the_festival_and_from_a_make_up_saturday(china: Calendar) -> None:
    assert china.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert china.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 24)
    assert china.add_working_days(date(2026, 2, 14), 7) == date(2026, 3, 3)  # 24,25,26,27,28(Sat),3-2,3-3
    assert china.add_working_days(date(2026, 2, 15), 1) == date(2026, 2, 24)  # from inside the holiday
    assert china.add_working_days(date(2026, 2, 24), -1) == date(2026, 2, 14)
    assert china.add_working_days(date(2026, 2, 21), -2) == date(2026, 2, 13)
    assert china.add_working_days(date(2026, 2, 21), 0) == date(2026, 2, 21)


def test_working_days_between_counts_start_but_not_end(china: Calendar) -> None:
    assert china.working_days_between(date(2026, 2, 14), date(2026, 3, 3)) == 7
    assert china.working_days_between(date(2026, 2, 14), date(2026, 2, 15)) == 1  # start counts
    assert china.working_days_between(date(2026, 2, 13), date(2026, 2, 14)) == 1  # end does not
    assert china.working_days_between(date(2026, 3, 3), date(2026, 2, 14)) == -7
    assert china.working_days_between(date(2026, 2, 15), date(2026, 2, 15)) == 0
    assert china.working_days_between(date(2025, 9, 29), date(2025, 10, 13)) == 5
    start = date(2026, 2, 10)
    for n in range(-40, 41):
        assert china.working_days_between(start, china.add_working_days(start, n)) == n


def test_unpublished_years_raise_unless_the_weekday_rule_is_allowed() -> None:
    cal = Calendar.china()
    assert cal.unpublished == UnpublishedYears.RAISE
    with pytest.raises(gr.NotFoundError) as info:
        cal.is_working_day(date(2027, 1, 4))
    assert str(info.value) == (
        "no holiday notice covers 2027-01-04: the 2027 schedule is not published (allow the weekday rule with "
        "Calendar.unpublished = UnpublishedYears.WEEKDAY_RULE for a provisional answer)"
    )
    assert isinstance(info.value, KeyError)
    with pytest.raises(gr.NotFoundError):
        cal.add_working_days(date(2026, 12, 24), 5)  # runs into 2026-12-29
    with pytest.raises(gr.NotFoundError):
        cal.day(date(2026, 12, 31))
    assert cal.add_working_days(date(2026, 12, 21), 5) == date(2026, 12, 28)
    assert cal.is_covered(date(2026, 12, 28)) and not cal.is_covered(date(2026, 12, 29))
    assert not cal.is_published(2027) and cal.is_published(2026)
    assert cal.published_years == list(range(2019, 2027))

    cal.unpublished = UnpublishedYears.WEEKDAY_RULE
    monday = cal.day(date(2027, 1, 4))
    assert monday.working and monday.provisional and monday.kind == DayKind.WORKDAY
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert not cal.day(date(2026, 3, 2)).provisional
    assert "by the weekday rule" in repr(cal)


def test_notices_and_range(china: Calendar) -> None:
    notices = china.notices
    assert {n.year for n in notices} == set(range(2019, 2027))
    notice_2026 = next(n for n in notices if n.year == 2026)
    assert "2026" in notice_2026.title and notice_2026.source.startswith("http")
    assert pickle.loads(pickle.dumps(notice_2026)) == notice_2026
    assert Calendar.range() == (date(1949, 1, 1), date(2149, 12, 31))
    with pytest.raises(gr.InvalidInputError, match=r"date 1900-01-01 is outside the calendar's range"):
        china.is_working_day(date(1900, 1, 1))
    empty = Calendar()
    assert empty.published_years == [] and empty.notices == []
    with pytest.raises(gr.NotFoundError):
        empty.is_working_day(date(2026, 1, 5))
    assert repr(china) == "<Calendar: notices 2019–2026, unpublished years raise, hours 08:30-12:00,13:30-17:30>"


def test_a_datetime_is_not_a_date(china: Calendar) -> None:
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.is_working_day(datetime(2026, 2, 14, 9, 0))  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.add_working_days(datetime(2026, 2, 14, 9, 0), 1)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.is_working_day([date(2026, 2, 14), datetime(2026, 2, 15)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.is_working_day("2026-02-14")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.add_working_days(date(2026, 2, 14), 1.5)  # type: ignore[call-overload]


# ---- local rules and holiday-cn files ----------------------------------------------------------


def test_local_overrides_win_and_a_conflicting_one_is_refused() -> None:
    cal = Calendar.china()
    cal.add_local(date(2026, 3, 2), False, "地方节日", "东营市 local rule")
    assert not cal.is_working_day(date(2026, 3, 2))
    info = cal.day(date(2026, 3, 2))
    assert (info.kind, info.holiday_name, info.source) == (DayKind.HOLIDAY, "地方节日", "东营市 local rule")
    cal.add_local(date(2026, 3, 2), False, "地方节日")  # the same value again: fine
    with pytest.raises(gr.InvalidInputError) as error:
        cal.add_local(date(2026, 3, 2), True, "x")
    assert str(error.value) == "local rule for 2026-03-02 conflicts with an earlier one (off vs working)"
    assert not cal.is_working_day(date(2026, 3, 2))
    assert cal.add_working_days(date(2026, 2, 28), 1) == date(2026, 3, 3)
    cal.add_local(date(2026, 3, 7), True, "补班")  # a Saturday made a working day
    assert cal.day(date(2026, 3, 7)).kind == DayKind.MAKEUP_WORKDAY
    assert cal.day(date(2026, 3, 7)).source == "local rule"
    assert Calendar.china().is_working_day(date(2026, 3, 2))  # china() is a fresh copy


def test_local_rules_from_a_file_all_or_nothing(tmp_path: Path) -> None:
    good = tmp_path / "local.csv"
    good.write_text("date,working,name\n2026-03-02,off,地方节日\n2026-03-07,work,补班\n", encoding="utf-8")
    cal = Calendar.china()
    cal.read_local(good)
    assert not cal.is_working_day(date(2026, 3, 2)) and cal.is_working_day(date(2026, 3, 7))
    bad = tmp_path / "bad.csv"
    bad.write_text("date,working,name\n2026-03-09,off,x\n2026-03-10,maybe,y\n", encoding="utf-8")
    fresh = Calendar.china()
    with pytest.raises(gr.InvalidInputError) as error:
        fresh.read_local(str(bad))
    assert str(error.value) == "bad.csv, row 3, field 'working': working 'maybe' is not one of 1/0, true/false, work/off"
    assert (error.value.source, error.value.row, error.value.field) == ("bad.csv", 3, "working")
    assert fresh.is_working_day(date(2026, 3, 9))  # nothing was loaded
    with pytest.raises(gr.FileError):
        fresh.read_local(tmp_path / "missing.csv")


def test_from_holiday_cn_fixture_years_equal_the_shipped_schedule(china: Calendar, test_data: Path) -> None:
    folder = test_data / "holiday-cn"  # 2025–2027, shipped with the tests
    loaded = Calendar.from_holiday_cn(folder / f"{year}.json" for year in (2025, 2026, 2027))
    assert loaded.published_years == [2025, 2026]
    every_day = np.arange("2025-01-01", "2026-12-29", dtype="datetime64[D]")
    np.testing.assert_array_equal(loaded.is_working_day(every_day), china.is_working_day(every_day))
    assert loaded.holiday_name(date(2026, 2, 17)) == "春节"


def test_from_holiday_cn_equals_the_shipped_schedule_on_every_day(china: Calendar, shared_data: Path) -> None:
    folder = shared_data / "holiday-cn"
    loaded = Calendar.from_holiday_cn(folder / f"{year}.json" for year in range(2019, 2028))
    assert loaded.published_years == china.published_years  # 2027.json is empty: not published
    every_day = np.arange("2019-01-01", "2026-12-29", dtype="datetime64[D]")
    assert every_day.size == 2919
    shipped_days = china.is_working_day(every_day)
    assert shipped_days.dtype == np.bool_ and shipped_days.shape == every_day.shape
    np.testing.assert_array_equal(loaded.is_working_day(every_day), shipped_days)
    assert loaded.holiday_name(date(2026, 2, 17)) == "春节"
    assert [n.year for n in loaded.notices] == list(range(2019, 2027))
    # A list of str paths works too; a single str is one path.
    assert Calendar.from_holiday_cn([str(folder / "2026.json")]).published_years == [2026]
    assert Calendar.from_holiday_cn(str(folder / "2026.json")).published_years == [2026]


def test_malformed_json_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "2026.json"
    broken.write_text('{"year": 2026, "days": [', encoding="utf-8")
    with pytest.raises(gr.InvalidInputError) as error:
        Calendar.from_holiday_cn([broken])
    assert str(error.value).startswith("2026.json: malformed JSON")
    assert error.value.source == "2026.json"
    with pytest.raises(gr.FileError):
        Calendar.from_holiday_cn([tmp_path / "2025.json"])


def test_add_holiday_cn_is_all_or_nothing() -> None:
    cal = Calendar()
    cal.add_holiday_cn(
        '{"year": 2026, "papers": ["p"], "days": [{"name": "春节", "date": "2026-02-16", "isOffDay": true}]}', "a.json"
    )
    assert cal.published_years == [2026] and cal.holiday_name(date(2026, 2, 16)) == "春节"
    with pytest.raises(gr.InvalidInputError) as error:
        cal.add_holiday_cn('{"year": 2026, "days": [{"name": "x", "date": "2026-03-02", "isOffDay": true}]}', "b.json")
    assert str(error.value) == "b.json, field 'year': the 2026 schedule is already loaded (from p)"
    with pytest.raises(gr.InvalidInputError, match=r"^c\.json, field 'days\[0\]': date 2027-02-30 does not exist$"):
        cal.add_holiday_cn('{"year": 2027, "days": [{"name": "x", "date": "2027-02-30", "isOffDay": true}]}', "c.json")
    assert not cal.is_published(2027) and cal.is_working_day(date(2026, 3, 2))
    cal.add_holiday_cn('{"year": 2027, "papers": [], "days": []}', "2027.json")  # not out yet: publishes nothing
    assert not cal.is_published(2027)


# ---- vectorised forms --------------------------------------------------------------------------


def test_vectorised_add_working_days_over_a_million_dates(china: Calendar) -> None:
    rng = np.random.default_rng(2026)
    first, last = np.datetime64("2019-02-01"), np.datetime64("2026-12-01")
    starts = first + rng.integers(0, int((last - first).astype(int)), size=1_000_000).astype("timedelta64[D]")
    steps = rng.integers(-15, 16, size=starts.size)
    out = china.add_working_days(starts, steps)
    assert out.dtype == np.dtype("datetime64[D]") and out.shape == starts.shape
    fixed = china.add_working_days(starts, 7)
    assert fixed.dtype == np.dtype("datetime64[D]")
    for k in rng.choice(starts.size, size=300, replace=False):
        start = starts[k].astype(object)
        assert out[k].astype(object) == china.add_working_days(start, int(steps[k]))
        assert fixed[k].astype(object) == china.add_working_days(start, 7)
    # Round trip: [start, start + n) holds n working days whenever start is a working day.
    working = china.is_working_day(starts)
    between = china.working_days_between(starts, out)
    assert between.dtype == np.int64
    np.testing.assert_array_equal(between[working], steps[working])


def test_vectorised_forms_take_lists_other_units_and_broadcast(china: Calendar) -> None:
    saturday = date(2026, 2, 14)
    from_list = china.add_working_days([date(2026, 2, 13), saturday], 1)
    np.testing.assert_array_equal(from_list, np.array(["2026-02-14", "2026-02-24"], dtype="datetime64[D]"))
    # One date, many offsets: the next working days after the make-up Saturday.
    upcoming = china.add_working_days(saturday, np.arange(1, 8))
    assert upcoming[-1] == np.datetime64("2026-03-03") and upcoming.shape == (7,)
    # Units other than days, as long as the values are whole days (a pandas column is datetime64[ns]).
    column = pd.Series(pd.to_datetime(["2026-02-13", "2026-02-14", "2026-02-15"]))
    np.testing.assert_array_equal(china.is_working_day(column), [True, True, False])
    np.testing.assert_array_equal(
        china.is_working_day(np.array(["2026-02-14T00:00"], dtype="datetime64[m]")), [True]
    )
    # Shapes are kept.
    grid = np.array([["2026-02-13", "2026-02-14"], ["2026-02-15", "2026-02-24"]], dtype="datetime64[D]")
    assert china.is_working_day(grid).tolist() == [[True, True], [False, True]]
    assert china.next_working_day(grid)[1, 0] == np.datetime64("2026-02-24")
    assert china.previous_working_day([date(2026, 2, 24)])[0] == np.datetime64("2026-02-14")
    # working_days_between: arrays, or one date against an array.
    ends = np.array(["2026-03-03", "2026-02-15"], dtype="datetime64[D]")
    np.testing.assert_array_equal(china.working_days_between([saturday, saturday], ends), [7, 1])
    np.testing.assert_array_equal(china.working_days_between(saturday, ends), [7, 1])
    np.testing.assert_array_equal(china.working_days_between(ends, saturday), [-7, -1])
    assert china.add_working_days(np.array([], dtype="datetime64[D]"), 3).shape == (0,)


def test_vectorised_errors_name_the_problem(china: Calendar) -> None:
    starts = np.array(["2026-02-13", "2026-02-14", "2026-02-15"], dtype="datetime64[D]")
    with pytest.raises(gr.InvalidInputError) as error:
        china.add_working_days(starts, np.array([1, 2]))
    assert str(error.value) == "add_working_days: 2 offsets for 3 dates (give one offset or one per date)"
    with pytest.raises(gr.InvalidInputError, match="working_days_between: start"):
        china.working_days_between(starts, starts[:2])
    with pytest.raises(gr.InvalidInputError, match=r"^element 1 of dates is NaT, not a date$"):
        china.is_working_day(np.array(["2026-02-13", "NaT"], dtype="datetime64[D]"))
    with pytest.raises(gr.InvalidInputError, match=r"^element 0 of dates is 2026-02-13T10, not a whole day"):
        china.is_working_day(np.array(["2026-02-13T10"], dtype="datetime64[h]"))
    with pytest.raises(gr.NotFoundError, match="2027"):
        china.is_working_day(np.array(["2026-02-13", "2027-03-01"], dtype="datetime64[D]"))
    with pytest.raises(gr.InvalidInputError, match="outside the calendar's range"):
        china.add_working_days(np.array(["1900-01-01"], dtype="datetime64[D]"), 1)
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.add_working_days(starts, np.array([1.5, 2.0, 3.0]))  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.is_working_day(np.array([1, 2, 3]))  # type: ignore[call-overload]


def test_to_pandas_lists_days(china: Calendar) -> None:
    frame = china.to_pandas(date(2026, 2, 13), date(2026, 3, 2))
    assert len(frame) == 17 and frame.index.name == "date"
    assert frame.loc["2026-02-14", "kind"] == "makeup_workday"
    assert frame.loc["2026-02-17", "holiday_name"] == "春节"
    assert pd.isna(frame.loc["2026-03-01", "holiday_name"])
    assert int(frame["working"].sum()) == china.working_days_between(date(2026, 2, 13), date(2026, 3, 2))


def test_to_pandas_is_typed_and_refuses_what_is_not_a_day(china: Calendar) -> None:
    # Written in Python over the bound Calendar (grassroots.calendar), typed -> pandas.DataFrame.
    assert Calendar.to_pandas.__module__ == "grassroots.calendar._pandas"
    assert china.to_pandas(date(2026, 3, 2), date(2026, 3, 2)).empty
    with pytest.raises(TypeError, match=r"start must be a datetime.date, got str"):
        china.to_pandas("2026-02-13", date(2026, 3, 2))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"end must be a datetime.date, got datetime"):
        china.to_pandas(date(2026, 2, 13), datetime(2026, 3, 2, 12))


# ---- instants, working hours, deadlines --------------------------------------------------------


def test_instants_naive_is_china_time_aware_is_converted(china: Calendar) -> None:
    expected = datetime(2026, 2, 14, 9, 30, tzinfo=CST)
    naive = china.add_working_time(datetime(2026, 2, 13, 16, 30), timedelta(hours=2))
    aware = china.add_working_time(datetime(2026, 2, 13, 8, 30, tzinfo=timezone.utc), timedelta(hours=2))
    assert naive == aware == expected
    assert naive.utcoffset() == timedelta(hours=8) and naive.tzinfo == gr.CHINA_STANDARD_TIME
    # +01:00 in the morning of the 13th is 10:00 CST: 2 h later is noon.
    plus_one = datetime(2026, 2, 13, 3, 0, tzinfo=timezone(timedelta(hours=1)))
    assert china.add_working_time(plus_one, timedelta(hours=2)) == datetime(2026, 2, 13, 12, 0, tzinfo=CST)
    assert china.add_working_time(datetime(2026, 2, 14, 16, 30), timedelta(hours=2)) == datetime(
        2026, 2, 24, 9, 30, tzinfo=CST
    )
    between = china.working_time_between(datetime(2026, 2, 13, 16, 30), datetime(2026, 2, 24, 9, 30))
    assert between == timedelta(hours=1, minutes=450 + 60)
    assert china.working_time_between(datetime(2026, 2, 24, 9, 30), datetime(2026, 2, 13, 16, 30)) == -between
    with pytest.raises(gr.InvalidInputError):
        china.add_working_time(datetime(2026, 3, 2, 8, 30), timedelta(seconds=-1))
    with pytest.raises(gr.InvalidInputError, match="whole number of seconds"):
        china.add_working_time(datetime(2026, 3, 2, 8, 30), timedelta(microseconds=500))
    with pytest.raises(TypeError, match="incompatible function arguments"):
        china.add_working_time(date(2026, 3, 2), timedelta(hours=1))  # type: ignore[arg-type]


def test_parse_instant() -> None:
    assert gr.parse_instant("2026-02-13T10:00") == datetime(2026, 2, 13, 10, 0, tzinfo=CST)
    assert gr.parse_instant("2026-02-13T02:00Z") == datetime(2026, 2, 13, 10, 0, tzinfo=CST)
    assert gr.parse_instant("2026-02-13T03:00:00+01:00").isoformat() == "2026-02-13T10:00:00+08:00"
    with pytest.raises(gr.InvalidInputError, match=r"^instant '2026-02-13 25:00' has a time out of range$"):
        gr.parse_instant("2026-02-13 25:00")


def test_working_hours() -> None:
    standard = WorkingHours.standard()
    assert str(standard) == "08:30-12:00,13:30-17:30"
    assert standard.per_day == timedelta(hours=7, minutes=30)
    assert standard.periods == [(time(8, 30), time(12, 0)), (time(13, 30), time(17, 30))]
    assert standard.close == time(17, 30)
    assert WorkingHours(periods=standard.periods) == standard == WorkingHours.parse("08:30-12:00,13:30-17:30")
    assert hash(WorkingHours.parse(str(standard))) == hash(standard)
    assert pickle.loads(pickle.dumps(standard)) == standard
    assert WorkingHours(**standard.to_dict()) == standard
    assert repr(standard) == "WorkingHours.parse('08:30-12:00,13:30-17:30')"
    night = WorkingHours([(time(20, 0), time(0, 0))])  # to midnight
    assert str(night) == "20:00-24:00" and night.periods == [(time(20, 0), time(0, 0))]
    with pytest.raises(gr.InvalidInputError, match="period 2 starts before period 1 ends"):
        WorkingHours.parse("09:00-12:00,11:00-17:00")
    with pytest.raises(gr.InvalidInputError):
        WorkingHours.parse("9-12")
    with pytest.raises(gr.InvalidInputError, match="whole minutes"):
        WorkingHours([(time(9, 0, 30), time(12, 0))])
    with pytest.raises(gr.InvalidInputError):
        WorkingHours([])


def test_calendar_working_hours_change_due_times() -> None:
    cal = Calendar.china()
    assert cal.working_hours == WorkingHours.standard()
    cal.working_hours = WorkingHours.parse("09:00-12:00,14:00-18:00")
    start = datetime(2026, 3, 2, 10, 0)
    assert Deadline.working_days(1).due(cal, start) == datetime(2026, 3, 3, 18, 0, tzinfo=CST)
    assert Deadline.working_hours(timedelta(hours=4)).due(cal, start) == datetime(2026, 3, 2, 16, 0, tzinfo=CST)
    copied = copy.copy(cal)
    copied.working_hours = WorkingHours.standard()
    assert str(cal.working_hours) == "09:00-12:00,14:00-18:00"  # the copy is independent


def test_deadlines_due_remaining_overdue(china: Calendar) -> None:
    start = datetime(2026, 2, 13, 10, 0)  # naive: CST
    start_utc = datetime(2026, 2, 13, 2, 0, tzinfo=timezone.utc)  # the same instant

    emergency = Deadline.elapsed(timedelta(hours=2))
    assert (emergency.kind, emergency.amount, str(emergency)) == (DeadlineKind.ELAPSED, 120, "2 hours")
    assert emergency.due(china, start) == emergency.due(china, start_utc) == datetime(2026, 2, 13, 12, 0, tzinfo=CST)
    assert emergency.remaining(china, start, datetime(2026, 2, 13, 11, 30)) == timedelta(minutes=30)
    assert emergency.overdue_by(china, start, datetime(2026, 2, 13, 12, 45)) == timedelta(minutes=45)

    utilities = Deadline.working_hours(timedelta(hours=24))
    assert str(utilities) == "24 working hours"
    assert utilities.due(china, start_utc) == datetime(2026, 2, 25, 11, 30, tzinfo=CST)

    general = Deadline.working_days(7)
    due = general.due(china, start)
    assert due == general.due(china, start_utc) == datetime(2026, 3, 2, 17, 30, tzinfo=CST)
    assert due.isoformat() == "2026-03-02T17:30:00+08:00"
    assert general.remaining(china, start, datetime(2026, 3, 2, 12, 0)) == timedelta(hours=4)
    assert not general.is_overdue(china, start, datetime(2026, 3, 2, 17, 30))
    assert general.is_overdue(china, start, datetime(2026, 3, 3, 8, 31))
    assert general.overdue_by(china, start, datetime(2026, 3, 3, 9, 30)) == timedelta(hours=1)
    assert general.overdue_by(china, start, datetime(2026, 3, 2, 9, 0)) == timedelta(0)
    assert general.remaining(china, start, datetime(2026, 3, 3, 9, 30)) == timedelta(hours=-1)
    # From a make-up Saturday.
    assert Deadline.working_days(1).due(china, datetime(2026, 2, 14, 9, 0)) == datetime(2026, 2, 24, 17, 30, tzinfo=CST)


def test_deadline_values_and_bad_amounts() -> None:
    general = Deadline.working_days(7)
    assert general == Deadline.working_days(7) != Deadline.working_days(8)
    assert general != Deadline.elapsed(timedelta(hours=7))
    assert hash(general) == hash(Deadline.working_days(7))
    assert repr(general) == "Deadline.working_days(7)"
    assert repr(Deadline.elapsed(timedelta(hours=2))) == "Deadline.elapsed(datetime.timedelta(seconds=7200))"
    assert general.to_dict() == {"kind": "working_days", "amount": 7}
    for deadline in (general, Deadline.working_hours(timedelta(minutes=90)), Deadline.elapsed(timedelta(hours=2))):
        assert pickle.loads(pickle.dumps(deadline)) == deadline
    assert str(Deadline.working_hours(timedelta(minutes=90))) == "90 minutes of working time"
    with pytest.raises(gr.InvalidInputError, match=r"^a deadline needs a positive number of working days, got 0$"):
        Deadline.working_days(0)
    with pytest.raises(gr.InvalidInputError):
        Deadline.elapsed(timedelta(0))
    with pytest.raises(gr.InvalidInputError, match="whole number of minutes"):
        Deadline.working_hours(timedelta(seconds=90))
