"""
Closed-loop workflow definitions (闭环流程): states, transitions, deadlines
"""
from __future__ import annotations
import pandas
import collections.abc
import datetime
import grassroots._core.calendar
import grassroots._core.division
import grassroots._core.grid
import os
import typing
__all__: list[str] = ['Actor', 'Assignment', 'Attachment', 'BreachAction', 'CaseEngine', 'CaseInput', 'CaseState', 'Duty', 'EngineOptions', 'Event', 'EventKind', 'EventRecord', 'Field', 'HotlineKind', 'MatterCatalogue', 'MatterClass', 'MatterCodeLayout', 'MatterCodeSegment', 'MatterType', 'Priority', 'RESIDENT_ROLE', 'ResponsibilityEntry', 'ResponsibilityList', 'Rung', 'StateDefinition', 'TransitionDefinition', 'WorkflowDefinition', 'WorkflowRegistry', 'explore_pilot', 'five_step', 'hotline_12345', 'normalize_identifier', 'rung_of', 'urban_management', 'whistle']
class BreachAction:
    """
    What happens when a state's deadline is breached.
    
    Members:
    
      ESCALATE : 督办: escalate one rung up the hierarchy
    
      URGE : 催办: urge the handler
    
      NOTIFY : 通知: notify the parties
    """
    ESCALATE: typing.ClassVar[BreachAction]
    NOTIFY: typing.ClassVar[BreachAction]
    URGE: typing.ClassVar[BreachAction]
    __members__: typing.ClassVar[dict[str, BreachAction]]
    @typing.overload
    def __eq__(self, other: BreachAction) -> bool:
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
    def __ne__(self, other: BreachAction) -> bool:
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
class Duty:
    """
    The duty a transition performs, which the case engine uses for routing and separation of duties.
    
    Members:
    
      NONE : 无: no special duty
    
      DISPATCH : 派遣: routes the case to the unit responsible (responsibility list)
    
      HANDLE : 处置: the actor becomes the case's handler
    
      VERIFY : 核查: verification, never by the handler; a rework transition is a failed one
    """
    DISPATCH: typing.ClassVar[Duty]
    HANDLE: typing.ClassVar[Duty]
    NONE: typing.ClassVar[Duty]
    VERIFY: typing.ClassVar[Duty]
    __members__: typing.ClassVar[dict[str, Duty]]
    @typing.overload
    def __eq__(self, other: Duty) -> bool:
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
    def __ne__(self, other: Duty) -> bool:
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
        无, 派遣, 处置 or 核查.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class HotlineKind:
    """
    Kinds of 12345 hotline request, each with its own handling limit.
    
    Members:
    
      EMERGENCY : 紧急: 2 hours elapsed
    
      UTILITIES : water, power, gas, heating: 24 hours elapsed
    
      GENERAL : 一般: 7 working days
    
      COMPLEX : 疑难复杂: 15 working days
    """
    COMPLEX: typing.ClassVar[HotlineKind]
    EMERGENCY: typing.ClassVar[HotlineKind]
    GENERAL: typing.ClassVar[HotlineKind]
    UTILITIES: typing.ClassVar[HotlineKind]
    __members__: typing.ClassVar[dict[str, HotlineKind]]
    @typing.overload
    def __eq__(self, other: HotlineKind) -> bool:
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
    def __ne__(self, other: HotlineKind) -> bool:
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
class StateDefinition:
    """
    One state of a closed loop.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, id: str, name: str, closed: bool = False, deadline: grassroots._core.calendar.Deadline | None = None, on_breach: collections.abc.Sequence[BreachAction] = [], starts_clock: bool = False) -> None:
        """
        A state; a closed (final) state has no deadline, breach actions or way out.
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
    def closed(self) -> bool:
        """
        True for final states.
        """
    @property
    def deadline(self) -> grassroots._core.calendar.Deadline | None:
        """
        Time allowed in this state (a Deadline), or None.
        """
    @property
    def id(self) -> str:
        """
        Stable identifier ('dispatch').
        """
    @property
    def name(self) -> str:
        """
        Display name ('任务派遣').
        """
    @property
    def on_breach(self) -> list[BreachAction]:
        """
        Actions taken when the deadline is breached.
        """
    @property
    def starts_clock(self) -> bool:
        """
        True when entering this state starts the case clock.
        """
class TransitionDefinition:
    """
    An allowed move from one state to another and who may take it.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, id: str, from_state: str, to_state: str, roles: collections.abc.Sequence[str], required_fields: collections.abc.Sequence[str] = [], rework: bool = False, duty: Duty = ...) -> None:
        """
        A transition from state from_state to state to_state, allowed to roles (at least one). duty says what the case engine does with it (DISPATCH routes, HANDLE records the handler, VERIFY checks separation of duties; a rework transition may only have duty VERIFY or NONE).
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
    def duty(self) -> Duty:
        """
        What the move does for routing and separation of duties (Duty).
        """
    @property
    def from_state(self) -> str:
        """
        Id of the source state.
        """
    @property
    def id(self) -> str:
        """
        Stable identifier ('dispatch').
        """
    @property
    def required_fields(self) -> list[str]:
        """
        Fields the actor must fill in.
        """
    @property
    def rework(self) -> bool:
        """
        True when the move sends work back (返工).
        """
    @property
    def roles(self) -> list[str]:
        """
        Roles allowed to take the transition.
        """
    @property
    def to_state(self) -> str:
        """
        Id of the target state.
        """
