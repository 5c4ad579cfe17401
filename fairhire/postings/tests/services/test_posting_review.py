from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, transaction

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.ledger.models import Entry
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings.models import JobPosting, PostingVersion
from fairhire.postings.services import (
    flag_accept,
    posting_close,
    posting_decide,
    posting_edit,
    posting_publish,
    posting_submit,
    posting_withdraw,
)
from fairhire.postings.tests.factories import (
    make_in_review,
    make_posting,
    make_published,
    make_reviewer,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.mark.req("R17.1")
def test_a_reviewer_publishes_a_clean_posting_with_the_unit_snapshotted_and_audited():
    posting = make_in_review(now=NOW)
    reviewer = make_reviewer()
    posting = posting_publish(posting=posting, actor=reviewer, now=NOW)
    posting.refresh_from_db()
    assert (posting.status, posting.published_at) == (JobPosting.Status.PUBLISHED, NOW)
    assert posting.unit_snapshot["uscc"] == posting.employer.uscc
    event = AuditEvent.objects.get(action=AuditAction.POSTING_PUBLISHED)
    assert event.actor_id == reviewer.pk
    assert Entry.objects.filter(kind="postings.posting_published").count() == 1


@pytest.mark.parametrize("role", [Role.SEEKER, Role.EMPLOYER_STAFF, Role.OPERATOR])
def test_only_reviewers_may_publish(role):
    posting = make_in_review(now=NOW)
    with pytest.raises(PermissionDenied):
        posting_publish(posting=posting, actor=make_user(role), now=NOW)
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.IN_REVIEW
    assert not AuditEvent.objects.filter(action=AuditAction.POSTING_PUBLISHED).exists()


def test_a_rejected_posting_returns_to_draft_with_the_reasons_and_can_be_fixed():
    posting = make_in_review(now=NOW)
    posting = posting_decide(posting=posting, actor=make_reviewer(), decision="reject",
                             reason="工作内容描述过于笼统，请补充。", now=NOW)
    assert (posting.status, posting.review_note) == (JobPosting.Status.DRAFT,
                                                    "工作内容描述过于笼统，请补充。")
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"duties": "负责收银、陈列和盘点。"},
                 now=NOW)
    posting = posting_submit(actor=owner, posting=posting, now=NOW)
    assert posting.version == 2
    assert list(posting.versions.values_list("content__duties", flat=True)) == [
        "负责门店商品陈列、收银和顾客接待，按公司流程完成每日盘点和补货工作。",
        "负责收银、陈列和盘点。"]


def test_rejecting_needs_a_reason():
    posting = make_in_review(now=NOW)
    with pytest.raises(InvalidInput):
        posting_decide(posting=posting, actor=make_reviewer(), decision="reject", reason=" ")


def test_a_blocking_flag_keeps_a_posting_off_the_site_until_accepted_with_a_reason():
    posting = make_posting(now=NOW, requirements="井下采掘作业，限男性。")
    posting = posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW,
                             exception_request="井下作业属于女职工禁忌从事的劳动范围。")
    reviewer = make_reviewer()
    with pytest.raises(RuleViolation):
        posting_publish(posting=posting, actor=reviewer, now=NOW)
    flag = posting.open_blocking_flags().get()
    with pytest.raises(InvalidInput):
        flag_accept(flag=flag, actor=reviewer, reason="")
    flag_accept(flag=flag, actor=reviewer, now=NOW,
                reason="女职工劳动保护特别规定附录：矿山井下作业")
    posting = posting_publish(posting=posting, actor=reviewer, now=NOW)
    assert posting.status == JobPosting.Status.PUBLISHED
    event = AuditEvent.objects.get(action=AuditAction.POSTING_FLAG_ACCEPTED)
    assert event.details["reason"] == "女职工劳动保护特别规定附录：矿山井下作业"
    assert Entry.objects.filter(kind="postings.flag_accepted").exists()


@pytest.mark.req("R26")
def test_submitted_versions_cannot_be_changed_or_deleted_in_the_database():
    posting = make_in_review(now=NOW)
    with pytest.raises(DatabaseError), transaction.atomic():
        PostingVersion.objects.filter(posting=posting).update(content={})
    with pytest.raises(DatabaseError), transaction.atomic():
        PostingVersion.objects.filter(posting=posting).delete()


def test_a_submitted_posting_cannot_be_edited():
    posting = make_in_review(now=NOW)
    with pytest.raises(RuleViolation):
        posting_edit(actor=owner_of(posting.employer), posting=posting,
                     changes={"title": "改"})


def test_the_employer_closes_a_published_posting_and_withdraws_one_in_review():
    published = make_published(now=NOW)
    closed = posting_close(posting=published, actor=owner_of(published.employer), now=NOW)
    assert closed.status == JobPosting.Status.CLOSED
    in_review = make_in_review(now=NOW)
    withdrawn = posting_withdraw(posting=in_review, actor=owner_of(in_review.employer))
    assert withdrawn.status == JobPosting.Status.WITHDRAWN
    with pytest.raises(RuleViolation):
        posting_close(posting=withdrawn, actor=owner_of(in_review.employer))
