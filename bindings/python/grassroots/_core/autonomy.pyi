"""
The four-level autonomy chain (四级自治组织链条), its rules and meetings
"""
from __future__ import annotations
import pandas
import collections.abc
import datetime
import grassroots._core.division
import typing
__all__: list[str] = ['AttendanceBase', 'AutonomyChain', 'CommitteeKind', 'ConsultationDecision', 'ConsultationMeeting', 'ConveningRequest', 'ConveningResult', 'DecisionStatus', 'Finding', 'FollowUp', 'Group', 'IntRange', 'MeetingKind', 'MeetingRecord', 'MeetingResult', 'PartyOrganisation', 'PartyOrganisationKind', 'Person', 'Post', 'PostKind', 'Rule', 'RuleBook', 'RuleSet', 'Severity', 'Sex', 'SubordinateCommittee', 'SubordinateKind', 'Threshold', 'ValidationReport', 'check_convening', 'hold_meeting', 'rules_in_force', 'synthetic_chain', 'validate']
class CommitteeKind:
    """
    Which kind of self-governing committee a law or chain is about.
    
    Members:
    
      RESIDENTS : 居民委员会: residents' committee (社区)
    
      VILLAGERS : 村民委员会: villagers' committee (行政村)
    """
    RESIDENTS: typing.ClassVar[CommitteeKind]
    VILLAGERS: typing.ClassVar[CommitteeKind]
    __members__: typing.ClassVar[dict[str, CommitteeKind]]
    @typing.overload
    def __eq__(self, other: CommitteeKind) -> bool:
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
    def __ne__(self, other: CommitteeKind) -> bool:
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
        居民委员会 or 村民委员会.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Sex:
    """
    Sex, recorded because the law sets shares of women.
    
    Members:
    
      FEMALE : 女: female
    
      MALE : 男: male
    """
    FEMALE: typing.ClassVar[Sex]
    MALE: typing.ClassVar[Sex]
    __members__: typing.ClassVar[dict[str, Sex]]
    @typing.overload
    def __eq__(self, other: Sex) -> bool:
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
    def __ne__(self, other: Sex) -> bool:
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
        女 or 男.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class SubordinateKind:
    """
    Kinds of subordinate committee (下属委员会), law art. 13.
    
    Members:
    
      MEDIATION : 人民调解委员会: people's mediation
    
      PUBLIC_SECURITY : 治安保卫委员会: public security
    
      PUBLIC_HEALTH : 公共卫生委员会: public health
    
      ENVIRONMENT_PROPERTY : 环境和物业管理委员会: environment and property
    
      SOCIAL_WELFARE : 社会福利委员会: social welfare
    
      ELDERLY_CARE : 养老服务委员会: elderly care
    
      OTHER : 其他委员会: a user-defined kind; its name says which
    """
    ELDERLY_CARE: typing.ClassVar[SubordinateKind]
    ENVIRONMENT_PROPERTY: typing.ClassVar[SubordinateKind]
    MEDIATION: typing.ClassVar[SubordinateKind]
    OTHER: typing.ClassVar[SubordinateKind]
    PUBLIC_HEALTH: typing.ClassVar[SubordinateKind]
    PUBLIC_SECURITY: typing.ClassVar[SubordinateKind]
    SOCIAL_WELFARE: typing.ClassVar[SubordinateKind]
    __members__: typing.ClassVar[dict[str, SubordinateKind]]
    @typing.overload
    def __eq__(self, other: SubordinateKind) -> bool:
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
    def __ne__(self, other: SubordinateKind) -> bool:
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
        The Chinese name, e.g. 治安保卫委员会.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PartyOrganisationKind:
    """
    Kinds of party organisation (党组织), top down.
    
    Members:
    
      PARTY_COMMITTEE : 党委: party committee
    
      GENERAL_BRANCH : 党总支: general party branch
    
      BRANCH : 党支部: party branch
    
      GRID_BRANCH : 网格党支部: grid party branch
    
      BUILDING_GROUP : 楼栋党小组: building party group
    """
    BRANCH: typing.ClassVar[PartyOrganisationKind]
    BUILDING_GROUP: typing.ClassVar[PartyOrganisationKind]
    GENERAL_BRANCH: typing.ClassVar[PartyOrganisationKind]
    GRID_BRANCH: typing.ClassVar[PartyOrganisationKind]
    PARTY_COMMITTEE: typing.ClassVar[PartyOrganisationKind]
    __members__: typing.ClassVar[dict[str, PartyOrganisationKind]]
    @typing.overload
    def __eq__(self, other: PartyOrganisationKind) -> bool:
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
    def __ne__(self, other: PartyOrganisationKind) -> bool:
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
        The Chinese name, e.g. 网格党支部.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PostKind:
    """
    Kinds of post a person can hold.
    
    Members:
    
      DIRECTOR : 主任: director of the committee
    
      DEPUTY_DIRECTOR : 副主任: deputy director
    
      MEMBER : 委员: committee member
    
      GROUP_HEAD : 组长: head of a group
    
      REPRESENTATIVE : 代表: 居民代表 / 村民代表 elected by a group
    
      SUBORDINATE_HEAD : 下属委员会主任: head of a subordinate committee
    
      SUBORDINATE_MEMBER : 下属委员会委员: member of a subordinate committee
    
      DUTY : 分工负责: a member carrying a subordinate duty
    
      PARTY_SECRETARY : 书记: party secretary
    
      PARTY_DEPUTY_SECRETARY : 副书记: deputy secretary
    
      PARTY_MEMBER_POST : 党组织委员: member of a party committee
    """
    DEPUTY_DIRECTOR: typing.ClassVar[PostKind]
    DIRECTOR: typing.ClassVar[PostKind]
    DUTY: typing.ClassVar[PostKind]
    GROUP_HEAD: typing.ClassVar[PostKind]
    MEMBER: typing.ClassVar[PostKind]
    PARTY_DEPUTY_SECRETARY: typing.ClassVar[PostKind]
    PARTY_MEMBER_POST: typing.ClassVar[PostKind]
    PARTY_SECRETARY: typing.ClassVar[PostKind]
    REPRESENTATIVE: typing.ClassVar[PostKind]
    SUBORDINATE_HEAD: typing.ClassVar[PostKind]
    SUBORDINATE_MEMBER: typing.ClassVar[PostKind]
    __members__: typing.ClassVar[dict[str, PostKind]]
    @typing.overload
    def __eq__(self, other: PostKind) -> bool:
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
    def __ne__(self, other: PostKind) -> bool:
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
        The Chinese name, e.g. 主任.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class Severity:
    """
    How serious a finding is (info < warning < error).
    
    Members:
    
      INFO : 提示: worth knowing; nothing is wrong
    
      WARNING : 警告: beyond what the law says generally, or an unverified rule
    
      ERROR : 错误: against a verified rule of law
    """
    ERROR: typing.ClassVar[Severity]
    INFO: typing.ClassVar[Severity]
    WARNING: typing.ClassVar[Severity]
    __members__: typing.ClassVar[dict[str, Severity]]
    @typing.overload
    def __eq__(self, other: Severity) -> bool:
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
    def __ne__(self, other: Severity) -> bool:
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
class MeetingKind:
    """
    Which body meets.
    
    Members:
    
      RESIDENTS_MEETING : 居民会议: residents' meeting
    
      RESIDENTS_REPRESENTATIVES_ASSEMBLY : 居民代表会议: residents' representatives assembly (2025 revision, in force 2026-01-01)
    
      VILLAGERS_MEETING : 村民会议: villagers' meeting
    
      VILLAGERS_REPRESENTATIVES_ASSEMBLY : 村民代表会议: villagers' representatives assembly
    """
    RESIDENTS_MEETING: typing.ClassVar[MeetingKind]
    RESIDENTS_REPRESENTATIVES_ASSEMBLY: typing.ClassVar[MeetingKind]
    VILLAGERS_MEETING: typing.ClassVar[MeetingKind]
    VILLAGERS_REPRESENTATIVES_ASSEMBLY: typing.ClassVar[MeetingKind]
    __members__: typing.ClassVar[dict[str, MeetingKind]]
    @typing.overload
    def __eq__(self, other: MeetingKind) -> bool:
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
    def __ne__(self, other: MeetingKind) -> bool:
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
        居民会议, 居民代表会议, 村民会议 or 村民代表会议.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class AttendanceBase:
    """
    Who a residents' or villagers' meeting is made of.
    
    Members:
    
      ALL_ADULTS : 全体十八周岁以上的居民: all residents aged 18 or over
    
      HOUSEHOLDS : 每户派代表: one representative per household
    
      GROUP_REPRESENTATIVES : 居民小组选举的代表: 2–3 representatives elected per group
    """
    ALL_ADULTS: typing.ClassVar[AttendanceBase]
    GROUP_REPRESENTATIVES: typing.ClassVar[AttendanceBase]
    HOUSEHOLDS: typing.ClassVar[AttendanceBase]
    __members__: typing.ClassVar[dict[str, AttendanceBase]]
    @typing.overload
    def __eq__(self, other: AttendanceBase) -> bool:
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
    def __ne__(self, other: AttendanceBase) -> bool:
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
class DecisionStatus:
    """
    Follow-up status of a consultation decision.
    
    Members:
    
      OPEN : 待办: decided, not started
    
      IN_PROGRESS : 办理中: being carried out
    
      DONE : 已办结: carried out (final)
    
      CANCELLED : 已撤销: withdrawn (final)
    """
    CANCELLED: typing.ClassVar[DecisionStatus]
    DONE: typing.ClassVar[DecisionStatus]
    IN_PROGRESS: typing.ClassVar[DecisionStatus]
    OPEN: typing.ClassVar[DecisionStatus]
    __members__: typing.ClassVar[dict[str, DecisionStatus]]
    @typing.overload
    def __eq__(self, other: DecisionStatus) -> bool:
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
    def __ne__(self, other: DecisionStatus) -> bool:
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
class IntRange:
    """
    An inclusive range of whole numbers, e.g. 5–9 committee members.
    """
    def __contains__(self, value: typing.SupportsInt | typing.SupportsIndex) -> bool:
        ...
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, min: typing.SupportsInt | typing.SupportsIndex, max: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        The range min … max (inclusive; not checked here: a rule set refuses min > max).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        """
        '5–9' (or '5' when min == max).
        """
    def contains(self, value: typing.SupportsInt | typing.SupportsIndex) -> bool:
        """
        True when min ≤ value ≤ max.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def max(self) -> int:
        """
        Largest allowed value.
        """
    @property
    def min(self) -> int:
        """
        Smallest allowed value.
        """
class Threshold:
    """
    A share of a base: 'more than half' (过半数, strict) or 'at least one fifth' (五分之一以上). Exact in integers.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, numerator: typing.SupportsInt | typing.SupportsIndex, denominator: typing.SupportsInt | typing.SupportsIndex, strict: bool) -> None:
        """
        numerator/denominator of a base; strict: the count must exceed it, else reach it.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        """
        'more than 1/2' or 'at least 1/5'.
        """
    def met(self, count: typing.SupportsInt | typing.SupportsIndex, base: typing.SupportsInt | typing.SupportsIndex) -> bool:
        """
        True when count meets the share of base.
        """
    def minimum(self, base: typing.SupportsInt | typing.SupportsIndex) -> int:
        """
        The smallest count that meets the share of base.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def denominator(self) -> int:
        """
        Share denominator (> 0).
        """
    @property
    def numerator(self) -> int:
        """
        Share numerator.
        """
    @property
    def strict(self) -> bool:
        """
        True: count must exceed the share; False: reach it.
        """
