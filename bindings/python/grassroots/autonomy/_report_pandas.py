"""pandas view of a validation report (pandas is imported lazily: grassroots works without it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._core.autonomy import Severity, ValidationReport
from .._extend import extends
from .._frames import _categorical, _strings

if TYPE_CHECKING:
    import pandas as pd


@extends(ValidationReport)
def to_pandas(self: ValidationReport) -> pd.DataFrame:
    """One row per finding: rule_id, severity (ordered categorical info < warning < error), entity, message, source, rule_verified. Needs pandas."""
    import pandas as pd

    findings = self.findings
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
