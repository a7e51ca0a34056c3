"""
Community-worker reviews (履职评估), volunteers, 党员回家 and social organisations
"""
from __future__ import annotations
import grassroots._core.people
import pandas
import collections.abc
import datetime
import grassroots._core.autonomy
import grassroots._core.division
import grassroots._core.workflow
import os
import typing
__all__: list[str] = ['CommunityWorker', 'EvidenceValue', 'GradeProgress', 'HandledCase', 'Indicator', 'IndicatorScore', 'ParticipationShare', 'PartyMemberRegistration', 'QuotaAdjustment', 'QuotaOptions', 'QuotaPool', 'QuotaRounding', 'Rating', 'ResidentPartyMembers', 'ReviewEvidence', 'ReviewOutcome', 'ReviewRules', 'Scoring', 'ScoringKind', 'ScoringStep', 'ServiceRecord', 'SocialOrganisation', 'SocialOrganisationKind', 'SocialOrganisationRegistry', 'UnitCount', 'UnitHouseholds', 'Volunteer', 'VolunteerProject', 'VolunteerRegistry', 'VolunteerTeam', 'VolunteerTotals', 'WorkerReview', 'Workforce', 'add_months', 'evidence_from_cases', 'evidence_from_handled_cases', 'households_of', 'next_grade', 'parse_rating', 'parse_social_organisation_kind', 'review']
class Rating:
    """
    The rating (等次) a review gives.
    
    Members:
    
      EXCELLENT : 优秀: the top band
    
      COMPETENT : 称职: the second band
    
      BASICALLY_COMPETENT : 基本称职: the third band
    
      INCOMPETENT : 不称职: the bottom band
    """
    BASICALLY_COMPETENT: typing.ClassVar[Rating]
    COMPETENT: typing.ClassVar[Rating]
    EXCELLENT: typing.ClassVar[Rating]
    INCOMPETENT: typing.ClassVar[Rating]
    __members__: typing.ClassVar[dict[str, Rating]]
    @typing.overload
    def __eq__(self, other: Rating) -> bool:
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
    def __ne__(self, other: Rating) -> bool:
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
class ScoringKind:
    """
    How an indicator turns its evidence into points.
    
    Members:
    
      LINEAR : 0 points at zero_at, 100 at full_at, a line between
    
      STEPS : the points of the highest step reached
    """
    LINEAR: typing.ClassVar[ScoringKind]
    STEPS: typing.ClassVar[ScoringKind]
    __members__: typing.ClassVar[dict[str, ScoringKind]]
    @typing.overload
    def __eq__(self, other: ScoringKind) -> bool:
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
    def __ne__(self, other: ScoringKind) -> bool:
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
class QuotaRounding:
    """
    How the 优秀 quota rounds a share of a pool to whole workers.
    
    Members:
    
      DOWN : floor: never more than the share
    
      NEAREST : round half up
    
      UP : ceil: at least one in a pool with a positive share
    """
    DOWN: typing.ClassVar[QuotaRounding]
    NEAREST: typing.ClassVar[QuotaRounding]
    UP: typing.ClassVar[QuotaRounding]
    __members__: typing.ClassVar[dict[str, QuotaRounding]]
    @typing.overload
    def __eq__(self, other: QuotaRounding) -> bool:
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
    def __ne__(self, other: QuotaRounding) -> bool:
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
class CommunityWorker:
    """
    A community worker (社区工作者): who, where, and their grade clock.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, id: str, name: str, unit: str | grassroots._core.division.DivisionCode, grade: typing.SupportsInt | typing.SupportsIndex = 1, grade_start: datetime.date | None = None, wait_change_months: typing.SupportsInt | typing.SupportsIndex = 0, actor: str = '') -> None:
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
        Their actor id in a CaseEngine ('' = none).
        """
    @property
    def grade(self) -> int:
        """
        Current post grade (岗位等级).
        """
    @property
    def grade_start(self) -> datetime.date | None:
        """
        When they reached it, or None.
        """
    @property
    def id(self) -> str:
        """
        Unique staff id.
        """
    @property
    def name(self) -> str:
        """
        Name.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit they work for (DivisionCode).
        """
    @property
    def wait_change_months(self) -> int:
        """
        Months earlier reviews at this grade added to (+) or took off (−) the wait.
        """
