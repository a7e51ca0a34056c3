"""
KPIs and roll-ups (结案率, 按期结案率, 三率) up the ladder, per grid, matter and time bucket
"""
from __future__ import annotations
import collections
import grassroots._core.analytics
import pandas
import collections.abc
import datetime
import grassroots._core.calendar
import grassroots._core.division
import grassroots._core.grid
import grassroots._core.workflow
from grassroots.analytics import EmptyPeriodWarning
from grassroots.analytics import UndefinedRateWarning
import typing
__all__: list[str] = ['BucketReport', 'CaseTable', 'EmptyPeriodWarning', 'KpiCounts', 'KpiDefinition', 'KpiDiagnostic', 'KpiOptions', 'KpiRates', 'KpiReport', 'KpiRow', 'OnTimeRule', 'PeriodBasis', 'TimeBucket', 'TimeToClose', 'UndefinedRateWarning', 'compute_kpis', 'compute_kpis_by_bucket', 'compute_rates', 'kpi_definition', 'kpi_definitions', 'parse_rating_value']
class PeriodBasis:
    """
    Which cases belong to a period.
    
    Members:
    
      HANDLING_DUE : 应结案: the handling deadline falls in the period
    
      OPENED : 立案: the case was filed in the period
    """
    HANDLING_DUE: typing.ClassVar[PeriodBasis]
    OPENED: typing.ClassVar[PeriodBasis]
    __members__: typing.ClassVar[dict[str, PeriodBasis]]
    @typing.overload
    def __eq__(self, other: PeriodBasis) -> bool:
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
    def __ne__(self, other: PeriodBasis) -> bool:
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
class OnTimeRule:
    """
    When a closed case counts as closed on time (按期).
    
    Members:
    
      BY_HANDLING : 按期处置: handled by the handling deadline, then closed
    
      BY_CLOSING : 按期结案: closed by the handling deadline
    """
    BY_CLOSING: typing.ClassVar[OnTimeRule]
    BY_HANDLING: typing.ClassVar[OnTimeRule]
    __members__: typing.ClassVar[dict[str, OnTimeRule]]
    @typing.overload
    def __eq__(self, other: OnTimeRule) -> bool:
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
    def __ne__(self, other: OnTimeRule) -> bool:
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
class TimeBucket:
    """
    Width of the time buckets of compute_kpis_by_bucket().
    
    Members:
    
      DAY : 日: China Standard Time calendar days
    
      WEEK : 周: Monday-start weeks (as ISO 8601), labelled by their Monday
    
      MONTH : 月: calendar months, labelled by their first day
    """
    DAY: typing.ClassVar[TimeBucket]
    MONTH: typing.ClassVar[TimeBucket]
    WEEK: typing.ClassVar[TimeBucket]
    __members__: typing.ClassVar[dict[str, TimeBucket]]
    @typing.overload
    def __eq__(self, other: TimeBucket) -> bool:
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
    def __ne__(self, other: TimeBucket) -> bool:
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
class KpiDefinition:
    """
    One KPI as published: id, names, formula, source and options.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, id: str, name: str, chinese_name: str, formula: str, source: str, verified: bool = False, options: str = '') -> None:
        """
        A definition (kpi_definitions() lists the library's).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def chinese_name(self) -> str:
        """
        The Chinese term (结案率).
        """
    @property
    def formula(self) -> str:
        """
        The formula over the counts of KpiCounts.
        """
    @property
    def id(self) -> str:
        """
        Stable id ('closure_rate').
        """
    @property
    def name(self) -> str:
        """
        English name.
        """
    @property
    def options(self) -> str:
        """
        The KpiOptions that change it ('' if none).
        """
    @property
    def source(self) -> str:
        """
        Where the definition comes from.
        """
    @property
    def verified(self) -> bool:
        """
        True when the formula was checked against published figures.
        """
class KpiCounts:
    """
    Counts of one report row: the numerators and denominators of every KPI.
    """
    def __add__(self, other: KpiCounts) -> KpiCounts:
        """
        Member-by-member sum.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, cases: typing.SupportsInt | typing.SupportsIndex = 0, deferred: typing.SupportsInt | typing.SupportsIndex = 0, with_deadline: typing.SupportsInt | typing.SupportsIndex = 0, deferred_with_deadline: typing.SupportsInt | typing.SupportsIndex = 0, closed: typing.SupportsInt | typing.SupportsIndex = 0, closed_deferred: typing.SupportsInt | typing.SupportsIndex = 0, closed_after_cutoff: typing.SupportsInt | typing.SupportsIndex = 0, on_time: typing.SupportsInt | typing.SupportsIndex = 0, on_time_deferred: typing.SupportsInt | typing.SupportsIndex = 0, closed_late: typing.SupportsInt | typing.SupportsIndex = 0, overdue_open: typing.SupportsInt | typing.SupportsIndex = 0, rated: typing.SupportsInt | typing.SupportsIndex = 0, responded: typing.SupportsInt | typing.SupportsIndex = 0, resolved: typing.SupportsInt | typing.SupportsIndex = 0, satisfied: typing.SupportsInt | typing.SupportsIndex = 0, reworks: typing.SupportsInt | typing.SupportsIndex = 0, reworked: typing.SupportsInt | typing.SupportsIndex = 0, escalations: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        Counts (all 0 by default).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def cases(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def closed(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def closed_after_cutoff(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def closed_deferred(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def closed_late(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def deferred(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def deferred_with_deadline(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def escalations(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def on_time(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def on_time_deferred(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def overdue_open(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def rated(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def resolved(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def responded(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def reworked(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def reworks(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def satisfied(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
    @property
    def with_deadline(self) -> int:
        """
        A count (see KpiCounts in docs/analytics.md).
        """
class KpiRates:
    """
    The rates of one row; None where the denominator is 0 (never 0).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, closure: typing.SupportsFloat | typing.SupportsIndex | None = None, on_time_closure: typing.SupportsFloat | typing.SupportsIndex | None = None, response: typing.SupportsFloat | typing.SupportsIndex | None = None, resolution: typing.SupportsFloat | typing.SupportsIndex | None = None, satisfaction: typing.SupportsFloat | typing.SupportsIndex | None = None, rework: typing.SupportsFloat | typing.SupportsIndex | None = None, rework_share: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        """
        Rates (None = no denominator).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def closure(self) -> float | None:
        """
        结案率 = closed / cases.
        """
    @property
    def on_time_closure(self) -> float | None:
        """
        按期结案率 = on_time / with_deadline.
        """
    @property
    def resolution(self) -> float | None:
        """
        解决率 = resolved / rated.
        """
    @property
    def response(self) -> float | None:
        """
        响应率 = responded / rated.
        """
    @property
    def rework(self) -> float | None:
        """
        返工率 (rework_rate) = reworks / cases: failed verifications per case.
        """
    @property
    def rework_share(self) -> float | None:
        """
        Share of cases reworked = reworked / cases.
        """
    @property
    def reworks_per_case(self) -> float | None:
        """
        Deprecated: the old name of rework (the KPI rework_rate).
        """
    @property
    def satisfaction(self) -> float | None:
        """
        满意率 = satisfied / rated.
        """
class TimeToClose:
    """
    Time-to-close percentiles of the cases closed before the cut-off (None when none): hours rounded up and capped, working days after the filing day; linear interpolation.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, closed: typing.SupportsInt | typing.SupportsIndex = 0, hours_p50: typing.SupportsFloat | typing.SupportsIndex | None = None, hours_p90: typing.SupportsFloat | typing.SupportsIndex | None = None, hours_p95: typing.SupportsFloat | typing.SupportsIndex | None = None, working_days_p50: typing.SupportsFloat | typing.SupportsIndex | None = None, working_days_p90: typing.SupportsFloat | typing.SupportsIndex | None = None, working_days_p95: typing.SupportsFloat | typing.SupportsIndex | None = None) -> None:
        """
        Percentiles.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def closed(self) -> int:
        """
        Closed cases measured.
        """
    @property
    def hours_p50(self) -> float | None:
        """
        A percentile (None when nothing closed; working days None without a calendar).
        """
    @property
    def hours_p90(self) -> float | None:
        """
        A percentile (None when nothing closed; working days None without a calendar).
        """
    @property
    def hours_p95(self) -> float | None:
        """
        A percentile (None when nothing closed; working days None without a calendar).
        """
    @property
    def working_days_p50(self) -> float | None:
        """
        A percentile (None when nothing closed; working days None without a calendar).
        """
    @property
    def working_days_p90(self) -> float | None:
        """
        A percentile (None when nothing closed; working days None without a calendar).
        """
    @property
    def working_days_p95(self) -> float | None:
        """
        A percentile (None when nothing closed; working days None without a calendar).
        """
class KpiRow:
    """
    One report row: a unit, grid or matter (and a time bucket) with counts and rates.
    """
    def _repr_html_(self) -> str:
        """Counts, rates and time to close as a two-column HTML table (measure, value)."""
    def __repr__(self) -> str:
        """KpiRow(index=…, bucket=…, counts=…, rates=…, time_to_close=…), one part a line, lines wrapped at 100."""
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def bucket(self) -> int | None:
        """
        Time bucket index (BucketReport), None for the whole period.
        """
    @property
    def counts(self) -> KpiCounts:
        """
        Numerators and denominators.
        """
    @property
    def index(self) -> int:
        """
        Unit index (DivisionTree order), grid index or matter index, by the report part.
        """
    @property
    def rates(self) -> KpiRates:
        """
        Rates of counts.
        """
    @property
    def time_to_close(self) -> TimeToClose:
        """
        Percentiles (None in bucket reports).
        """
class KpiOptions:
    """
    What a report counts and how (see docs/analytics.md).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, begin: datetime.datetime | datetime.date, end: datetime.datetime | datetime.date, cutoff: datetime.datetime | datetime.date | None = None, basis: PeriodBasis = ..., on_time: OnTimeRule = ..., exclude_deferred: bool = False, calendar: grassroots._core.calendar.Calendar | None = None, cap_hours: typing.SupportsInt | typing.SupportsIndex = 2160, cap_working_days: typing.SupportsInt | typing.SupportsIndex = 90, percentiles: bool = True, grids: bool = True, matters: bool = True, scope: str | grassroots._core.division.DivisionCode | None = None, levels: collections.abc.Sequence[grassroots._core.division.Level] = []) -> None:
        """
        The period [begin, end) (dates are 00:00 CST; naive datetimes CST). cutoff: cases count as closed when closed before it (default end). calendar (copied): time to close in working days. scope: only cases under this unit. levels: unit rows only at these levels (default all).
        """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def basis(self) -> PeriodBasis:
        """
        Which cases belong to the period.
        """
    @property
    def begin(self) -> datetime.datetime:
        """
        First instant of the period.
        """
    @property
    def calendar(self) -> grassroots._core.calendar.Calendar | None:
        """
        Calendar for working days, or None.
        """
    @property
    def cap_hours(self) -> int:
        """
        Cap of hours to close.
        """
    @property
    def cap_working_days(self) -> int:
        """
        Cap of working days to close.
        """
    @property
    def cutoff(self) -> datetime.datetime | None:
        """
        The cut-off, None = end.
        """
    @property
    def end(self) -> datetime.datetime:
        """
        End of the period (excluded).
        """
    @property
    def exclude_deferred(self) -> bool:
        """
        Deferred cases left out of 结案率 and 按期结案率.
        """
    @property
    def grids(self) -> bool:
        """
        Add grid rows.
        """
    @property
    def levels(self) -> list[grassroots._core.division.Level]:
        """
        Levels of the unit rows ([] = all).
        """
    @property
    def matters(self) -> bool:
        """
        Add matter rows.
        """
    @property
    def on_time(self) -> OnTimeRule:
        """
        When a case is on time.
        """
    @property
    def percentiles(self) -> bool:
        """
        Compute percentiles.
        """
    @property
    def scope(self) -> str | None:
        """
        Only cases under this unit (code), or None.
        """
