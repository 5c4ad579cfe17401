"""Interviews: on-site or remote (EN2), rescheduled or cancelled with notice, confirmed or
answered by the seeker, with a reminder the day before. Times are stored in UTC and shown in
Asia/Shanghai."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fairhire.applications.models import Application, Interview, Side
from fairhire.applications.notifying import notify_side
from fairhire.applications.policies import application_visible_to, require_side
from fairhire.applications.services.selection import move
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, RuleViolation

NOTE_MAX = 500
ANSWERS = ("confirm", "another_time")
OPEN = (Interview.Status.PROPOSED, Interview.Status.CONFIRMED, Interview.Status.CHANGE_REQUESTED)


def local_time(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d H:i")


def _clean(*, mode: str, starts_at: datetime, duration_minutes: int, address: str,
           meeting_link: str, note: str, now: datetime) -> dict:
    if mode not in Interview.Mode.values:
        raise InvalidInput(_("请选择现场面试或远程面试。"), code="interviews.mode", field="mode")
    if starts_at is None:
        raise InvalidInput(_("请填写面试时间。"), code="interviews.time", field="starts_at")
    if timezone.is_naive(starts_at):  # a time typed without a zone is Beijing time
        starts_at = timezone.make_aware(starts_at)
    if starts_at <= now:
        raise InvalidInput(_("面试时间应晚于现在。"), code="interviews.time_past",
                           field="starts_at")
    if starts_at > now + timedelta(days=366):
        raise InvalidInput(_("面试时间不能超过一年以后。"), code="interviews.time_far",
                           field="starts_at")
    if not 5 <= int(duration_minutes) <= 480:
        raise InvalidInput(_("面试时长应在 5 到 480 分钟之间。"), code="interviews.duration",
                           field="duration_minutes")
    address, meeting_link, note = address.strip(), meeting_link.strip(), note.strip()
    if mode == Interview.Mode.ONSITE and not address:
        raise InvalidInput(_("现场面试请填写面试地址。"), code="interviews.address",
                           field="address")
    if mode == Interview.Mode.REMOTE:
        parts = urlsplit(meeting_link)
        if parts.scheme != "https" or not parts.netloc or len(meeting_link) > 300:
            raise InvalidInput(_("远程面试请填写以 https:// 开头的会议链接。"),
                               code="interviews.meeting_link", field="meeting_link")
    if len(address) > 200 or len(note) > NOTE_MAX:
        raise InvalidInput(_("地址或说明过长。"), code="interviews.too_long", field="note")
    return {"mode": mode, "starts_at": starts_at, "duration_minutes": int(duration_minutes),
            "address": address if mode == Interview.Mode.ONSITE else "",
            "meeting_link": meeting_link if mode == Interview.Mode.REMOTE else "", "note": note}


def _where(interview: Interview) -> str:
    return interview.address or interview.meeting_link


@transaction.atomic
def interview_propose(*, actor, application: Application, mode: str, starts_at: datetime,
                      duration_minutes: int = 30, address: str = "", meeting_link: str = "",
                      note: str = "", now: datetime | None = None) -> Interview:
    """The employer invites the applicant to an interview; the application moves to
    "interview" if it is not there yet. The seeker is notified and asked to confirm."""
    now = now or timezone.now()
    application = (application_visible_to(actor).select_for_update()
                   .filter(pk=application.pk).first())
    if application is None:
        raise NotFound(_("未找到该申请。"), code="applications.not_found")
    require_side(Side.EMPLOYER, actor=actor, application=application)
    data = _clean(mode=mode, starts_at=starts_at, duration_minutes=duration_minutes,
                  address=address, meeting_link=meeting_link, note=note, now=now)
    if application.status != Application.Status.INTERVIEW:
        move(application=application, to=Application.Status.INTERVIEW, side=Side.EMPLOYER,
             actor=actor, now=now)
    interview = Interview.objects.create(application=application, created_by=actor,
                                         created_at=now, updated_at=now, **data)
    audit_record(action=AuditAction.INTERVIEW_PROPOSED, actor=actor, target=interview,
                 details={"application": application.pk, "mode": interview.mode,
                          "starts_at": interview.starts_at.isoformat()}, now=now)
    notify_side(application=application, side=Side.SEEKER, kind="interviews.proposed",
                title=_("面试邀请：%(posting)s，%(when)s（北京时间）") % {
                    "posting": application.posting.title, "when": local_time(interview.starts_at)},
                body=_("%(mode)s：%(where)s。请在平台上确认或提出其他时间。") % {
                    "mode": interview.get_mode_display(), "where": _where(interview)}, now=now)
    return interview


def _interview_locked(interview: Interview, actor) -> Interview:
    locked = (Interview.objects.select_for_update()
              .filter(pk=interview.pk, application__in=application_visible_to(actor))
              .select_related("application__posting", "application__seeker").first())
    if locked is None:
        raise NotFound(_("未找到该面试。"), code="interviews.not_found")
    return locked


def _to(interview: Interview, status: str) -> None:
    if not interview.can_transition_to(status) or interview.application.ended:
        raise RuleViolation(_("该面试当前不能进行此操作。"), code="interviews.bad_transition")
    interview.status = status


@transaction.atomic
def interview_reschedule(*, actor, interview: Interview, starts_at: datetime,
                         mode: str | None = None, duration_minutes: int | None = None,
                         address: str | None = None, meeting_link: str | None = None,
                         note: str | None = None, now: datetime | None = None) -> Interview:
    """The employer moves an interview (to another time, place or link); the seeker is told
    and asked to confirm again."""
    now = now or timezone.now()
    interview = _interview_locked(interview, actor)
    require_side(Side.EMPLOYER, actor=actor, application=interview.application)
    data = _clean(mode=mode or interview.mode, starts_at=starts_at,
                  duration_minutes=duration_minutes or interview.duration_minutes,
                  address=interview.address if address is None else address,
                  meeting_link=interview.meeting_link if meeting_link is None else meeting_link,
                  note=interview.note if note is None else note, now=now)
    before = interview.starts_at
    _to(interview, Interview.Status.PROPOSED)
    for name, value in data.items():
        setattr(interview, name, value)
    interview.sequence += 1
    interview.reminded_at = None
    interview.updated_at = now
    interview.save()
    audit_record(action=AuditAction.INTERVIEW_RESCHEDULED, actor=actor, target=interview,
                 details={"from": before.isoformat(), "to": interview.starts_at.isoformat()},
                 now=now)
    notify_side(application=interview.application, side=Side.SEEKER, kind="interviews.moved",
                title=_("面试改期：%(posting)s，新时间 %(when)s（北京时间）") % {
                    "posting": interview.application.posting.title,
                    "when": local_time(interview.starts_at)},
                body=_("原定时间 %(before)s。请在平台上确认新的安排。") % {
                    "before": local_time(before)}, now=now)
    return interview


@transaction.atomic
def interview_cancel(*, actor, interview: Interview, reason: str,
                     now: datetime | None = None) -> Interview:
    """The employer cancels an interview, telling the seeker why."""
    now = now or timezone.now()
    interview = _interview_locked(interview, actor)
    require_side(Side.EMPLOYER, actor=actor, application=interview.application)
    reason = reason.strip()
    if not reason or len(reason) > NOTE_MAX:
        raise InvalidInput(_("请说明取消面试的原因（不超过 500 字）。"),
                           code="interviews.cancel_reason", field="reason")
    _to(interview, Interview.Status.CANCELLED)
    interview.cancel_reason = reason
    interview.sequence += 1
    interview.updated_at = now
    interview.save()
    audit_record(action=AuditAction.INTERVIEW_CANCELLED, actor=actor, target=interview,
                 details={"reason": reason}, now=now)
    notify_side(application=interview.application, side=Side.SEEKER,
                kind="interviews.cancelled",
                title=_("面试已取消：%(posting)s，原定 %(when)s") % {
                    "posting": interview.application.posting.title,
                    "when": local_time(interview.starts_at)},
                body=_("原因：%(reason)s") % {"reason": reason}, now=now)
    return interview


@transaction.atomic
def interview_respond(*, actor, interview: Interview, answer: str, note: str = "",
                      now: datetime | None = None) -> Interview:
    """The seeker confirms the interview, or asks for another time (saying when suits)."""
    now = now or timezone.now()
    if answer not in ANSWERS:
        raise InvalidInput(_("请选择确认或希望改期。"), code="interviews.answer", field="answer")
    interview = _interview_locked(interview, actor)
    require_side(Side.SEEKER, actor=actor, application=interview.application)
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise InvalidInput(_("留言不能超过 500 字。"), code="interviews.note", field="note")
    if answer == "another_time" and not note:
        raise InvalidInput(_("请说明你方便的时间。"), code="interviews.note_required",
                           field="note")
    target = (Interview.Status.CONFIRMED if answer == "confirm"
              else Interview.Status.CHANGE_REQUESTED)
    if interview.status == target or (target == Interview.Status.CONFIRMED
                                      and interview.status != Interview.Status.PROPOSED):
        raise RuleViolation(_("该面试当前不能进行此操作。"), code="interviews.bad_transition")
    _to(interview, target)
    interview.seeker_note = note
    interview.updated_at = now
    interview.save()
    audit_record(action=AuditAction.INTERVIEW_ANSWERED, actor=actor, target=interview,
                 details={"answer": answer}, now=now)
    when = local_time(interview.starts_at)
    notify_side(application=interview.application, side=Side.EMPLOYER,
                kind="interviews.answered",
                title=(_("求职者已确认面试：%(when)s") if answer == "confirm"
                       else _("求职者希望改期：原定 %(when)s")) % {"when": when},
                body=note, now=now)
    return interview


@transaction.atomic
def interview_reminders_send(*, now: datetime | None = None) -> int:
    """Remind both sides of each interview held tomorrow (Beijing date), once."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    due = (Interview.objects.select_for_update()
           .filter(status__in=[Interview.Status.PROPOSED, Interview.Status.CONFIRMED],
                   reminded_at=None, starts_at__gt=now,
                   starts_at__lt=now + timedelta(days=2))
           .select_related("application__posting", "application__seeker__user"))
    count = 0
    for interview in due:
        if timezone.localdate(interview.starts_at) != tomorrow:
            continue
        for side in (Side.SEEKER, Side.EMPLOYER):
            notify_side(application=interview.application, side=side,
                        kind="interviews.reminder",
                        title=_("明天面试提醒：%(posting)s，%(when)s（北京时间）") % {
                            "posting": interview.application.posting.title,
                            "when": local_time(interview.starts_at)},
                        body=_("%(mode)s：%(where)s") % {"mode": interview.get_mode_display(),
                                                        "where": _where(interview)}, now=now)
        interview.reminded_at = now
        interview.save(update_fields=["reminded_at"])
        count += 1
    return count
