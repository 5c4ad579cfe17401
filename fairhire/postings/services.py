"""Writes about job postings: one public function per use case (Regulation Arts 15, 17, 18, 26).

Every change runs in one transaction with its audit row; every submitted version and every
publication is also appended to the ledger in that transaction.
"""

from __future__ import annotations

import copy
import csv
import json
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import DomainError, InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import TaskProgress
from fairhire.core.notifications import notify
from fairhire.core.progress import progress_advance, progress_create, progress_finish
from fairhire.ledger.services import ledger_append
from fairhire.orgs.models import Organisation
from fairhire.orgs.selectors import organisation_people
from fairhire.postings.content import (
    content_errors,
    content_snapshot,
    revision_snapshot,
    unit_snapshot,
    with_revision,
)
from fairhire.postings.models import (
    SCREENED_FIELDS,
    Entrustment,
    JobPosting,
    PostingFlag,
    PostingVersion,
)
from fairhire.postings.policies import (
    can_edit_posting,
    can_manage_entrustments,
    can_review_posting,
    can_suspend_posting,
    publication_blockers,
    writing_organisation,
)
from fairhire.screening.services import screen_text
from fairhire.search.outbox import outbox_record

REMINDER_DAYS = 3  # the employer is asked to confirm this many days before expiry
MIN_REASON = 4


def freshness_days() -> int:
    return int(getattr(settings, "POSTINGS_FRESHNESS_DAYS", 30))


@dataclass(frozen=True)
class PostingData:
    """The content an employer writes; every field optional while drafting."""

    kind: str = "job"
    title: str = ""
    headcount: int | None = None
    education_code: str = ""
    experience_years: int | None = None
    requirements: str = ""
    employment_type: str = ""
    duties: str = ""
    working_conditions: str = ""
    work_region_code: str = ""
    work_address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    pay_min: int | None = None
    pay_max: int | None = None
    pay_unit: str = ""
    pay_schedule: str = ""
    occupation_code: str = ""
    industry_code: str = ""
    valid_until: date | None = None
    work_period: str = ""
    contact: str = ""


DATA_FIELDS = tuple(f.name for f in fields(PostingData))


def _apply(posting: JobPosting, changes: dict[str, object]) -> list[str]:
    unknown = set(changes) - set(DATA_FIELDS)
    if unknown:
        raise InvalidInput(_("不认识的字段：%(f)s") % {"f": ", ".join(sorted(unknown))},
                           code="posting.unknown_field",
                           errors={name: _("不认识的字段。") for name in sorted(unknown)})
    for name, value in changes.items():
        setattr(posting, name, "" if value is None and isinstance(
            getattr(PostingData, name, None), str) else value)
    if posting.pay_min is not None and posting.pay_max is not None \
            and posting.pay_min > posting.pay_max:
        raise InvalidInput(_("薪酬下限不能高于上限。"), code="posting.pay_range",
                           field="pay_min", errors={"pay_min": _("薪酬下限不能高于上限。")})
    return list(changes)


def _transition(posting: JobPosting, status: str) -> None:
    if not posting.can_transition_to(status):
        raise RuleViolation(_("当前状态（%(s)s）不能进行该操作。") % {
            "s": posting.get_status_display()}, code="posting.bad_transition")
    posting.status = status
    outbox_record(kind="posting", object_id=posting.pk)  # the index follows, same transaction


def _revise(posting: JobPosting, revision_status: str) -> None:
    if not posting.can_revise_to(revision_status):
        raise RuleViolation(_("当前修改状态（%(s)s）不能进行该操作。") % {
            "s": posting.get_revision_status_display()}, code="posting.bad_transition")
    posting.revision_status = revision_status
    if revision_status == JobPosting.Revision.NONE:
        posting.revision = {}


