#!/usr/bin/env python3
"""Converts holiday-cn JSON files into the calendar data shipped in the library.

    python3 scripts/import_holiday_cn.py HOLIDAY_CN_FOLDER/20{19..26}.json   (docs/data.md: where to get them)

Writes data/calendar/china-days.csv (date,working,name,notice_year) and keeps the notice titles
in data/calendar/china-notices.csv (year,title,source), adding a standard title for a new year.
Empty files (a year whose notice is not out yet) are skipped. Run it when a new notice is
published (around November), then check the titles and rebuild.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DAYS = ROOT / "data/calendar/china-days.csv"
NOTICES = ROOT / "data/calendar/china-notices.csv"
HEADER = (
    "# China's public holidays and make-up working days (调休), from the State Council's yearly notices\n"
    "# (国务院办公厅关于部分节假日安排的通知; see china-notices.csv), as encoded by the holiday-cn data set (MIT).\n"
    "# Only exceptions to the weekday rule are listed: working=0 a day off, working=1 a weekend working day.\n"
    "# notice_year is the notice's year: a late-December date can belong to the next year's notice.\n"
)


def main(paths: list[str]) -> None:
    known: dict[int, list[tuple[str, str]]] = {}
    if NOTICES.exists():
        with NOTICES.open(encoding="utf-8") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                known.setdefault(int(row["year"]), []).append((row["title"], row["source"]))
    days = []
    for path in sorted(paths):
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        if not document["days"]:
            continue
        year = int(document["year"])
        known.setdefault(year, [(f"国务院办公厅关于{year}年部分节假日安排的通知", paper) for paper in document["papers"][:1]])
        for day in document["days"]:
            days.append((day["date"], "0" if day["isOffDay"] else "1", day["name"], str(year)))
    with DAYS.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["date", "working", "name", "notice_year"])
        writer.writerows(sorted(set(days)))
    with NOTICES.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# The State Council notices behind china-days.csv: one row per notice (supplementary ones too).\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "title", "source"])
        for year in sorted(known):
            for title, source in known[year]:
                writer.writerow([year, title, source])


if __name__ == "__main__":
    main(sys.argv[1:])
