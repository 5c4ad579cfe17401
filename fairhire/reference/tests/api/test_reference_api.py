"""HTTP mapping only: the code tables API and pages answer 200 or 4xx."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_searching_a_table_needs_no_sign_in_and_returns_code_name_level_and_parent():
    response = Client().get("/api/v1/reference/regions", {"q": "小店"})
    assert response.status_code == 200
    assert response.json()[0] == {"code": "140105", "name": "小店区", "level": 3,
                                  "level_label": "县级", "parent": "140100", "in_force": True}


def test_children_of_a_parent_are_listed():
    response = Client().get("/api/v1/reference/occupations", {"parent": "2-02-10"})
    assert response.status_code == 200 and len(response.json()) == 8


def test_an_unknown_table_answers_404_with_a_code():
    response = Client().get("/api/v1/reference/planets", {"q": "x"})
    assert response.status_code == 404
    assert response.json()["code"] == "reference.unknown_kind"


def test_an_out_of_range_limit_answers_422():
    assert Client().get("/api/v1/reference/regions", {"limit": 1000}).status_code == 422


def test_one_entry_comes_with_its_ancestors():
    body = Client().get("/api/v1/reference/regions/140105").json()
    assert [a["name"] for a in body["ancestors"]] == ["山西省", "太原市"]


def test_an_unknown_code_answers_404():
    assert Client().get("/api/v1/reference/regions/999999").status_code == 404


def test_an_abolished_region_code_resolves_through_the_api():
    body = Client().get("/api/v1/reference/regions/110103/resolve").json()
    assert (body["is_current"], body["region"]["code"]) == (False, "110101")
    assert body["changes"][0]["old_name"] == "崇文区"
    assert Client().get("/api/v1/reference/regions/abc/resolve").status_code == 404


def test_the_editions_in_use_are_listed():
    body = Client().get("/api/v1/reference/versions").json()
    assert {"regions", "occupations", "industries", "education", "employment-types"} <= \
        {v["kind"] for v in body}


def test_the_picker_fragment_offers_matching_options():
    response = Client().get("/reference/regions/pick/", {"q": "bj"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'data-code="110000"' in response.content.decode()


def test_the_browse_page_and_the_index_render():
    client = Client()
    page = client.get("/reference/occupations/", {"parent": "2-02"})
    assert page.status_code == 200 and "信息和通信工程技术人员" in page.content.decode()
    assert client.get("/reference/").status_code == 200
    assert client.get("/reference/planets/").status_code == 404
