"""Shared fixtures: the reference data folder and the embedded Dongying tree."""

from __future__ import annotations

from pathlib import Path

import pytest

import grassroots

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data folder not found: {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def dongying() -> grassroots.DivisionTree:
    return grassroots.datasets.dongying()
