"""The onboarding demo in Python: a tour of Dongying's administrative ladder (东营市行政层级).

Run it with ``python examples/python/tour.py`` after ``pip install .``. It loads the 1,982 units
shipped inside the library, walks down to the seed article's 锦苑社区, counts units per level and
per county, and shows the classes of the townships and communities — the same tour as
examples/cpp/tour.cpp, plus a pandas view.
"""

from __future__ import annotations

import grassroots as gr


def main() -> None:
    tree = gr.datasets.dongying()
    print(f"grassroots {gr.__version__}: {tree!r}\n")

    community = tree["370502005066"]  # 锦苑社区, 胜利街道, 东营区
    print(f"The ladder down to {community.name}:")
    for depth, unit in enumerate(community.path()):
        kind = unit.village_class if unit.level == gr.Level.VILLAGE else unit.township_class
        label = f"  [{kind.chinese_name}]" if kind is not None else ""
        print(f"  {'  ' * depth}{unit.code.padded_str}  {unit.level.chinese_name}  {unit.name}{label}")

    print("\nUnits per level:")
    for level in gr.Level.__members__.values():
        print(f"  {level.name.lower():<10} {level.chinese_name}  {tree.count(level):>5}")

    frame = tree.to_pandas()
    frame["county"] = frame["code"].str.slice(0, 6)
    villages = frame[frame["level"] == "village"]
    table = villages.groupby(["county", "village_class"], observed=True).size().unstack(fill_value=0)
    table.index = [f"{code} {tree[code].name}" for code in table.index]
    print("\nVillage-level units per county (居委会 = residents' committee, 村委会 = villagers' committee):")
    print(table.to_string())

    # Is 锦苑社区 under 东营区? Under 河口区? (O(1) each)
    print(f"\n东营区 contains {community.name}: {tree.is_ancestor('370502', community)}")
    print(f"河口区 contains {community.name}: {tree.is_ancestor('370503', community)}")


if __name__ == "__main__":
    main()
