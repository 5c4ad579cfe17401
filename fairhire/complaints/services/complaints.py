"""Complaints and reports: receipt, handling to a deadline, the outcome, escalation (Reg. Art. 23).

Each complaint gets a number and an acknowledgement at once, an owner (the least-loaded
operator), and a deadline by category (``COMPLAINTS_DEADLINE_DAYS``). Operators move it along
``Complaint.TRANSITIONS``; ending it always writes an answer the complainant receives. Every step
is a row of the append-only history, an audit event, and (for the complainant's steps) a
notification.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import Role, User
from fairhire.complaints import challenge
from fairhire.complaints.models import (
    Category,
    Complaint,
    ComplaintEvent,
    Evidence,
    Referral,
    SubjectKind,
)
from fairhire.complaints.policies import can_complain, can_handle_complaint, can_operate
from fairhire.complaints.tracking import tracking_code_new, tracking_digest
from fairhire.core.audit import AuditAction, audit_rate_until, audit_record
from fairhire.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    RateLimited,
    RuleViolation,
)
from fairhire.core.notifications import notify
from fairhire.core.request_context import current_meta
from fairhire.ledger.services import ledger_append, retention_set
from fairhire.orgs import uploads
from fairhire.orgs.models import Organisation
from fairhire.orgs.policies import organisation_visible_to
from fairhire.privacy.services import pi_export_authorise

MIN_DESCRIPTION = 10
MAX_DESCRIPTION = 4000
MAX_EVIDENCE = 5
MIN_REASON = 4
EVIDENCE_AREA, EVIDENCE_TABLE = "complaints", "complaints.evidence"
PUBLIC_ORG_STATUSES = (Organisation.Status.VERIFIED, Organisation.Status.SUSPENDED,
                       Organisation.Status.TERMINATED)


@dataclass(frozen=True)
class EvidenceFile:
    filename: str
    data: bytes


def deadline_days(category: str) -> int:
    days = getattr(settings, "COMPLAINTS_DEADLINE_DAYS", {})
    return int(days.get(category, days.get("default", 15)))


def _rate_limit(*, now: datetime) -> None:
    """Anonymous reports: at most N per address in the window (SECURITY.md control 24).

    Counted from the audit trail itself, like sign-in failures (decision 1)."""
    ip = current_meta().ip
    window = timedelta(minutes=int(getattr(settings, "COMPLAINTS_ANONYMOUS_WINDOW_MINUTES", 60)))
    until = audit_rate_until(
        ip=ip, actions=[AuditAction.COMPLAINT_RECEIVED], actor_id__isnull=True, window=window,
        limit=int(getattr(settings, "COMPLAINTS_ANONYMOUS_PER_ADDRESS", 5)), now=now)
    if until is not None:
        raise RateLimited(_("该网络地址提交匿名举报过于频繁，请稍后再试，或登录后提交。"),
                          until=until, code="complaints.rate_limited")


def _subject(*, actor: User | None, kind: str, subject_id: int | None
             ) -> tuple[object | None, Organisation | None, str]:
    """(posting, organisation, label) of what the complaint is about; what the complainant
    cannot see is 404 (a report about a posting concerns one they were shown)."""
    from fairhire.postings.selectors import posting_get

    if kind == SubjectKind.GENERAL:
        return None, None, ""
    if subject_id is None:
        raise InvalidInput(_("请指明投诉对象。"), code="complaints.subject_required",
                           field="subject_id")
    if kind == SubjectKind.POSTING:
        posting = posting_get(actor=actor if actor and actor.is_authenticated else None,
                              posting_id=subject_id)
        return posting, posting.employer, posting.title
    if kind == SubjectKind.ORGANISATION:
        # Only one the public has seen (verified at some point) or the complainant may see:
        # a complaint must not reveal the name of an organisation still in registration.
        org = Organisation.objects.filter(pk=subject_id).filter(
            Q(status__in=PUBLIC_ORG_STATUSES) | Q(pk__in=organisation_visible_to(actor).values(
                "pk"))).first()
        if org is None:
            raise NotFound(_("未找到该单位。"), code="complaints.subject_not_found")
        return None, org, org.name
    return None, None, _("消息 #%(id)s") % {"id": subject_id}


def _least_loaded_operator() -> User | None:
    return (User.objects.filter(role=Role.OPERATOR, is_active=True)
            .annotate(open=Count("owned_complaints", filter=Q(
                owned_complaints__status__in=Complaint.OPEN)))
            .order_by("open", "pk").first())


def _event(complaint: Complaint, *, actor: User | None, to_status: str, now: datetime,
           note: str = "", from_status: str = "", public: bool = True) -> ComplaintEvent:
    """One step of the history, also sealed in the ledger: complaint handling is a service
    record kept tamper-evidently (Regulation Art. 26)."""
    event = ComplaintEvent.objects.create(complaint=complaint, at=now,
                                          actor_id=getattr(actor, "pk", None),
                                          from_status=from_status, to_status=to_status,
                                          note=note, public=public)
    ledger_append(kind="complaints.complaint_event", obj=complaint, now=now, payload={
        "complaint": complaint.number, "event": event.pk, "actor": event.actor_id,
        "from": from_status, "to": to_status, "at": now.isoformat(), "note": note},
        personal=["note"])
    return event


def _tell(complaint: Complaint, *, title: str, body: str, now: datetime) -> None:
    if complaint.complainant_id is None:
        return
    notify(recipient=complaint.complainant, kind="complaint", title=title, body=body,
           url=reverse("complaint-detail", args=[complaint.pk]), now=now)


def _evidence_add(complaint: Complaint, files: list[EvidenceFile], *, actor: User | None,
                  now: datetime) -> None:
    if len(files) > MAX_EVIDENCE:
        raise InvalidInput(_("最多上传 %(n)s 个证据文件。") % {"n": MAX_EVIDENCE},
                           code="complaints.too_much_evidence", field="evidence")
    for upload in files:
        judged = uploads.judge_upload(upload.data)
        stem = re.sub(r"[^\w.\-]", "_", upload.filename.rsplit("/", 1)[-1])[:150]
        evidence = Evidence.objects.create(
            complaint=complaint, original_name=(stem.rsplit(".", 1)[0] or "evidence") + "."
            + judged.extension, content_type=judged.content_type, size=len(judged.data),
            sha256=judged.sha256, uploaded_at=now,
            storage_name=uploads.store(judged.data, area=EVIDENCE_AREA, table=EVIDENCE_TABLE))
        audit_record(action=AuditAction.COMPLAINT_EVIDENCE_UPLOADED, actor=actor,
                     target=evidence, now=now,
                     details={"complaint": complaint.number, "sha256": judged.sha256})


@transaction.atomic
def complaint_submit(*, actor: User | None, category: str, subject_kind: str,
                     subject_id: int | None = None, description: str, contact: str = "",
                     evidence: list[EvidenceFile] | tuple = (), challenge_token: str = "",
                     challenge_answer: str = "", now: datetime | None = None) -> Complaint:
    """Take a complaint or report through the public channel (Regulation Art. 23).

    Anyone signed in may complain; a report about a posting is also accepted without an
    account, after the challenge and within the per-address rate limit. The complainant gets a
    number and an acknowledgement with the deadline at once.
    """
    now = now or timezone.now()
    signed_in = actor is not None and actor.is_authenticated
    if category not in Category.values:
        raise InvalidInput(_("请选择投诉类别。"), code="complaints.bad_category", field="category")
    if subject_kind not in SubjectKind.values:
        raise InvalidInput(_("请选择投诉对象。"), code="complaints.bad_subject",
                           field="subject_kind")
    if not can_complain(actor=actor, subject_kind=subject_kind):
        raise PermissionDenied(_("请登录后投诉；未登录时只能举报招聘信息。"),
                               code="complaints.sign_in_required")
    description = (description or "").strip()
    if len(description) < MIN_DESCRIPTION:
        raise InvalidInput(_("请用至少 %(n)s 个字说明情况。") % {"n": MIN_DESCRIPTION},
                           code="complaints.description_short", field="description")
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput(_("情况说明不能超过 %(n)s 字。") % {"n": MAX_DESCRIPTION},
                           code="complaints.description_long", field="description")
    nonce = None
    if not signed_in:
        _rate_limit(now=now)
        nonce = challenge.challenge_check(token=challenge_token, answer=challenge_answer)
        if Complaint.objects.filter(challenge_nonce=nonce).exists():
            raise InvalidInput(_("验证题已使用，请重新作答。"), code="complaints.challenge_used",
                               field="challenge_answer")
    posting, org, label = _subject(actor=actor, kind=subject_kind, subject_id=subject_id)
    complaint = Complaint(
        number=f"tmp-{uuid.uuid4().hex[:20]}",
        category=category, subject_kind=subject_kind,
        subject_id=subject_id if subject_kind != SubjectKind.GENERAL else None,
        subject_label=label[:200], posting=posting, organisation=org,
        complainant=actor if signed_in else None, challenge_nonce=nonce,
        owner=_least_loaded_operator(), received_at=now, acknowledged_at=now,
        deadline_at=now + timedelta(days=deadline_days(category)), updated_at=now)
    tracking_code = ""
    if not signed_in:
        tracking_code = tracking_code_new()
        complaint.tracking_digest = tracking_digest(tracking_code)
    complaint.seal("description", description)
    complaint.seal("contact", "" if signed_in else (contact or "").strip()[:200])
    complaint.save()
    complaint.number = f"TS{timezone.localtime(now):%Y%m%d}{complaint.pk:05d}"
    complaint.save(update_fields=["number"])
    _evidence_add(complaint, list(evidence), actor=actor if signed_in else None, now=now)
    _event(complaint, actor=actor if signed_in else None, to_status=Complaint.Status.RECEIVED,
           now=now, note=_("已收到，编号 %(n)s，将于 %(d)s 前答复。") % {
               "n": complaint.number,
               "d": timezone.localtime(complaint.deadline_at).strftime("%Y-%m-%d")})
    audit_record(action=AuditAction.COMPLAINT_RECEIVED, actor=actor if signed_in else None,
                 account="" if signed_in else "anonymous", target=complaint, now=now,
                 details={"number": complaint.number, "category": category,
                          "subject_kind": subject_kind, "subject_id": subject_id,
                          "anonymous": not signed_in})
    complaint.tracking_code = tracking_code  # shown once to the anonymous reporter, not stored
    _tell(complaint, title=_("投诉已收到：%(n)s") % {"n": complaint.number},
          body=_("我们已收到你的投诉（%(c)s），将在 %(d)s 前处理并答复。") % {
              "c": complaint.get_category_display(),
              "d": timezone.localtime(complaint.deadline_at).strftime("%Y-%m-%d")}, now=now)
    return complaint


@transaction.atomic
def complaint_evidence_add(*, actor: User, complaint: Complaint, file: EvidenceFile,
                           now: datetime | None = None) -> Complaint:
    """The complainant adds evidence to their complaint while it is open (SECURITY.md 22)."""
    now = now or timezone.now()
    complaint = _locked(complaint)
    if actor is None or complaint.complainant_id != actor.pk:
        raise NotFound(_("未找到该投诉。"), code="complaints.not_found")
    if complaint.status not in Complaint.OPEN:
        raise RuleViolation(_("投诉已办结。"), code="complaints.closed")
    if complaint.evidence.count() >= MAX_EVIDENCE:
        raise InvalidInput(_("最多上传 %(n)s 个证据文件。") % {"n": MAX_EVIDENCE},
                           code="complaints.too_much_evidence", field="file")
    _evidence_add(complaint, [file], actor=actor, now=now)
    return complaint


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


@transaction.atomic
def complaint_transition(*, complaint: Complaint, actor: User, to_status: str, note: str = "",
                         now: datetime | None = None) -> Complaint:
    """Move a complaint one step along ``Complaint.TRANSITIONS`` (Regulation Art. 23).

    Not accepting needs a reason; resolving needs the written outcome; escalating needs the
    reason and creates the referral the regulator picks up. Each of these is sent to the
    complainant. The operator who acts becomes the owner when there is none. A resolved
    complaint invites its complainant to rate the handling.
    """
    from fairhire.complaints.services.evaluations import evaluation_invite

    now = now or timezone.now()
    if not can_handle_complaint(actor=actor, complaint=complaint):
        raise NotFound(_("未找到该投诉。"), code="complaints.not_found")
    complaint = _locked(complaint)
    if to_status not in Complaint.Status.values or not complaint.can_transition_to(to_status):
        raise RuleViolation(_("当前状态（%(s)s）不能进行该操作。") % {
            "s": complaint.get_status_display()}, code="complaints.bad_transition")
    note = (note or "").strip()
    if to_status in Complaint.NEEDS_WRITING and len(note) < MIN_REASON:
        message = {
            Complaint.Status.NOT_ACCEPTED: _("不予受理须写明理由。"),
            Complaint.Status.RESOLVED: _("办结须写明处理结果，将发送给投诉人。"),
            Complaint.Status.ESCALATED: _("移交人社部门须写明理由。"),
        }[to_status]
        raise InvalidInput(message, code="complaints.note_required", field="note")
    previous = complaint.status
    complaint.status = to_status
    complaint.owner = complaint.owner or actor
    complaint.updated_at = now
    if to_status in (Complaint.Status.ACCEPTED, Complaint.Status.NOT_ACCEPTED):
        complaint.decided_at = now
    if to_status == Complaint.Status.NOT_ACCEPTED:
        complaint.not_accepted_reason = note
    if to_status in (Complaint.Status.RESOLVED, Complaint.Status.ESCALATED,
                     Complaint.Status.NOT_ACCEPTED):
        complaint.closed_at = now
        complaint.outcome = note
    complaint.save()
    if complaint.closed_at == now:
        # The record is kept at least three years after the service ends (Art. 26).
        retention_set(obj=complaint, completed_at=now, actor=actor, now=now)
    _event(complaint, actor=actor, from_status=previous, to_status=to_status, now=now, note=note)
    if to_status == Complaint.Status.ESCALATED:
        Referral.objects.create(complaint=complaint, created_at=now, created_by=actor,
                                reason=note, snapshot=referral_snapshot(complaint))
    audit_record(action=AuditAction.COMPLAINT_TRANSITIONED, actor=actor, target=complaint,
                 now=now, details={"number": complaint.number, "from": previous,
                                   "to": to_status})
    titles = {
        Complaint.Status.ACCEPTED: _("投诉已受理：%(n)s"),
        Complaint.Status.NOT_ACCEPTED: _("投诉不予受理：%(n)s"),
        Complaint.Status.INVESTIGATING: _("投诉调查中：%(n)s"),
        Complaint.Status.RESOLVED: _("投诉已办结：%(n)s"),
        Complaint.Status.ESCALATED: _("投诉已移交人社部门：%(n)s"),
    }
    _tell(complaint, title=titles[to_status] % {"n": complaint.number},
          body=note or complaint.get_status_display(), now=now)
    if to_status == Complaint.Status.RESOLVED and complaint.complainant_id:
        evaluation_invite(user=complaint.complainant, subject_kind="complaint",
                          subject_id=complaint.pk, subject_label=complaint.number,
                          about_org=None, now=now)
    return complaint


@transaction.atomic
def complaint_assign(*, complaint: Complaint, actor: User, owner: User,
                     now: datetime | None = None) -> Complaint:
    """Hand an open complaint to another operator, who then answers for its deadline."""
    now = now or timezone.now()
    if not can_handle_complaint(actor=actor, complaint=complaint):
        raise NotFound(_("未找到该投诉。"), code="complaints.not_found")
    complaint = _locked(complaint)
    if not can_operate(actor=owner):
        raise InvalidInput(_("承办人须为在岗的平台运营人员。"), code="complaints.bad_owner",
                           field="owner")
    if complaint.status not in Complaint.OPEN:
        raise RuleViolation(_("投诉已办结。"), code="complaints.closed")
    previous = complaint.owner
    complaint.owner = owner
    complaint.updated_at = now
    complaint.save(update_fields=["owner", "updated_at"])
    _event(complaint, actor=actor, from_status=complaint.status, to_status=complaint.status,
           now=now, public=False, note=_("承办人：%(o)s") % {"o": owner.display_name or owner})
    audit_record(action=AuditAction.COMPLAINT_ASSIGNED, actor=actor, target=complaint, now=now,
                 details={"number": complaint.number, "from": getattr(previous, "pk", None),
                          "to": owner.pk})
    return complaint


@transaction.atomic
def complaint_posting_suspend(*, complaint: Complaint, actor: User,
                              now: datetime | None = None) -> Complaint:
    """Take the reported posting off the site at once, pending review of the report."""
    from fairhire.postings.services import posting_suspend

    now = now or timezone.now()
    if not can_handle_complaint(actor=actor, complaint=complaint):
        raise NotFound(_("未找到该投诉。"), code="complaints.not_found")
    complaint = _locked(complaint)
    if complaint.posting is None:
        raise RuleViolation(_("该投诉不涉及招聘信息。"), code="complaints.no_posting")
    if complaint.status not in Complaint.OPEN:
        raise RuleViolation(_("投诉已办结。"), code="complaints.closed")
    if complaint.posting_suspended:
        raise RuleViolation(_("该招聘信息已暂停。"), code="complaints.already_suspended")
    posting_suspend(posting=complaint.posting, actor=actor, now=now,
                    reason=_("因投诉举报 %(n)s 暂停，待核查。") % {"n": complaint.number})
    complaint.posting_suspended = True
    complaint.owner = complaint.owner or actor
    complaint.updated_at = now
    complaint.save(update_fields=["posting_suspended", "owner", "updated_at"])
    _event(complaint, actor=actor, from_status=complaint.status, to_status=complaint.status,
           now=now, note=_("已暂停被举报的招聘信息，待核查。"))
    audit_record(action=AuditAction.COMPLAINT_POSTING_SUSPENDED, actor=actor, target=complaint,
                 now=now, details={"number": complaint.number, "posting": complaint.posting_id})
    return complaint


@transaction.atomic
def complaint_posting_reinstate(*, complaint: Complaint, actor: User,
                                now: datetime | None = None) -> Complaint:
    """Put a posting suspended for this complaint back on the site (the report was unfounded)."""
    from fairhire.postings.services import posting_reinstate

    now = now or timezone.now()
    if not can_handle_complaint(actor=actor, complaint=complaint):
        raise NotFound(_("未找到该投诉。"), code="complaints.not_found")
    complaint = _locked(complaint)
    if not complaint.posting_suspended:
        raise RuleViolation(_("该招聘信息未因本投诉暂停。"), code="complaints.not_suspended")
    posting_reinstate(posting=complaint.posting, actor=actor, now=now,
                      reason=_("投诉举报 %(n)s 经核查不成立，恢复发布。") % {"n": complaint.number})
    complaint.posting_suspended = False
    complaint.updated_at = now
    complaint.save(update_fields=["posting_suspended", "updated_at"])
    _event(complaint, actor=actor, from_status=complaint.status, to_status=complaint.status,
           now=now, note=_("已恢复发布被举报的招聘信息。"))
    audit_record(action=AuditAction.COMPLAINT_POSTING_SUSPENDED, actor=actor, target=complaint,
                 now=now, details={"number": complaint.number, "posting": complaint.posting_id,
                                   "reinstated": True})
    return complaint


@transaction.atomic
def evidence_read(*, actor: User, evidence: Evidence,
                  now: datetime | None = None) -> tuple[Evidence, bytes]:
    """An evidence file's bytes, for the complainant and operators only; every read audited."""
    from fairhire.complaints.policies import complaint_visible_to

    if not complaint_visible_to(actor).filter(pk=evidence.complaint_id).exists():
        raise NotFound(_("未找到该文件。"), code="complaints.evidence_not_found")
    data = uploads.load(evidence.storage_name, area=EVIDENCE_AREA, table=EVIDENCE_TABLE)
    audit_record(action=AuditAction.COMPLAINT_EVIDENCE_DOWNLOADED, actor=actor, target=evidence,
                 now=now, details={"sha256": evidence.sha256})
    return evidence, data


