"""Background work of the search app.

``search_outbox_task`` runs on the "search" queue, which ``scripts/run.sh`` serves with its own
worker polling every half second, so a change reaches the index within about a second of
commit even while the default worker is busy. The daily alerts re-queue themselves like
``postings.tasks``; ``manage.py search_schedule`` starts the chain.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from fairhire.search.services import (
    saved_search_alerts,
    search_outbox_apply,
    search_outbox_purge,
)


@task(queue_name="search")
def search_outbox_task() -> int:
    """Apply every pending index change (one run catches up with all of them)."""
    return search_outbox_apply()


@task()
def search_daily_task() -> dict[str, int]:
    counts = {"alerts": saved_search_alerts(), "purged": search_outbox_purge()}
    search_daily_schedule()
    return counts


def next_daily_run(*, now: datetime | None = None) -> datetime:
    now = timezone.localtime(now or timezone.now())
    run = timezone.make_aware(datetime.combine(now.date(), time(settings.SEARCH_ALERT_HOUR)),
                              now.tzinfo)
    return run if run > now else run + timedelta(days=1)


def search_daily_schedule(*, now: datetime | None = None) -> bool:
    """Queue the next daily run unless one is already waiting; True if one was queued."""
    if DBTaskResult.objects.filter(task_path=search_daily_task.module_path,
                                   status=TaskResultStatus.READY).exists():
        return False
    search_daily_task.using(run_after=next_daily_run(now=now)).enqueue()
    return True
