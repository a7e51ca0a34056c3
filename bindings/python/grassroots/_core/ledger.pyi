"""
The dual ledger (双台账): problems and measures, 销号, reports
"""
from __future__ import annotations
import pandas
import datetime
import grassroots._core.autonomy
import grassroots._core.division
import grassroots._core.workflow
import os
import typing
__all__: list[str] = ['DualLedger', 'LedgerAction', 'LedgerEntry', 'LedgerRefusal', 'LedgerReport', 'LedgerReportRow', 'Measure', 'MeasureStatus', 'OwnerUnit', 'Problem', 'ProblemSource', 'ProblemSourceKind', 'ProblemStatus']
class ProblemStatus:
    """
    Status of a problem of the dual ledger.
    
    Members:
    
      OPEN : 整改中: being rectified
    
      VERIFIED : 已核查: measures done and the result verified
    
      STRUCK_OFF : 已销号: struck off the ledger
    """
    OPEN: typing.ClassVar[ProblemStatus]
    STRUCK_OFF: typing.ClassVar[ProblemStatus]
    VERIFIED: typing.ClassVar[ProblemStatus]
    __members__: typing.ClassVar[dict[str, ProblemStatus]]
    @typing.overload
    def __eq__(self, other: ProblemStatus) -> bool:
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
    def __ne__(self, other: ProblemStatus) -> bool:
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
        整改中, 已核查 or 已销号.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class MeasureStatus:
    """
    Status of a measure of the dual ledger.
    
    Members:
    
      OPEN : 未启动: planned, not started
    
      IN_PROGRESS : 推进中: being carried out (or reopened)
    
      DONE : 已完成: carried out
    """
    DONE: typing.ClassVar[MeasureStatus]
    IN_PROGRESS: typing.ClassVar[MeasureStatus]
    OPEN: typing.ClassVar[MeasureStatus]
    __members__: typing.ClassVar[dict[str, MeasureStatus]]
    @typing.overload
    def __eq__(self, other: MeasureStatus) -> bool:
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
    def __ne__(self, other: MeasureStatus) -> bool:
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
        未启动, 推进中 or 已完成.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class LedgerAction:
    """
    What a history entry of the dual ledger records.
    
    Members:
    
      CREATED : 登记: the item was entered
    
      LINKED : 关联: a problem and a measure were linked
    
      UNLINKED : 取消关联: a link was removed
    
      STARTED : 启动: a measure was started
    
      COMPLETED : 完成: a measure was done
    
      REOPENED : 重新打开: a measure or struck-off problem reopened
    
      VERIFIED : 核查通过: the result was verified
    
      REJECTED : 核查未通过: verification failed
    
      UNVERIFIED : 核查失效: a verified problem's measures changed
    
      STRUCK_OFF : 销号: the problem was struck off
    """
    COMPLETED: typing.ClassVar[LedgerAction]
    CREATED: typing.ClassVar[LedgerAction]
    LINKED: typing.ClassVar[LedgerAction]
    REJECTED: typing.ClassVar[LedgerAction]
    REOPENED: typing.ClassVar[LedgerAction]
    STARTED: typing.ClassVar[LedgerAction]
    STRUCK_OFF: typing.ClassVar[LedgerAction]
    UNLINKED: typing.ClassVar[LedgerAction]
    UNVERIFIED: typing.ClassVar[LedgerAction]
    VERIFIED: typing.ClassVar[LedgerAction]
    __members__: typing.ClassVar[dict[str, LedgerAction]]
    @typing.overload
    def __eq__(self, other: LedgerAction) -> bool:
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
    def __ne__(self, other: LedgerAction) -> bool:
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
        The Chinese term, e.g. 销号.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ProblemSourceKind:
    """
    Where a problem came from.
    
    Members:
    
      DIRECT : 直接登记: entered directly
    
      CONSULTATION : 协商议事: a consultation decision
    
      CASE : 案件: a case of the case engine
    """
    CASE: typing.ClassVar[ProblemSourceKind]
    CONSULTATION: typing.ClassVar[ProblemSourceKind]
    DIRECT: typing.ClassVar[ProblemSourceKind]
    __members__: typing.ClassVar[dict[str, ProblemSourceKind]]
    @typing.overload
    def __eq__(self, other: ProblemSourceKind) -> bool:
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
    def __ne__(self, other: ProblemSourceKind) -> bool:
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
        直接登记, 协商议事 or 案件.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class OwnerUnit:
    """
    The unit that owns an item (责任单位): a division code, a department, or both.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, division: str | grassroots._core.division.DivisionCode | None = None, department: str = '') -> None:
        """
        An owner: division (str or DivisionCode, or None) and/or department.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        """
        '370502 市民政局', '370502' or '市民政局'.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def department(self) -> str:
        """
        The department ('' if none).
        """
    @property
    def division(self) -> grassroots._core.division.DivisionCode | None:
        """
        The division (DivisionCode), or None.
        """
class ProblemSource:
    """
    Where a problem came from: kind and reference.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, kind: ProblemSourceKind = ..., reference: str = '') -> None:
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
    def kind(self) -> ProblemSourceKind:
        """
        Kind of source.
        """
    @property
    def reference(self) -> str:
        """
        'C000012' for a case; '<unit>/<date>/<topic>#<decision>' for a consultation decision.
        """