@transaction.atomic
def posting_create(*, actor: User, data: PostingData, employer: Organisation | None = None,
                   now: datetime | None = None) -> JobPosting:
    """Start a draft. An employer's owner or recruiter drafts for the employer; an agency's
    drafts for an employer that has entrusted it (Regulation Art. 17, 19), and the posting
    records that entrustment."""
    now = now or timezone.now()
    org = writing_organisation(actor)
    if org is None:
        raise PermissionDenied(_("只有用人单位或人力资源服务机构的招聘人员可以发布招聘信息。"),
                               code="posting.not_recruiter")
    agency = grant = None
    if org.is_agency:
        if employer is None:
            raise InvalidInput(_("请选择委托发布的用人单位。"), code="posting.employer_required",
                               field="employer", errors={"employer": _("请选择用人单位。")})
        grant = _active_entrustment(employer=employer, agency=org, today=timezone.localdate(now))
        agency = org
    else:
        employer = org
    posting = JobPosting(employer=employer, agency=agency, entrustment_grant=grant,
                         entrustment=grant.reference if grant else "",
                         created_by=actor, created_at=now, updated_at=now)
    _apply(posting, {name: getattr(data, name) for name in DATA_FIELDS})
    posting.save()
    audit_record(action=AuditAction.POSTING_CREATED, actor=actor, target=posting, now=now,
                 details={"entrustment": grant.pk} if grant else None)
    return posting


def _active_entrustment(*, employer: Organisation, agency: Organisation,
                        today: date) -> Entrustment:
    grant = Entrustment.objects.filter(employer=employer, agency=agency,
                                       revoked_at__isnull=True).first()
    if grant is None or not grant.is_active(today):
        raise RuleViolation(_("该用人单位没有委托本机构发布招聘信息，或委托已到期、已撤销。"),
                            code="posting.not_entrusted", field="employer")
    return grant


@transaction.atomic
def posting_edit(*, actor: User, posting: JobPosting, changes: dict[str, object],
                 now: datetime | None = None) -> JobPosting:
    """Change the fields in ``changes`` (the rest stay as they are). A draft changes in place;
    a published posting gets a pending revision instead, which is submitted and screened like
    a new posting while the published content stays up (issue 4 item 4). Submitted versions
    are never changed (Regulation Art. 26)."""
    now = now or timezone.now()
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权修改该招聘信息。"), code="posting.not_editor")
    if posting.status in JobPosting.REVISABLE:
        if posting.revision_status == JobPosting.Revision.IN_REVIEW:
            raise RuleViolation(_("修改正在审核中，审核结束前不能再改。"),
                                code="posting.revision_in_review")
        shown = with_revision(posting) if posting.revision_status else copy.copy(posting)
        changed = _apply(shown, changes)
        if posting.revision_status != JobPosting.Revision.DRAFT:
            _revise(posting, JobPosting.Revision.DRAFT)
        posting.revision = revision_snapshot(shown, DATA_FIELDS)
        posting.save(update_fields=["revision", "revision_status"])
        audit_record(action=AuditAction.POSTING_EDITED, actor=actor, target=posting, now=now,
                     details={"fields": sorted(changed), "revision": True})
        return posting
    if posting.status not in JobPosting.EDITABLE:
        raise RuleViolation(_("只有草稿和已发布的招聘信息可以修改。"),
                            code="posting.not_editable")
    changed = _apply(posting, changes)
    posting.updated_at = now
    posting.save()
    audit_record(action=AuditAction.POSTING_EDITED, actor=actor, target=posting, now=now,
                 details={"fields": sorted(changed)})
    return posting


@transaction.atomic
def posting_revision_discard(*, actor: User, posting: JobPosting,
                             now: datetime | None = None) -> JobPosting:
    """Drop a pending revision of a published posting (not once it is in review); the
    published content is unchanged."""
    now = now or timezone.now()
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权修改该招聘信息。"), code="posting.not_editor")
    if posting.revision_status != JobPosting.Revision.DRAFT:
        raise RuleViolation(_("没有可放弃的修改草稿。"), code="posting.bad_transition")
    _revise(posting, JobPosting.Revision.NONE)
    posting.save(update_fields=["revision", "revision_status"])
    audit_record(action=AuditAction.POSTING_REVISION_DISCARDED, actor=actor, target=posting,
                 now=now)
    return posting


def _screen(posting: JobPosting) -> tuple[list[dict[str, object]], str]:
    """Screen every free-text field separately, so offsets point into that field."""
    flags: list[dict[str, object]] = []
    ruleset = ""
    for name in SCREENED_FIELDS:
        result = screen_text(getattr(posting, name) or "")
        ruleset = result.ruleset_version
        flags.extend({"field": name, **flag.to_dict()} for flag in result.flags)
    return flags, ruleset


