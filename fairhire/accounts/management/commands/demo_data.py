"""Create one demo account per role and print how to sign in (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts import services
from fairhire.accounts.models import STAFF_ROLES, OrgRole, Role, User
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta

DEMO_PASSWORD = "Demo-Pass-2026"  # noqa: S105 (printed on purpose: demo accounts)

DEMO_ACCOUNTS = [
    # username, display name, role, extra
    ("li.ming", "李明", Role.SEEKER, {}),
    ("wang.fang", "王芳", Role.EMPLOYER_STAFF, {"org_role": OrgRole.OWNER}),
    ("zhang.wei", "张伟", Role.EMPLOYER_STAFF, {"org_role": OrgRole.RECRUITER}),
    ("liu.yang", "刘洋", Role.EMPLOYER_STAFF, {"org_role": OrgRole.VIEWER}),
    ("chen.jing", "陈静", Role.AGENCY_STAFF, {"org_role": OrgRole.OWNER}),
    ("yang.fan", "杨帆", Role.REVIEWER, {}),
    ("zhao.lei", "赵磊", Role.OPERATOR, {}),
    ("huang.min", "黄敏", Role.INSPECTOR, {"jurisdiction": "140100"}),
    ("zhou.qiang", "周强", Role.SYSTEM_ADMIN, {}),
    ("wu.ting", "吴婷", Role.SECURITY_ADMIN, {}),
    ("xu.bin", "徐斌", Role.AUDIT_ADMIN, {}),
]


class Command(BaseCommand):
    help = "Create one demo account per role (password and staff TOTP secrets are printed)."

    def handle(self, *args, **options) -> None:
        token = set_meta(RequestMeta(channel="command"))
        try:
            with transaction.atomic():
                rows = [self._ensure(*account) for account in DEMO_ACCOUNTS]
                audit_record(action=AuditAction.COMMAND_RUN, details={"command": "demo_data"})
        finally:
            reset_meta(token)
        self.stdout.write(f"FairHire demo accounts (password for all: {DEMO_PASSWORD})")
        self.stdout.write(f"{'username':<12} {'role':<16} {'TOTP secret (staff)':<34} name")
        for user, secret in rows:
            self.stdout.write(f"{user.username:<12} {user.role:<16} {secret or '-':<34} "
                              f"{user.display_name} · {user.get_role_display()}")
        self.stdout.write(
            "Staff sign in with a TOTP code: add the secret to an authenticator app, or print "
            "the current code with `.venv/bin/python manage.py totp_code USERNAME` (debug only).")

    def _ensure(self, username: str, name: str, role: str, extra: dict) -> tuple[User, str]:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.user_create(actor=None, username=username, password=DEMO_PASSWORD,
                                        role=role, display_name=name,
                                        email=f"{username}@example.com", **extra)
        secret = ""
        if role in STAFF_ROLES:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)
            secret = services.totp_secret_base32(device)
        return user, secret
