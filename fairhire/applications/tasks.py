"""Background work of the applications app: the daily sweep (expiry of unanswered
applications, interview reminders for the next day).

The project has no scheduler, so the daily task puts its own next run on the queue
(``run_after``) unless a run is already waiting, as ``postings.tasks`` does;
``manage.py applications_schedule`` starts the chain once.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from fairhire.applications.services import applications_daily_sweep


@task()
def applications_daily_task() -> dict[str, int]:
    counts = applications_daily_sweep()
    applications_schedule()
    return counts


def next_daily_run(*, now: datetime | None = None) -> datetime:
    """The next ``APPLICATIONS_SWEEP_HOUR`` o'clock (local time, default 08:00) after ``now``."""
    now = timezone.localtime(now or timezone.now())
    run = timezone.make_aware(datetime.combine(now.date(), time(settings.APPLICATIONS_SWEEP_HOUR)),
                              now.tzinfo)
    return run if run > now else run + timedelta(days=1)


def applications_schedule(*, now: datetime | None = None) -> bool:
    """Queue the next daily run unless one is already waiting; True if one was queued."""
    waiting = DBTaskResult.objects.filter(task_path=applications_daily_task.module_path,
                                          status=TaskResultStatus.READY).exists()
    if waiting:
        return False
    applications_daily_task.using(run_after=next_daily_run(now=now)).enqueue()
    return True
