"""The daily freshness task re-queues itself; ``postings_schedule`` starts the chain once."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from fairhire.core.testing import run_queued_tasks
from fairhire.postings.tasks import (
    next_daily_run,
    postings_freshness_schedule,
    postings_freshness_task,
)

pytestmark = pytest.mark.django_db


def waiting():
    return DBTaskResult.objects.filter(task_path=postings_freshness_task.module_path,
                                       status=TaskResultStatus.READY)


@pytest.mark.req("R18")
def test_the_daily_sweep_queues_its_next_run_for_tomorrow():
    postings_freshness_task.enqueue()
    assert run_queued_tasks() == 1
    assert waiting().count() == 1
    assert waiting().get().run_after > timezone.now()


@pytest.mark.req("R18")
def test_scheduling_twice_leaves_one_run_waiting(capsys):
    call_command("postings_schedule")
    call_command("postings_schedule")
    assert waiting().count() == 1
    assert "already queued" in capsys.readouterr().out
    assert postings_freshness_schedule() is False


def test_schedule_now_also_runs_the_sweep_once(capsys):
    call_command("postings_schedule", "--now")
    assert "expired=0 reminded=0" in capsys.readouterr().out


@pytest.mark.parametrize(("clock", "expected"), [
    ("2026-03-01 02:30", "2026-03-01 03:00"),
    ("2026-03-01 03:00", "2026-03-02 03:00"),
    ("2026-03-01 23:10", "2026-03-02 03:00"),
])
def test_the_next_run_is_the_next_three_o_clock_local_time(clock, expected):
    now = timezone.make_aware(datetime.fromisoformat(clock))
    run = timezone.localtime(next_daily_run(now=now))
    assert run.strftime("%Y-%m-%d %H:%M") == expected
    assert timedelta(0) < run - now <= timedelta(days=1)