def _employer_is_established(posting: JobPosting) -> bool:
    """The employer has published before (this posting counts once it is published)."""
    if posting.published_version:
        return True
    return JobPosting.objects.filter(employer=posting.employer, published_at__isnull=False) \
        .exclude(pk=posting.pk).exists()


@transaction.atomic
def posting_submit(*, actor: User, posting: JobPosting, exception_request: str = "",
                   now: datetime | None = None) -> JobPosting:
    """Submit a draft, or the pending revision of a published posting: required content
    (Regulation Art. 15(1), GN (8)), a verified employer (Art. 17), then the screener
    (Art. 15, 19).

    A blocking flag refuses the submission with its text and fix, unless the employer asks for a
    lawful exception in writing; then a reviewer decides. Review-level flags, new employers'
    postings and agency postings go to the reviewer queue; a clean posting of an employer that
    has published before is published at once. The version is kept and ledgered (Art. 26).
    A revision in review leaves the published content up until it is published itself.
    """
    now = now or timezone.now()
    posting = JobPosting.objects.select_for_update(of=("self",)).select_related(
        "employer", "agency", "entrustment_grant").get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权提交该招聘信息。"), code="posting.not_editor")
    revision = (posting.status in JobPosting.REVISABLE
                and posting.revision_status == JobPosting.Revision.DRAFT)
    if posting.status != JobPosting.Status.DRAFT and not revision:
        raise RuleViolation(_("只有草稿或已发布信息的修改稿可以提交。"),
                            code="posting.bad_transition")
    shown = with_revision(posting)
    errors = content_errors(shown, today=timezone.localdate(now))
    if errors:
        # No single ``field``: each message goes next to its own field (``errors``).
        raise InvalidInput(_("招聘信息缺少必备内容或填写有误，共 %(n)d 处，请按提示修改。")
                           % {"n": len(errors)}, code="posting.incomplete", errors=errors)
    blockers = publication_blockers(posting=posting, today=timezone.localdate(now))
    if blockers:
        raise RuleViolation(" ".join(blockers), code="posting.publisher_not_allowed")
    flags, ruleset = _screen(shown)
    blocking = [f for f in flags if f["severity"] == "block"]
    if blocking and not exception_request.strip():
        raise RuleViolation(
            _("招聘信息含有须修改的内容：%(m)s") % {"m": blocking[0]["message"]},
            code="posting.blocked_by_screening", flags=blocking)

    if revision:
        _revise(posting, JobPosting.Revision.IN_REVIEW)
    else:
        _transition(posting, JobPosting.Status.SCREENING)
        posting.updated_at = now
    posting.version += 1
    posting.exception_request = exception_request.strip() if blocking else ""
    posting.review_note = ""
    posting.submitted_at = now
    posting.save()
    content = content_snapshot(shown)
    screening = {"ruleset": ruleset, "flags": flags}
    version = PostingVersion.objects.create(posting=posting, number=posting.version,
                                            content=content, screening=screening,
                                            submitted_by=actor, submitted_at=now)
    PostingFlag.objects.bulk_create([
        PostingFlag(version=version, field=f["field"], category=f["category"],
                    severity=f["severity"], start=f["start"], end=f["end"],
                    excerpt=str(f["excerpt"])[:200], basis=str(f["basis"])[:400],
                    message=f["message"], message_en=f["message_en"],
                    ruleset_version=f["ruleset_version"])
        for f in flags])
    ledger_append(kind="postings.posting_version", obj=posting, now=now, payload={
        "version": version.number, "submitted_by": actor.pk, "content": content,
        "screening": screening, "exception_request": posting.exception_request})
    audit_record(action=AuditAction.POSTING_SUBMITTED, actor=actor, target=posting, now=now,
                 details={"version": version.number, "flags": len(flags),
                          "ruleset": ruleset, "revision": revision})

    direct = not flags and posting.agency_id is None and _employer_is_established(posting)
    if direct:
        _publish(posting, actor=actor, now=now, direct=True)
    elif not revision:
        _transition(posting, JobPosting.Status.IN_REVIEW)
        posting.save(update_fields=["status"])
    return posting


