"""
The working-day calendar (工作日): holidays, make-up days (调休), deadlines
"""
from __future__ import annotations
import pandas
import collections.abc
import datetime
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['CHINA_STANDARD_TIME', 'Calendar', 'DayInfo', 'DayKind', 'Deadline', 'DeadlineKind', 'HolidayNotice', 'UnpublishedYears', 'WorkingHours', 'parse_instant']
class DayKind:
    """
    Why a day is or is not a working day.
    
    Members:
    
      WORKDAY : 工作日: Monday–Friday, no override
    
      WEEKEND : 周末: Saturday or Sunday, no override
    
      HOLIDAY : 节假日: a day off by a notice or local rule
    
      MAKEUP_WORKDAY : 调休上班: a weekend day made a working day
    """
    HOLIDAY: typing.ClassVar[DayKind]
    MAKEUP_WORKDAY: typing.ClassVar[DayKind]
    WEEKEND: typing.ClassVar[DayKind]
    WORKDAY: typing.ClassVar[DayKind]
    __members__: typing.ClassVar[dict[str, DayKind]]
    @typing.overload
    def __eq__(self, other: DayKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: DayKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def chinese_name(self) -> str:
        """
        工作日, 周末, 节假日 or 调休上班.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class UnpublishedYears:
    """
    What queries about a year whose holiday notice is not published do.
    
    Members:
    
      RAISE : raise NotFoundError naming the year (the default)
    
      WEEKDAY_RULE : answer by the weekday rule; DayInfo.provisional tells
    """
    RAISE: typing.ClassVar[UnpublishedYears]
    WEEKDAY_RULE: typing.ClassVar[UnpublishedYears]
    __members__: typing.ClassVar[dict[str, UnpublishedYears]]
    @typing.overload
    def __eq__(self, other: UnpublishedYears) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: UnpublishedYears) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class DeadlineKind:
    """
    How a deadline's clock runs.
    
    Members:
    
      ELAPSED : 自然时: wall-clock time, day and night (e.g. emergencies within 2 h)
    
      WORKING_HOURS : 工作时: only during working hours of working days
    
      WORKING_DAYS : 工作日: whole working days, due at close of business
    """
    ELAPSED: typing.ClassVar[DeadlineKind]
    WORKING_DAYS: typing.ClassVar[DeadlineKind]
    WORKING_HOURS: typing.ClassVar[DeadlineKind]
    __members__: typing.ClassVar[dict[str, DeadlineKind]]
    @typing.overload
    def __eq__(self, other: DeadlineKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: DeadlineKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def chinese_name(self) -> str:
        """
        The Chinese term.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class DayInfo:
    """
    What the calendar says about one day.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, date: datetime.date, working: bool, kind: DayKind, holiday_name: str | None = None, provisional: bool = False, source: str | None = None) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def date(self) -> datetime.date:
        """
        The day.
        """
    @property
    def holiday_name(self) -> str | None:
        """
        The holiday (e.g. 春节) on its days off and its make-up working days; None otherwise.
        """
    @property
    def kind(self) -> DayKind:
        """
        Why: DayKind.
        """
    @property
    def provisional(self) -> bool:
        """
        True when no notice covers the day (answered by the weekday rule).
        """
    @property
    def source(self) -> str | None:
        """
        The notice (URL or file) or local rule behind an override; None for an ordinary day.
        """
    @property
    def working(self) -> bool:
        """
        Is it a working day.
        """
class HolidayNotice:
    """
    A State Council notice on public holidays (国务院办公厅关于…部分节假日安排的通知) or another source of overrides.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, year: typing.SupportsInt | typing.SupportsIndex, title: str, source: str) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def source(self) -> str:
        """
        Where it was published (URL) or the file it came from.
        """
    @property
    def title(self) -> str:
        """
        Its title.
        """
    @property
    def year(self) -> int:
        """
        The year it arranges.
        """
