"""A challenge against automated anonymous reports, built without outside services.

The server asks a small sum written in Chinese numerals (``三加七等于几？``) and hands out a
token signed with ``SECRET_KEY`` that holds the expected answer's digest, a random nonce and the
time it was issued. The answer is checked against the token, the token expires after
``MAX_AGE`` seconds, and the nonce is stored on the complaint it let in (a unique column), so a
solved token cannot be replayed; any attempt also uses the token up in the cache, so the
few possible sums cannot be tried one after another. Together with the per-address rate limit
this keeps scripted floods out while a person answers in a second (``docs/decisions.md``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _

from fairhire.core.errors import InvalidInput

MAX_AGE = 15 * 60
SALT = "fairhire.complaints.challenge"
DIGITS = "零一二三四五六七八九十"


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def _digest(answer: int, nonce: str) -> str:
    return hashlib.sha256(f"{nonce}:{answer}".encode()).hexdigest()[:16]


def challenge_new() -> Challenge:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_hex(12)
    token = signing.dumps({"n": nonce, "d": _digest(a + b, nonce)}, salt=SALT)
    return Challenge(question=_("%(a)s加%(b)s等于几？（请填阿拉伯数字）") % {
        "a": DIGITS[a], "b": DIGITS[b]}, token=token)


def challenge_check(*, token: str, answer: str) -> str:
    """The nonce of a correctly answered, unexpired challenge; otherwise InvalidInput."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise InvalidInput(_("验证题已过期，请重新作答。"), code="complaints.challenge_expired",
                           field="challenge_answer") from None
    except signing.BadSignature:
        raise InvalidInput(_("验证题无效，请刷新页面后重试。"), code="complaints.challenge_invalid",
                           field="challenge_answer") from None
    nonce = str(data.get("n")) if isinstance(data, dict) else ""
    # One attempt per token, right or wrong, so the few possible sums cannot be tried in turn.
    if not cache.add(f"{SALT}:{nonce}", 1, timeout=MAX_AGE):
        raise InvalidInput(_("验证题已使用，请重新作答。"), code="complaints.challenge_used",
                           field="challenge_answer")
    try:
        value = int(str(answer).strip())
    except ValueError:
        value = -1
    if _digest(value, nonce) != data.get("d"):
        raise InvalidInput(_("验证题答案不正确。"), code="complaints.challenge_wrong",
                           field="challenge_answer")
    return nonce
