"""Test helpers: changes go through the real services, reach the index through the real outbox
task on the real queue, and are read back through the real search."""

from __future__ import annotations

from fairhire.core.testing import run_queued_tasks
from fairhire.search.selectors import SearchParams, posting_search


def committed(capture, action, /, **kwargs):
    """Run a service as if its transaction committed (on-commit hooks fire), then let the
    worker drain the queue."""
    with capture(execute=True):
        result = action(**kwargs)
    run_queued_tasks()
    return result


def found(**params) -> list[int]:
    return [hit.id for hit in posting_search(params=SearchParams(**params)).hits]
