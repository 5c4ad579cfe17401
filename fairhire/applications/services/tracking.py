"""Service tracking: posting views for the employer's analytics, follow-ups after a hire, and
the daily sweep (expiry of unanswered applications, interview reminders)."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.applications.models import Application, FollowUp, PostingViewDay
from fairhire.applications.policies import can_follow_up_hires
from fairhire.applications.services.interviews import interview_reminders_send
from fairhire.applications.services.selection import applications_expire
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied
from fairhire.postings.models import JobPosting


def posting_view_record(*, posting: JobPosting, now: datetime | None = None) -> None:
    """Count one view of a published posting's page (per Beijing day, no viewer kept)."""
    if posting.status not in JobPosting.PUBLIC:
        return
    day = timezone.localdate(now or timezone.now())
    updated = PostingViewDay.objects.filter(posting=posting, day=day).update(
        views=F("views") + 1)
    if not updated:
        try:
            with transaction.atomic():
                PostingViewDay.objects.create(posting=posting, day=day, views=1)
        except IntegrityError:  # another request created the row first
            PostingViewDay.objects.filter(posting=posting, day=day).update(
                views=F("views") + 1)


@transaction.atomic
def follow_up_record(*, actor, follow_up_id: int, still_employed: bool, note: str = "",
                     now: datetime | None = None) -> FollowUp:
    """Platform staff record whether a hired person is still employed (service tracking)."""
    now = now or timezone.now()
    if not can_follow_up_hires(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以记录回访。"),
                               code="applications.not_operator")
    follow_up = FollowUp.objects.select_for_update().filter(pk=follow_up_id).first()
    if follow_up is None:
        raise NotFound(_("未找到该回访任务。"), code="applications.follow_up_not_found")
    note = note.strip()
    if len(note) > 500:
        raise InvalidInput(_("回访记录不能超过 500 字。"), code="applications.follow_up_note",
                           field="note")
    follow_up.still_employed = bool(still_employed)
    follow_up.note = note
    follow_up.done_at = now
    follow_up.done_by = actor
    follow_up.save()
    audit_record(action=AuditAction.FOLLOW_UP_RECORDED, actor=actor, target=follow_up,
                 details={"still_employed": follow_up.still_employed}, now=now)
    return follow_up


def applications_daily_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Once a day: expire unanswered applications, remind tomorrow's interviews."""
    now = now or timezone.now()
    return {"expired": applications_expire(now=now),
            "reminded": interview_reminders_send(now=now)}


@transaction.atomic
def application_record_erase(*, pk, now: datetime) -> None:
    """Erase the personal content of an ended application when its three-year retention ends
    (Regulation Art. 26; PIPL Art. 47): the résumé as sent, the notes, the conversation and the
    interview details. Dates and states stay for the statistics. Called by the ledger's
    retention sweep, in its transaction."""
    application = Application.objects.select_for_update().filter(pk=pk).first()
    if application is None or not application.resume_snapshot:
        return  # gone, or erased already
    application.resume_snapshot = {}
    application.resume_title = application.cover_note = application.rejection_reason = ""
    application.save(update_fields=["resume_snapshot", "resume_title", "cover_note",
                                    "rejection_reason"])
    for message in application.messages.all():
        message.seal("body", "")
        message.report_reason = message.decision_note = ""
        message.save(update_fields=["body", "report_reason", "decision_note"])
    application.interviews.update(address="", meeting_link="", note="", seeker_note="",
                                  cancel_reason="")
    audit_record(action=AuditAction.APPLICATION_RECORD_ERASED, target=application,
                 account="ledger", now=now)
