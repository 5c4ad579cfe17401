"""Account use cases: sign-up, sign-in with lockout and second factor, tokens, administration.

Every function here is the single entry point for its use case; pages, the API and commands
call it. Rules come from SECURITY.md controls 1-5 and Regulation Art. 20.
"""

from __future__ import annotations

import base64
import csv
import dataclasses
import hashlib
import json
import secrets
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts.models import (
    SELF_SERVICE_ROLES,
    ApiToken,
    Lockout,
    OrgRole,
    Role,
    User,
)
from fairhire.accounts.policies import (
    Perm,
    can_export_audit_log,
    can_manage_user,
    can_unlock_accounts,
    has_perm,
    requires_second_factor,
)
from fairhire.accounts.selectors import AuditFilters, audit_event_list
from fairhire.core.audit import AuditAction, audit_rate_until, audit_record
from fairhire.core.errors import (
    AuthenticationFailed,
    InvalidInput,
    PermissionDenied,
    RateLimited,
)
from fairhire.core.models import AuditEvent, TaskProgress
from fairhire.core.progress import progress_advance, progress_create, progress_finish
from fairhire.core.request_context import current_meta

RECOVERY_CODE_COUNT = 10
TOKEN_PREFIX = "fh_"  # noqa: S105 (a marker, not a secret)


# --- helpers ---------------------------------------------------------------------------------

def _check_password_rules(password: str, user: User) -> None:
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), code="auth.password_rejected",
                           field="password") from exc


