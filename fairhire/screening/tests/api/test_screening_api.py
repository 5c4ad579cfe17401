"""The screening API's HTTP mapping: check for anyone signed in, tuning for operators."""

import pytest
from django.core.cache import cache
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.screening.engine import default_ruleset
from fairhire.screening.tests.factories import make_operator

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.mark.req("R19.2")
def test_a_signed_in_employer_checks_a_draft_and_gets_flags_with_offsets_and_the_ruleset():
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    text = "招聘保安，限男性，押金500元"
    response = client.post("/api/v1/screening/check", {"text": text}, content_type=JSON)
    assert response.status_code == 200
    body = response.json()
    assert body["ruleset"] == default_ruleset().version
    flags = {flag["category"]: flag for flag in body["flags"]}
    assert set(flags) == {"gender", "deposit_fee"}
    gender = flags["gender"]
    assert text[gender["start"]:gender["end"]] == gender["excerpt"] == "限男性"
    assert gender["severity"] == "block"


def test_checking_a_text_needs_a_signed_in_caller():
    response = Client().post(
        "/api/v1/screening/check", {"text": "限男性"}, content_type=JSON)
    assert response.status_code == 401


def test_checking_too_often_is_refused_with_429(settings):
    settings.SCREENING_CHECK_PER_MINUTE = 2
    cache.clear()  # account ids repeat between tests; earlier tests' counts must not carry over
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    answers = [client.post("/api/v1/screening/check", {"text": "招聘"}, content_type=JSON)
               .status_code for _ in range(3)]
    assert answers == [200, 200, 429]


@pytest.mark.req("R15.2")
def test_an_operator_adds_a_term_through_the_api_and_the_check_endpoint_flags_it():
    client = signed_in_client(make_operator())
    response = client.post("/api/v1/operator/screening/terms",
                           {"term": "限本村人", "category": "hukou_region", "reason": "常见"},
                           content_type=JSON)
    assert response.status_code == 201
    assert (response.json()["version"], response.json()["kind"]) == (1, "added_term")
    checked = client.post("/api/v1/screening/check", {"text": "仅限本村人报名"},
                          content_type=JSON).json()
    assert [flag["category"] for flag in checked["flags"]] == ["hukou_region"]
    assert checked["ruleset"].endswith("+ops.1")
    overview = client.get("/api/v1/operator/screening/terms").json()
    assert overview["override_version"] == 1
    assert [entry["text"] for entry in overview["entries"]] == ["限本村人"]


def test_a_bad_category_through_the_api_answers_400_naming_the_field():
    client = signed_in_client(make_operator())
    response = client.post("/api/v1/operator/screening/terms",
                           {"term": "限本村人", "category": "sex", "reason": "x"},
                           content_type=JSON)
    assert response.status_code == 400
    assert (response.json()["field"], response.json()["code"]) == (
        "category", "screening.bad_category")


def test_disabling_adding_a_phrase_withdrawing_and_the_history_through_the_api():
    client = signed_in_client(make_operator())
    assert client.post("/api/v1/operator/screening/disabled-terms",
                       {"term": "服装费", "reason": "误报"}, content_type=JSON).status_code == 201
    assert client.post("/api/v1/operator/screening/lawful-phrases",
                       {"phrase": "狱警限女性", "category": "gender", "reason": "监狱法"},
                       content_type=JSON).status_code == 201
    assert client.post("/api/v1/operator/screening/withdrawals",
                       {"kind": "disabled_term", "text": "服装费", "reason": "恢复"},
                       content_type=JSON).status_code == 201
    history = client.get("/api/v1/operator/screening/changes").json()
    assert [(c["version"], c["op"]) for c in history["items"]] == [
        (3, "withdraw"), (2, "add"), (1, "add")]


@pytest.mark.req("R15.2")
@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.REVIEWER, Role.SEEKER])
def test_non_operators_are_refused_by_the_tuning_api(role):
    client = signed_in_client(make_user(role))
    assert client.get("/api/v1/operator/screening/terms").status_code == 403
    response = client.post("/api/v1/operator/screening/terms",
                           {"term": "限本村人", "category": "hukou_region", "reason": "x"},
                           content_type=JSON)
    assert response.status_code == 403
    assert response.json()["code"] == "screening.not_operator"
