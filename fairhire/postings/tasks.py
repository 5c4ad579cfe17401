"""Background work of the postings app: the daily freshness sweep and bulk import.

The project has no scheduler, so the daily task puts its own next run on the queue
(``run_after``) unless a run is already waiting, as ``orgs.tasks`` does;
``manage.py postings_schedule`` starts the chain once.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from fairhire.postings.services import posting_import_run, postings_freshness_sweep


@task()
def postings_freshness_task() -> dict[str, int]:
    """Daily: expire stale postings and ask employers to confirm those about to expire."""
    counts = postings_freshness_sweep()
    postings_freshness_schedule()
    return counts


def next_daily_run(*, now: datetime | None = None) -> datetime:
    """The next ``POSTINGS_FRESHNESS_HOUR`` o'clock (local time, default 03:00) after ``now``."""
    now = timezone.localtime(now or timezone.now())
    hour = int(getattr(settings, "POSTINGS_FRESHNESS_HOUR", 3))
    run = timezone.make_aware(datetime.combine(now.date(), time(hour)), now.tzinfo)
    return run if run > now else run + timedelta(days=1)


def postings_freshness_schedule(*, now: datetime | None = None) -> bool:
    """Queue the next daily run unless one is already waiting; True if one was queued."""
    waiting = DBTaskResult.objects.filter(
        task_path=postings_freshness_task.module_path,
        status=TaskResultStatus.READY,
    ).exists()
    if waiting:
        return False
    postings_freshness_task.using(run_after=next_daily_run(now=now)).enqueue()
    return True


@task()
def posting_import_task(*, progress_id: str, actor_id: int, employer_id: int | None = None) -> str:
    """Bulk import: one posting per CSV or Excel row, through the same services as by hand."""
    return str(posting_import_run(progress_id=progress_id, actor_id=actor_id,
                                  employer_id=employer_id))
