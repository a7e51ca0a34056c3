"""Rules from law as data: editions by date, values, overrides that stick, value-type protocol."""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest

import grassroots as gr
from grassroots import CommitteeKind, IntRange, RuleBook, Threshold

RC = CommitteeKind.RESIDENTS
VC = CommitteeKind.VILLAGERS
RC_2018 = "中华人民共和国城市居民委员会组织法 (2018年修正)"


@pytest.mark.parametrize(
    ("kind", "on", "edition"),
    [
        (RC, date(1990, 1, 1), "rc-1989"),
        (RC, date(2018, 12, 28), "rc-1989"),
        (RC, date(2018, 12, 29), "rc-2018"),
        (RC, date(2025, 12, 31), "rc-2018"),
        (RC, date(2026, 1, 1), "rc-2025"),
        (VC, date(2010, 10, 28), "vc-2010"),
        (VC, date(2018, 12, 29), "vc-2018"),
        (VC, date(2025, 12, 31), "vc-2018"),
        (VC, date(2026, 1, 1), "vc-2025"),
        (VC, date(2030, 6, 1), "vc-2025"),
    ],
)
def test_edition_in_force_by_date(kind: CommitteeKind, on: date, edition: str) -> None:
    assert RuleBook.china().in_force(kind, on).id == edition
    assert gr.rules_in_force(kind, on).id == edition


def test_no_rules_before_the_first_edition() -> None:
    with pytest.raises(gr.NotFoundError) as info:
        gr.rules_in_force(RC, date(1989, 12, 31))
    assert str(info.value) == "no 居民委员会 rules in force on 1989-12-31: the first edition takes effect on 1990-01-01"
    assert isinstance(info.value, KeyError)
    with pytest.raises(gr.NotFoundError, match="no 村民委员会 rules in force on 2010-10-27"):
        RuleBook.china().in_force(VC, date(2010, 10, 27))
    with pytest.raises(gr.NotFoundError, match="^the rule book has no edition 'rc-2030'$"):
        RuleBook.china().edition("rc-2030")


def test_editions_and_their_span() -> None:
    book = RuleBook.china()
    assert [e.id for e in book.editions] == ["rc-1989", "rc-2018", "rc-2025", "vc-2010", "vc-2018", "vc-2025"]
    assert len(book) == 6 and "rc-2018" in book and "rc-2030" not in book
    rc_2018 = book.edition("rc-2018")
    assert rc_2018.title == RC_2018
    assert rc_2018.committee_kind == RC
    assert rc_2018.effective_from == date(2018, 12, 29)
    assert book.effective_until(rc_2018) == date(2025, 12, 31)
    assert book.effective_until(book.edition("rc-1989")) == date(2018, 12, 28)
    assert book.effective_until(book.edition("rc-2025")) is None
    assert rc_2018.in_book
    assert rc_2018 == book.in_force(RC, date(2020, 1, 1))
    assert rc_2018 != RuleBook.china().edition("rc-2018")


def test_rule_values_and_provenance() -> None:
    book = RuleBook.china()
    rc_1989, rc_2018, rc_2025 = (book.edition(i) for i in ("rc-1989", "rc-2018", "rc-2025"))
    size = rc_2018.rule("committee.size")
    assert size.value == IntRange(5, 9)
    assert size.range() == IntRange(min=5, max=9)
    assert (size.law, size.article, size.verified, size.override_note) == (RC_2018, "第七条", True, "")
    assert size.source == RC_2018 + " 第七条"
    assert size.value_text == "5–9"
    assert rc_1989.rule("committee.term_years").value == IntRange(3, 3)
    assert rc_2018.rule("committee.term_years").value == IntRange(5, 5)
    assert rc_2025.rule("unit.households").value == IntRange(1000, 3000)
    assert rc_2025.rule("committee.size").verified is False
    assert rc_2018.rule("meeting.quorum").value == Threshold(1, 2, True)
    assert rc_2018.rule("meeting.convene.groups").value == Threshold(1, 3, strict=False)
    assert rc_2018.rule("committee.director").value is None
    assert "assembly.quorum" in rc_2025 and "assembly.quorum" not in rc_2018
    assert rc_2018.has("group.head") and not rc_2018.has("no.such")
    with pytest.raises(gr.InvalidInputError, match="^rule 'meeting.quorum' has no range value$"):
        rc_2018.rule("meeting.quorum").range()
    with pytest.raises(gr.InvalidInputError, match="^rule 'committee.size' has no share value$"):
        size.threshold()
    with pytest.raises(gr.NotFoundError, match="^edition 'rc-2018' has no rule 'no.such'$"):
        rc_2018.rule("no.such")
    assert size.to_dict()["value"] == {"min": 5, "max": 9}
    assert repr(size) == f"Rule('committee.size', 5–9, {RC_2018} 第七条, verified)"


