"""pandas views of the people area, attached to the bound classes; pandas is imported lazily so that
grassroots works without it.

Division codes and indicator ids become categoricals (categories sorted, so codes are in ladder
pre-order); ratings an ordered categorical from worst to best (incompetent < basically_competent <
competent < excellent); dates datetime64 columns (NaT where missing); counts ``int64``, optional
counts nullable ``Int64``, numbers ``float64`` and text ``string``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

from .._core.division import DivisionTree
from .._core.people import (
    ParticipationShare,
    Rating,
    ResidentPartyMembers,
    ReviewEvidence,
    ReviewOutcome,
    ReviewRules,
    SocialOrganisationRegistry,
    UnitCount,
    UnitHouseholds,
    VolunteerRegistry,
    VolunteerTotals,
    Workforce,
)
from .._extend import extends
from .._frames import _dates, _strings

if TYPE_CHECKING:
    import pandas as pd

#: Ratings from worst to best: the order of the ordered categorical.
RATING_ORDER = ["incompetent", "basically_competent", "competent", "excellent"]


def _codes(values: Sequence[Any]) -> "pd.Categorical":
    """Division codes (or any labels) as a categorical with sorted categories."""
    import pandas as pd

    return pd.Categorical([str(v) for v in values])


def _ratings(values: Sequence[Rating]) -> "pd.Categorical":
    import pandas as pd

    return pd.Categorical([v.name.lower() for v in values], categories=RATING_ORDER, ordered=True)


def _floats(values: Sequence[Optional[float]]) -> Any:
    import numpy as np

    return np.array([np.nan if v is None else v for v in values], dtype="float64")


def _ints(values: Sequence[int]) -> Any:
    import pandas as pd

    return pd.array(list(values), dtype="int64")


def _date_list(values: Iterable[Optional[datetime.date]]) -> Any:
    return _dates(list(values))


@extends(Workforce)
def to_pandas(self: Workforce) -> pd.DataFrame:
    """One row per worker, indexed by id: staff_id, name, unit, grade, grade_start, wait_change_months, actor.

    unit is categorical, grade_start a datetime, actor missing when none."""
    import pandas as pd

    workers = self.workers
    frame = pd.DataFrame(
        {
            "staff_id": _strings([w.id for w in workers]),
            "name": _strings([w.name for w in workers]),
            "unit": _codes([w.unit for w in workers]),
            "grade": _ints([w.grade for w in workers]),
            "grade_start": _date_list(w.grade_start for w in workers),
            "wait_change_months": _ints([w.wait_change_months for w in workers]),
            "actor": _strings([w.actor or None for w in workers]),
        }
    )
    frame.index.name = "worker"
    return frame


@extends(ReviewEvidence)  # type: ignore[no-redef]  # one to_pandas per class
def to_pandas(self: ReviewEvidence) -> pd.DataFrame:  # noqa: F811
    """Wide: one row per worker (index 'worker'), one float64 column per key (NaN where not given).

    Workers and keys are in order of first appearance."""
    import pandas as pd

    workers: dict[str, dict[str, float]] = {}
    keys: dict[str, None] = {}
    for value in self.values:
        workers.setdefault(value.worker, {})[value.key] = value.value
        keys[value.key] = None
    frame = pd.DataFrame(
        {key: _floats([row.get(key) for row in workers.values()]) for key in keys},
        index=pd.Index(list(workers), dtype="string", name="worker"),
    )
    return frame


@extends(ReviewRules)  # type: ignore[no-redef]  # one to_pandas per class
def to_pandas(self: ReviewRules) -> pd.DataFrame:  # noqa: F811
    """One row per indicator and parameter: kind, id, summary, value, weight, scoring, law, article, verified,
    override_note.

    Indicators first, then parameters; summary is the indicator's name or the parameter's summary,
    value the parameter's number (missing for indicators), weight and scoring missing for parameters."""
    import pandas as pd

    indicators = self.indicators
    parameters = self.parameters
    return pd.DataFrame(
        {
            "kind": pd.Categorical(
                ["indicator"] * len(indicators) + ["parameter"] * len(parameters),
                categories=["indicator", "parameter"],
            ),
            "id": _strings([i.id for i in indicators] + [p.id for p in parameters]),
            "summary": _strings([i.name for i in indicators] + [p.summary for p in parameters]),
            "value": pd.array([None] * len(indicators) + [p.range().min for p in parameters], dtype="Int64"),
            "weight": _floats([i.weight for i in indicators] + [None] * len(parameters)),
            "scoring": _strings([str(i.scoring) for i in indicators] + [None] * len(parameters)),
            "law": _strings([i.law for i in indicators] + [p.law for p in parameters]),
            "article": _strings([i.article or None for i in indicators] + [p.article or None for p in parameters]),
            "verified": pd.array([i.verified for i in indicators] + [p.verified for p in parameters], dtype=bool),
            "override_note": _strings(
                [i.override_note or None for i in indicators] + [p.override_note or None for p in parameters]
            ),
        }
    )