class Rule:
    """
    One rule: an id, what it says, its value (IntRange, Threshold or None), its source and whether its number was verified against the official text.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, id: str, summary: str, value: None | IntRange | Threshold = None, law: str = '', article: str = '', verified: bool = True, override_note: str = '') -> None:
        """
        A rule (checked when it is put into a RuleSet).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def range(self) -> IntRange:
        """
        The value as an IntRange; InvalidInputError if it is not one.
        """
    def threshold(self) -> Threshold:
        """
        The value as a Threshold; InvalidInputError if it is not one.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def article(self) -> str:
        """
        The article, e.g. '第七条'; empty when not known.
        """
    @property
    def id(self) -> str:
        """
        Stable id, e.g. 'committee.size'.
        """
    @property
    def law(self) -> str:
        """
        The law and edition.
        """
    @property
    def override_note(self) -> str:
        """
        Non-empty when a user replaced the value (why, whose rule).
        """
    @property
    def source(self) -> str:
        """
        'law article'.
        """
    @property
    def summary(self) -> str:
        """
        What the rule requires, with the Chinese wording.
        """
    @property
    def value(self) -> None | IntRange | Threshold:
        """
        IntRange, Threshold or None.
        """
    @property
    def value_text(self) -> str:
        """
        The value as text ('5–9', 'more than 1/2' or '').
        """
    @property
    def verified(self) -> bool:
        """
        False for numbers not checked against the official text.
        """
class RuleSet:
    """
    One edition of one law: its rules, the committee kind and the date it took effect. An edition got from a RuleBook is the book's own: overrides made on it stick on the book.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """One row per rule: id, summary, value, law, article, verified, override_note. Needs pandas."""
    def __contains__(self, rule_id: str) -> bool:
        ...
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when both name the same edition object (of the same book).
        """
    def __hash__(self) -> int:
        ...
    def __init__(self, id: str, title: str, committee_kind: CommitteeKind, effective_from: datetime.date, rules: collections.abc.Sequence[Rule]) -> None:
        """
        A standalone edition; InvalidInputError for duplicate rule ids or a bad value.
        """
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple[str, str, CommitteeKind, datetime.date, list[Rule]]]:
        ...
    def __repr__(self) -> str:
        ...
    def copy(self) -> RuleSet:
        """
        A standalone copy (overrides on it change nothing else).
        """
    def has(self, rule_id: str) -> bool:
        """
        True when the set has a rule with this id.
        """
    def override_range(self, rule_id: str, value: IntRange, note: str) -> None:
        """
        Replaces a range rule's value; note says why or whose rule. NotFoundError for an unknown id, InvalidInputError for a non-range rule, min > max or an empty note (nothing changes then).
        """
    def override_threshold(self, rule_id: str, value: Threshold, note: str) -> None:
        """
        Replaces a share rule's value; same checks as override_range().
        """
    def rule(self, rule_id: str) -> Rule:
        """
        The rule with this id (a copy); NotFoundError naming the edition.
        """
    @property
    def committee_kind(self) -> CommitteeKind:
        """
        Which committees it governs.
        """
    @property
    def effective_from(self) -> datetime.date:
        """
        The first day it is in force.
        """
    @property
    def id(self) -> str:
        """
        e.g. 'rc-2018'.
        """
    @property
    def in_book(self) -> bool:
        """
        True when this is an edition of a RuleBook (overrides change the book).
        """
    @property
    def rules(self) -> list[Rule]:
        """
        All rules (copies), in the order given.
        """
    @property
    def title(self) -> str:
        """
        The law's title.
        """
class RuleBook:
    """
    All editions known, by committee kind and effective date.
    """
    @staticmethod
    def china() -> RuleBook:
        """
        The built-in editions of China's two organic laws (rc-1989, rc-2018, rc-2025, vc-2010, vc-2018).
        """
    def __contains__(self, id: str) -> bool:
        ...
    def __init__(self) -> None:
        """
        An empty book.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, rule_set: RuleSet) -> None:
        """
        Adds a copy of an edition (reach it with edition(id)); InvalidInputError for a duplicate id or a second edition of the same kind taking effect the same day.
        """
    def edition(self, id: str) -> RuleSet:
        """
        The edition with this id (the book's own: overrides stick); NotFoundError.
        """
    def effective_until(self, edition: RuleSet) -> datetime.date | None:
        """
        The last day the edition is in force, or None while no later one of its kind exists.
        """
    def in_force(self, kind: CommitteeKind, on: datetime.date) -> RuleSet:
        """
        The edition in force on a day (the book's own); NotFoundError before the first edition.
        """
    @property
    def editions(self) -> list[RuleSet]:
        """
        Every edition, sorted by committee kind and effective date.
        """
