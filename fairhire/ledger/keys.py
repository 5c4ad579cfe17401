"""The log's and the witness's Ed25519 keys, from settings (``FAIRHIRE_LEDGER_KEY``,
``FAIRHIRE_WITNESS_KEY``, ``FAIRHIRE_WITNESS_PUBLIC_KEY``)."""

from __future__ import annotations

from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

from fairhire.ledger.checkpoint import private_key_from_text, public_key_from_text


@lru_cache(maxsize=8)
def _private(text: str) -> Ed25519PrivateKey:
    return private_key_from_text(text)


def log_private_key() -> Ed25519PrivateKey:
    return _private(settings.LEDGER_SIGNING_KEY)


def log_public_key() -> Ed25519PublicKey:
    return log_private_key().public_key()


def witness_private_key() -> Ed25519PrivateKey:
    return _private(settings.LEDGER_WITNESS_KEY)


def witness_public_key() -> Ed25519PublicKey:
    """The witness key the log trusts: configured, or (development) derived from the witness's
    own key on this host."""
    if settings.LEDGER_WITNESS_PUBLIC_KEY:
        return public_key_from_text(settings.LEDGER_WITNESS_PUBLIC_KEY)
    return witness_private_key().public_key()
