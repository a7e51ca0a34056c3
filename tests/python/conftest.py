"""Shared fixtures: the reference data folder, the embedded Dongying tree, store locations on
SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import grassroots

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def test_data() -> Path:
    """Small fixtures shipped with the tests: nbs/ (a few rows of each NBS table, villages gzipped) and
    holiday-cn/ (2025–2027), so a fresh clone tests the readers without ../shared/data."""
    return REPO / "tests" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data folder not found: {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def dongying() -> grassroots.DivisionTree:
    return grassroots.datasets.dongying()


# ---- the store on both engines ----------------------------------------------------------------
# store_location gives a fresh store location on each engine: a SQLite file in tmp_path, and a fresh
# schema in the PostgreSQL database named by GRASSROOTS_TEST_POSTGRES (scripts/with-postgres sets
# it). Without that variable the PostgreSQL instance is skipped — unless GRASSROOTS_REQUIRE_POSTGRES=1
# (scripts/test sets it): then it fails. The store_sql fixture is a function (location, sql) that runs
# SQL behind the store's back.
TEST_POSTGRES = os.environ.get("GRASSROOTS_TEST_POSTGRES", "")
_schemas = itertools.count(1)


def _psql(url: str, sql: str) -> None:
    subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
        check=True, capture_output=True, timeout=60,
    )


def _store_sql(location: str, sql: str) -> None:
    """Runs sql on the store at location (a SQLite file or a postgresql:// URL), outside the store."""
    if location.startswith(("postgresql://", "postgres://")):
        _psql(location, sql)
        return
    import sqlite3

    with sqlite3.connect(location) as db:
        db.executescript(sql)
    db.close()


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    if not TEST_POSTGRES:
        if os.environ.get("GRASSROOTS_REQUIRE_POSTGRES") == "1":
            pytest.fail("GRASSROOTS_REQUIRE_POSTGRES=1 but GRASSROOTS_TEST_POSTGRES is not set (scripts/with-postgres)")
        pytest.skip("no PostgreSQL: set GRASSROOTS_TEST_POSTGRES (scripts/with-postgres does)")
    schema = f"py_{os.getpid()}_{next(_schemas)}"
    _psql(TEST_POSTGRES, f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    yield TEST_POSTGRES + ("&" if "?" in TEST_POSTGRES else "?") + f"options=-csearch_path%3D{schema}"
    _psql(TEST_POSTGRES, f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(scope="session")
def store_sql() -> Callable[[str, str], None]:
    return _store_sql
