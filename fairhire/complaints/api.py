"""Complaints API: the public channel, the complainant's view, operators' handling, agreements,
evaluations and the platform's fee disclosure."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from fairhire.accounts.api import TokenAuth
from fairhire.complaints import challenge, selectors, services
from fairhire.complaints.models import Category, Complaint, SubjectKind
from fairhire.complaints.policies import can_operate
from fairhire.core.api import ErrorOut
from fairhire.core.errors import InvalidInput
from fairhire.orgs.uploads import MAX_BYTES

router = Router(tags=["complaints"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut,
          429: ErrorOut}


def _anyone(request: HttpRequest):
    """Reports about a posting are accepted without an account (with the challenge)."""
    return AnonymousUser()


PUBLIC_AUTH = [TokenAuth(), django_auth, _anyone]
CATEGORY = "^(" + "|".join(Category.values) + ")$"
SUBJECT = "^(" + "|".join(SubjectKind.values) + ")$"


class ChallengeOut(Schema):
    question: str
    token: str


class ComplaintIn(Schema):
    category: str = Field(..., pattern=CATEGORY)
    subject_kind: str = Field(..., pattern=SUBJECT)
    subject_id: int | None = Field(None, ge=1, le=2**62)
    description: str = Field(..., max_length=4000)
    contact: str = Field("", max_length=200)
    challenge_token: str = Field("", max_length=500)
    challenge_answer: str = Field("", max_length=8)


class EventOut(Schema):
    at: datetime
    status: str
    note: str


class ComplaintOut(Schema):
    id: int
    number: str
    category: str
    article: str
    subject_kind: str
    subject_id: int | None
    subject: str
    status: str
    received_at: datetime
    acknowledged_at: datetime | None
    deadline_at: datetime
    overdue: bool
    outcome: str
    not_accepted_reason: str
    posting_suspended: bool
    owner: str | None = None
    description: str = ""
    history: list[EventOut] = []


def _out(complaint: Complaint, actor, *, full: bool = False) -> dict:
    data = {
        "id": complaint.pk, "number": complaint.number, "category": complaint.category,
        "article": str(complaint.article), "subject_kind": complaint.subject_kind,
        "subject_id": complaint.subject_id, "subject": complaint.subject_label,
        "status": complaint.status, "received_at": complaint.received_at,
        "acknowledged_at": complaint.acknowledged_at, "deadline_at": complaint.deadline_at,
        "overdue": complaint.is_overdue(timezone.now()), "outcome": complaint.outcome,
        "not_accepted_reason": complaint.not_accepted_reason,
        "posting_suspended": complaint.posting_suspended,
        "owner": complaint.owner.username if can_operate(actor=actor) and complaint.owner
        else None,
    }
    if full:
        data["description"] = complaint.unseal("description")
        data["history"] = [{"at": e.at, "status": e.to_status, "note": e.note}
                           for e in selectors.complaint_history(actor=actor, complaint=complaint)]
    return data


class ReceiptOut(Schema):
    id: int | None
    number: str
    status: str
    deadline_at: datetime
    tracking_code: str = ""


class TrackIn(Schema):
    number: str = Field(..., max_length=24)
    code: str = Field(..., max_length=20)


@router.get("/complaints/challenge", auth=PUBLIC_AUTH, response=ChallengeOut,
            url_name="api-complaint-challenge")
def complaint_challenge(request: HttpRequest):
    """A question to answer with an anonymous report (valid 15 minutes, one attempt)."""
    question = challenge.challenge_new()
    return {"question": question.question, "token": question.token}


@router.post("/complaints", auth=PUBLIC_AUTH, response={201: ReceiptOut, **ERRORS},
             url_name="api-complaint-create")
def complaint_create(request: HttpRequest, payload: ComplaintIn):
    """Complain (signed in: about anything) or report a posting (anonymous: with the challenge
    from ``GET /complaints/challenge``, rate-limited per address). Answers the number, the
    deadline and, for a signed-in complainant, the id to follow it with."""
    actor = request.auth if request.auth.is_authenticated else None
    complaint = services.complaint_submit(actor=actor, **payload.dict())
    return Status(201, {"id": complaint.pk if actor else None, "number": complaint.number,
                        "status": complaint.status, "deadline_at": complaint.deadline_at,
                        "tracking_code": getattr(complaint, "tracking_code", "")})


@router.post("/complaints/track", auth=PUBLIC_AUTH, response={200: ComplaintOut, **ERRORS},
             url_name="api-complaint-track")
def complaint_track(request: HttpRequest, payload: TrackIn):
    """An anonymous report's state, outcome and history, by its number and the code given at
    receipt (404 when either is wrong)."""
    complaint = selectors.complaint_track(number=payload.number, code=payload.code)
    data = _out(complaint, None)
    data["history"] = [{"at": e.at, "status": e.to_status, "note": e.note}
                       for e in complaint.events.filter(public=True)]
    return data


@router.post("/complaints/{complaint_id}/evidence", response={201: ComplaintOut, **ERRORS},
             url_name="api-complaint-evidence")
def complaint_evidence(request: HttpRequest, complaint_id: int, file: File[UploadedFile]):
    """Add an evidence file (PDF, JPEG or PNG, judged by content) to your open complaint."""
    complaint = selectors.complaint_get(actor=request.auth, complaint_id=complaint_id)
    if file.size is not None and file.size > MAX_BYTES:
        raise InvalidInput(_("文件不能超过 10 MB。"), code="upload.too_large", field="file")
    complaint = services.complaint_evidence_add(
        actor=request.auth, complaint=complaint,
        file=services.EvidenceFile(filename=file.name or "", data=file.read(MAX_BYTES + 1)))
    return Status(201, _out(complaint, request.auth, full=True))


@router.get("/me/complaints", response={200: list[ComplaintOut], **ERRORS},
            url_name="api-complaint-mine")
def complaint_mine(request: HttpRequest):
    """Your complaints, newest first, with their state, deadline and outcome."""
    return [_out(c, request.auth) for c in selectors.complaint_list_mine(actor=request.auth)]


@router.get("/complaints/{complaint_id}", response={200: ComplaintOut, **ERRORS},
            url_name="api-complaint-detail")
def complaint_detail(request: HttpRequest, complaint_id: int):
    """One of your complaints (operators: any), with its history."""
    complaint = selectors.complaint_get(actor=request.auth, complaint_id=complaint_id)
    return _out(complaint, request.auth, full=True)


@router.get("/operator/complaints", response={200: list[ComplaintOut], **ERRORS},
            url_name="api-complaint-queue")
def complaint_queue(request: HttpRequest, status: str = "", overdue: bool = False):
    """Operators: open complaints by deadline (``status`` to filter, ``overdue=true`` for the
    late ones); each says whether it is overdue."""
    status = status if status in Complaint.Status.values else ""
    return [_out(c, request.auth) for c in selectors.complaint_queue(
        actor=request.auth, status=status, overdue_only=overdue)]


class TransitionIn(Schema):
    to_status: str = Field(..., pattern="^(accepted|not_accepted|investigating|resolved|"
                                        "escalated)$")
    note: str = Field("", max_length=4000)


@router.post("/operator/complaints/{complaint_id}/transition",
             response={200: ComplaintOut, **ERRORS}, url_name="api-complaint-transition")
def complaint_transition(request: HttpRequest, complaint_id: int, payload: TransitionIn):
    """Operators: accept, refuse (with a reason), investigate, resolve (with the outcome sent to
    the complainant) or escalate to the regulator."""
    complaint = selectors.complaint_get(actor=request.auth, complaint_id=complaint_id)
    complaint = services.complaint_transition(complaint=complaint, actor=request.auth,
                                              to_status=payload.to_status, note=payload.note)
    return _out(complaint, request.auth, full=True)


class AssignIn(Schema):
    owner: str = Field(..., max_length=150, description="the operator's username")


@router.post("/operator/complaints/{complaint_id}/assign", response={200: ComplaintOut, **ERRORS},
             url_name="api-complaint-assign")
def complaint_assign(request: HttpRequest, complaint_id: int, payload: AssignIn):
    """Operators: hand an open complaint to another operator."""
    complaint = selectors.complaint_get(actor=request.auth, complaint_id=complaint_id)
    owner = selectors.operators_list(actor=request.auth).filter(username=payload.owner).first()
    if owner is None:
        raise InvalidInput(_("承办人须为在岗的平台运营人员。"), code="complaints.bad_owner",
                           field="owner")
    complaint = services.complaint_assign(complaint=complaint, actor=request.auth, owner=owner)
    return _out(complaint, request.auth, full=True)


@router.post("/operator/complaints/{complaint_id}/suspend-posting",
             response={200: ComplaintOut, **ERRORS}, url_name="api-complaint-suspend-posting")
def complaint_suspend_posting(request: HttpRequest, complaint_id: int):
    """Operators: take the reported posting off the site at once, pending review."""
    complaint = selectors.complaint_get(actor=request.auth, complaint_id=complaint_id)
    complaint = services.complaint_posting_suspend(complaint=complaint, actor=request.auth)
    return _out(complaint, request.auth, full=True)


# --- agreements -----------------------------------------------------------------------------

class AgreementOut(Schema):
    id: int
    kind: str
    number: int
    title: str
    body: str
    summary: str
    effective_at: datetime
    published_at: datetime
    in_force: bool


def _agreement(version, in_force: set[int]) -> dict:
    return {"id": version.pk, "kind": version.kind, "number": version.number,
            "title": version.title, "body": version.body, "summary": version.summary,
            "effective_at": version.effective_at, "published_at": version.published_at,
            "in_force": version.pk in in_force}


@router.get("/agreements", auth=PUBLIC_AUTH, response=list[AgreementOut],
            url_name="api-agreement-list")
def agreement_list(request: HttpRequest):
    """Every published version of the service agreement and the rules; ``in_force`` marks the
    ones that bind now."""
    in_force = {v.pk for v in selectors.agreements_in_force()}
    return [_agreement(v, in_force) for v in selectors.agreement_archive()]


@router.get("/me/agreements/pending", response={200: list[AgreementOut], **ERRORS},
            url_name="api-agreement-pending")
def agreement_pending(request: HttpRequest):
    """Versions in force that you have not accepted yet."""
    pending = selectors.agreements_pending(user=request.auth)
    return [_agreement(v, {p.pk for p in pending}) for v in pending]


class AcceptanceOut(Schema):
    version: int
    accepted_at: datetime


@router.post("/agreements/{version_id}/accept", response={200: AcceptanceOut, **ERRORS},
             url_name="api-agreement-accept")
def agreement_accept(request: HttpRequest, version_id: int):
    """Accept a version in force (recorded with the time and your address)."""
    version = selectors.agreement_get(version_id=version_id)
    acceptance = services.agreement_accept(user=request.auth, version=version)
    return {"version": acceptance.version_id, "accepted_at": acceptance.accepted_at}


class AgreementIn(Schema):
    kind: str = Field(..., pattern="^(agreement|rules)$")
    title: str = Field(..., max_length=120)
    body: str = Field(..., max_length=100_000)
    summary: str = Field("", max_length=4000)
    effective_at: datetime | None = None


@router.post("/operator/agreements", response={201: AgreementOut, **ERRORS},
             url_name="api-agreement-publish")
def agreement_publish(request: HttpRequest, payload: AgreementIn):
    """Operators: publish a new version, binding from ``effective_at`` (default now)."""
    version = services.agreement_publish(actor=request.auth, **payload.dict())
    return Status(201, _agreement(version, {v.pk for v in selectors.agreements_in_force()}))


# --- evaluations ----------------------------------------------------------------------------

class QuestionOut(Schema):
    id: int
    text: str
    type: str
    choices: list[str]
    required: bool


class InviteOut(Schema):
    id: int
    subject_kind: str
    subject_id: int
    subject: str
    invited_at: datetime
    questions: list[QuestionOut]


@router.get("/me/evaluations", response={200: list[InviteOut], **ERRORS},
            url_name="api-evaluation-invites")
def evaluation_invites(request: HttpRequest):
    """Services you are invited to rate, with the questionnaire for each."""
    from fairhire.complaints.services.evaluations import questions_for

    return [{"id": i.pk, "subject_kind": i.subject_kind, "subject_id": i.subject_id,
             "subject": i.subject_label, "invited_at": i.invited_at,
             "questions": [{"id": q.pk, "text": q.text, "type": q.type,
                            "choices": q.choices, "required": q.required}
                           for q in questions_for(i.subject_kind)]}
            for i in selectors.evaluation_invites_open(actor=request.auth)]


class EvaluationIn(Schema):
    invite_id: int = Field(..., ge=1, le=2**62)
    rating: int = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=2000)
    answers: dict[str, str | int | bool] = {}


class EvaluationOut(Schema):
    id: int
    invite_id: int
    rating: int
    comment: str
    submitted_at: datetime


@router.post("/evaluations", response={201: EvaluationOut, **ERRORS},
             url_name="api-evaluation-submit")
def evaluation_submit(request: HttpRequest, payload: EvaluationIn):
    """Rate a service you were invited to rate (1-5), comment, and answer its questions
    (``answers``: question id → answer)."""
    invite = selectors.evaluation_invite_get(actor=request.auth, invite_id=payload.invite_id)
    evaluation = services.evaluation_submit(actor=request.auth, invite=invite,
                                            rating=payload.rating, comment=payload.comment,
                                            answers=payload.answers)
    return Status(201, {"id": evaluation.pk, "invite_id": invite.pk,
                        "rating": evaluation.rating, "comment": evaluation.comment,
                        "submitted_at": evaluation.submitted_at})


class ResultRow(Schema):
    key: str
    label: str
    count: int
    average: float


class ResultsOut(Schema):
    by_org: list[ResultRow]
    by_kind: list[ResultRow]
    by_month: list[ResultRow]


@router.get("/operator/evaluations", response={200: ResultsOut, **ERRORS},
            url_name="api-evaluation-results")
def evaluation_results(request: HttpRequest, kind: str = ""):
    """Operators: ratings per employer or agency, per kind of service and per month."""
    results = selectors.evaluation_results(actor=request.auth, subject_kind=kind[:32])
    return {
        "by_org": [{"key": str(r["invite__about_org"]), "label": r["invite__about_org__name"],
                    "count": r["count"], "average": r["average"]} for r in results["by_org"]],
        "by_kind": [{"key": r["invite__subject_kind"], "label": r["invite__subject_kind"],
                     "count": r["count"], "average": r["average"]} for r in results["by_kind"]],
        "by_month": [{"key": r["month"].strftime("%Y-%m") if r["month"] else "",
                      "label": r["month"].strftime("%Y-%m") if r["month"] else "",
                      "count": r["count"], "average": r["average"]}
                     for r in results["by_month"]],
    }


# --- the platform's fees --------------------------------------------------------------------

class FeeItemOut(Schema):
    item: str
    standard: str
    payer: str


class FeesOut(Schema):
    items: list[FeeItemOut]
    note: str
    published_at: datetime | None
    workers_pay_no_deposit: bool = True


@router.get("/platform-fees", auth=PUBLIC_AUTH, response=FeesOut, url_name="api-platform-fees")
def platform_fees(request: HttpRequest):
    """What the platform charges whom; workers are never charged a deposit."""
    current = selectors.platform_fees_current()
    if current is None:
        return {"items": [], "note": "", "published_at": None}
    return {"items": current.items, "note": current.note, "published_at": current.published_at}