class Person:
    """
    A person known to the chain (post holder, representative, participant).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, sex: Sex, birth_date: datetime.date | None = None, group: int | None = None, household: typing.SupportsInt | typing.SupportsIndex = 0, party_member: bool = False) -> None:
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
    def birth_date(self) -> datetime.date | None:
        """
        Birth date, or None.
        """
    @property
    def group(self) -> int | None:
        """
        Id of the group the person lives in, or None.
        """
    @property
    def household(self) -> int:
        """
        Household number in the unit (1 … households), 0 if not recorded.
        """
    @property
    def name(self) -> str:
        """
        Name.
        """
    @property
    def party_member(self) -> bool:
        """
        党员.
        """
    @property
    def sex(self) -> Sex:
        """
        Sex.
        """
class Group:
    """
    A residents' group (居民小组) or villagers' group (村民小组) with its counts.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, households: typing.SupportsInt | typing.SupportsIndex, adult_residents: typing.SupportsInt | typing.SupportsIndex) -> None:
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
    def adult_residents(self) -> int:
        """
        Residents aged 18 or over.
        """
    @property
    def households(self) -> int:
        """
        Households in the group.
        """
    @property
    def name(self) -> str:
        """
        e.g. 第一居民小组.
        """
class SubordinateCommittee:
    """
    A subordinate committee (下属委员会).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, kind: SubordinateKind, name: str) -> None:
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
    def kind(self) -> SubordinateKind:
        """
        What it does.
        """
    @property
    def name(self) -> str:
        """
        Its name.
        """
class PartyOrganisation:
    """
    A party organisation (党组织) alongside the committee.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, kind: PartyOrganisationKind, name: str, parent: int | None = None) -> None:
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
    def kind(self) -> PartyOrganisationKind:
        """
        Its rank.
        """
    @property
    def name(self) -> str:
        """
        Its name.
        """
    @property
    def parent(self) -> int | None:
        """
        Id of the organisation above it, or None.
        """