class LedgerEntry:
    """
    One immutable history entry of a problem or a measure.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, sequence: typing.SupportsInt | typing.SupportsIndex, date: datetime.date, action: LedgerAction, actor: str, note: str = '', other: str = '') -> None:
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
    def action(self) -> LedgerAction:
        """
        What happened.
        """
    @property
    def actor(self) -> str:
        """
        Who did it.
        """
    @property
    def date(self) -> datetime.date:
        """
        When.
        """
    @property
    def note(self) -> str:
        """
        Free text.
        """
    @property
    def other(self) -> str:
        """
        Number of the other item (linked, unlinked, unverified), else ''.
        """
    @property
    def sequence(self) -> int:
        """
        Position in the ledger's journal.
        """
class LedgerRefusal:
    """
    A refused attempt on the ledger (PermissionDenied or RuleViolation): the trace it leaves; repeats in a row are merged with a count.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, date: datetime.date, actor: str, item: str, rule: str, reason: str, count: typing.SupportsInt | typing.SupportsIndex = 1) -> None:
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
    def actor(self) -> str:
        """
        Who tried (normalised).
        """
    @property
    def count(self) -> int:
        """
        How many attempts in a row this entry stands for.
        """
    @property
    def date(self) -> datetime.date:
        """
        Date of the latest such attempt.
        """
    @property
    def item(self) -> str:
        """
        Number of the problem or measure ('P0001').
        """
    @property
    def reason(self) -> str:
        """
        The error's message.
        """
    @property
    def rule(self) -> str:
        """
        Rule id of the RuleViolationError, or 'permission'.
        """
class Problem:
    """
    A problem of the problem ledger (问题台账), as a read-only copy.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def overdue(self, on: datetime.date) -> bool:
        """
        Not struck off and due before that day.
        """
    def struck_off_as_of(self, on: datetime.date) -> bool:
        """
        Struck off at the end of that day.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def due(self) -> datetime.date:
        """
        When it must be struck off.
        """
    @property
    def history(self) -> list[LedgerEntry]:
        """
        Every change, oldest first.
        """
    @property
    def id(self) -> int:
        """
        Dense id (int).
        """
    @property
    def measures(self) -> list[int]:
        """
        Ids of the linked measures, in link order.
        """
    @property
    def number(self) -> str:
        """
        Unique number ('P0001' unless given).
        """
    @property
    def owner(self) -> OwnerUnit:
        """
        Who must solve it.
        """
    @property
    def raised(self) -> datetime.date:
        """
        When it was entered.
        """
    @property
    def reopens(self) -> int:
        """
        Times reopened after 销号.
        """
    @property
    def source(self) -> ProblemSource:
        """
        Where it came from.
        """
    @property
    def status(self) -> ProblemStatus:
        """
        Current status.
        """
    @property
    def struck_off_on(self) -> datetime.date | None:
        """
        Last 销号 (kept after a reopen), or None.
        """
    @property
    def title(self) -> str:
        """
        What the problem is.
        """
class Measure:
    """
    A measure of the measure ledger (措施台账), as a read-only copy.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def done_as_of(self, on: datetime.date) -> bool:
        """
        Done at the end of that day.
        """
    def overdue(self, on: datetime.date) -> bool:
        """
        Not done and due before that day.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def completed_by(self) -> str:
        """
        Who last marked it done.
        """
    @property
    def completed_on(self) -> datetime.date | None:
        """
        When it was last done (kept after a reopen), or None.
        """
    @property
    def created(self) -> datetime.date:
        """
        When it was entered.
        """
    @property
    def due(self) -> datetime.date:
        """
        When it must be done.
        """
    @property
    def history(self) -> list[LedgerEntry]:
        """
        Every change, oldest first.
        """
    @property
    def id(self) -> int:
        """
        Dense id (int).
        """
    @property
    def number(self) -> str:
        """
        Unique number ('M0001' unless given).
        """
    @property
    def owner(self) -> OwnerUnit:
        """
        Who carries it out.
        """
    @property
    def problems(self) -> list[int]:
        """
        Ids of the linked problems, in link order.
        """
    @property
    def responsible(self) -> str:
        """
        The person answering for it (责任人), '' if not named.
        """
    @property
    def status(self) -> MeasureStatus:
        """
        Current status.
        """
    @property
    def title(self) -> str:
        """
        What is to be done.
        """
