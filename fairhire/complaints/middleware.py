"""Accept the agreement and rules in force before using the site (Regulation Art. 24; R24.1).

A signed-in person who has not accepted every version in force (a new account, or a new version
since their last visit) is sent to the acceptance page, which shows what changed since the
version they accepted before. Nothing else of the site is reachable until they accept; they may
still read the agreements, complain, switch the language or sign out. The API is not
interrupted: programs accept through ``POST /api/v1/agreements/{id}/accept``.

A person who has accepted is remembered in the session with the ids of the versions then in
force, so each page costs one small query to learn which versions are in force now.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

SESSION_KEY = "agreements_accepted"
# Pages a person who has not accepted may still reach.
EXEMPT_URL_NAMES = frozenset({
    "agreement-accept", "agreement-archive", "agreement-detail", "account-sign-out",
    "account-sign-in", "account-sign-in-otp", "account-otp-setup", "set-language",
    "platform-fees", "complaint-create", "complaint-track",
})


class AgreementMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._exempt(request):
            refused = self._require_acceptance(request, user)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _exempt(self, request: HttpRequest) -> bool:
        if request.path.startswith(("/api/", settings.STATIC_URL)):
            return True
        try:
            return resolve(request.path_info).url_name in EXEMPT_URL_NAMES
        except Resolver404:
            return True

    def _require_acceptance(self, request: HttpRequest, user) -> HttpResponse | None:
        from fairhire.complaints.models import AgreementVersion
        from fairhire.complaints.selectors import agreements_in_force, agreements_pending

        if not AgreementVersion.objects.exists():
            return None
        in_force = sorted(v.pk for v in agreements_in_force())
        if request.session.get(SESSION_KEY) == in_force:
            return None
        if agreements_pending(user=user):
            return redirect(f"{reverse('agreement-accept')}?{urlencode({'next': request.path})}")
        request.session[SESSION_KEY] = in_force
        return None