def _publish(posting: JobPosting, *, actor: User, now: datetime, direct: bool) -> None:
    """Publish the version under review: a new posting, or a revision whose content then
    replaces the published content (the page's "last updated" moves; the posting keeps its
    first publication date)."""
    revision = posting.revision_status == JobPosting.Revision.IN_REVIEW
    if revision:
        for name, value in content_fields(with_revision(posting)).items():
            setattr(posting, name, value)
        _revise(posting, JobPosting.Revision.NONE)
        posting.updated_at = now
    else:
        posting.published_at = now
    _transition(posting, JobPosting.Status.PUBLISHED)
    posting.published_version = posting.version
    posting.confirmed_at = now
    posting.reminded_at = None
    posting.unit_snapshot = unit_snapshot(posting)
    posting.save()
    ledger_append(kind="postings.posting_published", obj=posting, now=now, payload={
        "version": posting.version, "unit": posting.unit_snapshot, "by": actor.pk,
        "direct": direct})
    audit_record(action=AuditAction.POSTING_PUBLISHED, actor=actor, target=posting, now=now,
                 details={"version": posting.version, "direct": direct, "revision": revision})


def content_fields(posting: JobPosting) -> dict[str, object]:
    return {name: getattr(posting, name) for name in DATA_FIELDS}


def _review_lock(posting: JobPosting, actor: User) -> JobPosting:
    posting = JobPosting.objects.select_for_update(of=("self",)).select_related(
        "employer", "agency").get(pk=posting.pk)
    if not can_review_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权审核该招聘信息。"), code="posting.not_reviewer")
    return posting


@transaction.atomic
def posting_publish(*, posting: JobPosting, actor: User,
                    now: datetime | None = None) -> JobPosting:
    """Make a reviewed posting visible to job seekers (Regulation Art. 17).

    Only a reviewer may publish, and only a posting whose employer is verified and whose
    screening left no blocking flag that the reviewer has not accepted as a lawful exception.
    """
    now = now or timezone.now()
    posting = _review_lock(posting, actor)
    blockers = publication_blockers(posting=posting, today=timezone.localdate(now))
    if blockers:
        raise RuleViolation(" ".join(blockers), code="posting.publisher_not_allowed")
    if posting.open_blocking_flags().exists():
        raise RuleViolation(_("招聘信息含有须修改的内容，未认定为合法例外前不能发布。"),
                            code="posting.blocked_by_screening")
    if not posting.in_review:
        raise RuleViolation(_("当前状态不能发布。"), code="posting.bad_transition")
    _publish(posting, actor=actor, now=now, direct=False)
    return posting


@transaction.atomic
def posting_reject(*, posting: JobPosting, actor: User, reason: str,
                   now: datetime | None = None) -> JobPosting:
    """Send a posting back to the employer as a draft with the reviewer's reasons; a
    revision goes back to its draft and the published content stays up."""
    now = now or timezone.now()
    posting = _review_lock(posting, actor)
    if len(reason.strip()) < MIN_REASON:
        raise InvalidInput(_("请写明退回理由。"), code="posting.reason_required", field="reason")
    if not posting.in_review:
        raise RuleViolation(_("当前状态不能退回。"), code="posting.bad_transition")
    revision = posting.revision_status == JobPosting.Revision.IN_REVIEW
    if revision:
        _revise(posting, JobPosting.Revision.DRAFT)
    else:
        _transition(posting, JobPosting.Status.DRAFT)
    posting.review_note = reason.strip()
    posting.save(update_fields=["status", "revision_status", "review_note"])
    audit_record(action=AuditAction.POSTING_REJECTED, actor=actor, target=posting, now=now,
                 details={"version": posting.version, "reason": posting.review_note,
                          "revision": revision})
    return posting


def posting_decide(*, posting: JobPosting, actor: User, decision: str, reason: str = "",
                   now: datetime | None = None) -> JobPosting:
    """The reviewer's decision: ``publish`` or ``reject`` (with reasons)."""
    if decision == "publish":
        return posting_publish(posting=posting, actor=actor, now=now)
    if decision == "reject":
        return posting_reject(posting=posting, actor=actor, reason=reason, now=now)
    raise InvalidInput(_("审核决定只能是发布或退回。"), code="posting.bad_decision",
                       field="decision")