class Post:
    """
    A post held by a person for a term [start, end] (end None while in office).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, kind: PostKind, person: int, start: datetime.date, end: datetime.date | None = None, group: int | None = None, subordinate: int | None = None, party_organisation: int | None = None, duty: SubordinateKind | None = None) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def active_on(self, on: datetime.date) -> bool:
        """
        True when the post is held on that day.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def duty(self) -> SubordinateKind | None:
        """
        The SubordinateKind carried, for duty posts.
        """
    @property
    def end(self) -> datetime.date | None:
        """
        Last day, or None while in office.
        """
    @property
    def group(self) -> int | None:
        """
        Group id, for group heads and representatives.
        """
    @property
    def is_committee_seat(self) -> bool:
        """
        True for 主任, 副主任 and 委员.
        """
    @property
    def kind(self) -> PostKind:
        """
        Which post.
        """
    @property
    def party_organisation(self) -> int | None:
        """
        Party organisation id, for party posts.
        """
    @property
    def person(self) -> int:
        """
        Id of the holder.
        """
    @property
    def start(self) -> datetime.date:
        """
        First day in the post.
        """
    @property
    def subordinate(self) -> int | None:
        """
        Subordinate committee id, for its head and members.
        """
class AutonomyChain:
    """
    The four-level autonomy chain of one community or village: committee → subordinate committees → groups → representatives, with people, posts and terms and the party organisation alongside. Ids are ints; every mutator checks its input and changes nothing when it raises.
    """
    def _repr_svg_(self) -> typing.Optional[str]:
        """The org chart with the posts held today (or on the first day of a term not yet begun), or None without Graphviz."""
    def roster(self, on: typing.Optional[datetime.date] = ...) -> pandas.DataFrame:
        """One row per post (index: post id): kind, person, person_name, sex, group, group_name, subordinate, subordinate_name, party_organisation, party_organisation_name, duty, start, end, and active (held on that day) when on is given. Needs pandas."""
    def groups_frame(self) -> pandas.DataFrame:
        """One row per group (index: group id): name, households, adult_residents. Needs pandas."""
    def people_frame(self) -> pandas.DataFrame:
        """One row per person (index: person id): name, sex, birth_date, group, group_name, household, party_member. Needs pandas."""
    def __init__(self, kind: CommitteeKind, unit: str | grassroots._core.division.DivisionCode, name: str, elected: datetime.date) -> None:
        """
        A chain for the committee of a village-level unit (DivisionCode or 12-digit str) elected on a day. InvalidInputError for a bad code, a unit above village level or an empty name.
        """
    def __repr__(self) -> str:
        ...
    def add_group(self, name: str, households: typing.SupportsInt | typing.SupportsIndex, adult_residents: typing.SupportsInt | typing.SupportsIndex) -> int:
        """
        Adds a group with its counts; returns the group id. InvalidInputError for an empty name, negative counts or more than 10 adults per household.
        """
    def add_party_organisation(self, kind: PartyOrganisationKind, name: str, parent: int | None = None) -> int:
        """
        Adds a party organisation under parent (which must rank above it); returns its id.
        """
    def add_person(self, name: str, sex: Sex, birth_date: datetime.date | None = None, group: int | None = None, household: typing.SupportsInt | typing.SupportsIndex = 0, party_member: bool = False) -> int:
        """
        Registers a person; returns the person id. InvalidInputError (empty name), NotFoundError (unknown group).
        """
    def add_subordinate_committee(self, kind: SubordinateKind, name: str = '') -> int:
        """
        Adds a subordinate committee (OTHER needs a name); returns its id.
        """
    def appoint(self, seat: PostKind, person: int, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Appoints a DIRECTOR, DEPUTY_DIRECTOR or MEMBER; returns the post id.
        """
    def appoint_group_head(self, group: int, person: int, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Records the head (组长) a group chose; returns the post id.
        """
    def appoint_party_post(self, organisation: int, kind: PostKind, person: int, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Appoints a PARTY_SECRETARY, PARTY_DEPUTY_SECRETARY or PARTY_MEMBER_POST; returns the post id.
        """
    def appoint_to_subordinate(self, committee: int, person: int, head: bool, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Appoints the head (head=True) or a member of a subordinate committee; returns the post id.
        """
    def assign_duty(self, duty: SubordinateKind, person: int, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Gives a committee member a subordinate duty (分工负责) when no such committee exists; returns the post id.
        """
    def director(self, on: datetime.date) -> int | None:
        """
        The director's person id on a day, if exactly one.
        """
    def elect_representative(self, group: int, person: int, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Records a representative elected by a group; returns the post id.
        """
    def end_post(self, post: int, end: datetime.date) -> None:
        """
        Ends a post on a day; InvalidInputError if before its start or already ended.
        """
    def entity_count(self) -> int:
        """
        People, groups, committees, organisations and posts (plus the committee): what validation walks.
        """
    def group(self, id: int) -> Group:
        """
        The group with this id (a copy); NotFoundError.
        """
    def holders(self, kind: PostKind, on: datetime.date) -> list[int]:
        """
        Ids of the posts of a kind held on a day, in id order.
        """
    def is_adult(self, person: int, on: datetime.date) -> bool:
        """
        True when the person is 18 or older on a day (unknown birth date: assumed adult).
        """
    def is_committee_member(self, person: int, on: datetime.date) -> bool:
        """
        True when the person holds a committee seat on a day.
        """
    def party_organisation(self, id: int) -> PartyOrganisation:
        """
        The party organisation with this id (a copy); NotFoundError.
        """
    def person(self, id: int) -> Person:
        """
        The person with this id (a copy); NotFoundError.
        """
    def post(self, id: int) -> Post:
        """
        The post with this id (a copy); NotFoundError.
        """
    def posts_of(self, person: int, on: datetime.date) -> list[int]:
        """
        Ids of the posts a person holds on a day (兼任); NotFoundError for an unknown person.
        """
    def secretary_chairs_committee(self, on: datetime.date) -> bool:
        """
        一肩挑: the director is also secretary of the top party organisation on a day.
        """
    def subordinate_committee(self, id: int) -> SubordinateCommittee:
        """
        The subordinate committee with this id (a copy); NotFoundError.
        """
    def to_dot(self, on: datetime.date | None = None) -> str:
        """
        The chain as an org chart in Graphviz DOT with the posts held on a day (default: the start of the term): committee, subordinate committees, groups and their representatives, the party organisations alongside.
        """
    @property
    def adult_residents(self) -> int:
        """
        Adults, summed over groups.
        """
    @property
    def elected(self) -> datetime.date:
        """
        Start of the current term.
        """
    @property
    def groups(self) -> list[Group]:
        """
        All groups, by id (copies).
        """
    @property
    def households(self) -> int:
        """
        Households, summed over groups.
        """
    @property
    def kind(self) -> CommitteeKind:
        """
        居委会 or 村委会.
        """
    @property
    def name(self) -> str:
        """
        The committee's name.
        """
    @property
    def party_organisations(self) -> list[PartyOrganisation]:
        """
        All party organisations, by id (copies).
        """
    @property
    def people(self) -> list[Person]:
        """
        All people, by id (copies).
        """
    @property
    def posts(self) -> list[Post]:
        """
        All posts, by id (copies).
        """
    @property
    def subordinate_committees(self) -> list[SubordinateCommittee]:
        """
        All subordinate committees, by id (copies).
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The community's or village's DivisionCode.
        """
class Finding:
    """
    One thing found: which rule, how serious, about which entity, what, and from where.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, rule_id: str, severity: Severity, entity: str, message: str, source: str = '', rule_verified: bool = True) -> None:
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
    def entity(self) -> str:
        """
        e.g. 'group 3 (第四居民小组)' or 'committee'.
        """
    @property
    def message(self) -> str:
        """
        What is wrong, with the numbers.
        """
    @property
    def rule_id(self) -> str:
        """
        e.g. 'group.representatives'.
        """
    @property
    def rule_verified(self) -> bool:
        """
        False when the rule's number is unverified, local or overridden.
        """
    @property
    def severity(self) -> Severity:
        """
        How serious.
        """
    @property
    def source(self) -> str:
        """
        Law and article of the rule.
        """
class ValidationReport:
    """
    The result of validate(): findings and what was checked.
    """
    def _repr_html_(self) -> typing.Optional[str]:
        """The text repr (escaped) over the to_pandas() frame as pandas shows it (escaped, display.max_rows rows at most); None without pandas, so that Jupyter shows the text repr."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per finding: rule_id, severity (ordered categorical info < warning < error), entity, message, source, rule_verified. Needs pandas."""
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, on: datetime.date, rule_set: str, findings: collections.abc.Sequence[Finding] = [], entities_checked: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def count(self, severity: Severity) -> int:
        """
        Number of findings of a severity.
        """
    def has(self, rule_id: str) -> bool:
        """
        True when some finding has this rule id.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def entities_checked(self) -> int:
        """
        Entities walked.
        """
    @property
    def findings(self) -> list[Finding]:
        """
        Findings in check order.
        """
    @property
    def ok(self) -> bool:
        """
        True when there is no error (warnings allowed).
        """
    @property
    def on(self) -> datetime.date:
        """
        The day the chain was checked for.
        """
    @property
    def rule_set(self) -> str:
        """
        Id of the edition applied, e.g. 'rc-2018'.
        """
class MeetingRecord:
    """
    A meeting as it happened: who came and who voted for the motion.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, kind: MeetingKind, date: datetime.date, attendees: collections.abc.Sequence[int], votes_for: collections.abc.Sequence[int] = [], base: AttendanceBase = ..., motion: str = '') -> None:
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
    def attendees(self) -> list[int]:
        """
        Person ids of those present.
        """
    @property
    def base(self) -> AttendanceBase:
        """
        Attendance base, for residents' and villagers' meetings.
        """
    @property
    def date(self) -> datetime.date:
        """
        The day it met.
        """
    @property
    def kind(self) -> MeetingKind:
        """
        Which body.
        """
    @property
    def motion(self) -> str:
        """
        What was put to the vote.
        """
    @property
    def votes_for(self) -> list[int]:
        """
        Person ids of those who voted for the motion.
        """
class MeetingResult:
    """
    Quorum and vote of a meeting, with the numbers and the rules applied.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, base: typing.SupportsInt | typing.SupportsIndex, present: typing.SupportsInt | typing.SupportsIndex, required_present: typing.SupportsInt | typing.SupportsIndex, quorate: bool, votes_for: typing.SupportsInt | typing.SupportsIndex, required_votes: typing.SupportsInt | typing.SupportsIndex, passed: bool, quorum_rule: str, decision_rule: str, rules_verified: bool, explanation: str) -> None:
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
    def base(self) -> int:
        """
        Size of the body (adults, households, representatives, members).
        """
    @property
    def decision_rule(self) -> str:
        """
        Rule id used for the vote.
        """
    @property
    def explanation(self) -> str:
        """
        One line in plain words.
        """
    @property
    def passed(self) -> bool:
        """
        Quorate and enough votes.
        """
    @property
    def present(self) -> int:
        """
        Attendees counted.
        """
    @property
    def quorate(self) -> bool:
        """
        May the meeting be held.
        """
    @property
    def quorum_rule(self) -> str:
        """
        Rule id used for the quorum.
        """
    @property
    def required_present(self) -> int:
        """
        Smallest attendance that is a quorum.
        """
    @property
    def required_votes(self) -> int:
        """
        Smallest number of votes that passes it.
        """
    @property
    def rules_verified(self) -> bool:
        """
        False when either rule is an unverified default or overridden.
        """
    @property
    def votes_for(self) -> int:
        """
        Votes for the motion.
        """
class ConveningRequest:
    """
    A request to convene a meeting (提议召集).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, kind: MeetingKind, date: datetime.date, residents: collections.abc.Sequence[int] = [], households: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = [], groups: collections.abc.Sequence[int] = [], representatives: collections.abc.Sequence[int] = []) -> None:
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
        When the request was made.
        """
    @property
    def groups(self) -> list[int]:
        """
        Group ids of groups that asked.
        """
    @property
    def households(self) -> list[int]:
        """
        Household numbers that asked.
        """
    @property
    def kind(self) -> MeetingKind:
        """
        The meeting asked for.
        """
    @property
    def representatives(self) -> list[int]:
        """
        Person ids of representatives who signed.
        """
    @property
    def residents(self) -> list[int]:
        """
        Person ids of adults who signed.
        """
class ConveningResult:
    """
    Whether the committee must convene, and by which criterion.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, must_convene: bool, met_rule: str, explanation: str) -> None:
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
    def explanation(self) -> str:
        """
        Each criterion with its numbers.
        """
    @property
    def met_rule(self) -> str:
        """
        Id of the first criterion met ('' if none).
        """
    @property
    def must_convene(self) -> bool:
        """
        At least one criterion is met.
        """