class WorkflowDefinition:
    """
    A validated, versioned closed-loop definition.
    """
    def _repr_svg_(self) -> typing.Optional[str]:
        """The state diagram (to_dot() drawn by Graphviz), or None without Graphviz."""
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def from_json(text: str, source: str = '<text>') -> WorkflowDefinition:
        """
        Reads a definition from JSON; errors name source and the JSON path.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    def __init__(self, id: str, version: typing.SupportsInt | typing.SupportsIndex, title: str, initial: str, states: collections.abc.Sequence[StateDefinition], transitions: collections.abc.Sequence[TransitionDefinition], reopen_to: str = '') -> None:
        """
        Builds and validates a definition; raises InvalidInputError naming the first problem. reopen_to is the open state a reopened case returns to ('' = the first state that starts the clock, else the initial state).
        """
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def state(self, id: str) -> StateDefinition:
        """
        The state with this id; raises NotFoundError.
        """
    def to_dot(self) -> str:
        """
        A Graphviz digraph: closed states double circles, rework edges dashed.
        """
    def to_json(self) -> str:
        """
        The definition as JSON (the format from_json reads).
        """
    def transition(self, id: str) -> TransitionDefinition:
        """
        The transition with this id; raises NotFoundError.
        """
    def transitions_from(self, state: str) -> list[TransitionDefinition]:
        """
        The transitions leaving this state, in declaration order (empty if none).
        """
    @property
    def has_verification(self) -> bool:
        """
        True when some transition has Duty.VERIFY (then closing needs a passed verification).
        """
    @property
    def id(self) -> str:
        """
        Loop id.
        """
    @property
    def initial(self) -> str:
        """
        Initial state id.
        """
    @property
    def reopen_to(self) -> str:
        """
        Id of the state a reopened case returns to (resolved when the definition is built).
        """
    @property
    def states(self) -> list[StateDefinition]:
        """
        All states in declaration order.
        """
    @property
    def title(self) -> str:
        """
        Display title.
        """
    @property
    def transitions(self) -> list[TransitionDefinition]:
        """
        All transitions in declaration order.
        """
    @property
    def version(self) -> int:
        """
        Version, from 1.
        """
class WorkflowRegistry:
    """
    Definitions by id and version; a running case stays on the version it started with. Listings and iteration are in the order the definitions were added.
    """
    def __contains__(self, key: str | tuple[str, typing.SupportsInt | typing.SupportsIndex]) -> bool:
        """
        'id' in registry: some version of id; ('id', version) in registry: that version.
        """
    def __init__(self) -> None:
        """
        An empty registry.
        """
    def __iter__(self) -> collections.abc.Iterator[WorkflowDefinition]:
        """
        Iterates over the definitions (copies) in the order added.
        """
    def __len__(self) -> int:
        """
        The number of definitions (all ids and versions).
        """
    def __repr__(self) -> str:
        ...
    def add(self, definition: WorkflowDefinition) -> None:
        """
        Adds a definition; raises InvalidInputError if its id and version are already present.
        """
    def get(self, id: str, version: typing.SupportsInt | typing.SupportsIndex) -> WorkflowDefinition:
        """
        The definition id at version (a copy); raises NotFoundError.
        """
    def latest(self, id: str) -> WorkflowDefinition:
        """
        The highest version of id (a copy); raises NotFoundError.
        """
    def versions(self, id: str) -> list[int]:
        """
        The versions of id, lowest first (empty when there is none).
        """
    @property
    def entries(self) -> list[tuple[str, int]]:
        """
        (id, version) of every definition, in the order added.
        """
    @property
    def ids(self) -> list[str]:
        """
        Every id once, in the order its first version was added.
        """
class MatterClass:
    """
    Component or event; components route owner first, events territory first.
    
    Members:
    
      COMPONENT : 部件: a managed object with an owner (权属单位)
    
      EVENT : 事件: something that happens in a place
    """
    COMPONENT: typing.ClassVar[MatterClass]
    EVENT: typing.ClassVar[MatterClass]
    __members__: typing.ClassVar[dict[str, MatterClass]]
    @typing.overload
    def __eq__(self, other: MatterClass) -> bool:
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
    def __ne__(self, other: MatterClass) -> bool:
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
        部件 or 事件.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class MatterCodeSegment:
    """
    One segment of a matter code: name and width.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, width: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        A segment of width digits (the layout checks 1–4).
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
    def name(self) -> str:
        """
        e.g. 'major', 'minor'.
        """
    @property
    def width(self) -> int:
        """
        Digits (1–4).
        """
