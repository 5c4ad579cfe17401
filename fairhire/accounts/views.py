"""Account pages: parse the form, call one service, render. Rules live in services and policies."""

from __future__ import annotations

import time
from urllib.parse import quote

import segno
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts import selectors, services
from fairhire.accounts.forms import (
    AuditFilterForm,
    OtpForm,
    PasswordChangeForm,
    PasswordResetRequestForm,
    RoleForm,
    SignInForm,
    SignUpForm,
    TokenCreateForm,
    UnlockForm,
)
from fairhire.accounts.models import Role, User
from fairhire.accounts.policies import requires_second_factor
from fairhire.core.forms import form_status, submit

PENDING_KEY = "pending_sign_in"
PENDING_TTL = 300  # seconds between the password step and the code step


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return candidate
    return reverse("home")


@never_cache
def sign_up(request: HttpRequest) -> HttpResponse:
    if Role.SEEKER in (request.POST.get("role"), request.GET.get("role")):
        # A job seeker's account needs the real-name sign-up (Regulation Art. 16).
        return redirect("seeker-sign-up")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = submit(form, services.user_sign_up, username=data["username"],
                      password=data["password"], email=data["email"],
                      display_name=data["display_name"], role=data["role"])
        if user is not None:
            services.user_sign_in(request=request, user=user)
            messages.success(request, _("注册成功，欢迎使用。"))
            return redirect("home")
    return render(request, "accounts/sign_up.html", {"form": form}, status=form_status(form))


@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = submit(form, services.credentials_check, username=form.cleaned_data["username"],
                      password=form.cleaned_data["password"])
        if user is not None:
            has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            if requires_second_factor(user) and has_device:
                request.session.cycle_key()
                request.session[PENDING_KEY] = {"user": user.pk, "at": time.time(),
                                                "next": _next_url(request)}
                return redirect("account-sign-in-otp")
            # Staff without a device yet are signed in but confined to enrolment by the
            # staff-session middleware until they pass the second factor.
            services.user_sign_in(request=request, user=user)
            return redirect(_next_url(request))
    return render(request, "accounts/sign_in.html",
                  {"form": form, "next": _next_url(request)}, status=form_status(form))


@never_cache
def sign_in_otp(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_TTL:
        request.session.pop(PENDING_KEY, None)
        messages.warning(request, _("验证已超时，请重新登录。"))
        return redirect("account-sign-in")
    user = get_object_or_404(User, pk=pending["user"], is_active=True)
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = submit(form, services.otp_verify, user=user, token=form.cleaned_data["token"])
        if device is not None:
            request.session.pop(PENDING_KEY, None)
            services.user_sign_in(request=request, user=user, device=device)
            return redirect(pending["next"])
    return render(request, "accounts/sign_in_otp.html", {"form": form},
                  status=form_status(form))


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    services.user_sign_out(request=request)
    response = redirect("home")
    # SECURITY.md control 4: the browser forgets everything this site stored.
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@login_required
@never_cache
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "tokens": selectors.api_token_list(actor=user),
        "token_form": TokenCreateForm(),
        "new_token": request.session.pop("new_token", None),
        "recovery_codes": request.session.pop("recovery_codes", None),
    }
    return render(request, "accounts/settings.html", context)


@login_required
@never_cache
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = submit(form, services.user_password_change, user=request.user,
                      old_password=form.cleaned_data["old_password"],
                      new_password=form.cleaned_data["new_password"])
        if user is not None:
            update_session_auth_hash(request, user)
            messages.success(request, _("密码已修改。"))
            return redirect("account-settings")
    return render(request, "accounts/password_change.html", {"form": form},
                  status=form_status(form))


@never_cache
def password_reset(request: HttpRequest) -> HttpResponse:
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_reset_request(email=form.cleaned_data["email"], request=request)
        return render(request, "accounts/password_reset_sent.html")
    return render(request, "accounts/password_reset.html", {"form": form},
                  status=form_status(form))


