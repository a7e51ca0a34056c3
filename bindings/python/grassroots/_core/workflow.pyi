"""
Closed-loop workflow definitions (闭环流程): states, transitions, deadlines
"""
from __future__ import annotations
import collections.abc
import grassroots._core.calendar
import grassroots._core.division
import grassroots._core.grid
import os
import typing
__all__: list[str] = ['Assignment', 'BreachAction', 'HotlineKind', 'MatterCatalogue', 'MatterClass', 'MatterCodeLayout', 'MatterCodeSegment', 'MatterType', 'ResponsibilityEntry', 'ResponsibilityList', 'Rung', 'StateDefinition', 'TransitionDefinition', 'WorkflowDefinition', 'WorkflowRegistry', 'explore_pilot', 'five_step', 'hotline_12345', 'rung_of', 'urban_management', 'whistle']
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
    def __init__(self, id: str, from_state: str, to_state: str, roles: collections.abc.Sequence[str], required_fields: collections.abc.Sequence[str] = [], rework: bool = False) -> None:
        """
        A transition from state from_state to state to_state, allowed to roles (at least one).
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
    def __init__(self, id: str, version: typing.SupportsInt | typing.SupportsIndex, title: str, initial: str, states: collections.abc.Sequence[StateDefinition], transitions: collections.abc.Sequence[TransitionDefinition]) -> None:
        """
        Builds and validates a definition; raises InvalidInputError naming the first problem.
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
    Definitions by id and version; a running case stays on the version it started with.
    """
    def __init__(self) -> None:
        """
        An empty registry.
        """
    def __len__(self) -> int:
        """
        The number of definitions (all ids and versions).
        """
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
    def to_pandas(self) -> typing.Any:
        """
        One row per type: key, class and category (categoricals), code, name, workflow, owner.
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
    
      GRID : 网格
    
      COMMUNITY : 社区/村 (village-level unit)
    
      TOWNSHIP : 乡镇/街道
    
      COUNTY : 县/区
    
      CITY : 市 (prefecture level)
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
    def __init__(self, primary: str, cooperating: collections.abc.Sequence[str], rung: Rung, territory: str, basis: str) -> None:
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
    def to_pandas(self) -> typing.Any:
        """
        One row per entry: matter, rung (ordered categorical), scope, primary, cooperating (';'-joined), source.
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
