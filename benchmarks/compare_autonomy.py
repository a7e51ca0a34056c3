#!/usr/bin/env python3
"""Compares grassroots.validate() with pandas checking the same autonomy-chain rules.

One run, on the same synthetic chains (the default sample: the first 20,000 village-level units of
the national NBS tables in code order, chain i built with ``synthetic_chain(code, name, elected,
seed=i)``), measures how many entities per second are validated on 2024-06-01 (editions rc-2018 and
vc-2018):

* grassroots: a Python loop calling ``grassroots.validate(chain, day)`` for every chain;
* pandas: the way an analyst would check the rules with DataFrames: every chain's roster, people and
  groups concatenated into three frames with a unit column, then vectorised groupby / merge /
  value_counts checks of the same rules (committee size and director, a woman on villagers'
  committees, the term, the households scale, group sizes, group heads, representatives per group,
  households per village representative, each representative in one group and living in it, the
  villagers' representatives' assembly shares). Building the frames is not timed: both sides start
  from data in memory;
* the C++ figure for the whole country (620,573 units) is quoted from
  benchmarks/results/autonomy_cpp.json (Google Benchmark ``BM_ValidateNational``), when present,
  against the target of 1 million entities per second on one core.

Entities are ``report.entities_checked`` summed over the chains (people, groups, committees, party
organisations and posts, plus the committee), the same count for both sides. Generation is not timed.

Before timing, a seeded subset of chains is broken (seats and heads ended, a second director, a
representative elected by a second group, a group without head or representatives, expired terms,
too few or too many households, women representatives ended ...); both sides must then report the
same findings, counted as (unit, rule, severity, group or person), for every rule the pandas peer
implements. Ratios are grassroots speed / pandas speed, so higher is better. Writes a table to stdout
and the figures to benchmarks/results/autonomy.json.

    .venv/bin/python benchmarks/compare_autonomy.py            # 20,000 national units, about 2 minutes
    .venv/bin/python benchmarks/compare_autonomy.py --quick    # Dongying's 1,921 units, seconds
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, Optional

import numpy as np
import pandas as pd

import grassroots

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as common  # noqa: E402  (the helpers shared by the comparisons)

REPO = common.REPO
DEFAULT_DATA = common.DEFAULT_DATA
DEFAULT_OUT, QUICK_OUT, DEFAULT_CPP = common.result_paths("autonomy")

DAY = datetime.date(2024, 6, 1)          # validated on; editions in force: rc-2018 and vc-2018
ELECTED = datetime.date(2021, 5, 20)     # term start of every unbroken chain (as in autonomy_bench.cpp)
EDITIONS = {"residents": "rc-2018", "villagers": "vc-2018"}
VILLAGE_LEVEL = 4
TARGET_ENTITIES_PER_SECOND = 1_000_000.0

# The rules the pandas peer implements (everything validate() checks except subordinate.duties,
# subordinate.head_is_member and party.secretary).
PEER_RULES = (
    "committee.size", "committee.director", "committee.woman_member", "committee.term_years",
    "unit.households", "group.households", "group.head", "group.representatives",
    "representatives.households_per_representative", "representative.one_group",
    "assembly.representatives_share", "assembly.women_share",
)


# ---- the pandas peer ---------------------------------------------------------------------------
# Numbers of the two 2018 editions, as an analyst would copy them from the laws.
RC = {"size": (5, 9), "unit_households": (100, 700), "group_households": (15, 40), "reps_per_group": (2, 3)}
VC = {"size": (3, 7), "households_per_rep": (5, 15), "reps_share": (4, 5), "women_share": (1, 3)}
# Term length by the edition in force on the election day (rc-1989 / vc-2010 before 2018-12-29: 3 years).
TERM_EDITIONS = {"residents": [("1990-01-01", 3), ("2018-12-29", 5)],
                 "villagers": [("2010-10-28", 3), ("2018-12-29", 5)]}
SEATS = ["director", "deputy_director", "member"]


class Frames(NamedTuple):
    """Every chain in three long frames, plus one row per unit (index: unit number 0 … n-1)."""
    units: pd.DataFrame    # committee ("residents"/"villagers"), elected (datetime64)
    posts: pd.DataFrame    # unit, post, kind, person, sex, group, start, end (from chain.roster())
    people: pd.DataFrame   # unit, person, sex, group (from chain.people_frame())
    groups: pd.DataFrame   # unit, group, households (from chain.groups_frame())


def build_frames(chains: list[grassroots.AutonomyChain]) -> Frames:
    """Concatenates every chain's roster, people and groups with a unit column (not timed)."""
    keys = range(len(chains))
    posts = pd.concat([c.roster()[["kind", "person", "sex", "group", "start", "end"]] for c in chains],
                      keys=keys, names=["unit", "post"]).reset_index()
    people = pd.concat([c.people_frame()[["sex", "group"]] for c in chains],
                       keys=keys, names=["unit", "person"]).reset_index()
    groups = pd.concat([c.groups_frame()[["households"]] for c in chains],
                       keys=keys, names=["unit", "group"]).reset_index()
    units = pd.DataFrame({
        "committee": pd.Categorical(["residents" if c.kind == grassroots.CommitteeKind.RESIDENTS else "villagers"
                                     for c in chains], categories=["residents", "villagers"]),
        "elected": pd.to_datetime([c.elected for c in chains]),
    })
    units.index.name = "unit"
    return Frames(units, posts, people, groups)


