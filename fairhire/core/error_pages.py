"""Turn domain errors raised in page views into a clear page (never a stack trace)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import DomainError, PermissionDenied
from fairhire.core.models import AuditEvent


class DomainErrorMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DomainError):
            return None
        if isinstance(exception, PermissionDenied):
            record_access_denied(request, exception)
        response = render(request, "core/error.html",
                          {"error": exception, "code": exception.code}, status=exception.status)
        add_retry_after(response, exception)
        return response


def add_retry_after(response: HttpResponse, exc: DomainError) -> None:
    until = getattr(exc, "until", None)
    if exc.status == 429 and until is not None:
        response["Retry-After"] = str(max(1, int((until - timezone.now()).total_seconds())))


def record_access_denied(request: HttpRequest, exc: DomainError) -> None:
    """Authorisation failures are audited (SECURITY.md control 18)."""
    user = getattr(request, "auth", None) or getattr(request, "user", None)
    audit_record(action=AuditAction.ACCESS_DENIED,
                 actor=user if user is not None and user.is_authenticated else None,
                 result=AuditEvent.Result.DENIED,
                 details={"path": request.path[:200], "method": request.method,
                          "code": exc.code})
