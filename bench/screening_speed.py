"""Screening throughput on 20,000 synthetic postings, engine against a naive baseline.

Run: ``.venv/bin/python bench/screening_speed.py [--postings N] [--sample N] [--seed S]``.
Prints figures; asserts nothing. Targets (issue 5): >= 5,000 postings/s, >= 10x the baseline,
< 100 MB for the loaded ruleset.

* The process is pinned to one core (``sched_setaffinity``) where the platform allows it.
* The corpus: postings of about 500 characters assembled from posting fragments written for this
  benchmark (duties, requirements, pay, contact), about one in six with a violation, some of them
  disguised (traditional characters, full-width forms, separators, Chinese numerals).
* The engine: ``fairhire.screening.engine.check`` with the shipped ruleset (folding with an offset
  map, one Aho-Corasick pass, numeric patterns, context rules).
* The naive baseline: one compiled regular expression per lexicon entry of the same ruleset,
  applied in turn to the lower-cased text (no folding, no context). It is too slow to run on the
  whole corpus in a minute, so it is timed on the first ``--sample`` postings and its rate is
  extrapolated to the corpus; the output says so.
* Memory: after importing the engine, the ruleset is loaded (and one text screened, so lazily
  built tables exist) inside tracemalloc, and the resident set size is read before and after.
  tracemalloc sees Python objects; the RSS delta also covers the automaton's native memory.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_bytes() -> int:
    """Resident set size of this process, from /proc (0 where there is none)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


OPENINGS = [
    "诚聘{job}{n}名，长期稳定。", "【急聘】{job}，工作地点：苏州工业园区。",
    "{job}（全职）招聘启事：",
    "因门店扩张，现面向社会招聘{job}{n}人。", "岗位名称：{job}；招聘人数：{n}人；工作性质：全职。",
]
JOBS = ["仓储专员", "收银员", "叉车司机", "财务助理", "新媒体运营", "电工", "质检员", "客服专员",
        "外卖骑手", "前端开发工程师", "保洁员", "采购专员", "理货员", "护理员", "司机"]
DUTIES = [
    "负责商品的验收、上架、盘点和出库，确保库存数据准确。",
    "按照操作规程完成设备的日常巡检、保养和简单维修。",
    "接听客户来电，处理订单咨询、退换货和投诉，并做好记录。",
    "负责公众号和短视频账号的内容策划、撰写与发布，跟踪数据并优化。",
    "配合主管完成月度盘点、报表整理和费用报销的初审工作。",
    "根据配送单按时将货物送达客户，保证货物完好、签收手续齐全。",
    "参与前端页面开发和性能优化，与后端同事协作完成接口联调。",
    "负责办公区域和公共区域的清洁，保持环境整洁。",
]
REQUIREMENTS = [
    "中专及以上学历，有相关经验者优先。", "性别不限，能适应轮班工作。", "持有叉车操作证。",
    "熟悉财务软件，细心负责。", "有良好的沟通表达能力和团队合作精神。", "持健康证上岗。",
    "熟悉HTML、CSS和JavaScript，了解Vue或React框架。", "年满18周岁，身体健康。",
    "能吃苦耐劳，服从公司安排。", "持C1及以上驾驶证，驾龄两年以上。",
]
PAY = [
    "综合月薪5500-8000元，按月足额发放。", "底薪4000元+绩效+提成，多劳多得。",
    "入职缴纳五险一金，提供免费工作餐。", "周末双休，享受带薪年假和节日福利。",
    "提供员工宿舍，水电全免，公司免费岗前培训。", "试用期一个月，转正后调薪。",
]
CONTACTS = [
    "联系人：陈先生，电话：0512-66881234。", "简历请发送至 jobs@example.cn。",
    "面试地址：成都市高新区天府大道中段666号。", "有意者请于工作日9:00-17:00来电咨询。",
]
VIOLATIONS = [
    "仅限男性，年龄30岁以下。", "已婚已育优先考虑。", "限本市户籍。", "需查乙肝两对半。",
    "身高170cm以上，五官端正。", "入职交押金300元。", "第一学历须为985。", "农民工勿扰。",
    "三十五歲以下，女士優先。", "限 本 地 户 口。", "ｕｎｄｅｒ ３５，ｍａｌｅ ｏｎｌｙ。",
    "动动手指日赚500，先交会费后上岗。", "不招少数民族和信教人员。", "年龄二十至卅五岁。",
]


