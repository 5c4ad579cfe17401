"""The matcher: explanations add up, occupation levels rank as a person expects, and the
counterfactual fairness property (protected attributes never change a score or an order)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fairhire.search.engine.match import (
    DEFAULT_WEIGHTS,
    PROTECTED,
    posting_input,
    rank,
    score,
    seeker_input,
)

NOW = 1_780_000_000
OCCUPATIONS = [["4", "4-01", "4-01-02", "4-01-02-03"], ["4", "4-01", "4-01-02", "4-01-02-01"],
               ["4", "4-01", "4-01-05", "4-01-05-01"], ["4", "4-02", "4-02-06", "4-02-06-01"],
               ["2", "2-02", "2-02-10", "2-02-10-03"]]
REGIONS = [["140000", "140100", "140105"], ["140000", "140100", "140106"],
           ["140000", "140200", "140202"], ["320000", "320100", "320102"]]
TERMS = ["收银", "叉车", "仓库", "python", "django", "电工", "焊接", "普通话", "驾驶", "盘点"]

seekers = st.fixed_dictionaries({
    "occupations": st.lists(st.sampled_from(OCCUPATIONS), max_size=2),
    "regions": st.lists(st.sampled_from(REGIONS), max_size=2),
    "pay_lo": st.none() | st.integers(1000, 30000),
    "pay_hi": st.none() | st.integers(1000, 40000),
    "edu": st.integers(0, 7), "exp": st.none() | st.integers(0, 30),
    "skills": st.lists(st.sampled_from(TERMS), max_size=5),
    "terms": st.lists(st.sampled_from(TERMS), max_size=5),
    "updated": st.integers(NOW - 90 * 86400, NOW),
})
postings = st.fixed_dictionaries({
    "occupation": st.sampled_from(OCCUPATIONS), "region": st.sampled_from(REGIONS),
    "pay_lo": st.none() | st.integers(1000, 30000), "pay_hi": st.none() | st.integers(1000, 40000),
    "edu": st.integers(0, 7), "exp": st.none() | st.integers(0, 10),
    "skills": st.lists(st.sampled_from(TERMS), max_size=6),
    "terms": st.lists(st.sampled_from(TERMS), max_size=6),
    "published": st.integers(NOW - 90 * 86400, NOW),
    "lat": st.none() | st.floats(30, 40), "lon": st.none() | st.floats(110, 120),
})
protected = st.fixed_dictionaries({
    "gender": st.sampled_from(["男", "女", "其他"]), "age": st.integers(16, 70),
    "birth_date": st.dates().map(str), "ethnicity": st.sampled_from(["汉族", "回族", "藏族"]),
    "religion": st.sampled_from(["无", "佛教", "伊斯兰教"]),
    "hukou": st.sampled_from(["农业", "非农业", "外地"]),
    "marital_status": st.sampled_from(["未婚", "已婚", "离异"]),
    "health": st.sampled_from(["健康", "乙肝携带"]), "disability": st.booleans(),
    "name": st.text(min_size=1, max_size=4), "id_number": st.text(max_size=18),
    "photo": st.binary(max_size=8), "key_group": st.sampled_from(["", "older", "disabled"]),
})


def _ranked(seeker_record, posting_records):
    seeker = seeker_input(seeker_record)
    return rank([score(seeker, posting_input(p), weights=DEFAULT_WEIGHTS, now=NOW, ident=i)
                 for i, p in enumerate(posting_records)])


@pytest.mark.req("EN7")
@pytest.mark.req("R15")
@settings(max_examples=150, deadline=None)
@given(seeker=seekers, listing=st.lists(postings, min_size=1, max_size=12),
       first=protected, second=protected)
def test_changing_any_protected_attribute_of_a_seeker_changes_no_score_and_no_order(
        seeker, listing, first, second):
    as_first = _ranked({**seeker, **first}, listing)
    as_second = _ranked({**seeker, **second}, listing)
    assert [(m.id, m.points) for m in as_first] == [(m.id, m.points) for m in as_second]


@pytest.mark.req("R15")
@settings(max_examples=150, deadline=None)
@given(posting=postings, people=st.lists(st.tuples(seekers, protected, protected), min_size=1,
                                          max_size=10))
def test_changing_protected_attributes_of_candidates_leaves_the_candidate_ranking_unchanged(
        posting, people):
    target = posting_input(posting)

    def ranking(which):
        return [(m.id, m.points) for m in rank([
            score(seeker_input({**s, **attrs[which]}), target, weights=DEFAULT_WEIGHTS,
                  now=NOW, ident=i, fresh_from="seeker")
            for i, (s, *attrs) in enumerate(people)])]

    assert ranking(0) == ranking(1)


def test_the_scorer_input_has_no_protected_field():
    for name in PROTECTED:
        assert not hasattr(seeker_input({name: "x"}), name)
        assert not hasattr(posting_input({name: "x"}), name)


@settings(max_examples=200, deadline=None)
@given(seeker=seekers, posting=postings,
       weights=st.fixed_dictionaries({k: st.integers(0, 100) for k in DEFAULT_WEIGHTS}))
def test_the_parts_of_an_explanation_add_up_to_the_score(seeker, posting, weights):
    result = score(seeker_input(seeker), posting_input(posting), weights=weights, now=NOW)
    assert result.points == sum(part.points for part in result.parts)
    assert result.score == pytest.approx(sum(part.points for part in result.parts) / 100)
    for part in result.parts:
        assert 0 <= part.points <= part.weight * 100


def test_the_same_detailed_occupation_beats_the_same_minor_beats_the_same_middle_category():
    seeker = seeker_input({"occupations": [OCCUPATIONS[0]]})

    def occupation_points(path):
        result = score(seeker, posting_input({"occupation": path}), weights=DEFAULT_WEIGHTS,
                       now=NOW)
        return result.parts[0].points

    same, minor, middle, other = (occupation_points(OCCUPATIONS[i]) for i in (0, 1, 2, 4))
    assert same > minor > middle > other == 0


def test_an_operator_weight_of_zero_removes_that_part_from_the_score():
    seeker = seeker_input({"regions": [REGIONS[0]]})
    posting = posting_input({"region": REGIONS[0]})
    weights = {**DEFAULT_WEIGHTS, "region": 0}
    result = score(seeker, posting, weights=weights, now=NOW)
    assert next(p for p in result.parts if p.name == "region").points == 0
