"""China's working-day calendar (工作日): public holidays, make-up working days (调休), working hours and deadlines."""

from __future__ import annotations

from .._core.calendar import (
    CHINA_STANDARD_TIME,
    Calendar,
    DayInfo,
    DayKind,
    Deadline,
    DeadlineKind,
    HolidayNotice,
    UnpublishedYears,
    WorkingHours,
    parse_instant,
)
from . import _pandas  # noqa: F401 (attaches Calendar.to_pandas)

__all__ = [
    "CHINA_STANDARD_TIME",
    "Calendar",
    "DayInfo",
    "DayKind",
    "Deadline",
    "DeadlineKind",
    "HolidayNotice",
    "UnpublishedYears",
    "WorkingHours",
    "parse_instant",
]