def referral_snapshot(complaint: Complaint) -> dict:
    """The escalated case as the regulator receives it."""
    return {
        "number": complaint.number,
        "category": complaint.category,
        "article": str(complaint.article),
        "subject_kind": complaint.subject_kind,
        "subject_id": complaint.subject_id,
        "subject": complaint.subject_label,
        "organisation": complaint.organisation.name if complaint.organisation else "",
        "organisation_uscc": complaint.organisation.uscc if complaint.organisation else "",
        "complainant": (complaint.complainant.display_name or complaint.complainant.username)
        if complaint.complainant else "",
        "anonymous": complaint.complainant_id is None,
        "received_at": complaint.received_at.isoformat(),
        "deadline_at": complaint.deadline_at.isoformat(),
        "description": complaint.unseal("description"),
        "evidence": [{"name": e.original_name, "sha256": e.sha256}
                     for e in complaint.evidence.all()],
        "history": [{"at": e.at.isoformat(), "from": e.from_status, "to": e.to_status,
                     "note": e.note} for e in complaint.events.all()],
    }


EXPORT_COLUMNS = ("number", "category", "article", "subject_kind", "subject_id", "subject",
                  "organisation", "organisation_uscc", "complainant", "anonymous",
                  "received_at", "deadline_at", "escalated_at", "reason", "description")