class CaseTable:
    """
    Cases as columns over one DivisionTree (kept alive by the table): unit, grid, matter, opened_at, handling_due, closed_at, handled_at (int64 seconds since the epoch, UTC; INT64_MIN = NaT = none), closed, deferred, responded, resolved, satisfied, rated, reworks, escalations. Made by from_arrays(), from_pandas(), from_engine() or synthetic(); every row is checked (InvalidInputError naming the row and column).
    """
    def _repr_html_(self) -> str:
        """The first ROWS_SHOWN cases as an HTML table (unit, instants in China Standard Time, closed, grid, matter)."""
    @staticmethod
    def from_pandas(tree: grassroots._core.division.DivisionTree, frame: pandas.DataFrame, grid_codes: typing.Optional[collections.abc.Sequence[str]] = ..., matter_keys: typing.Optional[collections.abc.Sequence[str]] = ...) -> grassroots._core.analytics.CaseTable:
        """A table from a DataFrame whose columns are named as from_arrays' arguments (unit and opened_at required; others optional; extra columns ignored); to_pandas() output reads back."""
    @staticmethod
    def from_arrays(tree: grassroots._core.division.DivisionTree, unit: typing.Any, opened_at: typing.Any, handling_due: typing.Any = ..., closed_at: typing.Any = ..., handled_at: typing.Any = ..., closed: typing.Any = ..., deferred: typing.Any = ..., responded: typing.Any = ..., resolved: typing.Any = ..., satisfied: typing.Any = ..., rated: typing.Any = ..., reworks: typing.Any = ..., escalations: typing.Any = ..., grid: typing.Any = ..., matter: typing.Any = ..., grid_codes: typing.Optional[collections.abc.Sequence[str]] = ..., matter_keys: typing.Optional[collections.abc.Sequence[str]] = ...) -> grassroots._core.analytics.CaseTable:
        """A table from arrays (NumPy, pandas or sequences), one value per case. unit: division codes (str or int). Instants: datetime64 (naive = China Standard Time), tz-aware pandas datetimes, datetime objects (naive = CST) or int seconds since the epoch; NaT/None = none. Flags: bool or 0/1 (give rated with the 三率 flags responded/resolved/satisfied). grid and matter: codes/keys (str, None = none) or, with grid_codes/matter_keys, int indices (-1 = none). closed defaults to 'closed_at is set'. InvalidInputError names the row (1-based) and column."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per case: unit, grid, matter (categoricals of codes), instants (datetime64, Asia/Shanghai, NaT where absent), flags (bool), reworks, escalations. Needs pandas."""
    @staticmethod
    def _from_columns(tree: grassroots._core.division.DivisionTree, columns: dict, grid_codes: collections.abc.Sequence[str], matter_keys: collections.abc.Sequence[str]) -> CaseTable:
        """
        A table from normalised columns (internal; use from_arrays).
        """
    @staticmethod
    def from_engine(engine: grassroots._core.workflow.CaseEngine, tree: grassroots._core.division.DivisionTree, deferred_states: collections.abc.Sequence[str] = ['defer', 'deferred'], responded_field: str = 'responded', resolved_field: str = 'resolved', satisfied_field: str = 'satisfied') -> CaseTable:
        """
        Every case of a CaseEngine, units found in tree: deferred = has been in a state listed in deferred_states; the latest transition carrying a rating field makes the case rated, each field read as yes (yes/true/1/是) or no (no/false/0/否), ASCII case ignored, a missing one as no.
        """
    @staticmethod
    def synthetic(tree: grassroots._core.division.DivisionTree, cases: typing.SupportsInt | typing.SupportsIndex = 100000, year: typing.SupportsInt | typing.SupportsIndex = 2025, seed: typing.SupportsInt | typing.SupportsIndex = 2024, grids: grassroots._core.grid.GridMap | None = None, scope: str | grassroots._core.division.DivisionCode | None = None) -> CaseTable:
        """
        A deterministic synthetic year of cases over the village-level units of tree (the same on every platform for the same arguments); rates near published ones (结案率 ≈ 96 %, 按期结案率 ≈ 89 %). grids: a GridMap (e.g. synthetic_city(...).map) whose grids the cases are filed in, in proportion to their households; without it each unit gets 1–8 made-up grid codes. scope: only the units under this code get cases (NotFoundError if it is not in the tree; None or '' = the whole tree). Placeholder rows such as 350527000000 金门县 get none.
        """
    def __len__(self) -> int:
        """
        Number of cases.
        """
    def __repr__(self) -> str:
        ...
    def columns(self) -> dict[str, typing.Any]:
        """
        Every column as a read-only NumPy view (zero-copy): unit (uint32 index into the tree), grid and matter (int32, -1 = none), instants (int64 seconds since the epoch, INT64_MIN = none), flags (bool), reworks and escalations (int32).
        """
    def memory_bytes(self) -> int:
        """
        Bytes held by the columns and lists.
        """
    @property
    def grid_codes(self) -> list[str]:
        """
        Grid codes, by grid index.
        """
    @property
    def grid_units(self) -> list[str | None]:
        """
        The unit (code) of each grid, None for a grid without cases.
        """
    @property
    def matter_keys(self) -> list[str]:
        """
        Matter keys, by matter index.
        """
    @property
    def tree(self) -> grassroots._core.division.DivisionTree:
        """
        The DivisionTree of the units.
        """