class Workforce:
    """
    The community workers under review; staff ids are unique. Ids are ints.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """One row per worker, indexed by id: staff_id, name, unit, grade, grade_start, wait_change_months, actor."""
    @staticmethod
    def parse_csv(text: str, source: str = '<text>') -> Workforce:
        """
        Parses CSV with the columns id,name,unit and optionally grade, grade_start, wait_change_months, actor; errors name the source, line and field.
        """
    @staticmethod
    def read_csv(path: os.PathLike | str | bytes) -> Workforce:
        """
        Reads such a CSV file (gzip allowed).
        """
    def __init__(self) -> None:
        """
        An empty workforce.
        """
    def __len__(self) -> int:
        ...
    def add(self, worker: CommunityWorker) -> int:
        """
        Adds a CommunityWorker; returns its id. InvalidInputError for an empty or duplicate id, an empty name or a grade below 1.
        """
    def at(self, staff_id: str) -> int:
        """
        The int id of the worker with this staff id; NotFoundError.
        """
    def find(self, staff_id: str) -> int | None:
        """
        The int id of the worker with this staff id, or None.
        """
    def worker(self, id: int) -> CommunityWorker:
        """
        The worker with this int id; NotFoundError.
        """
    @property
    def workers(self) -> list[CommunityWorker]:
        """
        All workers (copies), by id.
        """
class EvidenceValue:
    """
    One number read by a review: a worker's value for an evidence key.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, worker: str, key: str, value: typing.SupportsFloat | typing.SupportsIndex, where: str = '') -> None:
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
    def key(self) -> str:
        """
        Evidence key.
        """
    @property
    def value(self) -> float:
        """
        The number (≥ 0).
        """
    @property
    def where(self) -> str:
        """
        Where it came from ('evidence.csv, row 3, field \\'cases\\''), or ''.
        """
    @property
    def worker(self) -> str:
        """
        Staff id.
        """
class ReviewEvidence:
    """
    The evidence of one review period: at most one finite value ≥ 0 per worker and key.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """Wide: one row per worker (index 'worker'), one float64 column per key (NaN where not given)."""
    @staticmethod
    def from_mapping(values: collections.abc.Mapping[str, collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]]) -> ReviewEvidence:
        """
        From {staff_id: {key: value}}.
        """
    @staticmethod
    def parse_csv(text: str, source: str = '<text>') -> ReviewEvidence:
        """
        Parses wide CSV: a 'worker' column and one column per evidence key (an empty cell is no value); errors name the source, line and column.
        """
    @staticmethod
    def read_csv(path: os.PathLike | str | bytes) -> ReviewEvidence:
        """
        Reads such a CSV file (gzip allowed).
        """
    def __init__(self) -> None:
        """
        No evidence yet.
        """
    def __len__(self) -> int:
        ...
    def find(self, worker: str, key: str) -> float | None:
        """
        The value, or None.
        """
    def merge(self, other: ReviewEvidence) -> None:
        """
        Adds every value of another ReviewEvidence; all or nothing (InvalidInputError for a value in both).
        """
    def set(self, worker: str, key: str, value: typing.SupportsFloat | typing.SupportsIndex) -> None:
        """
        Records a value; InvalidInputError for a negative or non-finite value or one already given.
        """
    @property
    def values(self) -> list[EvidenceValue]:
        """
        Every value (EvidenceValue), in the order given.
        """
class HandledCase:
    """
    One handled case as a review reads it: handler, when handled, when due.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, actor: str, handled_at: datetime.datetime, handling_due: datetime.datetime | None = None) -> None:
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
        The handler's actor id.
        """
    @property
    def handled_at(self) -> datetime.datetime:
        """
        When it was handled.
        """
    @property
    def handling_due(self) -> datetime.datetime | None:
        """
        Its handling deadline, or None.
        """
class ScoringStep:
    """
    One step of a step scoring: evidence >= at_least earns points.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, at_least: typing.SupportsFloat | typing.SupportsIndex, points: typing.SupportsFloat | typing.SupportsIndex) -> None:
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
    def at_least(self) -> float:
        """
        The evidence needed.
        """
    @property
    def points(self) -> float:
        """
        Points earned (0–100).
        """
