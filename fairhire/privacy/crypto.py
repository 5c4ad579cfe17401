"""Field encryption, blind indexes and masking for personal information.

Regulation Art. 21(2) requires the platform to protect ID numbers, contact details, addresses and
similar data; SECURITY.md turns that into three controls implemented here:

* control 9  -- personal information is encrypted at rest with an AEAD (AES-256-GCM), tagged with
  its algorithm so SM4-GCM can be added, under a key ring that is not ``SECRET_KEY`` and can be
  rotated; a ciphertext that was moved, altered or replaced by plaintext raises on read;
* control 10 -- a keyed HMAC blind index, under its own key, finds and de-duplicates ID numbers and
  phone numbers without decrypting anything;
* control 12 -- masking helpers for every place a person's data leaves the database.

This module imports nothing from Django and reads no settings, so it can be imported, tested and
benchmarked on its own; the Django field layer builds one :class:`FieldCrypto` and calls it.

Token format (version 1), all ASCII::

    token     = "v1." alg "." key_id "." payload
    alg       = "aes256gcm"
    key_id    = 1*32( ALPHA / DIGIT / "-" / "_" )
    payload   = base64url without padding ( nonce[12] || ciphertext || tag[16] )
    plaintext = kind[1] || value          kind: "s" = UTF-8 text, "b" = raw bytes
    aad       = "fairhire.field\\x00" "v1." alg "." key_id "." context      (UTF-8)

The associated data binds the ciphertext to its header and to its *context* -- table, column and
row, for example ``"profiles.seeker.id_number:42"`` (see :func:`field_context`) -- so a token copied
to another row or column fails authentication instead of decrypting there.

Environment variables (read only by :meth:`FieldCrypto.from_env`)::

    FAIRHIRE_DATA_KEYS="k2025:<base64 of 32 bytes>,*k2026:<base64 of 32 bytes>"
    FAIRHIRE_BLIND_INDEX_KEY="<base64 of 32 bytes>"

Data keys are comma-separated ``id:key`` entries (whitespace around entries is ignored); exactly one
id carries a leading ``*`` and is the current key used for new encryptions; the others only decrypt.
Keys are standard or URL-safe base64, padding optional. The blind-index key must differ from every
data key. :func:`generate_key` prints a fresh key.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = [
    "BLIND_INDEX_KEY_ENV",
    "DATA_KEYS_ENV",
    "CryptoError",
    "DecryptionError",
    "FieldCrypto",
    "KeyRing",
    "KeyRingError",
    "NotAToken",
    "Purpose",
    "TamperedCiphertext",
    "UnknownKeyId",
    "UnsupportedAlgorithm",
    "WrongValueType",
    "blind_index",
    "configure",
    "decrypt",
    "decrypt_bytes",
    "default_engine",
    "encrypt",
    "field_context",
    "generate_key",
    "looks_like_token",
    "mask_email",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "needs_rotation",
    "normalise",
    "parse_blind_index_key",
    "reencrypt",
]

DATA_KEYS_ENV = "FAIRHIRE_DATA_KEYS"
BLIND_INDEX_KEY_ENV = "FAIRHIRE_BLIND_INDEX_KEY"

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16

_VERSION = "v1"
_ALG_AES256GCM = "aes256gcm"
_CURRENT_ALG = _ALG_AES256GCM
_AAD_DOMAIN = b"fairhire.field\x00"
_KIND_TEXT = b"s"
_KIND_BYTES = b"b"

_KEY_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
# Groups: header ("v1.aes256gcm.<key_id>."), algorithm, key id, payload.
_TOKEN_RE = re.compile(
    rf"({_VERSION}\.({_ALG_AES256GCM})\.([A-Za-z0-9_-]{{1,32}})\.)([A-Za-z0-9_-]+)"
)
_FUTURE_VERSION_RE = re.compile(r"v[0-9]{1,3}")
_ALG_NAME_RE = re.compile(r"[a-z0-9]{1,32}")
_B64_KEY_RE = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
# Smallest payload: nonce, one kind byte, tag.
_MIN_PAYLOAD = NONCE_BYTES + 1 + TAG_BYTES


# --------------------------------------------------------------------------------------------------
# Errors. Messages never contain key material, plaintext or the offending value: logs keep them.


class CryptoError(Exception):
    """Base class of every error raised by this module."""


class KeyRingError(CryptoError, ValueError):
    """The key configuration is unusable (SECURITY.md control 9): fix the environment."""


class DecryptionError(CryptoError):
    """A stored value could not be read back; nothing is returned in its place (control 9)."""


class NotAToken(DecryptionError):
    """The value is not a FairHire token -- plaintext where ciphertext was expected, or garbage."""


class UnsupportedAlgorithm(DecryptionError):
    """The token names a format version or algorithm this build does not implement."""


class UnknownKeyId(DecryptionError):
    """The token was encrypted under a key id that is not in the key ring."""


class TamperedCiphertext(DecryptionError):
    """Authentication failed: the token was altered, or moved to another row or column."""


class WrongValueType(DecryptionError):
    """The token holds text but bytes were asked for, or the other way round."""


# --------------------------------------------------------------------------------------------------
# Keys.


def generate_key() -> str:
    """Return a fresh random 32-byte key as URL-safe base64, for the environment variables."""
    return base64.urlsafe_b64encode(os.urandom(KEY_BYTES)).decode("ascii")


def _decode_key(text: str, *, what: str) -> bytes:
    text = text.strip()
    if not _B64_KEY_RE.fullmatch(text):
        raise KeyRingError(f"{what} is not base64 (standard or URL-safe alphabet).")
    standard = text.rstrip("=").replace("-", "+").replace("_", "/")
    standard += "=" * (-len(standard) % 4)
    try:
        key = base64.b64decode(standard, validate=True)
    except (binascii.Error, ValueError):
        raise KeyRingError(f"{what} is not valid base64.") from None
    if len(key) != KEY_BYTES:
        raise KeyRingError(
            f"{what} decodes to {len(key)} bytes; exactly {KEY_BYTES} are required (AES-256)."
        )
    return key


@dataclass(frozen=True, eq=False, repr=False)
class KeyRing:
    """Data keys by id, one of them current (SECURITY.md control 9).

    New values are encrypted under ``current_id``; every key in the ring decrypts. Rotation is:
    add a new key and mark it current, re-encrypt every stored value
    (:meth:`FieldCrypto.reencrypt`), then remove the old key from the environment.
    """

    keys: Mapping[str, bytes]
    current_id: str
    _fingerprint: frozenset[bytes] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        keys = dict(self.keys)
        if not keys:
            raise KeyRingError("The key ring is empty; at least one data key is required.")
        for key_id, key in keys.items():
            if not isinstance(key_id, str) or not _KEY_ID_RE.fullmatch(key_id):
                raise KeyRingError(
                    f"Key id {key_id!r} is invalid: use 1-32 letters, digits, '-' or '_'."
                )
            if not isinstance(key, bytes):
                raise KeyRingError(f"Key {key_id!r} must be bytes, not {type(key).__name__}.")
            if len(key) != KEY_BYTES:
                raise KeyRingError(
                    f"Key {key_id!r} is {len(key)} bytes; exactly {KEY_BYTES} are required "
                    "(AES-256)."
                )
        if self.current_id not in keys:
            raise KeyRingError(f"The current key id {self.current_id!r} is not in the key ring.")
        seen: dict[bytes, str] = {}
        for key_id, key in keys.items():
            if key in seen:
                raise KeyRingError(
                    f"Keys {seen[key]!r} and {key_id!r} are the same key; "
                    "each id needs its own key."
                )
            seen[key] = key_id
        object.__setattr__(self, "keys", MappingProxyType(keys))
        object.__setattr__(self, "_fingerprint", frozenset(keys.values()))

    @classmethod
    def parse(cls, spec: str, *, source: str = DATA_KEYS_ENV) -> KeyRing:
        """Parse ``"k2025:<base64>,*k2026:<base64>"``: ``id:key`` entries, ``*`` marks current."""
        if not spec or not spec.strip():
            raise KeyRingError(
                f"{source} is empty; expected comma-separated 'id:base64key' entries with one "
                "marked current by a leading '*', e.g. '*k2026:<base64 of 32 bytes>'."
            )
        keys: dict[str, bytes] = {}
        current: list[str] = []
        for position, raw_entry in enumerate(spec.split(","), start=1):
            entry = raw_entry.strip()
            if not entry:
                raise KeyRingError(f"{source}: entry {position} is empty (stray comma?).")
            key_id, sep, key_text = entry.partition(":")
            if not sep:
                raise KeyRingError(
                    f"{source}: entry {position} has no ':'; expected 'id:base64key'."
                )
            key_id = key_id.strip()
            is_current = key_id.startswith("*")
            if is_current:
                key_id = key_id[1:].strip()
            if not _KEY_ID_RE.fullmatch(key_id):
                raise KeyRingError(
                    f"{source}: entry {position} has an invalid key id {key_id!r}; "
                    "use 1-32 letters, digits, '-' or '_'."
                )
            if key_id in keys:
                raise KeyRingError(f"{source}: key id {key_id!r} appears more than once.")
            keys[key_id] = _decode_key(key_text, what=f"{source}: key {key_id!r}")
            if is_current:
                current.append(key_id)
        if not current:
            raise KeyRingError(
                f"{source}: no current key; mark exactly one entry with a leading '*'."
            )
        if len(current) > 1:
            raise KeyRingError(
                f"{source}: {len(current)} keys are marked current ({', '.join(current)}); "
                "mark exactly one."
            )
        return cls(keys=keys, current_id=current[0])

    @property
    def current_key(self) -> bytes:
        return self.keys[self.current_id]

    def shares_material_with(self, key: bytes) -> bool:
        """Whether ``key`` is one of the data keys (the blind-index key must not be)."""
        return key in self._fingerprint

    def __repr__(self) -> str:
        ids = ", ".join(f"*{i}" if i == self.current_id else i for i in self.keys)
        return f"KeyRing({ids})"


def parse_blind_index_key(text: str, *, source: str = BLIND_INDEX_KEY_ENV) -> bytes:
    """Parse the blind-index key: base64 of exactly 32 bytes (SECURITY.md control 10)."""
    if not text or not text.strip():
        raise KeyRingError(f"{source} is empty; expected the base64 of a 32-byte key.")
    return _decode_key(text, what=source)


# --------------------------------------------------------------------------------------------------
# Blind-index normalisation.


class Purpose(StrEnum):
    """What a blind index is for; each purpose has its own normalisation and its own index space."""

    ID_NUMBER = "id_number"
    PHONE = "phone"
    EMAIL = "email"


def _nfkc_without_space(value: str) -> str:
    # NFKC folds full-width digits and letters ("１１０…Ｘ") typed on Chinese keyboards into ASCII.
    return "".join(ch for ch in unicodedata.normalize("NFKC", value) if not ch.isspace())


def _normalise_id_number(value: str) -> str:
    return _nfkc_without_space(value).upper()


def _normalise_phone(value: str) -> str:
    text = _nfkc_without_space(value)
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    if text.startswith("+") and digits.startswith("86"):
        return digits[2:]
    if digits.startswith("0086"):
        return digits[4:]
    if len(digits) == 13 and digits.startswith("861"):
        # "86 138 1234 5678" typed without the plus: a mainland mobile behind the country code.
        return digits[2:]
    return digits


def _normalise_email(value: str) -> str:
    # Addresses are compared without case, as mail systems and Django's password reset do.
    return _nfkc_without_space(value).casefold()


_NORMALISERS = {
    Purpose.ID_NUMBER: _normalise_id_number,
    Purpose.PHONE: _normalise_phone,
    Purpose.EMAIL: _normalise_email,
}


def normalise(value: str, *, purpose: Purpose | str) -> str:
    """Return the canonical form of ``value`` for ``purpose`` (the input of the blind index).

    * ID number: NFKC, every whitespace removed, upper case (so a trailing ``x`` becomes ``X``).
    * Phone: NFKC, digits only, a leading ``+86`` / ``0086`` (or ``86`` before an 11-digit mobile)
      removed.
    * E-mail: NFKC, every whitespace removed, case-folded.

    Raises ``ValueError`` when nothing is left, so that empty inputs never share one index.
    """
    purpose = Purpose(purpose)
    normaliser = _NORMALISERS[purpose]
    if not isinstance(value, str):
        raise TypeError(f"A blind index is computed from str, not {type(value).__name__}.")
    result = normaliser(value)
    if not result:
        raise ValueError(f"Nothing is left of the value after {purpose} normalisation.")
    return result


# --------------------------------------------------------------------------------------------------
# Tokens.


class _Parsed(NamedTuple):
    alg: str
    key_id: str
    header: str  # "v1.aes256gcm.<key_id>." -- authenticated as part of the AAD
    payload: bytes


def _parse(token: object) -> _Parsed:
    if not isinstance(token, str):
        raise NotAToken(f"Expected a str token, got {type(token).__name__}.")
    match = _TOKEN_RE.fullmatch(token)
    if match is None:
        _explain_malformed(token)
    header, alg, key_id, body = match.groups()
    try:
        payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise NotAToken("The token payload is not valid base64url.") from None
    # Only the canonical encoding is accepted, so that no two token strings carry the same payload
    # (otherwise flipping the unused low bits of the last character would go unnoticed).
    if _b64url(payload) != body:
        raise NotAToken("The token payload is not canonical base64url.")
    if len(payload) < _MIN_PAYLOAD:
        raise NotAToken("The token payload is too short.")
    return _Parsed(alg, key_id, header, payload)


def _explain_malformed(token: str) -> NoReturn:
    """Raise the most helpful error for a string that is not a well-formed v1 token."""
    parts = token.split(".")
    if len(parts) == 4 and _FUTURE_VERSION_RE.fullmatch(parts[0]):
        if parts[0] != _VERSION:
            raise UnsupportedAlgorithm("The token has a format version this build does not know.")
        if parts[1] != _ALG_AES256GCM and _ALG_NAME_RE.fullmatch(parts[1]):
            raise UnsupportedAlgorithm(
                "The token names an algorithm this build does not implement."
            )
    raise NotAToken("The value is not an encrypted token.")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _aad(header: str, context: str) -> bytes:
    return _AAD_DOMAIN + header.encode("ascii") + context.encode("utf-8")


def _check_context(context: object) -> str:
    if not isinstance(context, str) or not context:
        raise ValueError("A non-empty str context (table.column:row) is required.")
    return context


def looks_like_token(value: object) -> bool:
    """Whether ``value`` has the shape of a token (no key used, nothing authenticated).

    For coverage checks such as the yearly self-inspection (Regulation Art. 21(3)): a column that
    should hold ciphertext but holds a value for which this is false holds plaintext.
    """
    try:
        _parse(value)
    except DecryptionError:
        return False
    return True


def field_context(*, table: str, column: str, row_id: str | int) -> str:
    """Build the context ``"<table>.<column>:<row_id>"`` that binds a token to one cell.

    ``table`` is the logical table name (``"profiles.seeker"``); ``row_id`` must be stable for the
    life of the row (its primary key), because a token is readable only under the same context.
    """
    if not table or not column or ":" in table or ":" in column or "." in column:
        raise ValueError("table and column must be non-empty, with no ':' and no '.' in column.")
    row = str(row_id)
    if not row:
        raise ValueError("row_id must be non-empty.")
    return f"{table}.{column}:{row}"


class FieldCrypto:
    """Encrypts and decrypts field values and computes blind indexes (SECURITY.md controls 9, 10).

    Encryption is AES-256-GCM with a fresh 96-bit random nonce per value. With random nonces NIST SP
    800-38D limits one key to 2**32 encryptions; rotate the current key well before that.
    """

    __slots__ = ("_blind_index_key", "_ciphers", "keyring")

    def __init__(self, *, keyring: KeyRing, blind_index_key: bytes) -> None:
        if not isinstance(blind_index_key, bytes) or len(blind_index_key) != KEY_BYTES:
            raise KeyRingError(f"The blind-index key must be exactly {KEY_BYTES} bytes.")
        if keyring.shares_material_with(blind_index_key):
            raise KeyRingError(
                "The blind-index key is the same as a data key; it must be a separate key."
            )
        self.keyring = keyring
        self._blind_index_key = blind_index_key
        self._ciphers = {key_id: AESGCM(key) for key_id, key in keyring.keys.items()}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> FieldCrypto:
        """Build the engine from ``FAIRHIRE_DATA_KEYS`` and ``FAIRHIRE_BLIND_INDEX_KEY``."""
        env = os.environ if environ is None else environ
        return cls(
            keyring=KeyRing.parse(env.get(DATA_KEYS_ENV, "")),
            blind_index_key=parse_blind_index_key(env.get(BLIND_INDEX_KEY_ENV, "")),
        )

    def __repr__(self) -> str:
        return f"FieldCrypto({self.keyring!r})"

    # -- encryption ------------------------------------------------------------------------------

    def encrypt(self, value: str | bytes, *, context: str) -> str:
        """Encrypt ``value`` under the current key, bound to ``context`` (Regulation Art. 21(2)).

        ``value`` is text (ID number, phone, address...) or bytes (an uploaded identity image); the
        kind is recorded inside the ciphertext, and :meth:`decrypt` / :meth:`decrypt_bytes` return
        it unchanged.
        """
        _check_context(context)
        if isinstance(value, str):
            plaintext = _KIND_TEXT + value.encode("utf-8")
        elif isinstance(value, bytes | bytearray | memoryview):
            plaintext = _KIND_BYTES + bytes(value)
        else:
            raise TypeError(f"Only str or bytes can be encrypted, not {type(value).__name__}.")
        key_id = self.keyring.current_id
        header = f"{_VERSION}.{_CURRENT_ALG}.{key_id}."
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._ciphers[key_id].encrypt(nonce, plaintext, _aad(header, context))
        return header + _b64url(nonce + sealed)

    def _open(self, token: str, context: str) -> tuple[bytes, bytes]:
        _check_context(context)
        parsed = _parse(token)
        cipher = self._ciphers.get(parsed.key_id)
        if cipher is None:
            raise UnknownKeyId(f"The token's key id {parsed.key_id!r} is not in the key ring.")
        nonce, sealed = parsed.payload[:NONCE_BYTES], parsed.payload[NONCE_BYTES:]
        try:
            plaintext = cipher.decrypt(nonce, sealed, _aad(parsed.header, context))
        except InvalidTag:
            raise TamperedCiphertext(
                "The token failed authentication: it was altered, or belongs to another cell."
            ) from None
        kind, body = plaintext[:1], plaintext[1:]
        if kind not in (_KIND_TEXT, _KIND_BYTES):
            raise UnsupportedAlgorithm("The token holds a value kind this build does not know.")
        return kind, body

    def decrypt(self, token: str, *, context: str) -> str:
        """Return the text sealed in ``token`` for ``context``; raise rather than guess (control 9).

        Raises a :class:`DecryptionError` subclass when the token is plaintext or malformed
        (:class:`NotAToken`), of an unknown version or algorithm, under an unknown key id, altered
        or read under another context (:class:`TamperedCiphertext`), or holds bytes
        (:class:`WrongValueType`). It never returns its input or anybody else's value.
        """
        kind, body = self._open(token, context)
        if kind != _KIND_TEXT:
            raise WrongValueType("The token holds bytes; use decrypt_bytes().")
        return body.decode("utf-8")

    def decrypt_bytes(self, token: str, *, context: str) -> bytes:
        """Like :meth:`decrypt` for a token that holds bytes (an identity or licence image)."""
        kind, body = self._open(token, context)
        if kind != _KIND_BYTES:
            raise WrongValueType("The token holds text; use decrypt().")
        return body

    # -- rotation --------------------------------------------------------------------------------

    def needs_rotation(self, token: str) -> bool:
        """Whether ``token`` is not under the current key and algorithm (control 9, rotation).

        Only the header is read: nothing is decrypted or authenticated, so a token under an
        unknown key id answers ``True`` and :meth:`reencrypt` then raises :class:`UnknownKeyId`.
        A value that is not a token raises :class:`NotAToken`.
        """
        parsed = _parse(token)
        return parsed.key_id != self.keyring.current_id or parsed.alg != _CURRENT_ALG

    def reencrypt(self, token: str, *, context: str) -> str:
        """Decrypt ``token`` (authenticating it) and encrypt the value again under the current key.

        Always yields a fresh token, even when the key was already current; callers that want to
        skip those ask :meth:`needs_rotation` first.
        """
        kind, body = self._open(token, context)
        value: str | bytes = body.decode("utf-8") if kind == _KIND_TEXT else body
        return self.encrypt(value, context=context)

    # -- blind index -----------------------------------------------------------------------------

    def blind_index(self, value: str, *, purpose: Purpose | str) -> str:
        """Return the blind index of ``value``: 64 hex digits (SECURITY.md control 10).

        HMAC-SHA256 under the blind-index key of ``purpose || 0x00 || normalise(value, purpose)``.
        The same person typed differently gives the same index, so the index finds and
        de-duplicates people (one person, one account) without decrypting anything; the purpose
        prefix keeps ID-number and phone indexes apart. Without the key the index cannot be
        recomputed, unlike a plain hash of an 18-character ID number, which can be brute-forced.
        """
        purpose = Purpose(purpose)
        canonical = normalise(value, purpose=purpose)
        message = purpose.value.encode("ascii") + b"\x00" + canonical.encode("utf-8")
        return hmac.digest(self._blind_index_key, message, "sha256").hex()


# --------------------------------------------------------------------------------------------------
# A process-wide engine built lazily from the environment, for callers without one at hand.

_default_engine: FieldCrypto | None = None
_default_lock = threading.Lock()


def default_engine() -> FieldCrypto:
    """Return the process-wide engine, built from the environment on first use."""
    global _default_engine
    engine = _default_engine
    if engine is None:
        with _default_lock:
            if _default_engine is None:
                _default_engine = FieldCrypto.from_env()
            engine = _default_engine
    return engine


def configure(engine: FieldCrypto | None) -> None:
    """Install ``engine`` process-wide; ``None`` makes the next use read the environment again."""
    global _default_engine
    with _default_lock:
        _default_engine = engine


def encrypt(value: str | bytes, *, context: str) -> str:
    """:meth:`FieldCrypto.encrypt` with the process-wide engine."""
    return default_engine().encrypt(value, context=context)


def decrypt(token: str, *, context: str) -> str:
    """:meth:`FieldCrypto.decrypt` with the process-wide engine."""
    return default_engine().decrypt(token, context=context)


def decrypt_bytes(token: str, *, context: str) -> bytes:
    """:meth:`FieldCrypto.decrypt_bytes` with the process-wide engine."""
    return default_engine().decrypt_bytes(token, context=context)


def needs_rotation(token: str) -> bool:
    """:meth:`FieldCrypto.needs_rotation` with the process-wide engine."""
    return default_engine().needs_rotation(token)


def reencrypt(token: str, *, context: str) -> str:
    """:meth:`FieldCrypto.reencrypt` with the process-wide engine."""
    return default_engine().reencrypt(token, context=context)


def blind_index(value: str, *, purpose: Purpose | str) -> str:
    """:meth:`FieldCrypto.blind_index` with the process-wide engine."""
    return default_engine().blind_index(value, purpose=purpose)


# --------------------------------------------------------------------------------------------------
# Masking (SECURITY.md control 12, Regulation Art. 21(2)). Pure functions of str, no keys: odd text
# is masked whole rather than rejected, and the input is never returned unmasked.

_MASK = "*"
_MIN_HIDDEN = 4

# Two-character (复姓) surnames kept whole when masking a name of three or more characters.
_COMPOUND_SURNAMES = frozenset(
    """
    欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 轩辕 端木 独孤 南宫
    西门 呼延 百里 东郭 闻人 万俟 澹台 公冶 太史 申屠 钟离 赫连 拓跋 第五 濮阳 淳于 单于 太叔
    仲孙 司空 亓官 司寇 子车 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 宰父 谷梁 段干 梁丘 左丘 东门
    羊舌 微生 公羊 南门 归海 闾丘 鲜于 完颜
    """.split()
)


def _mask_middle(text: str, *, head: int, tail: int) -> str:
    # Keep `head` and `tail` characters only when at least _MIN_HIDDEN are hidden between them;
    # anything shorter is masked whole, length preserved.
    if len(text) < head + tail + _MIN_HIDDEN:
        return _MASK * len(text)
    return text[:head] + _MASK * (len(text) - head - tail) + text[len(text) - tail :]


def mask_id_number(value: str) -> str:
    """Mask an ID number: first 3 and last 4 characters kept, the rest ``*``, length preserved.

    ``"11010519491231002X"`` → ``"110***********002X"`` (3 + 11 + 4). The value is normalised
    first (spaces removed, ``x`` → ``X``). Values under 11 characters are masked whole.
    """
    return _mask_middle(_normalise_id_number(value), head=3, tail=4)


def mask_phone(value: str) -> str:
    """Mask a phone number: first 3 and last 4 digits kept, the rest ``*``, length preserved.

    ``"13812345678"`` and ``"+86 138-1234-5678"`` → ``"138****5678"``. Formatting and a leading
    ``+86`` are dropped first; numbers under 11 digits are masked whole.
    """
    return _mask_middle(_normalise_phone(value), head=3, tail=4)


def mask_email(value: str) -> str:
    """Mask an e-mail address: first character of the local part, then ``***``, domain kept.

    ``"zhang.san@example.com"`` → ``"z***@example.com"``. The stars are fixed in number so the
    length of the local part is not revealed. Anything without a local part and a domain is
    returned as ``"***"``.
    """
    local, sep, domain = value.strip().rpartition("@")
    if not sep or not local or not domain:
        return "***"
    return f"{local[0]}***@{domain}"


def mask_name(value: str) -> str:
    """Mask a person's name: the surname kept, every other character ``*``, length preserved.

    ``"张三"`` → ``"张*"``, ``"张三丰"`` → ``"张**"``, ``"欧阳娜娜"`` → ``"欧阳**"``. A known
    two-character surname (复姓) is kept whole only when the name has at least three characters, so
    a two-character name never shows in full. Other names (``"买买提·艾力"``, ``"John Smith"``) keep
    their first character only. A one-character name becomes ``"*"``.
    """
    name = value.strip()
    if len(name) <= 1:
        return _MASK * len(name)
    keep = 2 if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES else 1
    return name[:keep] + _MASK * (len(name) - keep)
