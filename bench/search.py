"""Posting search: the project's search service next to raw tantivy, SQLite FTS5 and PostgreSQL
full-text search over the same segmented text.

Run: ``python bench/search.py --corpus CORPUS.jsonl --queries QUERIES.jsonl [--postgres DSN]``.
Without ``--corpus`` a synthetic corpus of ``--size`` postings (default 20,000, so ``make bench``
finishes in a minute or two) and ``--query-count`` queries are generated into a temporary folder.
Write a corpus to keep with ``--make-corpus N --corpus C.jsonl --queries Q.jsonl`` (1,000,000
postings take about 6 minutes to generate and about 1 GB on disk).

Corpus lines: ``{id, title, company, city, district, occupation, industry, salary_min,
salary_max, education, experience_years, body}``; query lines: ``{q, city, salary_min}``
(city and salary_min may be null). Every engine answers each query as keywords (every term
must match) + city filter + minimum monthly pay, top 20.

* project: ``fairhire.search.engine`` exactly as the API calls it — indexing through
  ``build_generation`` (segmentation included), searching with ``engine.query.search``
  (highlighted snippets and the stored display data of each hit; facets too in the "+ facets"
  row, as the search page shows them);
* raw tantivy: a minimal schema (segmented text, city, pay) and a bare boolean query;
* SQLite FTS5 and PostgreSQL (``to_tsvector('simple')`` + GIN) over the same segmented text.

Build times of the three baselines include segmenting the corpus with rjieba once (shared).
Prints figures; asserts nothing. The last line is the ratio of the project's p99 to raw
tantivy's p99 (target ≤ 2 at 1,000,000 postings).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import rjieba
import tantivy

from fairhire.search.engine.index import (
    IndexStore,
    PostingRecord,
    build_generation,
)
from fairhire.search.engine.query import PostingQuery, search
from fairhire.search.engine.segment import document_field, query_terms

CITIES = {
    "北京": ["海淀区", "朝阳区", "丰台区", "大兴区", "通州区"],
    "上海": ["浦东新区", "闵行区", "徐汇区", "嘉定区", "松江区"],
    "广州": ["天河区", "白云区", "番禺区", "黄埔区"],
    "深圳": ["南山区", "宝安区", "龙岗区", "福田区"],
    "杭州": ["西湖区", "余杭区", "滨江区", "萧山区"], "南京": ["玄武区", "江宁区", "鼓楼区"],
    "成都": ["武侯区", "高新区", "双流区", "郫都区"], "武汉": ["洪山区", "江汉区", "东西湖区"],
    "西安": ["雁塔区", "未央区", "长安区"], "太原": ["小店区", "迎泽区", "万柏林区"],
    "郑州": ["金水区", "二七区", "中原区"], "长沙": ["岳麓区", "雨花区", "开福区"],
    "重庆": ["渝北区", "江北区", "九龙坡区"], "苏州": ["工业园区", "吴中区", "昆山市"],
    "天津": ["滨海新区", "南开区", "河西区"], "青岛": ["黄岛区", "崂山区", "市南区"],
}
JOBS = [  # title, occupation, industry, skills
    ("仓库管理员", "4-02-06-01", "G", ["出入库", "盘点", "叉车", "WMS系统"]),
    ("快递分拣员", "4-02-06-03", "G", ["分拣", "扫码", "搬运"]),
    ("餐厅服务员", "4-03-02-05", "H", ["点餐", "传菜", "收银"]),
    ("中式烹调师", "4-03-02-01", "H", ["炒菜", "刀工", "食品安全"]),
    ("门店营业员", "4-01-02-03", "F", ["收银", "商品陈列", "客户接待"]),
    ("电商客服", "4-01-06-01", "F", ["在线客服", "售后处理", "打字"]),
    ("销售代表", "4-01-02-01", "F", ["客户开发", "谈判", "CRM"]),
    ("会计", "2-06-03-00", "J", ["记账", "税务申报", "用友", "金蝶"]),
    ("Python开发工程师", "2-02-10-03", "I", ["Python", "Django", "PostgreSQL", "Linux"]),
    ("Java开发工程师", "2-02-10-03", "I", ["Java", "Spring", "MySQL", "微服务"]),
    ("前端工程师", "2-02-10-03", "I", ["JavaScript", "Vue", "React", "CSS"]),
    ("数据分析师", "2-02-30-07", "I", ["SQL", "Excel", "Python", "数据可视化"]),
    ("电工", "6-29-03-11", "E", ["低压电工", "电气维修", "特种作业操作证"]),
    ("电焊工", "6-18-02-04", "C", ["氩弧焊", "二保焊", "焊工证"]),
    ("普工", "6-31-01-03", "C", ["流水线", "装配", "质检"]),
    ("保安员", "4-07-05-01", "N", ["巡逻", "门岗", "消防"]),
    ("保洁员", "4-10-06-01", "O", ["清洁", "消毒", "垃圾分类"]),
    ("货车司机", "4-02-02-01", "G", ["A2驾照", "B2驾照", "长途运输"]),
    ("护工", "4-14-01-02", "Q", ["护理", "照护", "康复"]),
    ("幼儿教师", "2-08-05-00", "P", ["幼儿教育", "教师资格证", "舞蹈"]),
    ("行政助理", "3-01-02-01", "L", ["办公软件", "文档管理", "会议安排"]),
    ("人力资源专员", "2-06-08-01", "L", ["招聘", "薪酬", "社保", "劳动合同"]),
    ("外卖骑手", "4-02-07-10", "G", ["电动车", "配送", "导航"]),
    ("机械设计工程师", "2-02-07-01", "C", ["SolidWorks", "AutoCAD", "机械制图"]),
]
COMPANIES = ["华信科技", "安达物流", "鑫源食品", "蓝海餐饮", "恒达建筑", "优品电商", "康宁医疗",
             "晨光教育", "远航汽车", "锦程人力", "顺捷快运", "新城物业", "天成制造", "云帆软件"]
SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司"]
FRAGMENTS = [
    "负责日常工作的组织与落实，按时完成上级交办的任务。",
    "公司提供免费岗前培训，培训期间带薪。", "缴纳五险一金，提供员工宿舍和工作餐。",
    "周末双休，法定节假日正常休息，享受带薪年假。", "工作地点交通便利，地铁直达。",
    "有相关经验者优先，欢迎应届毕业生。", "能适应倒班，服从工作安排。",
    "团队氛围好，晋升通道清晰。", "每月10日前发放上月工资，按月足额支付。",
    "提供节日福利和年度体检。",
]
EDUCATION = ["", "71", "61", "41", "31", "21", "14"]
STOP_WORDS = {"负责", "工作", "公司", "提供", "有限公司"}


def generate(n: int, corpus: Path, queries: Path, query_count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    cities = list(CITIES)
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(1, n + 1):
            title, occupation, industry, skills = rng.choice(JOBS)
            city = rng.choice(cities)
            low = rng.choice([3000, 3500, 4000, 4500, 5000, 6000, 7000, 8000, 10000, 12000,
                              15000, 20000])
            chosen = rng.sample(skills, k=min(len(skills), rng.randint(1, 3)))
            body = ("岗位职责：" + "、".join(chosen) + "相关工作。" + "".join(
                rng.sample(FRAGMENTS, k=rng.randint(2, 5))) + f"任职要求：熟悉{chosen[0]}。")
            out.write(json.dumps({
                "id": i, "title": rng.choice(["", "高级", "资深", "初级", "储备"]) + title,
                "company": rng.choice(COMPANIES) + rng.choice(SUFFIXES), "city": city,
                "district": rng.choice(CITIES[city]), "occupation": occupation,
                "industry": industry, "salary_min": low,
                "salary_max": low + rng.choice([1000, 2000, 3000, 5000]),
                "education": rng.choice(EDUCATION), "experience_years": rng.choice(
                    [None, 0, 1, 2, 3, 5]), "body": body}, ensure_ascii=False) + "\n")
    words = [w for _t, _o, _i, skills in JOBS for w in skills] + [t for t, *_ in JOBS]
    with queries.open("w", encoding="utf-8") as out:
        for _ in range(query_count):
            q = rng.choice(words)
            if rng.random() < 0.3:
                q += " " + rng.choice(["经验", "五险一金", "双休", "培训", "宿舍"])
            out.write(json.dumps({
                "q": q, "city": rng.choice(cities) if rng.random() < 0.7 else None,
                "salary_min": rng.choice([4000, 6000, 8000, 10000]) if rng.random() < 0.5
                else None}, ensure_ascii=False) + "\n")


def lines(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def to_record(row: dict) -> PostingRecord:
    city = row.get("city") or ""
    district = row.get("district") or ""
    return PostingRecord(
        id=int(row["id"]), title=row.get("title") or "", company=row.get("company") or "",
        body=row.get("body") or "", region_path=[c for c in (city, city + district) if c],
        region_name=city + district, occupation_path=[row.get("occupation") or ""],
        industry_path=[row.get("industry") or ""], education_code=row.get("education") or "",
        experience_years=row.get("experience_years"), pay_min=row.get("salary_min"),
        pay_max=row.get("salary_max"), pay_unit="month", published=1_780_000_000 + int(row["id"]))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(queries: list[dict], run) -> tuple[float, float]:
    for q in queries[:20]:  # warm-up
        run(q)
    times = []
    for q in queries:
        start = time.perf_counter()
        run(q)
        times.append(time.perf_counter() - start)
    return statistics.median(times), percentile(times, 99)


# --- engines -----------------------------------------------------------------------------------

def project(corpus: Path, queries: list[dict], folder: Path) -> dict:
    store = IndexStore(folder, "postings")
    start = time.perf_counter()
    path = build_generation(store, (to_record(r) for r in lines(corpus)))
    store.swap(path)
    build = time.perf_counter() - start
    index = store.index()

    def ask(q, facets):
        return search(index, PostingQuery(text=q["q"], regions=[q["city"]] if q["city"] else [],
                                          pay_min=q["salary_min"], limit=20, facets=facets))

    p50, p99 = timed(queries, lambda q: ask(q, False))
    f50, f99 = timed(queries, lambda q: ask(q, True))
    return {"build": build, "p50": p50, "p99": p99, "facets": (f50, f99)}


def segment_corpus(corpus: Path, out: Path) -> float:
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for row in lines(corpus):
            text = document_field(f"{row.get('title', '')} {row.get('company', '')} "
                                  f"{row.get('body', '')}")
            handle.write(json.dumps([row["id"], text, row.get("city") or "",
                                     row.get("salary_max") or 0], ensure_ascii=False) + "\n")
    return time.perf_counter() - start


def raw_tantivy(segmented: Path, seg_seconds: float, queries: list[dict], folder: Path) -> dict:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, fast=True)
    builder.add_text_field("text", tokenizer_name="ws")
    builder.add_text_field("city", tokenizer_name="raw")
    builder.add_integer_field("pay", fast=True, indexed=True)
    schema = builder.build()
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(folder))
    index.register_tokenizer("ws", tantivy.TextAnalyzerBuilder(
        tantivy.Tokenizer.whitespace()).build())
    start = time.perf_counter()
    writer = index.writer(256_000_000, 0)
    for ident, text, city, pay in lines(segmented):
        doc = tantivy.Document()
        doc.add_integer("id", ident)
        doc.add_text("text", text)
        doc.add_text("city", city)
        doc.add_integer("pay", pay)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build = seg_seconds + time.perf_counter() - start
    searcher = index.searcher()

    def run(q):
        clauses = [(tantivy.Occur.Must, tantivy.Query.term_query(schema, "text", t))
                   for t in query_terms(q["q"])]
        if q["city"]:
            clauses.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, "city",
                                                                         q["city"])))
        if q["salary_min"]:
            clauses.append((tantivy.Occur.Must, tantivy.Query.range_query(
                schema, "pay", tantivy.FieldType.Integer, q["salary_min"], None)))
        result = searcher.search(tantivy.Query.boolean_query(clauses), 20, count=False)
        return [searcher.doc(a).get_first("id") for _s, a in result.hits]

    p50, p99 = timed(queries, run)
    return {"build": build, "p50": p50, "p99": p99}


def fts_match(q: str) -> str:
    return " ".join('"' + t.replace('"', "") + '"' for t in query_terms(q))


def sqlite_fts(segmented: Path, seg_seconds: float, queries: list[dict], folder: Path) -> dict:
    db = sqlite3.connect(folder / "fts.sqlite3")
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    start = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, city UNINDEXED, pay UNINDEXED, "
               "tokenize='unicode61')")
    db.executemany("INSERT INTO p(rowid, text, city, pay) VALUES (?, ?, ?, ?)",
                   (tuple(row) for row in lines(segmented)))
    db.commit()
    build = seg_seconds + time.perf_counter() - start

    def run(q):
        sql = "SELECT rowid FROM p WHERE p MATCH ?"
        args: list = [fts_match(q["q"]) or '""']
        if q["city"]:
            sql += " AND city = ?"
            args.append(q["city"])
        if q["salary_min"]:
            sql += " AND pay >= ?"
            args.append(q["salary_min"])
        return db.execute(sql + " ORDER BY rank LIMIT 20", args).fetchall()

    p50, p99 = timed(queries, run)
    db.close()
    return {"build": build, "p50": p50, "p99": p99}


def postgres_fts(dsn: str, segmented: Path, seg_seconds: float, queries: list[dict]) -> dict:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_search_postings")
        start = time.perf_counter()
        conn.execute("CREATE TABLE bench_search_postings (id bigint PRIMARY KEY, text text, "
                     "city text, pay int, tsv tsvector)")
        with conn.cursor().copy("COPY bench_search_postings (id, text, city, pay) FROM STDIN") \
                as copy:
            for row in lines(segmented):
                copy.write_row(row)
        conn.execute("UPDATE bench_search_postings SET tsv = to_tsvector('simple', text)")
        conn.execute("CREATE INDEX ON bench_search_postings USING gin (tsv)")
        conn.execute("CREATE INDEX ON bench_search_postings (city, pay)")
        conn.execute("ANALYZE bench_search_postings")
        build = seg_seconds + time.perf_counter() - start

        def run(q):
            terms = [t.replace("'", "") for t in query_terms(q["q"])]
            sql = ("SELECT id FROM bench_search_postings WHERE tsv @@ to_tsquery('simple', %s)")
            args: list = [" & ".join(f"'{t}'" for t in terms) or "''"]
            if q["city"]:
                sql += " AND city = %s"
                args.append(q["city"])
            if q["salary_min"]:
                sql += " AND pay >= %s"
                args.append(q["salary_min"])
            sql += " ORDER BY ts_rank(tsv, to_tsquery('simple', %s)) DESC LIMIT 20"
            args.append(args[0])
            return conn.execute(sql, args).fetchall()

        p50, p99 = timed(queries, run)
        conn.execute("DROP TABLE bench_search_postings")
    return {"build": build, "p50": p50, "p99": p99}


def worker_memory(folder: Path, queries: Path) -> str:
    """Resident memory of a fresh process that opens the project's index and answers every
    query, as a web worker would (VmRSS after the queries; VmHWM the peak)."""
    code = (
        "import json,sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from pathlib import Path\n"
        "from fairhire.search.engine.index import IndexStore\n"
        "from fairhire.search.engine.query import PostingQuery, search\n"
        f"index = IndexStore(Path({str(folder)!r}), 'postings').index()\n"
        f"for line in open({str(queries)!r}, encoding='utf-8'):\n"
        "    q = json.loads(line)\n"
        "    search(index, PostingQuery(text=q['q'], regions=[q['city']] if q['city'] else [],"
        " pay_min=q['salary_min']))\n"
        "status = open('/proc/self/status').read().split('\\n')\n"
        "print(' '.join(l.replace('\\t', '').replace(' ', '') for l in status"
        " if l.startswith(('VmRSS', 'VmHWM'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: S603
                          timeout=3600)
    return (done.stdout.strip() or done.stderr.strip()[-300:])


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--queries", type=Path)
    parser.add_argument("--postgres", help="PostgreSQL DSN for the PostgreSQL FTS baseline")
    parser.add_argument("--size", type=int, default=int(os.environ.get(
        "BENCH_SEARCH_SIZE", 20_000)), help="postings to generate when no --corpus is given")
    parser.add_argument("--query-count", type=int, default=1000)
    parser.add_argument("--make-corpus", type=int, metavar="N",
                        help="write N synthetic postings to --corpus and queries to --queries, "
                             "then stop")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    if args.make_corpus:
        if not (args.corpus and args.queries):
            parser.error("--make-corpus needs --corpus and --queries to write to")
        generate(args.make_corpus, args.corpus, args.queries, args.query_count)
        print(f"wrote {args.make_corpus:,} postings to {args.corpus} and "
              f"{args.query_count:,} queries to {args.queries}")
        return
    corpus, queries_path = args.corpus, args.queries
    if corpus is None:
        corpus, queries_path = work / "corpus.jsonl", work / "queries.jsonl"
        generate(args.size, corpus, queries_path, args.query_count)
    elif queries_path is None:
        parser.error("--corpus needs --queries")
    queries = list(lines(queries_path))
    size = sum(1 for _ in corpus.open(encoding="utf-8"))
    print(f"corpus {size:,} postings, {len(queries):,} queries (keywords + city + minimum pay, "
          f"top 20), rjieba {getattr(rjieba, '__version__', '')} tantivy {tantivy.__version__}",
          flush=True)

    results = {}
    results["project search service"] = project(corpus, queries, work / "project")
    print("... project done", flush=True)
    segmented = work / "segmented.jsonl"
    seg_seconds = segment_corpus(corpus, segmented)
    results["raw tantivy"] = raw_tantivy(segmented, seg_seconds, queries, work / "raw")
    print("... raw tantivy done", flush=True)
    if not args.skip_sqlite:
        results["SQLite FTS5"] = sqlite_fts(segmented, seg_seconds, queries, work)
        print("... SQLite FTS5 done", flush=True)
    if args.postgres:
        try:
            results["PostgreSQL FTS"] = postgres_fts(args.postgres, segmented, seg_seconds,
                                                     queries)
        except Exception as exc:
            print(f"!! PostgreSQL baseline skipped: {exc}")
    memory = worker_memory(work / "project", queries_path)

    print()
    print(f"{'engine':<34}{'build':>12}{'p50':>12}{'p99':>12}")
    for name, r in results.items():
        print(f"{name:<34}{fmt(r['build']):>12}{fmt(r['p50']):>12}{fmt(r['p99']):>12}")
        if "facets" in r:
            f50, f99 = r["facets"]
            print(f"{'  + facets (as the search page)':<34}{'':>12}{fmt(f50):>12}{fmt(f99):>12}")
    print(f"web worker with the project index open: {memory}")
    raw = results["raw tantivy"]
    print(f"build ratio project/raw tantivy (segmentation included): "
          f"{results['project search service']['build'] / raw['build']:.2f}")
    print(f"p99 ratio project/raw tantivy: "
          f"{results['project search service']['p99'] / raw['p99']:.2f}")


if __name__ == "__main__":
    main()