def pandas_findings(frames: Frames, day: datetime.date) -> pd.DataFrame:
    """The rules of rc-2018 / vc-2018 checked on whole frames; one row per finding:
    unit, rule_id, severity, entity (group or person id; -1 for the unit or its committee)."""
    units, posts, people, groups = frames
    on = pd.Timestamp(day)
    found: list[pd.DataFrame] = []

    def emit(rule: str, severity: str, unit: Any, entity: Any = -1) -> None:
        found.append(pd.DataFrame({"unit": np.asarray(unit, dtype=np.int64), "rule_id": rule,
                                   "severity": severity, "entity": np.asarray(entity, dtype=np.int64)}))

    residents = units["committee"].eq("residents")
    villagers = ~residents
    active = posts[(posts["start"] <= on) & (posts["end"].isna() | (posts["end"] >= on))]
    kind = active["kind"]

    # Committee: distinct people on seats, directors, a woman (villages).
    seats = active.loc[kind.isin(SEATS), ["unit", "person", "sex"]].drop_duplicates(["unit", "person"])
    size = seats["unit"].value_counts().reindex(units.index, fill_value=0)
    low = np.where(residents, RC["size"][0], VC["size"][0])
    high = np.where(residents, RC["size"][1], VC["size"][1])
    emit("committee.size", "error", units.index[(size < low) | (size > high)])
    directors = (active.loc[kind.eq("director"), ["unit", "person"]].drop_duplicates()["unit"]
                 .value_counts().reindex(units.index, fill_value=0))
    emit("committee.director", "error", units.index[directors.ne(1)])
    with_woman = seats.loc[seats["sex"].eq("female"), "unit"].unique()
    emit("committee.woman_member", "error", units.index[villagers & ~units.index.isin(with_woman)])

    # Term: its length is that of the edition in force on the election day.
    years = pd.Series(5, index=units.index)  # before the first edition: the edition applied
    for committee, editions in TERM_EDITIONS.items():
        for start, term in editions:
            years[units["committee"].eq(committee) & (units["elected"] >= pd.Timestamp(start))] = term
    ends = pd.Series(pd.NaT, index=units.index, dtype=units["elected"].dtype)
    for term in years.unique():
        ends[years.eq(term)] = units.loc[years.eq(term), "elected"] + pd.DateOffset(years=int(term))
    emit("committee.term_years", "error", units.index[ends <= on])

    # Scale: households of a residents' committee (warning), households per residents' group (info).
    households = groups.groupby("unit")["households"].sum().reindex(units.index, fill_value=0)
    emit("unit.households", "warning",
         units.index[residents & ~households.between(*RC["unit_households"])])
    group_residents = residents.to_numpy()[groups["unit"].to_numpy()]
    odd = groups[group_residents & ~groups["households"].between(*RC["group_households"])]
    emit("group.households", "info", odd["unit"], odd["group"])

    # Group heads: exactly one per group, living in it.
    every_group = pd.MultiIndex.from_frame(groups[["unit", "group"]])
    heads = active.loc[kind.eq("group_head"), ["unit", "group", "person"]].drop_duplicates()
    head_count = heads.groupby(["unit", "group"]).size().reindex(every_group, fill_value=0)
    wrong = head_count[head_count.ne(1)].index.to_frame(index=False)
    emit("group.head", "error", wrong["unit"], wrong["group"])
    lives = people.rename(columns={"group": "lives_in"})[["unit", "person", "lives_in"]]
    heads = heads.merge(lives, on=["unit", "person"], how="left")
    emit("group.head", "warning", heads.loc[heads["lives_in"].isna(), "unit"],
         heads.loc[heads["lives_in"].isna(), "group"])
    away = heads[heads["lives_in"].notna() & heads["lives_in"].ne(heads["group"])]
    emit("group.head", "error", away["unit"], away["group"])

    # Representatives: 2–3 per residents' group; one per 5–15 households in villages, or some
    # from every group; each in one group, the one they live in.
    reps = (active.loc[kind.eq("representative"), ["unit", "group", "person", "sex"]]
            .drop_duplicates(["unit", "group", "person"]).sort_values(["unit", "person", "group"]))
    per_group = reps.groupby(["unit", "group"]).size().reindex(every_group, fill_value=0)
    wrong = per_group[~per_group.between(*RC["reps_per_group"])].index.to_frame(index=False)
    wrong = wrong[residents.to_numpy()[wrong["unit"].to_numpy()]]
    emit("group.representatives", "error", wrong["unit"], wrong["group"])

    rep_people = reps.drop_duplicates(["unit", "person"])
    rep_count = rep_people["unit"].value_counts().reindex(units.index, fill_value=0)
    per_rep_low, per_rep_high = VC["households_per_rep"]
    by_households = (rep_count.gt(0) & (rep_count * per_rep_low <= households)
                     & (households <= rep_count * per_rep_high))
    group_count = groups["unit"].value_counts().reindex(units.index, fill_value=0)
    groups_with_reps = reps.groupby("unit")["group"].nunique().reindex(units.index, fill_value=0)
    by_groups = group_count.gt(0) & groups_with_reps.eq(group_count)
    emit("representatives.households_per_representative", "error",
         units.index[villagers & ~by_households & ~by_groups])

    second = reps[reps.duplicated(["unit", "person"])]  # the second, third … group of one person
    emit("representative.one_group", "error", second["unit"], second["person"])
    reps_lives = reps.merge(lives, on=["unit", "person"], how="left")
    away = reps_lives[reps_lives["lives_in"].notna() & reps_lives["lives_in"].ne(reps_lives["group"])]
    emit("representative.one_group", "error", away["unit"], away["person"])

    # Villagers' representatives' assembly: committee members and representatives, distinct people;
    # representatives >= 4/5 of them and women representatives >= 1/3 (units with representatives).
    members = (pd.concat([seats[["unit", "person"]], rep_people[["unit", "person"]]]).drop_duplicates()["unit"]
               .value_counts().reindex(units.index, fill_value=0))
    women = (rep_people.loc[rep_people["sex"].eq("female"), "unit"].value_counts()
             .reindex(units.index, fill_value=0))
    assembly = villagers & rep_count.gt(0)
    numerator, denominator = VC["reps_share"]
    emit("assembly.representatives_share", "error",
         units.index[assembly & (rep_count * denominator < members * numerator)])
    numerator, denominator = VC["women_share"]
    emit("assembly.women_share", "error", units.index[assembly & (women * denominator < members * numerator)])

    return pd.concat(found, ignore_index=True)