class AuditedSetPasswordForm(SetPasswordForm):
    """Django checks the e-mailed link; the new password goes through our service."""

    def save(self, commit: bool = True):
        return services.user_password_set(
            user=self.user, password=self.cleaned_data["new_password1"], reset=True)


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    form_class = AuditedSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("account-sign-in")

    def form_valid(self, form):
        messages.success(self.request, _("密码已重置，请用新密码登录。"))
        return super().form_valid(form)


@login_required
@never_cache
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show the secret as a QR code, confirm with a code."""
    form = OtpForm(request.POST or None)
    device = None
    if request.method == "POST":
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False,
                                           pk=request.session.get("totp_setup")).first()
        if device is not None and form.is_valid():
            codes = submit(form, services.totp_device_confirm, user=request.user, device=device,
                           token=form.cleaned_data["token"])
            if codes is not None:
                otp_login(request, device)
                request.session.pop("totp_setup", None)
                request.session["recovery_codes"] = codes
                messages.success(request, _("双因素认证已启用。请妥善保存下方的恢复码。"))
                return redirect("account-settings")
    if device is None:
        device = services.totp_device_start(user=request.user)
        request.session["totp_setup"] = device.pk
    secret = services.totp_secret_base32(device)
    uri = (f"otpauth://totp/{quote('FairHire')}:{quote(request.user.username)}"
           f"?secret={secret}&issuer=FairHire")
    qr = segno.make(uri, error="m").svg_data_uri(scale=4)
    return render(request, "accounts/otp_setup.html",
                  {"form": form, "secret": secret, "qr": qr}, status=form_status(form))


@login_required
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    request.session["recovery_codes"] = services.recovery_codes_generate(user=request.user)
    return redirect("account-settings")


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST)
    if form.is_valid():
        _token, raw = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        request.session["new_token"] = raw
    else:
        messages.error(request, _("请填写令牌名称。"))
    return redirect("account-settings")


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.api_token_get(actor=request.user, token_id=token_id)
    services.api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("令牌已吊销。"))
    return redirect("account-settings")


@login_required
@never_cache
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = selectors.AuditFilters()
    if form.is_valid():
        filters = selectors.AuditFilters(**form.cleaned_data)
    events = selectors.audit_event_list(actor=request.user, filters=filters)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "accounts/audit_list.html",
                  {"form": form, "page": page, "query": query.urlencode()})


@login_required
@require_POST
def audit_export(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.POST)
    filters = selectors.AuditFilters(**form.cleaned_data) if form.is_valid() else \
        selectors.AuditFilters()
    progress = services.audit_export_start(actor=request.user, filters=filters)
    return redirect("task-detail", task_id=progress.pk)


@login_required
@never_cache
def user_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:150]
    users = selectors.user_list(actor=request.user, query=query)
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html",
                  {"page": page, "q": query, "role_form": RoleForm(), "unlock_form": UnlockForm()})


@login_required
@require_POST
def user_role(request: HttpRequest, user_id: int) -> HttpResponse:
    form = RoleForm(request.POST)
    user = selectors.user_get(actor=request.user, user_id=user_id)
    if form.is_valid() and submit(form, services.user_role_set, actor=request.user, user=user,
                                  role=form.cleaned_data["role"],
                                  jurisdiction=form.cleaned_data["jurisdiction"]):
        messages.success(request, _("已变更 %(user)s 的角色。") % {"user": user.username})
    else:
        messages.error(request, " ".join(str(e) for e in form.errors.values()) or _("变更失败。"))
    return redirect("user-list")


@login_required
@require_POST
def user_active(request: HttpRequest, user_id: int) -> HttpResponse:
    user = selectors.user_get(actor=request.user, user_id=user_id)
    active = request.POST.get("active") == "1"
    services.user_active_set(actor=request.user, user=user, active=active)
    message = _("账号 %(user)s 已启用。") if active else _("账号 %(user)s 已停用。")
    messages.success(request, message % {"user": user.username})
    return redirect("user-list")


@login_required
@require_POST
def lockout_release(request: HttpRequest) -> HttpResponse:
    form = UnlockForm(request.POST)
    key = form.cleaned_data["key"] if form.is_valid() else ""
    released = services.lockout_release(actor=request.user, key=key)
    messages.success(request, _("已解除 %(n)d 项锁定。") % {"n": released})
    return redirect("user-list")