class KpiDiagnostic:
    """
    What a report's numbers alone hide: an empty period or bucket, or undefined rates; compute_kpis issues each as a warning.
    """
    def __repr__(self) -> str:
        ...
    @property
    def count(self) -> int:
        """
        Rows concerned (unit rows, unit × bucket rows, or empty buckets).
        """
    @property
    def kind(self) -> str:
        """
        'empty_period' or 'undefined_rate'.
        """
    @property
    def kpis(self) -> list[str]:
        """
        The KPI ids concerned.
        """
    @property
    def message(self) -> str:
        """
        The warning's text.
        """
    @property
    def units(self) -> list[str]:
        """
        Codes of the first units concerned (at most 5).
        """
class KpiReport:
    """
    KPIs of one period for every unit of the ladder (rolled up in one pass), every grid and every matter type. Keeps its tree alive.
    """
    def _repr_html_(self) -> str:
        """The unit rows as an HTML table (code, name, level and the main KPIs), the first ROWS_SHOWN of them."""
    def to_pandas(self, part: str = ...) -> pandas.DataFrame:
        """One row per unit ('units': code, name, level, parent_code), grid ('grids': code, unit_code) or matter ('matters': key), with every count (int64), rate and percentile (float64, NaN for an empty denominator); codes and levels are categoricals. Needs pandas."""
    def __repr__(self) -> str:
        ...
    def _columns(self, part: str) -> dict[str, typing.Any]:
        """
        Columns for to_pandas() (internal).
        """
    def code(self, row: KpiRow) -> grassroots._core.division.DivisionCode:
        """
        The code of the unit of a unit row.
        """
    def grid(self, code: str) -> KpiRow:
        """
        The row of a grid; NotFoundError.
        """
    def level(self, row: KpiRow) -> grassroots._core.division.Level:
        """
        The level of the unit of a unit row.
        """
    def matter(self, key: str) -> KpiRow:
        """
        The row of a matter; NotFoundError.
        """
    def name(self, row: KpiRow) -> str:
        """
        The name of the unit of a unit row.
        """
    def unit(self, code: str | grassroots._core.division.DivisionCode) -> KpiRow:
        """
        The row of a unit; NotFoundError (also for a unit left out by levels or scope).
        """
    @property
    def cutoff(self) -> datetime.datetime:
        """
        The cut-off used.
        """
    @property
    def diagnostics(self) -> list[KpiDiagnostic]:
        """
        An empty period and unit rows with undefined rates (each also issued as a warning).
        """
    @property
    def grids(self) -> list[KpiRow]:
        """
        Grid rows (index = grid index).
        """
    @property
    def matters(self) -> list[KpiRow]:
        """
        Matter rows (index = matter index).
        """
    @property
    def options(self) -> KpiOptions:
        """
        The options used (a copy).
        """
    @property
    def units(self) -> list[KpiRow]:
        """
        Unit rows in tree order (index = unit index), at the levels asked for.
        """