class WorkingHours:
    """
    The daily working hours of a working day (a local rule). The default, standard(), is 08:30–12:00 and 13:30–17:30: 7.5 hours.
    """
    @staticmethod
    def parse(text: str) -> WorkingHours:
        """
        Parses '08:30-12:00,13:30-17:30'; InvalidInputError otherwise.
        """
    @staticmethod
    def standard() -> WorkingHours:
        """
        08:30–12:00 and 13:30–17:30 (a common local rule).
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, periods: collections.abc.Sequence[tuple[datetime.time, datetime.time]]) -> None:
        """
        Periods as (start, end) datetime.time pairs, in order, not overlapping, in whole minutes; an end of time(0, 0) means midnight at the end of the day. InvalidInputError otherwise.
        """
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def __str__(self) -> str:
        """
        '08:30-12:00,13:30-17:30'.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        {'periods': [(start, end), …]} (the constructor's keyword).
        """
    @property
    def close(self) -> datetime.time:
        """
        End of the last period: close of business, when working-day deadlines fall due.
        """
    @property
    def per_day(self) -> datetime.timedelta:
        """
        Working time per working day (timedelta).
        """
    @property
    def periods(self) -> list[tuple[datetime.time, datetime.time]]:
        """
        The periods as (start, end) datetime.time pairs.
        """
class Calendar:
    """
    China's working-day calendar (工作日): weekdays, public holidays and make-up working days (调休) from the State Council's yearly notices, local rules, and working hours. A year whose notice is not published is never guessed: queries about it raise NotFoundError unless unpublished = UnpublishedYears.WEEKDAY_RULE.
    """
    def to_pandas(self, start: datetime.date, end: datetime.date) -> pandas.DataFrame:
        """One row per day in [start, end), indexed by date: working, kind, holiday_name, provisional, source. Needs pandas."""
    @staticmethod
    def china() -> Calendar:
        """
        China's schedule 2019–2026 shipped in the library, with each year's notice (a fresh copy).
        """
    @staticmethod
    def from_holiday_cn(paths: collections.abc.Iterable[os.PathLike | str | bytes]) -> Calendar:
        """
        A calendar from holiday-cn JSON files (one per year, e.g. 2026.json). InvalidInputError naming the file for malformed JSON, a bad date, conflicting values or a year loaded twice; FileError for a file that cannot be read.
        """
    @staticmethod
    def range() -> tuple[datetime.date, datetime.date]:
        """
        First and last day the calendar can answer for: (1949-01-01, 2149-12-31).
        """
    def __copy__(self) -> Calendar:
        ...
    def __deepcopy__(self, memo: typing.Any) -> Calendar:
        ...
    def __init__(self) -> None:
        """
        A calendar with no notices: every year unpublished.
        """
    def __repr__(self) -> str:
        ...
    def add_holiday_cn(self, json_text: str, source: str) -> None:
        """
        Adds one holiday-cn JSON document (its text; source names it in errors). All or nothing.
        """
    def add_local(self, date: datetime.date, working: bool, name: str, source: str = 'local rule') -> None:
        """
        Adds a local holiday (working=False) or working day; it wins over the notices. InvalidInputError when the date already has a local rule with the other value.
        """
    @typing.overload
    def add_working_days(self, date: datetime.date, n: typing.SupportsInt | typing.SupportsIndex) -> datetime.date:
        """
        The n-th working day after date (before it for negative n; date itself for 0) — from the make-up Saturday 2026-02-14, one working day later is 2026-02-24.
        """
    @typing.overload
    def add_working_days(self, dates: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date] | datetime.date, n: int | numpy.typing.NDArray[numpy.integer[typing.Any]] | collections.abc.Sequence[int]) -> numpy.typing.NDArray[numpy.datetime64]:
        """
        Vectorised: dates (datetime64 array, sequence of dates, or one date) plus n (an int, or ints broadcast against the dates) as a datetime64[D] array. InvalidInputError when the shapes do not match.
        """
    def add_working_time(self, start: datetime.datetime, amount: datetime.timedelta) -> datetime.datetime:
        """
        The instant at which amount (timedelta, whole seconds) of working time after start has passed: an aware datetime in CST. InvalidInputError for a negative amount.
        """
    def day(self, date: datetime.date) -> DayInfo:
        """
        Everything about one day (DayInfo). NotFoundError for an uncovered day under UnpublishedYears.RAISE.
        """
    def holiday_name(self, date: datetime.date) -> str | None:
        """
        The holiday's name (e.g. 国庆节), also on its make-up working days; None on ordinary days.
        """
    def is_covered(self, date: datetime.date) -> bool:
        """
        True when a loaded notice covers the day (from 29 December on, the next year's notice is needed too).
        """
    def is_published(self, year: typing.SupportsInt | typing.SupportsIndex) -> bool:
        """
        True when the notice for year is loaded.
        """
    @typing.overload
    def is_working_day(self, date: datetime.date) -> bool:
        """
        Is the day a working day.
        """
    @typing.overload
    def is_working_day(self, dates: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date]) -> numpy.typing.NDArray[numpy.bool]:
        """
        Vectorised: a bool array of the dates' shape.
        """
    @typing.overload
    def next_working_day(self, date: datetime.date) -> datetime.date:
        """
        The first working day after date.
        """
    @typing.overload
    def next_working_day(self, dates: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date]) -> numpy.typing.NDArray[numpy.datetime64]:
        """
        Vectorised: a datetime64[D] array.
        """
    @typing.overload
    def previous_working_day(self, date: datetime.date) -> datetime.date:
        """
        The last working day before date.
        """
    @typing.overload
    def previous_working_day(self, dates: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date]) -> numpy.typing.NDArray[numpy.datetime64]:
        """
        Vectorised: a datetime64[D] array.
        """
    def read_local(self, path: os.PathLike | str | bytes) -> None:
        """
        Reads local rules from 'date,working,name' CSV (working: 1/0, true/false, work/off). All or nothing; errors name the file and row.
        """
    @typing.overload
    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """
        Working days in [start, end): start inclusive, end exclusive; negative when end < start.
        """
    @typing.overload
    def working_days_between(self, start: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date], end: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date] | datetime.date) -> numpy.typing.NDArray[numpy.int64]:
        """
        Vectorised: an int64 array; start and end are arrays that broadcast (end may be one date).
        """
    @typing.overload
    def working_days_between(self, start: datetime.date, end: numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date]) -> numpy.typing.NDArray[numpy.int64]:
        """
        Vectorised: from one date to each of an array of dates.
        """
    def working_time_between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.timedelta:
        """
        Working time between two instants (timedelta); negative when end is before start.
        """
    @property
    def notices(self) -> list[HolidayNotice]:
        """
        The notices loaded (copies), by year.
        """
    @property
    def published_years(self) -> list[int]:
        """
        The years whose notices are loaded, ascending.
        """
    @property
    def unpublished(self) -> UnpublishedYears:
        """
        What queries about unpublished years do: UnpublishedYears.RAISE (default) or WEEKDAY_RULE.
        """
    @unpublished.setter
    def unpublished(self, arg1: UnpublishedYears) -> None:
        ...
    @property
    def working_hours(self) -> WorkingHours:
        """
        The working-hours schedule (a copy; default WorkingHours.standard()); assign to change it.
        """
    @working_hours.setter
    def working_hours(self, arg1: WorkingHours) -> None:
        ...
class Deadline:
    """
    A time limit of a closed loop: elapsed time (emergencies), working hours, or working days (due at close of business of the n-th working day after the start's date).
    """
    @staticmethod
    def elapsed(amount: datetime.timedelta) -> Deadline:
        """
        amount (timedelta, whole minutes) of wall-clock time; InvalidInputError unless positive.
        """
    @staticmethod
    def working_days(days: typing.SupportsInt | typing.SupportsIndex) -> Deadline:
        """
        days working days; InvalidInputError unless positive.
        """
    @staticmethod
    def working_hours(amount: datetime.timedelta) -> Deadline:
        """
        amount (timedelta, whole minutes) of working time; InvalidInputError unless positive.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> tuple[DeadlineKind, int]:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        """
        '2 hours', '24 working hours', '7 working days'.
        """
    def due(self, calendar: Calendar, start: datetime.datetime) -> datetime.datetime:
        """
        When a case started at start is due (aware datetime, +08:00).
        """
    def is_overdue(self, calendar: Calendar, start: datetime.datetime, now: datetime.datetime) -> bool:
        """
        True when now is after the due instant.
        """
    def overdue_by(self, calendar: Calendar, start: datetime.datetime, now: datetime.datetime) -> datetime.timedelta:
        """
        How far past due at now, in the deadline's clock; zero when not overdue.
        """
    def remaining(self, calendar: Calendar, start: datetime.datetime, now: datetime.datetime) -> datetime.timedelta:
        """
        Time left at now in the deadline's clock (timedelta); negative when overdue.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        {'kind': 'working_days', 'amount': 7}.
        """
    @property
    def amount(self) -> int:
        """
        Minutes for ELAPSED and WORKING_HOURS deadlines, days for WORKING_DAYS ones.
        """
    @property
    def kind(self) -> DeadlineKind:
        """
        Which clock: DeadlineKind.
        """
def parse_instant(text: str) -> datetime.datetime:
    """
    Parses 'YYYY-MM-DDTHH:MM[:SS]' with an optional 'Z' or '±HH:MM' offset (none: China Standard Time) into an aware datetime in CST. InvalidInputError for anything else.
    """
CHINA_STANDARD_TIME: datetime.timezone