def _local(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d H:i")


def _lockout_keys(username: str, ip: str | None) -> list[tuple[str, str]]:
    keys = [(Lockout.Kind.ACCOUNT, username.strip().lower())]
    if ip:
        keys.append((Lockout.Kind.ADDRESS, ip))
    return keys


def _active_lockout(*, username: str, ip: str | None, now: datetime) -> Lockout | None:
    query = Q()
    for kind, key in _lockout_keys(username, ip):
        query |= Q(kind=kind, key=key)
    return (Lockout.objects.filter(query, released_at=None, locked_until__gt=now)
            .order_by("-locked_until").first())


def _raise_locked(lockout: Lockout) -> None:
    raise RateLimited(
        _("登录失败次数过多，已被锁定至 %(time)s（北京时间），请届时再试。")
        % {"time": _local(lockout.locked_until)},
        until=lockout.locked_until,
        code="auth.locked",
    )


def _refuse_if_locked(*, username: str, now: datetime) -> None:
    ip = current_meta().ip
    lockout = _active_lockout(username=username, ip=ip, now=now)
    if lockout is not None:
        with transaction.atomic():
            audit_record(action=AuditAction.USER_SIGN_IN_FAILED, account=username,
                         result=AuditEvent.Result.DENIED, details={"reason": "locked"}, now=now)
        _raise_locked(lockout)


def _register_failure(*, username: str, reason: str, now: datetime) -> Lockout | None:
    """Log a failed sign-in; lock the account name or the address after too many.

    Failures are counted from the audit trail itself, per account name and per address, within
    the window (default 5 in 15 minutes), and only those after the key's last lockout ended.
    """
    ip = current_meta().ip
    window_start = now - settings.ACCOUNTS_LOCKOUT_WINDOW
    lockout = None
    with transaction.atomic():
        audit_record(action=AuditAction.USER_SIGN_IN_FAILED, account=username,
                     result=AuditEvent.Result.FAILURE, details={"reason": reason}, now=now)
        for kind, key in _lockout_keys(username, ip):
            previous = (Lockout.objects.filter(kind=kind, key=key)
                        .order_by("-locked_until").first())
            since = window_start
            if previous is not None:
                since = max(since, previous.released_at or previous.locked_until)
            failures = AuditEvent.objects.filter(
                action=AuditAction.USER_SIGN_IN_FAILED,
                result=AuditEvent.Result.FAILURE,
                created_at__gt=since,
                created_at__lte=now,
            )
            failures = (failures.filter(account__iexact=key) if kind == Lockout.Kind.ACCOUNT
                        else failures.filter(ip=key))
            if failures.count() >= settings.ACCOUNTS_LOCKOUT_FAILURES:
                lockout = Lockout.objects.create(
                    kind=kind, key=key, created_at=now,
                    locked_until=now + settings.ACCOUNTS_LOCKOUT_DURATION,
                )
                audit_record(action=AuditAction.USER_LOCKED, account=username,
                             result=AuditEvent.Result.DENIED,
                             details={"kind": kind, "key": key,
                                      "until": lockout.locked_until.isoformat()}, now=now)
    return lockout


# --- sign-up ---------------------------------------------------------------------------------

SIGN_UP_WINDOW = timedelta(hours=1)


def sign_up_rate_check(*, now: datetime) -> None:
    """Refuse a sign-up from an address that made too many in the last hour (SECURITY.md
    control 24): ``ACCOUNTS_SIGN_UPS_PER_HOUR`` (default 20, enough for a job centre's counter)
    accounts created plus refused repeat ID numbers, counted from the audit trail like the
    sign-in lockout. The refusals count too, so the seekers' form cannot be used to probe at
    volume which ID numbers hold an account. Calls without an address (commands, demo data) are
    not limited."""
    ip = current_meta().ip
    if ip is None:
        return
    until = audit_rate_until(
        ip=ip, actions=[AuditAction.USER_SIGNED_UP, AuditAction.SEEKER_SIGN_UP_REFUSED],
        limit=settings.ACCOUNTS_SIGN_UPS_PER_HOUR, window=SIGN_UP_WINDOW, now=now)
    if until is not None:
        raise RateLimited(
            _("该网络地址注册过于频繁，请在 %(time)s（北京时间）之后再试。")
            % {"time": timezone.localtime(until).strftime("%H:%M")},
            until=until, code="auth.sign_up_rate_limited")


@transaction.atomic
def user_sign_up(
    *,
    username: str,
    password: str,
    email: str,
    display_name: str,
    role: str = Role.SEEKER,
    now: datetime | None = None,
) -> User:
    """Create a job seeker's or an employer's account; other roles are granted, not chosen."""
    now = now or timezone.now()
    if role not in SELF_SERVICE_ROLES:
        raise PermissionDenied(_("该角色不能自行注册。"), code="auth.role_not_self_service")
    sign_up_rate_check(now=now)
    username = username.strip()
    if not username:
        raise InvalidInput(_("请填写用户名。"), code="auth.username_required", field="username")
    if User.objects.filter(username__iexact=username).exists():
        raise InvalidInput(_("该用户名已被使用。"), code="auth.username_taken", field="username")
    user = User(
        username=username, email=email.strip(), display_name=display_name.strip(), role=role,
        org_role=OrgRole.OWNER if role == Role.EMPLOYER_STAFF else "",
        password_changed_at=now,
    )
    _check_password_rules(password, user)
    user.set_password(password)
    user.save()
    audit_record(action=AuditAction.USER_SIGNED_UP, actor=user, target=user,
                 details={"role": role}, now=now)
    return user


# --- sign-in ---------------------------------------------------------------------------------

def credentials_check(*, username: str, password: str, now: datetime | None = None) -> User:
    """First step of sign-in: lockout, then the password (SECURITY.md control 2).

    Unknown account, wrong password and disabled account get the same answer, so the answer
    does not tell which accounts exist.
    """
    now = now or timezone.now()
    _refuse_if_locked(username=username, now=now)
    user = auth.authenticate(request=None, username=username, password=password)
    if user is None:
        lockout = _register_failure(username=username, reason="password", now=now)
        if lockout is not None:
            _raise_locked(lockout)
        raise AuthenticationFailed(_("用户名或密码错误。"), code="auth.invalid_credentials")
    return user


def otp_verify(*, user: User, token: str, now: datetime | None = None):
    """Second step: a TOTP code or an unused recovery code; failures count toward lockout."""
    now = now or timezone.now()
    _refuse_if_locked(username=user.username, now=now)
    token = (token or "").strip().replace(" ", "")
    if token:
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(token):
                return device
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(token):
                return device
    lockout = _register_failure(username=user.username, reason="otp", now=now)
    if lockout is not None:
        _raise_locked(lockout)
    raise AuthenticationFailed(_("动态验证码不正确。"), code="auth.otp_invalid")


@transaction.atomic
def user_sign_in(*, request: HttpRequest, user: User, device=None,
                 now: datetime | None = None) -> User:
    """Start a session (a new session key) and log it with time, account and address (JF-log)."""
    auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if device is not None:
        otp_login(request, device)
    request.session["last_seen"] = (now or timezone.now()).timestamp()
    audit_record(action=AuditAction.USER_SIGNED_IN, actor=user, target=user,
                 details={"second_factor": device is not None}, now=now)
    return user


@transaction.atomic
def user_sign_out(*, request: HttpRequest, reason: str = "user",
                  now: datetime | None = None) -> None:
    """End the session everywhere it is stored, and log it (JF-log)."""
    user = request.user if request.user.is_authenticated else None
    if user is not None:
        audit_record(action=AuditAction.USER_SIGNED_OUT, actor=user, target=user,
                     details={"reason": reason}, now=now)
    auth.logout(request)


# --- API tokens ------------------------------------------------------------------------------

def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, now: datetime | None = None
                     ) -> tuple[ApiToken, str]:
    """Create a personal token; the raw value is returned once and only its hash is kept."""
    now = now or timezone.now()
    name = name.strip()[:60] or _("未命名令牌")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:10],
                                    key_hash=_hash_token(raw), created_at=now)
    audit_record(action=AuditAction.TOKEN_CREATED, actor=user, target=token, now=now)
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User, now: datetime | None = None) -> ApiToken:
    if token.user_id != actor.pk:
        raise PermissionDenied(_("只能吊销自己的令牌。"), code="auth.token_not_yours")
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(action=AuditAction.TOKEN_REVOKED, actor=actor, target=token, now=now)
    return token


