"""Service tracking: posting views and the employer's analytics, follow-ups after a hire, and
the daily sweep on the real task queue."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.applications import services
from fairhire.applications.models import Application
from fairhire.applications.selectors import posting_analytics
from fairhire.applications.tasks import applications_daily_task, applications_schedule
from fairhire.applications.tests.factories import employer_of, make_application, seeker_of
from fairhire.core.audit import AuditAction
from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.core.testing import run_queued_tasks

pytestmark = pytest.mark.django_db


def test_the_employer_sees_views_applications_states_and_time_to_first_response():
    created = timezone.now() - timedelta(hours=10)
    first = make_application(now=created)
    posting = first.posting
    make_application(posting=posting, now=created)
    for _n in range(3):
        assert Client().get(f"/postings/{posting.pk}/").status_code == 200
    employer = employer_of(first)
    services.application_transition(actor=employer, application=first, to="shortlisted",
                                    now=created + timedelta(hours=4))
    data = posting_analytics(actor=employer, posting_id=posting.pk)
    assert (data["views"], data["applications"], data["responded"]) == (3, 2, 1)
    assert data["first_response_hours"] == 4.0
    counts = {status: n for status, _label, n in data["by_state"]}
    assert counts["shortlisted"] == 1 and counts["received"] == 1
    with pytest.raises(NotFound):
        posting_analytics(actor=employer_of(make_application()), posting_id=posting.pk)


def test_the_employers_own_visits_are_not_counted():
    application = make_application()
    from fairhire.accounts.tests.factories import signed_in_client

    signed_in_client(employer_of(application)).get(f"/postings/{application.posting_id}/")
    data = posting_analytics(actor=employer_of(application), posting_id=application.posting_id)
    assert data["views"] == 0


@pytest.mark.req("R26")
def test_an_operator_records_whether_a_hired_person_is_still_employed():
    application = make_application()
    employer, seeker = employer_of(application), seeker_of(application)
    for to, actor in (("shortlisted", employer), ("offer", employer), ("hired", seeker)):
        application = services.application_transition(actor=actor, application=application,
                                                      to=to)
    follow_up = application.follow_up
    with pytest.raises(PermissionDenied):
        services.follow_up_record(actor=employer, follow_up_id=follow_up.pk,
                                  still_employed=True)
    services.follow_up_record(actor=make_user(Role.OPERATOR), follow_up_id=follow_up.pk,
                              still_employed=True, note="电话回访，仍在岗")
    follow_up.refresh_from_db()
    assert follow_up.still_employed is True and follow_up.done_at is not None
    assert AuditEvent.objects.filter(action=AuditAction.FOLLOW_UP_RECORDED).exists()


def test_the_daily_task_runs_on_the_queue_expires_stale_applications_and_queues_itself(settings):
    settings.APPLICATIONS_EXPIRE_DAYS = 5
    stale = make_application(now=timezone.now() - timedelta(days=6))
    applications_daily_task.enqueue()
    assert run_queued_tasks() == 1
    stale.refresh_from_db()
    assert stale.status == Application.Status.EXPIRED
    waiting = DBTaskResult.objects.filter(task_path=applications_daily_task.module_path,
                                          status=TaskResultStatus.READY)
    assert waiting.count() == 1 and waiting.get().run_after > timezone.now()
    assert applications_schedule() is False  # one run waiting is enough


def test_schedule_command_starts_the_chain_once_and_can_sweep_now(capsys):
    call_command("applications_schedule", "--now")
    call_command("applications_schedule")
    out = capsys.readouterr().out
    assert "expired=0 reminded=0" in out and "already queued" in out
