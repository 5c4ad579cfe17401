from __future__ import annotations

from django_tasks import task

from fairhire.privacy.services import data_keys_rotate_run


@task()
def rotate_data_keys_task(*, progress_id: str) -> int:
    return data_keys_rotate_run(progress_id=progress_id)
