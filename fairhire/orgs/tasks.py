from __future__ import annotations

from django_tasks import task

from fairhire.orgs.services import organisations_reverify


@task()
def organisations_reverify_task() -> dict[str, int]:
    """Daily: licence-expiry notices and suspensions, re-verification due, terminations."""
    return organisations_reverify()
