"""The autonomy chain from Python: building it, its errors, queries, validation and pandas views."""

from __future__ import annotations

import pickle
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

import grassroots as gr
from grassroots import AutonomyChain, CommitteeKind, PostKind, Severity, Sex

ELECTED = date(2021, 5, 1)
ON = date(2022, 1, 1)
NAME = "锦苑社区居民委员会"
CODE = "370502005066"


def lawful_chain() -> AutonomyChain:
    """A small lawful residents' chain: 3 groups of 40 households, 5 members, heads, 2 representatives
    per group, the three required subordinate committees and a party branch whose secretary chairs."""
    chain = AutonomyChain(CommitteeKind.RESIDENTS, CODE, NAME, ELECTED)
    groups = [chain.add_group(f"第{n}居民小组", 40, 84) for n in "一二三"]
    seats = [PostKind.DIRECTOR, PostKind.DEPUTY_DIRECTOR, PostKind.MEMBER, PostKind.MEMBER, PostKind.MEMBER]
    committee = []
    for i, seat in enumerate(seats):
        person = chain.add_person(f"委员{i}", Sex.FEMALE if i % 2 else Sex.MALE, date(1970, 1, 1), groups[i % 3], i + 1)
        chain.appoint(seat, person, ELECTED)
        committee.append(person)
    for g in groups:
        head = chain.add_person(f"组长{g}", Sex.FEMALE, date(1980, 3, 3), g, 40 * g + 10)
        chain.appoint_group_head(g, head, ELECTED)
        chain.elect_representative(g, head, ELECTED)
        other = chain.add_person(f"代表{g}", Sex.MALE, date(1985, 3, 3), g, 40 * g + 20)
        chain.elect_representative(g, other, ELECTED)
    kinds = [gr.SubordinateKind.MEDIATION, gr.SubordinateKind.PUBLIC_SECURITY, gr.SubordinateKind.PUBLIC_HEALTH]
    for kind, member in zip(kinds, committee[1:]):
        chain.appoint_to_subordinate(chain.add_subordinate_committee(kind), member, True, ELECTED)
    branch = chain.add_party_organisation(gr.PartyOrganisationKind.BRANCH, "锦苑社区党支部")
    chain.appoint_party_post(branch, PostKind.PARTY_SECRETARY, committee[0], ELECTED)
    return chain


def test_building_a_chain_returns_int_ids() -> None:
    chain = lawful_chain()
    assert (chain.kind, chain.unit, chain.name, chain.elected) == (
        CommitteeKind.RESIDENTS, gr.DivisionCode(CODE), NAME, ELECTED)
    assert (chain.households, chain.adult_residents) == (120, 252)
    assert len(chain.people) == 11 and len(chain.groups) == 3 and len(chain.posts) == 18
    assert chain.entity_count() == 1 + 11 + 3 + 3 + 1 + 18
    assert chain.add_group("第四居民小组", 10, 20) == 3
    person = chain.add_person("王芳", Sex.FEMALE, group=3)
    assert person == 11 and isinstance(person, int)
    assert chain.person(person) == gr.Person("王芳", Sex.FEMALE, group=3)
    assert chain.group(3) == gr.Group(name="第四居民小组", households=10, adult_residents=20)
    assert chain.subordinate_committees[1] == gr.SubordinateCommittee(gr.SubordinateKind.PUBLIC_SECURITY, "治安保卫委员会")
    assert chain.party_organisations[0].parent is None
    post = chain.post(0)
    assert (post.kind, post.person, post.start, post.end) == (PostKind.DIRECTOR, 0, ELECTED, None)
    assert post.is_committee_seat and post.active_on(ON) and not post.active_on(date(2021, 4, 30))
    assert repr(chain) == (
        f"<AutonomyChain {NAME} ({CODE}, residents) elected 2021-05-01: 4 groups, 130 households, 12 people, 18 posts>")
    other = gr.SubordinateKind.OTHER
    assert chain.subordinate_committee(chain.add_subordinate_committee(other, "楼道自治小组")).name == "楼道自治小组"


def test_unit_as_str_or_division_code() -> None:
    a = AutonomyChain(CommitteeKind.RESIDENTS, gr.DivisionCode(CODE), NAME, ELECTED)
    b = AutonomyChain(CommitteeKind.RESIDENTS, CODE, NAME, ELECTED)
    assert a.unit == b.unit == gr.DivisionCode(CODE)
    with pytest.raises(gr.InvalidInputError) as info:
        AutonomyChain(CommitteeKind.RESIDENTS, "370502005", NAME, ELECTED)
    assert str(info.value) == "a committee belongs to a village-level unit; 370502005 is a township"
    with pytest.raises(gr.InvalidInputError):
        AutonomyChain(CommitteeKind.RESIDENTS, "3705020050x6", NAME, ELECTED)
    with pytest.raises(gr.InvalidInputError, match=f"^the committee of {CODE} needs a name$"):
        AutonomyChain(CommitteeKind.RESIDENTS, CODE, "", ELECTED)
    with pytest.raises(TypeError):
        AutonomyChain(CommitteeKind.RESIDENTS, 370502005066, NAME, ELECTED)  # type: ignore[arg-type]


