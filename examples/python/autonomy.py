"""The four-level autonomy chain (四级自治组织链条) from Python, with pandas.

Builds a small residents' committee by hand, checks it against the law in force, fixes what the
report finds, holds a residents' meeting and a consultation meeting (协商议事), then looks at a
synthetic chain for 锦苑社区 as DataFrames. Run with ``python examples/python/autonomy.py``.
"""

from __future__ import annotations

import datetime as dt

import grassroots as gr


def build_by_hand() -> gr.AutonomyChain:
    elected = dt.date(2021, 5, 20)
    chain = gr.AutonomyChain(gr.CommitteeKind.RESIDENTS, "370502005058", "龙潭社区居民委员会", elected)
    groups = [chain.add_group(f"第{n}居民小组", households=40, adult_residents=85) for n in "一二三"]
    names = ["王芳", "李强", "张丽", "刘洋"]  # only four members: the law asks for 5–9
    members = [
        chain.add_person(name, gr.Sex.FEMALE if i % 2 == 0 else gr.Sex.MALE, dt.date(1975 + i, 3, 1), groups[i % 3])
        for i, name in enumerate(names)
    ]
    chain.appoint(gr.PostKind.DIRECTOR, members[0], elected)
    for person in members[1:]:
        chain.appoint(gr.PostKind.MEMBER, person, elected)
    for g in groups:
        head = chain.add_person(f"组长{g}", gr.Sex.MALE, dt.date(1970, 1, 1), g)
        chain.appoint_group_head(g, head, elected)
        chain.elect_representative(g, head, elected)
        chain.elect_representative(g, chain.add_person(f"代表{g}", gr.Sex.FEMALE, dt.date(1980, 1, 1), g), elected)
    for kind in (gr.SubordinateKind.MEDIATION, gr.SubordinateKind.PUBLIC_SECURITY, gr.SubordinateKind.PUBLIC_HEALTH):
        chain.assign_duty(kind, members[1], elected)  # a small committee shares the duties (分工负责)
    party = chain.add_party_organisation(gr.PartyOrganisationKind.BRANCH, "龙潭社区党支部")
    chain.appoint_party_post(party, gr.PostKind.PARTY_SECRETARY, members[0], elected)  # 一肩挑
    return chain


def main() -> None:
    day = dt.date(2025, 6, 1)
    chain = build_by_hand()
    report = gr.validate(chain, day)
    print(f"{chain.name} on {day} under {report.rule_set}: ok={report.ok}")
    for finding in report.findings:
        print(f"  [{finding.severity.name.lower()}] {finding.rule_id}: {finding.message}")

    # Fix it: a fifth member joins.
    fifth = chain.add_person("赵敏", gr.Sex.FEMALE, dt.date(1985, 7, 1), 0)
    chain.appoint(gr.PostKind.MEMBER, fifth, dt.date(2025, 6, 2))
    after = gr.validate(chain, dt.date(2025, 6, 2))
    print(f"after appointing 赵敏: ok={after.ok}, findings={len(after.findings)}, 一肩挑={chain.secretary_chairs_committee(day)}")

    # A residents' meeting of group representatives: 3 of 6 present is exactly half — not a quorum.
    rules = gr.rules_in_force(gr.CommitteeKind.RESIDENTS, day)
    representatives = [chain.post(p).person for p in chain.holders(gr.PostKind.REPRESENTATIVE, day)]
    for present in (3, 4):
        record = gr.MeetingRecord(
            kind=gr.MeetingKind.RESIDENTS_MEETING,
            base=gr.AttendanceBase.GROUP_REPRESENTATIVES,
            date=day,
            attendees=representatives[:present],
            votes_for=representatives[:3],
            motion="加装电梯",
        )
        print(f"{present} of {len(representatives)} representatives: {gr.hold_meeting(chain, rules, record).explanation}")

    # A consultation meeting (有事好商量) and its decision, followed up.
    consultation = gr.ConsultationMeeting(chain, "加装电梯议事会", day, representatives)
    decision = consultation.decide(chain, "征求3号楼住户意见", representatives[0], dt.date(2025, 6, 30))
    consultation.follow_up(decision, gr.DecisionStatus.IN_PROGRESS, dt.date(2025, 6, 10), "已入户12户")
    print(f"overdue on 2025-07-01: {consultation.overdue(dt.date(2025, 7, 1))}")

    # A synthetic chain for 锦苑社区, as DataFrames.
    jinyuan = gr.synthetic_chain("370502005066", "锦苑社区居民委员会", dt.date(2021, 5, 20), seed=2024)
    roster = jinyuan.roster(day)
    print("\n锦苑社区 posts by kind:")
    print(roster.groupby("kind", observed=True).size().to_string())
    print("\nValidation on 2026-06-01 (the 2025 revision is in force):")
    print(gr.validate(jinyuan, dt.date(2026, 6, 1)).to_pandas()[["rule_id", "severity", "message"]].to_string())


if __name__ == "__main__":
    main()
