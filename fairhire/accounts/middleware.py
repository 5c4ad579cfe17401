"""Staff sessions: a second factor before anything else, and expiry after 30 idle minutes."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Paths an unverified staff session may still reach: enrol a device, or leave.
OTP_EXEMPT_URL_NAMES = ("account-otp-setup", "account-sign-out", "set-language")
LAST_SEEN_KEY = "last_seen"
LAST_SEEN_WRITE_EVERY = 30  # seconds; saves a session write on every request


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "is_staff_role", False):
            refused = self._expire_idle(request) or self._require_second_factor(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _is_api(self, request: HttpRequest) -> bool:
        return request.path.startswith("/api/")

    def _expire_idle(self, request: HttpRequest) -> HttpResponse | None:
        """SECURITY.md control 4: a staff session unused for 30 minutes is over."""
        from fairhire.accounts.services import user_sign_out

        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY)
        idle_limit = settings.ACCOUNTS_STAFF_IDLE_TIMEOUT.total_seconds()
        if last_seen is not None and now - float(last_seen) > idle_limit:
            user_sign_out(request=request, reason="idle")
            message = _("你已超过 30 分钟未操作，为保护账号安全已自动退出，请重新登录。")
            if self._is_api(request):
                return JsonResponse({"code": "auth.session_expired", "message": message},
                                    status=401)
            messages.warning(request, message)
            return redirect(f"{reverse('account-sign-in')}?next={request.path}")
        if last_seen is None or now - float(last_seen) > LAST_SEEN_WRITE_EVERY:
            request.session[LAST_SEEN_KEY] = now
        return None

    def _require_second_factor(self, request: HttpRequest) -> HttpResponse | None:
        """SECURITY.md control 3: staff pages refuse a session without the second factor."""
        if request.user.is_verified():
            return None
        if request.path.startswith(settings.STATIC_URL):
            return None
        exempt = {reverse(name) for name in OTP_EXEMPT_URL_NAMES}
        if request.path in exempt:
            return None
        message = _("平台工作人员须先完成双因素认证。")
        if self._is_api(request):
            return JsonResponse({"code": "auth.otp_required", "message": message}, status=403)
        return redirect("account-otp-setup")