def test_unknown_ids_raise_not_found_and_change_nothing() -> None:
    chain = lawful_chain()
    people, posts = len(chain.people), len(chain.posts)
    with pytest.raises(gr.NotFoundError) as info:
        chain.add_person("王芳", Sex.FEMALE, group=7)
    assert str(info.value) == f"group 7 is not in {NAME}"
    with pytest.raises(gr.NotFoundError, match=f"^person 42 is not registered in {NAME}$"):
        chain.appoint(PostKind.MEMBER, 42, ELECTED)
    with pytest.raises(gr.NotFoundError, match=rf"^person \(invalid\) is not registered in {NAME}$"):
        chain.appoint(PostKind.MEMBER, -1, ELECTED)
    with pytest.raises(gr.NotFoundError, match=f"^group 9 is not in {NAME}$"):
        chain.elect_representative(9, 0, ELECTED)
    with pytest.raises(gr.NotFoundError, match=f"^subordinate committee 5 is not in {NAME}$"):
        chain.appoint_to_subordinate(5, 0, True, ELECTED)
    with pytest.raises(gr.NotFoundError, match=f"^post 99 is not in {NAME}$"):
        chain.post(99)
    with pytest.raises(gr.NotFoundError):
        chain.person(2**40)
    with pytest.raises(gr.NotFoundError):
        chain.is_committee_member(99, ON)
    with pytest.raises(gr.NotFoundError):
        chain.posts_of(99, ON)
    assert (len(chain.people), len(chain.posts)) == (people, posts)
    with pytest.raises(TypeError):
        chain.person(True)
    with pytest.raises(TypeError):
        chain.person("0")  # type: ignore[arg-type]


def test_bad_terms_and_inputs_are_refused() -> None:
    chain = lawful_chain()
    posts = len(chain.posts)
    with pytest.raises(gr.InvalidInputError) as info:
        chain.appoint(PostKind.MEMBER, 0, date(2021, 5, 1), end=date(2021, 4, 30))
    assert str(info.value) == "a post ends on 2021-04-30, before it starts on 2021-05-01"
    with pytest.raises(gr.InvalidInputError, match="^appoint\\(\\) takes a committee seat .* not group_head$"):
        chain.appoint(PostKind.GROUP_HEAD, 0, ELECTED)
    with pytest.raises(gr.InvalidInputError, match="^a 党支部 \\(小组\\) cannot sit under a 党支部 \\(锦苑社区党支部\\)$"):
        chain.add_party_organisation(gr.PartyOrganisationKind.BRANCH, "小组", parent=0)
    with pytest.raises(gr.InvalidInputError, match="more than 10 per household"):
        chain.add_group("第九居民小组", 10, 200)
    with pytest.raises(gr.InvalidInputError, match="^a subordinate committee of kind 'other' needs a name$"):
        chain.add_subordinate_committee(gr.SubordinateKind.OTHER)
    assert len(chain.posts) == posts
    chain.end_post(4, date(2021, 12, 31))
    assert chain.post(4).end == date(2021, 12, 31)
    with pytest.raises(gr.InvalidInputError, match="^post 4 already ended on 2021-12-31$"):
        chain.end_post(4, date(2022, 6, 30))


def test_datetime_is_not_a_date() -> None:
    chain = lawful_chain()
    with pytest.raises(TypeError):
        chain.appoint(PostKind.MEMBER, 0, datetime(2021, 5, 1, 9, 30))  # a date subclass to mypy
    with pytest.raises(TypeError):
        AutonomyChain(CommitteeKind.RESIDENTS, CODE, NAME, datetime(2021, 5, 1))
    with pytest.raises(TypeError):
        chain.holders(PostKind.DIRECTOR, "2022-01-01")  # type: ignore[arg-type]


def test_queries_on_a_day() -> None:
    chain = lawful_chain()
    assert chain.holders(PostKind.DIRECTOR, ON) == [0]
    assert chain.holders(PostKind.REPRESENTATIVE, ON) == [6, 7, 9, 10, 12, 13]
    assert chain.holders(PostKind.DIRECTOR, date(2021, 4, 30)) == []
    assert chain.director(ON) == 0 and chain.director(date(2020, 1, 1)) is None
    assert chain.secretary_chairs_committee(ON)
    assert chain.posts_of(0, ON) == [0, 17]
    assert chain.posts_of(5, ON) == [5, 6]  # group head and representative (兼任)
    assert chain.is_committee_member(1, ON) and not chain.is_committee_member(5, ON)
    kid = chain.add_person("小明", Sex.MALE, date(2004, 1, 2))
    assert not chain.is_adult(kid, date(2022, 1, 1)) and chain.is_adult(kid, date(2022, 1, 2))
    assert chain.is_adult(chain.add_person("无生日", Sex.MALE), ON)
    chain.end_post(0, date(2021, 12, 31))
    assert chain.director(ON) is None and not chain.secretary_chairs_committee(ON)