@transaction.atomic
def flag_accept(*, flag: PostingFlag, actor: User, reason: str,
                now: datetime | None = None) -> PostingFlag:
    """A reviewer records that a flagged passage is lawful here (for example a job national
    rules close to women, 女职工劳动保护特别规定 annex), only with a written reason; the
    acceptance is audited, ledgered and shown in the posting's history."""
    now = now or timezone.now()
    flag = PostingFlag.objects.select_for_update().select_related("version").get(pk=flag.pk)
    posting = _review_lock(flag.version.posting, actor)
    if len(reason.strip()) < MIN_REASON:
        raise InvalidInput(_("认定合法例外必须写明理由。"), code="posting.reason_required",
                           field="reason")
    if flag.version.number != posting.version or not posting.in_review:
        raise RuleViolation(_("只能处理待审核版本的提示。"), code="posting.flag_not_current")
    if flag.accepted_at is not None:
        raise RuleViolation(_("该提示已认定。"), code="posting.flag_already_accepted")
    flag.accepted_by, flag.accepted_at, flag.acceptance_reason = actor, now, reason.strip()
    flag.save(update_fields=["accepted_by", "accepted_at", "acceptance_reason"])
    details = {"version": posting.version, "flag": flag.pk, "category": flag.category,
               "excerpt": flag.excerpt, "reason": flag.acceptance_reason}
    ledger_append(kind="postings.flag_accepted", obj=posting, now=now,
                  payload={**details, "by": actor.pk})
    audit_record(action=AuditAction.POSTING_FLAG_ACCEPTED, actor=actor, target=posting,
                 now=now, details=details)
    return flag


def _owner_change(posting: JobPosting, actor: User, status: str, action: AuditAction,
                  now: datetime) -> JobPosting:
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权处理该招聘信息。"), code="posting.not_editor")
    _transition(posting, status)
    posting.ended_at = now
    posting.revision, posting.revision_status = {}, JobPosting.Revision.NONE  # moot now
    posting.save(update_fields=["status", "ended_at", "revision", "revision_status"])
    audit_record(action=action, actor=actor, target=posting, now=now)
    return posting


@transaction.atomic
def posting_close(*, posting: JobPosting, actor: User,
                  now: datetime | None = None) -> JobPosting:
    """The employer ends recruitment for a published posting."""
    return _owner_change(posting, actor, JobPosting.Status.CLOSED, AuditAction.POSTING_CLOSED,
                         now or timezone.now())


@transaction.atomic
def posting_withdraw(*, posting: JobPosting, actor: User,
                     now: datetime | None = None) -> JobPosting:
    """The employer takes back a draft, a posting in review or a published posting."""
    return _owner_change(posting, actor, JobPosting.Status.WITHDRAWN,
                         AuditAction.POSTING_WITHDRAWN, now or timezone.now())


@transaction.atomic
def posting_confirm(*, posting: JobPosting, actor: User,
                    now: datetime | None = None) -> JobPosting:
    """The employer confirms a published posting is still current (Regulation Art. 18)."""
    now = now or timezone.now()
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权处理该招聘信息。"), code="posting.not_editor")
    if posting.status != JobPosting.Status.PUBLISHED:
        raise RuleViolation(_("只有已发布的招聘信息需要确认。"), code="posting.bad_transition")
    posting.confirmed_at, posting.reminded_at = now, None
    posting.save(update_fields=["confirmed_at", "reminded_at"])
    audit_record(action=AuditAction.POSTING_CONFIRMED, actor=actor, target=posting, now=now)
    return posting


def _suspension_lock(posting: JobPosting, actor: User, reason: str,
                     required: str) -> JobPosting:
    if not can_suspend_posting(actor=actor):
        raise PermissionDenied(_("你无权暂停或恢复招聘信息。"), code="posting.not_supervisor")
    if len(reason.strip()) < MIN_REASON:
        raise InvalidInput(_("请写明理由。"), code="posting.reason_required", field="reason")
    posting = JobPosting.objects.select_for_update(of=("self",)).get(pk=posting.pk)
    if posting.status != required:
        raise RuleViolation(_("当前状态（%(s)s）不能进行该操作。") % {
            "s": posting.get_status_display()}, code="posting.bad_transition")
    return posting