def test_the_2025_village_amendment_carries_numbers_over_unverified() -> None:
    book = RuleBook.china()
    vc_2018, vc_2025 = book.edition("vc-2018"), book.edition("vc-2025")
    assert vc_2025.effective_from == date(2026, 1, 1) and book.effective_until(vc_2018) == date(2025, 12, 31)
    share = vc_2025.rule("assembly.representatives_share")
    assert share.value == vc_2018.rule("assembly.representatives_share").value == Threshold(4, 5, strict=False)
    assert (share.article, share.verified) == ("", False)  # no 2018 article number in force after 2025-12-31
    assert "whole membership" in share.summary and "not seen" in share.summary
    assert vc_2018.rule("assembly.representatives_share").article == "第二十五条"
    convene = book.edition("rc-2025").rule("meeting.convene.adults")
    assert not convene.verified and "the 2025 drafts lowered it" in convene.summary
    with pytest.raises(gr.NotFoundError, match="^edition 'vc-2025' has no rule 'unit.households'$"):
        vc_2025.rule("unit.households")


def test_overrides_stick_on_the_books_edition() -> None:
    book = RuleBook.china()
    edition = book.edition("rc-2018")
    edition.override_range("group.households", IntRange(20, 60), "街道 local rule 2023")
    edition.override_threshold("meeting.convene.groups", Threshold(1, 4, False), "local practice")
    # Every way back to the edition sees the override, also after the book grew.
    book.add(gr.RuleSet("local-2024", "local rules", RC, date(2024, 1, 1), []))
    for again in (book.edition("rc-2018"), book.in_force(RC, date(2020, 1, 1)), edition):
        rule = again.rule("group.households")
        assert rule.value == IntRange(20, 60)
        assert rule.override_note == "街道 local rule 2023"
        assert again.rule("meeting.convene.groups").value == Threshold(1, 4, False)
    assert book.in_force(RC, date(2024, 6, 1)).id == "local-2024"
    # Other books and the built-in copies are untouched.
    assert RuleBook.china().edition("rc-2018").rule("group.households").value == IntRange(15, 40)
    assert gr.rules_in_force(RC, date(2020, 1, 1)).rule("group.households").override_note == ""


def test_standalone_copies_do_not_touch_the_book() -> None:
    book = RuleBook.china()
    copy = book.edition("rc-2018").copy()
    assert not copy.in_book
    copy.override_range("committee.size", IntRange(3, 9), "test")
    assert book.edition("rc-2018").rule("committee.size").value == IntRange(5, 9)
    in_force = gr.rules_in_force(RC, date(2020, 1, 1))
    assert not in_force.in_book
    in_force.override_range("committee.size", IntRange(3, 9), "test")
    assert gr.rules_in_force(RC, date(2020, 1, 1)).rule("committee.size").value == IntRange(5, 9)