class MatterCodeLayout:
    """
    How matter codes are written: digit segments from the most general class down.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def urban_standard() -> MatterCodeLayout:
        """
        Major class 2 digits + minor class 2 digits ('0101'), as in GB/T 30428.2.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, name: str, segments: collections.abc.Sequence[MatterCodeSegment]) -> None:
        """
        A layout; InvalidInputError for an empty name, no segments, an unnamed segment, a width outside 1–4 or more than 12 digits in all.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def check(self, code: str) -> None:
        """
        Raises InvalidInputError naming the segment when code is not all digits of the layout's length.
        """
    def segment(self, code: str, index: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        The digits of segment index of a code (e.g. the major class '01').
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def length(self) -> int:
        """
        Total digits.
        """
    @property
    def name(self) -> str:
        """
        e.g. 'major-minor'.
        """
    @property
    def segments(self) -> list[MatterCodeSegment]:
        """
        The segments.
        """
class MatterType:
    """
    One matter type (事项) of a catalogue.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, matter_class: MatterClass, code: str, name: str, category: str = '', workflow: str = '', owner: str = '') -> None:
        """
        A type; the catalogue checks the code and name when it is added.
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
    def category(self) -> str:
        """
        Major class name, e.g. 公用设施.
        """
    @property
    def code(self) -> str:
        """
        Code in the catalogue's layout ('0101').
        """
    @property
    def key(self) -> str:
        """
        'component:0101' or 'event:0101': unique in a catalogue, used by lists.
        """
    @property
    def matter_class(self) -> MatterClass:
        """
        COMPONENT or EVENT.
        """
    @property
    def name(self) -> str:
        """
        e.g. 上水井盖, 占道经营.
        """
    @property
    def owner(self) -> str:
        """
        Default owner unit of a component (权属单位), '' if none.
        """
    @property
    def workflow(self) -> str:
        """
        Id of the loop cases of this type run on ('' = caller chooses).
        """
class MatterCatalogue:
    """
    Matter types by class and code, in one code layout.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """One row per type: key, class and category (categoricals), code, name, workflow, owner."""
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def parse_csv(text: str, source: str = '<text>', layout: MatterCodeLayout | None = None) -> MatterCatalogue:
        """
        Reads CSV with header class,code,name,category,workflow,owner; errors name source, row and field.
        """
    @staticmethod
    def read_csv(file: os.PathLike | str | bytes, layout: MatterCodeLayout | None = None) -> MatterCatalogue:
        """
        parse_csv() of a file; FileError when it cannot be read.
        """
    @staticmethod
    def urban_sample() -> MatterCatalogue:
        """
        A sample of urban-management components and events in the GB/T 30428.2 layout (illustrative; load a city's own catalogue for real work).
        """
    def __contains__(self, key: str) -> bool:
        ...
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getitem__(self, key: str) -> MatterType:
        ...
    def __getstate__(self) -> tuple[str, MatterCodeLayout]:
        ...
    def __init__(self, layout: MatterCodeLayout | None = None) -> None:
        """
        An empty catalogue (default layout: MatterCodeLayout.urban_standard()).
        """
    def __iter__(self) -> collections.abc.Iterator[MatterType]:
        """
        Iterates over the types in the order added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def add(self, matter_type: MatterType) -> None:
        """
        Adds a type; InvalidInputError (adding nothing) for a code not in the layout, an empty name or a key already present.
        """
    def at(self, key: str) -> MatterType:
        """
        The type with key ('event:0102'); NotFoundError, or InvalidInputError for a malformed key.
        """
    def find(self, key: str) -> MatterType | None:
        """
        The type with key, or None.
        """
    def to_csv(self) -> str:
        """
        The CSV that parse_csv() reads.
        """
    @property
    def layout(self) -> MatterCodeLayout:
        """
        The code layout.
        """
    @property
    def types(self) -> list[MatterType]:
        """
        All types in the order added.
        """
class Rung:
    """
    A rung of the escalation ladder: grid → community → township → county → city.
    
    Members:
    
      GRID : 网格: a grid inside a community or village
    
      COMMUNITY : 社区/村: village-level unit
    
      TOWNSHIP : 乡镇/街道: township or subdistrict
    
      COUNTY : 县/区: county or district
    
      CITY : 市: prefecture level
    """
    CITY: typing.ClassVar[Rung]
    COMMUNITY: typing.ClassVar[Rung]
    COUNTY: typing.ClassVar[Rung]
    GRID: typing.ClassVar[Rung]
    TOWNSHIP: typing.ClassVar[Rung]
    __members__: typing.ClassVar[dict[str, Rung]]
    @typing.overload
    def __eq__(self, other: Rung) -> bool:
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
    def __ne__(self, other: Rung) -> bool:
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
        网格, 社区/村, 乡镇/街道, 县/区 or 市.
        """
    @property
    def division_level(self) -> grassroots._core.division.Level:
        """
        The division Level of the rung (GRID and COMMUNITY: VILLAGE, CITY: PREFECTURE).
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ResponsibilityEntry:
    """
    One row of a responsibility list.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, matter: str, rung: Rung, primary: str, cooperating: collections.abc.Sequence[str] = [], scope: str | grassroots._core.division.DivisionCode | None = None, source: str = '') -> None:
        """
        A row: primary unit (主体责任) and cooperating units (配合责任) for matter at rung, within the subtree of scope (str or DivisionCode; None = everywhere). The list checks it when it is added.
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
    def cooperating(self) -> list[str]:
        """
        配合责任单位.
        """
    @property
    def matter(self) -> str:
        """
        Matter key ('event:0102').
        """
    @property
    def primary(self) -> str:
        """
        主体责任单位 (exactly one).
        """
    @property
    def rung(self) -> Rung:
        """
        Rung of the ladder the row is for.
        """
    @property
    def scope(self) -> grassroots._core.division.DivisionCode | None:
        """
        Applies within this unit's subtree (DivisionCode); None = everywhere.
        """
    @property
    def source(self) -> str:
        """
        Which list, e.g. 《"属地管理"事项主体责任和配合责任清单》.
        """
class Assignment:
    """
    Where a case is routed: its primary unit and cooperators, and why.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, primary: str, cooperating: collections.abc.Sequence[str], rung: Rung, territory: str, basis: str, routed_primary: str = '') -> None:
        """
        An assignment (as route() returns).
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
    def basis(self) -> str:
        """
        In words: which rule chose the primary.
        """
    @property
    def cooperating(self) -> list[str]:
        """
        Units that must cooperate.
        """
    @property
    def primary(self) -> str:
        """
        The unit that must handle the case.
        """
    @property
    def routed_primary(self) -> str:
        """
        The primary the responsibility list named when the dispatcher re-assigned the case to another unit (EngineOptions.allow_dispatch_override); '' when the primary is the routed one.
        """
    @property
    def rung(self) -> Rung:
        """
        Rung of the ladder the case sits on.
        """
    @property
    def territory(self) -> str:
        """
        Code of the territorial unit at that rung (grid or division code).
        """
class ResponsibilityList:
    """
    A validated responsibility list (属地管理 list): per matter and rung one primary unit and any cooperating units, optionally within one division's subtree.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """One row per entry: matter, rung (ordered categorical), scope, primary, cooperating (';'-joined), source."""
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def parse_csv(text: str, source: str = '<text>') -> ResponsibilityList:
        """
        Reads CSV with header matter,rung,scope,primary,cooperating,source (cooperating separated by ';', scope empty = everywhere); errors name source, row and field.
        """
    @staticmethod
    def read_csv(file: os.PathLike | str | bytes) -> ResponsibilityList:
        """
        parse_csv() of a file; FileError when it cannot be read.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> str:
        ...
    def __init__(self) -> None:
        """
        An empty list.
        """
    def __iter__(self) -> collections.abc.Iterator[ResponsibilityEntry]:
        """
        Iterates over the rows in the order added.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: str) -> None:
        ...
    def add(self, entry: ResponsibilityEntry) -> None:
        """
        Adds a row; InvalidInputError (adding nothing) for an empty matter or primary, an empty or repeated cooperator, the primary also cooperating, or a second primary for the same matter, rung and scope.
        """
    def find(self, matter: str, rung: Rung, unit: str | grassroots._core.division.DivisionCode) -> ResponsibilityEntry | None:
        """
        The row for matter at rung that covers unit (str or DivisionCode; the narrowest scope wins), or None.
        """
    def route(self, matter_type: MatterType, unit: str | grassroots._core.division.DivisionCode, grid: str | grassroots._core.grid.GridCode = '', start: Rung = ..., owner: str = '') -> Assignment:
        """
        Routes a case of matter_type at unit (its grid code in grid, '' if none) from rung start up to the first rung with a row. Components: owner (owner, or the type's default owner) primary, territory cooperating (部件先属主后属地); events: territory primary, owner cooperating (事件先属地后属主). NotFoundError when neither a row nor an owner exists.
        """
    def to_csv(self) -> str:
        """
        The CSV that parse_csv() reads.
        """
    def validate(self, catalogue: MatterCatalogue) -> None:
        """
        Raises InvalidInputError listing every matter of the catalogue with no primary unit at any rung and every row whose matter is not in the catalogue.
        """
    @property
    def entries(self) -> list[ResponsibilityEntry]:
        """
        All rows in the order added.
        """