class Scoring:
    """
    An indicator's scoring function: evidence → points on a 0–100 scale. Linear: 0 at zero_at, 100 at full_at (falling when zero_at > full_at), flat outside; steps: the points of the highest step reached.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def linear(zero_at: typing.SupportsFloat | typing.SupportsIndex, full_at: typing.SupportsFloat | typing.SupportsIndex) -> Scoring:
        """
        A linear scoring from zero_at (0 points) to full_at (100 points).
        """
    @staticmethod
    def stepped(steps: collections.abc.Sequence[ScoringStep]) -> Scoring:
        """
        A step scoring (ascending ScoringSteps).
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, kind: ScoringKind, zero_at: typing.SupportsFloat | typing.SupportsIndex = 0.0, full_at: typing.SupportsFloat | typing.SupportsIndex = 1.0, steps: collections.abc.Sequence[ScoringStep] = []) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def check(self, what: str = 'scoring') -> None:
        """
        InvalidInputError (mentioning what) unless the function is well formed.
        """
    def points(self, evidence: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        The points for a piece of evidence (0–100).
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def full_at(self) -> float:
        """
        Linear: evidence worth 100 points.
        """
    @property
    def kind(self) -> ScoringKind:
        """
        ScoringKind.
        """
    @property
    def steps(self) -> list[ScoringStep]:
        """
        Steps: ascending ScoringSteps.
        """
    @property
    def zero_at(self) -> float:
        """
        Linear: evidence worth 0 points.
        """
class Indicator:
    """
    One indicator (指标) of a review: the evidence it reads, its weight, scoring and source.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, id: str, name: str, evidence: str, weight: typing.SupportsFloat | typing.SupportsIndex, scoring: Scoring, evidence_max: typing.SupportsFloat | typing.SupportsIndex | None = None, points_if_missing: typing.SupportsFloat | typing.SupportsIndex | None = None, law: str = '', article: str = '', verified: bool = False, override_note: str = '') -> None:
        """
        An indicator (checked when put into ReviewRules).
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
    def article(self) -> str:
        """
        Article or section, '' when not known.
        """
    @property
    def evidence(self) -> str:
        """
        The evidence key it reads.
        """
    @property
    def evidence_max(self) -> float | None:
        """
        Largest acceptable evidence, or None.
        """
    @property
    def id(self) -> str:
        """
        Stable id.
        """
    @property
    def law(self) -> str:
        """
        Where it comes from.
        """
    @property
    def name(self) -> str:
        """
        What it measures, with the Chinese term.
        """
    @property
    def override_note(self) -> str:
        """
        Non-empty when a user replaced it.
        """
    @property
    def points_if_missing(self) -> float | None:
        """
        Points when a worker has no evidence (None: an error).
        """
    @property
    def scoring(self) -> Scoring:
        """
        Evidence → points.
        """
    @property
    def verified(self) -> bool:
        """
        False for defaults not checked against a published scheme.
        """
    @property
    def weight(self) -> float:
        """
        Share of the score (weights sum to 1).
        """
class QuotaOptions:
    """
    Where and how the 优秀 quota applies (configurable defaults, not verified).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, level: grassroots._core.division.Level = ..., rounding: QuotaRounding = ..., tie_break: collections.abc.Sequence[str] = []) -> None:
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
    def level(self) -> grassroots._core.division.Level:
        """
        Workers are pooled by their unit's ancestor at this Level (VILLAGE: each community on its own).
        """
    @property
    def rounding(self) -> QuotaRounding:
        """
        QuotaRounding of reviewed × percent / 100.
        """
    @property
    def tie_break(self) -> list[str]:
        """
        Indicator ids that break ties in score, in order; workers still tied at the edge all move down.
        """
class ReviewRules:
    """
    A review scheme (履职评估办法): indicators, rating bands, the 优秀 quota and the grade clock. Numbers are Rules with a single-number IntRange, a source and a verified flag.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """One row per indicator and parameter: kind, id, summary, value, weight, scoring, law, article, verified, override_note."""
    @staticmethod
    def default_indicators() -> list[Indicator]:
        """
        The six default indicators.
        """
    @staticmethod
    def default_parameters() -> list[grassroots._core.autonomy.Rule]:
        """
        The default parameters (Rules).
        """
    @staticmethod
    def defaults() -> ReviewRules:
        """
        The library's default scheme: six indicators (unverified defaults), bands 90/75/60, at most 20 % 优秀 per community, a 36-month grade wait (unverified) and the seed's 6 months off per 优秀.
        """
    def __init__(self, id: str, title: str, effective_from: datetime.date, indicators: collections.abc.Sequence[Indicator], parameters: collections.abc.Sequence[grassroots._core.autonomy.Rule] | None = None, quota: QuotaOptions | None = None) -> None:
        """
        A scheme (parameters: default_parameters() when None); InvalidInputError naming the bad item, e.g. weights that do not sum to 1.
        """
    def __repr__(self) -> str:
        ...
    def indicator(self, id: str) -> Indicator:
        """
        The indicator with this id; NotFoundError.
        """
    def min_score(self, rating: Rating) -> float:
        """
        The lowest score rated so.
        """
    def override_indicators(self, indicators: collections.abc.Sequence[Indicator], note: str) -> None:
        """
        Replaces every indicator (weights must sum to 1); InvalidInputError keeps the old set.
        """
    def override_parameter(self, id: str, value: typing.SupportsInt | typing.SupportsIndex, note: str) -> None:
        """
        Replaces a parameter's value; the note says whose rule it is. NotFoundError / InvalidInputError.
        """
    def parameter(self, id: str) -> grassroots._core.autonomy.Rule:
        """
        The parameter Rule with this id; NotFoundError.
        """
    def rate(self, score: typing.SupportsFloat | typing.SupportsIndex) -> Rating:
        """
        The Rating band of a score.
        """
    def round_score(self, score: typing.SupportsFloat | typing.SupportsIndex) -> float:
        """
        A score rounded to score.decimals.
        """
    def set_quota(self, quota: QuotaOptions) -> None:
        """
        Replaces the QuotaOptions.
        """
    def value(self, id: str) -> int:
        """
        The number of parameter id.
        """
    def wait_change_months(self, rating: Rating) -> int:
        """
        Months one review rated so adds to (+) or takes off (−) the grade wait.
        """
    @property
    def effective_from(self) -> datetime.date:
        """
        First day in force.
        """
    @property
    def id(self) -> str:
        """
        e.g. 'default-2024'.
        """
    @property
    def indicators(self) -> list[Indicator]:
        """
        The indicators (copies).
        """
    @property
    def parameters(self) -> list[grassroots._core.autonomy.Rule]:
        """
        The numeric parameters (Rules).
        """
    @property
    def quota(self) -> QuotaOptions:
        """
        The QuotaOptions.
        """
    @property
    def title(self) -> str:
        """
        The scheme's title.
        """
class GradeProgress:
    """
    When a worker reaches the next grade, and why.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, grade_start: datetime.date, standard_wait_months: typing.SupportsInt | typing.SupportsIndex, change_months: typing.SupportsInt | typing.SupportsIndex, next_grade_date: datetime.date, explanation: str) -> None:
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
    def change_months(self) -> int:
        """
        Sum of the changes (−6 per 优秀).
        """
    @property
    def explanation(self) -> str:
        """
        The sum in words.
        """
    @property
    def grade_start(self) -> datetime.date:
        """
        Reached the current grade.
        """
    @property
    def next_grade_date(self) -> datetime.date:
        """
        The next grade's date.
        """
    @property
    def standard_wait_months(self) -> int:
        """
        The scheme's wait.
        """
class IndicatorScore:
    """
    One indicator of one worker's score: evidence → points → contribution.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, indicator: str, evidence: str, value: typing.SupportsFloat | typing.SupportsIndex | None, points: typing.SupportsFloat | typing.SupportsIndex, weight: typing.SupportsFloat | typing.SupportsIndex, contribution: typing.SupportsFloat | typing.SupportsIndex) -> None:
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
    def contribution(self) -> float:
        """
        points × weight.
        """
    @property
    def evidence(self) -> str:
        """
        Evidence key read.
        """
    @property
    def indicator(self) -> str:
        """
        Indicator id.
        """
    @property
    def points(self) -> float:
        """
        0–100.
        """
    @property
    def value(self) -> float | None:
        """
        The evidence, or None when scored by points_if_missing.
        """
    @property
    def weight(self) -> float:
        """
        The indicator's weight.
        """
class QuotaAdjustment:
    """
    A rating moved down because a pool had more 优秀 than its quota.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, from_: Rating, to: Rating, pool: str | grassroots._core.division.DivisionCode, reviewed: typing.SupportsInt | typing.SupportsIndex, allowed: typing.SupportsInt | typing.SupportsIndex, rank: typing.SupportsInt | typing.SupportsIndex, reason: str) -> None:
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
    def allowed(self) -> int:
        """
        优秀 allowed in the pool.
        """
    @property
    def from_(self) -> Rating:
        """
        The rating by score.
        """
    @property
    def pool(self) -> grassroots._core.division.DivisionCode:
        """
        The pool's unit.
        """
    @property
    def rank(self) -> int:
        """
        1-based rank among the pool's 优秀 (ties share a rank).
        """
    @property
    def reason(self) -> str:
        """
        In words.
        """
    @property
    def reviewed(self) -> int:
        """
        Workers reviewed in the pool.
        """
    @property
    def to(self) -> Rating:
        """
        The rating given.
        """
class WorkerReview:
    """
    One worker's review: scores, rating, any quota adjustment, the grade clock and an explanation of every step.
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
    def adjustment(self) -> QuotaAdjustment | None:
        """
        QuotaAdjustment, or None.
        """
    @property
    def explanation(self) -> str:
        """
        Every step in words, one line each.
        """
    @property
    def indicators(self) -> list[IndicatorScore]:
        """
        IndicatorScores, in the scheme's order.
        """
    @property
    def next_grade_date(self) -> datetime.date | None:
        """
        With this rating; None without a start.
        """
    @property
    def pool(self) -> grassroots._core.division.DivisionCode:
        """
        The quota pool's unit.
        """
    @property
    def rating(self) -> Rating:
        """
        The rating given (after the quota).
        """
    @property
    def score(self) -> float:
        """
        Σ contributions, rounded to score.decimals.
        """
    @property
    def score_rating(self) -> Rating:
        """
        The band of the score.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit they work for.
        """
    @property
    def wait_change_months(self) -> int:
        """
        What the rating does to the wait.
        """
    @property
    def worker(self) -> int:
        """
        Int id in the workforce.
        """
    @property
    def worker_id(self) -> str:
        """
        Staff id.
        """
class QuotaPool:
    """
    One quota pool of a review.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, unit: str | grassroots._core.division.DivisionCode, reviewed: typing.SupportsInt | typing.SupportsIndex, allowed: typing.SupportsInt | typing.SupportsIndex, excellent_by_score: typing.SupportsInt | typing.SupportsIndex, excellent: typing.SupportsInt | typing.SupportsIndex, moved_down: typing.SupportsInt | typing.SupportsIndex) -> None:
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
    def allowed(self) -> int:
        """
        优秀 allowed.
        """
    @property
    def excellent(self) -> int:
        """
        优秀 given.
        """
    @property
    def excellent_by_score(self) -> int:
        """
        优秀 by score.
        """
    @property
    def moved_down(self) -> int:
        """
        Moved down by the quota.
        """
    @property
    def reviewed(self) -> int:
        """
        Workers reviewed.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The pool's unit.
        """
class ReviewOutcome:
    """
    The outcome of a review period.
    """
    def _repr_html_(self) -> typing.Optional[str]:
        """The text repr (escaped) over the to_pandas() frame as pandas shows it (escaped, display.max_rows rows at most); None without pandas, so that Jupyter shows the text repr."""
    def scores_frame(self) -> pandas.DataFrame:
        """One row per worker and indicator: worker_id, indicator (categorical), evidence, value, points, weight, contribution."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per worker (index worker_id): unit, pool (categoricals), score, score_rating and rating (ordered categoricals, 不称职 < … < 优秀), moved_down, quota_rank, wait_change_months, next_grade_date."""
    def __repr__(self) -> str:
        ...
    def count(self, rating: Rating) -> int:
        """
        Workers given this rating.
        """
    @property
    def first(self) -> datetime.date:
        """
        First day of the period.
        """
    @property
    def last(self) -> datetime.date:
        """
        Last day of the period.
        """
    @property
    def pools(self) -> list[QuotaPool]:
        """
        One QuotaPool per pool, in code order.
        """
    @property
    def reviews(self) -> list[WorkerReview]:
        """
        One WorkerReview per worker, by worker id.
        """
    @property
    def rules(self) -> str:
        """
        The scheme's id.
        """
class Volunteer:
    """
    A registered volunteer (注册志愿者).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, id: str, name: str, unit: str | grassroots._core.division.DivisionCode, registered: datetime.date) -> None:
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
    def id(self) -> str:
        """
        Unique registration id.
        """
    @property
    def name(self) -> str:
        """
        Name.
        """
    @property
    def registered(self) -> datetime.date:
        """
        Registration date.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        Where registered.
        """
class VolunteerTeam:
    """
    A volunteer team (志愿服务队).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, unit: str | grassroots._core.division.DivisionCode, founded: datetime.date) -> None:
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
    def founded(self) -> datetime.date:
        """
        Founding date.
        """
    @property
    def name(self) -> str:
        """
        Name (unique within its unit).
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit it belongs to.
        """
