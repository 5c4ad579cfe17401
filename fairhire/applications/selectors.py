"""Applications reads, each scoped by ``application_visible_to`` (what you may not see is 404)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.policies import Perm, has_perm
from fairhire.applications.models import (
    Application,
    FollowUp,
    Interview,
    Message,
    PostingViewDay,
    Side,
)
from fairhire.applications.policies import (
    application_visible_to,
    can_follow_up_hires,
    can_review_messages,
    contact_shared,
    is_employer_reader,
    resume_sending_active,
)
from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.postings.models import JobPosting
from fairhire.postings.policies import can_edit_posting
from fairhire.postings.selectors import posting_get, posting_list_mine
from fairhire.privacy.policies import PiKind
from fairhire.privacy.services import pi_disclose


def application_get(*, actor, application_id: int) -> Application:
    application = (application_visible_to(actor).filter(pk=application_id)
                   .select_related("posting", "seeker__user", "organisation").first())
    if application is None:
        raise NotFound(_("未找到该申请。"), code="applications.not_found")
    return application


def application_list_mine(*, actor, status: str = "") -> QuerySet[Application]:
    """The seeker's own applications, newest first."""
    if not has_perm(actor, Perm.SEEK):
        raise PermissionDenied(_("只有求职者可以查看自己的申请。"), code="applications.not_seeker")
    rows = application_visible_to(actor).filter(seeker__user=actor).select_related("posting")
    return rows.filter(status=status) if status else rows


def _own_posting(*, actor, posting_id: int) -> JobPosting:
    posting = posting_get(actor=actor, posting_id=posting_id)
    if not (can_edit_posting(actor=actor, posting=posting)
            or application_visible_to(actor).filter(posting=posting).exists()):
        raise NotFound(_("未找到该招聘信息。"), code="posting.not_found")
    return posting


def application_list_for_posting(*, actor, posting_id: int, status: str = "",
                                 query: str = "") -> tuple[JobPosting, QuerySet[Application]]:
    """The applicants of one of the employer's postings (its pipeline), oldest first."""
    posting = _own_posting(actor=actor, posting_id=posting_id)
    rows = (application_visible_to(actor).filter(posting=posting)
            .select_related("seeker").order_by("created_at", "pk"))
    if status:
        rows = rows.filter(status=status)
    if query:
        rows = rows.filter(Q(resume_title__icontains=query) | Q(cover_note__icontains=query))
    return posting, rows


def employer_postings_overview(*, actor) -> list[tuple[JobPosting, int, int]]:
    """(posting, applications, new ones) for each of the employer's postings."""
    if not has_perm(actor, Perm.RECRUIT):
        raise PermissionDenied(_("只有用人单位的招聘人员可以查看收到的申请。"),
                               code="applications.not_recruiter")
    postings = list(posting_list_mine(actor=actor))
    counts = {row["posting"]: row for row in (
        application_visible_to(actor).filter(posting__in=postings).values("posting")
        .annotate(total=Count("pk"), new=Count("pk", filter=Q(
            status=Application.Status.RECEIVED))))}
    return [(p, counts.get(p.pk, {}).get("total", 0), counts.get(p.pk, {}).get("new", 0))
            for p in postings]


def applicant_identity(*, actor, application: Application,
                       now: datetime | None = None) -> dict[str, str | None]:
    """The applicant's name, phone and e-mail as ``actor`` may see them: whole (and logged)
    for the employer once the seeker shared contact and while the résumé-sending consent
    stands; masked otherwise. Employers never receive the ID number."""
    profile = application.seeker
    values = {PiKind.NAME: profile.unseal("real_name"), PiKind.PHONE: profile.unseal("phone"),
              PiKind.EMAIL: profile.unseal("email")}
    return pi_disclose(actor=actor, subject_id=profile.user_id, values=values,
                       purpose="求职者投递简历并同意提供联系方式",
                       contact_shared=contact_shared(actor=actor, application=application),
                       now=now)


def resume_for(*, actor, application: Application) -> dict | None:
    """The résumé as sent, for the seeker and, while the consent stands, the employer."""
    if application.seeker.user_id == actor.pk:
        return application.resume_snapshot
    if is_employer_reader(actor=actor, application=application) and resume_sending_active(
            application=application):
        return application.resume_snapshot
    return None


def message_thread(*, actor, application: Application) -> list[Message]:
    """The conversation as ``actor`` sees it: the seeker sees delivered messages and their own;
    held employer messages appear to the seeker as a warning without their text."""
    rows = list(application.messages.all())
    if application.seeker.user_id == actor.pk:
        return [m for m in rows if m.side == Side.SEEKER or m.status != Message.Status.BLOCKED]
    return rows


def message_get(*, actor, message_id: int) -> Message:
    message = (Message.objects.filter(pk=message_id,
                                      application__in=application_visible_to(actor))
               .select_related("application").first())
    if message is None:
        raise NotFound(_("未找到该消息。"), code="messages.not_found")
    return message


def message_review_queue(*, actor) -> QuerySet[Message]:
    if not can_review_messages(actor=actor):
        raise PermissionDenied(_("只有平台审核员可以审核消息。"), code="messages.not_reviewer")
    return (Message.objects.filter(Q(status=Message.Status.HELD) | Q(report=Message.Report.OPEN))
            .select_related("application__posting", "application__organisation")
            .order_by("created_at", "pk"))


def message_review_get(*, actor, message_id: int) -> Message:
    message = message_review_queue(actor=actor).filter(pk=message_id).first()
    if message is None:
        raise NotFound(_("未找到待审核的消息。"), code="messages.not_found")
    return message


def interview_get(*, actor, interview_id: int) -> Interview:
    interview = (Interview.objects.filter(pk=interview_id,
                                          application__in=application_visible_to(actor))
                 .select_related("application__posting", "application__organisation").first())
    if interview is None:
        raise NotFound(_("未找到该面试。"), code="interviews.not_found")
    return interview


def follow_up_list(*, actor, pending_only: bool = True) -> QuerySet[FollowUp]:
    if not can_follow_up_hires(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以查看回访任务。"),
                               code="applications.not_operator")
    rows = FollowUp.objects.select_related("application__posting",
                                           "application__organisation")
    return rows.filter(done_at=None) if pending_only else rows


def follow_up_get(*, actor, follow_up_id: int) -> FollowUp:
    follow_up = follow_up_list(actor=actor, pending_only=False).filter(pk=follow_up_id).first()
    if follow_up is None:
        raise NotFound(_("未找到该回访任务。"), code="applications.follow_up_not_found")
    return follow_up


def posting_analytics(*, actor, posting_id: int) -> dict:
    """Views, applications, each state's count and the time to first response of one of the
    employer's postings."""
    posting = _own_posting(actor=actor, posting_id=posting_id)
    rows = application_visible_to(actor).filter(posting=posting)
    by_state = dict(rows.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    responded = [(a.first_response_at - a.created_at) for a in
                 rows.exclude(first_response_at=None).only("created_at", "first_response_at")]
    average = (sum(responded, timedelta()) / len(responded)) if responded else None
    return {
        "posting": posting,
        "views": PostingViewDay.objects.filter(posting=posting).aggregate(
            n=Sum("views"))["n"] or 0,
        "applications": rows.count(),
        "by_state": [(status, label, by_state.get(status, 0))
                     for status, label in Application.Status.choices],
        "responded": len(responded),
        "first_response_hours": (round(average.total_seconds() / 3600, 1)
                                 if average is not None else None),
        "now": timezone.now(),
    }