def make_corpus(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    corpus = []
    for _ in range(count):
        parts = [rnd.choice(OPENINGS).format(job=rnd.choice(JOBS), n=rnd.randint(1, 20)),
                 "岗位职责：", *rnd.sample(DUTIES, 3), "任职要求：", *rnd.sample(REQUIREMENTS, 4),
                 "薪资待遇：", *rnd.sample(PAY, 3), rnd.choice(CONTACTS)]
        if rnd.random() < 1 / 6:
            parts.insert(rnd.randint(1, len(parts) - 1), rnd.choice(VIOLATIONS))
        text = "".join(parts)
        while len(text) < 480:
            text += rnd.choice(DUTIES + PAY)
        corpus.append(text[:540])
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=200,
                        help="postings the naive baseline is timed on (then extrapolated)")
    parser.add_argument("--seed", type=int, default=20251126)
    args = parser.parse_args()

    pinned = "not pinned"
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        pinned = f"pinned to core {core}"

    # Memory of the loaded ruleset: the engine's modules are imported first (they do not load the
    # ruleset), so the figures cover the ruleset and the tables the first screening builds.
    from fairhire.screening.engine import check, default_ruleset

    rss_before = rss_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    ruleset = default_ruleset()
    check("限男性，三十五歲以下")  # builds any lazily loaded tables
    load_seconds = time.perf_counter() - started
    traced, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = rss_bytes()

    corpus = make_corpus(args.postings, args.seed)
    mean_chars = sum(map(len, corpus)) / len(corpus)

    started = time.perf_counter()
    engine_flags = sum(len(check(text, ruleset=ruleset).flags) for text in corpus)
    engine_seconds = time.perf_counter() - started
    engine_rate = len(corpus) / engine_seconds

    started = time.perf_counter()
    patterns = [re.compile(re.escape(term.key)) for term in ruleset.terms]
    compile_seconds = time.perf_counter() - started
    sample = corpus[: args.sample]
    started = time.perf_counter()
    naive_hits = 0
    for text in sample:
        lowered = text.lower()
        for pattern in patterns:
            naive_hits += sum(1 for _ in pattern.finditer(lowered))
    naive_seconds = time.perf_counter() - started
    naive_rate = len(sample) / naive_seconds

    print(f"corpus: {len(corpus):,} synthetic postings, mean {mean_chars:.0f} characters; "
          f"{pinned}")
    print(f"ruleset {ruleset.version}: {len(ruleset.terms):,} lexicon terms, "
          f"{len(ruleset.lawful):,} lawful phrases, {len(ruleset.patterns)} patterns; "
          f"loaded in {load_seconds:.2f} s")
    print()
    print(f"{'method':<58}{'postings/s':>12}{'seconds':>10}")
    print(f"{'engine (all postings)':<58}{engine_rate:>12,.0f}{engine_seconds:>10.2f}")
    label = f"naive: {len(patterns):,} regexes in turn, timed on {len(sample)} postings"
    print(f"{label:<58}{naive_rate:>12,.0f}{naive_seconds:>10.2f}")
    print(f"{'naive, extrapolated to the whole corpus':<58}{naive_rate:>12,.0f}"
          f"{len(corpus) / naive_rate:>10.1f}")
    print()
    print(f"engine / naive: {engine_rate / naive_rate:,.1f}x "
          f"(naive regexes compiled in {compile_seconds:.2f} s, not counted)")
    print(f"engine: {engine_flags:,} flags in all; naive: {naive_hits:,} raw hits on the sample")
    print(f"loaded ruleset memory: {traced / 2**20:.1f} MiB traced by tracemalloc, "
          f"RSS delta {(rss_after - rss_before) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
