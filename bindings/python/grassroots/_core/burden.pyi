"""
The burden ledger (减负台账, 小马拉大车) and the burden index
"""
from __future__ import annotations
import pandas
import collections.abc
import datetime
import grassroots._core.division
import typing
__all__: list[str] = ['BurdenChange', 'BurdenComparison', 'BurdenIndexRow', 'BurdenItem', 'BurdenKind', 'BurdenKindChange', 'BurdenLedger', 'BurdenStatus', 'BurdenWeights']
class BurdenKind:
    """
    Kinds of burden a village-level unit carries (小马拉大车).
    
    Members:
    
      PLAQUE : 挂牌: a plaque hung at the unit (quantity: plaques)
    
      CERTIFICATE : 证明事项: a type of certificate the unit issues (quantity: types)
    
      MEETING : 会议: a meeting to attend or hold (quantity: meetings a year)
    
      INSPECTION : 督查检查: an inspection or check (quantity: times a year)
    
      REPORTING_APP : 政务APP: an app or reporting system (填报系统) to report in (quantity: apps)
    
      ACCOUNT : 政务新媒体账号: a government new-media account (quantity: accounts)
    
      PUSHED_TASK : 摊派任务: a task pushed down by a department (quantity: tasks a year)
    """
    ACCOUNT: typing.ClassVar[BurdenKind]
    CERTIFICATE: typing.ClassVar[BurdenKind]
    INSPECTION: typing.ClassVar[BurdenKind]
    MEETING: typing.ClassVar[BurdenKind]
    PLAQUE: typing.ClassVar[BurdenKind]
    PUSHED_TASK: typing.ClassVar[BurdenKind]
    REPORTING_APP: typing.ClassVar[BurdenKind]
    __members__: typing.ClassVar[dict[str, BurdenKind]]
    @typing.overload
    def __eq__(self, other: BurdenKind) -> bool:
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
    def __ne__(self, other: BurdenKind) -> bool:
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
        The Chinese term, e.g. 挂牌.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class BurdenStatus:
    """
    Status of a burden item.
    
    Members:
    
      ALLOWED : 保留: allowed to stay
    
      TO_REMOVE : 拟清理: flagged for removal, still in force
    
      REMOVED : 已清理: removed
    """
    ALLOWED: typing.ClassVar[BurdenStatus]
    REMOVED: typing.ClassVar[BurdenStatus]
    TO_REMOVE: typing.ClassVar[BurdenStatus]
    __members__: typing.ClassVar[dict[str, BurdenStatus]]
    @typing.overload
    def __eq__(self, other: BurdenStatus) -> bool:
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
    def __ne__(self, other: BurdenStatus) -> bool:
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
        保留, 拟清理 or 已清理.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class BurdenItem:
    """
    One item of a unit's burden ledger (a read-only copy).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def in_force(self, on: datetime.date) -> bool:
        """
        Added on or before that day and not removed by then.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def added(self) -> datetime.date:
        """
        When it came into force.
        """
    @property
    def flagged(self) -> datetime.date | None:
        """
        When it was flagged for removal, or None.
        """
    @property
    def id(self) -> int:
        """
        Dense id (int).
        """
    @property
    def kind(self) -> BurdenKind:
        """
        What it is.
        """
    @property
    def name(self) -> str:
        """
        What it is called.
        """
    @property
    def note(self) -> str:
        """
        Free text (latest note).
        """
    @property
    def quantity(self) -> int:
        """
        Counted quantity: plaques, meetings a year, ….
        """
    @property
    def removed(self) -> datetime.date | None:
        """
        When it was removed, or None.
        """
    @property
    def source_department(self) -> str:
        """
        Who put it there ('' if unknown).
        """
    @property
    def status(self) -> BurdenStatus:
        """
        Current status.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The village-level unit carrying it (DivisionCode).
        """
