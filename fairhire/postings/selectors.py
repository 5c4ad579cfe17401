"""Reads about postings, each scoped by ``posting_visible_to`` (what you may not see is 404)."""

from __future__ import annotations

import csv
import json
import uuid
from pathlib import Path

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent, TaskProgress
from fairhire.core.selectors import task_progress_get
from fairhire.orgs.models import Organisation, OrgKind
from fairhire.orgs.selectors import organisation_of
from fairhire.postings.models import Entrustment, JobPosting, PostingFlag, PostingVersion
from fairhire.postings.policies import (
    can_edit_posting,
    can_review_posting,
    posting_visible_to,
    writing_organisation,
)


def posting_get(*, actor: User | None, posting_id: int) -> JobPosting:
    posting = posting_visible_to(actor).select_related("employer", "agency").filter(
        pk=posting_id).first()
    if posting is None:
        raise NotFound(_("未找到该招聘信息。"), code="posting.not_found")
    return posting


def posting_list_public(*, limit: int = 50) -> QuerySet[JobPosting]:
    """The newest published postings (full search comes with the search issue)."""
    return posting_visible_to(None).select_related("employer", "agency").order_by(
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
    waiting = Q(status=JobPosting.Status.IN_REVIEW) | Q(
        status=JobPosting.Status.PUBLISHED, revision_status=JobPosting.Revision.IN_REVIEW)
    return JobPosting.objects.filter(waiting).select_related(
        "employer", "agency").order_by("submitted_at", "pk")


def posting_flags(*, posting: JobPosting) -> QuerySet[PostingFlag]:
    """The screener's findings on the posting's current version."""
    return PostingFlag.objects.filter(version__posting=posting, version__number=posting.version)


def posting_flag_get(*, actor: User, posting: JobPosting, flag_id: int) -> PostingFlag:
    flag = posting_flags(posting=posting).filter(pk=flag_id).first()
    if flag is None or not can_review_posting(actor=actor):
        raise NotFound(_("未找到该提示。"), code="posting.flag_not_found")
    return flag


def posting_versions(*, actor: User | None, posting_id: int) -> QuerySet[PostingVersion]:
    """Every submitted version, oldest first, with its flags (Regulation Art. 26). Only the
    posting's own staff and reviewers see them; to anyone else the posting answers 404, even
    when it is published (a rejected earlier version may hold text that was never public)."""
    posting = posting_get(actor=actor, posting_id=posting_id)
    if not (can_edit_posting(actor=actor, posting=posting) or can_review_posting(actor=actor)):
        raise NotFound(_("未找到该招聘信息。"), code="posting.not_found")
    return posting.versions.select_related("submitted_by").prefetch_related("flags") \
        .order_by("number")


def posting_history(*, posting: JobPosting) -> QuerySet[AuditEvent]:
    """What happened to the posting, oldest first: submissions, decisions, accepted flags."""
    return AuditEvent.objects.filter(target_type="postings.jobposting",
                                     target_id=str(posting.pk)).order_by("created_at", "id")


def posting_import_report(*, actor: User | None, progress_id: uuid.UUID) -> list[dict]:
    """A finished bulk import's per-row report, for the person who started it (others 404)."""
    progress = task_progress_get(actor=actor, progress_id=progress_id)
    if progress.kind != "postings_import":
        raise NotFound(_("未找到该任务。"), code="tasks.not_found")
    if progress.status != TaskProgress.Status.SUCCEEDED or not progress.result_path:
        raise RuleViolation(_("任务尚未完成。"), code="tasks.not_finished")
    with Path(progress.result_path).open(encoding="utf-8-sig", newline="") as handle:
        return [{"line": int(row["line"]), "result": row["result"],
                 "posting_id": int(row["posting_id"]) if row["posting_id"] else None,
                 "status": row["status"],
                 "errors": json.loads(row["errors"]) if row["errors"] else {}}
                for row in csv.DictReader(handle)]


def entrustment_list(*, actor: User | None) -> QuerySet[Entrustment]:
    """The entrustments an organisation's staff see: those their employer gave, or those
    their agency received, newest first (revoked ones too, as a record)."""
    org = organisation_of(actor=actor)
    if org is None:
        return Entrustment.objects.none()
    field = "agency" if org.is_agency else "employer"
    return Entrustment.objects.filter(**{field: org}).select_related(
        "employer", "agency", "granted_by", "revoked_by")


def entrustment_get(*, actor: User | None, entrustment_id: int) -> Entrustment:
    grant = entrustment_list(actor=actor).filter(pk=entrustment_id).first()
    if grant is None:
        raise NotFound(_("未找到该委托。"), code="posting.entrustment_not_found")
    return grant


def entrusting_employers(*, actor: User | None) -> QuerySet[Organisation]:
    """The verified employers that currently entrust the actor's agency (the employer
    picker on the agency's editor and import pages)."""
    org = writing_organisation(actor)
    if org is None or not org.is_agency:
        return Organisation.objects.none()
    today = timezone.localdate()
    active = Entrustment.objects.filter(agency=org, revoked_at__isnull=True).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    return Organisation.objects.filter(
        pk__in=active.values("employer"), status=Organisation.Status.VERIFIED).order_by("name")


def entrusting_employer_get(*, actor: User | None, employer_id: int) -> Organisation:
    in_range = 0 < employer_id < 2**31  # larger ids overflow the database's integer
    employer = entrusting_employers(actor=actor).filter(pk=employer_id).first() if in_range \
        else None
    if employer is None:
        raise InvalidInput(_("该用人单位没有委托本机构发布招聘信息。"),
                           code="posting.not_entrusted", field="employer",
                           errors={"employer": _("请从委托本机构的用人单位中选择。")})
    return employer


def agency_by_uscc(*, uscc: str) -> Organisation | None:
    """A verified agency by its unified social credit code (for entrusting it)."""
    return Organisation.objects.filter(kind=OrgKind.AGENCY, uscc=uscc.strip().upper(),
                                       status=Organisation.Status.VERIFIED).first()


def posting_labels(*, posting: JobPosting) -> dict[str, str]:
    """Names for the posting's codes, for pages: employment type, occupation, education,
    industry, and the work location as province/city/county (old codes resolve too)."""
    from fairhire.reference import selectors as reference

    labels: dict[str, str] = {}
    for key, kind, code in (("employment_type", "employment-types", posting.employment_type),
                            ("occupation", "occupations", posting.occupation_code),
                            ("education", "education", posting.education_code),
                            ("industry", "industries", posting.industry_code)):
        entry = reference.code_table(kind=kind).objects.filter(code=code).first() if code \
            else None
        labels[key] = entry.name if entry else code
    if posting.work_region_code:
        try:
            lineage = reference.region_resolve(code=posting.work_region_code).lineage
            labels["region"] = "".join(r.name for r in lineage)
        except NotFound:
            labels["region"] = posting.work_region_code
    return labels
