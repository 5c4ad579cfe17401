"""Postings API: drafting, submission, review, and the public view of published postings."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from fairhire.accounts.api import TokenAuth
from fairhire.core.api import ErrorOut
from fairhire.core.errors import InvalidInput
from fairhire.postings import selectors, services
from fairhire.postings.models import JobPosting
from fairhire.postings.policies import can_edit_posting, can_review_posting
from fairhire.postings.quality import posting_suggestions

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


class PostingOut(Schema):
    id: int
    status: str
    version: int
    employer: str
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
    suggestions: list[str] = []
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


def _out(posting: JobPosting, actor) -> dict:
    data = {name: getattr(posting, name) for name in PostingOut.model_fields
            if name not in {"employer", "suggestions", "flags", "review_note"}}
    data["employer"] = (posting.unit_snapshot or {}).get("name") or posting.employer.name
    if can_edit_posting(actor=actor, posting=posting) or can_review_posting(actor=actor):
        data["review_note"] = posting.review_note
        data["suggestions"] = posting_suggestions(posting)
        data["flags"] = [{**{k: getattr(f, k) for k in FlagOut.model_fields if k != "accepted"},
                          "accepted": f.accepted_at is not None}
                         for f in selectors.posting_flags(posting=posting)]
    return data


@router.post("/postings", response={201: PostingOut, **ERRORS}, url_name="api-posting-create")
def posting_create(request: HttpRequest, payload: PostingChanges):
    """Start a draft posting for your employer."""
    data = services.PostingData(**{k: v for k, v in payload.dict(exclude_unset=True).items()
                                   if v is not None})
    posting = services.posting_create(actor=request.auth, data=data)
    return Status(201, _out(posting, request.auth))


class ImportStartedOut(Schema):
    task_id: str


@router.post("/postings/import", response={202: ImportStartedOut, **ERRORS},
             url_name="api-posting-import")
def posting_import(request: HttpRequest, file: File[UploadedFile]):
    """Import many postings for your employer from a UTF-8 CSV (header: the field names of
    ``POST /postings``); follow it at ``/api/v1/tasks/{task_id}``, the per-row report is the
    task's result file."""
    if file.size is not None and file.size > services.IMPORT_MAX_BYTES:
        raise InvalidInput(_("文件不能超过 5 MB。"), code="upload.too_large", field="file")
    progress = services.posting_import_start(actor=request.auth, filename=file.name or "",
                                             data=file.read(services.IMPORT_MAX_BYTES + 1))
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


@router.put("/postings/{posting_id}", response={200: PostingOut, **ERRORS},
            url_name="api-posting-edit")
def posting_edit(request: HttpRequest, posting_id: int, payload: PostingChanges):
    """Change the fields you send of a draft (absent fields stay as they are)."""
    posting = selectors.posting_get(actor=request.auth, posting_id=posting_id)
    posting = services.posting_edit(actor=request.auth, posting=posting,
                                    changes=payload.dict(exclude_unset=True))
    return _out(posting, request.auth)


@router.post("/postings/{posting_id}/submit", response={200: PostingOut, **ERRORS},
             url_name="api-posting-submit")
def posting_submit(request: HttpRequest, posting_id: int, payload: SubmitIn):
    """Submit a draft: required content, a verified employer, then the screener."""
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
