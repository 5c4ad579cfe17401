"""Reads about postings, each scoped by ``posting_visible_to`` (what you may not see is 404)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.orgs.selectors import organisation_of
from fairhire.postings.models import JobPosting, PostingFlag
from fairhire.postings.policies import can_review_posting, posting_visible_to


def posting_get(*, actor: User | None, posting_id: int) -> JobPosting:
    posting = posting_visible_to(actor).select_related("employer", "agency").filter(
        pk=posting_id).first()
    if posting is None:
        raise NotFound(_("未找到该招聘信息。"), code="posting.not_found")
    return posting


def posting_list_public(*, limit: int = 50) -> QuerySet[JobPosting]:
    """The newest published postings (full search comes with the search issue)."""
    return posting_visible_to(None).select_related("employer").order_by(
        "-published_at", "-pk")[:limit]


def posting_list_mine(*, actor: User) -> QuerySet[JobPosting]:
    org = organisation_of(actor=actor)
    if org is None:
        return JobPosting.objects.none()
    field = "agency" if org.is_agency else "employer"
    return JobPosting.objects.filter(**{field: org}).select_related("employer").order_by(
        "-updated_at", "-pk")


def posting_review_queue(*, actor: User) -> QuerySet[JobPosting]:
    if not can_review_posting(actor=actor):
        raise PermissionDenied(_("只有平台审核员可以查看审核队列。"), code="posting.not_reviewer")
    return JobPosting.objects.filter(status=JobPosting.Status.IN_REVIEW).select_related(
        "employer", "agency").order_by("submitted_at", "pk")


def posting_flags(*, posting: JobPosting) -> QuerySet[PostingFlag]:
    """The screener's findings on the posting's current version."""
    return PostingFlag.objects.filter(version__posting=posting, version__number=posting.version)


def posting_flag_get(*, actor: User, posting: JobPosting, flag_id: int) -> PostingFlag:
    flag = posting_flags(posting=posting).filter(pk=flag_id).first()
    if flag is None or not can_review_posting(actor=actor):
        raise NotFound(_("未找到该提示。"), code="posting.flag_not_found")
    return flag


def posting_history(*, posting: JobPosting) -> QuerySet[AuditEvent]:
    """What happened to the posting, oldest first: submissions, decisions, accepted flags."""
    return AuditEvent.objects.filter(target_type="postings.jobposting",
                                     target_id=str(posting.pk)).order_by("created_at", "id")