class BucketReport:
    """
    Counts and rates per unit and time bucket (no percentiles). Keeps its tree alive.
    """
    def _repr_html_(self) -> str:
        """The rows bucket by bucket as an HTML table, the first ROWS_SHOWN of them."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per bucket and unit: bucket_start (datetime64), code, name, level, parent_code (categoricals), counts and rates. Needs pandas."""
    def __repr__(self) -> str:
        ...
    def _columns(self) -> dict[str, typing.Any]:
        """
        Columns for to_pandas() (internal).
        """
    def code(self, row: KpiRow) -> grassroots._core.division.DivisionCode:
        """
        The code of the unit of a row.
        """
    def row(self, code: str | grassroots._core.division.DivisionCode, start: datetime.date) -> KpiRow:
        """
        The row of a unit in the bucket starting on start; NotFoundError.
        """
    def start(self, row: KpiRow) -> datetime.date:
        """
        The first day of the bucket of a row.
        """
    @property
    def bucket(self) -> TimeBucket:
        """
        The bucket width.
        """
    @property
    def cutoff(self) -> datetime.datetime:
        """
        The cut-off used (one for every bucket).
        """
    @property
    def diagnostics(self) -> list[KpiDiagnostic]:
        """
        An empty period or empty buckets, and unit rows with undefined rates (each also issued as a warning).
        """
    @property
    def options(self) -> KpiOptions:
        """
        The options used (a copy).
        """
    @property
    def rows(self) -> list[KpiRow]:
        """
        Rows bucket by bucket, units in tree order within each.
        """
    @property
    def starts(self) -> list[datetime.date]:
        """
        First day (CST) of each bucket; the first may start before the period.
        """
    @property
    def unit_codes(self) -> list[str]:
        """
        Codes of the units of one bucket's rows, in order.
        """
