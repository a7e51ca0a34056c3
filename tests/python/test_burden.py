"""The burden ledger (小马拉大车) from Python: items, the index, top-N, before/after, CSV, pandas."""

from __future__ import annotations

import datetime as dt

import pytest

import grassroots as gr

D = dt.date
K = gr.BurdenKind
JINYUAN = "370502005066"
SECOND = "370502005001"
THIRD = "370502006001"


def fixture() -> tuple[gr.BurdenLedger, dict[str, int]]:
    """Hand-computed with the default weights: on 2024-01-01 jinyuan 27 / 4 staff = 6.75, second
    6 / 2 = 3, third 10 (no staff); on 2024-07-01 jinyuan 15 / 4 = 3.75, second 10 / 2 = 5."""
    ledger = gr.BurdenLedger()
    ledger.set_staff(JINYUAN, 4)
    ledger.set_staff(gr.DivisionCode(SECOND), 2)
    start = D(2023, 1, 1)
    ids = {
        "plaque": ledger.add(JINYUAN, K.PLAQUE, "老年协会", start, source_department="市民政局"),
        "plaques": ledger.add(JINYUAN, K.PLAQUE, "各类创建牌子", start, quantity=5),
        "certificate": ledger.add(JINYUAN, K.CERTIFICATE, "居住证明", start, source_department="市公安局"),
        "meetings": ledger.add(JINYUAN, K.MEETING, "条线工作会议", start, quantity=24),
        "app": ledger.add(JINYUAN, K.REPORTING_APP, "安全生产填报", start, source_department="市应急局"),
        "accounts": ledger.add(JINYUAN, K.ACCOUNT, "社区公众号", start, quantity=2),
        "tasks": ledger.add(SECOND, K.PUSHED_TASK, "创城摊派", start, quantity=3),
        "inspections": ledger.add(SECOND, K.INSPECTION, "专项督查", D(2024, 2, 1), quantity=4),
        "third": ledger.add(THIRD, K.PLAQUE, "牌子", start, quantity=10),
    }
    ledger.flag(ids["app"], D(2024, 3, 1), "拟整合")
    ledger.remove(ids["app"], D(2024, 5, 1), "已整合")
    ledger.remove(ids["plaques"], D(2024, 6, 1), "摘牌")
    ledger.remove(ids["accounts"], D(2024, 6, 1), "关停")
    return ledger, ids


def test_items_and_status_moves() -> None:
    ledger, ids = fixture()
    app = ledger.item(ids["app"])
    assert app.status == gr.BurdenStatus.REMOVED
    assert app.status.chinese_name == "已清理"
    assert (app.flagged, app.removed) == (D(2024, 3, 1), D(2024, 5, 1))
    assert app.in_force(D(2024, 4, 30)) and not app.in_force(D(2024, 5, 1))
    assert app.kind.chinese_name == "政务APP"
    assert [str(u) for u in ledger.units()] == [SECOND, JINYUAN, THIRD]
    assert ledger.staff(THIRD) is None
    assert ledger.staff_counts == {gr.DivisionCode(SECOND): 2, gr.DivisionCode(JINYUAN): 4}
    ledger.flag(ids["meetings"], D(2024, 6, 1))
    ledger.keep(ids["meetings"], D(2024, 6, 2), "上级要求保留")
    assert ledger.item(ids["meetings"]).status == gr.BurdenStatus.ALLOWED


def test_bad_input() -> None:
    ledger, ids = fixture()
    with pytest.raises(gr.InvalidInputError, match="village-level unit"):
        ledger.add("370502005", K.PLAQUE, "x", D(2024, 1, 1))
    with pytest.raises(gr.InvalidInputError, match="must be at least 1, not 0"):
        ledger.add(JINYUAN, K.MEETING, "例会", D(2024, 1, 1), quantity=0)
    with pytest.raises(gr.InvalidInputError, match="must be at least 1"):
        ledger.set_staff(JINYUAN, 0)
    with pytest.raises(gr.RuleViolationError, match="already removed on 2024-05-01"):
        ledger.remove(ids["app"], D(2024, 6, 1))
    with pytest.raises(gr.InvalidInputError, match="dates may not go backwards"):
        ledger.remove(ids["certificate"], D(2022, 12, 31))
    with pytest.raises(gr.NotFoundError):
        ledger.item(99)
    with pytest.raises(gr.InvalidInputError, match="before the first"):
        ledger.compare(D(2024, 7, 1), D(2024, 1, 1))
    assert len(ledger.items) == 9


