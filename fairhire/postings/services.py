"""Writes about job postings: one public function per use case (Regulation Arts 15, 17, 18, 26).

Every change runs in one transaction with its audit row; every submitted version and every
publication is also appended to the ledger in that transaction.
"""

from __future__ import annotations

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
from fairhire.orgs.models import Membership, Organisation
from fairhire.postings.content import content_errors, content_snapshot, unit_snapshot
from fairhire.postings.models import SCREENED_FIELDS, JobPosting, PostingFlag, PostingVersion
from fairhire.postings.policies import (
    can_edit_posting,
    can_review_posting,
    can_suspend_posting,
    publication_blockers,
    writing_organisation,
)
from fairhire.screening.services import screen_text

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
                           code="posting.unknown_field")
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


@transaction.atomic
def posting_create(*, actor: User, data: PostingData, employer: Organisation | None = None,
                   entrustment: str = "", now: datetime | None = None) -> JobPosting:
    """Start a draft. An employer's owner or recruiter drafts for the employer; an agency's
    drafts for an employer that entrusted it (Regulation Art. 17), with the entrustment noted."""
    now = now or timezone.now()
    org = writing_organisation(actor)
    if org is None:
        raise PermissionDenied(_("只有用人单位或人力资源服务机构的招聘人员可以发布招聘信息。"),
                               code="posting.not_recruiter")
    agency = None
    if org.is_agency:
        if employer is None or employer.is_agency:
            raise InvalidInput(_("请指定委托发布的用人单位。"), code="posting.employer_required",
                               field="employer")
        if not entrustment.strip():
            raise InvalidInput(_("代理发布须登记用人单位的委托。"),
                               code="posting.entrustment_required", field="entrustment")
        agency = org
    else:
        employer = org
    posting = JobPosting(employer=employer, agency=agency, entrustment=entrustment.strip(),
                         created_by=actor, created_at=now, updated_at=now)
    _apply(posting, {name: getattr(data, name) for name in DATA_FIELDS})
    posting.save()
    audit_record(action=AuditAction.POSTING_CREATED, actor=actor, target=posting, now=now)
    return posting


@transaction.atomic
def posting_edit(*, actor: User, posting: JobPosting, changes: dict[str, object],
                 now: datetime | None = None) -> JobPosting:
    """Change a draft. Submitted versions are never changed (Regulation Art. 26)."""
    now = now or timezone.now()
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权修改该招聘信息。"), code="posting.not_editor")
    if posting.status not in JobPosting.EDITABLE:
        raise RuleViolation(_("只有草稿可以修改。"), code="posting.not_editable")
    changed = _apply(posting, changes)
    posting.updated_at = now
    posting.save()
    audit_record(action=AuditAction.POSTING_EDITED, actor=actor, target=posting, now=now,
                 details={"fields": sorted(changed)})
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
    return JobPosting.objects.filter(employer=posting.employer, published_at__isnull=False) \
        .exclude(pk=posting.pk).exists()


