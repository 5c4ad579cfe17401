"""Codes with which an anonymous reporter follows a report (Regulation Art. 23: tell the
complainant the outcome). The code is shown once at receipt; only its keyed digest is kept."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings


def tracking_code_new() -> str:
    return secrets.token_hex(5).upper()


def tracking_digest(code: str) -> str:
    message = f"complaint-tracking:{(code or '').strip().upper()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def tracking_matches(digest: str, code: str) -> bool:
    return bool(digest) and hmac.compare_digest(digest, tracking_digest(code))