def _tell_poster(posting: JobPosting, *, title: str, body: str, now: datetime,
                 kind: str = "postings.suspension") -> None:
    for user in organisation_people(organisation_id=posting.agency_id or posting.employer_id):
        notify(recipient=user, kind=kind, title=title, body=body,
               url=f"/postings/{posting.pk}/", now=now)


@transaction.atomic
def posting_suspend(*, posting: JobPosting, actor: User, reason: str,
                    now: datetime | None = None) -> JobPosting:
    """Take a published posting off the site at once, pending review (Regulation Art. 23:
    a report is handled promptly; Art. 17: what may break the law is not left published).

    A reviewer or an operator handling a report may do it, with a reason the poster is told.
    """
    now = now or timezone.now()
    posting = _suspension_lock(posting, actor, reason, JobPosting.Status.PUBLISHED)
    _transition(posting, JobPosting.Status.SUSPENDED)
    posting.save(update_fields=["status"])
    audit_record(action=AuditAction.POSTING_SUSPENDED, actor=actor, target=posting, now=now,
                 details={"reason": reason.strip()})
    _tell_poster(posting, title=_("招聘信息“%(t)s”已被暂停展示") % {"t": posting.title},
                 body=reason.strip(), now=now)
    return posting


@transaction.atomic
def posting_reinstate(*, posting: JobPosting, actor: User, reason: str,
                      now: datetime | None = None) -> JobPosting:
    """Show a suspended posting again once the review found nothing wrong with it."""
    now = now or timezone.now()
    posting = _suspension_lock(posting, actor, reason, JobPosting.Status.SUSPENDED)
    _transition(posting, JobPosting.Status.PUBLISHED)
    posting.save(update_fields=["status"])
    audit_record(action=AuditAction.POSTING_REINSTATED, actor=actor, target=posting, now=now,
                 details={"reason": reason.strip()})
    _tell_poster(posting, title=_("招聘信息“%(t)s”已恢复展示") % {"t": posting.title},
                 body=reason.strip(), now=now)
    return posting


def posting_expiry_due(posting: JobPosting) -> datetime | None:
    """When a published posting expires for want of confirmation."""
    anchor = posting.confirmed_at or posting.published_at
    return anchor + timedelta(days=freshness_days()) if anchor else None


@transaction.atomic
def postings_freshness_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Daily (Regulation Art. 18): expire published postings past their valid-until date or
    unconfirmed for ``POSTINGS_FRESHNESS_DAYS``; ask for confirmation ``REMINDER_DAYS`` before."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    days = freshness_days()
    expired = reminded = 0
    for posting in JobPosting.objects.select_for_update().filter(
            status=JobPosting.Status.PUBLISHED).order_by("pk"):
        due = posting_expiry_due(posting)
        if (posting.valid_until and posting.valid_until < today) or due <= now:
            _transition(posting, JobPosting.Status.EXPIRED)
            posting.ended_at = now
            posting.revision, posting.revision_status = {}, JobPosting.Revision.NONE
            posting.save(update_fields=["status", "ended_at", "revision", "revision_status"])
            audit_record(action=AuditAction.POSTING_EXPIRED, target=posting, now=now,
                         details={"valid_until": str(posting.valid_until), "days": days})
            _tell_poster(posting, kind="postings.expired", now=now,
                         title=_("招聘信息“%(t)s”已过期下线") % {"t": posting.title},
                         body=_("如仍在招聘，请重新发布。"))
            expired += 1
        elif posting.reminded_at is None and due - timedelta(days=REMINDER_DAYS) <= now:
            posting.reminded_at = now
            posting.save(update_fields=["reminded_at"])
            audit_record(action=AuditAction.POSTING_CONFIRMATION_REQUESTED, target=posting,
                         now=now, details={"expires_at": due.isoformat()})
            _tell_poster(posting, kind="postings.confirmation_requested", now=now,
                         title=_("请确认招聘信息“%(t)s”是否仍在招聘") % {"t": posting.title},
                         body=_("未确认的招聘信息将于 %(d)s 下线（第十八条）。"
                                "请在“我的招聘信息”中点击“确认仍有效”。")
                         % {"d": timezone.localtime(due).strftime("%Y-%m-%d %H:%M")})
            reminded += 1
    return {"expired": expired, "reminded": reminded}


IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_CSV_COLUMNS = ("line", "result", "posting_id", "status", "errors")


def import_max_rows() -> int:
    return int(getattr(settings, "POSTINGS_IMPORT_MAX_ROWS", 2000))


def _import_folder() -> Path:
    folder = Path(settings.PRIVATE_FILES_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@transaction.atomic
def posting_import_start(*, actor: User, filename: str, data: bytes,
                         employer: Organisation | None = None) -> TaskProgress:
    """Bulk import (EN 1) from CSV or Excel (.xlsx): check the file's format, header and size
    now, then create and submit one posting per row in the background, each through the same
    services as a posting written by hand. An employer's owners and recruiters import for the
    employer; an agency's for an employer that has entrusted it (``employer``)."""
    from fairhire.postings import import_files
    from fairhire.postings.tasks import posting_import_task

    org = writing_organisation(actor)
    if org is None:
        raise PermissionDenied(_("只有用人单位或人力资源服务机构的招聘人员可以导入招聘信息。"),
                               code="posting.not_recruiter")
    if org.is_agency:
        if employer is None:
            raise InvalidInput(_("请选择委托发布的用人单位。"), code="posting.employer_required",
                               field="employer", errors={"employer": _("请选择用人单位。")})
        _active_entrustment(employer=employer, agency=org, today=timezone.localdate())
    else:
        employer = None
    if len(data) > IMPORT_MAX_BYTES:
        raise InvalidInput(_("文件不能超过 5 MB。"), code="upload.too_large", field="file")
    kind = import_files.file_format(filename=filename, data=data)
    total = import_files.check(kind=kind, data=data)
    if total == 0:
        raise InvalidInput(_("文件中没有数据行。"), code="posting.import_empty", field="file")
    if total > import_max_rows():
        raise InvalidInput(_("一次最多导入 %(n)d 行。") % {"n": import_max_rows()},
                           code="posting.import_too_many", field="file")
    progress = progress_create(kind="postings_import", owner=actor, total=total,
                               label=_("批量导入招聘信息：%(f)s") % {"f": filename[:100]})
    source = _import_folder() / f"postings-{progress.pk}.{kind}"
    source.write_bytes(data)
    audit_record(action=AuditAction.POSTING_IMPORT_STARTED, actor=actor, target=progress,
                 details={"filename": filename[:200], "rows": total, "format": kind,
                          "organisation": org.pk,
                          "employer": employer.pk if employer else org.pk})
    employer_id = employer.pk if employer else None
    transaction.on_commit(lambda: posting_import_task.enqueue(
        progress_id=str(progress.pk), actor_id=actor.pk, employer_id=employer_id))
    return progress


def _refusal(error: DomainError) -> dict[str, str]:
    """A refused row's reasons, per field where the service said which."""
    if error.extra.get("errors"):
        return {str(k): str(v) for k, v in error.extra["errors"].items()}
    if error.extra.get("flags"):
        return {f"{flag['field']}[{flag['start']}:{flag['end']}]":
                f"「{flag['excerpt']}」{flag['message']}" for flag in error.extra["flags"]}
    return {getattr(error, "field", None) or "posting": str(error.message)}


def posting_import_run(*, progress_id: str, actor_id: int,
                       employer_id: int | None = None) -> Path:
    """Runs in the task worker: one transaction per row, so a refused row leaves nothing and
    never stops the others; writes the per-row report CSV (UTF-8 with BOM, for Excel)."""
    from fairhire.postings import import_files

    actor = User.objects.get(pk=actor_id)
    employer = Organisation.objects.get(pk=employer_id) if employer_id else None
    folder = _import_folder()
    [source] = [folder / f"postings-{progress_id}.{kind}"
                for kind in (import_files.CSV, import_files.XLSX)
                if (folder / f"postings-{progress_id}.{kind}").exists()]
    report = folder / f"postings-{progress_id}-report.csv"
    accepted = refused = 0
    try:
        with report.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(IMPORT_CSV_COLUMNS)
            kind = source.suffix.lstrip(".")
            for row in import_files.rows(kind=kind, data=source.read_bytes()):
                posting, errors = None, row.errors
                if row.data is not None:
                    try:
                        with transaction.atomic():
                            posting = posting_create(actor=actor, data=row.data,
                                                     employer=employer)
                            posting = posting_submit(actor=actor, posting=posting)
                    except DomainError as exc:
                        posting, errors = None, _refusal(exc)
                if posting is not None:
                    accepted += 1
                    writer.writerow([row.line, "accepted", posting.pk, posting.status, ""])
                else:
                    refused += 1
                    writer.writerow([row.line, "refused", "", "",
                                     json.dumps(errors, ensure_ascii=False)])
                progress_advance(progress_id=progress_id)
    except Exception as exc:
        report.unlink(missing_ok=True)
        progress_finish(progress_id=progress_id, ok=False, message=str(exc))
        raise
    finally:
        source.unlink(missing_ok=True)
    audit_record(action=AuditAction.POSTING_IMPORT_FINISHED, actor=actor,
                 target=TaskProgress.objects.get(pk=progress_id),
                 details={"accepted": accepted, "refused": refused})
    progress_finish(progress_id=progress_id, ok=True, result_path=str(report),
                    message=_("已导入 %(a)d 行，%(r)d 行未导入（见结果文件）。")
                    % {"a": accepted, "r": refused})
    return report


@transaction.atomic
def entrustment_grant(*, actor: User, agency: Organisation, reference: str,
                      valid_until: date | None = None,
                      now: datetime | None = None) -> Entrustment:
    """An employer's owner entrusts a verified agency to publish postings on the employer's
    behalf (Regulation Art. 17, 19), naming the entrustment document; one open entrustment per
    agency. Audited; postings the agency writes record it."""
    now = now or timezone.now()
    employer = writing_organisation(actor)
    if employer is None or employer.is_agency or not can_manage_entrustments(
            actor=actor, employer=employer):
        raise PermissionDenied(_("只有用人单位的负责人可以委托机构代为发布。"),
                               code="posting.not_entrusting_owner")
    errors: dict[str, str] = {}
    if not agency.is_agency or not agency.is_verified:
        errors["agency"] = _("只能委托已通过平台审核的人力资源服务机构。")
    if len(reference.strip()) < 2:
        errors["reference"] = _("请填写委托书编号或说明。")
    if valid_until is not None and valid_until < timezone.localdate(now):
        errors["valid_until"] = _("委托有效期不能早于今天。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), code="posting.entrustment_invalid",
                           field=next(iter(errors)), errors=errors)
    if Entrustment.objects.filter(employer=employer, agency=agency,
                                  revoked_at__isnull=True).exists():
        raise RuleViolation(_("已委托该机构；如需更改，请先撤销原委托。"),
                            code="posting.entrustment_exists", field="agency")
    grant = Entrustment.objects.create(employer=employer, agency=agency,
                                       reference=reference.strip()[:200],
                                       valid_until=valid_until, granted_by=actor,
                                       granted_at=now)
    audit_record(action=AuditAction.POSTING_ENTRUSTMENT_GRANTED, actor=actor, target=grant,
                 now=now, details={"employer": employer.pk, "agency": agency.pk,
                                   "reference": grant.reference,
                                   "valid_until": str(valid_until or "")})
    return grant


@transaction.atomic
def entrustment_revoke(*, actor: User, entrustment: Entrustment,
                       now: datetime | None = None) -> Entrustment:
    """The employer's owner ends an entrustment. The agency can no longer write or submit
    postings for the employer; postings already published stay up (the employer closes them
    if it wants)."""
    now = now or timezone.now()
    grant = Entrustment.objects.select_for_update().select_related("employer").get(
        pk=entrustment.pk)
    if not can_manage_entrustments(actor=actor, employer=grant.employer):
        raise PermissionDenied(_("只有用人单位的负责人可以撤销委托。"),
                               code="posting.not_entrusting_owner")
    if grant.revoked_at is not None:
        raise RuleViolation(_("该委托已撤销。"), code="posting.entrustment_revoked")
    grant.revoked_by, grant.revoked_at = actor, now
    grant.save(update_fields=["revoked_by", "revoked_at"])
    audit_record(action=AuditAction.POSTING_ENTRUSTMENT_REVOKED, actor=actor, target=grant,
                 now=now, details={"employer": grant.employer_id, "agency": grant.agency_id})
    return grant
