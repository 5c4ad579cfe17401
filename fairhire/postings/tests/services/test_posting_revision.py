"""Editing a published posting (issue 4 item 4): the edit is a new version that goes through
submission again, while the published content stays visible until the new one is published."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, transaction
from django.test import Client

from fairhire.core.audit import AuditAction
from fairhire.core.errors import RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings.models import JobPosting, PostingVersion
from fairhire.postings.services import (
    posting_decide,
    posting_edit,
    posting_publish,
    posting_revision_discard,
    posting_submit,
)
from fairhire.postings.tests.factories import make_published, make_reviewer

pytestmark = [pytest.mark.django_db]
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=2)


def public_title(posting) -> str:
    return Client().get(f"/api/v1/postings/{posting.pk}").json()["title"]


@pytest.mark.req("R26")
def test_an_edit_of_a_published_posting_stays_private_until_its_new_version_is_published():
    posting = make_published(now=NOW, title="门店营业员")
    owner = owner_of(posting.employer)

    # A review-level flag (age) sends the new version to the reviewer.
    posting = posting_edit(actor=owner, posting=posting, now=LATER,
                           changes={"title": "门店店长助理", "pay_max": 7000,
                                    "requirements": "年龄22-30岁"})
    assert posting.revision_status == JobPosting.Revision.DRAFT
    assert public_title(posting) == "门店营业员"

    posting = posting_submit(actor=owner, posting=posting, now=LATER)
    assert (posting.status, posting.revision_status) == (JobPosting.Status.PUBLISHED,
                                                          JobPosting.Revision.IN_REVIEW)
    assert (posting.version, posting.published_version) == (2, 1)
    assert public_title(posting) == "门店营业员"  # the old one stays visible

    reviewer = make_reviewer()
    posting = posting_publish(posting=posting, actor=reviewer, now=LATER)
    posting.refresh_from_db()
    assert public_title(posting) == "门店店长助理"
    assert (posting.pay_max, posting.published_version, posting.revision_status) == (
        7000, 2, "")
    assert posting.published_at == NOW and posting.last_updated == LATER
    first, second = PostingVersion.objects.filter(posting=posting).order_by("number")
    assert (first.content["title"], second.content["title"]) == ("门店营业员", "门店店长助理")
    assert first.content["pay_max"] == 6000  # the earlier version is kept unchanged
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_PUBLISHED,
                                     details__revision=True).count() == 1


@pytest.mark.req("R26")
def test_every_version_is_complete_and_cannot_be_changed_afterwards():
    posting = make_published(now=NOW)
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"duties": "负责门店收银、陈列、盘点和"
                                                                  "顾客接待，协助店长排班。"})
    posting_submit(actor=owner, posting=posting, now=LATER)
    for version in PostingVersion.objects.filter(posting=posting):
        assert {"title", "headcount", "duties", "requirements", "working_conditions",
                "work_region_code", "work_address", "pay_min", "pay_max", "pay_unit",
                "occupation_code", "valid_until", "employer_id"} <= set(version.content)
        assert version.submitted_by == owner and version.screening["ruleset"]
        with pytest.raises(DatabaseError), transaction.atomic():
            PostingVersion.objects.filter(pk=version.pk).update(content={"title": "改"})
    assert PostingVersion.objects.filter(posting=posting).count() == 2


def test_a_rejected_revision_goes_back_to_its_draft_and_the_published_content_stays():
    posting = make_published(now=NOW, title="门店营业员")
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"requirements": "年龄22-30岁"})
    posting = posting_submit(actor=owner, posting=posting, now=LATER)
    assert posting.revision_status == JobPosting.Revision.IN_REVIEW  # a flag: to the reviewer
    posting = posting_decide(posting=posting, actor=make_reviewer(), decision="reject",
                             reason="年龄限制缺乏依据，请删除。", now=LATER)
    assert (posting.status, posting.revision_status, posting.review_note) == (
        JobPosting.Status.PUBLISHED, JobPosting.Revision.DRAFT, "年龄限制缺乏依据，请删除。")
    posting.refresh_from_db()
    assert posting.requirements != "年龄22-30岁"
    assert posting.revision["requirements"] == "年龄22-30岁"


def test_a_clean_revision_of_an_established_employer_is_published_at_once():
    posting = make_published(now=NOW)
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"headcount": 5})
    posting = posting_submit(actor=owner, posting=posting, now=LATER)
    posting.refresh_from_db()
    assert (posting.headcount, posting.revision_status, posting.version) == (5, "", 2)


def test_a_revision_in_review_cannot_be_changed_and_a_draft_revision_can_be_dropped():
    posting = make_published(now=NOW)
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"requirements": "年龄22-30岁"})
    posting_submit(actor=owner, posting=posting, now=LATER)
    with pytest.raises(RuleViolation):
        posting_edit(actor=owner, posting=posting, changes={"title": "再改"})
    with pytest.raises(RuleViolation):
        posting_revision_discard(actor=owner, posting=posting)

    other = make_published(now=NOW)
    owner = owner_of(other.employer)
    posting_edit(actor=owner, posting=other, changes={"title": "不改了"})
    other = posting_revision_discard(actor=owner, posting=other)
    assert (other.revision_status, other.revision) == ("", {})
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_REVISION_DISCARDED).exists()


def test_the_reviewer_queue_lists_a_revision_and_the_page_shows_what_changed():
    from fairhire.accounts.tests.factories import signed_in_client

    posting = make_published(now=NOW, title="门店营业员")
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"title": "门店店员", "requirements":
                                                        "年龄22-30岁"})
    posting_submit(actor=owner, posting=posting, now=LATER)
    client = signed_in_client(make_reviewer())
    assert [p["id"] for p in client.get("/api/v1/review/postings").json()] == [posting.pk]
    page = client.get(f"/review/postings/{posting.pk}/").content.decode()
    assert "<del>门店营业员</del>" in page and "<ins>门店店员</ins>" in page
    assert '<mark class="flag-review"' in page


def test_a_suspended_posting_is_not_put_back_up_by_publishing_its_revision():
    from fairhire.postings.services import posting_suspend

    posting = make_published(now=NOW)
    owner = owner_of(posting.employer)
    posting_edit(actor=owner, posting=posting, changes={"requirements": "年龄22-30岁"})
    posting_submit(actor=owner, posting=posting, now=LATER)
    reviewer = make_reviewer()
    posting_suspend(posting=posting, actor=reviewer, reason="接到举报，核查中。", now=LATER)
    with pytest.raises(RuleViolation):
        posting_publish(posting=posting, actor=reviewer, now=LATER)
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.SUSPENDED
