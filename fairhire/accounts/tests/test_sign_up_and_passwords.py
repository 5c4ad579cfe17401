import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from fairhire.accounts import services
from fairhire.accounts.models import OrgRole, Role, User
from fairhire.accounts.tests.factories import PASSWORD, make_user, signed_in_client
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def sign_up(client, **overrides):
    data = {"role": "employer_staff", "username": "zhao.xin", "display_name": "赵欣",
            "email": "zhao.xin@example.com", "password": PASSWORD, "password_again": PASSWORD}
    data.update(overrides)
    return client.post(reverse("account-sign-up"), data, REMOTE_ADDR="203.0.113.30")


def test_someone_signs_up_and_is_signed_in(production_password_hashing):
    client = Client()
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(username="zhao.xin")
    assert (user.role, user.display_name) == (Role.EMPLOYER_STAFF, "赵欣")
    assert user.password.startswith("argon2$argon2id$")
    assert client.session["_auth_user_id"] == str(user.pk)
    event = AuditEvent.objects.get(action=AuditAction.USER_SIGNED_UP)
    assert (event.actor_id, event.ip) == (user.pk, "203.0.113.30")


def test_an_employer_signs_up_as_the_owner_of_their_unit():
    sign_up(Client(), role="employer_staff", username="hr.lin")
    user = User.objects.get(username="hr.lin")
    assert (user.role, user.org_role) == (Role.EMPLOYER_STAFF, OrgRole.OWNER)


def test_employer_sign_ups_from_one_address_are_limited_with_a_clear_wait(settings):
    settings.ACCOUNTS_SIGN_UPS_PER_HOUR = 2
    assert [sign_up(Client(), username=f"hr.{n}").status_code for n in (1, 2)] == [302, 302]
    refused = sign_up(Client(), username="hr.3")
    assert refused.status_code == 429
    assert "该网络地址注册过于频繁" in refused.content.decode()
    assert not User.objects.filter(username="hr.3").exists()


@pytest.mark.req("R16")
def test_a_job_seeker_on_the_account_form_is_sent_to_the_real_name_sign_up():
    page = Client().get(reverse("account-sign-up"))
    assert reverse("seeker-sign-up") in page.content.decode()
    response = sign_up(Client(), role="seeker")
    assert (response.status_code, response["Location"]) == (302, reverse("seeker-sign-up"))
    assert not User.objects.exists()


def test_nobody_can_sign_up_as_staff_by_editing_the_form():
    response = sign_up(Client(), role="audit_admin")
    assert response.status_code == 400
    assert not User.objects.exists()
    with pytest.raises(PermissionDenied):
        services.user_sign_up(username="x.y", password=PASSWORD, email="x@example.com",
                              display_name="x", role=Role.REVIEWER)


@pytest.mark.req("R20")
@pytest.mark.parametrize(("password", "message"), [
    ("Short-1", "至少需要 10 个字符"),
    ("password123", "太常见"),
    ("zhao.xin.2026", "相似"),
    ("Aa1-" * 33, "128"),
])
def test_weak_passwords_are_refused_next_to_the_field(password, message):
    response = sign_up(Client(), password=password, password_again=password)
    page = response.content.decode()
    assert response.status_code == 400
    errors = re.findall(r'<p class="field-error"[^>]*>([^<]*)</p>', page)
    assert any(message in e for e in errors), errors
    assert not User.objects.exists()


@pytest.mark.req("R20")
def test_staff_passwords_need_twelve_characters_of_three_kinds():
    with pytest.raises(InvalidInput, match="至少需要 12 个字符"):
        services.user_create(actor=None, username="rev", password="Abcdefgh12!", role="reviewer")
    with pytest.raises(InvalidInput, match="至少三类"):
        services.user_create(actor=None, username="rev", password="abcdefghijklmnop",
                             role="reviewer")
    assert services.user_create(actor=None, username="rev", password="Abcdefghij-12",
                                role="reviewer").role == Role.REVIEWER


def test_a_taken_username_is_refused_with_a_message():
    make_user(Role.SEEKER, username="zhao.xin")
    response = sign_up(Client(), username="Zhao.Xin")
    assert response.status_code == 400
    assert "该用户名已被使用" in response.content.decode()


def test_changing_the_password_needs_the_old_one_and_is_audited():
    user = make_user(Role.SEEKER)
    client = signed_in_client(user)
    wrong = client.post(reverse("account-password-change"), {
        "old_password": "not-it-at-all", "new_password": "Fresh-Meadow-77",
        "new_password_again": "Fresh-Meadow-77"})
    assert "原密码不正确" in wrong.content.decode()
    right = client.post(reverse("account-password-change"), {
        "old_password": PASSWORD, "new_password": "Fresh-Meadow-77",
        "new_password_again": "Fresh-Meadow-77"})
    assert right.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Fresh-Meadow-77")
    assert client.get(reverse("account-settings")).status_code == 200  # still signed in
    assert AuditEvent.objects.filter(action=AuditAction.USER_PASSWORD_CHANGED).exists()


def test_a_password_reset_link_is_e_mailed_and_sets_a_new_password():
    user = make_user(Role.SEEKER, email="reset.me@example.com")
    client = Client()
    response = client.post(reverse("account-password-reset"), {"email": "reset.me@example.com"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", mail.outbox[0].body)[1]
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(form.redirect_chain[-1][0] if form.redirect_chain else link, {
        "new_password1": "Brand-New-Pass-9", "new_password2": "Brand-New-Pass-9"})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Brand-New-Pass-9")
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.USER_PASSWORD_RESET_REQUESTED, AuditAction.USER_PASSWORD_RESET} <= actions


def test_a_reset_request_for_an_unknown_address_looks_the_same_and_sends_nothing():
    response = Client().post(reverse("account-password-reset"), {"email": "ghost@example.com"})
    assert response.status_code == 200
    assert "如果该邮箱对应一个有效账号" in response.content.decode()
    assert mail.outbox == []