def test_index_hand_computed() -> None:
    ledger, _ = fixture()
    rows = ledger.index(D(2024, 1, 1))
    assert [(str(r.unit), r.weighted, r.index) for r in rows] == [(SECOND, 6.0, 3.0), (JINYUAN, 27.0, 6.75), (THIRD, 10.0, None)]
    assert rows[1].quantity[K.MEETING] == 24 and rows[1].quantity[K.PLAQUE] == 6
    after = ledger.index_of(JINYUAN, D(2024, 7, 1))
    assert (after.items, after.weighted, after.index) == (3, 15.0, 3.75)
    assert [str(r.unit) for r in ledger.top(D(2024, 1, 1))] == [JINYUAN, SECOND]
    assert [str(r.unit) for r in ledger.top(D(2024, 7, 1), n=1)] == [SECOND]
    assert len(ledger.index(D(2024, 1, 1), within="370502005")) == 2


def test_weights_are_configurable() -> None:
    weights = gr.BurdenWeights.defaults()
    assert weights[K.REPORTING_APP] == 3.0
    assert "unverified" in weights.source
    ledger, _ = fixture()
    ledger.weights = gr.BurdenWeights({K.MEETING: 1.0}, source="县减负办")
    assert ledger.weights.source == "县减负办"
    assert ledger.index_of(JINYUAN, D(2024, 1, 1)).index == 9.75  # (27 + 12) / 4
    with pytest.raises(gr.InvalidInputError, match="finite number"):
        weights[K.MEETING] = -1.0
    assert weights.to_dict()["meeting"] == 0.5


def test_before_and_after() -> None:
    ledger, _ = fixture()
    comparison = ledger.compare(D(2024, 1, 1), D(2024, 7, 1))
    jinyuan = comparison.units[1]
    assert (jinyuan.weighted_before, jinyuan.weighted_after, jinyuan.change) == (27.0, 15.0, -12.0)
    assert (jinyuan.removed, jinyuan.added) == (3, 0)
    plaques = comparison.kind(K.PLAQUE)
    assert (plaques.before, plaques.after, plaques.removed, plaques.added) == (16, 11, 5, 0)
    for k in comparison.kinds:
        assert k.after == k.before + k.added - k.removed


def test_seed_figures_plaques_and_accounts() -> None:
    """2,223 irregular plaques removed and 32 government new-media accounts closed (the seed)."""
    ledger = gr.BurdenLedger()
    for i in range(1, 10):
        unit = f"370502005{i:03d}"
        ledger.set_staff(unit, 5)
        irregular = ledger.add(unit, K.PLAQUE, "不规范挂牌", D(2023, 1, 1), quantity=247)
        ledger.remove(irregular, D(2024, 9, 1))
    for i in range(32):
        account = ledger.add(f"370502005{1 + i % 8:03d}", K.ACCOUNT, f"公众号{i}", D(2023, 1, 1))
        ledger.remove(account, D(2024, 10, 1))
    comparison = ledger.compare(D(2024, 1, 1), D(2024, 12, 13))
    assert comparison.kind(K.PLAQUE).removed == 2223
    assert comparison.kind(K.ACCOUNT).removed == 32


def test_csv_round_trip() -> None:
    ledger, _ = fixture()
    back = gr.BurdenLedger.parse_csv(ledger.items_csv(), ledger.staff_csv())
    assert back.items == ledger.items
    assert back.items_csv() == ledger.items_csv()
    with pytest.raises(gr.InvalidInputError, match=r"items.csv, row 2, field 'kind'"):
        gr.BurdenLedger.parse_csv(
            "unit,kind,name,source_department,quantity,status,added,flagged,removed,note\n"
            "370502005066,banner,x,,1,allowed,2023-01-01,,,\n"
        )


def test_pandas_frames() -> None:
    pd = pytest.importorskip("pandas")
    ledger, _ = fixture()
    items = ledger.items_frame(on=D(2024, 7, 1))
    assert isinstance(items["kind"].dtype, pd.CategoricalDtype)
    assert list(items["kind"].cat.categories)[:2] == ["plaque", "certificate"]
    assert isinstance(items["unit"].dtype, pd.CategoricalDtype)
    assert isinstance(items["status"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(items["removed"])
    assert int(items["in_force"].sum()) == 6
    index = ledger.index_frame(D(2024, 1, 1))
    assert list(index.index) == [SECOND, JINYUAN, THIRD]
    assert index.loc[JINYUAN, "index"] == 6.75
    assert pd.isna(index.loc[THIRD, "index"])
    assert pd.isna(index.loc[THIRD, "staff"])
    assert index.loc[JINYUAN, "meeting"] == 24
    comparison = ledger.compare(D(2024, 1, 1), D(2024, 7, 1))
    frame = comparison.to_pandas()
    assert frame.loc[JINYUAN, "change"] == -12.0
    kinds = comparison.kinds_frame()
    assert kinds.loc["plaque", "removed"] == 5