def api_token_authenticate(*, raw: str, now: datetime | None = None) -> User | None:
    """The user behind a bearer token, or None when it is unknown, revoked or disabled."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (ApiToken.objects.select_related("user")
             .filter(key_hash=_hash_token(raw), revoked_at=None).first())
    if token is None or not token.user.is_active:
        return None
    now = now or timezone.now()
    # Write at most once a minute: a busy client must not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def api_sign_in(*, username: str, password: str, otp: str | None,
                now: datetime | None = None) -> str:
    """``POST /api/v1/auth/token``: the same checks as the sign-in page, then a new token."""
    now = now or timezone.now()
    user = credentials_check(username=username, password=password, now=now)
    device = None
    if requires_second_factor(user):
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise PermissionDenied(_("请先在网页上设置双因素认证。"),
                                   code="auth.otp_setup_required")
        if not otp:
            raise AuthenticationFailed(_("请提供动态验证码。"), code="auth.otp_required")
        device = otp_verify(user=user, token=otp, now=now)
    with transaction.atomic():
        audit_record(action=AuditAction.USER_SIGNED_IN, actor=user, target=user,
                     details={"second_factor": device is not None}, now=now)
        _token, raw = api_token_create(user=user, name=_("API 登录"), now=now)
    return raw


# --- passwords -------------------------------------------------------------------------------

@transaction.atomic
def user_password_set(*, user: User, password: str, reset: bool = False,
                      now: datetime | None = None) -> User:
    """Change (or, after an e-mailed link, reset) a password under the password rules."""
    now = now or timezone.now()
    _check_password_rules(password, user)
    user.set_password(password)
    user.password_changed_at = now
    user.save(update_fields=["password", "password_changed_at"])
    action = AuditAction.USER_PASSWORD_RESET if reset else AuditAction.USER_PASSWORD_CHANGED
    audit_record(action=action, actor=user, target=user, now=now)
    return user


# Apps that keep an account's e-mail themselves (a seeker's lives encrypted in the profile)
# register finder(email) -> [(user, address), ...] here, from their AppConfig.ready.
_RESET_FINDERS: list[Callable[[str], Iterable[tuple[User, str]]]] = []


def password_reset_finder_register(finder: Callable[[str], Iterable[tuple[User, str]]]) -> None:
    if finder not in _RESET_FINDERS:
        _RESET_FINDERS.append(finder)


class _ResetForm(PasswordResetForm):
    """Django's form, also reaching accounts found by the registered finders. Their address is
    used only to send the mail; the user row (whose e-mail feeds the reset token) is unchanged."""

    def get_users(self, email):
        self._addresses = {}
        yield from super().get_users(email)
        for finder in _RESET_FINDERS:
            for user, address in finder(email):
                if user.is_active and user.has_usable_password():
                    self._addresses[user.pk] = address
                    yield user

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        to_email = self._addresses.get(context["user"].pk, to_email)
        super().send_mail(subject_template_name, email_template_name, context, from_email,
                          to_email, html_email_template_name)


def password_reset_request(*, email: str, request: HttpRequest) -> None:
    """E-mail a reset link to the active accounts with this address; say nothing about which.

    The answer is the same whether or not the address is known, so the form cannot be used to
    find out who has an account.
    """
    form = _ResetForm(data={"email": email})
    if not form.is_valid():
        raise InvalidInput(_("请输入有效的电子邮箱地址。"), code="auth.email_invalid",
                           field="email")
    with transaction.atomic():
        for user in form.get_users(form.cleaned_data["email"]):
            audit_record(action=AuditAction.USER_PASSWORD_RESET_REQUESTED, target=user,
                         account=user.username)
    form.save(request=request, use_https=request.is_secure(),
              subject_template_name="accounts/password_reset_subject.txt",
              email_template_name="accounts/password_reset_email.txt")


@transaction.atomic
def user_password_change(*, user: User, old_password: str, new_password: str,
                         now: datetime | None = None) -> User:
    if not user.check_password(old_password):
        raise InvalidInput(_("原密码不正确。"), code="auth.old_password_wrong",
                           field="old_password")
    return user_password_set(user=user, password=new_password, now=now)


# --- second factor ---------------------------------------------------------------------------

@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """A fresh unconfirmed TOTP secret to show as a QR code; earlier unconfirmed ones go."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, user: User, device: TOTPDevice, token: str,
                        now: datetime | None = None) -> list[str]:
    """Turn a TOTP device on once the person proves they can read it; returns recovery codes."""
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied(_("该设备不属于你。"), code="auth.device_not_yours")
    if not device.verify_token((token or "").strip()):
        raise InvalidInput(_("动态验证码不正确，请核对手机上的时间后重试。"),
                           code="auth.otp_invalid", field="token")
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(action=AuditAction.USER_OTP_ENABLED, actor=user, target=user, now=now)
    return recovery_codes_generate(user=user, now=now)


