from __future__ import annotations

from django_tasks import task

from fairhire.accounts.services import audit_export_run


@task()
def audit_export_task(*, progress_id: str, actor_id: int, filters: dict[str, str]) -> str:
    return str(audit_export_run(progress_id=progress_id, actor_id=actor_id, filters=filters))
