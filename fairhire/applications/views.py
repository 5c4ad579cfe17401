"""Applications pages: parse, call one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.applications import selectors, services
from fairhire.applications.calendar import interview_ics
from fairhire.applications.forms import (
    ApplyForm,
    BulkRejectForm,
    CancelForm,
    FollowUpForm,
    InterviewForm,
    MessageDecisionForm,
    MessageForm,
    ReportForm,
    RespondForm,
    TransitionForm,
)
from fairhire.applications.models import Application, Interview, Message, Side
from fairhire.applications.policies import require_side, side_of
from fairhire.core.errors import InvalidInput
from fairhire.core.forms import form_status, submit
from fairhire.postings.selectors import posting_get
from fairhire.profiles.selectors import resume_list, seeker_profile_get

# How each side's buttons read, by the state they move the application to.
ACTION_LABELS = {
    Application.Status.SHORTLISTED: _("通过初筛"),
    Application.Status.OFFER: _("发录用通知"),
    Application.Status.REJECTED: _("不合适"),
    Application.Status.HIRED: _("接受录用"),
    Application.Status.DECLINED: _("谢绝"),
    Application.Status.WITHDRAWN: _("撤回申请"),
}


def _first_error(form) -> None:
    raise InvalidInput(next(iter(form.errors.values()))[0], code="invalid")


@login_required
@never_cache
def application_apply(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = posting_get(actor=request.user, posting_id=posting_id)
    seeker_profile_get(actor=request.user)
    resumes = list(resume_list(actor=request.user))
    form = ApplyForm(request.POST or None, resumes=resumes)
    if request.method == "POST" and form.is_valid():
        application = submit(form, services.application_submit, actor=request.user,
                             posting_id=posting.pk, resume_id=form.cleaned_data["resume"],
                             consent=form.cleaned_data["consent"],
                             share_contact=form.cleaned_data["share_contact"],
                             cover_note=form.cleaned_data["cover_note"])
        if application is not None:
            messages.success(request, _("简历已投递。"))
            return redirect("application-detail", application.pk)
    return render(request, "applications/apply.html",
                  {"form": form, "posting": posting, "resumes": resumes},
                  status=form_status(form))


@login_required
def application_mine(request: HttpRequest) -> HttpResponse:
    seeker_profile_get(actor=request.user)
    return render(request, "applications/mine.html",
                  {"applications": selectors.application_list_mine(actor=request.user)})


def _actions(application: Application, side: str | None) -> list[tuple[str, str]]:
    return [(status, ACTION_LABELS[status])
            for status in Application.Status.values
            if status in application.TRANSITIONS[application.status]
            and Application.ACTOR.get(status) == side and status in ACTION_LABELS]


@login_required
@never_cache
def application_detail(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_get(actor=request.user, application_id=application_id)
    application = services.application_mark_viewed(actor=request.user, application=application)
    side = side_of(actor=request.user, application=application)
    is_seeker = application.seeker.user_id == request.user.pk
    can_interview = side == Side.EMPLOYER and (
        application.status == Application.Status.INTERVIEW
        or application.can_transition_to(Application.Status.INTERVIEW))
    return render(request, "applications/detail.html", {
        "application": application, "side": side, "is_seeker": is_seeker,
        "actions": _actions(application, side), "can_interview": can_interview,
        "resume": selectors.resume_for(actor=request.user, application=application),
        "identity": (None if is_seeker else
                     selectors.applicant_identity(actor=request.user, application=application)),
        "interviews": application.interviews.all(),
        "thread": selectors.message_thread(actor=request.user, application=application),
        "message_form": MessageForm(), "report_form": ReportForm(),
        "respond_form": RespondForm(), "cancel_form": CancelForm(),
        "held": Message.Status.HELD, "blocked": Message.Status.BLOCKED,
        "open_interview": (Interview.Status.PROPOSED, Interview.Status.CONFIRMED,
                           Interview.Status.CHANGE_REQUESTED),
    })


def _back(request: HttpRequest, application: Application) -> HttpResponse:
    if request.POST.get("back") == "board":
        return redirect("application-board", application.posting_id)
    return redirect("application-detail", application.pk)


@login_required
@require_POST
def application_transition(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_get(actor=request.user, application_id=application_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    services.application_transition(actor=request.user, application=application,
                                    to=form.cleaned_data["to"],
                                    reason=form.cleaned_data["reason"])
    messages.success(request, _("申请状态已更新为“%(status)s”。") % {
        "status": Application.Status(form.cleaned_data["to"]).label})
    return _back(request, application)


@login_required
@require_POST
def application_share_contact(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_get(actor=request.user, application_id=application_id)
    services.application_contact_share(actor=request.user, application=application)
    messages.success(request, _("已向该单位提供你的联系方式。"))
    return redirect("application-detail", application.pk)


@login_required
@require_POST
def message_send(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_get(actor=request.user, application_id=application_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    message = services.message_send(actor=request.user, application=application,
                                    text=form.cleaned_data["text"])
    if message.status == Message.Status.HELD:
        messages.warning(request, _("该消息含有疑似向求职者收费或诈骗的内容，已提交平台审核，"
                                    "审核通过前求职者看不到。"))
    else:
        messages.success(request, _("消息已发送。"))
    return redirect("application-detail", application.pk)


@login_required
@require_POST
def message_report(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.message_get(actor=request.user, message_id=message_id)
    form = ReportForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    services.message_report(actor=request.user, message=message,
                            reason=form.cleaned_data["reason"])
    messages.success(request, _("举报已提交，平台审核员会尽快处理。"))
    return redirect("application-detail", message.application_id)


def _interview_page(request, *, application, form, interview=None):
    return render(request, "applications/interview_form.html",
                  {"application": application, "form": form, "interview": interview},
                  status=form_status(form))


@login_required
@never_cache
def interview_create(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.application_get(actor=request.user, application_id=application_id)
    require_side(Side.EMPLOYER, actor=request.user, application=application)
    form = InterviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        interview = submit(form, services.interview_propose, actor=request.user,
                           application=application, **form.cleaned_data)
        if interview is not None:
            messages.success(request, _("已向求职者发出面试邀请。"))
            return redirect("application-detail", application.pk)
    return _interview_page(request, application=application, form=form)


@login_required
@never_cache
def interview_reschedule(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = selectors.interview_get(actor=request.user, interview_id=interview_id)
    application = interview.application
    require_side(Side.EMPLOYER, actor=request.user, application=application)
    initial = {name: getattr(interview, name) for name in InterviewForm.base_fields}
    form = InterviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = submit(form, services.interview_reschedule, actor=request.user,
                       interview=interview, **form.cleaned_data)
        if saved is not None:
            messages.success(request, _("面试已改期，已通知求职者。"))
            return redirect("application-detail", application.pk)
    return _interview_page(request, application=application, form=form, interview=interview)


@login_required
@require_POST
def interview_cancel(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = selectors.interview_get(actor=request.user, interview_id=interview_id)
    form = CancelForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    services.interview_cancel(actor=request.user, interview=interview,
                              reason=form.cleaned_data["reason"])
    messages.success(request, _("面试已取消，已通知求职者。"))
    return redirect("application-detail", interview.application_id)


@login_required
@require_POST
def interview_respond(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = selectors.interview_get(actor=request.user, interview_id=interview_id)
    form = RespondForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    services.interview_respond(actor=request.user, interview=interview, **form.cleaned_data)
    messages.success(request, _("已确认面试。") if form.cleaned_data["answer"] == "confirm"
                     else _("已告知单位你希望改期。"))
    return redirect("application-detail", interview.application_id)


@login_required
def interview_calendar(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = selectors.interview_get(actor=request.user, interview_id=interview_id)
    response = HttpResponse(interview_ics(interview, host=request.get_host()),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.pk}.ics"'
    return response


@login_required
def applicant_postings(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/applicant_postings.html",
                  {"rows": selectors.employer_postings_overview(actor=request.user)})


@login_required
@never_cache
def application_board(request: HttpRequest, posting_id: int) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Application.Status.values:
        status = ""
    query = request.GET.get("q", "").strip()[:60]
    posting, rows = selectors.application_list_for_posting(
        actor=request.user, posting_id=posting_id, status=status, query=query)
    rows = list(rows)
    columns = [(value, label, [a for a in rows if a.status == value])
               for value, label in Application.Status.choices]
    for application in rows:
        application.moves = _actions(application,
                                     side_of(actor=request.user, application=application))
    return render(request, "applications/board.html", {
        "posting": posting, "columns": [c for c in columns if c[2] or c[0] == status],
        "status": status, "query": query,
        "statuses": Application.Status.choices, "reject_form": BulkRejectForm()})


@login_required
@require_POST
def application_bulk_reject(request: HttpRequest, posting_id: int) -> HttpResponse:
    form = BulkRejectForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    ids = [value for value in request.POST.getlist("application") if value.isdigit()]
    rejected = services.application_bulk_reject(actor=request.user, posting_id=posting_id,
                                                application_ids=ids,
                                                reason=form.cleaned_data["reason"])
    messages.success(request, _("已将 %(n)d 份申请标为不合适。") % {"n": len(rejected)})
    return redirect("application-board", posting_id)


@login_required
def posting_analytics(request: HttpRequest, posting_id: int) -> HttpResponse:
    return render(request, "applications/analytics.html",
                  selectors.posting_analytics(actor=request.user, posting_id=posting_id))


@login_required
def message_review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/message_review.html", {
        "queue": selectors.message_review_queue(actor=request.user),
        "form": MessageDecisionForm()})


@login_required
@require_POST
def message_review_decide(request: HttpRequest, message_id: int) -> HttpResponse:
    message = selectors.message_review_get(actor=request.user, message_id=message_id)
    form = MessageDecisionForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    services.message_decide(actor=request.user, message_id=message.pk, **form.cleaned_data)
    messages.success(request, _("审核结论已记录。"))
    return redirect("message-review-queue")


@login_required
def follow_up_list(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/follow_ups.html", {
        "follow_ups": selectors.follow_up_list(actor=request.user), "form": FollowUpForm()})


@login_required
@require_POST
def follow_up_record(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = selectors.follow_up_get(actor=request.user, follow_up_id=follow_up_id)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        _first_error(form)
    services.follow_up_record(actor=request.user, follow_up_id=follow_up.pk,
                              **form.cleaned_data)
    messages.success(request, _("回访结果已记录。"))
    return redirect("follow-up-list")