class FollowUp:
    """
    A follow-up entry of a decision: the day, the new status and a note.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, date: datetime.date, status: DecisionStatus, note: str = '') -> None:
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
        When.
        """
    @property
    def note(self) -> str:
        """
        What happened.
        """
    @property
    def status(self) -> DecisionStatus:
        """
        Status from then on.
        """
class ConsultationDecision:
    """
    A decision of a consultation meeting.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, text: str, owner: int, due: datetime.date, status: DecisionStatus = ..., history: collections.abc.Sequence[FollowUp] = []) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def overdue(self, on: datetime.date) -> bool:
        """
        Not done or cancelled, and due before that day.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def due(self) -> datetime.date:
        """
        By when.
        """
    @property
    def history(self) -> list[FollowUp]:
        """
        Every status change, oldest first.
        """
    @property
    def owner(self) -> int:
        """
        Person id of who carries it out.
        """
    @property
    def status(self) -> DecisionStatus:
        """
        Current status.
        """
    @property
    def text(self) -> str:
        """
        What was decided.
        """
class ConsultationMeeting:
    """
    A consultation meeting (协商议事, '有事好商量'): a topic, participants, and decisions with an owner, a due date and follow-up.
    """
    def decisions_frame(self, on: typing.Optional[datetime.date] = ...) -> pandas.DataFrame:
        """One row per decision (index: decision index): text, owner, due, status, follow_ups, last_follow_up, and overdue (on that day) when on is given. Needs pandas."""
    def __init__(self, chain: AutonomyChain, topic: str, date: datetime.date, participants: collections.abc.Sequence[int]) -> None:
        """
        A meeting of registered people of a chain, each once. InvalidInputError (empty topic, no or repeated participants) or NotFoundError.
        """
    def __repr__(self) -> str:
        ...
    def decide(self, chain: AutonomyChain, text: str, owner: int, due: datetime.date) -> int:
        """
        Records a decision; returns its index. InvalidInputError (empty text, due before the meeting, another chain than the meeting's) or NotFoundError (owner not in the chain).
        """
    def follow_up(self, index: typing.SupportsInt | typing.SupportsIndex, status: DecisionStatus, date: datetime.date, note: str = '') -> None:
        """
        Moves a decision to a status (open → in_progress → done, open/in_progress → cancelled, or a progress note keeping open/in_progress). InvalidInputError for another move or an earlier date; NotFoundError for a bad index.
        """
    def overdue(self, on: datetime.date) -> list[int]:
        """
        Indices of decisions overdue on a day.
        """
    @property
    def chain_name(self) -> str:
        """
        The name of the chain's committee the meeting was held in.
        """
    @property
    def date(self) -> datetime.date:
        """
        When.
        """
    @property
    def decisions(self) -> list[ConsultationDecision]:
        """
        The decisions (copies), by index.
        """
    @property
    def participants(self) -> list[int]:
        """
        Person ids of those who took part.
        """
    @property
    def topic(self) -> str:
        """
        What was discussed.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The DivisionCode of the chain the meeting was held in.
        """
