"""Background work of the organisations app: the daily re-verification run.

The project has no scheduler, so the daily task puts its own next run on the queue
(``run_after``) unless a run is already waiting, as the ledger's periodic task does;
``manage.py orgs_schedule`` starts the chain once.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from fairhire.orgs.services import organisations_reverify


@task()
def organisations_reverify_task() -> dict[str, int]:
    """Daily: licence-expiry notices and suspensions, re-verification due, terminations."""
    counts = organisations_reverify()
    organisations_reverify_schedule()
    return counts


def next_daily_run(*, now: datetime | None = None) -> datetime:
    """The next ``ORGS_REVERIFY_HOUR`` o'clock (local time, default 02:00) after ``now``."""
    now = timezone.localtime(now or timezone.now())
    hour = int(getattr(settings, "ORGS_REVERIFY_HOUR", 2))
    run = timezone.make_aware(datetime.combine(now.date(), time(hour)), now.tzinfo)
    return run if run > now else run + timedelta(days=1)


def organisations_reverify_schedule(*, now: datetime | None = None) -> bool:
    """Queue the next daily run unless one is already waiting; True if one was queued."""
    waiting = DBTaskResult.objects.filter(
        task_path=organisations_reverify_task.module_path,
        status=TaskResultStatus.READY,
    ).exists()
    if waiting:
        return False
    organisations_reverify_task.using(run_after=next_daily_run(now=now)).enqueue()
    return True
