"""NUL characters are refused at the door with a 400, on every database (PostgreSQL cannot
store them and would otherwise answer with a server error)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_nul_in_a_json_body_is_a_400_with_a_stable_code():
    response = Client().post("/api/v1/auth/token", {"username": "a\x00b", "password": "x"},
                             content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid.nul_character"


def test_a_nul_in_a_query_string_is_a_400():
    assert Client().get("/api/v1/registry/agencies", {"q": "北京\x00"}).status_code == 400
    assert Client().get("/", {"q": "\x00"}).status_code == 400


def test_a_nul_in_a_form_is_a_400_and_nothing_is_created():
    response = Client().post("/accounts/sign-up/", {"username": "x\x00y", "password": "p"})
    assert response.status_code == 400
    assert "空字符" in response.content.decode()


def test_ordinary_input_passes():
    assert Client().get("/", {"q": "上海"}).status_code == 200


def test_a_multipart_post_to_a_json_endpoint_is_a_clear_4xx_not_a_500():
    response = Client().post("/api/v1/auth/token", {"username": "a", "password": "b"})
    assert 400 <= response.status_code < 500
    assert response.json()["code"]