class Priority:
    """
    How urgent a case is.
    
    Members:
    
      LOW : 低: can wait
    
      NORMAL : 一般: the default
    
      HIGH : 较急: before normal cases
    
      URGENT : 紧急: at once
    """
    HIGH: typing.ClassVar[Priority]
    LOW: typing.ClassVar[Priority]
    NORMAL: typing.ClassVar[Priority]
    URGENT: typing.ClassVar[Priority]
    __members__: typing.ClassVar[dict[str, Priority]]
    @typing.overload
    def __eq__(self, other: Priority) -> bool:
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
    def __ne__(self, other: Priority) -> bool:
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
        低, 一般, 较急 or 紧急.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class EventKind:
    """
    What an event of the case engine records.
    
    Members:
    
      OPENED : 立案: the case was filed
    
      TRANSITION : 流转: a transition was taken
    
      REFUSED : 拒绝: an attempt was refused; nothing else changed
    
      ASSIGNED : 派遣: routed to its primary and cooperating units
    
      ESCALATED : 督办: deadline breached, moved one rung up
    
      URGED : 催办: deadline breached, the handler was urged
    
      NOTIFIED : 通知: deadline breached, the parties were notified
    
      REOPENED : 重新打开: reopened by its reporter
    """
    ASSIGNED: typing.ClassVar[EventKind]
    ESCALATED: typing.ClassVar[EventKind]
    NOTIFIED: typing.ClassVar[EventKind]
    OPENED: typing.ClassVar[EventKind]
    REFUSED: typing.ClassVar[EventKind]
    REOPENED: typing.ClassVar[EventKind]
    TRANSITION: typing.ClassVar[EventKind]
    URGED: typing.ClassVar[EventKind]
    __members__: typing.ClassVar[dict[str, EventKind]]
    @typing.overload
    def __eq__(self, other: EventKind) -> bool:
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
    def __ne__(self, other: EventKind) -> bool:
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
        立案, 流转, 拒绝, 派遣, 督办, 催办, 通知 or 重新打开.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Attachment:
    """
    Metadata of a file attached to a case (the file itself lives elsewhere).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, media_type: str = '', bytes: typing.SupportsInt | typing.SupportsIndex = 0, url: str = '') -> None:
        """
        An attachment; the engine refuses an empty name or a negative size when the case is filed.
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
    def bytes(self) -> int:
        """
        Size.
        """
    @property
    def media_type(self) -> str:
        """
        e.g. 'image/jpeg'.
        """
    @property
    def name(self) -> str:
        """
        File name ('photo-1.jpg').
        """
    @property
    def url(self) -> str:
        """
        Where it is stored.
        """
class Field:
    """
    A named value given with a transition (e.g. 'reason', 'rating').
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, value: str) -> None:
        """
        A field.
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
    def name(self) -> str:
        """
        Field name, as in TransitionDefinition.required_fields.
        """
    @property
    def value(self) -> str:
        """
        Its value.
        """
