from __future__ import annotations

from django_tasks import task

from fairhire.postings.services import postings_freshness_sweep


@task()
def postings_freshness_task() -> dict[str, int]:
    """Daily: expire stale postings and ask employers to confirm those about to expire."""
    return postings_freshness_sweep()
