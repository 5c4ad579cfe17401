"""The labelled set (fairhire/screening/data/cases.jsonl) run through the engine.

Every case must come out exactly as labelled (the categories flagged are the ones expected, and a
lawful case gets no flag at all) unless its id is in ``known_misses.txt``. A known miss must still
miss: when a change to the engine fixes one, this test fails until the id is removed from the
list, so the list never hides a case that now passes. Precision and recall figures come from
bench/screening_quality.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fairhire.screening.engine import CATEGORIES, check

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = [json.loads(line) for line in (DATA / "cases.jsonl").read_text("utf-8").splitlines()
         if line.strip()]
KNOWN_MISSES = {
    line.split("#", 1)[0].strip()
    for line in (DATA / "known_misses.txt").read_text("utf-8").splitlines()
} - {""}

# Which requirement (shared/REQUIREMENTS.md) a category's cases prove.
REQUIREMENT = {category: "R15.2" for category in CATEGORIES} | {
    "hukou_region": "R15.3",
    "identity": "R15.3",
    "fraud_signal": "R19.1",
    "deposit_fee": "R19.2",
}


def marks(case: dict) -> list[pytest.MarkDecorator]:
    requirements = sorted({REQUIREMENT[category] for category in case["expect"]}) or ["R15.2"]
    return [pytest.mark.req(requirement) for requirement in requirements]


def flagged(text: str) -> list[str]:
    return sorted({flag.category for flag in check(text).flags})


@pytest.mark.parametrize(
    "case", [pytest.param(case, marks=marks(case), id=case["id"]) for case in CASES]
)
def test_case_comes_out_as_labelled_unless_it_is_a_known_miss(case):
    got = flagged(case["text"])
    if case["id"] in KNOWN_MISSES:
        assert got != case["expect"], (
            f"{case['id']} now passes: remove it from fairhire/screening/data/known_misses.txt")
    else:
        assert got == case["expect"], f"{case['id']} regressed on {case['text']!r}"


def test_every_known_miss_names_a_case():
    assert KNOWN_MISSES <= {case["id"] for case in CASES}


@pytest.mark.req("R15.2")
@pytest.mark.req("R15.3")
@pytest.mark.req("R19.1")
@pytest.mark.req("R19.2")
def test_the_set_is_large_about_half_lawful_and_covers_every_category():
    ids = [case["id"] for case in CASES]
    lawful = [case for case in CASES if not case["expect"]]
    assert len(ids) == len(set(ids)) >= 400
    assert 0.4 <= len(lawful) / len(CASES) <= 0.6
    for category in CATEGORIES:
        assert sum(category in case["expect"] for case in CASES) >= 15, category
    assert all(set(case["expect"]) <= set(CATEGORIES) for case in CASES)


def test_cases_jsonl_is_what_make_cases_writes(tmp_path):
    # The set is generated; an edit by hand would be lost on the next run of the script.
    script = (DATA / "make_cases.py").read_text("utf-8")
    copy = tmp_path / "make_cases.py"
    copy.write_text(script, "utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    assert (tmp_path / "cases.jsonl").read_text("utf-8") == (DATA / "cases.jsonl").read_text(
        "utf-8")
