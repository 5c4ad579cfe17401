"""Applications API: apply, two-way selection, interviews, messages, reviews and follow-ups."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from fairhire.applications import selectors, services
from fairhire.applications.calendar import interview_ics
from fairhire.applications.models import Application, Message, Side
from fairhire.applications.policies import side_of
from fairhire.core.api import ErrorOut

router = Router(tags=["applications"])
ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}
STATUS_PATTERN = "^(" + "|".join(Application.Status.values) + ")?$"


class ApplyIn(Schema):
    resume_id: int = Field(..., ge=1, le=2**31 - 1)
    consent: bool = Field(..., description="单独同意向该用人单位发送简历 (R21.1)")
    share_contact: bool = False
    cover_note: str = Field("", max_length=500)


class InterviewOut(Schema):
    id: int
    mode: str
    status: str
    starts_at: datetime
    duration_minutes: int
    address: str
    meeting_link: str
    note: str
    seeker_note: str
    cancel_reason: str


class ApplicationOut(Schema):
    id: int
    posting_id: int
    posting_title: str
    status: str
    status_label: str
    resume_title: str
    contact_shared: bool
    rejection_reason: str
    created_at: datetime
    status_changed_at: datetime
    first_response_at: datetime | None
    ended_at: datetime | None


class ApplicantOut(Schema):
    name: str | None
    phone: str | None
    email: str | None


class ApplicationDetailOut(ApplicationOut):
    cover_note: str
    resume: dict | None = None
    applicant: ApplicantOut | None = None
    interviews: list[InterviewOut]


def _out(application: Application) -> dict:
    return {**{name: getattr(application, name) for name in (
        "id", "posting_id", "status", "resume_title", "rejection_reason", "created_at",
        "status_changed_at", "first_response_at", "ended_at")},
        "posting_title": application.posting.title,
        "status_label": str(application.get_status_display()),
        "contact_shared": application.contact_shared_at is not None}


def _detail(application: Application, actor) -> dict:
    data = {**_out(application), "cover_note": application.cover_note,
            "resume": selectors.resume_for(actor=actor, application=application),
            "interviews": list(application.interviews.all())}
    if application.seeker.user_id != actor.pk:
        data["applicant"] = selectors.applicant_identity(actor=actor, application=application)
    return data


@router.post("/postings/{posting_id}/applications", response={201: ApplicationOut, 429: ErrorOut,
                                                               **ERRORS},
             url_name="api-application-create")
def application_create(request: HttpRequest, posting_id: int, payload: ApplyIn):
    """Apply to a published posting with one of your résumés (a copy is kept as sent); the
    separate consent to send it is required; one application per posting; a daily limit
    answers 429."""
    application = services.application_submit(actor=request.auth, posting_id=posting_id,
                                              **payload.dict())
    return Status(201, _out(application))


@router.get("/me/applications", response={200: list[ApplicationOut], **ERRORS},
            url_name="api-my-applications")
def my_applications(request: HttpRequest,
                    status: str = Query("", pattern=STATUS_PATTERN)):
    """Your applications and the state of each."""
    return [_out(a) for a in selectors.application_list_mine(actor=request.auth, status=status)]


@router.get("/postings/{posting_id}/applications", response={200: list[ApplicationOut], **ERRORS},
            url_name="api-posting-applications")
def posting_applications(request: HttpRequest, posting_id: int,
                         status: str = Query("", pattern=STATUS_PATTERN)):
    """The applicants of one of your postings (its pipeline), optionally in one state."""
    _posting, rows = selectors.application_list_for_posting(actor=request.auth,
                                                            posting_id=posting_id, status=status)
    return [_out(a) for a in rows]


class BulkRejectIn(Schema):
    application_ids: list[int] = Field(..., min_length=1, max_length=500)
    reason: str = Field("", max_length=500)


@router.post("/postings/{posting_id}/applications/reject",
             response={200: list[ApplicationOut], **ERRORS},
             url_name="api-application-bulk-reject")
def application_bulk_reject(request: HttpRequest, posting_id: int, payload: BulkRejectIn):
    """Reject several applicants of one posting; returns those rejected."""
    rows = services.application_bulk_reject(actor=request.auth, posting_id=posting_id,
                                            application_ids=payload.application_ids,
                                            reason=payload.reason)
    return [_out(a) for a in rows]


class StateCountOut(Schema):
    status: str
    label: str
    count: int


class AnalyticsOut(Schema):
    posting_id: int
    views: int
    applications: int
    by_state: list[StateCountOut]
    responded: int
    first_response_hours: float | None


@router.get("/postings/{posting_id}/analytics", response={200: AnalyticsOut, **ERRORS},
            url_name="api-posting-analytics")
def posting_analytics(request: HttpRequest, posting_id: int):
    """Views, applications, each state's count and the average time to first response."""
    data = selectors.posting_analytics(actor=request.auth, posting_id=posting_id)
    return {**data, "posting_id": data["posting"].pk,
            "by_state": [{"status": s, "label": str(label), "count": n}
                         for s, label, n in data["by_state"]]}


