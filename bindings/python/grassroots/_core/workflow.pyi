"""
Closed-loop workflow definitions (闭环流程): states, transitions, deadlines
"""
from __future__ import annotations
import collections.abc
import grassroots._core.calendar
import typing
__all__: list[str] = ['BreachAction', 'HotlineKind', 'StateDefinition', 'TransitionDefinition', 'WorkflowDefinition', 'WorkflowRegistry', 'explore_pilot', 'five_step', 'hotline_12345', 'urban_management', 'whistle']
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
def urban_management() -> WorkflowDefinition:
    """
    数字化城管: 7 stages plus 注销 cancel and 结案 closed, version 1.
    """
def whistle() -> WorkflowDefinition:
    """
    吹哨报到: departments must report within 30 min elapsed, version 1.
    """
