"""Where the current request came from, for audit rows written deep inside services.

Services take an ``actor`` but not the request; the address and user agent travel in a
context variable set by ``RequestContextMiddleware`` (and by management commands).
"""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest


@dataclass(frozen=True)
class RequestMeta:
    ip: str | None = None
    user_agent: str = ""
    channel: str = "web"


_DEFAULT_META = RequestMeta()
_current: ContextVar[RequestMeta] = ContextVar("fairhire_request_meta", default=_DEFAULT_META)


def current_meta() -> RequestMeta:
    return _current.get()


def set_meta(meta: RequestMeta):
    return _current.set(meta)


def reset_meta(token) -> None:
    _current.reset(token)


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address (SECURITY.md control 18).

    ``X-Forwarded-For`` is believed only when the direct peer is a trusted proxy, and then only
    up to the first hop that is not itself trusted: anyone can send that header, so a forged
    value from an untrusted peer is ignored.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    if remote is None or remote not in settings.TRUSTED_PROXIES:
        return remote
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    for hop in reversed(hops):
        address = _valid_ip(hop)
        if address is None:
            return remote
        if address not in settings.TRUSTED_PROXIES:
            return address
    return remote


def meta_from_request(request: HttpRequest) -> RequestMeta:
    return RequestMeta(
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:400],
        channel="api" if request.path.startswith("/api/") else "web",
    )
