"""Unit tests of the layering checker (check_layers.py): it fails on an include that goes up or
sideways, naming file:line, and passes a clean tree and the real one. Standard library only; run by
ctest as layers.checker_test (python -m unittest)."""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import check_layers  # noqa: E402
import layer_diagram  # noqa: E402


def run(root: Path) -> tuple[int, str]:
    """Runs the checker over one project folder; returns its exit status and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = check_layers.main(["--root", str(root)])
    return status, out.getvalue()


class TempProject:
    """A small project tree with the real rule, clean until a test writes a leak into it."""

    def __init__(self) -> None:
        self.dir = tempfile.TemporaryDirectory()
        self.root = Path(self.dir.name)
        (self.root / "cmake").mkdir()
        shutil.copy(PROJECT / "cmake" / "layers.json", self.root / "cmake" / "layers.json")
        self.write("include/grassroots/error.hpp", "#pragma once\n")
        self.write("include/grassroots/core/date.hpp", '#pragma once\n#include "grassroots/error.hpp"\n')
        self.write("include/grassroots/division/code.hpp", '#pragma once\n#include "grassroots/core/date.hpp"\n')
        self.write("include/grassroots/calendar/calendar.hpp",
                   '#pragma once\n#include <vector>\n#include "grassroots/division/code.hpp"\n')
        self.write("include/grassroots/workflow/engine.hpp",
                   '#pragma once\n#include "grassroots/calendar/calendar.hpp"\n')
        self.write("include/grassroots/grassroots.hpp", '#pragma once\n#include "grassroots/workflow/engine.hpp"\n')
        self.write("src/core/text_input.hpp", "#pragma once\n")
        self.write("src/calendar/notices.cpp",
                   '#include "grassroots/calendar/calendar.hpp"\n#include "../core/text_input.hpp"\n'
                   '#include "calendar_support.hpp"\n')
        self.write("src/calendar/calendar_support.hpp", "#pragma once\n")
        self.write("src/workflow/engine.cpp", '#include "core/text_input.hpp"\n#include "workflow/engine_impl.hpp"\n')
        self.write("src/workflow/engine_impl.hpp", "#pragma once\n")
        self.write("bindings/python/src/common/casters.hpp", '#include "grassroots/division/code.hpp"\n')
        self.write("bindings/python/src/calendar/bind_calendar.cpp",
                   '#include "casters.hpp"\n#include "grassroots/calendar/calendar.hpp"\n')
        self.write("bindings/python/src/module.cpp", '#include "grassroots/grassroots.hpp"\n')

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def close(self) -> None:
        self.dir.cleanup()


class CheckerTest(unittest.TestCase):
    def setUp(self) -> None:
        self.project = TempProject()
        self.addCleanup(self.project.close)

    def assert_leak(self, expected: str) -> None:
        status, out = run(self.project.root)
        self.assertEqual(status, 1, out)
        self.assertIn(expected, out)

    def test_a_clean_tree_passes(self) -> None:
        status, out = run(self.project.root)
        self.assertEqual(status, 0, out)
        self.assertIn("layers hold: 14 files, 14 includes of our own headers", out)

    def test_an_upward_public_include_fails_naming_file_and_line(self) -> None:
        self.project.write("include/grassroots/calendar/calendar.hpp",
                           '#pragma once\n#include <vector>\n#include "grassroots/workflow/engine.hpp"\n')
        self.assert_leak('include/grassroots/calendar/calendar.hpp:3: calendar includes workflow '
                         '("grassroots/workflow/engine.hpp"); calendar may include only: core, division, calendar')

    def test_an_include_beside_the_area_fails(self) -> None:
        self.project.write("include/grassroots/autonomy/chain.hpp", '#include "grassroots/calendar/calendar.hpp"\n')
        self.assert_leak("include/grassroots/autonomy/chain.hpp:1: autonomy includes calendar")

    def test_an_upward_internal_include_fails(self) -> None:
        self.project.write("src/calendar/deadline.cpp", '// deadlines\n#include "../workflow/engine_impl.hpp"\n')
        self.assert_leak('src/calendar/deadline.cpp:2: calendar includes workflow ("../workflow/engine_impl.hpp")')
        self.project.write("src/calendar/deadline.cpp", '#include "workflow/engine_impl.hpp"\n')
        self.assert_leak('src/calendar/deadline.cpp:1: calendar includes workflow ("workflow/engine_impl.hpp")')

    def test_a_top_level_header_counts_as_core(self) -> None:
        self.project.write("include/grassroots/error.hpp", '#include "grassroots/division/code.hpp"\n')
        self.assert_leak("include/grassroots/error.hpp:1: core includes division")

    def test_bindings_follow_the_rule_and_their_shared_helpers_sit_on_division(self) -> None:
        self.project.write("bindings/python/src/calendar/bind_deadline.cpp",
                           '#include "casters.hpp"\n#include "grassroots/grid/grid_map.hpp"\n')
        self.assert_leak("bindings/python/src/calendar/bind_deadline.cpp:2: calendar includes grid")
        self.project.write("bindings/python/src/calendar/bind_deadline.cpp", "\n")
        self.project.write("bindings/python/src/common/casters.hpp", '#include "grassroots/workflow/engine.hpp"\n')
        self.assert_leak("bindings/python/src/common/casters.hpp:1: division includes workflow")

    def test_a_folder_outside_every_area_fails(self) -> None:
        self.project.write("src/nowhere/nowhere.cpp", '#include "grassroots/error.hpp"\n')
        self.assert_leak("src/nowhere/nowhere.cpp: in no area of cmake/layers.json")

    def test_an_unknown_area_in_an_include_fails(self) -> None:
        self.project.write("src/calendar/deadline.cpp", '#include "grassroots/nowhere/nowhere.hpp"\n')
        self.assert_leak("src/calendar/deadline.cpp:1: calendar includes an unknown area")

    def test_a_cycle_in_the_rule_is_refused(self) -> None:
        rule_path = self.project.root / "cmake" / "layers.json"
        rule = json.loads(rule_path.read_text(encoding="utf-8"))
        rule["areas"]["core"]["sits_on"] = ["workflow"]
        rule_path.write_text(json.dumps(rule), encoding="utf-8")
        with self.assertRaises(SystemExit) as refused:
            check_layers.load_rule(rule_path)
        self.assertIn("cycle", str(refused.exception))

    def test_the_rule_is_transitive(self) -> None:
        rule = check_layers.load_rule(PROJECT / "cmake" / "layers.json")
        self.assertEqual(rule.below("ledger"), {"ledger", "workflow", "grid", "autonomy", "calendar",
                                                "division", "core"})
        self.assertEqual(rule.below("datasets"), {"datasets", "division", "core"})
        self.assertEqual(rule.order()[0], "core")


class RealTreeTest(unittest.TestCase):
    def test_the_project_passes(self) -> None:
        status, out = run(PROJECT)
        self.assertEqual(status, 0, out)

    def test_the_diagram_is_drawn_from_the_rule(self) -> None:
        dot = layer_diagram.to_dot(PROJECT / "cmake" / "layers.json")
        self.assertIn('"grid" -> "autonomy";', dot)
        self.assertIn('"grid" -> "calendar";', dot)
        self.assertNotIn('"ledger" -> "grid";', dot)  # only the direct layers are drawn


if __name__ == "__main__":
    unittest.main()
