"""Ledger test data, written through the real services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fairhire.ledger.services import ObjectRef, Record, ledger_append_many

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def application_ref(n: int) -> ObjectRef:
    return ObjectRef("applications", "application", str(n))


def append_entries(count: int, *, now: datetime = NOW, start: int = 0, personal: bool = True):
    """``count`` application-state records, one a minute, each about its own application."""
    entries = []
    for i in range(start, start + count):
        payload = {"state": "submitted", "n": i, "seeker_name": f"enc:v1:姓名{i}"}
        entries += ledger_append_many(
            records=[Record("applications.state_changed", application_ref(i), payload,
                            ("seeker_name",) if personal else ())],
            now=now + timedelta(minutes=i))
    return entries
