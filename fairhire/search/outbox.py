"""The one way other apps tell search that something changed (STYLE.md habit 5).

``outbox_record`` writes an ``OutboxEntry`` in the caller's transaction and, on commit, queues
the worker task; nothing here imports another app, so postings, orgs and profiles can call it
without import cycles.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from fairhire.search.models import OutboxEntry


def outbox_record(*, kind: str, object_id: int) -> None:
    OutboxEntry.objects.create(kind=OutboxEntry.Kind(kind), object_id=object_id,
                               created_at=timezone.now())

    def wake() -> None:
        from fairhire.search.tasks import search_outbox_task

        search_outbox_task.enqueue()

    transaction.on_commit(wake)
