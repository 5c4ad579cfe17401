"""A report about a posting can take it off the site at once, pending review (R23)."""

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.complaints import services
from fairhire.complaints.models import Complaint
from fairhire.complaints.tests.factories import make_complaint, make_operator
from fairhire.core.audit import AuditAction
from fairhire.core.errors import NotFound, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.postings.models import JobPosting
from fairhire.postings.tests.factories import make_published

pytestmark = pytest.mark.django_db


@pytest.mark.req("R23")
def test_a_report_suspends_the_posting_at_once_and_an_unfounded_one_reinstates_it():
    posting = make_published()
    operator = make_operator()
    complaint = make_complaint(subject_kind="posting", subject_id=posting.pk,
                               category="discrimination",
                               description="岗位要求写明“限男性，35岁以下”。")
    assert Client().get(f"/postings/{posting.pk}/").status_code == 200
    services.complaint_posting_suspend(complaint=complaint, actor=operator)
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.SUSPENDED
    assert Client().get(f"/postings/{posting.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.COMPLAINT_POSTING_SUSPENDED).exists()
    complaint.refresh_from_db()
    assert complaint.posting_suspended and complaint.status == Complaint.Status.RECEIVED
    with pytest.raises(RuleViolation):
        services.complaint_posting_suspend(complaint=complaint, actor=operator)

    services.complaint_posting_reinstate(complaint=complaint, actor=operator)
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.PUBLISHED


def test_a_complainant_cannot_suspend_the_posting():
    posting = make_published()
    seeker = make_user(Role.SEEKER)
    complaint = make_complaint(actor=seeker, subject_kind="posting", subject_id=posting.pk)
    with pytest.raises(NotFound):
        services.complaint_posting_suspend(complaint=complaint, actor=seeker)
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.PUBLISHED


def test_a_general_complaint_has_no_posting_to_suspend():
    with pytest.raises(RuleViolation):
        services.complaint_posting_suspend(complaint=make_complaint(), actor=make_operator())