@transaction.atomic
def recovery_codes_generate(*, user: User, now: datetime | None = None) -> list[str]:
    """Ten single-use recovery codes; generating new ones voids the old."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    audit_record(action=AuditAction.USER_RECOVERY_CODES_GENERATED, actor=user, target=user,
                 now=now)
    return codes


def totp_secret_base32(device: TOTPDevice) -> str:
    """The secret as authenticator apps expect it (RFC 4648 base32, no padding)."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def totp_current_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows right now (used by demo data and tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


# --- administration by the security administrator -------------------------------------------

@transaction.atomic
def user_create(*, actor: User | None, username: str, password: str, role: str,
                display_name: str = "", email: str = "", jurisdiction: str = "",
                org_role: str = "", now: datetime | None = None) -> User:
    """Create an account with any role. Only a security administrator may (or a command)."""
    if actor is not None and not has_perm(actor, Perm.ACCOUNTS_MANAGE):
        raise PermissionDenied(_("只有安全管理员可以创建账号。"),
                               code="accounts.not_security_admin")
    if role not in Role.values:
        raise InvalidInput(_("未知角色。"), code="accounts.unknown_role", field="role")
    if role == Role.INSPECTOR and not jurisdiction:
        raise InvalidInput(_("监管检查人员须指定管辖区域。"),
                           code="accounts.jurisdiction_required", field="jurisdiction")
    if User.objects.filter(username__iexact=username).exists():
        raise InvalidInput(_("该用户名已被使用。"), code="auth.username_taken", field="username")
    user = User(username=username, role=role, display_name=display_name, email=email,
                jurisdiction=jurisdiction if role == Role.INSPECTOR else "",
                org_role=org_role, password_changed_at=now or timezone.now())
    _check_password_rules(password, user)
    user.set_password(password)
    user.save()
    audit_record(action=AuditAction.USER_CREATED, actor=actor, target=user,
                 details={"role": role}, now=now)
    return user


@transaction.atomic
def user_role_set(*, actor: User, user: User, role: str, jurisdiction: str = "",
                  now: datetime | None = None) -> User:
    if not can_manage_user(actor=actor, target=user):
        raise PermissionDenied(_("你无权变更该账号的角色。"), code="accounts.not_security_admin")
    if role not in Role.values:
        raise InvalidInput(_("未知角色。"), code="accounts.unknown_role", field="role")
    if role == Role.INSPECTOR and not jurisdiction:
        raise InvalidInput(_("监管检查人员须指定管辖区域。"),
                           code="accounts.jurisdiction_required", field="jurisdiction")
    before = user.role
    user.role = role
    user.jurisdiction = jurisdiction if role == Role.INSPECTOR else ""
    user.save(update_fields=["role", "jurisdiction"])
    audit_record(action=AuditAction.USER_ROLE_CHANGED, actor=actor, target=user,
                 details={"from": before, "to": role, "jurisdiction": user.jurisdiction},
                 now=now)
    return user


@transaction.atomic
def user_active_set(*, actor: User, user: User, active: bool,
                    now: datetime | None = None) -> User:
    """Disable or enable an account. A disabled account's sessions stop working at once."""
    if not can_manage_user(actor=actor, target=user):
        raise PermissionDenied(_("你无权停用或启用该账号。"), code="accounts.not_security_admin")
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            ApiToken.objects.filter(user=user, revoked_at=None).update(
                revoked_at=now or timezone.now())
        audit_record(action=AuditAction.USER_ENABLED if active else AuditAction.USER_DISABLED,
                     actor=actor, target=user, now=now)
    return user


