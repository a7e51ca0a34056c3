"""Data shipped inside grassroots (no files or network needed)."""

from __future__ import annotations

from ._core import datasets as _datasets
from ._core.division import DivisionTree


def dongying() -> DivisionTree:
    """Dongying city (东营市): 1,982 division units, NBS 统计用区划代码 2023 edition."""
    return _datasets.dongying()


def dongying_csv() -> str:
    """The shipped Dongying table as ``code,name,level,parent_code`` CSV text (with source comments)."""
    return _datasets.dongying_csv()


__all__ = ["dongying", "dongying_csv"]