class VolunteerProject:
    """
    A volunteer service project (志愿服务项目), start to end inclusive.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, unit: str | grassroots._core.division.DivisionCode, start: datetime.date, end: datetime.date | None = None, team: int | None = None) -> None:
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
    def end(self) -> datetime.date | None:
        """
        Last day, or None while running.
        """
    @property
    def name(self) -> str:
        """
        Name.
        """
    @property
    def start(self) -> datetime.date:
        """
        First day.
        """
    @property
    def team(self) -> int | None:
        """
        The team (int id) that runs it, or None.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit that runs it.
        """
class ServiceRecord:
    """
    Service by one volunteer on one day (志愿服务记录).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, volunteer: int, project: int | None, day: datetime.date, hours: typing.SupportsFloat | typing.SupportsIndex) -> None:
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
    def day(self) -> datetime.date:
        """
        When.
        """
    @property
    def hours(self) -> float:
        """
        Service hours (0 < hours <= 24).
        """
    @property
    def project(self) -> int | None:
        """
        Project (int id), or None.
        """
    @property
    def volunteer(self) -> int:
        """
        Volunteer (int id).
        """
class VolunteerTotals:
    """
    Volunteer totals of one unit over a period: registered and active volunteers, teams, projects running, service records and hours (volunteers and hours where the volunteer is registered).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, unit: str | grassroots._core.division.DivisionCode, volunteers: typing.SupportsInt | typing.SupportsIndex, active_volunteers: typing.SupportsInt | typing.SupportsIndex, teams: typing.SupportsInt | typing.SupportsIndex, projects: typing.SupportsInt | typing.SupportsIndex, service_records: typing.SupportsInt | typing.SupportsIndex, hours: typing.SupportsFloat | typing.SupportsIndex) -> None:
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
    def active_volunteers(self) -> int:
        """
        Volunteers who served.
        """
    @property
    def hours(self) -> float:
        """
        Service hours.
        """
    @property
    def projects(self) -> int:
        """
        Projects running in the period.
        """
    @property
    def service_records(self) -> int:
        """
        Service records.
        """
    @property
    def teams(self) -> int:
        """
        Teams (founded by the last day).
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit.
        """
    @property
    def volunteers(self) -> int:
        """
        Registered volunteers (by the last day).
        """
class VolunteerRegistry:
    """
    Volunteers, teams, projects and service records of a place. Ids are ints.
    """
    def totals_frame(self, first: datetime.date, last: datetime.date, tree: typing.Optional[grassroots._core.division.DivisionTree] = ...) -> pandas.DataFrame:
        """totals() as a DataFrame indexed by unit (categorical codes)."""
    def __init__(self) -> None:
        """
        An empty registry.
        """
    def add_project(self, project: VolunteerProject) -> int:
        """
        Adds a VolunteerProject; returns its id. InvalidInputError for end before start.
        """
    def add_team(self, team: VolunteerTeam) -> int:
        """
        Adds a VolunteerTeam; returns its id.
        """
    def add_volunteer(self, volunteer: Volunteer) -> int:
        """
        Registers a Volunteer; returns its id. InvalidInputError for an empty or duplicate id.
        """
    def find_volunteer(self, registration_id: str) -> int | None:
        """
        The int id of the volunteer with this registration id, or None.
        """
    def hours_of(self, volunteer: int, first: datetime.date, last: datetime.date) -> float:
        """
        Hours served by a volunteer in [first, last].
        """
    def join(self, volunteer: int, team: int) -> None:
        """
        Makes a volunteer a member of a team (idempotent).
        """
    def members(self, team: int) -> list[int]:
        """
        Member ids of a team.
        """
    @typing.overload
    def record(self, service: ServiceRecord) -> None:
        """
        Records a ServiceRecord; InvalidInputError for hours outside (0, 24], a day before registration or outside the project's dates.
        """
    @typing.overload
    def record(self, volunteer: int, day: datetime.date, hours: typing.SupportsFloat | typing.SupportsIndex, project: int | None = None) -> None:
        """
        Records service from its fields.
        """
    def teams_of(self, volunteer: int) -> list[int]:
        """
        Team ids of a volunteer.
        """
    def totals(self, first: datetime.date, last: datetime.date, tree: grassroots._core.division.DivisionTree = None) -> list[VolunteerTotals]:
        """
        VolunteerTotals over [first, last]: per unit that has anything (no tree), or for every unit of the tree over its subtree (rolled up the ladder).
        """
    def volunteer(self, id: int) -> Volunteer:
        """
        The volunteer with this int id.
        """
    @property
    def projects(self) -> list[VolunteerProject]:
        """
        All projects (copies), by id.
        """
    @property
    def records(self) -> list[ServiceRecord]:
        """
        All service records (copies), in order recorded.
        """
    @property
    def teams(self) -> list[VolunteerTeam]:
        """
        All teams (copies), by id.
        """
    @property
    def volunteers(self) -> list[Volunteer]:
        """
        All volunteers (copies), by id.
        """
class UnitCount:
    """
    A count for one unit of the ladder.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, unit: str | grassroots._core.division.DivisionCode, count: typing.SupportsInt | typing.SupportsIndex) -> None:
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
    def count(self) -> int:
        """
        The count.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit.
        """
