"""Domain errors: services raise these; one handler turns them into a page message or JSON.

Each carries a stable machine ``code`` (never translated) and a message a person understands
(Chinese first, English through the locale catalogue).
"""

from __future__ import annotations

from datetime import datetime


class DomainError(Exception):
    status = 400
    default_code = "error"

    def __init__(self, message: str, *, code: str | None = None, **extra: object) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code or self.default_code
        self.extra = extra

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": str(self.message), **self.extra}


class InvalidInput(DomainError):
    status = 400
    default_code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None,
                 **extra: object) -> None:
        super().__init__(message, code=code, **extra)
        self.field = field


class AuthenticationFailed(DomainError):
    status = 401
    default_code = "auth.failed"


class PermissionDenied(DomainError):
    status = 403
    default_code = "forbidden"


class NotFound(DomainError):
    status = 404
    default_code = "not_found"


class RuleViolation(DomainError):
    status = 409
    default_code = "rule_violation"


class RateLimited(DomainError):
    """Too many attempts; ``until`` says when the caller may try again."""

    status = 429
    default_code = "rate_limited"

    def __init__(self, message: str, *, until: datetime, code: str | None = None) -> None:
        super().__init__(message, code=code, until=until.isoformat())
        self.until = until
