"""Appending records to the ledger (Regulation Arts 24, 26; R24.2)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import connection, models, transaction
from django.utils import timezone

from fairhire.ledger.leaves import entry_leaf_hash, object_ref, payload_digest
from fairhire.ledger.merkle import MerkleLog, canonical_json
from fairhire.ledger.models import Entry, LogHead
from fairhire.ledger.store import DatabaseNodeStore

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True)
class ObjectRef:
    """What an entry is about, when it is not a model instance (or no longer exists)."""

    app_label: str
    model: str
    pk: str

    @classmethod
    def of(cls, obj: models.Model | ObjectRef) -> ObjectRef:
        if isinstance(obj, ObjectRef):
            return obj
        if obj.pk is None:
            raise ValueError("a ledger entry needs a saved object")
        return cls(obj._meta.app_label, obj._meta.model_name, str(obj.pk))

    def __str__(self) -> str:
        return object_ref(self.app_label, self.model, self.pk)


@dataclass(frozen=True)
class Record:
    """One record for :func:`ledger_append_many`."""

    kind: str
    obj: models.Model | ObjectRef
    payload: Mapping[str, object]
    personal: Sequence[str] = field(default=())


def entry_time(moment: datetime) -> str:
    """How an entry's time enters its leaf: UTC, microseconds, as the database stores it."""
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def entry_leaf(entry: Entry) -> bytes:
    """Recompute an entry row's Merkle leaf hash from its columns."""
    return entry_leaf_hash(kind=entry.kind, obj=entry.object, time=entry_time(entry.recorded_at),
                           payload_sha256=entry.payload_sha256, personal=entry.personal)


def ledger_append(*, kind: str, obj: models.Model | ObjectRef, payload: Mapping[str, object],
                  personal: Sequence[str] = (), now: datetime | None = None) -> Entry:
    """Add one record to the ledger, in the caller's transaction (Regulation Art. 26).

    Call it in the same transaction as the change it records, so the change and its evidence
    commit or roll back together. ``payload`` is the record as stored, as JSON types without
    floats (``merkle.canonical_json``); personal information in it stays encrypted. ``personal``
    names the top-level payload keys that hold personal data: they are erased when the record's
    retention period ends (``retention_erase_due``).
    """
    return ledger_append_many(records=[Record(kind, obj, payload, personal)], now=now)[0]


@transaction.atomic
def ledger_append_many(*, records: Sequence[Record], now: datetime | None = None) -> list[Entry]:
    """Add records in order: one lock, one tree update, one bulk insert per table.

    The inserts are plain ``executemany`` rather than ``bulk_create``: the ORM's per-row work was
    half the cost of an append, and these rows are written once and never read back here.
    """
    if not records:
        return []
    now = now or timezone.now()
    # Appends read the tree's right edge before writing it: one at a time (merkle.NodeStore).
    head = LogHead.objects.select_for_update().get(pk=1)
    time_text = entry_time(now)
    entries: list[Entry] = []
    texts: list[str] = []
    for position, record in enumerate(records, start=head.size):
        if not record.kind or len(record.kind) > 64:
            raise ValueError("an entry kind is 1-64 characters")
        personal = sorted(set(record.personal))
        missing = [key for key in personal if key not in record.payload]
        if missing:
            raise ValueError(f"personal keys {missing} are not in the payload")
        text = canonical_json(record.payload).decode("utf-8")
        ref = ObjectRef.of(record.obj)
        digest = payload_digest(text)
        leaf = entry_leaf_hash(kind=record.kind, obj=str(ref), time=time_text,
                               payload_sha256=digest, personal=personal)
        entries.append(Entry(seq=position, kind=record.kind, object_app=ref.app_label,
                             object_model=ref.model, object_pk=ref.pk, recorded_at=now,
                             personal=personal, payload_sha256=digest, leaf_hash=leaf.hex()))
        texts.append(text)
    MerkleLog(DatabaseNodeStore(size=head.size)).extend_leaf_hashes(
        bytes.fromhex(entry.leaf_hash) for entry in entries)
    recorded_at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO ledger_entry (seq, kind, object_app, object_model, object_pk, "
            "recorded_at, personal, payload_sha256, leaf_hash) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(e.seq, e.kind, e.object_app, e.object_model, e.object_pk, recorded_at,
              json.dumps(e.personal), e.payload_sha256, e.leaf_hash) for e in entries])
        cursor.executemany("INSERT INTO ledger_entrypayload (entry_id, text) VALUES (%s, %s)",
                           [(e.seq, text) for e, text in zip(entries, texts, strict=True)])
    for entry in entries:
        entry._state.adding = False  # saved, as if they came from the database
    return entries