class BurdenWeights:
    """
    Weights per kind for the burden index. The defaults (plaque 1, certificate type 2, meeting a year 0.5, inspection a year 1, reporting app 3, account 2, pushed task 2) are unverified placeholders; set your own.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def defaults() -> BurdenWeights:
        """
        The default weights (unverified placeholders).
        """
    def __eq__(self, other: typing.Any) -> typing.Any:
        ...
    def __getitem__(self, kind: BurdenKind) -> float:
        ...
    def __init__(self, weights: collections.abc.Mapping[BurdenKind, typing.SupportsFloat | typing.SupportsIndex] | None = None, source: str | None = None) -> None:
        """
        The defaults, with the given kinds replaced (InvalidInputError for a negative weight).
        """
    def __repr__(self) -> str:
        ...
    def __setitem__(self, kind: BurdenKind, weight: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def set(self, kind: BurdenKind, weight: typing.SupportsFloat | typing.SupportsIndex) -> None:
        """
        Sets the weight of a kind (InvalidInputError for a negative or non-finite weight).
        """
    def to_dict(self) -> dict[str, float]:
        """
        {kind name: weight}.
        """
    @property
    def source(self) -> str:
        """
        Where the weights come from.
        """
    @source.setter
    def source(self, arg0: str) -> None:
        ...
class BurdenIndexRow:
    """
    The burden of one unit on one day.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def index(self) -> float | None:
        """
        weighted / staff, or None without a staff count.
        """
    @property
    def items(self) -> int:
        """
        Items in force.
        """
    @property
    def quantity(self) -> dict[BurdenKind, int]:
        """
        Quantity in force per kind.
        """
    @property
    def staff(self) -> int | None:
        """
        Staff members, or None when not known.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit (DivisionCode).
        """
    @property
    def weighted(self) -> float:
        """
        Σ weight(kind) × quantity.
        """
class BurdenChange:
    """
    One unit's burden on two days.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def added(self) -> int:
        """
        Items added after the first day, up to the second.
        """
    @property
    def change(self) -> float:
        """
        weighted_after − weighted_before.
        """
    @property
    def index_after(self) -> float | None:
        """
        Index on the second day, or None.
        """
    @property
    def index_before(self) -> float | None:
        """
        Index on the first day, or None.
        """
    @property
    def items_after(self) -> int:
        """
        Items in force on the second day.
        """
    @property
    def items_before(self) -> int:
        """
        Items in force on the first day.
        """
    @property
    def removed(self) -> int:
        """
        Items removed after the first day, up to the second.
        """
    @property
    def staff(self) -> int | None:
        """
        Staff members, or None.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit (DivisionCode).
        """
    @property
    def weighted_after(self) -> float:
        """
        Weighted burden on the second day.
        """
    @property
    def weighted_before(self) -> float:
        """
        Weighted burden on the first day.
        """
class BurdenKindChange:
    """
    Quantities of one kind on two days (after = before + added − removed).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def added(self) -> int:
        """
        Quantity added in between.
        """
    @property
    def after(self) -> int:
        """
        Quantity in force on the second day.
        """
    @property
    def before(self) -> int:
        """
        Quantity in force on the first day.
        """
    @property
    def kind(self) -> BurdenKind:
        """
        The kind.
        """
    @property
    def removed(self) -> int:
        """
        Quantity removed in between.
        """
class BurdenComparison:
    """
    Before/after comparison of the burden across two days (减负成效).
    """
    def _repr_html_(self) -> typing.Optional[str]:
        """The text repr (escaped) over the to_pandas() frame as pandas shows it (escaped, display.max_rows rows at most); None without pandas, so that Jupyter shows the text repr."""
    def kinds_frame(self) -> pandas.DataFrame:
        """One row per kind (index: kind, categorical): before, after, added, removed. Needs pandas."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per unit (index: unit code): staff, weighted and index before and after, change, items, added, removed. Needs pandas."""
    def __repr__(self) -> str:
        ...
    def kind(self, kind: BurdenKind) -> BurdenKindChange:
        """
        The change of one kind.
        """
    @property
    def after(self) -> datetime.date:
        """
        The second day.
        """
    @property
    def before(self) -> datetime.date:
        """
        The first day.
        """
    @property
    def kinds(self) -> list[BurdenKindChange]:
        """
        One per kind, in kind order.
        """
    @property
    def units(self) -> list[BurdenChange]:
        """
        One per unit, in code order.
        """
