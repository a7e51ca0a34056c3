"""People in 孤岛镇 (河口区, Dongying): a year's review of community workers (履职评估), then the
volunteers, party members at home (党员回家) and social organisations of the same township.

The seed article tells of 崔雷鸣, a community worker of 孤岛镇永兴社区 rated 优秀 (excellent) in the
district's review, whose wait for the next post grade was cut by six months. The review rules here
are the library's defaults: the six-month cut is from the seed; indicators, weights, bands, the 20 %
quota and the 36-month wait are unverified defaults (see docs/people.md).

Run: python examples/python/reviews.py
"""

from __future__ import annotations

import datetime as dt

import grassroots as gr

YONGXING = "370503102009"  # 永兴社区
XIYUAN = "370503102003"  # 西苑社区
GUDAO = "370503102"  # 孤岛镇
FIRST, LAST = dt.date(2024, 1, 1), dt.date(2024, 12, 31)

WORKERS = """id,name,unit,grade,grade_start
sg-01,崔雷鸣,370503102009,3,2022-07-01
sg-02,王海燕,370503102009,3,2021-03-01
sg-03,刘强,370503102009,2,2023-01-01
sg-04,张敏,370503102009,2,2022-09-01
sg-05,李娜,370503102009,1,2024-01-01
sg-06,赵磊,370503102009,1,2023-06-01
"""

# Hand-entered evidence for the year: satisfaction, training, attendance, the residents' assessment;
# case counts and on-time rates would come from the case engine (evidence_from_handled_cases).
EVIDENCE = """worker,cases_handled,on_time_rate,satisfaction_rate,training_hours,attendance_rate,resident_assessment
sg-01,46,1.0,0.98,36,1.0,96
sg-02,41,0.98,0.96,32,0.99,92
sg-03,35,0.95,0.9,24,0.98,85
sg-04,28,0.9,0.85,16,0.97,80
sg-05,12,0.85,0.8,12,0.95,70
sg-06,30,0.92,0.88,20,0.99,82
"""


def show_review() -> None:
    rules = gr.ReviewRules.defaults()
    workforce = gr.Workforce.parse_csv(WORKERS, "workers.csv")
    evidence = gr.ReviewEvidence.parse_csv(EVIDENCE, "evidence.csv")
    outcome = gr.review(rules, workforce, evidence, FIRST, LAST)
    print(f"{outcome!r}")
    for result in outcome.reviews:
        print(f"  {result.worker_id}  {result.score:6.2f}  {result.rating.chinese_name}"
              + ("  (moved down by the quota)" if result.adjustment else ""))
    print()
    print(outcome.reviews[0].explanation)
    print(outcome.reviews[1].explanation)
    try:
        frame = outcome.to_pandas()
    except ImportError:  # pandas is optional
        return
    print(frame[["score", "rating", "next_grade_date"]].to_string())
    print()


def show_participation() -> None:
    tree = gr.datasets.dongying()

    volunteers = gr.VolunteerRegistry()
    lu = volunteers.add_volunteer(gr.Volunteer("v-001", "卢师傅", YONGXING, dt.date(2023, 5, 1)))
    ma = volunteers.add_volunteer(gr.Volunteer("v-002", "马阿姨", XIYUAN, dt.date(2024, 2, 1)))
    team = volunteers.add_team(gr.VolunteerTeam("永兴社区“头等大事”志愿服务队", YONGXING, dt.date(2023, 5, 1)))
    haircut = volunteers.add_project(gr.VolunteerProject("义务理发", YONGXING, team=team, start=dt.date(2024, 1, 1)))
    volunteers.join(lu, team)
    for day, hours in [(dt.date(2024, 3, 9), 3.0), (dt.date(2024, 6, 9), 3.5), (dt.date(2024, 12, 9), 4.0)]:
        volunteers.record(lu, day, hours, project=haircut)
    volunteers.record(ma, dt.date(2024, 10, 1), 3.0)
    totals = {str(t.unit): t for t in volunteers.totals(FIRST, LAST, tree)}
    print(f"volunteer hours in 孤岛镇: {totals[GUDAO].hours}, "
          f"{totals[GUDAO].active_volunteers} active volunteers, {totals[GUDAO].teams} team")

    members = gr.ResidentPartyMembers()
    members.add(gr.PartyMemberRegistration("党员 甲", "河口区某机关党支部", YONGXING, dt.date(2024, 4, 1)))
    members.add(gr.PartyMemberRegistration("党员 乙", "孤岛镇某企业党支部", XIYUAN, dt.date(2024, 7, 1)))
    counts = {str(c.unit): c.count for c in members.counts(LAST, tree)}
    print(f"party members registered where they live (党员回家) in 孤岛镇: {counts[GUDAO]}")

    organisations = gr.SocialOrganisationRegistry()
    organisations.add(gr.SocialOrganisation("永兴社区孵化中心", gr.SocialOrganisationKind.PUBLIC_WELFARE, YONGXING,
                                            incubation_site=True, households_taking_part=250))
    organisations.add(gr.SocialOrganisation("西苑社区文艺队", gr.SocialOrganisationKind.CULTURE_SPORTS, XIYUAN,
                                            households_taking_part=180))
    households = [gr.UnitHouseholds(YONGXING, 600, participating_households=250),
                  gr.UnitHouseholds(XIYUAN, 400, participating_households=180)]
    shares = {str(s.unit): s for s in organisations.participation(households, tree)}
    share = shares[GUDAO].share
    print(f"households taking part in 孤岛镇: {100 * (share or 0):.1f} % "
          f"({shares[GUDAO].organisations} organisations, {shares[GUDAO].incubation_sites} incubation site)")


def main() -> None:
    show_review()
    show_participation()


if __name__ == "__main__":
    main()
