"""The engine on its own (no database): segmentation, hostile input, filters, pay units."""

import time

import pytest

from fairhire.search.engine import pay
from fairhire.search.engine.index import IndexStore, PostingRecord
from fairhire.search.engine.query import PostingQuery, highlight, search
from fairhire.search.engine.segment import query_terms

NOW = int(time.time())


def record(ident, title, **overrides):
    data = {"id": ident, "title": title, "company": "某某公司", "body": "负责日常工作",
            "region_path": ["320000", "320100", "320102"], "occupation_path":
            ["4", "4-01", "4-01-02", "4-01-02-03"], "industry_path": ["F", "52"],
            "pay_min": 5000, "pay_max": 7000, "pay_unit": "month", "published": NOW}
    data.update(overrides)
    return PostingRecord(**data)


@pytest.fixture
def index(tmp_path):
    store = IndexStore(tmp_path, "postings")
    with store.lock():
        store.apply(upserts=[
            record(1, "Python开发工程师", body="熟悉Django和PostgreSQL，负责后端开发"),
            record(2, "门店营业员", region_path=["140000", "140100", "140105"]),
            record(3, "送餐骑手", pay_min=200, pay_max=300, pay_unit="day", kind="gig"),
            record(4, "家教", pay_min=60, pay_max=80, pay_unit="hour"),
            record(5, "计件包装工", pay_min=1, pay_max=2, pay_unit="piece"),
        ], deletions=[])
    return store.index()


def ids(index, **kwargs):
    return sorted(h.id for h in search(index, PostingQuery(**kwargs)).hits)


def test_chinese_and_mixed_keywords_find_the_posting_and_mark_the_words(index):
    page = search(index, PostingQuery(text="python 开发工程师"))
    assert [h.id for h in page.hits] == [1]
    assert ("Python", True) in page.hits[0].title
    assert any(match for _text, match in page.hits[0].snippet)


@pytest.mark.parametrize("text", [
    '"', "'", ":", "title:营业员", "a AND b OR (c", "营业员 -", "*", "?~^", "\\", "😀🎉",
    "x" * 10_000, "营业员" * 4000, "", "   ", "<script>alert(1)</script>", "NOT", "[1 TO 5]",
])
def test_any_text_is_a_query_never_a_syntax_error(index, text):
    page = search(index, PostingQuery(text=text))
    assert page.total >= 0


def test_a_query_with_punctuation_around_a_word_still_finds_it(index):
    assert ids(index, text='"营业员":') == [2]
    assert query_terms("😀营业员😀") == ["营业员"]


def test_a_province_includes_its_cities_and_counties(index):
    assert ids(index, regions=["140000"]) == [2]
    assert ids(index, regions=["140100"]) == [2]
    assert 2 not in ids(index, regions=["320000"])


def test_an_occupation_category_includes_its_occupations(index):
    assert len(ids(index, occupations=["4-01"])) == 5
    assert ids(index, occupations=["6"]) == []


@pytest.mark.parametrize(("amount", "unit", "monthly"), [
    (5000, "month", 5000), (200, "day", 4350), (60, "hour", 10440), (3, "piece", None)])
def test_pay_is_normalised_to_a_month(amount, unit, monthly):
    assert pay.monthly(amount, unit) == monthly


def test_a_day_rate_and_an_hour_rate_are_compared_with_monthly_pay(index):
    # 200-300 yuan a day is 4,350-6,525 a month; 60-80 an hour is 10,440-13,920 a month
    assert ids(index, pay_min=6000, pay_max=6500) == [1, 2, 3]
    assert ids(index, pay_min=10000) == [4]
    assert 5 not in ids(index, pay_min=1)  # a piece rate has no monthly equivalent


def test_sorting_by_pay_puts_the_best_paid_first(index):
    page = search(index, PostingQuery(sort="pay"))
    assert page.hits[0].id == 4


def test_facets_count_the_matching_postings(index):
    page = search(index, PostingQuery())
    assert dict(page.facets["kind"]) == {"job": 4, "gig": 1}


def test_highlighting_returns_plain_text_pieces_never_markup():
    pieces = highlight("<b>营业员</b>", ["营业员"])
    assert pieces == [("<b>", False), ("营业员", True), ("</b>", False)]
