"""The one registry of audit actions and the one way to write an audit row.

Services call ``audit_record`` inside their transaction, so a change and its audit row commit
or roll back together (SECURITY.md control 18; STYLE.md habit 4).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fairhire.core.models import AuditEvent
from fairhire.core.request_context import current_meta


class AuditAction(models.TextChoices):
    """Every auditable action, named ``<app>.<entity>_<past verb>``."""

    # accounts: sign-in and sign-out are the JF-log events (time, account, IP)
    USER_SIGNED_UP = "accounts.user_signed_up", _("注册")
    USER_SIGNED_IN = "accounts.user_signed_in", _("登录")
    USER_SIGNED_OUT = "accounts.user_signed_out", _("退出登录")
    USER_SIGN_IN_FAILED = "accounts.user_sign_in_failed", _("登录失败")
    USER_LOCKED = "accounts.user_locked", _("账号锁定")
    USER_UNLOCKED = "accounts.user_unlocked", _("账号解锁")
    USER_OTP_ENABLED = "accounts.user_otp_enabled", _("启用双因素认证")
    USER_OTP_FAILED = "accounts.user_otp_failed", _("双因素认证失败")
    USER_RECOVERY_CODES_GENERATED = "accounts.user_recovery_codes_generated", _("生成恢复码")
    USER_PASSWORD_CHANGED = "accounts.user_password_changed", _("修改密码")
    USER_PASSWORD_RESET_REQUESTED = "accounts.user_password_reset_requested", _("申请重置密码")
    USER_PASSWORD_RESET = "accounts.user_password_reset", _("重置密码")
    USER_CREATED = "accounts.user_created", _("创建账号")
    USER_ROLE_CHANGED = "accounts.user_role_changed", _("变更角色")
    USER_DISABLED = "accounts.user_disabled", _("停用账号")
    USER_ENABLED = "accounts.user_enabled", _("启用账号")
    TOKEN_CREATED = "accounts.token_created", _("创建 API 令牌")
    TOKEN_REVOKED = "accounts.token_revoked", _("吊销 API 令牌")
    # core
    ACCESS_DENIED = "core.access_denied", _("越权访问被拒绝")
    AUDIT_EXPORTED = "core.audit_exported", _("导出审计日志")
    EXPORT_DOWNLOADED = "core.export_downloaded", _("下载导出文件")
    COMMAND_RUN = "core.command_run", _("执行管理命令")
    # orgs (issue 3): add members here
    # ledger (issue 9): add members here
    # privacy and profiles (issue 6): add members here


def _target_fields(target: Any) -> dict[str, str]:
    if target is None:
        return {}
    meta = getattr(target, "_meta", None)
    return {
        "target_type": meta.label_lower if meta else type(target).__name__,
        "target_id": str(getattr(target, "pk", "") or ""),
        "target_repr": str(target)[:200],
    }


def audit_record(
    *,
    action: AuditAction,
    actor: Any = None,
    target: Any = None,
    account: str | None = None,
    result: str = AuditEvent.Result.SUCCESS,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> AuditEvent:
    """Write one audit row with the caller's address and user agent from the request context."""
    meta = current_meta()
    actor_id = getattr(actor, "pk", None) if actor is not None else None
    if account is None:
        account = getattr(actor, "username", "") or ""
    return AuditEvent.objects.create(
        created_at=now or timezone.now(),
        action=str(action),
        result=str(result),
        actor_id=actor_id,
        account=account[:150],
        ip=meta.ip,
        user_agent=meta.user_agent,
        details={"channel": meta.channel, **(details or {})},
        **_target_fields(target),
    )
