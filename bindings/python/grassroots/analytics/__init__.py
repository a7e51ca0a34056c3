"""KPIs and roll-ups (结案率, 按期结案率, 三率) up the ladder, per grid, matter and time bucket."""

from __future__ import annotations

from .._core.analytics import (
    BucketReport,
    CaseTable,
    KpiCounts,
    KpiDefinition,
    KpiOptions,
    KpiRates,
    KpiReport,
    KpiRow,
    OnTimeRule,
    PeriodBasis,
    TimeBucket,
    TimeToClose,
    compute_kpis,
    compute_kpis_by_bucket,
    compute_rates,
    kpi_definition,
    kpi_definitions,
    parse_rating_value,
)
from . import _pandas, _tables  # noqa: F401 (attach from_arrays, from_pandas and the to_pandas methods)

__all__ = [
    "BucketReport",
    "CaseTable",
    "KpiCounts",
    "KpiDefinition",
    "KpiOptions",
    "KpiRates",
    "KpiReport",
    "KpiRow",
    "OnTimeRule",
    "PeriodBasis",
    "TimeBucket",
    "TimeToClose",
    "compute_kpis",
    "compute_kpis_by_bucket",
    "compute_rates",
    "kpi_definition",
    "kpi_definitions",
    "parse_rating_value",
]
