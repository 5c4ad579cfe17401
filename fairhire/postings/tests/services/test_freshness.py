from datetime import UTC, datetime, timedelta

import pytest

from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent, Notification
from fairhire.core.testing import run_queued_tasks
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings.models import JobPosting
from fairhire.postings.services import posting_confirm, postings_freshness_sweep
from fairhire.postings.tasks import postings_freshness_task
from fairhire.postings.tests.factories import TODAY, make_published

pytestmark = [pytest.mark.django_db, pytest.mark.req("R18")]
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _status(posting):
    posting.refresh_from_db()
    return posting.status


def test_a_reminder_comes_three_days_before_expiry_and_only_once(settings):
    settings.POSTINGS_FRESHNESS_DAYS = 10
    posting = make_published(now=NOW, valid_until=(NOW + 60 * DAY).date())
    assert postings_freshness_sweep(now=NOW + 6 * DAY) == {"expired": 0, "reminded": 0}
    assert postings_freshness_sweep(now=NOW + 7 * DAY) == {"expired": 0, "reminded": 1}
    assert postings_freshness_sweep(now=NOW + 8 * DAY) == {"expired": 0, "reminded": 0}
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_CONFIRMATION_REQUESTED,
                                     target_id=str(posting.pk)).count() == 1
    [note] = Notification.objects.filter(kind="postings.confirmation_requested")
    assert note.recipient == owner_of(posting.employer)
    assert "2026-12-05 17:00" in note.body  # ten days after publication, local time


def test_an_unconfirmed_posting_expires_after_the_freshness_days(settings):
    settings.POSTINGS_FRESHNESS_DAYS = 10
    posting = make_published(now=NOW, valid_until=(NOW + 60 * DAY).date())
    postings_freshness_sweep(now=NOW + 10 * DAY - timedelta(seconds=1))
    assert _status(posting) == JobPosting.Status.PUBLISHED
    postings_freshness_sweep(now=NOW + 10 * DAY)
    assert _status(posting) == JobPosting.Status.EXPIRED
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_EXPIRED).count() == 1
    assert Notification.objects.filter(kind="postings.expired").count() == 1


def test_confirming_restarts_the_clock_and_shows_as_last_updated(settings):
    settings.POSTINGS_FRESHNESS_DAYS = 10
    posting = make_published(now=NOW, valid_until=(NOW + 60 * DAY).date())
    posting = posting_confirm(posting=posting, actor=owner_of(posting.employer),
                              now=NOW + 8 * DAY)
    assert posting.last_updated == NOW + 8 * DAY
    postings_freshness_sweep(now=NOW + 12 * DAY)
    assert _status(posting) == JobPosting.Status.PUBLISHED


def test_a_posting_expires_the_day_after_its_valid_until_date():
    posting = make_published(now=NOW, valid_until=(NOW + 5 * DAY).date())
    postings_freshness_sweep(now=NOW + 5 * DAY)
    assert _status(posting) == JobPosting.Status.PUBLISHED
    postings_freshness_sweep(now=NOW + 6 * DAY)
    assert _status(posting) == JobPosting.Status.EXPIRED


def test_the_daily_task_runs_the_sweep(settings):
    settings.POSTINGS_FRESHNESS_DAYS = 0
    posting = make_published(valid_until=TODAY + 60 * DAY)
    postings_freshness_task.enqueue()
    assert run_queued_tasks() == 1
    assert _status(posting) == JobPosting.Status.EXPIRED