@extends(ReviewOutcome)  # type: ignore[no-redef]  # one to_pandas per class
def to_pandas(self: ReviewOutcome) -> pd.DataFrame:  # noqa: F811
    """One row per worker (index worker_id): unit, pool (categoricals), score, score_rating and rating (ordered
    categoricals, 不称职 < … < 优秀), moved_down, quota_rank, wait_change_months, next_grade_date.

    quota_rank is missing unless moved down, next_grade_date NaT without a grade start."""
    import pandas as pd

    reviews = self.reviews
    frame = pd.DataFrame(
        {
            "unit": _codes([r.unit for r in reviews]),
            "pool": _codes([r.pool for r in reviews]),
            "score": _floats([r.score for r in reviews]),
            "score_rating": _ratings([r.score_rating for r in reviews]),
            "rating": _ratings([r.rating for r in reviews]),
            "moved_down": pd.array([r.adjustment is not None for r in reviews], dtype=bool),
            "quota_rank": pd.array(
                [None if r.adjustment is None else r.adjustment.rank for r in reviews], dtype="Int64"
            ),
            "wait_change_months": _ints([r.wait_change_months for r in reviews]),
            "next_grade_date": _date_list(r.next_grade_date for r in reviews),
        },
        index=pd.Index([r.worker_id for r in reviews], dtype="string", name="worker_id"),
    )
    return frame


@extends(ReviewOutcome)
def scores_frame(self: ReviewOutcome) -> pd.DataFrame:
    """One row per worker and indicator: worker_id, indicator (categorical), evidence, value, points, weight,
    contribution.

    indicator's categories are in the scheme's order; value is NaN when scored by points_if_missing."""
    import pandas as pd

    rows = [(r.worker_id, s) for r in self.reviews for s in r.indicators]
    order = [s.indicator for s in self.reviews[0].indicators] if self.reviews else []
    return pd.DataFrame(
        {
            "worker_id": _strings([w for w, _ in rows]),
            "indicator": pd.Categorical([s.indicator for _, s in rows], categories=order),
            "evidence": _strings([s.evidence for _, s in rows]),
            "value": _floats([s.value for _, s in rows]),
            "points": _floats([s.points for _, s in rows]),
            "weight": _floats([s.weight for _, s in rows]),
            "contribution": _floats([s.contribution for _, s in rows]),
        }
    )


def volunteer_totals_frame(totals: Sequence[VolunteerTotals]) -> "pd.DataFrame":
    """One row per unit (index ``unit``, categorical codes): volunteers, active_volunteers, teams,
    projects, service_records (int64) and hours (float64)."""
    import pandas as pd

    return pd.DataFrame(
        {
            "volunteers": _ints([t.volunteers for t in totals]),
            "active_volunteers": _ints([t.active_volunteers for t in totals]),
            "teams": _ints([t.teams for t in totals]),
            "projects": _ints([t.projects for t in totals]),
            "service_records": _ints([t.service_records for t in totals]),
            "hours": _floats([t.hours for t in totals]),
        },
        index=pd.CategoricalIndex(_codes([t.unit for t in totals]), name="unit"),
    )


def unit_counts_frame(counts: Sequence[UnitCount], column: str = "count") -> "pd.DataFrame":
    """One row per unit (index ``unit``, categorical codes) with one int64 column."""
    import pandas as pd

    return pd.DataFrame(
        {column: _ints([c.count for c in counts])},
        index=pd.CategoricalIndex(_codes([c.unit for c in counts]), name="unit"),
    )


def participation_frame_of(shares: Sequence[ParticipationShare]) -> "pd.DataFrame":
    """One row per unit (index ``unit``, categorical codes): organisations, incubation_sites,
    households, participating_households (int64), share (float64, NaN without households),
    estimated (bool)."""
    import pandas as pd

    return pd.DataFrame(
        {
            "organisations": _ints([s.organisations for s in shares]),
            "incubation_sites": _ints([s.incubation_sites for s in shares]),
            "households": _ints([s.households for s in shares]),
            "participating_households": _ints([s.participating_households for s in shares]),
            "share": _floats([s.share for s in shares]),
            "estimated": pd.array([s.estimated for s in shares], dtype=bool),
        },
        index=pd.CategoricalIndex(_codes([s.unit for s in shares]), name="unit"),
    )


@extends(VolunteerRegistry)
def totals_frame(
    self: VolunteerRegistry, first: datetime.date, last: datetime.date, tree: Optional[DivisionTree] = None
) -> pd.DataFrame:
    """totals() as a DataFrame indexed by unit (categorical codes)."""
    return volunteer_totals_frame(self.totals(first, last) if tree is None else self.totals(first, last, tree))


@extends(ResidentPartyMembers)
def counts_frame(self: ResidentPartyMembers, on: datetime.date, tree: Optional[DivisionTree] = None) -> pd.DataFrame:
    """counts() as a DataFrame indexed by unit."""
    return unit_counts_frame(self.counts(on) if tree is None else self.counts(on, tree), "party_members")


@extends(SocialOrganisationRegistry)
def participation_frame(
    self: SocialOrganisationRegistry,
    households: Union[Sequence[UnitHouseholds], dict[str, int]],
    tree: Optional[DivisionTree] = None,
) -> pd.DataFrame:
    """participation() as a DataFrame indexed by unit."""
    shares = self.participation(households) if tree is None else self.participation(households, tree)
    return participation_frame_of(shares)
