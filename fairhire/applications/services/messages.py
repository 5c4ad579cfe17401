"""Messages between an employer and an applicant, inside the platform (Regulation Art. 19).

Every message from an employer is screened; one the screener flags as asking the worker for
money (``deposit_fee``) or as a sign of a scam (``fraud_signal``) is held: the seeker is warned
at once, without the text, and a reviewer releases or blocks it. A seeker may report a message;
the report goes to the same reviewer queue.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.applications.models import Application, Message, Side
from fairhire.applications.notifying import notify_side, other_side
from fairhire.applications.policies import (
    application_visible_to,
    can_review_messages,
    side_of,
)
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.screening.services import screen_text

TEXT_MAX = 2000
HOLD_CATEGORIES = frozenset({"deposit_fee", "fraud_signal"})
DECISIONS = ("release", "block")


@transaction.atomic
def message_send(*, actor, application: Application, text: str,
                 now: datetime | None = None) -> Message:
    now = now or timezone.now()
    application = (application_visible_to(actor).select_for_update()
                   .filter(pk=application.pk).select_related("posting").first())
    if application is None:
        raise NotFound(_("未找到该申请。"), code="applications.not_found")
    side = side_of(actor=actor, application=application)
    if side is None:
        raise PermissionDenied(_("你无权在此发送消息。"), code="messages.not_a_party")
    text = text.strip()
    if not text or len(text) > TEXT_MAX:
        raise InvalidInput(_("消息不能为空，且不超过 2000 字。"), code="messages.text",
                           field="text")
    message = Message(application=application, sender=actor, side=side, created_at=now)
    message.seal("body", text)
    held: list[dict] = []
    if side == Side.EMPLOYER:
        result = screen_text(text)
        message.ruleset_version = result.ruleset_version
        message.flags = [{"category": f.category, "severity": str(f.severity),
                          "start": f.start, "end": f.end, "excerpt": f.excerpt,
                          "message": f.message} for f in result.flags]
        held = [f for f in message.flags if f["category"] in HOLD_CATEGORIES]
        if held:
            message.status = Message.Status.HELD
        if application.first_response_at is None:
            application.first_response_at = now
            application.save(update_fields=["first_response_at"])
    message.save()
    audit_record(action=AuditAction.MESSAGE_HELD if held else AuditAction.MESSAGE_SENT,
                 actor=actor, target=message,
                 details={"application": application.pk, "side": side,
                          "categories": sorted({f["category"] for f in held})}, now=now)
    if held:
        notify_side(application=application, side=Side.SEEKER, kind="messages.held",
                    title=_("安全提醒：%(posting)s 的一条消息正在审核") % {
                        "posting": application.posting.title},
                    body=_("该消息疑似要求你缴纳费用或有诈骗特征，平台审核前不会显示。"
                           "用人单位不得以任何名义向求职者收取押金、保证金、培训费等费用，"
                           "请勿向任何人转账或交出证件。"), now=now)
    else:
        notify_side(application=application, side=other_side(side), kind="messages.new",
                    title=_("新消息：%(posting)s") % {"posting": application.posting.title},
                    now=now)
    return message


def _message_locked(*, message_id: int, actor) -> Message:
    message = (Message.objects.select_for_update()
               .filter(pk=message_id, application__in=application_visible_to(actor))
               .select_related("application__posting").first())
    if message is None:
        raise NotFound(_("未找到该消息。"), code="messages.not_found")
    return message


@transaction.atomic
def message_report(*, actor, message: Message, reason: str,
                   now: datetime | None = None) -> Message:
    """The seeker reports an employer's message to the platform's reviewers."""
    now = now or timezone.now()
    message = _message_locked(message_id=message.pk, actor=actor)
    if (side_of(actor=actor, application=message.application) != Side.SEEKER
            or message.side != Side.EMPLOYER or message.status != Message.Status.DELIVERED):
        raise NotFound(_("未找到该消息。"), code="messages.not_found")
    reason = reason.strip()
    if not reason or len(reason) > 500:
        raise InvalidInput(_("请说明举报理由（不超过 500 字）。"), code="messages.report_reason",
                           field="reason")
    if message.report == Message.Report.OPEN:
        raise RuleViolation(_("该消息已被举报，正在处理。"), code="messages.already_reported")
    message.report = Message.Report.OPEN
    message.report_reason = reason
    message.reported_at = now
    message.save(update_fields=["report", "report_reason", "reported_at"])
    audit_record(action=AuditAction.MESSAGE_REPORTED, actor=actor, target=message,
                 details={"reason": reason}, now=now)
    return message


@transaction.atomic
def message_decide(*, actor, message_id: int, decision: str, note: str = "",
                   now: datetime | None = None) -> Message:
    """A reviewer releases or blocks a held message, or rules on a reported one (a blocked
    message is hidden from the seeker; the sender is told)."""
    now = now or timezone.now()
    if not can_review_messages(actor=actor):
        raise PermissionDenied(_("只有平台审核员可以审核消息。"), code="messages.not_reviewer")
    if decision not in DECISIONS:
        raise InvalidInput(_("请选择放行或拦截。"), code="messages.decision", field="decision")
    message = (Message.objects.select_for_update().filter(pk=message_id)
               .select_related("application__posting", "application__seeker__user").first())
    held = message is not None and message.status == Message.Status.HELD
    reported = message is not None and message.report == Message.Report.OPEN
    if not (held or reported):
        raise NotFound(_("未找到待审核的消息。"), code="messages.not_found")
    note = note.strip()[:500]
    application = message.application
    if decision == "release":
        message.status = Message.Status.DELIVERED
        if reported:
            message.report = Message.Report.DISMISSED
    else:
        message.status = Message.Status.BLOCKED
        if reported:
            message.report = Message.Report.UPHELD
    message.decided_by, message.decided_at, message.decision_note = actor, now, note
    message.save(update_fields=["status", "report", "decided_by", "decided_at",
                                "decision_note"])
    audit_record(action=AuditAction.MESSAGE_DECIDED, actor=actor, target=message,
                 details={"decision": decision, "held": held, "reported": reported}, now=now)
    posting = application.posting.title
    if held and decision == "release":
        notify_side(application=application, side=Side.SEEKER, kind="messages.new",
                    title=_("新消息：%(posting)s（已通过平台审核）") % {"posting": posting},
                    now=now)
    if decision == "block":
        notify_side(application=application, side=Side.SEEKER, kind="messages.blocked",
                    title=_("平台已拦截 %(posting)s 的一条违规消息") % {"posting": posting},
                    body=_("请勿向任何人缴纳押金、保证金或其他费用。"), now=now)
        notify_side(application=application, side=Side.EMPLOYER, kind="messages.blocked",
                    title=_("你发送的一条消息未通过平台审核：%(posting)s") % {"posting": posting},
                    body=note, now=now)
    return message
