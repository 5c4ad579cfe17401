"""The shape of each classification's codes: valid format, level, and the parent a code implies.

Pure functions (no database): the loader and ``import_codes`` use them to check rows and to
fill in a parent the file leaves blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from fairhire.reference.models import CodeKind

# GB/T 4754-2017: which divisions (大类, two digits) belong to which section (门类).
INDUSTRY_SECTIONS: list[tuple[str, int, int]] = [
    ("A", 1, 5), ("B", 6, 12), ("C", 13, 43), ("D", 44, 46), ("E", 47, 50), ("F", 51, 52),
    ("G", 53, 60), ("H", 61, 62), ("I", 63, 65), ("J", 66, 69), ("K", 70, 70), ("L", 71, 72),
    ("M", 73, 75), ("N", 76, 79), ("O", 80, 82), ("P", 83, 83), ("Q", 84, 85), ("R", 86, 90),
    ("S", 91, 96), ("T", 97, 97),
]

_FORMATS: dict[str, re.Pattern[str]] = {
    CodeKind.REGION: re.compile(r"^\d{6}$"),
    CodeKind.OCCUPATION: re.compile(r"^[1-8](-\d{2}){0,3}$"),
    CodeKind.INDUSTRY: re.compile(r"^([A-T]|\d{2,4})$"),
    CodeKind.EDUCATION: re.compile(r"^\d{2}$"),
    CodeKind.EMPLOYMENT_TYPE: re.compile(r"^[a-z][a-z_]{1,15}$"),
}

FORMAT_HINTS: dict[str, str] = {
    CodeKind.REGION: "6 位数字，如 110101",
    CodeKind.OCCUPATION: "大典格式，如 2、2-02、2-02-10、2-02-10-03",
    CodeKind.INDUSTRY: "门类字母 A–T，或 2–4 位数字，如 65、651、6511",
    CodeKind.EDUCATION: "2 位数字，如 21",
    CodeKind.EMPLOYMENT_TYPE: "小写字母和下划线，如 full_time",
}


def is_valid_code(kind: str, code: str) -> bool:
    return bool(_FORMATS[kind].match(code))


def level_of(kind: str, code: str) -> int:
    """The level a (valid) code sits at, read from its shape."""
    if kind == CodeKind.REGION:
        if code.endswith("0000"):
            return 1
        return 2 if code.endswith("00") else 3
    if kind == CodeKind.OCCUPATION:
        return code.count("-") + 1
    if kind == CodeKind.INDUSTRY:
        return 1 if code.isalpha() else len(code)
    if kind == CodeKind.EDUCATION:
        return 1 if code.endswith("0") else 2
    return 1


def _region_candidates(code: str) -> list[str]:
    return [code[:4] + "00", code[:2] + "0000"]


def _occupation_candidates(code: str) -> list[str]:
    parts = code.split("-")
    return ["-".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]


def _industry_candidates(code: str) -> list[str]:
    if code.isalpha():
        return []
    if len(code) == 2:
        number = int(code)
        return [s for s, first, last in INDUSTRY_SECTIONS if first <= number <= last]
    return [code[:n] for n in range(len(code) - 1, 1, -1)] + _industry_candidates(code[:2])


def _education_candidates(code: str) -> list[str]:
    return [code[0] + "0"]


_CANDIDATES: dict[str, Callable[[str], list[str]]] = {
    CodeKind.REGION: _region_candidates,
    CodeKind.OCCUPATION: _occupation_candidates,
    CodeKind.INDUSTRY: _industry_candidates,
    CodeKind.EDUCATION: _education_candidates,
    CodeKind.EMPLOYMENT_TYPE: lambda code: [],
}


def implied_parent(kind: str, code: str, known: Container[str]) -> str:
    """The nearest ancestor the code's shape implies that exists in ``known`` ("" for a root).

    Skips levels a table leaves out: a county of a municipality hangs from the province; an
    occupation whose minor category is not listed hangs from its middle category.
    """
    if level_of(kind, code) == 1:
        return ""
    for candidate in _CANDIDATES[kind](code):
        if candidate != code and candidate in known:
            return candidate
    return ""
