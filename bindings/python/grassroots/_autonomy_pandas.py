"""pandas views of the autonomy chain, imported lazily so that grassroots works without pandas.

Enums become categoricals (categories: the members' lower-case names in value order), dates
datetime64 columns (NaT where open or unknown), optional ids nullable ``Int64`` and text ``string``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional, Sequence

from ._core.autonomy import (
    AutonomyChain,
    ConsultationMeeting,
    DecisionStatus,
    PostKind,
    RuleSet,
    Severity,
    Sex,
    SubordinateKind,
    ValidationReport,
)

from ._frames import _categorical, _dates, _ids, _strings, _text_or_none  # noqa: F401 (used by other areas until they move)

if TYPE_CHECKING:
    import pandas as pd


def rule_set_to_pandas(rules: RuleSet) -> "pd.DataFrame":
    """One row per rule: id, summary, value (text, missing for plain requirements), law, article
    (missing when not known), verified, override_note (missing when not overridden)."""
    import pandas as pd

    items = rules.rules
    return pd.DataFrame(
        {
            "id": _strings([r.id for r in items]),
            "summary": _strings([r.summary for r in items]),
            "value": _strings([_text_or_none(r.value_text) for r in items]),
            "law": _strings([r.law for r in items]),
            "article": _strings([_text_or_none(r.article) for r in items]),
            "verified": pd.array([r.verified for r in items], dtype=bool),
            "override_note": _strings([_text_or_none(r.override_note) for r in items]),
        }
    )


def report_to_pandas(report: ValidationReport) -> "pd.DataFrame":
    """One row per finding: rule_id, severity (ordered info < warning < error), entity, message,
    source, rule_verified."""
    import pandas as pd

    findings = report.findings
    return pd.DataFrame(
        {
            "rule_id": _strings([f.rule_id for f in findings]),
            "severity": _categorical([f.severity for f in findings], Severity, ordered=True),
            "entity": _strings([f.entity for f in findings]),
            "message": _strings([f.message for f in findings]),
            "source": _strings([f.source for f in findings]),
            "rule_verified": pd.array([f.rule_verified for f in findings], dtype=bool),
        }
    )


def people_frame(chain: AutonomyChain) -> "pd.DataFrame":
    """One row per person, indexed by person id."""
    import pandas as pd

    people = chain.people
    groups = chain.groups
    frame = pd.DataFrame(
        {
            "name": _strings([p.name for p in people]),
            "sex": _categorical([p.sex for p in people], Sex),
            "birth_date": _dates([p.birth_date for p in people]),
            "group": _ids([p.group for p in people]),
            "group_name": _strings([None if p.group is None else groups[p.group].name for p in people]),
            "household": _ids([p.household or None for p in people]),
            "party_member": pd.array([p.party_member for p in people], dtype=bool),
        }
    )
    frame.index.name = "person"
    return frame


def groups_frame(chain: AutonomyChain) -> "pd.DataFrame":
    """One row per group, indexed by group id."""
    import pandas as pd

    groups = chain.groups
    frame = pd.DataFrame(
        {
            "name": _strings([g.name for g in groups]),
            "households": pd.array([g.households for g in groups], dtype="int64"),
            "adult_residents": pd.array([g.adult_residents for g in groups], dtype="int64"),
        }
    )
    frame.index.name = "group"
    return frame


def roster(chain: AutonomyChain, on: Optional[datetime.date] = None) -> "pd.DataFrame":
    """One row per post, indexed by post id; with ``on``, an ``active`` column says who holds it that day."""
    import pandas as pd

    posts = chain.posts
    people = chain.people
    groups = chain.groups
    subordinates = chain.subordinate_committees
    organisations = chain.party_organisations
    columns: dict[str, Any] = {
        "kind": _categorical([p.kind for p in posts], PostKind),
        "person": pd.array([p.person for p in posts], dtype="int64"),
        "person_name": _strings([people[p.person].name for p in posts]),
        "sex": _categorical([people[p.person].sex for p in posts], Sex),
        "group": _ids([p.group for p in posts]),
        "group_name": _strings([None if p.group is None else groups[p.group].name for p in posts]),
        "subordinate": _ids([p.subordinate for p in posts]),
        "subordinate_name": _strings(
            [None if p.subordinate is None else subordinates[p.subordinate].name for p in posts]
        ),
        "party_organisation": _ids([p.party_organisation for p in posts]),
        "party_organisation_name": _strings(
            [None if p.party_organisation is None else organisations[p.party_organisation].name for p in posts]
        ),
        "duty": _categorical([p.duty for p in posts], SubordinateKind),
        "start": _dates([p.start for p in posts]),
        "end": _dates([p.end for p in posts]),
    }
    if on is not None:
        columns["active"] = pd.array([p.active_on(on) for p in posts], dtype=bool)
    frame = pd.DataFrame(columns)
    frame.index.name = "post"
    return frame


def decisions_frame(meeting: ConsultationMeeting, on: Optional[datetime.date] = None) -> "pd.DataFrame":
    """One row per decision, indexed by decision index; with ``on``, an ``overdue`` column."""
    import pandas as pd

    decisions = meeting.decisions
    columns: dict[str, Any] = {
        "text": _strings([d.text for d in decisions]),
        "owner": pd.array([d.owner for d in decisions], dtype="int64"),
        "due": _dates([d.due for d in decisions]),
        "status": _categorical([d.status for d in decisions], DecisionStatus),
        "follow_ups": pd.array([len(d.history) for d in decisions], dtype="int64"),
        "last_follow_up": _dates([d.history[-1].date if d.history else None for d in decisions]),
    }
    if on is not None:
        columns["overdue"] = pd.array([d.overdue(on) for d in decisions], dtype=bool)
    frame = pd.DataFrame(columns)
    frame.index.name = "decision"
    return frame
