"""Pickers find entries by name, pinyin initials, full pinyin and code."""

import pytest

from fairhire.reference import selectors

pytestmark = pytest.mark.django_db


def names(kind, query, **kwargs):
    return [e.name for e in selectors.code_search(kind=kind, query=query, **kwargs)]


@pytest.mark.parametrize("query", ["北京", "bj", "BJ", "beijing", "110000", "1101"])
def test_beijing_is_the_first_region_found_by_name_initials_pinyin_or_code(query):
    assert names("regions", query)[0] == "北京市"


def test_a_region_code_prefix_lists_the_divisions_under_it():
    assert names("regions", "1401", limit=3) == ["太原市", "小店区", "迎泽区"]


def test_pinyin_initials_anywhere_in_the_name_find_an_occupation():
    assert "计算机软件工程技术人员" in names("occupations", "rjgc")


def test_an_occupation_code_in_the_books_format_finds_the_category_first():
    assert names("occupations", "2-02-10")[0] == "信息和通信工程技术人员"


def test_search_under_a_parent_stays_inside_it():
    found = selectors.code_search(kind="regions", query="区", parent="140100", limit=100)
    assert found and all(e.path.startswith("/140000/140100/") for e in found)


def test_without_a_query_the_children_of_the_parent_are_listed_in_code_order():
    children = selectors.code_search(kind="regions", parent="140000", limit=100)
    assert children[0].name == "太原市" and len(children) == 11


def test_without_a_query_or_parent_the_top_level_is_listed():
    assert len(selectors.code_search(kind="industries", limit=100)) == 20


def test_a_province_includes_its_cities_and_counties():
    codes = selectors.region_descendant_codes(code="140000")
    assert {"140000", "140100", "140105"} <= set(codes)
    assert not any(code[:2] != "14" for code in codes)


def test_an_occupation_category_includes_the_occupations_under_it():
    codes = selectors.occupation_descendant_codes(code="2-02-10")
    assert codes[0] == "2-02-10" and "2-02-10-03" in codes and len(codes) == 9


def test_an_unknown_table_is_not_found():
    from fairhire.core.errors import NotFound

    with pytest.raises(NotFound):
        selectors.code_search(kind="planets", query="x")
