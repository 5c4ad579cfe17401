"""What a ledger entry's Merkle leaf commits to, and how a payload is redacted; no Django.

The leaf is ``SHA-256(0x00 || canonical_json(header))`` where the header names the entry's kind,
the object it is about, its time, which top-level payload keys hold personal data, and the SHA-256
of the canonical payload -- not the payload itself. So a payload can later be redacted at the end
of its retention period (Regulation Art. 26; PIPL Art. 47) without breaking the tree: the leaf
still proves what the payload's hash was, and the redaction entry proves what was erased and the
hash of what is left.

The sequence number is *not* in the header: the tree position already binds it, and leaving it out
lets the verifier recognise an entry that was moved, so it can say "inserted" or "reordered"
instead of "everything after this point changed".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from fairhire.ledger.merkle import leaf_hash

HEADER_VERSION = 1
REDACTED = "[redacted]"
REDACTION_KIND = "ledger.redaction"
RETENTION_KIND = "ledger.retention_set"


def object_ref(app_label: str, model: str, pk: str) -> str:
    """``orgs.organisation:42``: app label and model name never contain ``:``."""
    return f"{app_label}.{model}:{pk}"


def payload_digest(payload_text: str) -> str:
    """SHA-256 (hex) of a payload's stored canonical JSON text."""
    return hashlib.sha256(payload_text.encode("utf-8")).hexdigest()


def leaf_input(*, kind: str, obj: str, time: str, payload_sha256: str,
               personal: Sequence[str]) -> bytes:
    """``canonical_json`` of the header, by a shorter road: every value is a str, an int or a
    list of str and every key ASCII, so ``json.dumps`` with sorted keys gives the same bytes
    (RFC 8785 order equals code-point order for ASCII keys; a lone surrogate still fails, in
    ``encode``). Appends and verification hash a million of these."""
    header = {"v": HEADER_VERSION, "kind": str(kind), "object": str(obj), "time": str(time),
              "payload_sha256": str(payload_sha256), "personal": sorted(map(str, personal))}
    return json.dumps(header, ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True).encode("utf-8")


def entry_leaf_hash(*, kind: str, obj: str, time: str, payload_sha256: str,
                    personal: Sequence[str]) -> bytes:
    return leaf_hash(leaf_input(kind=kind, obj=obj, time=time, payload_sha256=payload_sha256,
                                personal=personal))


def redact(payload: Mapping[str, object], personal: Sequence[str]) -> dict[str, object]:
    """The payload with every declared personal key replaced by a marker (kept, so the shape of
    the record stays visible)."""
    return {key: (REDACTED if key in personal else value) for key, value in payload.items()}
