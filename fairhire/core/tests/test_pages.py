import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_home_page_is_in_simplified_chinese_with_the_complaint_channel(settings):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-CN">' in page
    assert "注册账号" in page
    assert settings.PLATFORM_COMPLAINT_PHONE in page
    assert settings.PLATFORM_COMPLAINT_EMAIL in page


def test_the_english_switch_turns_the_pages_into_english():
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Sign up" in page
    assert "简体中文" in page  # the way back


def test_pages_carry_the_security_headers():
    response = Client().get("/accounts/sign-in/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_nothing_from_other_hosts():
    page = Client().get("/").content.decode()
    assert "http://" not in page.replace('xmlns="http://www.w3.org', "")
    assert "https://" not in page
    assert Client().get("/static/fairhire/vendor/htmx-2.0.8.min.js").status_code == 200


def test_an_unknown_page_is_a_friendly_404():
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