@transaction.atomic
def posting_submit(*, actor: User, posting: JobPosting, exception_request: str = "",
                   now: datetime | None = None) -> JobPosting:
    """Submit a draft: required content (Regulation Art. 15(1), GN (8)), a verified employer
    (Art. 17), then the screener (Art. 15, 19).

    A blocking flag refuses the submission with its text and fix, unless the employer asks for a
    lawful exception in writing; then a reviewer decides. Review-level flags, new employers'
    postings and agency postings go to the reviewer queue; a clean posting of an employer that
    has published before is published at once. The version is kept and ledgered (Art. 26).
    """
    now = now or timezone.now()
    posting = JobPosting.objects.select_for_update(of=("self",)).select_related(
        "employer", "agency").get(pk=posting.pk)
    if not can_edit_posting(actor=actor, posting=posting):
        raise PermissionDenied(_("你无权提交该招聘信息。"), code="posting.not_editor")
    if posting.status != JobPosting.Status.DRAFT:
        raise RuleViolation(_("只有草稿可以提交。"), code="posting.bad_transition")
    errors = content_errors(posting, today=timezone.localdate(now))
    if errors:
        # No single ``field``: each message goes next to its own field (``errors``).
        raise InvalidInput(_("招聘信息缺少必备内容或填写有误，共 %(n)d 处，请按提示修改。")
                           % {"n": len(errors)}, code="posting.incomplete", errors=errors)
    blockers = publication_blockers(posting=posting, today=timezone.localdate(now))
    if blockers:
        raise RuleViolation(" ".join(blockers), code="posting.publisher_not_allowed")
    flags, ruleset = _screen(posting)
    blocking = [f for f in flags if f["severity"] == "block"]
    if blocking and not exception_request.strip():
        raise RuleViolation(
            _("招聘信息含有须修改的内容：%(m)s") % {"m": blocking[0]["message"]},
            code="posting.blocked_by_screening", flags=blocking)

    _transition(posting, JobPosting.Status.SCREENING)
    posting.version += 1
    posting.exception_request = exception_request.strip() if blocking else ""
    posting.review_note = ""
    posting.submitted_at = now
    posting.updated_at = now
    posting.save()
    content = content_snapshot(posting)
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
                          "ruleset": ruleset})

    direct = not flags and posting.agency_id is None and _employer_is_established(posting)
    if direct:
        _publish(posting, actor=actor, now=now, direct=True)
    else:
        _transition(posting, JobPosting.Status.IN_REVIEW)
        posting.save(update_fields=["status"])
    return posting


def _publish(posting: JobPosting, *, actor: User, now: datetime, direct: bool) -> None:
    _transition(posting, JobPosting.Status.PUBLISHED)
    posting.published_at = now
    posting.confirmed_at = now
    posting.reminded_at = None
    posting.unit_snapshot = unit_snapshot(posting)
    posting.save(update_fields=["status", "published_at", "confirmed_at", "reminded_at",
                                "unit_snapshot"])
    ledger_append(kind="postings.posting_published", obj=posting, now=now, payload={
        "version": posting.version, "unit": posting.unit_snapshot, "by": actor.pk,
        "direct": direct})
    audit_record(action=AuditAction.POSTING_PUBLISHED, actor=actor, target=posting, now=now,
                 details={"version": posting.version, "direct": direct})


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
    if posting.status != JobPosting.Status.IN_REVIEW:
        raise RuleViolation(_("当前状态不能发布。"), code="posting.bad_transition")
    _publish(posting, actor=actor, now=now, direct=False)
    return posting


@transaction.atomic
def posting_reject(*, posting: JobPosting, actor: User, reason: str,
                   now: datetime | None = None) -> JobPosting:
    """Send a posting back to the employer as a draft with the reviewer's reasons."""
    now = now or timezone.now()
    posting = _review_lock(posting, actor)
    if len(reason.strip()) < MIN_REASON:
        raise InvalidInput(_("请写明退回理由。"), code="posting.reason_required", field="reason")
    if posting.status != JobPosting.Status.IN_REVIEW:
        raise RuleViolation(_("当前状态不能退回。"), code="posting.bad_transition")
    _transition(posting, JobPosting.Status.DRAFT)
    posting.review_note = reason.strip()
    posting.save(update_fields=["status", "review_note"])
    audit_record(action=AuditAction.POSTING_REJECTED, actor=actor, target=posting, now=now,
                 details={"version": posting.version, "reason": posting.review_note})
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
    if flag.version.number != posting.version or posting.status != JobPosting.Status.IN_REVIEW:
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
    posting.save(update_fields=["status", "ended_at"])
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


