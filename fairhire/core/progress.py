"""Progress records for long background work; pages draw them as a progress bar.

A task creates nothing itself: the service that enqueues it creates the record (so the page can
show "queued" at once), and the task reports through ``progress_advance`` and ``progress_finish``.
Updates are single-row UPDATEs outside any long transaction, so a page polling the record sees
them while the task runs.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import RuleViolation
from fairhire.core.models import TaskProgress
from fairhire.core.selectors import task_progress_get


def progress_create(*, kind: str, label: str, owner, total: int = 0) -> TaskProgress:
    return TaskProgress.objects.create(kind=kind, label=label, owner=owner, total=total)


def progress_advance(*, progress_id: uuid.UUID, by: int = 1, total: int | None = None,
                     message: str | None = None) -> None:
    changes: dict[str, object] = {"done": F("done") + by, "status": TaskProgress.Status.RUNNING,
                                  "updated_at": timezone.now()}
    if total is not None:
        changes["total"] = total
    if message is not None:
        changes["message"] = message[:400]
    TaskProgress.objects.filter(pk=progress_id).update(**changes)


def progress_finish(*, progress_id: uuid.UUID, ok: bool, message: str = "",
                    result_path: str = "") -> None:
    status = TaskProgress.Status.SUCCEEDED if ok else TaskProgress.Status.FAILED
    TaskProgress.objects.filter(pk=progress_id).update(
        status=status, message=message[:400], result_path=result_path,
        updated_at=timezone.now())


@transaction.atomic
def task_result_download(*, actor, progress_id: uuid.UUID) -> Path:
    """The file a finished task produced, for the person who started it; downloads are audited
    (SECURITY.md control 18: exports and downloads)."""
    progress = task_progress_get(actor=actor, progress_id=progress_id)
    if progress.status != TaskProgress.Status.SUCCEEDED or not progress.result_path:
        raise RuleViolation(_("任务尚未完成。"), code="tasks.not_finished")
    audit_record(action=AuditAction.EXPORT_DOWNLOADED, actor=actor, target=progress)
    return Path(progress.result_path)