def test_entities_are_value_objects() -> None:
    chain = lawful_chain()
    person = chain.person(0)
    assert person.to_dict() == {
        "name": "委员0", "sex": "male", "birth_date": date(1970, 1, 1), "group": 0, "household": 1, "party_member": False,
    }
    assert repr(person) == (
        "Person(name='委员0', sex=Sex.MALE, birth_date=datetime.date(1970, 1, 1), group=0, household=1, "
        "party_member=False)")
    assert pickle.loads(pickle.dumps(person)) == person and hash(person) == hash(chain.person(0))
    assert person != chain.person(1)
    post = chain.post(14)
    assert post.to_dict()["kind"] == "subordinate_head" and post.subordinate == 0
    assert pickle.loads(pickle.dumps(post)) == post
    with pytest.raises(AttributeError):
        person.name = "x"  # type: ignore[misc]


def test_synthetic_chains_validate_without_findings() -> None:
    for code, kind in [("370502005066", CommitteeKind.RESIDENTS), ("370522100201", CommitteeKind.VILLAGERS)]:
        for seed in range(5):
            chain = gr.synthetic_chain(code, "某社区", ELECTED, seed)
            assert chain.kind == kind
            report = gr.validate(chain, ON)
            assert report.findings == [], (code, seed, report.findings)
            assert report.ok and len(report) == 0
            assert report.entities_checked == chain.entity_count()
            assert report.rule_set == ("rc-2018" if kind == CommitteeKind.RESIDENTS else "vc-2018")
            assert report.on == ON
    small = gr.synthetic_chain(gr.DivisionCode(CODE), "小社区", ELECTED, 3, min_households=100, max_households=150)
    assert 100 <= small.households <= 150 and small.subordinate_committees == []
    assert gr.validate(small, ON).findings == []


def test_synthetic_chains_are_deterministic() -> None:
    a = gr.synthetic_chain(CODE, NAME, ELECTED, 11)
    b = gr.synthetic_chain(CODE, NAME, ELECTED, seed=11)
    assert a.people == b.people and a.posts == b.posts
    assert a.people != gr.synthetic_chain(CODE, NAME, ELECTED, 12).people
    with pytest.raises(gr.InvalidInputError, match="^synthetic chain options: need 1 ≤ min_households ≤ max_househ"):
        gr.synthetic_chain(CODE, NAME, ELECTED, 1, min_households=500, max_households=400)


def test_validation_finds_a_committee_too_small() -> None:
    chain = lawful_chain()
    assert gr.validate(chain, ON).findings == []
    chain.end_post(4, date(2021, 12, 31))
    report = gr.validate(chain, ON)
    assert not report.ok
    assert report.count(Severity.ERROR) == 1 and report.count(Severity.WARNING) == 0
    assert report.has("committee.size") and not report.has("group.head")
    assert report.findings == [
        gr.Finding(
            rule_id="committee.size",
            severity=Severity.ERROR,
            entity="committee",
            message="4 members on 2022-01-01; the law requires 5–9",
            source="中华人民共和国城市居民委员会组织法 (2018年修正) 第七条",
            rule_verified=True,
        )
    ]
    assert repr(report) == "<ValidationReport rc-2018 on 2022-01-01: 1 error, 0 warnings, 0 info>"
    assert report.to_dict()["findings"][0]["severity"] == "error"
    assert pickle.loads(pickle.dumps(report)) == report
    # A local rule allowing four members: the finding goes; rules are checked as overridden.
    rules = gr.RuleBook.china().in_force(CommitteeKind.RESIDENTS, ON)
    rules.override_range("committee.size", gr.IntRange(4, 9), "local pilot")
    assert gr.validate(chain, ON, rules=rules).findings == []
    assert gr.validate(chain, date(2021, 6, 1)).ok


def test_validation_finds_a_representative_in_two_groups() -> None:
    chain = lawful_chain()
    chain.elect_representative(1, 6, ELECTED)  # 代表0 lives in group 0
    report = gr.validate(chain, ON)
    assert [(f.rule_id, f.severity, f.entity, f.message) for f in report.findings] == [
        ("representative.one_group", Severity.ERROR, "representative 代表0 (person 6)",
         "elected by group 0 (第一居民小组) and by group 1 (第二居民小组)"),
        ("representative.one_group", Severity.ERROR, "representative 代表0 (person 6)",
         "represents group 1 (第二居民小组) but lives in group 0 (第一居民小组)"),
    ]