@transaction.atomic
def user_account_close(*, user: User, now: datetime | None = None) -> User:
    """A person closes their own account (PIPL right to delete; SECURITY.md control 15).

    The account is disabled at once (its sessions and API tokens stop working) and the name
    and e-mail it carried are erased; the username stays so the audit trail still reads.
    """
    now = now or timezone.now()
    user.is_active = False
    user.display_name = _("已注销用户")
    user.email = ""
    user.set_unusable_password()
    user.save(update_fields=["is_active", "display_name", "email", "password"])
    ApiToken.objects.filter(user=user, revoked_at=None).update(revoked_at=now)
    audit_record(action=AuditAction.USER_CLOSED, actor=user, target=user, now=now)
    return user


@transaction.atomic
def lockout_release(*, actor: User, key: str, now: datetime | None = None) -> int:
    """Lift the lockouts on an account name or address before they expire."""
    if not can_unlock_accounts(actor=actor):
        raise PermissionDenied(_("只有安全管理员可以解锁。"), code="accounts.not_security_admin")
    now = now or timezone.now()
    if not key.strip():
        return 0
    released = Lockout.objects.filter(key__iexact=key.strip(), released_at=None,
                                      locked_until__gt=now).update(released_at=now)
    if released:
        audit_record(action=AuditAction.USER_UNLOCKED, actor=actor, account=key,
                     details={"key": key, "released": released}, now=now)
    return released


# --- audit trail export (audit administrator) ------------------------------------------------

AUDIT_CSV_COLUMNS = ["time_utc", "action", "result", "account", "actor_id", "ip",
                     "user_agent", "target_type", "target_id", "target", "details"]


def _filters_to_json(filters: AuditFilters) -> dict[str, str]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in dataclasses.asdict(filters).items() if v}


def _filters_from_json(data: dict[str, str]) -> AuditFilters:
    values: dict[str, object] = dict(data)
    for key in ("date_from", "date_to"):
        if values.get(key):
            values[key] = date.fromisoformat(str(values[key]))
    return AuditFilters(**values)


@transaction.atomic
def audit_export_start(*, actor: User, filters: AuditFilters) -> TaskProgress:
    """Export the filtered audit trail to CSV in the background; the export itself is audited."""
    if not can_export_audit_log(actor=actor):
        raise PermissionDenied(_("只有审计管理员可以导出审计日志。"), code="audit.not_auditor")
    progress = progress_create(kind="audit_export", label=_("导出审计日志"), owner=actor)
    payload = _filters_to_json(filters)
    audit_record(action=AuditAction.AUDIT_EXPORTED, actor=actor, target=progress,
                 details={"filters": payload})
    from fairhire.accounts.tasks import audit_export_task

    transaction.on_commit(lambda: audit_export_task.enqueue(
        progress_id=str(progress.pk), actor_id=actor.pk, filters=payload))
    return progress


def audit_export_run(*, progress_id: str, actor_id: int, filters: dict[str, str]) -> Path:
    """Write the CSV in batches, reporting progress; runs inside the task worker."""
    actor = User.objects.get(pk=actor_id)
    events = audit_event_list(actor=actor, filters=_filters_from_json(filters))
    total = events.count()
    progress_advance(progress_id=progress_id, by=0, total=total)
    folder = settings.PRIVATE_FILES_DIR / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"audit-{progress_id}.csv"
    try:
        with path.open("w", newline="", encoding="utf-8-sig") as handle:  # BOM: Excel reads it
            writer = csv.writer(handle)
            writer.writerow(AUDIT_CSV_COLUMNS)
            batch = 0
            for event in events.iterator(chunk_size=1000):
                writer.writerow([
                    event.created_at.isoformat(), event.action, event.result, event.account,
                    event.actor_id or "", event.ip or "", event.user_agent, event.target_type,
                    event.target_id, event.target_repr,
                    json.dumps(event.details, ensure_ascii=False, sort_keys=True),
                ])
                batch += 1
                if batch == 1000:
                    progress_advance(progress_id=progress_id, by=batch)
                    batch = 0
            progress_advance(progress_id=progress_id, by=batch)
    except Exception as exc:
        path.unlink(missing_ok=True)
        progress_finish(progress_id=progress_id, ok=False, message=str(exc))
        raise
    progress_finish(progress_id=progress_id, ok=True,
                    message=_("共导出 %(n)d 条记录。") % {"n": total}, result_path=str(path))
    return path
