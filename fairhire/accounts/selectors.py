from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import ApiToken, User
from fairhire.accounts.policies import Perm, can_read_audit_log, has_perm
from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.core.models import AuditEvent


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    account: str = ""
    ip: str = ""
    result: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_event_list(*, actor: User, filters: AuditFilters) -> QuerySet[AuditEvent]:
    """The audit trail for the audit administrator, newest first (SECURITY.md control 5, 18).

    Everyone else is refused, the system administrator included.
    """
    if not can_read_audit_log(actor=actor):
        raise PermissionDenied(_("只有审计管理员可以查看审计日志。"), code="audit.not_auditor")
    events = AuditEvent.objects.all()
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.account:
        events = events.filter(account__icontains=filters.account)
    if filters.ip:
        events = events.filter(ip=filters.ip)
    if filters.result:
        events = events.filter(result=filters.result)
    if filters.date_from:
        events = events.filter(created_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        events = events.filter(created_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    return events.order_by("-created_at", "-id")


def api_token_list(*, actor: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=actor)


def api_token_get(*, actor: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(user=actor, pk=token_id).first()
    if token is None:
        raise NotFound(_("未找到该令牌。"), code="tokens.not_found")
    return token


def user_get(*, actor: User, user_id: int) -> User:
    """An account for the security administrator; others are refused before the look-up, so
    the answer does not tell them which account ids exist."""
    if not has_perm(actor, Perm.ACCOUNTS_MANAGE):
        raise PermissionDenied(_("只有安全管理员可以管理账号。"),
                               code="accounts.not_security_admin")
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise NotFound(_("未找到该账号。"), code="accounts.not_found")
    return user


def user_list(*, actor: User, query: str = "") -> QuerySet[User]:
    """Accounts for the security administrator's page."""
    if not has_perm(actor, Perm.ACCOUNTS_MANAGE):
        raise PermissionDenied(_("只有安全管理员可以管理账号。"),
                               code="accounts.not_security_admin")
    users = User.objects.order_by("role", "username")
    if query:
        users = users.filter(username__icontains=query) | users.filter(
            display_name__icontains=query)
    return users