def test_a_bad_override_raises_and_changes_nothing() -> None:
    edition = RuleBook.china().edition("rc-2018")
    before = edition.rules
    cases: list[tuple[type[Exception], str, Callable[[], None]]] = [
        (gr.InvalidInputError, "rule 'committee.size' of edition 'rc-2018': range 9–5 has min > max",
         lambda: edition.override_range("committee.size", IntRange(9, 5), "typo")),
        (gr.InvalidInputError, "overriding rule 'committee.size' needs a note saying whose rule it is",
         lambda: edition.override_range("committee.size", IntRange(5, 11), "")),
        (gr.InvalidInputError, "rule 'meeting.quorum' is not a range rule (its value is 'more than 1/2')",
         lambda: edition.override_range("meeting.quorum", IntRange(1, 2), "wrong kind")),
        (gr.InvalidInputError, "rule 'committee.size' is not a share rule (its value is '5–9')",
         lambda: edition.override_threshold("committee.size", Threshold(1, 2, True), "wrong kind")),
        (gr.InvalidInputError,
         "rule 'meeting.quorum' of edition 'rc-2018': share 3/2 is not a fraction between 0 and 1",
         lambda: edition.override_threshold("meeting.quorum", Threshold(3, 2, True), "too much")),
        (gr.NotFoundError, "edition 'rc-2018' has no rule 'no.such'",
         lambda: edition.override_range("no.such", IntRange(1, 2), "missing")),
    ]
    for error, message, call in cases:
        with pytest.raises(error) as info:
            call()
        assert str(info.value) == message
    assert edition.rules == before
    with pytest.raises(TypeError):
        edition.override_range("committee.size", Threshold(1, 2, True), "wrong type")  # type: ignore[arg-type]


def test_rule_sets_and_books_built_in_python() -> None:
    local = gr.RuleSet(
        "local-2024",
        "某街道居民小组规则",
        RC,
        date(2024, 1, 1),
        [gr.Rule("group.households", "households per group", IntRange(20, 60), law="街道文件", verified=False)],
    )
    assert not local.in_book and len(local) == 1
    assert local.rule("group.households").article == ""
    book = RuleBook()
    assert len(book) == 0 and book.editions == []
    book.add(local)
    assert book.edition("local-2024").rule("group.households").value == IntRange(20, 60)
    clash = gr.RuleSet("other-2024", "clash", RC, date(2024, 1, 1), [])
    same_day = "^editions 'local-2024' and 'other-2024' both take effect on 2024-01-01$"
    with pytest.raises(gr.InvalidInputError, match=same_day):
        book.add(clash)
    with pytest.raises(gr.InvalidInputError, match="^rule book already has an edition 'local-2024'$"):
        book.add(gr.RuleSet("local-2024", "again", VC, date(2024, 1, 1), []))
    assert len(book) == 1
    twice = [gr.Rule("a", "first"), gr.Rule("a", "second")]
    with pytest.raises(gr.InvalidInputError, match="^edition 'x' lists rule 'a' twice$"):
        gr.RuleSet("x", "twice", RC, date(2024, 1, 1), twice)
    with pytest.raises(gr.InvalidInputError, match="^rule 'r' of edition 'x': range 3–1 has min > max$"):
        gr.RuleSet("x", "bad", RC, date(2024, 1, 1), [gr.Rule("r", "bad", IntRange(3, 1))])


def test_rule_set_pickles_as_a_standalone_copy() -> None:
    edition = RuleBook.china().edition("rc-2025")
    edition.override_range("committee.size", IntRange(5, 11), "checked against the official text")
    copy = pickle.loads(pickle.dumps(edition))
    assert not copy.in_book
    assert (copy.id, copy.title, copy.committee_kind, copy.effective_from) == (
        edition.id, edition.title, edition.committee_kind, edition.effective_from)
    assert copy.rules == edition.rules
    assert copy.rule("committee.size").override_note == "checked against the official text"


def test_int_range_and_threshold_are_value_types() -> None:
    r = IntRange(min=5, max=9)
    assert (r.min, r.max) == (5, 9)
    assert repr(r) == "IntRange(min=5, max=9)" and str(r) == "5–9" and str(IntRange(5, 5)) == "5"
    assert r == IntRange(5, 9) and r != IntRange(5, 8) and r != (5, 9)
    assert len({r, IntRange(5, 9)}) == 1
    assert r.to_dict() == {"min": 5, "max": 9}
    assert pickle.loads(pickle.dumps(r)) == r
    assert r.contains(5) and r.contains(9) and not r.contains(10) and 4 not in r

    more_than_half = Threshold(numerator=1, denominator=2, strict=True)
    assert repr(more_than_half) == "Threshold(numerator=1, denominator=2, strict=True)"
    assert str(more_than_half) == "more than 1/2" and str(Threshold(1, 5, False)) == "at least 1/5"
    assert not more_than_half.met(5, 10) and more_than_half.met(6, 10)
    assert more_than_half.minimum(10) == 6 and more_than_half.minimum(11) == 6
    assert Threshold(2, 3, False).met(6, 9) and Threshold(2, 3, False).minimum(9) == 6
    assert more_than_half.to_dict() == {"numerator": 1, "denominator": 2, "strict": True}
    assert pickle.loads(pickle.dumps(more_than_half)) == more_than_half
    assert hash(more_than_half) == hash(Threshold(1, 2, True)) and more_than_half != Threshold(1, 2, False)
    with pytest.raises(gr.InvalidInputError, match="^a share needs a positive denominator, got 0$"):
        Threshold(1, 0, True)
    with pytest.raises(AttributeError):
        r.min = 3  # type: ignore[misc]


