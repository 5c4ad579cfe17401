"""Background work of the ledger: periodic checkpoints and the end-of-retention erasure.

The project has no scheduler, so the periodic task puts its own next run on the queue
(``run_after``), unless a run is already waiting; ``manage.py ledger_checkpoint --schedule``
starts the chain once (cron running ``ledger_checkpoint --if-grown`` works as well).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from fairhire.ledger.services import checkpoint_sign, retention_erase_due


@task()
def ledger_checkpoint_task() -> int | None:
    """Sign a checkpoint now if the log grew; returns its size."""
    checkpoint = checkpoint_sign(only_if_grown=True)
    return checkpoint.size if checkpoint else None


@task()
def retention_erase_due_task() -> int:
    """Erase personal data whose retention period ended; returns how many entries."""
    return retention_erase_due()


@task()
def ledger_periodic_task() -> dict[str, int | None]:
    """Every ``LEDGER_CHECKPOINT_MINUTES``: checkpoint, erase what is due, and schedule itself."""
    checkpoint = checkpoint_sign(only_if_grown=True)
    erased = retention_erase_due()
    ledger_periodic_schedule()
    return {"checkpoint_size": checkpoint.size if checkpoint else None, "erased": erased}


def ledger_periodic_schedule() -> bool:
    """Queue the next periodic run unless one is already waiting; True if one was queued."""
    waiting = DBTaskResult.objects.filter(
        task_path=ledger_periodic_task.module_path,
        status=TaskResultStatus.READY,
    ).exists()
    if waiting:
        return False
    run_after = timezone.now() + timedelta(minutes=settings.LEDGER_CHECKPOINT_MINUTES)
    ledger_periodic_task.using(run_after=run_after).enqueue()
    return True
