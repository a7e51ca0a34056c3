"""pandas views of grids and grid posts, attached to GridMap and GridStaffing; pandas is imported lazily
so that grassroots works without it.

As in the other views: enums become categoricals (categories: the members' lower-case names in value
order), dates datetime64 columns (NaT where open), optional ids nullable ``Int64``, text ``string``,
counts ``int64`` and areas ``float64``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from .._core.grid import (
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
from .._extend import extends
from .._frames import _categorical, _counts, _dates, _ids, _strings

if TYPE_CHECKING:
    import pandas as pd


@extends(GridMap)
def to_pandas(self: GridMap) -> "pd.DataFrame":
    """One row per grid (index: grid id): code, unit, kind (categorical), name, households, area_m2. Needs pandas."""
    import pandas as pd

    columns = self._columns()
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


@extends(GridMap)
def coverage_frame(self: GridMap, findings: Iterable[CoverageFinding]) -> "pd.DataFrame":
    """check_coverage()'s findings as a DataFrame: kind (categorical), unit, grid, other_grid, code, other_code,
    area_m2, message. Needs pandas."""
    import pandas as pd

    # grid and other_grid are missing where a finding has fewer grids.
    findings = list(findings)
    codes = self.codes

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


@extends(GridMap)
def bands_frame(self: GridMap, findings: Iterable[BandFinding]) -> "pd.DataFrame":
    """check_bands()'s findings as a DataFrame: grid, code, kind (categorical), households, band_min, band_max,
    message. Needs pandas."""
    import pandas as pd

    findings = list(findings)
    grids = [self.grid(f.grid) for f in findings]
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


@extends(GridStaffing)
def findings_frame(self: GridStaffing, findings: Iterable[StaffingFinding]) -> "pd.DataFrame":
    """check()'s findings as a DataFrame: rule_id, grid, code, worker, worker_name, first, last, message. Needs
    pandas."""
    import pandas as pd

    findings = list(findings)
    codes = self.map.codes
    workers = self.workers
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


@extends(GridStaffing)
def summary_frame(self: GridStaffing, rows: Iterable[StaffingSummary]) -> "pd.DataFrame":
    """summary()'s rows as a DataFrame, one column per field (unit as str). Needs pandas."""
    import pandas as pd

    # Counts int64, households_per_full_time float64.
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


@extends(GridStaffing)
def roster(self: GridStaffing, on: Optional[datetime.date] = None) -> "pd.DataFrame":
    """One row per assignment (index: assignment id): worker, worker_name, grid, code, role (categorical), start,
    end, and active (held on that day) when on is given. Needs pandas."""
    import pandas as pd

    codes = self.map.codes
    workers = self.workers
    assignments = self.assignments
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