class LedgerReportRow:
    """
    The counts of one owner unit over a report period.
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
    def measures(self) -> int:
        """
        Measures created on or before the period's end.
        """
    @property
    def measures_done(self) -> int:
        """
        Measures completed within the period.
        """
    @property
    def measures_open(self) -> int:
        """
        Measures not done at the end of the period.
        """
    @property
    def measures_overdue(self) -> int:
        """
        Of those, due before the last day.
        """
    @property
    def open(self) -> int:
        """
        Problems not struck off at the end of the period.
        """
    @property
    def overdue(self) -> int:
        """
        Of those open, due before the period's last day.
        """
    @property
    def problems(self) -> int:
        """
        Problems raised on or before the period's end.
        """
    @property
    def raised(self) -> int:
        """
        Problems raised within the period.
        """
    @property
    def reopened(self) -> int:
        """
        Reopen entries of problems within the period.
        """
    @property
    def struck_off(self) -> int:
        """
        Problems struck off within the period.
        """
    @property
    def unit(self) -> OwnerUnit:
        """
        The owner unit (rolled up when asked).
        """
class LedgerReport:
    """
    Open / overdue / struck-off counts per owner unit over [start, end].
    """
    def _repr_html_(self) -> typing.Optional[str]:
        """The text repr (escaped) over the to_pandas() frame as pandas shows it (escaped, display.max_rows rows at most); None without pandas, so that Jupyter shows the text repr."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per owner unit: division, department and the counts. Needs pandas."""
    def __repr__(self) -> str:
        ...
    @property
    def end(self) -> datetime.date:
        """
        Last day of the period.
        """
    @property
    def rows(self) -> list[LedgerReportRow]:
        """
        One row per owner unit.
        """
    @property
    def start(self) -> datetime.date:
        """
        First day of the period.
        """
    @property
    def total(self) -> LedgerReportRow:
        """
        The sums (unit empty).
        """
