"""The security administrator's page: roles, disabling, lifting a lockout."""

import pytest
from django.test import Client
from django.urls import reverse

from fairhire.accounts.models import Lockout, Role
from fairhire.accounts.tests.factories import PASSWORD, make_user, signed_in_client
from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_security_administrator_disables_an_account_from_the_page():
    secadmin = make_user(Role.SECURITY_ADMIN)
    seeker = make_user(Role.SEEKER, username="li.lei")
    client = signed_in_client(secadmin)
    assert "li.lei" in client.get(reverse("user-list"), {"q": "li.lei"}).content.decode()
    response = client.post(reverse("user-active", args=[seeker.pk]), {"active": "0"})
    assert response.status_code == 302
    seeker.refresh_from_db()
    assert not seeker.is_active
    assert AuditEvent.objects.get(action=AuditAction.USER_DISABLED).actor_id == secadmin.pk


def test_an_inspector_role_needs_a_jurisdiction():
    secadmin = make_user(Role.SECURITY_ADMIN)
    seeker = make_user(Role.SEEKER)
    client = signed_in_client(secadmin)
    client.post(reverse("user-role", args=[seeker.pk]), {"role": "inspector", "jurisdiction": ""})
    seeker.refresh_from_db()
    assert seeker.role == Role.SEEKER
    assert "须指定管辖区域" in client.get(reverse("user-list")).content.decode()


@pytest.mark.req("R20")
def test_the_security_administrator_lifts_a_lockout_and_it_is_audited():
    secadmin = make_user(Role.SECURITY_ADMIN)
    seeker = make_user(Role.SEEKER)
    for _ in range(5):
        Client().post(reverse("account-sign-in"),
                      {"username": seeker.username, "password": "wrong-pass-12"},
                      REMOTE_ADDR="192.0.2.77")
    assert Lockout.objects.filter(key=seeker.username).exists()
    signed_in_client(secadmin).post(reverse("lockout-release"), {"key": seeker.username})
    response = Client().post(reverse("account-sign-in"),
                             {"username": seeker.username, "password": PASSWORD},
                             REMOTE_ADDR="192.0.2.78")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.USER_UNLOCKED).exists()


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN, Role.REVIEWER])
def test_other_staff_cannot_open_account_management(role):
    response = signed_in_client(make_user(role)).get(reverse("user-list"))
    assert response.status_code == 403
