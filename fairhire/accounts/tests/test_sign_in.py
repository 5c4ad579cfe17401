"""Sign-in through the pages: lockout, the second factor for staff, audit rows, idle expiry."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fairhire.accounts import services
from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import PASSWORD, make_user, signed_in_client, totp_code
from fairhire.core.audit import AuditAction
from fairhire.core.errors import AuthenticationFailed, RateLimited
from fairhire.core.models import AuditEvent
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta

pytestmark = pytest.mark.django_db
UA = "Mozilla/5.0 FairHireTest"


def post_sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(reverse("account-sign-in"), {"username": username, "password": password},
                       REMOTE_ADDR=ip, HTTP_USER_AGENT=UA)


@pytest.mark.req("R20")
def test_five_wrong_passwords_lock_the_account_with_the_unlock_time_shown():
    user = make_user(Role.SEEKER)
    client = Client()
    for _ in range(4):
        response = post_sign_in(client, user.username, "wrong-password-1")
        assert response.status_code == 401
        assert "用户名或密码错误" in response.content.decode()
    response = post_sign_in(client, user.username, "wrong-password-1")
    assert response.status_code == 429
    page = response.content.decode()
    assert "已被锁定至" in page
    lock = AuditEvent.objects.get(action=AuditAction.USER_LOCKED, details__kind="account")
    until = timezone.localtime(timezone.datetime.fromisoformat(lock.details["until"]))
    assert until.strftime("%Y-%m-%d %H:%M") in page
    # Even the right password is refused while locked.
    response = post_sign_in(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.req("R20")
def test_an_address_that_tries_five_accounts_is_locked_too():
    for n in range(5):
        post_sign_in(Client(), f"nobody-{n}", "wrong-password-1", ip="198.51.100.9")
    user = make_user(Role.SEEKER)
    assert post_sign_in(Client(), user.username, PASSWORD, ip="198.51.100.9").status_code == 429
    assert post_sign_in(Client(), user.username, PASSWORD, ip="198.51.100.10").status_code == 302


@pytest.mark.req("R20")
def test_unknown_account_and_wrong_password_get_the_same_answer():
    user = make_user(Role.SEEKER)
    unknown = post_sign_in(Client(), "no-such-person", "wrong-password-1", ip="192.0.2.1")
    wrong = post_sign_in(Client(), user.username, "wrong-password-1", ip="192.0.2.2")
    assert unknown.status_code == wrong.status_code == 401
    assert "用户名或密码错误" in unknown.content.decode()
    assert "用户名或密码错误" in wrong.content.decode()


@pytest.mark.req("R20")
def test_a_lockout_ends_after_thirty_minutes():
    user = make_user(Role.SEEKER)
    start = timezone.now()
    token = set_meta(RequestMeta(ip="192.0.2.50"))
    try:
        for _ in range(5):
            with pytest.raises((AuthenticationFailed, RateLimited)):
                services.credentials_check(username=user.username, password="nope-nope-1",
                                           now=start)
        with pytest.raises(RateLimited):
            services.credentials_check(username=user.username, password=PASSWORD,
                                       now=start + timedelta(minutes=29))
        assert services.credentials_check(username=user.username, password=PASSWORD,
                                          now=start + timedelta(minutes=31)) == user
    finally:
        reset_meta(token)


@pytest.mark.req("R20")
def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock():
    user = make_user(Role.SEEKER)
    start = timezone.now()
    for n in range(6):
        with pytest.raises(AuthenticationFailed):
            services.credentials_check(username=user.username, password="nope-nope-1",
                                       now=start + timedelta(minutes=4 * n))
    assert not AuditEvent.objects.filter(action=AuditAction.USER_LOCKED).exists()


@pytest.mark.req("JF-log")
def test_sign_in_sign_out_and_failure_are_logged_with_address_and_user_agent():
    user = make_user(Role.SEEKER)
    client = Client()
    post_sign_in(client, user.username, "wrong-password-1", ip="203.0.113.21")
    post_sign_in(client, user.username, PASSWORD, ip="203.0.113.22")
    client.post(reverse("account-sign-out"), REMOTE_ADDR="203.0.113.23", HTTP_USER_AGENT=UA)
    rows = {e.action: e for e in AuditEvent.objects.filter(account=user.username)}
    failed = rows[AuditAction.USER_SIGN_IN_FAILED]
    signed_in = rows[AuditAction.USER_SIGNED_IN]
    signed_out = rows[AuditAction.USER_SIGNED_OUT]
    assert (failed.ip, failed.result, failed.user_agent) == ("203.0.113.21", "failure", UA)
    assert (signed_in.ip, signed_in.actor_id) == ("203.0.113.22", user.pk)
    assert (signed_out.ip, signed_out.actor_id) == ("203.0.113.23", user.pk)
    assert signed_in.created_at <= signed_out.created_at


def test_sign_out_ends_the_session_and_tells_the_browser_to_forget_it():
    user = make_user(Role.SEEKER)
    client = signed_in_client(user)
    response = client.post(reverse("account-sign-out"))
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "_auth_user_id" not in client.session


@pytest.mark.req("R20")
def test_staff_need_a_second_factor_after_the_password():
    reviewer = make_user(Role.REVIEWER)
    client = Client()
    response = post_sign_in(client, reviewer.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("account-sign-in-otp")
    assert "_auth_user_id" not in client.session  # not signed in yet

    wrong = client.post(reverse("account-sign-in-otp"), {"token": "000000"})
    assert wrong.status_code == 401
    assert "动态验证码不正确" in wrong.content.decode()
    assert AuditEvent.objects.get(action=AuditAction.USER_SIGN_IN_FAILED,
                                  details__reason="otp").account == reviewer.username

    right = client.post(reverse("account-sign-in-otp"), {"token": totp_code(reviewer)})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(reviewer.pk)
    event = AuditEvent.objects.get(action=AuditAction.USER_SIGNED_IN)
    assert event.details["second_factor"] is True


@pytest.mark.req("R20")
def test_a_recovery_code_works_once_instead_of_the_app():
    reviewer = make_user(Role.REVIEWER)
    codes = services.recovery_codes_generate(user=reviewer)
    client = Client()
    post_sign_in(client, reviewer.username, PASSWORD)
    assert client.post(reverse("account-sign-in-otp"), {"token": codes[0]}).status_code == 302
    other = Client()
    post_sign_in(other, reviewer.username, PASSWORD, ip="203.0.113.99")
    assert other.post(reverse("account-sign-in-otp"), {"token": codes[0]}).status_code == 401


@pytest.mark.req("R20")
def test_staff_without_a_device_can_only_enrol_one():
    auditor = make_user(Role.AUDIT_ADMIN, totp=False)
    client = Client()
    assert post_sign_in(client, auditor.username, PASSWORD).status_code == 302
    response = client.get(reverse("audit-list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account-otp-setup")
    assert client.get(reverse("api:api-audit-list")).json()["code"] == "auth.otp_required"

    page = client.get(reverse("account-otp-setup"))
    assert page.status_code == 200
    assert "data:image/svg+xml" in page.content.decode()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=auditor, confirmed=False)
    response = client.post(reverse("account-otp-setup"),
                           {"token": services.totp_current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("audit-list")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.USER_OTP_ENABLED,
                                     actor_id=auditor.pk).exists()


@pytest.mark.req("R20")
def test_an_idle_staff_session_expires_after_thirty_minutes():
    auditor = make_user(Role.AUDIT_ADMIN)
    client = signed_in_client(auditor)
    assert client.get(reverse("audit-list")).status_code == 200
    session = client.session
    session["last_seen"] = time.time() - 31 * 60
    session.save()
    response = client.get(reverse("audit-list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account-sign-in"))
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.get(action=AuditAction.USER_SIGNED_OUT).details["reason"] == "idle"


def test_a_staff_session_used_within_thirty_minutes_stays():
    auditor = make_user(Role.AUDIT_ADMIN)
    client = signed_in_client(auditor)
    session = client.session
    session["last_seen"] = time.time() - 29 * 60
    session.save()
    assert client.get(reverse("audit-list")).status_code == 200


def test_a_job_seeker_is_not_idled_out_after_thirty_minutes():
    seeker = make_user(Role.SEEKER)
    client = signed_in_client(seeker)
    session = client.session
    session["last_seen"] = time.time() - 60 * 60
    session.save()
    response = client.get(reverse("account-settings"))
    assert response.status_code == 200


def test_a_disabled_account_loses_its_session_at_once():
    seeker = make_user(Role.SEEKER)
    client = signed_in_client(seeker)
    services.user_active_set(actor=make_user(Role.SECURITY_ADMIN), user=seeker, active=False)
    response = client.get(reverse("account-settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account-sign-in"))


def test_sign_in_does_not_redirect_to_another_site():
    user = make_user(Role.SEEKER)
    response = Client().post(reverse("account-sign-in"), {
        "username": user.username, "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")