@transaction.atomic
def referrals_export(*, actor: User, fmt: str, destination: str, purpose: str,
                     lawful_basis: str, recipient: str = "",
                     now: datetime | None = None) -> tuple[str, bytes, str]:
    """Every escalated complaint as CSV or JSON for the regulator (filename, bytes, type).

    The records hold personal information, so the export names its destination, purpose and
    lawful basis and is logged (Regulation Art. 22; ``privacy.services.pi_export_authorise``).
    """
    now = now or timezone.now()
    if not can_operate(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以导出移交记录。"),
                               code="complaints.not_operator")
    if fmt not in ("csv", "json"):
        raise InvalidInput(_("请选择 CSV 或 JSON。"), code="complaints.bad_format", field="fmt")
    referrals = list(Referral.objects.select_related("complaint").order_by("created_at", "pk"))
    pi_export_authorise(actor=actor, dataset="complaints.referrals", destination=destination,
                        purpose=purpose, lawful_basis=lawful_basis, recipient=recipient,
                        record_count=len(referrals), now=now)
    rows = [{**r.snapshot, "escalated_at": r.created_at.isoformat(), "reason": r.reason}
            for r in referrals]
    stamp = f"{timezone.localtime(now):%Y%m%d-%H%M%S}"
    if fmt == "json":
        return (f"referrals-{stamp}.json",
                json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8"),
                "application/json")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        # A cell a spreadsheet would run as a formula is written as text.
        writer.writerow({k: "'" + v if isinstance(v, str) and v and v[0] in "=+-@" else v
                         for k, v in row.items()})
    return f"referrals-{stamp}.csv", out.getvalue().encode("utf-8-sig"), "text/csv"
