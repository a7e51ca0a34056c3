"""pandas views of the autonomy chain (pandas is imported lazily: grassroots works without it).

Enums become categoricals (categories: the members' lower-case names in value order), dates
datetime64 columns (NaT where open or unknown), optional ids nullable ``Int64`` and text ``string``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional

from .._core.autonomy import (
    AutonomyChain,
    ConsultationMeeting,
    DecisionStatus,
    PostKind,
    RuleSet,
    Sex,
    SubordinateKind,
)
from .._extend import extends
from .._frames import _categorical, _dates, _ids, _strings, _text_or_none

if TYPE_CHECKING:
    import pandas as pd


@extends(RuleSet)
def to_pandas(self: RuleSet) -> pd.DataFrame:
    """One row per rule: id, summary, value, law, article, verified, override_note. Needs pandas.

    value is text (missing for plain requirements), article missing when not known, override_note
    missing when not overridden.
    """
    import pandas as pd

    items = self.rules
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


@extends(AutonomyChain)
def people_frame(self: AutonomyChain) -> pd.DataFrame:
    """One row per person (index: person id): name, sex, birth_date, group, group_name, household, party_member. Needs pandas."""
    import pandas as pd

    people = self.people
    groups = self.groups
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


@extends(AutonomyChain)
def groups_frame(self: AutonomyChain) -> pd.DataFrame:
    """One row per group (index: group id): name, households, adult_residents. Needs pandas."""
    import pandas as pd

    groups = self.groups
    frame = pd.DataFrame(
        {
            "name": _strings([g.name for g in groups]),
            "households": pd.array([g.households for g in groups], dtype="int64"),
            "adult_residents": pd.array([g.adult_residents for g in groups], dtype="int64"),
        }
    )
    frame.index.name = "group"
    return frame


@extends(AutonomyChain)
def roster(self: AutonomyChain, on: Optional[datetime.date] = None) -> pd.DataFrame:
    """One row per post (index: post id): kind, person, person_name, sex, group, group_name, subordinate, subordinate_name, party_organisation, party_organisation_name, duty, start, end, and active (held on that day) when on is given. Needs pandas."""
    import pandas as pd

    posts = self.posts
    people = self.people
    groups = self.groups
    subordinates = self.subordinate_committees
    organisations = self.party_organisations
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


@extends(ConsultationMeeting)
def decisions_frame(self: ConsultationMeeting, on: Optional[datetime.date] = None) -> pd.DataFrame:
    """One row per decision (index: decision index): text, owner, due, status, follow_ups, last_follow_up, and overdue (on that day) when on is given. Needs pandas."""
    import pandas as pd

    decisions = self.decisions
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