class CaseInput:
    """
    What a reporter files: the matter, where, what and how urgent.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, matter: str, workflow: str = '', workflow_version: typing.SupportsInt | typing.SupportsIndex = 0, point: tuple[typing.SupportsFloat | typing.SupportsIndex, typing.SupportsFloat | typing.SupportsIndex] | None = None, unit: str | grassroots._core.division.DivisionCode | None = None, address: str = '', owner: str = '', description: str = '', priority: Priority = ..., attachments: collections.abc.Sequence[Attachment] = []) -> None:
        """
        A case to file. matter is a key ('event:0502'); workflow '' = the matter type's loop, workflow_version 0 = the latest. The place is point, an (x, y) tuple located in the engine's grid map, or unit (str or DivisionCode), or both; the engine refuses a case it cannot place.
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
    def address(self) -> str:
        """
        Address in words.
        """
    @property
    def attachments(self) -> list[Attachment]:
        """
        Photos and documents (Attachment).
        """
    @property
    def description(self) -> str:
        """
        What is wrong.
        """
    @property
    def matter(self) -> str:
        """
        Matter key ('event:0502').
        """
    @property
    def owner(self) -> str:
        """
        A component's owner, if known ('' = the type's default).
        """
    @property
    def point(self) -> tuple[float, float] | None:
        """
        Where, as (x, y) (longitude, latitude), or None.
        """
    @property
    def priority(self) -> Priority:
        """
        How urgent (Priority).
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode | None:
        """
        The division it is in (DivisionCode), or None.
        """
    @property
    def workflow(self) -> str:
        """
        Loop id; '' = the matter type's loop.
        """
    @property
    def workflow_version(self) -> int:
        """
        Version; 0 = the latest.
        """
class Actor:
    """
    An account acting on cases (a person in one post, or an office): roles, a scope in the ladder, and the person behind it.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, id: str, name: str, roles: collections.abc.Sequence[str], scope: str | grassroots._core.division.DivisionCode | None = None, grid: str | grassroots._core.grid.GridCode = '', unit: str = '', person: str = '') -> None:
        """
        An actor with string id, roles ('grid_worker', 'department', 'resident', …), acting on cases in the subtree of scope (str or DivisionCode; None = the engine's jurisdiction), limited to grid (str or GridCode; '' = not limited), working for unit (a department; '' = none), held by person (a stable person id; '' = the actor id). The engine normalises its identifiers and checks it when it is added.
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
    def grid(self) -> str:
        """
        Grid code a grid worker is limited to ('' = not limited).
        """
    @property
    def id(self) -> str:
        """
        Unique id ('wg-0001').
        """
    @property
    def name(self) -> str:
        """
        Display name.
        """
    @property
    def person(self) -> str:
        """
        Stable id of the person behind the account ('' = the actor id); separation of duties compares persons.
        """
    @property
    def roles(self) -> list[str]:
        """
        Roles held.
        """
    @property
    def scope(self) -> grassroots._core.division.DivisionCode | None:
        """
        Acts on cases in this unit's subtree (DivisionCode); None = the engine's jurisdiction (refused when it has none).
        """
    @property
    def unit(self) -> str:
        """
        Department or unit the actor works for ('' = none).
        """
class EngineOptions:
    """
    Settings of a CaseEngine; the defaults are configurable, not verified local rules.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, reopen_window: grassroots._core.calendar.Deadline = ..., top_rung: Rung = ..., allow_dispatch_override: bool = False, jurisdiction: str | grassroots._core.division.DivisionCode | None = None, filing_roles: collections.abc.Sequence[str] = ['grid_worker'], recorded_refusals_per_case: typing.SupportsInt | typing.SupportsIndex = 1000) -> None:
        """
        Options: how long after closing the reporter may reopen a case (a Deadline), the rung escalation stops at, whether a dispatcher may send a case to a unit the responsibility list does not name, the area the engine serves (str or DivisionCode; None = the division tree, if any), the roles that may file a case of any loop, and how many refusals are recorded per case.
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
    def allow_dispatch_override(self) -> bool:
        """
        Whether a dispatch may name a department that is neither the routed primary nor a cooperating unit (default False: refused, RuleViolationError 'workflow.department-not-responsible'; True: the case is assigned to that department and Assignment.routed_primary keeps the routed one).
        """
    @property
    def filing_roles(self) -> list[str]:
        """
        Roles that may file a case of any loop in their scope, besides the roles the case's loop names (default ['grid_worker']; a configurable default, not a verified rule).
        """
    @property
    def jurisdiction(self) -> grassroots._core.division.DivisionCode | None:
        """
        The area the engine serves (DivisionCode): actors without a scope act in it, residents file anywhere in it, cases outside it are refused. None = the division tree given to set_divisions (all of it); with neither, an actor needs a scope to act.
        """
    @property
    def recorded_refusals_per_case(self) -> int:
        """
        At most this many refused attempts are recorded per case (default 1000); later ones are refused all the same but only counted (CaseEngine.unrecorded_refusals).
        """
    @property
    def reopen_window(self) -> grassroots._core.calendar.Deadline:
        """
        How long after closing the reporter may reopen a case (default 5 working days).
        """
    @property
    def top_rung(self) -> Rung:
        """
        Escalation stops at this rung (default COUNTY).
        """
class Event:
    """
    One immutable event, compact: states, transition and role are indices (CaseEngine.describe() spells them out). A copy: it does not change when the engine moves on.
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
    def actor(self) -> int | None:
        """
        Who (int actor id), or None for the engine's clock (breaches).
        """
    @property
    def at(self) -> datetime.datetime:
        """
        When (aware datetime, +08:00).
        """
    @property
    def case_id(self) -> str:
        """
        Which case (its number, 'C000001').
        """
    @property
    def from_state(self) -> int | None:
        """
        Index of the state before, or None.
        """
    @property
    def kind(self) -> EventKind:
        """
        What happened (EventKind).
        """
    @property
    def previous(self) -> int | None:
        """
        Sequence of the case's previous event, or None for its first.
        """
    @property
    def role(self) -> int | None:
        """
        Index of the role the actor acted in (CaseEngine.role_name()), or None.
        """
    @property
    def rung(self) -> Rung:
        """
        Rung of the case after the event.
        """
    @property
    def sequence(self) -> int:
        """
        Position in the engine's stream, from 0.
        """
    @property
    def to_state(self) -> int | None:
        """
        Index of the state after, or None.
        """
    @property
    def transition(self) -> int | None:
        """
        Index of the transition taken or refused, or None.
        """
