"""Form glue: run a service and show its domain error next to the field it concerns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms

from fairhire.core.errors import DomainError

T = TypeVar("T")


def submit(form: forms.Form, service: Callable[..., T], /, **kwargs) -> T | None:
    """Call ``service``; on a domain error attach its message to the form and return None.

    Permission and not-found errors propagate to the error pages; the page can read the
    error from ``form.domain_error`` to answer with its status (e.g. 429 when locked out).
    """
    try:
        return service(**kwargs)
    except DomainError as exc:
        if exc.status in (403, 404):
            raise
        form.domain_error = exc
        field = getattr(exc, "field", None)
        form.add_error(field if field in form.fields else None, str(exc.message))
        return None


def form_status(*forms) -> int:
    """The status a page shown again with these forms answers (forms or formsets).

    A service's refusal keeps its own status (409, 429 …); other invalid input is 400.
    """
    for form in forms:
        error = getattr(form, "domain_error", None)
        if error is not None:
            return error.status
    return 400 if any(form.is_bound and not form.is_valid() for form in forms) else 200