class PartyMemberRegistration:
    """
    A party member registered with the community where they live (党员回家, 到社区报到).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, member: str, organisation: str, community: str | grassroots._core.division.DivisionCode, registered: datetime.date, ended: datetime.date | None = None) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def active_on(self, on: datetime.date) -> bool:
        """
        True when registered on.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def community(self) -> grassroots._core.division.DivisionCode:
        """
        The village-level unit of residence.
        """
    @property
    def ended(self) -> datetime.date | None:
        """
        Last day, or None.
        """
    @property
    def member(self) -> str:
        """
        Member id or name.
        """
    @property
    def organisation(self) -> str:
        """
        The party organisation of origin (所在党组织).
        """
    @property
    def registered(self) -> datetime.date:
        """
        Registration date.
        """
class ResidentPartyMembers:
    """
    Registrations of party members with their communities of residence (党员回家).
    """
    def counts_frame(self, on: datetime.date, tree: typing.Optional[grassroots._core.division.DivisionTree] = ...) -> pandas.DataFrame:
        """counts() as a DataFrame indexed by unit."""
    def __init__(self) -> None:
        """
        No registrations yet.
        """
    def add(self, registration: PartyMemberRegistration) -> int:
        """
        Adds a registration; returns its id. InvalidInputError for a community above village level or a member registered elsewhere over overlapping dates.
        """
    def counts(self, on: datetime.date, tree: grassroots._core.division.DivisionTree = None) -> list[UnitCount]:
        """
        UnitCounts of members registered on a day: per community (no tree), or for every unit of the tree over its subtree.
        """
    def counts_by_organisation(self, on: datetime.date) -> list[tuple[str, int]]:
        """
        (organisation, count) pairs of members registered on a day, by organisation name.
        """
    def end(self, registration: int, ended: datetime.date) -> None:
        """
        Ends a registration.
        """
    @property
    def registrations(self) -> list[PartyMemberRegistration]:
        """
        All registrations (copies), by id.
        """
