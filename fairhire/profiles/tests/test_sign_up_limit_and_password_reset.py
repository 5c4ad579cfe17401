"""Sign-up is rate-limited per address; a seeker resets a forgotten password through the e-mail
kept encrypted in their profile (SECURITY.md controls 10, 24)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from fairhire.accounts.tests.factories import PASSWORD
from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent
from fairhire.profiles import services
from fairhire.profiles.models import SeekerProfile
from fairhire.profiles.tests.factories import id_number, make_seeker

pytestmark = pytest.mark.django_db

ADDRESS = "198.51.100.23"


def api_sign_up(n: int, **overrides):
    body = {"username": f"limit-{n}", "password": PASSWORD, "real_name": "孙丽",
            "id_number": id_number(seq=500 + n), "phone": f"1370000{n:04d}",
            "consent_general": True, "consent_id_number": True}
    body.update(overrides)
    return Client(REMOTE_ADDR=ADDRESS).post("/api/v1/seekers", body,
                                            content_type="application/json")


def page_sign_up(n: int):
    data = {"username": f"page-{n}", "real_name": "孙丽", "id_number": id_number(seq=600 + n),
            "phone": f"1360000{n:04d}", "email": "", "address": "", "password": PASSWORD,
            "password_again": PASSWORD, "consent_general": "on", "consent_id_number": "on"}
    return Client(REMOTE_ADDR=ADDRESS).post(reverse("seeker-sign-up"), data)


@pytest.mark.req("R16")
def test_too_many_sign_ups_from_one_address_answer_429_with_a_retry_time(settings):
    settings.ACCOUNTS_SIGN_UPS_PER_HOUR = 2
    assert [api_sign_up(n).status_code for n in (1, 2)] == [201, 201]
    refused = api_sign_up(3)
    assert refused.status_code == 429
    body = refused.json()
    assert (body["code"], "until" in body) == ("auth.sign_up_rate_limited", True)
    assert int(refused["Retry-After"]) > 0
    assert SeekerProfile.objects.count() == 2
    # another address is not affected
    other = Client(REMOTE_ADDR="198.51.100.99").post(
        "/api/v1/seekers", {"username": "elsewhere", "password": PASSWORD, "real_name": "孙丽",
                            "id_number": id_number(seq=599), "phone": "13700009999",
                            "consent_general": True, "consent_id_number": True},
        content_type="application/json")
    assert other.status_code == 201


@pytest.mark.req("R16")
def test_probing_registered_id_numbers_counts_toward_the_limit(settings):
    settings.ACCOUNTS_SIGN_UPS_PER_HOUR = 2
    taken = make_seeker(id_number=id_number(seq=700))
    assert api_sign_up(1, id_number=taken.unseal("id_number")).status_code == 409
    assert api_sign_up(2, id_number=taken.unseal("id_number")).status_code == 409
    assert api_sign_up(3).status_code == 429
    assert AuditEvent.objects.filter(action=AuditAction.SEEKER_SIGN_UP_REFUSED,
                                     ip=ADDRESS).count() == 2


def test_the_sign_up_page_says_clearly_when_the_address_must_wait(settings):
    settings.ACCOUNTS_SIGN_UPS_PER_HOUR = 1
    assert page_sign_up(1).status_code == 302
    response = page_sign_up(2)
    assert response.status_code == 429
    assert "该网络地址注册过于频繁" in response.content.decode()


@pytest.mark.req("R21.2")
def test_a_seeker_resets_the_password_through_the_e_mail_sealed_in_their_profile():
    profile = make_seeker(username="reset.seeker", email="Zhou.Min@Example.com")
    assert profile.user.email == ""
    client = Client()
    response = client.post(reverse("account-password-reset"), {"email": "zhou.min@example.com"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Zhou.Min@Example.com"]
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", mail.outbox[0].body)[1]
    form = client.get(link, follow=True)
    done = client.post(form.redirect_chain[-1][0] if form.redirect_chain else link, {
        "new_password1": "Brand-New-Pass-9", "new_password2": "Brand-New-Pass-9"})
    assert done.status_code == 302
    profile.user.refresh_from_db()
    assert profile.user.check_password("Brand-New-Pass-9")


def test_an_unknown_or_closed_seekers_address_gets_the_same_answer_and_no_mail():
    profile = make_seeker(email="gone@example.com")
    services.seeker_account_close(actor=profile.user)
    known = Client().post(reverse("account-password-reset"), {"email": "gone@example.com"})
    unknown = Client().post(reverse("account-password-reset"), {"email": "ghost@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert "如果该邮箱对应一个有效账号" in known.content.decode()
    assert mail.outbox == []


def test_correcting_the_e_mail_moves_the_reset_to_the_new_address():
    profile = make_seeker(email="old@example.com")
    services.seeker_profile_correct(actor=profile.user, email="new@example.com")
    Client().post(reverse("account-password-reset"), {"email": "old@example.com"})
    assert mail.outbox == []
    Client().post(reverse("account-password-reset"), {"email": "new@example.com"})
    assert [m.to for m in mail.outbox] == [["new@example.com"]]