class DualLedger:
    """
    The dual ledger (双台账): a problem ledger and a measure ledger linked many-to-many. A problem is struck off (销号) only when every linked measure is done and the result was verified by someone other than the measures' responsible people and closers.
    """
    def history_frame(self) -> pandas.DataFrame:
        """One row per history entry of both ledgers, in journal order. Needs pandas."""
    def links_frame(self) -> pandas.DataFrame:
        """One row per link: problem and measure numbers. Needs pandas."""
    def measures_frame(self, on: typing.Optional[datetime.date] = ...) -> pandas.DataFrame:
        """One row per measure (index: number): title, division, department, responsible, created, due, status, problems, completed_on, completed_by, and overdue when on is given. Needs pandas."""
    def problems_frame(self, on: typing.Optional[datetime.date] = ...) -> pandas.DataFrame:
        """One row per problem (index: number): title, division, department, raised, due, status, source_kind, source_reference, measures, struck_off_on, reopens, and overdue (on that day) when on is given. Needs pandas."""
    @staticmethod
    def parse_csv(problems: str, measures: str, links: str, history: str = '') -> DualLedger:
        """
        Reads the tables back: without history, items and links (every status open); with it, the journal is replayed through the rules. InvalidInputError naming file, row and field.
        """
    @staticmethod
    def read_csv(folder: os.PathLike | str | bytes) -> DualLedger:
        """
        parse_csv() of problems.csv, measures.csv, links.csv and (if present) history.csv in a folder.
        """
    def __init__(self) -> None:
        """
        An empty ledger.
        """
    def __repr__(self) -> str:
        ...
    def add_measure(self, title: str, created: datetime.date, due: datetime.date, actor: str, *, division: str | grassroots._core.division.DivisionCode | None = None, department: str = '', responsible: str = '', number: str = '', note: str = '') -> int:
        """
        Enters a measure; returns its id. The responsible person (责任人) may not verify problems it serves.
        """
    def add_problem(self, title: str, raised: datetime.date, due: datetime.date, actor: str, *, division: str | grassroots._core.division.DivisionCode | None = None, department: str = '', number: str = '', note: str = '', source_kind: ProblemSourceKind = ..., source_reference: str = '') -> int:
        """
        Enters a problem owned by division and/or department; returns its id. InvalidInputError for an empty title or actor, no owner, due before raised, a repeated number or source reference.
        """
    def blocking_measures(self, problem: int) -> list[int]:
        """
        Ids of the linked measures that are not done.
        """
    def complete(self, measure: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Marks a measure done; the actor is its closer.
        """
    def find_measure(self, number: str) -> int:
        """
        The id of a measure number (NotFoundError).
        """
    def find_problem(self, number: str) -> int:
        """
        The id of a problem number (NotFoundError).
        """
    def history_csv(self) -> str:
        """
        history.csv: sequence,ledger,item,date,action,actor,note,other — the journal in order.
        """
    def link(self, problem: int, measure: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Links a problem and a measure (InvalidInputError when already linked).
        """
    def links_csv(self) -> str:
        """
        links.csv: problem,measure,date,actor.
        """
    def measure(self, id: int) -> Measure:
        """
        A copy of measure id (NotFoundError).
        """
    def measures_csv(self) -> str:
        """
        measures.csv: number,title,division,department,responsible,created,due,status.
        """
    def measures_without_problems(self) -> list[int]:
        """
        Ids of measures with no problem.
        """
    def overdue_measures(self, on: datetime.date) -> list[int]:
        """
        Ids of measures overdue on a day.
        """
    def overdue_problems(self, on: datetime.date) -> list[int]:
        """
        Ids of problems overdue on a day.
        """
    def problem(self, id: int) -> Problem:
        """
        A copy of problem id (NotFoundError).
        """
    def problems_csv(self) -> str:
        """
        problems.csv: number,title,division,department,raised,due,source_kind,source_reference,status.
        """
    def problems_without_measures(self) -> list[int]:
        """
        Ids of problems with no measure.
        """
    def raise_from_case(self, engine: grassroots._core.workflow.CaseEngine, case: str | str, raised: datetime.date, due: datetime.date, actor: str, title: str = '') -> int:
        """
        Raises a problem from a case of a grassroots.CaseEngine (case: id or number): its description (or title), its unit and assigned primary unit as owner; source CASE with the case number.
        """
    def raise_from_decision(self, chain: grassroots._core.autonomy.AutonomyChain, meeting: grassroots._core.autonomy.ConsultationMeeting, decision: typing.SupportsInt | typing.SupportsIndex, raised: datetime.date, actor: str, department: str = '') -> int:
        """
        Raises a problem from a consultation decision: its text and due date, the chain's unit as owner. InvalidInputError for a cancelled decision, one raised before, or a date before the meeting.
        """
    def refusals(self) -> list[LedgerRefusal]:
        """
        The refused attempts kept (LedgerRefusal), oldest first.
        """
    def reopen_measure(self, measure: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Reopens a done measure; verified problems it serves become open again.
        """
    def reopen_problem(self, problem: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Reopens a struck-off problem (recorded; counted in Problem.reopens).
        """
    def report(self, start: datetime.date, end: datetime.date, roll_up: grassroots._core.division.Level | None = None) -> LedgerReport:
        """
        Counts per owner unit over [start, end], from the histories; roll_up (a Level) replaces deeper division codes by their ancestor at that level. InvalidInputError when end is before start.
        """
    def start(self, measure: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Starts a measure (open → in_progress).
        """
    def strike_off(self, problem: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Strikes a verified problem off (销号); RuleViolationError naming the blocking measures otherwise.
        """
    def unlink(self, problem: int, measure: int, date: datetime.date, actor: str, note: str = '') -> None:
        """
        Removes a link (InvalidInputError when not linked).
        """
    def verify(self, problem: int, date: datetime.date, actor: str, passed: bool = True, note: str = '') -> None:
        """
        Records the verification (核查) of a problem's result. RuleViolationError when measures are missing or not done; PermissionDeniedError when the verifier is a linked measure's responsible person or closer.
        """
    def write_csv(self, folder: os.PathLike | str | bytes) -> None:
        """
        Writes the four tables into a folder.
        """
    @property
    def measures(self) -> list[Measure]:
        """
        Every measure (copies), by id.
        """
    @property
    def problems(self) -> list[Problem]:
        """
        Every problem (copies), by id.
        """
    @property
    def refusal_limit(self) -> int:
        """
        At most how many refusal entries are kept (default 1000); setting it drops the oldest beyond it.
        """
    @refusal_limit.setter
    def refusal_limit(self, arg1: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def refusals_dropped(self) -> int:
        """
        Number of refused attempts dropped from refusals() to keep it within refusal_limit.
        """