def _tell_poster(posting: JobPosting, *, title: str, body: str, now: datetime) -> None:
    for membership in Membership.objects.filter(
            organisation_id=posting.agency_id or posting.employer_id).select_related("user"):
        notify(recipient=membership.user, kind="postings.suspension", title=title, body=body,
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
            posting.save(update_fields=["status", "ended_at"])
            audit_record(action=AuditAction.POSTING_EXPIRED, target=posting, now=now,
                         details={"valid_until": str(posting.valid_until), "days": days})
            expired += 1
        elif posting.reminded_at is None and due - timedelta(days=REMINDER_DAYS) <= now:
            posting.reminded_at = now
            posting.save(update_fields=["reminded_at"])
            audit_record(action=AuditAction.POSTING_CONFIRMATION_REQUESTED, target=posting,
                         now=now, details={"expires_at": due.isoformat()})
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
def posting_import_start(*, actor: User, filename: str, data: bytes) -> TaskProgress:
    """Bulk import (EN 1): check the file's encoding, header and size now, then create and
    submit one posting per row in the background, each through the same services as a posting
    written by hand. Only an employer's own owners and recruiters import (agency import, which
    needs an employer and an entrustment per row, is not offered)."""
    from fairhire.postings import csv_import
    from fairhire.postings.tasks import posting_import_task

    org = writing_organisation(actor)
    if org is None:
        raise PermissionDenied(_("只有用人单位的招聘人员可以导入招聘信息。"),
                               code="posting.not_recruiter")
    if org.is_agency:
        raise RuleViolation(_("批量导入只用于用人单位自己的招聘信息。"),
                            code="posting.import_agency")
    if len(data) > IMPORT_MAX_BYTES:
        raise InvalidInput(_("文件不能超过 5 MB。"), code="upload.too_large", field="file")
    text = csv_import.decode(data)
    csv_import.header(text)
    total = sum(1 for _row in csv_import.rows(text))
    if total == 0:
        raise InvalidInput(_("文件中没有数据行。"), code="posting.import_empty", field="file")
    if total > import_max_rows():
        raise InvalidInput(_("一次最多导入 %(n)d 行。") % {"n": import_max_rows()},
                           code="posting.import_too_many", field="file")
    progress = progress_create(kind="postings_import", owner=actor, total=total,
                               label=_("批量导入招聘信息：%(f)s") % {"f": filename[:100]})
    source = _import_folder() / f"postings-{progress.pk}.csv"
    source.write_text(text, encoding="utf-8")
    audit_record(action=AuditAction.POSTING_IMPORT_STARTED, actor=actor, target=progress,
                 details={"filename": filename[:200], "rows": total,
                          "organisation": org.pk})
    transaction.on_commit(lambda: posting_import_task.enqueue(
        progress_id=str(progress.pk), actor_id=actor.pk))
    return progress


def _refusal(error: DomainError) -> dict[str, str]:
    """A refused row's reasons, per field where the service said which."""
    if error.extra.get("errors"):
        return {str(k): str(v) for k, v in error.extra["errors"].items()}
    if error.extra.get("flags"):
        return {f"{flag['field']}[{flag['start']}:{flag['end']}]":
                f"「{flag['excerpt']}」{flag['message']}" for flag in error.extra["flags"]}
    return {getattr(error, "field", None) or "posting": str(error.message)}


def posting_import_run(*, progress_id: str, actor_id: int) -> Path:
    """Runs in the task worker: one transaction per row, so a refused row leaves nothing and
    never stops the others; writes the per-row report CSV (UTF-8 with BOM, for Excel)."""
    from fairhire.postings import csv_import

    actor = User.objects.get(pk=actor_id)
    folder = _import_folder()
    source = folder / f"postings-{progress_id}.csv"
    report = folder / f"postings-{progress_id}-report.csv"
    accepted = refused = 0
    try:
        with report.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(IMPORT_CSV_COLUMNS)
            for row in csv_import.rows(source.read_text(encoding="utf-8")):
                posting, errors = None, row.errors
                if row.data is not None:
                    try:
                        with transaction.atomic():
                            posting = posting_create(actor=actor, data=row.data)
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