@router.get("/applications/{application_id}", response={200: ApplicationDetailOut, **ERRORS},
            url_name="api-application-detail")
def application_detail(request: HttpRequest, application_id: int):
    """One application: the résumé as sent, the applicant (masked unless contact was shared),
    interviews. The employer opening a new application marks it viewed."""
    application = selectors.application_get(actor=request.auth, application_id=application_id)
    application = services.application_mark_viewed(actor=request.auth, application=application)
    return _detail(application, request.auth)


class TransitionIn(Schema):
    to: str = Field(..., max_length=16, description="the new state")
    reason: str = Field("", max_length=500, description="rejection reason shown to the seeker")


@router.post("/applications/{application_id}/transition", response={200: ApplicationOut,
                                                                     **ERRORS},
             url_name="api-application-transition")
def application_transition(request: HttpRequest, application_id: int, payload: TransitionIn):
    """Move the application one step: employer → viewed, shortlisted, interview, offer,
    rejected; seeker → hired (accept an offer), declined, withdrawn."""
    application = selectors.application_get(actor=request.auth, application_id=application_id)
    application = services.application_transition(actor=request.auth, application=application,
                                                  to=payload.to, reason=payload.reason)
    return _out(application)


@router.post("/applications/{application_id}/share-contact",
             response={200: ApplicationOut, **ERRORS}, url_name="api-application-share-contact")
def application_share_contact(request: HttpRequest, application_id: int):
    """Let this employer see your name, phone and e-mail (while your consent stands)."""
    application = selectors.application_get(actor=request.auth, application_id=application_id)
    return _out(services.application_contact_share(actor=request.auth, application=application))


class InterviewIn(Schema):
    mode: str = Field(..., pattern="^(onsite|remote)$")
    starts_at: datetime = Field(..., description="ISO 8601; without a zone it is Beijing time")
    duration_minutes: int = Field(30, ge=5, le=480)
    address: str = Field("", max_length=200)
    meeting_link: str = Field("", max_length=300)
    note: str = Field("", max_length=500)


@router.post("/applications/{application_id}/interviews",
             response={201: InterviewOut, **ERRORS}, url_name="api-interview-create")
def interview_create(request: HttpRequest, application_id: int, payload: InterviewIn):
    """Invite the applicant to an on-site or remote interview."""
    application = selectors.application_get(actor=request.auth, application_id=application_id)
    interview = services.interview_propose(actor=request.auth, application=application,
                                           **payload.dict())
    return Status(201, interview)


class RespondIn(Schema):
    answer: str = Field(..., pattern="^(confirm|another_time)$")
    note: str = Field("", max_length=500)


@router.post("/interviews/{interview_id}/respond", response={200: InterviewOut, **ERRORS},
             url_name="api-interview-respond")
def interview_respond(request: HttpRequest, interview_id: int, payload: RespondIn):
    """Confirm the interview, or ask for another time (say when suits you in ``note``)."""
    interview = selectors.interview_get(actor=request.auth, interview_id=interview_id)
    return services.interview_respond(actor=request.auth, interview=interview, **payload.dict())


class RescheduleIn(Schema):
    starts_at: datetime
    mode: str | None = Field(None, pattern="^(onsite|remote)$")
    duration_minutes: int | None = Field(None, ge=5, le=480)
    address: str | None = Field(None, max_length=200)
    meeting_link: str | None = Field(None, max_length=300)
    note: str | None = Field(None, max_length=500)


@router.post("/interviews/{interview_id}/reschedule", response={200: InterviewOut, **ERRORS},
             url_name="api-interview-reschedule")
def interview_reschedule(request: HttpRequest, interview_id: int, payload: RescheduleIn):
    """Move an interview; the applicant is told and asked to confirm again."""
    interview = selectors.interview_get(actor=request.auth, interview_id=interview_id)
    return services.interview_reschedule(actor=request.auth, interview=interview,
                                         **payload.dict())


class CancelIn(Schema):
    reason: str = Field(..., max_length=500)


@router.post("/interviews/{interview_id}/cancel", response={200: InterviewOut, **ERRORS},
             url_name="api-interview-cancel")
def interview_cancel(request: HttpRequest, interview_id: int, payload: CancelIn):
    """Cancel an interview, telling the applicant why."""
    interview = selectors.interview_get(actor=request.auth, interview_id=interview_id)
    return services.interview_cancel(actor=request.auth, interview=interview,
                                     reason=payload.reason)


@router.get("/interviews/{interview_id}/ics", response={200: None, **ERRORS},
            url_name="api-interview-ics")
