from datetime import UTC, datetime

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent, Notification
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings.models import JobPosting
from fairhire.postings.services import posting_reinstate, posting_suspend
from fairhire.postings.tests.factories import make_in_review, make_published

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.REVIEWER])
def test_a_suspended_posting_leaves_the_site_at_once_and_the_employer_is_told(role):
    posting = make_published(now=NOW, title="仓库理货员")
    posting = posting_suspend(posting=posting, actor=make_user(role), now=NOW,
                              reason="收到歧视举报，待核查")
    assert posting.status == JobPosting.Status.SUSPENDED
    audit = AuditEvent.objects.get(action=AuditAction.POSTING_SUSPENDED)
    assert audit.details["reason"] == "收到歧视举报，待核查"
    assert signed_in_client(make_user(Role.SEEKER)).get(f"/postings/{posting.pk}/") \
        .status_code == 404
    told = Notification.objects.get(recipient=owner_of(posting.employer))
    assert "仓库理货员" in told.title and told.body == "收到歧视举报，待核查"


def test_a_reinstated_posting_is_shown_again():
    posting = make_published(now=NOW)
    operator = make_user(Role.OPERATOR)
    posting_suspend(posting=posting, actor=operator, reason="待核查举报", now=NOW)
    posting = posting_reinstate(posting=posting, actor=operator, reason="核查后未发现问题",
                                now=NOW)
    assert posting.status == JobPosting.Status.PUBLISHED
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_REINSTATED).count() == 1
    assert signed_in_client(make_user(Role.SEEKER)).get(f"/postings/{posting.pk}/") \
        .status_code == 200


@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.SEEKER, Role.INSPECTOR])
def test_only_reviewers_and_operators_suspend(role):
    posting = make_published(now=NOW)
    with pytest.raises(PermissionDenied):
        posting_suspend(posting=posting, actor=make_user(role), reason="理由充分", now=NOW)
    assert not AuditEvent.objects.filter(action=AuditAction.POSTING_SUSPENDED).exists()


def test_a_suspension_needs_a_reason_and_a_published_posting():
    operator = make_user(Role.OPERATOR)
    with pytest.raises(InvalidInput):
        posting_suspend(posting=make_published(now=NOW), actor=operator, reason=" ", now=NOW)
    with pytest.raises(RuleViolation):
        posting_suspend(posting=make_in_review(now=NOW), actor=operator, reason="待核查举报",
                        now=NOW)
    with pytest.raises(RuleViolation):
        posting_reinstate(posting=make_published(now=NOW), actor=operator, reason="未发现问题",
                          now=NOW)


def test_the_api_suspends_and_refuses_an_employer():
    posting = make_published(now=NOW)
    url = f"/api/v1/review/postings/{posting.pk}/suspend"
    employer = signed_in_client(owner_of(posting.employer))
    assert employer.post(url, {"reason": "自己暂停"}, content_type="application/json") \
        .status_code == 403
    operator = signed_in_client(make_user(Role.OPERATOR))
    response = operator.post(url, {"reason": "待核查举报"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "suspended"
