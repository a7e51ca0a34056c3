"""grassroots: grassroots governance (基层治理) in C++20 with a Python API.

Today: China's administrative ladder (行政层级) — statistical division codes (统计用区划代码) and
the division tree down to every community and village — and the four-level autonomy chain
(四级自治组织链条) of a community or village: its rules by law edition, validation, meetings and
consultations; and China's working-day calendar (工作日) with public holidays, make-up working days
(调休), working hours and deadlines. See the README for the road map.

>>> import grassroots
>>> tree = grassroots.datasets.dongying()
>>> [unit.name for unit in tree["370502005066"].path()]
['山东省', '东营市', '东营区', '胜利街道', '锦苑社区居民委员会']
"""

from __future__ import annotations

from . import _core
from ._core import (
    FileError,
    GrassrootsError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
)
from ._core.division import (
    DivisionCode,
    DivisionTree,
    DivisionTreeBuilder,
    Level,
    TownshipClass,
    Unit,
    UrbanRuralClass,
    VillageClass,
    urban_rural_class,
)
from ._core.autonomy import (
    AttendanceBase,
    AutonomyChain,
    CommitteeKind,
    ConsultationDecision,
    ConsultationMeeting,
    ConveningRequest,
    ConveningResult,
    DecisionStatus,
    Finding,
    FollowUp,
    Group,
    IntRange,
    MeetingKind,
    MeetingRecord,
    MeetingResult,
    PartyOrganisation,
    PartyOrganisationKind,
    Person,
    Post,
    PostKind,
    Rule,
    RuleBook,
    RuleSet,
    Severity,
    Sex,
    SubordinateCommittee,
    SubordinateKind,
    Threshold,
    ValidationReport,
    check_convening,
    hold_meeting,
    rules_in_force,
    synthetic_chain,
    validate,
)
from ._core.calendar import (
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
from . import datasets

__version__: str = _core.__version__

__all__ = [
    "AttendanceBase",
    "AutonomyChain",
    "CHINA_STANDARD_TIME",
    "Calendar",
    "CommitteeKind",
    "ConsultationDecision",
    "ConsultationMeeting",
    "ConveningRequest",
    "ConveningResult",
    "DayInfo",
    "DayKind",
    "Deadline",
    "DeadlineKind",
    "DecisionStatus",
    "DivisionCode",
    "DivisionTree",
    "DivisionTreeBuilder",
    "FileError",
    "Finding",
    "FollowUp",
    "GrassrootsError",
    "Group",
    "HolidayNotice",
    "IntRange",
    "InvalidInputError",
    "Level",
    "MeetingKind",
    "MeetingRecord",
    "MeetingResult",
    "NotFoundError",
    "PartyOrganisation",
    "PartyOrganisationKind",
    "PermissionDeniedError",
    "Person",
    "Post",
    "PostKind",
    "Rule",
    "RuleBook",
    "RuleSet",
    "RuleViolationError",
    "Severity",
    "Sex",
    "SubordinateCommittee",
    "SubordinateKind",
    "Threshold",
    "TownshipClass",
    "Unit",
    "UnpublishedYears",
    "UrbanRuralClass",
    "ValidationReport",
    "VillageClass",
    "WorkingHours",
    "__version__",
    "check_convening",
    "datasets",
    "hold_meeting",
    "parse_instant",
    "rules_in_force",
    "synthetic_chain",
    "urban_rural_class",
    "validate",
]
