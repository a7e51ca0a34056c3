"""The seed's "小马拉大车" campaign in miniature: a dual ledger (双台账) of 44 problems and 31 measures,
all struck off (销号), and a burden ledger whose before/after comparison shows 2,223 plaques removed
and 32 government new-media accounts closed.

Run: python examples/python/ledger_and_burden.py
"""

from __future__ import annotations

import datetime as dt

import grassroots as gr

D = dt.date


def dual_ledger() -> None:
    ledger = gr.DualLedger()
    problems = [
        ledger.add_problem(f"突出问题 {i + 1}", D(2024, 4, 1), D(2024, 11, 30), "市委社会工作部", division="3705")
        for i in range(44)
    ]
    measures = [
        ledger.add_measure(
            f"工作措施 {i + 1}", D(2024, 4, 2), D(2024, 10, 31), "专班", department="市直部门", responsible=f"责任人{i + 1}"
        )
        for i in range(31)
    ]
    for i, problem in enumerate(problems):  # every measure serves one or two problems
        ledger.link(problem, measures[i % 31], D(2024, 4, 3), "专班")

    # 销号 is refused while a measure is open, naming it.
    try:
        ledger.strike_off(problems[0], D(2024, 5, 1), "专班")
    except gr.RuleViolationError as error:
        print("refused:", error)

    for number, measure in enumerate(measures, start=1):
        ledger.complete(measure, D(2024, 10, 15), f"责任人{number}")
    # The person answering for a measure may not verify the problem it serves.
    try:
        ledger.verify(problems[0], D(2024, 11, 20), "责任人1")
    except gr.PermissionDeniedError as error:
        print("refused:", error)
    for problem in problems:
        ledger.verify(problem, D(2024, 11, 20), "核查组")
        ledger.strike_off(problem, D(2024, 11, 25), "市委社会工作部")

    report = ledger.report(D(2024, 1, 1), D(2024, 12, 13))
    total = report.total
    print(f"ledger: {total.problems} problems, {total.measures} measures, {total.struck_off} struck off, {total.open} open")

    ledger.reopen_problem(problems[0], D(2025, 3, 1), "市委社会工作部", "回头看发现反弹")
    reopened = ledger.problem(problems[0])
    print(f"{reopened.number} reopened: status {reopened.status.chinese_name}, reopens {reopened.reopens}")


def burden_ledger() -> None:
    ledger = gr.BurdenLedger()
    for i in range(1, 10):
        unit = f"370502005{i:03d}"
        ledger.set_staff(unit, 3 + i % 4)
        ledger.add(unit, gr.BurdenKind.PLAQUE, "规范挂牌", D(2023, 1, 1), quantity=4, source_department="市民政局")
        ledger.add(unit, gr.BurdenKind.MEETING, "条线会议", D(2023, 1, 1), quantity=12 * i)
        irregular = ledger.add(unit, gr.BurdenKind.PLAQUE, "不规范挂牌", D(2023, 1, 1), quantity=247)
        ledger.flag(irregular, D(2024, 4, 1), "五步闭环: 发现问题")
        ledger.remove(irregular, D(2024, 9, 1), "摘牌")
    for i in range(32):
        account = ledger.add(f"370502005{1 + i % 8:03d}", gr.BurdenKind.ACCOUNT, f"公众号{i + 1}", D(2023, 1, 1))
        ledger.remove(account, D(2024, 10, 1), "关停")

    comparison = ledger.compare(D(2024, 1, 1), D(2024, 12, 13))
    plaques = comparison.kind(gr.BurdenKind.PLAQUE)
    accounts = comparison.kind(gr.BurdenKind.ACCOUNT)
    print(f"plaques: {plaques.before} → {plaques.after}, removed {plaques.removed}")
    print(f"accounts: {accounts.before} → {accounts.after}, closed {accounts.removed}")
    for row in ledger.top(D(2024, 12, 13), n=3):
        index = row.index if row.index is not None else float("nan")
        print(f"heaviest: {row.unit} {row.weighted:.1f} for {row.staff} staff = {index:.2f}")


if __name__ == "__main__":
    dual_ledger()
    burden_ledger()