class EventRecord:
    """
    An event spelled out with names: what JSON lines and pandas carry, and what CaseEngine.replay() reads. Text fields are '' when absent (actor '' = the engine's clock).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, sequence: typing.SupportsInt | typing.SupportsIndex, case_number: str, kind: EventKind, at: datetime.datetime, actor: str = '', role: str = '', from_state: str = '', to_state: str = '', transition: str = '', rung: Rung = ..., note: str = '', fields: dict[str, str] | list[Field] = [], reason: str = '', assignment: Assignment | None = None, input: CaseInput | None = None, workflow: str = '', workflow_version: typing.SupportsInt | typing.SupportsIndex = 0, unit: str = '', grid: str = '') -> None:
        """
        A record (as CaseEngine.describe() and parse_json_lines() make them); replay() checks it.
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
    def actor(self) -> str:
        """
        Actor id ('' = the engine's clock).
        """
    @property
    def assignment(self) -> Assignment | None:
        """
        Routing result (ASSIGNED, ESCALATED), or None.
        """
    @property
    def at(self) -> datetime.datetime:
        """
        When (aware datetime, +08:00).
        """
    @property
    def case_number(self) -> str:
        """
        'C000001'.
        """
    @property
    def fields(self) -> list[Field]:
        """
        Fields given with a transition (Field), in order.
        """
    @property
    def from_state(self) -> str:
        """
        State id before ('' if none).
        """
    @property
    def grid(self) -> str:
        """
        Resolved grid code (OPENED; '' if none).
        """
    @property
    def input(self) -> CaseInput | None:
        """
        The filed case (OPENED), or None.
        """
    @property
    def kind(self) -> EventKind:
        """
        What happened (EventKind).
        """
    @property
    def note(self) -> str:
        """
        Free text ('' if none).
        """
    @property
    def reason(self) -> str:
        """
        Why an attempt was refused ('' if it was not).
        """
    @property
    def role(self) -> str:
        """
        Role acted in ('' if none).
        """
    @property
    def rung(self) -> Rung:
        """
        Rung after the event.
        """
    @property
    def sequence(self) -> int:
        """
        Position in the stream.
        """
    @property
    def to_state(self) -> str:
        """
        State id after ('' if none).
        """
    @property
    def transition(self) -> str:
        """
        Transition id ('' if none).
        """
    @property
    def unit(self) -> str:
        """
        Resolved division code (OPENED; '' otherwise).
        """
    @property
    def workflow(self) -> str:
        """
        Loop id (OPENED; '' otherwise).
        """
    @property
    def workflow_version(self) -> int:
        """
        Loop version (OPENED; 0 otherwise).
        """