class SocialOrganisationKind:
    """
    The kind of a community social organisation (common categories).
    
    Members:
    
      LIFE_SERVICE : 生活服务类: life services
    
      PUBLIC_WELFARE : 公益慈善类: public welfare and charity
    
      MUTUAL_AID : 居民互助类: residents' mutual aid
    
      CULTURE_SPORTS : 文体娱乐类: culture, sports and recreation
    
      MEDIATION : 专业调处类: professional mediation
    
      OTHER : 其他: any other kind
    """
    CULTURE_SPORTS: typing.ClassVar[SocialOrganisationKind]
    LIFE_SERVICE: typing.ClassVar[SocialOrganisationKind]
    MEDIATION: typing.ClassVar[SocialOrganisationKind]
    MUTUAL_AID: typing.ClassVar[SocialOrganisationKind]
    OTHER: typing.ClassVar[SocialOrganisationKind]
    PUBLIC_WELFARE: typing.ClassVar[SocialOrganisationKind]
    __members__: typing.ClassVar[dict[str, SocialOrganisationKind]]
    @typing.overload
    def __eq__(self, other: SocialOrganisationKind) -> bool:
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
    def __ne__(self, other: SocialOrganisationKind) -> bool:
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
class SocialOrganisation:
    """
    A community social organisation (社区社会组织).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, kind: SocialOrganisationKind, unit: str | grassroots._core.division.DivisionCode, incubation_site: bool = False, households_taking_part: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
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
    def households_taking_part(self) -> int:
        """
        Households taking part in it.
        """
    @property
    def incubation_site(self) -> bool:
        """
        It is (or runs) an incubation site (孵化场所).
        """
    @property
    def kind(self) -> SocialOrganisationKind:
        """
        SocialOrganisationKind.
        """
    @property
    def name(self) -> str:
        """
        Name.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit it serves.
        """
class UnitHouseholds:
    """
    Households of a unit and, if surveyed, the distinct households taking part.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, unit: str | grassroots._core.division.DivisionCode, households: typing.SupportsInt | typing.SupportsIndex, participating_households: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
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
    def households(self) -> int:
        """
        Households.
        """
    @property
    def participating_households(self) -> int | None:
        """
        Distinct households taking part, or None.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit.
        """