def interview_calendar(request: HttpRequest, interview_id: int):
    """The interview as an iCalendar (.ics) file."""
    interview = selectors.interview_get(actor=request.auth, interview_id=interview_id)
    response = HttpResponse(interview_ics(interview, host=request.get_host()),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response


class MessageOut(Schema):
    id: int
    side: str
    status: str
    text: str | None
    created_at: datetime
    report: str


def _message_out(message: Message, actor) -> dict:
    mine = message.sender_id == actor.pk
    hidden = message.status != Message.Status.DELIVERED and not mine and (
        side_of(actor=actor, application=message.application) == Side.SEEKER
        or message.side == Side.SEEKER)
    return {"id": message.pk, "side": message.side, "status": message.status,
            "text": None if hidden else message.text, "created_at": message.created_at,
            "report": message.report}


@router.get("/applications/{application_id}/messages", response={200: list[MessageOut],
                                                                  **ERRORS},
            url_name="api-message-list")
def message_list(request: HttpRequest, application_id: int):
    """The conversation; a held message shows to the applicant without its text."""
    application = selectors.application_get(actor=request.auth, application_id=application_id)
    return [_message_out(m, request.auth)
            for m in selectors.message_thread(actor=request.auth, application=application)]


class MessageIn(Schema):
    text: str = Field(..., min_length=1, max_length=2000)


@router.post("/applications/{application_id}/messages", response={201: MessageOut, **ERRORS},
             url_name="api-message-send")
def message_send(request: HttpRequest, application_id: int, payload: MessageIn):
    """Send a message; an employer's message asking for money is held for a reviewer
    (status ``held``)."""
    application = selectors.application_get(actor=request.auth, application_id=application_id)
    message = services.message_send(actor=request.auth, application=application,
                                    text=payload.text)
    return Status(201, _message_out(message, request.auth))


class ReportIn(Schema):
    reason: str = Field(..., max_length=500)


@router.post("/messages/{message_id}/report", response={200: MessageOut, **ERRORS},
             url_name="api-message-report")
def message_report(request: HttpRequest, message_id: int, payload: ReportIn):
    """Report an employer's message to the platform's reviewers."""
    message = selectors.message_get(actor=request.auth, message_id=message_id)
    message = services.message_report(actor=request.auth, message=message, reason=payload.reason)
    return _message_out(message, request.auth)


class ReviewMessageOut(Schema):
    id: int
    application_id: int
    posting_title: str
    employer: str
    status: str
    report: str
    report_reason: str
    text: str
    flags: list[dict]
    created_at: datetime


def _review_out(message: Message) -> dict:
    return {"id": message.pk, "application_id": message.application_id,
            "posting_title": message.application.posting.title,
            "employer": message.application.organisation.name, "status": message.status,
            "report": message.report, "report_reason": message.report_reason,
            "text": message.text, "flags": message.flags, "created_at": message.created_at}


@router.get("/review/messages", response={200: list[ReviewMessageOut], **ERRORS},
            url_name="api-message-review-queue")
def message_review_queue(request: HttpRequest):
    """Held and reported messages waiting for a reviewer, oldest first."""
    return [_review_out(m) for m in selectors.message_review_queue(actor=request.auth)]


class MessageDecisionIn(Schema):
    decision: str = Field(..., pattern="^(release|block)$")
    note: str = Field("", max_length=500)


@router.post("/review/messages/{message_id}/decision", response={200: ReviewMessageOut,
                                                                  **ERRORS},
             url_name="api-message-review-decision")
def message_review_decision(request: HttpRequest, message_id: int, payload: MessageDecisionIn):
    """Release or block a held message, or rule on a reported one."""
    return _review_out(services.message_decide(actor=request.auth, message_id=message_id,
                                               decision=payload.decision, note=payload.note))


class FollowUpOut(Schema):
    id: int
    application_id: int
    posting_title: str
    employer: str
    hired_at: datetime | None
    due_on: date
    still_employed: bool | None
    note: str
    done_at: datetime | None


def _follow_up_out(follow_up) -> dict:
    application = follow_up.application
    return {"id": follow_up.pk, "application_id": application.pk,
            "posting_title": application.posting.title,
            "employer": application.organisation.name, "hired_at": application.ended_at,
            "due_on": follow_up.due_on, "still_employed": follow_up.still_employed,
            "note": follow_up.note, "done_at": follow_up.done_at}


@router.get("/operator/follow-ups", response={200: list[FollowUpOut], **ERRORS},
            url_name="api-follow-up-list")
def follow_up_list(request: HttpRequest, pending: bool = True):
    """Follow-ups of hires (platform operators): is the person still employed?"""
    return [_follow_up_out(f)
            for f in selectors.follow_up_list(actor=request.auth, pending_only=pending)]


class FollowUpIn(Schema):
    still_employed: bool
    note: str = Field("", max_length=500)


@router.post("/operator/follow-ups/{follow_up_id}", response={200: FollowUpOut, **ERRORS},
             url_name="api-follow-up-record")
def follow_up_record(request: HttpRequest, follow_up_id: int, payload: FollowUpIn):
    """Record the follow-up's outcome."""
    return _follow_up_out(services.follow_up_record(actor=request.auth,
                                                    follow_up_id=follow_up_id, **payload.dict()))
