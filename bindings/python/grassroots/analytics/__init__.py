"""KPIs and roll-ups (结案率, 按期结案率, 三率) up the ladder, per grid, matter and time bucket.

No empty is silent: a period holding no case issues EmptyPeriodWarning, unit rows with cases whose rate has a
zero denominator UndefinedRateWarning (both grassroots.GrassrootsWarning, a UserWarning; report.diagnostics
lists them), and a column the options need that no case has raises InvalidInputError."""

from __future__ import annotations

from .._core.analytics import (
    BucketReport,
    CaseTable,
    EmptyPeriodWarning,
    KpiCounts,
    KpiDefinition,
    KpiDiagnostic,
    KpiOptions,
    KpiRates,
    KpiReport,
    KpiRow,
    OnTimeRule,
    PeriodBasis,
    TimeBucket,
    TimeToClose,
    UndefinedRateWarning,
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
    "EmptyPeriodWarning",
    "KpiCounts",
    "KpiDefinition",
    "KpiDiagnostic",
    "KpiOptions",
    "KpiRates",
    "KpiReport",
    "KpiRow",
    "OnTimeRule",
    "PeriodBasis",
    "TimeBucket",
    "TimeToClose",
    "UndefinedRateWarning",
    "compute_kpis",
    "compute_kpis_by_bucket",
    "compute_rates",
    "kpi_definition",
    "kpi_definitions",
    "parse_rating_value",
]
