"""Account factories: valid by default, built through the real services."""

from __future__ import annotations

import itertools

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts import services
from fairhire.accounts.models import STAFF_ROLES, OrgRole, Role, User

PASSWORD = "Sturdy-Harbour-2026"
_counter = itertools.count(1)


def make_user(role: str = Role.SEEKER, *, username: str | None = None, totp: bool | None = None,
              **extra) -> User:
    """A user of ``role``; staff get a confirmed TOTP device unless ``totp=False``."""
    username = username or f"{role}-{next(_counter)}"
    if role == Role.INSPECTOR:
        extra.setdefault("jurisdiction", "140100")
    if role in (Role.EMPLOYER_STAFF, Role.AGENCY_STAFF):
        extra.setdefault("org_role", OrgRole.OWNER)
    user = services.user_create(actor=None, username=username, password=PASSWORD, role=role,
                                display_name=extra.pop("display_name", "测试用户"),
                                email=extra.pop("email", f"{username}@example.com"), **extra)
    if totp if totp is not None else role in STAFF_ROLES:
        TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)
    return user


def totp_code(user: User) -> str:
    return services.totp_current_code(TOTPDevice.objects.get(user=user, confirmed=True))


def signed_in_client(user: User, client: Client | None = None) -> Client:
    """A client with a session that has passed sign-in (and the second factor, for staff).

    For tests that are not about signing in; the sign-in flow itself is tested through pages.
    """
    client = client or Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
