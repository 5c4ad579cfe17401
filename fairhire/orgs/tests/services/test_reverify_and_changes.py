from datetime import date, timedelta

import pytest
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput
from fairhire.core.models import AuditEvent
from fairhire.core.testing import run_queued_tasks
from fairhire.orgs.models import ArchiveEntry, Organisation, OrgKind
from fairhire.orgs.policies import can_operate_agency
from fairhire.orgs.selectors import review_queue
from fairhire.orgs.services import change_report_file, organisations_reverify
from fairhire.orgs.tasks import organisations_reverify_task
from fairhire.orgs.tests.factories import licence_data, make_verified, owner_of

pytestmark = pytest.mark.django_db
NOW = timezone.now()
TODAY = timezone.localdate(NOW)


@pytest.mark.req("R25")
def test_the_daily_run_warns_30_days_ahead_then_suspends_on_expiry(
        mailoutbox, django_capture_on_commit_callbacks):
    agency = make_verified(OrgKind.AGENCY, hr_licence=licence_data(
        expires_on=TODAY + timedelta(days=20)))
    make_user(Role.REVIEWER, email="reviewer@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        assert organisations_reverify(now=NOW)["noticed"] == 1
    assert organisations_reverify(now=NOW)["noticed"] == 0  # told once
    assert "reviewer@example.com" in mailoutbox[-1].to
    assert agency.archive.filter(kind=ArchiveEntry.Kind.EXPIRY_NOTICE).count() == 1

    later = NOW + timedelta(days=21)
    assert organisations_reverify(now=later)["suspended"] == 1
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.SUSPENDED
    assert AuditEvent.objects.filter(action=AuditAction.ORG_SUSPENDED).count() == 1
    assert not can_operate_agency(organisation=agency, today=TODAY)


@pytest.mark.req("R25")
def test_a_verified_organisation_returns_to_the_queue_after_the_reverification_period(
        settings):
    settings.ORGS_REVERIFY_MONTHS = 1
    employer = make_verified(now=NOW)
    reviewer = make_user(Role.REVIEWER)
    assert employer not in review_queue(actor=reviewer, today=TODAY)
    due_day = NOW + timedelta(days=32)
    assert organisations_reverify(now=due_day)["due"] == 1
    assert employer in review_queue(actor=reviewer, today=timezone.localdate(due_day))


def test_the_daily_task_runs_on_the_real_queue():
    organisations_reverify_task.enqueue()
    assert run_queued_tasks() == 1


@pytest.mark.req("R12")
@pytest.mark.parametrize(("days_ago", "late"), [(15, False), (16, True)])
def test_a_change_report_filed_more_than_15_days_after_registration_is_flagged_late(
        days_ago, late):
    agency = make_verified(OrgKind.AGENCY)
    report = change_report_file(actor=owner_of(agency), organisation=agency, kind="address",
                                new_value="山西省太原市迎泽区新址 8 号",
                                registered_on=TODAY - timedelta(days=days_ago), now=NOW)
    agency.refresh_from_db()
    assert report.late is late
    assert (report.old_value, agency.address) == ("山西省太原市小店区示例路 1 号",
                                                  "山西省太原市迎泽区新址 8 号")
    assert agency.archive.filter(kind=ArchiveEntry.Kind.CHANGE_REPORTED).exists()


@pytest.mark.req("R13")
def test_termination_needs_30_days_notice_and_ends_new_work_on_the_day():
    agency = make_verified(OrgKind.AGENCY)
    with pytest.raises(InvalidInput) as refused:
        change_report_file(actor=owner_of(agency), organisation=agency, kind="termination",
                           new_value="", registered_on=TODAY,
                           effective_on=TODAY + timedelta(days=29), now=NOW)
    assert refused.value.field == "effective_on"
    end = TODAY + timedelta(days=30)
    change_report_file(actor=owner_of(agency), organisation=agency, kind="termination",
                       new_value="", registered_on=TODAY, effective_on=end, now=NOW)
    agency.refresh_from_db()
    assert can_operate_agency(organisation=agency, today=end - timedelta(days=1))
    assert not can_operate_agency(organisation=agency, today=end)
    organisations_reverify(now=NOW + timedelta(days=30))
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.TERMINATED


def test_a_registration_date_in_the_future_is_refused():
    agency = make_verified(OrgKind.AGENCY)
    with pytest.raises(InvalidInput):
        change_report_file(actor=owner_of(agency), organisation=agency, kind="name",
                           new_value="新名称", registered_on=date(2999, 1, 1))
