"""Two-way selection: the lifecycle of an application, and the end that starts the retention
clock (Regulation Art. 26; R26)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.applications.models import Application, FollowUp, Interview, Side
from fairhire.applications.notifying import notify_side, other_side
from fairhire.applications.policies import application_visible_to, side_of
from fairhire.complaints.services import evaluation_invite
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.ledger.services import ledger_append, retention_set
from fairhire.postings.selectors import posting_get

REASON_MAX = 500


def _status_label(status: str) -> str:
    return str(Application.Status(status).label)


def move(*, application: Application, to: str, side: str, actor=None, reason: str = "",
         now: datetime) -> Application:
    """Move a locked application to ``to`` for ``side`` (already authorised); audit, notify the
    other side, and on an end record the completion date (the retention clock, Art. 26)."""
    if not application.can_transition_to(to):
        raise RuleViolation(
            _("申请当前为“%(now)s”，不能变更为“%(to)s”。")
            % {"now": _status_label(application.status), "to": _status_label(to)},
            code="applications.bad_transition")
    before = application.status
    application.status = to
    application.status_changed_at = now
    fields = ["status", "status_changed_at"]
    if side == Side.EMPLOYER and application.first_response_at is None:
        application.first_response_at = now
        fields.append("first_response_at")
    if to == Application.Status.REJECTED:
        application.rejection_reason = reason
        fields.append("rejection_reason")
    if to in Application.ENDED:
        application.ended_at = now
        fields.append("ended_at")
    application.save(update_fields=fields)
    details = {"from": before, "to": to, "side": side}
    if reason:
        details["reason"] = reason
    audit_record(action=AuditAction.APPLICATION_EXPIRED if to == Application.Status.EXPIRED
                 else AuditAction.APPLICATION_MOVED, actor=actor, target=application,
                 account=None if actor else "system", details=details, now=now)
    if to in Application.ENDED:
        _end(application=application, actor=actor, now=now)
    title = _("申请状态更新：%(posting)s —— %(status)s") % {
        "posting": application.posting.title, "status": _status_label(to)}
    body = (_("原因：%(reason)s") % {"reason": reason}) if reason else ""
    if side == Side.SYSTEM:
        for each in (Side.SEEKER, Side.EMPLOYER):
            notify_side(application=application, side=each, kind="applications.moved",
                        title=title, body=body, now=now)
    else:
        notify_side(application=application, side=other_side(side), kind="applications.moved",
                    title=title, body=body, now=now)
    return application


def _end(*, application: Application, actor, now: datetime) -> None:
    """The service is complete: seal the outcome in the ledger, start the three-year retention
    clock, cancel interviews still ahead, schedule the follow-up of a hire, and invite the seeker
    to rate the service (JF7)."""
    ledger_append(kind="applications.application_ended", obj=application, now=now, payload={
        "application": application.pk, "posting": application.posting_id,
        "status": application.status, "ended_at": now.isoformat()})
    retention_set(obj=application, completed_at=now, actor=actor, now=now)
    application.interviews.filter(
        status__in=[Interview.Status.PROPOSED, Interview.Status.CONFIRMED,
                    Interview.Status.CHANGE_REQUESTED], starts_at__gt=now,
    ).update(status=Interview.Status.CANCELLED, cancel_reason=_("申请已结束"), updated_at=now)
    if application.status == Application.Status.HIRED:
        days = int(settings.APPLICATIONS_FOLLOW_UP_DAYS)
        FollowUp.objects.create(application=application,
                                due_on=timezone.localdate(now) + timedelta(days=days))
    posting = application.posting
    evaluation_invite(user=application.seeker.user, subject_kind="application",
                      subject_id=application.pk, about_org=posting.agency or posting.employer,
                      subject_label=posting.title, now=now)


def _locked(application: Application, actor) -> Application:
    locked = (application_visible_to(actor).select_for_update()
              .filter(pk=application.pk).first())
    if locked is None:
        raise NotFound(_("未找到该申请。"), code="applications.not_found")
    return locked


@transaction.atomic
def application_transition(*, actor, application: Application, to: str, reason: str = "",
                           now: datetime | None = None) -> Application:
    """Move an application one step (the TRANSITIONS table). The employer views, shortlists,
    invites to interview, makes an offer or rejects (with an optional reason the seeker sees);
    the seeker accepts an offer (hired), declines, or withdraws."""
    now = now or timezone.now()
    if to not in Application.Status.values:
        raise InvalidInput(_("未知的申请状态。"), code="applications.unknown_status", field="to")
    application = _locked(application, actor)
    reason = reason.strip()
    if len(reason) > REASON_MAX:
        raise InvalidInput(_("原因不能超过 500 字。"), code="applications.reason_too_long",
                           field="reason")
    required = Application.ACTOR.get(to)
    side = side_of(actor=actor, application=application)
    if side is None or required != side:
        raise PermissionDenied(
            _("该操作应由求职者本人进行。") if required == Side.SEEKER
            else _("该操作应由用人单位的招聘人员进行。") if required == Side.EMPLOYER
            else _("该状态由平台自动设置。"), code="applications.not_your_move")
    if to != Application.Status.REJECTED:
        reason = ""
    return move(application=application, to=to, side=side, actor=actor, reason=reason, now=now)


@transaction.atomic
def application_mark_viewed(*, actor, application: Application,
                            now: datetime | None = None) -> Application:
    """The employer opened a new application: it shows as viewed to the seeker."""
    if (application.status != Application.Status.RECEIVED
            or side_of(actor=actor, application=application) != Side.EMPLOYER):
        return application
    application = _locked(application, actor)
    if application.status != Application.Status.RECEIVED:
        return application
    return move(application=application, to=Application.Status.VIEWED, side=Side.EMPLOYER,
                actor=actor, now=now or timezone.now())


@transaction.atomic
def application_bulk_reject(*, actor, posting_id: int, application_ids: Iterable[int],
                            reason: str = "", now: datetime | None = None) -> list[Application]:
    """Reject several applicants of one posting at once; those that can no longer be rejected
    (already ended, or hired) are left as they are. Returns the rejected ones."""
    now = now or timezone.now()
    posting_get(actor=actor, posting_id=posting_id)  # what you may not see is 404
    rejected = []
    ids = sorted({int(i) for i in application_ids})
    if not ids:
        raise InvalidInput(_("请选择要处理的申请。"), code="applications.none_selected",
                           field="application_ids")
    for application in application_visible_to(actor).filter(posting_id=posting_id, pk__in=ids):
        if application.can_transition_to(Application.Status.REJECTED):
            rejected.append(application_transition(
                actor=actor, application=application, to=Application.Status.REJECTED,
                reason=reason, now=now))
    return rejected


@transaction.atomic
def applications_expire(*, now: datetime | None = None) -> int:
    """End applications the employer has not answered for ``APPLICATIONS_EXPIRE_DAYS`` days,
    so no seeker waits forever; both sides are told. Returns how many expired."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=int(settings.APPLICATIONS_EXPIRE_DAYS))
    stale = (Application.objects.select_for_update()
             .filter(status__in=Application.AWAITING_EMPLOYER, status_changed_at__lt=cutoff)
             .select_related("posting", "seeker__user"))
    count = 0
    for application in stale:
        move(application=application, to=Application.Status.EXPIRED, side=Side.SYSTEM, now=now)
        count += 1
    return count