def test_validation_finds_one_person_in_two_seats() -> None:
    # Before issue 14 a person holding 主任 and 副主任 at once passed (the size counts persons, so it
    # showed only as a committee too small).
    chain = lawful_chain()
    chain.end_post(0, date(2021, 12, 1))  # 委员0 stops being director
    chain.appoint(PostKind.DIRECTOR, 1, date(2021, 12, 2))  # the deputy (person 1) also becomes director
    report = gr.validate(chain, ON)
    assert [(f.rule_id, f.message) for f in report.findings] == [
        ("committee.size", "4 members on 2022-01-01; the law requires 5–9"),
        ("committee.one_post", "委员1 (person 1) holds 主任 and 副主任 at once on 2022-01-01; one person holds one seat"),
    ]
    assert report.findings[1].source == "中华人民共和国城市居民委员会组织法 (2018年修正) 第七条"
    chain.end_post(1, date(2021, 12, 1))  # ending the deputy post first is lawful
    assert not gr.validate(chain, ON).has("committee.one_post")


def test_validation_against_the_wrong_rules() -> None:
    chain = lawful_chain()
    with pytest.raises(gr.InvalidInputError) as info:
        gr.validate(chain, ON, gr.RuleBook.china().edition("vc-2018"))
    assert str(info.value) == f"rule set 'vc-2018' governs 村民委员会, but {NAME} is a 居民委员会"
    with pytest.raises(gr.NotFoundError):
        gr.validate(chain, date(1980, 1, 1))


def test_report_to_pandas() -> None:
    chain = lawful_chain()
    chain.end_post(4, date(2021, 12, 31))
    chain.add_group("第四居民小组", 60, 120)
    frame = gr.validate(chain, ON).to_pandas()
    assert list(frame.columns) == ["rule_id", "severity", "entity", "message", "source", "rule_verified"]
    assert isinstance(frame["severity"].dtype, pd.CategoricalDtype)
    assert frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["info", "warning", "error"]
    assert frame["rule_verified"].dtype == bool
    assert pd.api.types.is_string_dtype(frame["message"])
    assert frame["severity"].max() == "error"
    worst = frame.sort_values("severity", ascending=False)
    assert worst.iloc[0]["severity"] == "error"
    assert set(frame["rule_id"]) == {"committee.size", "group.households", "group.head", "group.representatives"}
    empty = gr.validate(lawful_chain(), ON).to_pandas()
    assert len(empty) == 0 and list(empty["severity"].cat.categories) == ["info", "warning", "error"]


def test_roster_and_frames() -> None:
    chain = lawful_chain()
    chain.end_post(4, date(2021, 12, 31))
    roster = chain.roster()
    assert roster.index.name == "post" and len(roster) == 18
    assert "active" not in roster.columns
    for column in ("kind", "sex", "duty"):
        assert isinstance(roster[column].dtype, pd.CategoricalDtype), column
    assert list(roster["kind"].cat.categories)[:3] == ["director", "deputy_director", "member"]
    for column in ("start", "end"):
        assert np.issubdtype(roster[column].dtype, np.datetime64), column
    assert roster["person"].dtype == np.int64
    for column in ("group", "subordinate", "party_organisation"):
        assert roster[column].dtype == pd.Int64Dtype(), column
    assert roster.loc[0, "kind"] == "director" and roster.loc[0, "person_name"] == "委员0"
    assert roster.loc[4, "end"] == pd.Timestamp("2021-12-31")
    assert pd.isna(roster.loc[0, "end"]) and pd.isna(roster.loc[0, "group"])
    assert roster.loc[17, "party_organisation_name"] == "锦苑社区党支部"
    assert roster.loc[14, "subordinate_name"] == "人民调解委员会"
    active = chain.roster(ON)
    assert active["active"].dtype == bool
    assert active["active"].sum() == 17 and not active.loc[4, "active"]
    with pytest.raises(TypeError):
        chain.roster(datetime(2022, 1, 1))

    people = chain.people_frame()
    assert people.index.name == "person" and len(people) == 11
    assert isinstance(people["sex"].dtype, pd.CategoricalDtype)
    assert np.issubdtype(people["birth_date"].dtype, np.datetime64)
    assert people["household"].dtype == pd.Int64Dtype() and people["party_member"].dtype == bool
    assert people.loc[5, "group_name"] == "第一居民小组"

    groups = chain.groups_frame()
    assert list(groups.columns) == ["name", "households", "adult_residents"]
    assert groups["households"].dtype == np.int64 and groups["households"].sum() == chain.households