# ---- grassroots findings in the same shape -----------------------------------------------------
GROUP_ENTITY = re.compile(r"^group (\d+) ")
PERSON_ENTITY = re.compile(r"\(person (\d+)\)$")


def entity_id(entity: str) -> int:
    """'group 3 (第四居民小组)' -> 3; 'representative 王芳 (person 12)' -> 12; otherwise -1."""
    match = GROUP_ENTITY.match(entity) or PERSON_ENTITY.search(entity)
    return int(match.group(1)) if match else -1


Key = tuple[int, str, str, int]  # unit, rule_id, severity, entity


def grassroots_keys(reports: list[Any]) -> collections.Counter[Key]:
    keys: collections.Counter[Key] = collections.Counter()
    for unit, report in enumerate(reports):
        for f in report.findings:
            keys[(unit, f.rule_id, f.severity.name.lower(), entity_id(f.entity))] += 1
    return keys


def pandas_keys(findings: pd.DataFrame) -> collections.Counter[Key]:
    return collections.Counter(zip(findings["unit"].tolist(), findings["rule_id"].tolist(),
                                   findings["severity"].tolist(), findings["entity"].tolist()))


# ---- the chains, and breaking some -------------------------------------------------------------
class Sample(NamedTuple):
    label: str
    codes: list[str]
    names: list[str]