class CaseState:
    """
    The state of one case, the fold of its events: a snapshot (it does not change when the engine moves on). Made by CaseEngine.state() and CaseEngine.cases.
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
    def clock_started(self) -> datetime.datetime | None:
        """
        When the case clock started (first clock state), or None.
        """
    @property
    def closed(self) -> bool:
        """
        True in a closed state.
        """
    @property
    def closed_at(self) -> datetime.datetime | None:
        """
        When it closed, or None while open (also after a reopening).
        """
    @property
    def due(self) -> datetime.datetime | None:
        """
        When the current state's deadline falls due, or None.
        """
    @property
    def entered_at(self) -> datetime.datetime:
        """
        Entered the current state.
        """
    @property
    def escalations(self) -> int:
        """
        督办 events.
        """
    @property
    def grid(self) -> str | None:
        """
        Grid code, or None when not located in a grid.
        """
    @property
    def handled(self) -> bool:
        """
        Handled since the last verification.
        """
    @property
    def handled_at(self) -> datetime.datetime | None:
        """
        When it was last handled (Duty.HANDLE), or None.
        """
    @property
    def handler(self) -> int | None:
        """
        Last handler (Duty.HANDLE), or None.
        """
    @property
    def handling_due(self) -> datetime.datetime | None:
        """
        Due instant of its latest handling state (one a Duty.HANDLE transition leaves), kept after it; None if it never reached one.
        """
    @property
    def id(self) -> str:
        """
        The case (its number, 'C000001'; the same as number).
        """
    @property
    def last_event(self) -> int:
        """
        Sequence of its latest event.
        """
    @property
    def matter(self) -> str:
        """
        Matter key.
        """
    @property
    def next_breach(self) -> datetime.datetime | None:
        """
        Next timer (due, then re-armed after escalation), or None.
        """
    @property
    def number(self) -> str:
        """
        Its number, 'C000001'.
        """
    @property
    def opened_at(self) -> datetime.datetime:
        """
        Filed.
        """
    @property
    def priority(self) -> Priority:
        """
        How urgent.
        """
    @property
    def refusals(self) -> int:
        """
        Refused attempts.
        """
    @property
    def reopens(self) -> int:
        """
        Times reopened.
        """
    @property
    def reporter(self) -> int:
        """
        Who filed it (int actor id; may reopen it).
        """
    @property
    def reworks(self) -> int:
        """
        Failed verifications (返工).
        """
    @property
    def rung(self) -> Rung:
        """
        Rung of the ladder it sits on.
        """
    @property
    def start_rung(self) -> Rung:
        """
        Rung it was filed at.
        """
    @property
    def state(self) -> int:
        """
        Index of the current state in the loop's states.
        """
    @property
    def state_id(self) -> str:
        """
        Id of the current state.
        """
    @property
    def transitions(self) -> int:
        """
        Transitions taken.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        Where (DivisionCode: village-level or higher).
        """
    @property
    def updated_at(self) -> datetime.datetime:
        """
        Last change.
        """
    @property
    def urges(self) -> int:
        """
        催办 events.
        """
    @property
    def verified(self) -> bool:
        """
        Last verification passed and nothing handled since.
        """
    @property
    def verifier(self) -> int | None:
        """
        Last verifier (Duty.VERIFY), or None.
        """
    @property
    def version(self) -> int:
        """
        Its loop's version (fixed at filing).
        """
    @property
    def workflow(self) -> str:
        """
        Its loop's id.
        """
class CaseEngine:
    """
    Runs cases through versioned closed-loop definitions on the working-day clock. Every change is an Event; a case's CaseState is the fold of its events, and replay() rebuilds identical states. Refused attempts are recorded (EventKind.REFUSED) and then raised (PermissionDeniedError, RuleViolationError); unknown ids and malformed input raise InvalidInputError / NotFoundError and change nothing. A case is its case number ('C000001'): open() returns it, work lists and events name it (its int index, 0 for C000001, is accepted too). Actors are given as int ids or string ids ('wg-1'). Safe to share between threads (one operation at a time); advance() and replay() run without the GIL.
    """
    def events_frame(self) -> pandas.DataFrame:
        """One row per event (index: sequence): case, kind (categorical), at (datetime64, Asia/Shanghai), actor, role, from, to, transition, rung (categorical), note, reason, primary (of an assignment), routed_primary (the routed unit when the dispatcher overrode it, else missing). Needs pandas."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per case (index: case number): workflow, version, state, closed, unit, grid, matter, priority, rung (categoricals), opened_at, updated_at, due, closed_at, handling_due, handled_at (datetime64, Asia/Shanghai), transitions, reworks, escalations, urges, reopens, refusals, primary (assigned unit), routed_primary (the unit the list named when a dispatcher overrode it). Needs pandas."""
    @staticmethod
    def case_number(id: str) -> str:
        """
        The case number of id: 'C000001' for the int index 0 (a case number is returned as it is).
        """
    @staticmethod
    def parse_json_lines(text: str, source: str = '<text>') -> list[EventRecord]:
        """
        Reads JSON lines written by to_json_lines() into EventRecords; InvalidInputError naming source, line (.row) and key (.field).
        """
    def __init__(self, calendar: grassroots._core.calendar.Calendar, options: EngineOptions | None = None) -> None:
        """
        An engine on calendar (a copy; deadlines) with options (default EngineOptions()).
        """
    def __len__(self) -> int:
        """
        The number of cases.
        """
    def __repr__(self) -> str:
        ...
    def _case_columns(self) -> dict:
        """
        Columns for to_pandas() (internal).
        """
    def _event_columns(self) -> dict:
        """
        Columns for events_frame() (internal).
        """
    def actor(self, id: int | str) -> Actor:
        """
        The actor with this int id or string id (a copy); NotFoundError.
        """
    def add_actor(self, actor: Actor) -> int:
        """
        Adds an actor and returns its int id; InvalidInputError for an empty or duplicate id or no roles.
        """
    def add_holiday_notice(self, json: str, source: str) -> None:
        """
        Adds a holiday-cn JSON notice (a year's schedule) to the running engine's calendar; later deadlines use it. All or nothing (InvalidInputError).
        """
    def add_workflow(self, definition: WorkflowDefinition) -> None:
        """
        Registers a loop version (running cases keep theirs); InvalidInputError if that id and version are present.
        """
    def advance(self, now: datetime.datetime) -> int:
        """
        Processes every timer due before now, in time order (催办, 督办 one rung up with re-routing, 通知) and returns the number of events recorded. Runs without the GIL.
        """
    def assignment(self, case: str | str) -> Assignment | None:
        """
        The current Assignment of case, or None when it has not been routed.
        """
    def available(self, case: str | str) -> list[str]:
        """
        Ids of the transitions that leave the current state of case.
        """
    def change_actor(self, actor: Actor) -> None:
        """
        Changes the actor with this actor's id (name, roles, scope, grid, unit) for later operations; past events are unchanged. NotFoundError (unknown id), InvalidInputError (no roles), RuleViolationError (deactivated).
        """
    def deactivate_actor(self, actor: int | str) -> None:
        """
        Deactivates the actor (离岗): its later operations raise RuleViolationError and change nothing; its past events stay valid. RuleViolationError when already deactivated.
        """
    def describe(self, event: typing.SupportsInt | typing.SupportsIndex | Event) -> EventRecord:
        """
        An Event of this engine (or its sequence) spelled out with names; NotFoundError for another's.
        """
    def due_before(self, instant: datetime.datetime) -> list[str]:
        """
        The open cases (case numbers) whose next timer falls before instant, soonest first: what advance(instant) acts on.
        """
    def event_records(self) -> list[EventRecord]:
        """
        Every event spelled out (EventRecord), in order: what replay() reads.
        """
    def events_of(self, case: str | str) -> list[Event]:
        """
        The events of case in order (copies).
        """
    def find_actor(self, id: str) -> int | None:
        """
        The int id of the actor with string id, or None.
        """
    def find_case(self, number: str) -> str:
        """
        The case number, checked: InvalidInputError when it is not 'C' followed by digits, NotFoundError when there is no such case.
        """
    def input(self, case: str | str) -> CaseInput:
        """
        What was filed for case (a copy); NotFoundError.
        """
    def is_active(self, actor: int | str) -> bool:
        """
        False once the actor is deactivated.
        """
    def memory_bytes(self) -> int:
        """
        Bytes held for cases, events and their details (approximate, capacity-based).
        """
    def open(self, input: CaseInput, reporter: int | str, at: datetime.datetime) -> str:
        """
        Files a case reported by reporter (int or string actor id) at at and returns its case number ('C000001', as the frames, reprs and events show it). InvalidInputError naming the bad field (unknown matter or loop, unlocatable place, unknown division, bad attachment) or NotFoundError (unknown reporter).
        """
    def open311(self) -> list[dict[str, typing.Any]]:
        """
        to_open311() parsed: a list of dicts, one per case.
        """
    def reopen(self, case: str | str, actor: int | str, at: datetime.datetime, note: str = '') -> None:
        """
        Reopens a closed case; only its reporter, within EngineOptions.reopen_window of closing (else refused, recorded and raised: PermissionDeniedError / RuleViolationError).
        """
    def replay(self, records: collections.abc.Sequence[EventRecord], more_follow: bool = False) -> None:
        """
        Re-executes records (EventRecord, e.g. from parse_json_lines()) through the operations the live engine runs, on this engine, which must have no cases yet and the same loops, actors, lists and calendar; rebuilds identical states and timers. Each record must be the event the live engine records for it (refusals included): a history it could not have produced (a missing role or scope, a verifier who handled, a late handling without its urging and escalation, a unit outside the division tree …) raises InvalidInputError naming the record (.row) and key (.field), leaving the engine empty. Records that end inside an operation are refused unless more_follow (the rest comes in the next call). Callbacks are not called. Runs without the GIL.
        """
    def role_name(self, index: typing.SupportsInt | typing.SupportsIndex) -> str:
        """
        A role name by index (Event.role); NotFoundError.
        """
    def set_catalogue(self, catalogue: MatterCatalogue) -> None:
        """
        The matter catalogue (a copy); a responsibility list already set is validated against it (InvalidInputError).
        """
    def set_divisions(self, tree: grassroots._core.division.DivisionTree | None) -> None:
        """
        Checks that filed division codes exist in tree (the engine keeps it alive); None = no check.
        """
    def set_grid_map(self, grid_map: grassroots._core.grid.GridMap | None) -> None:
        """
        Locates case points in grid_map (the engine keeps it alive); None = no grid lookup.
        """
    def set_responsibilities(self, responsibilities: ResponsibilityList) -> None:
        """
        The responsibility list (a copy) used by Duty.DISPATCH transitions and escalation; validated against the catalogue (InvalidInputError, keeping the old list).
        """
    def state(self, case: str | str) -> CaseState:
        """
        The state of case (a snapshot); NotFoundError.
        """
    def state_id(self, case: str | str) -> str:
        """
        Id of the current state of case.
        """
    def subscribe(self, callback: collections.abc.Callable[[EventRecord], None]) -> collections.abc.Callable[[EventRecord], None]:
        """
        Calls callback(record: EventRecord) for every later event (not for replayed ones), in order, once the operation that recorded it has finished, on the thread that ran it. A callback may read and change the engine; the events of its change follow those already recorded. Its exceptions do not interrupt the engine: the operation completes, then the first one is raised (unless the operation itself raised, whose error wins; the callback's then goes to sys.unraisablehook). Returns callback, so it works as a decorator.
        """
    def take(self, case: str | str, transition: str, actor: int | str, at: datetime.datetime, fields: dict[str, str] | list[Field] = {}, note: str = '') -> None:
        """
        Takes transition of case as actor at at, with fields ({name: value} or [Field]) and a note. Deadlines that fell due before at are processed first. Refused, recorded and raised: PermissionDeniedError (role, scope, grid, assigned unit, separation of duties), RuleViolationError (not from the current state, missing field, closing without a passed verification, case closed). Not recorded: InvalidInputError (unknown transition, a field given twice, at before the case's last event), NotFoundError.
        """
    def to_json_line(self, event: typing.SupportsInt | typing.SupportsIndex | Event) -> str:
        """
        One event (or its sequence) as a JSON object on one line (no newline).
        """
    def to_json_lines(self) -> str:
        """
        Every event as JSON lines (what parse_json_lines() reads).
        """
    def to_open311(self, case: str | str | None = None) -> str:
        """
        Open311 GeoReport v2 service requests as JSON text: an array for every case, or one object for case. expected_datetime is the current state's due instant as first set (escalation does not move it).
        """
    def unrecorded_refusals(self) -> int:
        """
        Refused attempts not recorded because their case had EngineOptions.recorded_refusals_per_case refusals already (counted since this engine was made).
        """
    def unsubscribe(self, callback: typing.Any) -> bool:
        """
        Stops calling callback; False when it was not subscribed.
        """
    def work_list(self, unit_or_actor: int | str) -> list[str]:
        """
        The open cases (case numbers) waiting on a unit (its name, primary or cooperating) or on an actor (int id or string id: in its scope and grid, assigned to its unit, with a transition its roles allow), soonest deadline first.
        """
    def workflow(self, id: str, version: typing.SupportsInt | typing.SupportsIndex = 0) -> WorkflowDefinition:
        """
        The loop id at version (0 = the latest), a copy; NotFoundError.
        """
    @property
    def actors(self) -> list[Actor]:
        """
        All actors (copies), by int id.
        """
    @property
    def calendar(self) -> typing.Any:
        """
        A read-only copy of the calendar the engine counts deadlines on: its changers (add_local, add_holiday_cn, read_local, unpublished =, working_hours =) raise RuleViolationError calendar.read-only; copy.copy() of it is writable.
        """
    @property
    def cases(self) -> list[CaseState]:
        """
        Every case's state (snapshots), by id.
        """
    @property
    def catalogue(self) -> MatterCatalogue:
        """
        The matter catalogue (a copy).
        """
    @property
    def divisions(self) -> grassroots._core.division.DivisionTree | None:
        """
        The division tree set with set_divisions(), or None.
        """
    @property
    def events(self) -> list[Event]:
        """
        Every event in order (copies).
        """
    @property
    def grid_map(self) -> grassroots._core.grid.GridMap | None:
        """
        The grid map set with set_grid_map(), or None.
        """
    @property
    def next_timer(self) -> datetime.datetime | None:
        """
        The earliest pending timer of any case (when a server should next call advance), or None.
        """
    @property
    def options(self) -> EngineOptions:
        """
        The options (a copy).
        """
    @property
    def registry(self) -> WorkflowRegistry:
        """
        A copy of the engine's WorkflowRegistry (entries, ids, versions, `in`, len); adding to the copy does not change the engine (use add_workflow).
        """
    @property
    def responsibilities(self) -> ResponsibilityList:
        """
        The responsibility list (a copy).
        """
    @property
    def workflows(self) -> list[WorkflowDefinition]:
        """
        The registered loops (copies), in the order added.
        """
def explore_pilot() -> WorkflowDefinition:
    """
    探索—试点—评估—推广: evaluation can send a project back to pilot, version 1.
    """
def five_step() -> WorkflowDefinition:
    """
    五步闭环: a failed verification sends the problem back, version 1.
    """
def hotline_12345(kind: HotlineKind) -> WorkflowDefinition:
    """
    12345 接诉即办 for requests of this kind: id 'hotline_12345_<kind>', version 1.
    """
def normalize_identifier(text: str, field: str = 'id') -> str:
    """
    text as an identifier, as the engine and the ledger store them: Unicode NFKC (full-width letters, digits and spaces become half-width), trimmed. InvalidInputError naming field and the character for text holding a control or format (bidi, zero-width) character.
    """
def rung_of(level: grassroots._core.division.Level) -> Rung:
    """
    The rung of a division Level; InvalidInputError for the province level.
    """
def urban_management() -> WorkflowDefinition:
    """
    数字化城管: 7 stages plus 注销 cancel and 结案 closed, version 1.
    """
def whistle() -> WorkflowDefinition:
    """
    吹哨报到: departments must report within 30 min elapsed, version 1.
    """
RESIDENT_ROLE: str = 'resident'
