"""Precision and recall of the posting screener on its labelled set, next to a naive baseline.

Run: ``.venv/bin/python bench/screening_quality.py [--cases PATH]``. Prints figures; asserts
nothing (the regression test is fairhire/screening/tests/test_cases.py).

Scoring: every (case, category) pair is one decision. A category the engine flags that the case
expects is a true positive, one it flags that the case does not expect a false positive, one the
case expects that it does not flag a false negative. "overall" is micro-averaged: the counts of
all categories added up before dividing. Several flags of one category in one case count once.

The baseline is what a first attempt would do: a plain substring search of a few obvious
keywords per category on the raw text (no folding, no negation, no lawful phrases).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fairhire.screening.engine import CATEGORIES, check, default_ruleset

CASES = Path(__file__).resolve().parents[1] / "fairhire/screening/data/cases.jsonl"

BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "gender": ("限男", "限女", "男性优先", "女性优先", "女士优先", "只招男", "只招女", "仅招女",
               "仅招男"),
    "marital_childbearing": ("已婚", "未婚", "已育", "生育", "孕检"),
    "ethnicity_race": ("汉族", "少数民族"),
    "religion": ("宗教", "信教"),
    "age": ("岁以下", "90后", "95后", "00后"),
    "hukou_region": ("户口", "户籍"),
    "identity": ("农民工", "在编", "城镇职工"),
    "health": ("乙肝", "携带者", "HIV"),
    "disability": ("残疾",),
    "appearance": ("身高", "体重", "五官端正", "颜值"),
    "education_prestige": ("985", "211", "双一流"),
    "deposit_fee": ("押金", "保证金", "培训费", "服装费", "报名费", "中介费"),
    "fraud_signal": ("刷单", "日结", "垫付", "培训贷", "月入过万"),
}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def engine_categories(text: str) -> set[str]:
    return {flag.category for flag in check(text).flags}


def baseline_categories(text: str) -> set[str]:
    return {category for category, words in BASELINE_KEYWORDS.items()
            if any(word in text for word in words)}


def score(cases: Iterable[dict], predict: Callable[[str], set[str]]) -> tuple[dict, list[str]]:
    """Per-category Counter(tp, fp, fn) and the ids of cases whose categories differ."""
    counts = {category: Counter() for category in CATEGORIES}
    failing = []
    for case in cases:
        expected, got = set(case["expect"]), predict(case["text"])
        for category in expected & got:
            counts[category]["tp"] += 1
        for category in got - expected:
            counts[category]["fp"] += 1
        for category in expected - got:
            counts[category]["fn"] += 1
        if expected != got:
            failing.append(case["id"])
    return counts, failing


def ratios(counter: Counter) -> tuple[float, float]:
    tp, fp, fn = counter["tp"], counter["fp"], counter["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    args = parser.parse_args()

    cases = load(args.cases)
    lawful = sum(1 for case in cases if not case["expect"])
    engine, engine_failing = score(cases, engine_categories)
    naive, naive_failing = score(cases, baseline_categories)

    print(f"{len(cases)} cases ({lawful} lawful, {len(cases) - lawful} unlawful); "
          f"ruleset {default_ruleset().version}")
    print()
    header = f"{'category':<22}{'support':>8}  {'engine P':>9}{'engine R':>9}  " \
             f"{'naive P':>8}{'naive R':>8}"
    print(header)
    print("-" * len(header))
    rows = [*CATEGORIES, "overall (micro)"]
    for category in rows:
        if category in engine:
            mine, theirs = engine[category], naive[category]
        else:
            mine = sum(engine.values(), Counter())
            theirs = sum(naive.values(), Counter())
            print("-" * len(header))
        support = mine["tp"] + mine["fn"]
        engine_p, engine_r = ratios(mine)
        naive_p, naive_r = ratios(theirs)
        print(f"{category:<22}{support:>8}  {engine_p:>9.3f}{engine_r:>9.3f}  "
              f"{naive_p:>8.3f}{naive_r:>8.3f}")
    print()
    print(f"cases wholly right: engine {len(cases) - len(engine_failing)}/{len(cases)}, "
          f"naive {len(cases) - len(naive_failing)}/{len(cases)}")
    print(f"engine misses ({len(engine_failing)}): {' '.join(engine_failing) or '-'}")


if __name__ == "__main__":
    main()