def village_sample(tree: grassroots.DivisionTree, count: Optional[int], label: str) -> Sample:
    """The first `count` village-level units in code order (all when None), with their names."""
    codes = np.asarray(tree.codes)
    village = np.flatnonzero(np.asarray(tree.levels) == VILLAGE_LEVEL)
    village = village[np.argsort(codes[village], kind="stable")]
    if count is not None:
        village = village[:count]
    units = [tree.unit(int(i)) for i in village]
    return Sample(label, [str(u.code) for u in units], [u.name for u in units])


def chain_for(sample: Sample, i: int, **options: Any) -> grassroots.AutonomyChain:
    elected = options.pop("elected", ELECTED)
    return grassroots.synthetic_chain(sample.codes[i], sample.names[i], elected, seed=i, **options)


BEFORE = datetime.date(2024, 5, 1)  # posts ended by a break end on this day (before DAY)
PK = grassroots.PostKind


def _posts(chain: grassroots.AutonomyChain, *kinds: Any) -> list[int]:
    return [p for kind in kinds for p in chain.holders(kind, DAY)]


def _end_all(chain: grassroots.AutonomyChain, posts: list[int]) -> None:
    for post in posts:
        chain.end_post(int(post), BEFORE)


def break_seats(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    """Ends non-director seats until the committee is one below its minimum."""
    minimum = 5 if chain.kind == grassroots.CommitteeKind.RESIDENTS else 3
    seats = _posts(chain, PK.DEPUTY_DIRECTOR, PK.MEMBER)
    held = len({chain.post(p).person for p in _posts(chain, PK.DIRECTOR, PK.DEPUTY_DIRECTOR, PK.MEMBER)})
    _end_all(chain, list(rng.permutation(seats))[: max(0, held - minimum + 1)])


def break_director(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    _end_all(chain, _posts(chain, PK.DIRECTOR))


def break_second_director(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    members = _posts(chain, PK.MEMBER, PK.DEPUTY_DIRECTOR)
    chain.appoint(PK.DIRECTOR, chain.post(int(rng.choice(members))).person, ELECTED)


def break_women_seats(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    _end_all(chain, [p for p in _posts(chain, PK.DIRECTOR, PK.DEPUTY_DIRECTOR, PK.MEMBER)
                     if chain.person(chain.post(p).person).sex == grassroots.Sex.FEMALE])


def break_representative_second_group(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    post = chain.post(int(rng.choice(_posts(chain, PK.REPRESENTATIVE))))
    assert post.group is not None
    chain.elect_representative((post.group + 1) % len(chain.groups), post.person, ELECTED)


def break_head_removed(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    _end_all(chain, [int(rng.choice(_posts(chain, PK.GROUP_HEAD)))])


def break_head_elsewhere(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    """A second head for a group, living in another group."""
    group = int(rng.integers(len(chain.groups)))
    outsiders = [p for p, person in enumerate(chain.people) if person.group not in (None, group)]
    chain.appoint_group_head(group, int(rng.choice(outsiders)), ELECTED)


def break_group_representatives(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    """Ends all but one representative of a group."""
    group = int(rng.integers(len(chain.groups)))
    _end_all(chain, [p for p in _posts(chain, PK.REPRESENTATIVE) if chain.post(p).group == group][1:])


def break_most_representatives(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    """Keeps 8 representatives: fewer than 4/5 of a villagers' assembly."""
    _end_all(chain, list(rng.permutation(_posts(chain, PK.REPRESENTATIVE)))[8:])


def break_women_representatives(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    _end_all(chain, [p for p in _posts(chain, PK.REPRESENTATIVE)
                     if chain.person(chain.post(p).person).sex == grassroots.Sex.FEMALE])


def break_new_group(chain: grassroots.AutonomyChain, rng: np.random.Generator) -> None:
    """A large new group with no head and no representatives."""
    chain.add_group("新建小组", 450, 900)


# Breaks that rebuild the chain with other settings (the unit's seed stays the same).
REBUILDS: dict[str, dict[str, Any]] = {
    "term expired (elected 2019-03-01, 5 years)": {"elected": datetime.date(2019, 3, 1)},
    "term expired under the old edition (elected 2017-05-20, 3 years)": {"elected": datetime.date(2017, 5, 20)},
    "small unit (40-90 households)": {"min_households": 40, "max_households": 90},
}
BREAKS: dict[str, Callable[[grassroots.AutonomyChain, np.random.Generator], None]] = {
    "committee seats ended below the minimum": break_seats,
    "director's post ended": break_director,
    "a second director": break_second_director,
    "women's committee seats ended": break_women_seats,
    "a representative elected by a second group": break_representative_second_group,
    "a group head's post ended": break_head_removed,
    "a second head living in another group": break_head_elsewhere,
    "one representative left in a group": break_group_representatives,
    "only 8 representatives left": break_most_representatives,
    "women representatives' posts ended": break_women_representatives,
    "a new group of 450 households, no head, no representatives": break_new_group,
}


def make_chains(sample: Sample, broken_share: float, seed: int) -> tuple[list[Any], dict[str, int], set[int]]:
    """Synthetic chains for the sample; a seeded share of them broken, the kinds of break in turn."""
    chains = [chain_for(sample, i) for i in range(len(sample.codes))]
    rng = np.random.default_rng(seed)
    broken = rng.choice(len(chains), size=int(round(broken_share * len(chains))), replace=False)
    names = list(REBUILDS) + list(BREAKS)
    applied: dict[str, int] = dict.fromkeys(names, 0)
    for turn, unit in enumerate(broken.tolist()):
        name = names[turn % len(names)]
        if name in REBUILDS:
            chains[unit] = chain_for(sample, unit, **REBUILDS[name])
        else:
            BREAKS[name](chains[unit], rng)
        applied[name] += 1
    return chains, applied, set(broken.tolist())


# ---- measuring ---------------------------------------------------------------------------------
best_time = common.best_time
significant = common.significant


def figure(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """A figure of the JSON (common.figure) against pandas."""
    return common.figure(*args, peer="pandas", **kwargs)


def cpp_national(path: Path) -> Optional[dict[str, Any]]:
    """BM_ValidateNational from the Google Benchmark JSON, if the file and the run are there."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    for bench in data.get("benchmarks", []):
        if bench.get("run_name", bench.get("name", "")).startswith("BM_ValidateNational") \
                and bench.get("run_type", "iteration") == "iteration":
            return {"entities_per_second": float(bench["entities_per_second"]),
                    "entities": int(bench["entities"]), "units": int(bench["units"]),
                    "seconds": float(bench["real_time"]), "time_unit": bench.get("time_unit"),
                    "errors": int(bench.get("errors", 0)), "date": data.get("context", {}).get("date"),
                    "file": common.shown_path(path)}
    return None


# ---- the run -----------------------------------------------------------------------------------
def run(args: argparse.Namespace) -> dict[str, Any]:
    log = common.progress(args)
    if args.quick:
        sample = village_sample(grassroots.datasets.dongying(), None,
                                "Dongying's village-level units (grassroots.datasets.dongying())")
    else:
        tree = grassroots.DivisionTree.read_nbs(str(args.data))
        sample = village_sample(tree, args.units, f"the first {{n:,}} village-level units in code order of the "
                                                  f"NBS tables in {args.data}")
        sample = sample._replace(label=sample.label.format(n=len(sample.codes)))
        del tree
    units = len(sample.codes)
    log(f"data: {sample.label}: {units:,} units; generating chains ...")

    start = time.perf_counter()
    chains, applied, broken = make_chains(sample, args.broken_share, args.seed)
    generate_s = time.perf_counter() - start
    residents = sum(c.kind == grassroots.CommitteeKind.RESIDENTS for c in chains)
    log(f"building the pandas frames ({units:,} chains) ...")
    start = time.perf_counter()
    frames = build_frames(chains)
    frames_s = time.perf_counter() - start

    validate = grassroots.validate
    day = DAY

    def grassroots_side() -> list[Any]:
        return [validate(chain, day) for chain in chains]

    # Correctness first (the timed runs below repeat the same calls).
    log("checking that both sides report the same findings ...")
    reports = grassroots_side()
    assert {r.rule_set for r in reports} <= set(EDITIONS.values()), {r.rule_set for r in reports}
    entities = sum(r.entities_checked for r in reports)
    expected = sum(c.entity_count() for c in chains)
    assert entities == expected, (entities, expected)
    gr_all = grassroots_keys(reports)
    gr_keys = collections.Counter({k: n for k, n in gr_all.items() if k[1] in PEER_RULES})
    pd_keys = pandas_keys(pandas_findings(frames, day))
    if gr_keys != pd_keys:
        only_gr = sorted((gr_keys - pd_keys).elements())[:10]
        only_pd = sorted((pd_keys - gr_keys).elements())[:10]
        raise AssertionError(f"findings differ: grassroots only {only_gr}; pandas only {only_pd}")
    pairs = {(k[0], k[1]) for k in gr_keys}
    error_pairs = {(k[0], k[1]) for k in gr_keys if k[2] == "error"}
    by_rule: collections.Counter[str] = collections.Counter()
    for key, n in gr_keys.items():
        by_rule[key[1]] += n
    other_rules: collections.Counter[str] = collections.Counter()
    for key, n in gr_all.items():
        if key[1] not in PEER_RULES:
            other_rules[key[1]] += n
    units_with_findings = len({k[0] for k in gr_keys})
    unbroken_findings = sum(n for k, n in gr_all.items() if k[0] not in broken)
    unbroken_errors = sum(n for k, n in gr_all.items() if k[0] not in broken and k[2] == "error")
    log(f"  {sum(gr_keys.values()):,} findings matched ({len(error_pairs):,} (unit, rule) error pairs) "
        f"in {units_with_findings:,} units")
    del reports

    log(f"timing grassroots.validate over {units:,} chains ...")
    gr_t, _ = best_time(grassroots_side, args.repeat)
    log("timing the pandas checks ...")
    pd_t, _ = best_time(lambda: pandas_findings(frames, day), args.repeat)

    gr_rate = entities / gr_t
    pd_rate = entities / pd_t
    gr_method = f"Python loop: grassroots.validate(chain, day) for each of the {units:,} chains"
    pd_method = ("groupby / merge / value_counts over the concatenated roster, people and groups frames "
                 f"({len(frames.posts):,} post, {len(frames.people):,} people and {len(frames.groups):,} group rows)")
    figures = [
        figure("entities validated per second (Python)", gr_rate, "entities/s", pd_rate, gr_rate / pd_rate, units,
               grassroots_method=gr_method, peer_method=pd_method, entities=entities),
        figure("time to validate the sample", gr_t, "s", pd_t, pd_t / gr_t, units,
               grassroots_method=gr_method, peer_method=pd_method, higher_is_better=False, entities=entities),
    ]
    cpp = cpp_national(args.cpp_results)
    target = f">= {TARGET_ENTITIES_PER_SECOND / 1e6:g} M entities/s on one core"
    if cpp is not None:
        figures.append(figure(
            "entities validated per second (C++, national)", cpp["entities_per_second"], "entities/s", pd_rate,
            cpp["entities_per_second"] / pd_rate, cpp["units"],
            grassroots_method=(f"C++ BM_ValidateNational: validate(chain, rules, day) for all {cpp['units']:,} "
                               f"village-level units, one thread ({cpp['file']}, {cpp['date']})"),
            peer_method=f"the pandas figure above ({units:,} units of this run; no national pandas run)",
            target=target, met=cpp["entities_per_second"] >= TARGET_ENTITIES_PER_SECOND,
            entities=cpp["entities"], seconds=cpp["seconds"], errors=cpp["errors"]))
    else:
        log(f"no C++ results at {args.cpp_results}: the national C++ figure is left out")

    return {
        "benchmark": "autonomy",
        "quick": bool(args.quick),
        "machine": common.peer_machine_info({"pandas": pd.__version__}),
        "data_size": {
            "units": units,
            "residents_committees": residents,
            "villagers_committees": units - residents,
            "entities": entities,
            "posts": len(frames.posts),
            "people": len(frames.people),
            "groups": len(frames.groups),
            "source": sample.label,
            "first_unit": sample.codes[0],
            "last_unit": sample.codes[-1],
            "national_units_cpp": cpp["units"] if cpp else None,
            "national_entities_cpp": cpp["entities"] if cpp else None,
        },
        "settings": {
            "day": DAY.isoformat(),
            "editions": EDITIONS,
            "elected": ELECTED.isoformat(),
            "chain": "grassroots.synthetic_chain(code, name, elected, seed=index in the sample)",
            "broken_share": args.broken_share,
            "break_seed": args.seed,
            "repeat": args.repeat,
            "timing": "best of repeats, time.perf_counter, cyclic GC off inside the timed call",
            "generate_seconds": round(generate_s, 3),
            "pandas_frames_seconds_untimed": round(frames_s, 3),
        },
        "checks": {
            "rules_compared": list(PEER_RULES),
            "rules_not_in_peer": ["subordinate.duties", "subordinate.head_is_member", "party.secretary"],
            "broken_units": sum(applied.values()),
            "breaks": applied,
            "findings_matched": sum(gr_keys.values()),
            "findings_grassroots": sum(gr_keys.values()),
            "findings_pandas": sum(pd_keys.values()),
            "unit_rule_pairs_matched": len(pairs),
            "unit_rule_error_pairs_matched": len(error_pairs),
            "units_with_findings": units_with_findings,
            "findings_in_unbroken_chains": unbroken_findings,
            "errors_in_unbroken_chains": unbroken_errors,
            "findings_by_rule": dict(sorted(by_rule.items())),
            "findings_of_rules_not_in_peer": dict(sorted(other_rules.items())),
            "identical": True,
        },
        "figures": figures,
    }


def format_value(value: float, unit: str) -> str:
    if unit == "entities/s":
        return f"{significant(value / 1e6)} M/s"
    if unit == "s":
        return f"{significant(value)} s" if value >= 0.1 else f"{significant(value * 1e3)} ms"
    return f"{significant(value)} {unit}"


def print_table(result: dict[str, Any]) -> None:
    rows = [("Figure", "grassroots", "pandas", "ratio", "data size", "target")]
    for f in result["figures"]:
        rows.append((f["figure"], format_value(f["value"], f["unit"]), format_value(f["peer_value"], f["unit"]),
                     f"{significant(f['ratio'])}x", f"{f['data_size']:,} units", common.target_cell(f)))
    data = result["data_size"]
    checks = result["checks"]
    print(f"\ngrassroots vs pandas, autonomy-chain validation on {result['settings']['day']}: {data['units']:,} units "
          f"({data['residents_committees']:,} residents', {data['villagers_committees']:,} villagers' committees), "
          f"{data['entities']:,} entities ({data['source']})")
    print(f"machine: {result['machine']['summary']}; {result['machine']['date']}")
    common.print_rows(rows, left=(0, 5))
    print("ratio: grassroots speed / pandas speed (higher is better).")
    print(f"check: {checks['broken_units']:,} units broken; {checks['findings_matched']:,} findings identical on both "
          f"sides ({checks['unit_rule_error_pairs_matched']:,} (unit, rule) error pairs) over "
          f"{len(checks['rules_compared'])} rules")
    for f in result["figures"]:
        print(f"  {f['figure']}: grassroots {f['grassroots_method']}; pandas {f['peer_method']}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = common.comparison_parser(__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="NBS folder (provinces.csv ... villages.csv.gz) (default: %(default)s)")
    parser.add_argument("--units", type=int, default=20_000,
                        help="village-level units of the national tables, first in code order (default %(default)s)")
    parser.add_argument("--broken-share", type=float, default=0.05,
                        help="share of chains broken for the correctness check (default %(default)s)")
    parser.add_argument("--seed", type=int, default=42, help="seed choosing and breaking chains (default 42)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per side, best kept (default 3)")
    parser.add_argument("--cpp-results", type=Path, default=DEFAULT_CPP,
                        help="Google Benchmark JSON with BM_ValidateNational (default "
                             f"{DEFAULT_CPP.relative_to(REPO)}); left out when missing")
    common.add_output_options(parser, DEFAULT_OUT, QUICK_OUT,
                              "Dongying's 1,921 village-level units (shipped with grassroots) instead of --data")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.units < 1:
        parser.error("--units must be at least 1")
    if not 0 <= args.broken_share <= 1:
        parser.error("--broken-share must be within 0 and 1")
    if not args.quick and not args.data.exists():
        parser.error(f"no data at {args.data} (pass --data or --quick)")
    return common.finish(run(args), print_table, args, DEFAULT_OUT, QUICK_OUT)


if __name__ == "__main__":
    sys.exit(main())