def compute_kpis(table: CaseTable, options: KpiOptions) -> KpiReport:
    """
    KPIs of the period for every unit (counts rolled up the ladder in one pass, then divided), every grid and every matter. InvalidInputError for an empty period, a cap outside 1–65,535, an unknown scope, or a column the options need that no case has (handling_due under the default basis, handled_at under by_handling). EmptyPeriodWarning when no case falls in the period, UndefinedRateWarning for unit rows with cases whose rate has a zero denominator (report.diagnostics lists them).
    """
def compute_kpis_by_bucket(table: CaseTable, options: KpiOptions, bucket: TimeBucket = ...) -> BucketReport:
    """
    Counts and rates per unit (rolled up) and per day, Monday week or month; a case falls in the bucket of its handling deadline (or filing, by options.basis). Errors and warnings as compute_kpis; EmptyPeriodWarning also names the buckets holding no case.
    """
def compute_rates(counts: KpiCounts, exclude_deferred: bool = False) -> KpiRates:
    """
    The rates of counts; exclude_deferred leaves deferred cases out of 结案率 and 按期结案率.
    """
def kpi_definition(id: str) -> KpiDefinition:
    """
    The definition with this id; NotFoundError.
    """
def kpi_definitions() -> list[KpiDefinition]:
    """
    Every KPI the reports compute, in report order.
    """
def parse_rating_value(value: str) -> bool:
    """
    A rating field's value as yes (True) or no (False): yes/true/1/是 or no/false/0/否, ASCII case ignored; InvalidInputError otherwise.
    """
