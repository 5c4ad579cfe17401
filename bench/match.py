"""Person–job matching: recommendations for one seeker over N postings, candidates for one
posting over N résumés, through ``fairhire.search.engine.match`` exactly as the pages call it
(retrieval of a pool of 100 from the index, then every one scored and explained).

Run: ``python bench/match.py [--size N] [--runs R]`` (default 20,000 so ``make bench`` stays
quick; the targets are for ``--size 1000000``: p99 ≤ 20 ms for recommendations, ≤ 50 ms for
candidates). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fairhire.search.engine.index import (
    IndexStore,
    PostingRecord,
    ResumeRecord,
    build_generation,
    posting_features,
    resume_features,
)
from fairhire.search.engine.match import (
    DEFAULT_WEIGHTS,
    candidates_for_posting,
    recommend_postings,
    resume_as_seeker,
)

NOW = 1_780_000_000
PROVINCES = ["110000", "310000", "320000", "330000", "440000", "510000", "140000", "420000"]
SKILLS = ["叉车", "盘点", "收银", "Python", "Java", "SQL", "电工", "焊接", "驾驶", "护理",
          "烹饪", "客服", "销售", "会计", "CAD", "Excel", "普通话", "英语", "消防", "装配"]
TITLES = ["仓库管理员", "营业员", "开发工程师", "电工", "焊工", "司机", "护工", "厨师", "客服专员",
          "销售代表", "会计", "设计师", "普工", "保安员"]


def region(rng) -> list[str]:
    province = rng.choice(PROVINCES)
    city = province[:2] + f"{rng.randint(1, 12):02d}00"
    return [province, city, city[:4] + f"{rng.randint(1, 15):02d}"]


def occupation(rng) -> list[str]:
    major = str(rng.randint(1, 6))
    middle = f"{major}-{rng.randint(1, 9):02d}"
    minor = f"{middle}-{rng.randint(1, 9):02d}"
    return [major, middle, minor, f"{minor}-{rng.randint(1, 9):02d}"]


def postings(n: int, seed: int = 1):
    rng = random.Random(seed)
    for i in range(1, n + 1):
        skills = rng.sample(SKILLS, 3)
        low = rng.choice([3000, 4000, 5000, 6000, 8000, 10000, 15000])
        yield PostingRecord(
            id=i, title=rng.choice(TITLES), body="、".join(skills) + "相关工作，五险一金。",
            requirements="熟悉" + "、".join(skills), region_path=region(rng),
            occupation_path=occupation(rng), education_code=rng.choice(["", "31", "21", "61"]),
            experience_years=rng.choice([None, 0, 1, 3, 5]), pay_min=low, pay_max=low + 2000,
            published=NOW - rng.randint(0, 60 * 86400))


def resumes(n: int, seed: int = 2):
    rng = random.Random(seed)
    for i in range(1, n + 1):
        skills = rng.sample(SKILLS, 3)
        low = rng.choice([3000, 4000, 5000, 6000, 8000, 10000])
        yield ResumeRecord(
            id=i, title=rng.choice(TITLES) + "简历", skills="，".join(skills),
            body="有" + skills[0] + "经验", region_paths=[region(rng)[:2]],
            occupation_paths=[occupation(rng)], employment_types=["full_time"], pay_min=low,
            pay_max=low + 2000, education_code=rng.choice(["31", "21", "61", "71"]),
            experience_years=rng.choice([0, 1, 2, 5, 10]),
            updated=NOW - rng.randint(0, 60 * 86400))


def timed(items, run) -> tuple[float, float]:
    for item in items[:10]:
        run(item)
    times = []
    for item in items:
        start = time.perf_counter()
        run(item)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_MATCH_SIZE",
                                                                       20_000)))
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-match-"))

    start = time.perf_counter()
    posting_store = IndexStore(work, "postings")
    posting_store.swap(build_generation(posting_store, postings(args.size)))
    posting_build = time.perf_counter() - start
    start = time.perf_counter()
    resume_store = IndexStore(work, "resumes")
    resume_store.swap(build_generation(resume_store, resumes(args.size)))
    resume_build = time.perf_counter() - start

    seekers = [resume_as_seeker(resume_features(r)) for r in resumes(args.runs, seed=3)]
    targets = [posting_features(p) for p in postings(args.runs, seed=4)]
    posting_index, resume_index = posting_store.index(), resume_store.index()
    rec = timed(seekers, lambda s: recommend_postings(posting_index, s, weights=DEFAULT_WEIGHTS,
                                                      now=NOW, limit=20))
    cand = timed(targets, lambda p: candidates_for_posting(resume_index, p,
                                                           weights=DEFAULT_WEIGHTS, now=NOW,
                                                           limit=20))
    print(f"{args.size:,} postings indexed in {posting_build:.1f} s, {args.size:,} résumés in "
          f"{resume_build:.1f} s; {args.runs} runs each, pool of 100 scored per run")
    print(f"{'measure':<44}{'p50':>10}{'p99':>10}{'target p99':>12}")
    print(f"{'recommendations for one seeker':<44}{rec[0] * 1000:>8.2f}ms{rec[1] * 1000:>8.2f}ms"
          f"{'20 ms':>12}")
    print(f"{'candidates for one posting':<44}{cand[0] * 1000:>8.2f}ms{cand[1] * 1000:>8.2f}ms"
          f"{'50 ms':>12}")


if __name__ == "__main__":
    main()
