"""pandas views of grids and grid posts, imported lazily so that grassroots works without pandas.

As in the autonomy views: enums become categoricals (categories: the members' lower-case names in
value order), dates datetime64 columns (NaT where open), optional ids nullable ``Int64``, text
``string``, counts ``int64`` and areas ``float64``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from ._autonomy_pandas import _categorical, _dates, _ids, _strings
from ._core.grid import (
    BandFinding,
    CoverageFinding,
    CoverageFindingKind,
    GridKind,
    GridMap,
    GridRole,
    GridStaffing,
    StaffingFinding,
    StaffingSummary,
)

if TYPE_CHECKING:
    import pandas as pd


def _counts(values: Sequence[int]) -> Any:
    import pandas as pd

    return pd.array(list(values), dtype="int64")


def map_frame(grid_map: GridMap) -> "pd.DataFrame":
    """One row per grid, indexed by grid id: code, unit, kind, name, households, area_m2."""
    import pandas as pd

    columns = grid_map._columns()
    kinds = [k.name.lower() for k in sorted(GridKind.__members__.values(), key=int)]
    frame = pd.DataFrame(
        {
            "code": _strings(columns["code"]),
            "unit": _strings(columns["unit"]),
            "kind": pd.Categorical.from_codes(columns["kind"], categories=kinds, ordered=False),
            "name": _strings(columns["name"]),
            "households": columns["households"],
            "area_m2": columns["area_m2"],
        }
    )
    frame.index.name = "grid"
    return frame


def coverage_frame(grid_map: GridMap, findings: Iterable[CoverageFinding]) -> "pd.DataFrame":
    """One row per coverage finding: kind, unit, grid and other_grid (ids; missing where the finding
    has fewer grids), code and other_code, area_m2, message."""
    import pandas as pd

    findings = list(findings)
    codes = grid_map.codes

    def nth(finding: CoverageFinding, n: int) -> Optional[int]:
        return finding.grids[n] if len(finding.grids) > n else None

    first = [nth(f, 0) for f in findings]
    second = [nth(f, 1) for f in findings]
    return pd.DataFrame(
        {
            "kind": _categorical([f.kind for f in findings], CoverageFindingKind),
            "unit": _strings([str(f.unit) for f in findings]),
            "grid": _ids(first),
            "other_grid": _ids(second),
            "code": _strings([None if g is None else codes[g] for g in first]),
            "other_code": _strings([None if g is None else codes[g] for g in second]),
            "area_m2": pd.array([f.area_m2 for f in findings], dtype="float64"),
            "message": _strings([f.message for f in findings]),
        }
    )


def bands_frame(grid_map: GridMap, findings: Iterable[BandFinding]) -> "pd.DataFrame":
    """One row per band finding: grid, code, kind, households, band_min, band_max, message."""
    import pandas as pd

    findings = list(findings)
    grids = [grid_map.grid(f.grid) for f in findings]
    return pd.DataFrame(
        {
            "grid": _counts([f.grid for f in findings]),
            "code": _strings([str(g.code) for g in grids]),
            "kind": _categorical([g.kind for g in grids], GridKind),
            "households": _counts([f.households for f in findings]),
            "band_min": _counts([f.band.min for f in findings]),
            "band_max": _counts([f.band.max for f in findings]),
            "message": _strings([f.message for f in findings]),
        }
    )


def findings_frame(staffing: GridStaffing, findings: Iterable[StaffingFinding]) -> "pd.DataFrame":
    """One row per staffing finding: rule_id, grid, code, worker, worker_name, first, last, message."""
    import pandas as pd

    findings = list(findings)
    codes = staffing.map.codes
    workers = staffing.workers
    return pd.DataFrame(
        {
            "rule_id": _strings([f.rule_id for f in findings]),
            "grid": _ids([f.grid for f in findings]),
            "code": _strings([None if f.grid is None else codes[f.grid] for f in findings]),
            "worker": _ids([f.worker for f in findings]),
            "worker_name": _strings([None if f.worker is None else workers[f.worker].name for f in findings]),
            "first": _dates([f.first for f in findings]),
            "last": _dates([f.last for f in findings]),
            "message": _strings([f.message for f in findings]),
        }
    )


def summary_frame(rows: Iterable[StaffingSummary]) -> "pd.DataFrame":
    """One row per unit of a coverage report; unit as str, counts int64, households_per_full_time float64."""
    import pandas as pd

    rows = list(rows)
    counts = [
        "grids",
        "grids_without_full_time",
        "full_time_workers",
        "part_time_workers",
        "workers_over_load",
        "households",
    ]
    columns: dict[str, Any] = {"unit": _strings([str(r.unit) for r in rows])}
    for name in counts:
        columns[name] = _counts([getattr(r, name) for r in rows])
    columns["households_per_full_time"] = pd.array([r.households_per_full_time for r in rows], dtype="float64")
    return pd.DataFrame(columns)


def roster(staffing: GridStaffing, on: Optional[datetime.date] = None) -> "pd.DataFrame":
    """One row per assignment, indexed by assignment id; with ``on``, an ``active`` column."""
    import pandas as pd

    codes = staffing.map.codes
    workers = staffing.workers
    assignments = staffing.assignments
    columns: dict[str, Any] = {
        "worker": _counts([a.worker for a in assignments]),
        "worker_name": _strings([workers[a.worker].name for a in assignments]),
        "grid": _counts([a.grid for a in assignments]),
        "code": _strings([codes[a.grid] for a in assignments]),
        "role": _categorical([a.role for a in assignments], GridRole),
        "start": _dates([a.start for a in assignments]),
        "end": _dates([a.end for a in assignments]),
    }
    if on is not None:
        columns["active"] = pd.array([a.active_on(on) for a in assignments], dtype=bool)
    frame = pd.DataFrame(columns)
    frame.index.name = "assignment"
    return frame