def test_rule_set_to_pandas() -> None:
    edition = RuleBook.china().edition("rc-2018")
    edition.override_range("group.households", IntRange(20, 60), "local rule")
    frame = edition.to_pandas()
    assert list(frame.columns) == ["id", "summary", "value", "law", "article", "verified", "override_note"]
    assert len(frame) == len(edition)
    assert frame["verified"].dtype == bool
    text_columns = ("id", "summary", "value", "law", "article", "override_note")
    assert all(pd.api.types.is_string_dtype(frame[c]) for c in text_columns)
    row = frame.set_index("id").loc["committee.size"]
    assert (row["value"], row["article"], bool(row["verified"])) == ("5–9", "第七条", True)
    assert pd.isna(frame.set_index("id").loc["committee.director", "value"])
    assert frame.set_index("id").loc["group.households", "override_note"] == "local rule"
    assert pd.isna(frame.set_index("id").loc["committee.size", "override_note"])


def test_enums_have_upper_case_members_and_chinese_names() -> None:
    assert [m.name for m in CommitteeKind.__members__.values()] == ["RESIDENTS", "VILLAGERS"]
    assert CommitteeKind.VILLAGERS.chinese_name == "村民委员会"
    assert gr.Sex.FEMALE.chinese_name == "女"
    assert gr.SubordinateKind.PUBLIC_SECURITY.chinese_name == "治安保卫委员会"
    assert gr.PartyOrganisationKind.GRID_BRANCH.chinese_name == "网格党支部"
    assert gr.PostKind.DIRECTOR.chinese_name == "主任"
    assert gr.MeetingKind.RESIDENTS_REPRESENTATIVES_ASSEMBLY.chinese_name == "居民代表会议"
    assert list(gr.Severity.__members__) == ["INFO", "WARNING", "ERROR"]
    assert list(gr.AttendanceBase.__members__) == ["ALL_ADULTS", "HOUSEHOLDS", "GROUP_REPRESENTATIVES"]
    assert gr.AttendanceBase.HOUSEHOLDS.chinese_name == "每户派代表"
    assert list(gr.DecisionStatus.__members__) == ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"]


def test_every_public_autonomy_name_is_exported_and_has_a_stub() -> None:
    runtime = importlib.import_module("grassroots._core.autonomy")
    public = [name for name in dir(runtime) if not name.startswith("_")]
    assert public, "the autonomy submodule is empty"
    missing_exports = [name for name in public if name not in gr.__all__]
    assert not missing_exports, f"grassroots.__all__ lacks {missing_exports}"
    stub = (Path(gr.__file__).parent / "_core" / "autonomy.pyi").read_text(encoding="utf-8")
    missing = [name for name in public if name not in stub]
    assert not missing, f"autonomy.pyi lacks {missing}; run scripts/stubs"


def test_the_package_imports_and_validates_without_pandas() -> None:
    script = (
        "import sys; sys.modules['pandas'] = None\n"
        "import datetime, grassroots as gr\n"
        "c = gr.synthetic_chain('370502005066', 'x', datetime.date(2021, 5, 1), seed=1)\n"
        "print(gr.validate(c, datetime.date(2022, 1, 1)).ok)\n"
        "try:\n"
        "    c.roster()\n"
        "except ImportError:\n"
        "    print('no pandas')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "no", "pandas"]
