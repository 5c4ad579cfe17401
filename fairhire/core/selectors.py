from __future__ import annotations

import uuid

from django.utils.translation import gettext as _

from fairhire.core.errors import NotFound
from fairhire.core.models import TaskProgress


def task_progress_get(*, actor, progress_id: uuid.UUID) -> TaskProgress:
    """A task's progress, visible to the person who started it only (others get 404)."""
    progress = TaskProgress.objects.filter(pk=progress_id).first()
    if progress is None or actor is None or progress.owner_id != getattr(actor, "pk", None):
        raise NotFound(_("未找到该任务。"), code="tasks.not_found")
    return progress
