"""Key rotation: re-encrypt every sealed column under the current data key (SECURITY.md 9).

Rotation is: add a new key to ``FAIRHIRE_DATA_KEYS`` and mark it current, run
``manage.py rotate_data_keys``, wait for the task to finish, then remove the old key.
"""

from __future__ import annotations

import os
import uuid
from datetime import datetime
from pathlib import Path

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
from fairhire.privacy.sealed import external_columns, file_stores, sealed_models

BATCH = 200


def data_keys_seen(*, now: datetime | None = None) -> None:
    """Remember when each key id of the ring was first seen (the self-inspection's key ages)."""
    now = now or timezone.now()
    for key_id in crypto.default_engine().keyring.keys:
        DataKeyRecord.objects.get_or_create(key_id=key_id, defaults={"first_seen_at": now})


def _row_count() -> int:
    """Rows and files the rotation walks, for its progress bar."""
    rows = sum(model.objects.count() for model in sealed_models())
    rows += sum(column.model_class().objects.count() for column in external_columns())
    return rows + sum(sum(1 for _f in files()) for files in file_stores().values())


def _rotate_file(engine: crypto.FieldCrypto, context: str, path: Path) -> int:
    """Re-encrypt one encrypted file in place: written beside it, then renamed over it, so a
    reader sees the old token or the new one, never half of one."""
    token = path.read_text(encoding="ascii")
    if not engine.needs_rotation(token):
        return 0
    fresh = engine.reencrypt(token, context=context)
    temporary = path.with_name(f".{path.name}.rotating")
    temporary.write_text(fresh, encoding="ascii")
    temporary.chmod(0o600)
    os.replace(temporary, path)
    return 1


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
    """Re-encrypt every token not under the current key -- sealed columns, the columns and
    files other apps registered (``privacy.sealed``) -- and return how many changed.

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
        # Encrypted columns of apps that use the engine directly, and encrypted files.
        for column in external_columns():
            model = column.model_class()
            rows = model.objects.order_by("pk").values_list("pk", column.field)
            for pk, token in rows.iterator(chunk_size=BATCH):
                if token and engine.needs_rotation(token):
                    fresh = engine.reencrypt(token, context=column.context(pk))
                    changed += model.objects.filter(pk=pk, **{column.field: token}).update(
                        **{column.field: fresh})
                pending += 1
                if pending == BATCH:
                    progress_advance(progress_id=progress.pk, by=pending)
                    pending = 0
        for files in file_stores().values():
            for context, path in files():
                changed += _rotate_file(engine, context, path)
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
