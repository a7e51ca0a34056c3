"""pandas views of the people area, imported lazily so that grassroots works without pandas.

Division codes and indicator ids become categoricals (categories sorted, so codes are in ladder
pre-order); ratings an ordered categorical from worst to best (incompetent < basically_competent <
competent < excellent); dates datetime64 columns (NaT where missing); counts ``int64``, optional
counts nullable ``Int64``, numbers ``float64`` and text ``string``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from ._autonomy_pandas import _dates, _strings
from ._core.people import (
    ParticipationShare,
    Rating,
    ReviewEvidence,
    ReviewOutcome,
    ReviewRules,
    UnitCount,
    VolunteerTotals,
    Workforce,
)

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


def workforce_frame(workforce: Workforce) -> "pd.DataFrame":
    """One row per worker, indexed by worker id: staff_id, name, unit (categorical), grade,
    grade_start (datetime), wait_change_months, actor (missing when none)."""
    import pandas as pd

    workers = workforce.workers
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


def evidence_frame(evidence: ReviewEvidence) -> "pd.DataFrame":
    """Wide: one row per worker (index ``worker``, in order of first appearance), one float64
    column per evidence key (in order of first appearance), NaN where no value was given."""
    import pandas as pd

    workers: dict[str, dict[str, float]] = {}
    keys: dict[str, None] = {}
    for value in evidence.values:
        workers.setdefault(value.worker, {})[value.key] = value.value
        keys[value.key] = None
    frame = pd.DataFrame(
        {key: _floats([row.get(key) for row in workers.values()]) for key in keys},
        index=pd.Index(list(workers), dtype="string", name="worker"),
    )
    return frame


def rules_frame(rules: ReviewRules) -> "pd.DataFrame":
    """One row per indicator, then per parameter: kind ('indicator' or 'parameter'), id, summary
    (the indicator's name or the parameter's summary), value (the parameter's number, missing for
    indicators), weight and scoring (missing for parameters), law, article, verified,
    override_note."""
    import pandas as pd

    indicators = rules.indicators
    parameters = rules.parameters
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


def outcome_frame(outcome: ReviewOutcome) -> "pd.DataFrame":
    """One row per worker, indexed by staff id: unit and pool (categoricals), score, score_rating
    and rating (ordered categoricals), moved_down, quota_rank (missing unless moved down),
    wait_change_months, next_grade_date (NaT without a grade start)."""
    import pandas as pd

    reviews = outcome.reviews
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


def scores_frame(outcome: ReviewOutcome) -> "pd.DataFrame":
    """One row per worker and indicator: worker_id, indicator (categorical in the scheme's order),
    evidence, value (NaN when scored by points_if_missing), points, weight, contribution."""
    import pandas as pd

    rows = [(r.worker_id, s) for r in outcome.reviews for s in r.indicators]
    order = [s.indicator for s in outcome.reviews[0].indicators] if outcome.reviews else []
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


def participation_frame(shares: Sequence[ParticipationShare]) -> "pd.DataFrame":
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
