"""Signed tree heads (checkpoints) and witness co-signatures: Ed25519, no Django.

A checkpoint says "the log had ``size`` entries and root ``root`` at ``time``", signed by the log's
key. A witness -- a separate party with its own key, for example run by the regulator -- co-signs a
checkpoint only after checking that it extends the last one it saw (SECURITY.md control 20), so a
log that rewrote history must either show the witness a fork (refused) or stop getting
co-signatures (noticed).

The signed bytes are a short text, in the spirit of the C2SP "checkpoint" format::

    fairhire.ledger/v1          <- origin
    1234                        <- tree size
    <base64 root hash>
    2026-11-25T15:31:38Z        <- time of signing, UTC

A co-signature signs ``fairhire.cosignature/v1\\ntime <witness time>\\n`` followed by those bytes,
so a witness signature can never be replayed as a log signature or the other way round.

Private keys are 32-byte Ed25519 seeds in URL-safe base64, public keys 32 raw bytes in base64;
a key is named by its *key id*, the first 8 bytes of the SHA-256 of its raw public key, in hex.
This module is used by the Django app, the witness and the offline verifier alike.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fairhire.ledger.merkle import HASH_SIZE

ORIGIN = "fairhire.ledger/v1"
COSIGNATURE_PREFIX = "fairhire.cosignature/v1"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class SignatureError(Exception):
    """A checkpoint or co-signature is malformed or its signature does not verify."""


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> datetime:
    try:
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise SignatureError(f"bad time {text!r}; expected {TIME_FORMAT}") from None


# ------------------------------------------------------------------------------------------ keys


def private_key_from_text(text: str) -> Ed25519PrivateKey:
    """Load a private key from the URL-safe base64 of its 32-byte seed (as settings hold it)."""
    text = text.strip()
    try:
        seed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise SignatureError("the private key is not valid base64") from None
    if len(seed) != 32:
        raise SignatureError("an Ed25519 private key is a 32-byte seed")
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_from_text(text: str) -> Ed25519PublicKey:
    raw = _b64decode(text.strip(), "public key")
    if len(raw) != 32:
        raise SignatureError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def public_key_text(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return base64.b64encode(key.public_bytes_raw()).decode()


def key_id(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return hashlib.sha256(key.public_bytes_raw()).digest()[:8].hex()


# ----------------------------------------------------------------------------------- checkpoints


@dataclass(frozen=True)
class TreeHead:
    size: int
    root: bytes
    time: datetime

    def body(self) -> bytes:
        """The exact bytes the log signs."""
        root = base64.b64encode(self.root).decode()
        return f"{ORIGIN}\n{self.size}\n{root}\n{format_time(self.time)}\n".encode()

    @classmethod
    def parse(cls, body: bytes | str) -> TreeHead:
        text = body.decode() if isinstance(body, bytes) else body
        lines = text.split("\n")
        if len(lines) != 5 or lines[4] != "" or lines[0] != ORIGIN:
            raise SignatureError(f"not a {ORIGIN} checkpoint")
        if not lines[1].isdigit():
            raise SignatureError("the tree size is not a number")
        root = _b64decode(lines[2], "root")
        if len(root) != HASH_SIZE:
            raise SignatureError("the root is not a SHA-256 hash")
        head = cls(size=int(lines[1]), root=root, time=parse_time(lines[3]))
        if head.body() != text.encode():
            raise SignatureError("the checkpoint is not in canonical form")
        return head


def sign_tree_head(head: TreeHead, key: Ed25519PrivateKey) -> str:
    """Return the base64 Ed25519 signature of the checkpoint body."""
    return base64.b64encode(key.sign(head.body())).decode()


def verify_tree_head(head: TreeHead, signature: str, key: Ed25519PublicKey) -> None:
    _verify(key, signature, head.body(), "the checkpoint's signature")


def cosignature_message(head: TreeHead, witness_time: datetime) -> bytes:
    return f"{COSIGNATURE_PREFIX}\ntime {format_time(witness_time)}\n".encode() + head.body()


def cosign_tree_head(head: TreeHead, key: Ed25519PrivateKey, *, witness_time: datetime) -> str:
    return base64.b64encode(key.sign(cosignature_message(head, witness_time))).decode()


def verify_cosignature(head: TreeHead, signature: str, key: Ed25519PublicKey, *,
                       witness_time: datetime) -> None:
    _verify(key, signature, cosignature_message(head, witness_time), "the witness co-signature")


def _verify(key: Ed25519PublicKey, signature: str, message: bytes, what: str) -> None:
    raw = _b64decode(signature, what)
    try:
        key.verify(raw, message)
    except InvalidSignature:
        raise SignatureError(f"{what} does not verify") from None


def _b64decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(f"the {what} is not valid base64") from None
