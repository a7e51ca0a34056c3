"""The committed type stubs cover the extension module and type-check the examples."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import grassroots

STUBS = Path(grassroots.__file__).parent / "_core"


@pytest.mark.parametrize(
    "module",
    [
        "grassroots._core",
        "grassroots._core.division",
        "grassroots._core.autonomy",
        "grassroots._core.calendar",
        "grassroots._core.grid",
        "grassroots._core.workflow",
        "grassroots._core.ledger",
        "grassroots._core.burden",
        "grassroots._core.analytics",
        "grassroots._core.people",
        "grassroots._core.privacy",
        "grassroots._core.store",
        "grassroots._core.datasets",
    ],
)
def test_every_public_name_has_a_stub(module: str) -> None:
    runtime = importlib.import_module(module)
    stub_file = STUBS / ("__init__.pyi" if module == "grassroots._core" else module.rsplit(".", 1)[1] + ".pyi")
    stub = stub_file.read_text(encoding="utf-8")
    public = [name for name in dir(runtime) if not name.startswith("_")]
    missing = [name for name in public if name not in stub]
    assert not missing, f"{stub_file.name} lacks {missing}; run scripts/stubs"


def test_mypy_accepts_the_examples(repo: Path) -> None:
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mypy is not installed in this environment")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(repo / "examples" / "python")],
        capture_output=True,
        text=True,
        cwd=repo,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_methods_written_in_python_are_in_the_stubs_of_their_classes() -> None:
    from grassroots._extend import EXTENSIONS

    for extension in EXTENSIONS:
        module = extension.cls.__module__
        stub = (STUBS / (module.rsplit(".", 1)[1] + ".pyi")).read_text(encoding="utf-8")
        body = re.search(rf"^class {extension.cls.__name__}\b.*?(?=^class |\Z)", stub, re.M | re.S)
        assert body is not None, f"{extension.cls.__name__} is not in the stubs"
        assert f"def {extension.name}(" in body.group(0), (
            f"{extension.cls.__name__}.{extension.name} is not in the stubs; run scripts/stubs")


def test_pandas_conversions_are_typed_as_data_frames() -> None:
    import typing

    import pandas

    from grassroots._extend import EXTENSIONS

    frames = [e for e in EXTENSIONS if e.name == "to_pandas" or e.name.endswith("_frame")]
    for extension in frames:
        hints = typing.get_type_hints(extension.function, globalns={"pd": pandas, **extension.function.__globals__})
        assert hints.get("return") is pandas.DataFrame, f"{extension.cls.__name__}.{extension.name}"


def test_mypy_sees_data_frames_not_any(repo: Path, tmp_path: Path) -> None:
    # Assigning to_pandas() to an int must be an error: with an Any return mypy would accept it.
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mypy is not installed in this environment")
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import datetime\n"
        "import pandas\n"
        "import grassroots as gr\n"
        "tree = gr.datasets.dongying()\n"
        "frame: pandas.DataFrame = tree.to_pandas()\n"
        "wrong: int = tree.to_pandas()\n"
        "table = gr.CaseTable.from_pandas(tree, frame)\n"
        "days: int = gr.Calendar.china().to_pandas(datetime.date(2026, 1, 1), datetime.date(2026, 2, 1))\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--allow-untyped-calls", str(probe)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [int(line.split(":")[1]) for line in errors] == [6, 8], result.stdout
    assert all('"DataFrame"' in line for line in errors), result.stdout