def check_convening(chain: AutonomyChain, rules: RuleSet, request: ConveningRequest) -> ConveningResult:
    """
    Applies the convening rights (residents' meeting: ≥ 1/5 adults, ≥ 1/5 households or ≥ 1/3 groups; …). Raises like hold_meeting() for ineligible or unknown requesters.
    """
def hold_meeting(chain: AutonomyChain, rules: RuleSet, record: MeetingRecord) -> MeetingResult:
    """
    Decides quorum and vote of a meeting under the rules. InvalidInputError when the meeting does not fit the chain or an attendee or voter is not eligible; NotFoundError for an unknown person.
    """
def rules_in_force(kind: CommitteeKind, on: datetime.date) -> RuleSet:
    """
    A standalone copy of the built-in edition in force on a day: RuleBook.china().in_force(kind, on).
    """
def synthetic_chain(unit: str | grassroots._core.division.DivisionCode, name: str, elected: datetime.date, seed: typing.SupportsInt | typing.SupportsIndex, min_households: typing.SupportsInt | typing.SupportsIndex = 300, max_households: typing.SupportsInt | typing.SupportsIndex = 700, households_per_group: typing.SupportsInt | typing.SupportsIndex = 40, adults_per_household: typing.SupportsFloat | typing.SupportsIndex = 2.1, party_secretary_chairs: typing.SupportsFloat | typing.SupportsIndex = 0.7) -> AutonomyChain:
    """
    A lawful synthetic chain for a village-level unit, the same for the same seed everywhere. The kind follows the code (村委会 for 200–399, else 居委会).
    """
def validate(chain: AutonomyChain, on: datetime.date, rules: RuleSet | None = None) -> ValidationReport:
    """
    Checks a chain against the rules on a day (by default the built-in edition in force then). InvalidInputError when the rules govern the other committee kind.
    """