class BurdenLedger:
    """
    The burden ledgers (减负台账) of village-level units with their staff counts: plaques, certificates, meetings, inspections, apps, accounts and pushed-down tasks, each allowed, to remove or removed; the burden index is weighted quantity in force per staff member.
    """
    def index_frame(self, on: datetime.date, within: typing.Union[str, grassroots._core.division.DivisionCode, None] = ...) -> pandas.DataFrame:
        """One row per unit (index: unit code): staff, items, one quantity column per kind, weighted, index. Needs pandas."""
    def items_frame(self, on: typing.Optional[datetime.date] = ...) -> pandas.DataFrame:
        """One row per item (index: id): unit, kind, name, source_department (categoricals), quantity, status, added, flagged, removed (datetimes), note, and in_force (on that day) when on is given. Needs pandas."""
    @staticmethod
    def parse_csv(items: str, staff: str = '', weights: BurdenWeights | None = None) -> BurdenLedger:
        """
        Reads items.csv and staff.csv text back (kinds and statuses in English or Chinese); InvalidInputError naming file, row and field.
        """
    def __init__(self, weights: BurdenWeights | None = None) -> None:
        """
        An empty ledger (default weights unless given).
        """
    def __repr__(self) -> str:
        ...
    def add(self, unit: str | grassroots._core.division.DivisionCode, kind: BurdenKind, name: str, added: datetime.date, *, quantity: typing.SupportsInt | typing.SupportsIndex = 1, source_department: str = '', note: str = '') -> int:
        """
        Adds an item (allowed); returns its id. InvalidInputError for a unit above village level, an empty name, a quantity below 1.
        """
    def compare(self, before: datetime.date, after: datetime.date, within: str | grassroots._core.division.DivisionCode | None = None) -> BurdenComparison:
        """
        What was in force on each day, per unit and per kind (InvalidInputError when after is before before).
        """
    def flag(self, item: int, date: datetime.date, note: str = '') -> None:
        """
        Flags an allowed item for removal (→ to_remove).
        """
    def index(self, on: datetime.date, within: str | grassroots._core.division.DivisionCode | None = None) -> list[BurdenIndexRow]:
        """
        The index of every unit on a day (in code order); within: only that division's subtree.
        """
    def index_of(self, unit: str | grassroots._core.division.DivisionCode, on: datetime.date) -> BurdenIndexRow:
        """
        The index of one unit on a day.
        """
    def item(self, id: int) -> BurdenItem:
        """
        A copy of item id (NotFoundError).
        """
    def items_csv(self) -> str:
        """
        items.csv: unit,kind,name,source_department,quantity,status,added,flagged,removed,note.
        """
    def items_of(self, unit: str | grassroots._core.division.DivisionCode) -> list[int]:
        """
        Ids of the items of a unit.
        """
    def keep(self, item: int, date: datetime.date, note: str = '') -> None:
        """
        Takes the flag off a to_remove item (→ allowed).
        """
    def remove(self, item: int, date: datetime.date, note: str = '') -> None:
        """
        Removes an item (→ removed; not in force from that day).
        """
    def set_staff(self, unit: str | grassroots._core.division.DivisionCode, staff: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Sets the staff count of a village-level unit (InvalidInputError above village level or below 1).
        """
    def staff(self, unit: str | grassroots._core.division.DivisionCode) -> int | None:
        """
        The staff count of a unit, or None.
        """
    def staff_csv(self) -> str:
        """
        staff.csv: unit,staff.
        """
    def top(self, on: datetime.date, n: typing.SupportsInt | typing.SupportsIndex = 10, within: str | grassroots._core.division.DivisionCode | None = None) -> list[BurdenIndexRow]:
        """
        The n units with the highest index on a day (units without a staff count left out).
        """
    def units(self) -> list[grassroots._core.division.DivisionCode]:
        """
        Every unit with items or a staff count, in code order.
        """
    @property
    def items(self) -> list[BurdenItem]:
        """
        Every item (copies), by id.
        """
    @property
    def staff_counts(self) -> dict[grassroots._core.division.DivisionCode, int]:
        """
        {DivisionCode: staff count}.
        """
    @property
    def weights(self) -> BurdenWeights:
        """
        The kind weights (a copy; assign to replace).
        """
    @weights.setter
    def weights(self, arg1: BurdenWeights) -> None:
        ...
