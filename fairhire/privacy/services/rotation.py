"""Key rotation: re-encrypt every sealed column under the current data key (SECURITY.md 9).

Rotation is: add a new key to ``FAIRHIRE_DATA_KEYS`` and mark it current, run
``manage.py rotate_data_keys``, wait for the task to finish, then remove the old key.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import PermissionDenied
from fairhire.core.models import TaskProgress
from fairhire.core.progress import progress_advance, progress_create, progress_finish
from fairhire.privacy import crypto
from fairhire.privacy.models import DataKeyRecord
from fairhire.privacy.policies import can_rotate_data_keys
from fairhire.privacy.sealed import sealed_models

BATCH = 200


def data_keys_seen(*, now: datetime | None = None) -> None:
    """Remember when each key id of the ring was first seen (the self-inspection's key ages)."""
    now = now or timezone.now()
    for key_id in crypto.default_engine().keyring.keys:
        DataKeyRecord.objects.get_or_create(key_id=key_id, defaults={"first_seen_at": now})


def _row_count() -> int:
    return sum(model.objects.count() for model in sealed_models())


@transaction.atomic
def data_keys_rotate_start(*, actor, now: datetime | None = None) -> TaskProgress:
    """Queue the re-encryption of every sealed column; the task reports its progress."""
    from fairhire.privacy.tasks import rotate_data_keys_task

    if not can_rotate_data_keys(actor=actor):
        raise PermissionDenied(_("只有系统管理员可以轮换密钥。"), code="privacy.not_system_admin")
    data_keys_seen(now=now)
    progress = progress_create(kind="privacy.rotate_data_keys", label=_("轮换个人信息加密密钥"),
                               owner=actor, total=_row_count())
    transaction.on_commit(lambda: rotate_data_keys_task.enqueue(progress_id=str(progress.pk)))
    return progress


def data_keys_rotate_run(*, progress_id: uuid.UUID | str, now: datetime | None = None) -> int:
    """Re-encrypt every token not under the current key; returns how many cells changed.

    Each row is updated only if its tokens are still the ones read, so a value a person changed
    meanwhile (already under the current key) is never overwritten with an older one. A token
    that fails to decrypt stops the run: it is reported, never skipped silently.
    """
    engine = crypto.default_engine()
    progress = TaskProgress.objects.get(pk=progress_id)
    changed = 0
    pending = 0
    try:
        for model in sealed_models():
            columns = model.SEALED_FIELDS
            rows = model.objects.order_by("pk").values_list("pk", "pii_id", *columns)
            chunk = getattr(model, "SEALED_BATCH", BATCH)  # smaller for image columns
            for pk, pii_id, *tokens in rows.iterator(chunk_size=chunk):
                old, new = {}, {}
                for column, token in zip(columns, tokens, strict=True):
                    if token and engine.needs_rotation(token):
                        context = model.sealed_context(column=column, pii_id=pii_id)
                        old[column] = token
                        new[column] = engine.reencrypt(token, context=context)
                if new:
                    changed += model.objects.filter(pk=pk, **old).update(**new) * len(new)
                pending += 1
                if pending == BATCH:
                    progress_advance(progress_id=progress.pk, by=pending)
                    pending = 0
    except crypto.DecryptionError as exc:
        progress_finish(progress_id=progress.pk, ok=False, message=f"{type(exc).__name__}: {exc}")
        raise
    progress_advance(progress_id=progress.pk, by=pending)
    now = now or timezone.now()
    with transaction.atomic():
        DataKeyRecord.objects.update_or_create(
            key_id=engine.keyring.current_id,
            defaults={"last_rotation_at": now}, create_defaults={"first_seen_at": now,
                                                                  "last_rotation_at": now})
        audit_record(action=AuditAction.DATA_KEYS_ROTATED, actor=progress.owner,
                     details={"current_key": engine.keyring.current_id, "cells": changed},
                     now=now)
    progress_finish(progress_id=progress.pk, ok=True,
                    message=_("已重新加密 %(n)d 个字段。") % {"n": changed})
    return changed
