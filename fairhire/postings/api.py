"""Postings API: drafting, submission, review, and the public view of published postings."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from fairhire.accounts.api import TokenAuth
from fairhire.core.api import ErrorOut
from fairhire.core.errors import InvalidInput
from fairhire.postings import selectors, services
from fairhire.postings.content import with_revision
from fairhire.postings.models import JobPosting
from fairhire.postings.policies import can_edit_posting, can_review_posting
from fairhire.postings.quality import pay_guidance, posting_suggestions

router = Router(tags=["postings"])
ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


def _anyone(request: HttpRequest):
    """Published postings are public; a signed-in caller also sees their own drafts."""
    return AnonymousUser()


PUBLIC_AUTH = [TokenAuth(), django_auth, _anyone]


class PostingChanges(Schema):
    kind: str | None = Field(None, pattern=r"^(job|gig)$")
    title: str | None = Field(None, max_length=80)
    headcount: int | None = Field(None, ge=1, le=100_000)
    education_code: str | None = Field(None, max_length=4)
    experience_years: int | None = Field(None, ge=0, le=60)
    requirements: str | None = Field(None, max_length=4000)
    employment_type: str | None = Field(None, max_length=16)
    duties: str | None = Field(None, max_length=8000)
    working_conditions: str | None = Field(None, max_length=4000)
    work_region_code: str | None = Field(None, max_length=6)
    work_address: str | None = Field(None, max_length=200)
    latitude: Decimal | None = Field(None, ge=-90, le=90, max_digits=9, decimal_places=6)
    longitude: Decimal | None = Field(None, ge=-180, le=180, max_digits=9, decimal_places=6)
    pay_min: int | None = Field(None, ge=0, le=10_000_000)
    pay_max: int | None = Field(None, ge=0, le=10_000_000)
    pay_unit: str | None = Field(None, pattern=r"^(month|day|hour|piece)?$")
    pay_schedule: str | None = Field(None, max_length=100)
    occupation_code: str | None = Field(None, max_length=12)
    industry_code: str | None = Field(None, max_length=5)
    valid_until: date | None = None
    work_period: str | None = Field(None, max_length=100)
    contact: str | None = Field(None, max_length=100)


class PostingCreate(PostingChanges):
    employer_id: int | None = Field(
        None, ge=1, le=2_147_483_647,
        description="Agencies only: the employer that entrusted you (GET /entrustments).")


class SubmitIn(Schema):
    exception_request: str = Field("", max_length=2000)


class DecisionIn(Schema):
    decision: str = Field(..., pattern=r"^(publish|reject)$")
    reason: str = Field("", max_length=2000)


class FlagOut(Schema):
    id: int
    field: str
    category: str
    severity: str
    start: int
    end: int
    excerpt: str
    basis: str
    message: str
    accepted: bool


class SuggestionOut(Schema):
    code: str
    field: str
    message: str


class PayGuidanceOut(Schema):
    scope: str
    count: int
    low: int
    median: int
    high: int
    unit: str


class PostingOut(Schema):
    id: int
    status: str
    version: int
    published_version: int
    employer: str
    agency: str | None = None
    entrustment: str = ""
    kind: str
    title: str
    headcount: int | None
    education_code: str
    experience_years: int | None
    requirements: str
    employment_type: str
    duties: str
    working_conditions: str
    work_region_code: str
    work_address: str
    pay_min: int | None
    pay_max: int | None
    pay_unit: str
    pay_schedule: str
    occupation_code: str
    industry_code: str
    valid_until: date | None
    work_period: str
    contact: str
    published_at: datetime | None
    last_updated: datetime | None
    review_note: str = ""
    revision_status: str = ""
    revision: dict | None = None
    suggestions: list[SuggestionOut] = []
    pay_guidance: PayGuidanceOut | None = None
    flags: list[FlagOut] = []


class VersionOut(Schema):
    number: int
    submitted_by: int
    submitted_at: datetime
    content: dict
    screening: dict
    flags: list[FlagOut]


def _version_out(version) -> dict:
    return {"number": version.number, "submitted_by": version.submitted_by_id,
            "submitted_at": version.submitted_at, "content": version.content,
            "screening": version.screening,
            "flags": [{**{k: getattr(f, k) for k in FlagOut.model_fields if k != "accepted"},
                       "accepted": f.accepted_at is not None} for f in version.flags.all()]}


INSIDER_ONLY = {"employer", "agency", "entrustment", "suggestions", "flags", "review_note",
                "revision_status", "revision", "pay_guidance"}


def _out(posting: JobPosting, actor) -> dict:
    """The published content; its own staff and reviewers also get the pending revision,
    the quality suggestions (EN 6, on what the employer is writing) and the flags."""
    data = {name: getattr(posting, name) for name in PostingOut.model_fields
            if name not in INSIDER_ONLY}
    data["employer"] = (posting.unit_snapshot or {}).get("name") or posting.employer.name
    data["agency"] = posting.agency.name if posting.agency_id else None
    if can_edit_posting(actor=actor, posting=posting) or can_review_posting(actor=actor):
        data["review_note"] = posting.review_note
        data["entrustment"] = posting.entrustment
        data["revision_status"] = posting.revision_status
        data["revision"] = posting.revision if posting.revision_status else None
        shown = with_revision(posting)
        data["suggestions"] = [s.as_dict() for s in posting_suggestions(shown)]
        guidance = pay_guidance(shown)
        data["pay_guidance"] = guidance.as_dict() if guidance else None
        data["flags"] = [{**{k: getattr(f, k) for k in FlagOut.model_fields if k != "accepted"},
                          "accepted": f.accepted_at is not None}
                         for f in selectors.posting_flags(posting=posting)]
    return data


@router.post("/postings", response={201: PostingOut, **ERRORS}, url_name="api-posting-create")
def posting_create(request: HttpRequest, payload: PostingCreate):
    """Start a draft posting for your employer (an agency names the entrusting employer in
    ``employer_id``). The answer carries quality ``suggestions`` (EN 6)."""
    values = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    employer_id = values.pop("employer_id", None)
    employer = (selectors.entrusting_employer_get(actor=request.auth, employer_id=employer_id)
                if employer_id else None)
    posting = services.posting_create(actor=request.auth, data=services.PostingData(**values),
                                      employer=employer)
    return Status(201, _out(posting, request.auth))


class ImportStartedOut(Schema):
    task_id: str


@router.post("/postings/import", response={202: ImportStartedOut, **ERRORS},
             url_name="api-posting-import")
def posting_import(request: HttpRequest, file: File[UploadedFile],
                   employer_id: Form[int | None] = None):
    """Import many postings for your employer from a UTF-8 CSV or an Excel .xlsx file (first
    row: the field names of ``POST /postings``); an agency names the entrusting employer in
    ``employer_id``. Follow it at ``/api/v1/tasks/{task_id}``; the per-row report is at
    ``/api/v1/postings/import/{task_id}``."""
    if file.size is not None and file.size > services.IMPORT_MAX_BYTES:
        raise InvalidInput(_("文件不能超过 5 MB。"), code="upload.too_large", field="file")
    employer = (selectors.entrusting_employer_get(actor=request.auth, employer_id=employer_id)
                if employer_id else None)
    progress = services.posting_import_start(actor=request.auth, filename=file.name or "",
                                             data=file.read(services.IMPORT_MAX_BYTES + 1),
                                             employer=employer)
    return Status(202, {"task_id": str(progress.pk)})


class ImportRowOut(Schema):
    line: int
    result: str
    posting_id: int | None
    status: str
    errors: dict[str, str]


@router.get("/postings/import/{task_id}", response={200: list[ImportRowOut], **ERRORS},
            url_name="api-posting-import-report")
def posting_import_report(request: HttpRequest, task_id: uuid.UUID):
    """The per-row report of your finished import (409 while it is still running)."""
    return selectors.posting_import_report(actor=request.auth, progress_id=task_id)


def _edit(request: HttpRequest, posting_id: int, payload: PostingChanges) -> dict:
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_edit(actor=request.auth, posting=posting,
                                    changes=payload.dict(exclude_unset=True))
    return _out(posting, request.auth)


@router.patch("/postings/{posting_id}", response={200: PostingOut, **ERRORS},
              url_name="api-posting-patch")
def posting_patch(request: HttpRequest, posting_id: int, payload: PostingChanges):
    """Change only the fields you send (``null`` empties a field). A draft changes in place;
    for a published posting this writes a revision (``revision``), submitted like a new
    posting while the published content stays up. Bad values answer 422 with an error per
    field; a pay minimum above the maximum 400 with ``errors.pay_min``."""
    return _edit(request, posting_id, payload)


@router.put("/postings/{posting_id}", response={200: PostingOut, **ERRORS},
            url_name="api-posting-edit")
def posting_edit(request: HttpRequest, posting_id: int, payload: PostingChanges):
    """The same as ``PATCH`` (kept for existing clients): absent fields stay as they are."""
    return _edit(request, posting_id, payload)


@router.post("/postings/{posting_id}/submit", response={200: PostingOut, **ERRORS},
             url_name="api-posting-submit")
def posting_submit(request: HttpRequest, posting_id: int, payload: SubmitIn):
    """Submit a draft or a published posting's revision: required content, a verified
    employer, then the screener."""
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_submit(actor=request.auth, posting=posting,
                                      exception_request=payload.exception_request)
    return _out(posting, request.auth)


@router.get("/postings", auth=PUBLIC_AUTH, response=list[PostingOut],
            url_name="api-posting-list")
def posting_list(request: HttpRequest):
    """The newest published postings."""
    return [_out(p, request.auth) for p in selectors.posting_list_public()]


@router.get("/postings/{posting_id}", auth=PUBLIC_AUTH, response={200: PostingOut, **ERRORS},
            url_name="api-posting-detail")
def posting_detail(request: HttpRequest, posting_id: int):
    """A published posting (anyone), or your own / one in review (its employer, reviewers)."""
    return _out(selectors.posting_get(actor=request.auth, posting_id=posting_id), request.auth)


@router.get("/postings/{posting_id}/versions", response={200: list[VersionOut], **ERRORS},
            url_name="api-posting-versions")
def posting_versions(request: HttpRequest, posting_id: int):
    """Every submitted version, unchanged (its own employer or agency, and reviewers)."""
    return [_version_out(v)
            for v in selectors.posting_versions(actor=request.auth, posting_id=posting_id)]


@router.post("/postings/{posting_id}/close", response={200: PostingOut, **ERRORS},
             url_name="api-posting-close")
def posting_close(request: HttpRequest, posting_id: int):
    """End recruitment for a published posting."""
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_close(actor=request.auth, posting=posting)
    return _out(posting, request.auth)


@router.get("/review/postings", response={200: list[PostingOut], **ERRORS},
            url_name="api-posting-review-queue")
def posting_review_queue(request: HttpRequest):
    """Postings waiting for a reviewer, oldest first, with their screening flags."""
    return [_out(p, request.auth) for p in selectors.posting_review_queue(actor=request.auth)]


@router.post("/review/postings/{posting_id}/decision", response={200: PostingOut, **ERRORS},
             url_name="api-posting-review-decision")
def posting_review_decision(request: HttpRequest, posting_id: int, payload: DecisionIn):
    """Publish, or send back to the employer with reasons."""
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_decide(posting=posting, actor=request.auth,
                                      decision=payload.decision, reason=payload.reason)
    return _out(posting, request.auth)


class EntrustmentIn(Schema):
    agency_uscc: str = Field(..., min_length=18, max_length=18,
                             description="The agency's unified social credit code")
    reference: str = Field(..., min_length=2, max_length=200)
    valid_until: date | None = None


class EntrustmentOut(Schema):
    id: int
    employer_id: int
    employer: str
    agency_id: int
    agency: str
    reference: str
    valid_until: date | None
    granted_at: datetime
    revoked_at: datetime | None
    active: bool


def _entrustment_out(grant) -> dict:
    from django.utils import timezone

    return {"id": grant.pk, "employer_id": grant.employer_id, "employer": grant.employer.name,
            "agency_id": grant.agency_id, "agency": grant.agency.name,
            "reference": grant.reference, "valid_until": grant.valid_until,
            "granted_at": grant.granted_at, "revoked_at": grant.revoked_at,
            "active": grant.is_active(timezone.localdate())}


@router.get("/entrustments", response={200: list[EntrustmentOut], **ERRORS},
            url_name="api-entrustment-list")
def entrustment_list(request: HttpRequest):
    """Entrustments your employer gave, or your agency received (Regulation Art. 17)."""
    return [_entrustment_out(g) for g in selectors.entrustment_list(actor=request.auth)]


@router.post("/entrustments", response={201: EntrustmentOut, **ERRORS},
             url_name="api-entrustment-grant")
def entrustment_grant(request: HttpRequest, payload: EntrustmentIn):
    """Entrust a verified agency to publish postings for your employer (owners only)."""
    agency = selectors.agency_by_uscc(uscc=payload.agency_uscc)
    if agency is None:
        raise InvalidInput(_("没有找到该统一社会信用代码对应的已审核人力资源服务机构。"),
                           code="posting.agency_not_found", field="agency_uscc",
                           errors={"agency_uscc": _("没有找到该机构。")})
    grant = services.entrustment_grant(actor=request.auth, agency=agency,
                                       reference=payload.reference,
                                       valid_until=payload.valid_until)
    return Status(201, _entrustment_out(grant))


@router.post("/entrustments/{entrustment_id}/revoke", response={200: EntrustmentOut, **ERRORS},
             url_name="api-entrustment-revoke")
def entrustment_revoke(request: HttpRequest, entrustment_id: int):
    """End an entrustment your employer gave (owners only)."""
    grant = selectors.entrustment_get(actor=request.auth, entrustment_id=entrustment_id)
    return _entrustment_out(services.entrustment_revoke(actor=request.auth, entrustment=grant))


class ReasonIn(Schema):
    reason: str = Field(max_length=2000)


@router.post("/review/postings/{posting_id}/suspend", response={200: PostingOut, **ERRORS},
             url_name="api-posting-suspend")
def posting_suspend(request: HttpRequest, posting_id: int, payload: ReasonIn):
    """Take a published posting off the site at once, pending review (reviewers, operators)."""
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_suspend(posting=posting, actor=request.auth, reason=payload.reason)
    return _out(posting, request.auth)


@router.post("/review/postings/{posting_id}/reinstate", response={200: PostingOut, **ERRORS},
             url_name="api-posting-reinstate")
def posting_reinstate(request: HttpRequest, posting_id: int, payload: ReasonIn):
    """Show a suspended posting again (reviewers, operators)."""
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_reinstate(posting=posting, actor=request.auth,
                                         reason=payload.reason)
    return _out(posting, request.auth)
