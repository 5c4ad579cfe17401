"""POST /api/v1/auth/token: 200 with a token, 401 with a stable code, 429 with the unlock time."""

import pytest
from django.test import Client

from fairhire.accounts.models import ApiToken, Role
from fairhire.accounts.tests.factories import PASSWORD, make_user, totp_code

pytestmark = pytest.mark.django_db
URL = "/api/v1/auth/token"


def post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


@pytest.mark.req("R20")
def test_right_credentials_return_a_token_that_then_authenticates():
    seeker = make_user(Role.SEEKER)
    response = post(Client(), {"username": seeker.username, "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    me = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200
    assert me.json()["username"] == seeker.username
    # Only the hash is stored.
    assert not ApiToken.objects.filter(key_hash=token).exists()
    assert ApiToken.objects.get(user=seeker).prefix == token[:10]


@pytest.mark.req("R20")
def test_wrong_credentials_get_401_with_a_stable_code_and_a_chinese_message():
    seeker = make_user(Role.SEEKER)
    response = post(Client(), {"username": seeker.username, "password": "not-the-password"})
    assert response.status_code == 401
    assert response.json() == {"code": "auth.invalid_credentials", "message": "用户名或密码错误。"}


def test_an_english_client_gets_the_message_in_english():
    response = post(Client(), {"username": "nobody", "password": "not-the-password"},
                    HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json()["message"] == "Incorrect username or password."


@pytest.mark.req("R20")
def test_a_locked_account_gets_429_with_the_unlock_time():
    seeker = make_user(Role.SEEKER)
    client = Client()
    codes = [post(client, {"username": seeker.username, "password": "bad-password-x"}).status_code
             for _ in range(5)]
    assert codes == [401, 401, 401, 401, 429]
    response = post(client, {"username": seeker.username, "password": PASSWORD})
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "auth.locked"
    assert body["until"]
    assert int(response["Retry-After"]) > 29 * 60


@pytest.mark.req("R20")
def test_staff_need_a_valid_code_for_a_token():
    reviewer = make_user(Role.REVIEWER)
    client = Client()
    missing = post(client, {"username": reviewer.username, "password": PASSWORD})
    assert (missing.status_code, missing.json()["code"]) == (401, "auth.otp_required")
    wrong = post(client, {"username": reviewer.username, "password": PASSWORD, "otp": "123456"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "auth.otp_invalid")
    right = post(client, {"username": reviewer.username, "password": PASSWORD,
                          "otp": totp_code(reviewer)})
    assert right.status_code == 200


def test_a_malformed_body_is_a_422_with_field_errors_not_a_500():
    response = post(Client(), {"username": 42})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert {e["field"] for e in body["errors"]} == {"username", "password"}