class ParticipationShare:
    """
    Organisations and the share of households taking part in one unit. participating_households is the surveyed distinct count, else the sum over organisations capped at the households (estimated=True: an upper bound).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, unit: str | grassroots._core.division.DivisionCode, organisations: typing.SupportsInt | typing.SupportsIndex, incubation_sites: typing.SupportsInt | typing.SupportsIndex, households: typing.SupportsInt | typing.SupportsIndex, participating_households: typing.SupportsInt | typing.SupportsIndex, share: typing.SupportsFloat | typing.SupportsIndex | None, estimated: bool) -> None:
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
    def estimated(self) -> bool:
        """
        True when summed over organisations somewhere.
        """
    @property
    def households(self) -> int:
        """
        Households (0 when not given).
        """
    @property
    def incubation_sites(self) -> int:
        """
        Of which incubation sites.
        """
    @property
    def organisations(self) -> int:
        """
        Organisations.
        """
    @property
    def participating_households(self) -> int:
        """
        Households taking part.
        """
    @property
    def share(self) -> float | None:
        """
        participating / households, or None without households.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The unit.
        """
class SocialOrganisationRegistry:
    """
    The community social organisations of a place. Ids are ints.
    """
    def participation_frame(self, households: typing.Union[typing.Sequence[grassroots._core.people.UnitHouseholds], dict[str, int]], tree: typing.Optional[grassroots._core.division.DivisionTree] = ...) -> pandas.DataFrame:
        """participation() as a DataFrame indexed by unit."""
    def __init__(self) -> None:
        """
        An empty registry.
        """
    def add(self, organisation: SocialOrganisation) -> int:
        """
        Adds a SocialOrganisation; returns its id. InvalidInputError for an empty or repeated name in the unit or negative households.
        """
    def organisation(self, id: int) -> SocialOrganisation:
        """
        The organisation with this id.
        """
    def participation(self, households: collections.abc.Sequence[UnitHouseholds] | collections.abc.Mapping[str, typing.SupportsInt | typing.SupportsIndex], tree: grassroots._core.division.DivisionTree = None) -> list[ParticipationShare]:
        """
        ParticipationShares from households (UnitHouseholds rows or {code: households}): per unit (no tree), or for every unit of the tree over its subtree.
        """
    @property
    def organisations(self) -> list[SocialOrganisation]:
        """
        All organisations (copies), by id.
        """
def add_months(date: datetime.date, months: typing.SupportsInt | typing.SupportsIndex) -> datetime.date:
    """
    date plus months calendar months; a day past the month's end becomes its last day.
    """
def evidence_from_cases(engine: grassroots._core.workflow.CaseEngine, workforce: Workforce, first: datetime.date, last: datetime.date) -> ReviewEvidence:
    """
    As evidence_from_handled_cases, from the cases of a CaseEngine: each handled case counts once, for its last handler (CaseState.handler), on its handled_at. NotFoundError names a worker whose actor id the engine does not have; InvalidInputError for first after last or two workers with the same actor id. Runs without the GIL.
    """
def evidence_from_handled_cases(cases: collections.abc.Sequence[HandledCase], workforce: Workforce, first: datetime.date, last: datetime.date) -> ReviewEvidence:
    """
    cases_handled, cases_on_time and on_time_rate for every worker with an actor id, from the cases handled (a CST date) in [first, last]; on time when handled_at <= handling_due or without a deadline. Workers with no case get zero counts and no on_time_rate.
    """
def households_of(chains: collections.abc.Iterable) -> list[UnitHouseholds]:
    """
    UnitHouseholds of each AutonomyChain (households summed over its groups).
    """
def next_grade(rules: ReviewRules, grade_start: datetime.date, ratings: collections.abc.Sequence[Rating] = [], earlier_change_months: typing.SupportsInt | typing.SupportsIndex = 0) -> GradeProgress:
    """
    The next grade date for a worker who reached the grade on grade_start and has since been rated ratings.
    """
def parse_rating(text: str) -> Rating:
    """
    The rating named in English ('excellent') or Chinese ('优秀'); InvalidInputError otherwise.
    """
def parse_social_organisation_kind(text: str) -> SocialOrganisationKind:
    """
    The kind named in English or Chinese; InvalidInputError otherwise.
    """
def review(rules: ReviewRules, workforce: Workforce, evidence: ReviewEvidence, first: datetime.date, last: datetime.date) -> ReviewOutcome:
    """
    Reviews every worker of the workforce over [first, last]. InvalidInputError, naming the worker, key and where the value came from, for evidence of an unknown worker, evidence above an indicator's maximum or missing evidence; also for a bad period or a scheme not yet in force.
    """
