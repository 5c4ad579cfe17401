from __future__ import annotations

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from fairhire.core.request_context import meta_from_request, reset_meta, set_meta


class RequestContextMiddleware:
    """Make the caller's address and user agent available to audit writes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_meta(meta_from_request(request))
        try:
            return self.get_response(request)
        finally:
            reset_meta(token)


class LanguageMiddleware:
    """Simplified Chinese unless the person chose English with the switch (a cookie).

    Pages ignore the browser's Accept-Language: the platform is Chinese first, and a browser set
    to English on a shared office computer should not change what a clerk sees. Programs using
    the API ask for English with ``Accept-Language: en``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported and request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", language)
        return response


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class NulCharacterGuardMiddleware:
    """Refuse input carrying NUL characters, with a 400, before any view sees it.

    No legitimate form field or JSON value contains one, PostgreSQL cannot store one (it answers
    with an error that would otherwise surface as a 500), and they are a classic way to cut
    strings short in logs and downstream systems.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            message = str(_("请求中含有不允许的空字符（NUL）。"))
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "invalid.nul_character", "message": message},
                                    status=400, json_dumps_params={"ensure_ascii": False})
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    def _carries_nul(self, request: HttpRequest) -> bool:
        if "\x00" in request.path or any(
                _has_nul(v) for _key, values in request.GET.lists() for v in values):
            return True
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return False
        if request.content_type == "application/json":
            try:
                return _has_nul(json.loads(request.body or b"null"))
            except (ValueError, UnicodeDecodeError):
                return False  # the API answers malformed JSON itself
        if request.content_type == "multipart/form-data" and request.path.startswith("/api/"):
            # Parsing it here would consume the stream the API reads its body from; uploads
            # are judged by content in the service, and form fields by their schema.
            return False
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return any(_has_nul(v) for _key, values in request.POST.lists() for v in values)
        return False
