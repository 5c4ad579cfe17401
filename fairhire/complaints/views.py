"""Pages for complaints, agreements, evaluations and the platform's fees: parse, call one
service or selector, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.complaints import challenge, selectors, services
from fairhire.complaints.forms import (
    AcceptForm,
    AgreementForm,
    AssignForm,
    ComplaintForm,
    EvaluationForm,
    FeeFormSet,
    FeeNoteForm,
    QuestionnaireForm,
    ReferralExportForm,
    TrackForm,
    TransitionForm,
)
from fairhire.complaints.models import Complaint, SubjectKind
from fairhire.complaints.policies import can_operate
from fairhire.complaints.services.evaluations import questions_for
from fairhire.complaints.services.fees import PAYERS
from fairhire.core.errors import PermissionDenied
from fairhire.core.forms import form_status, submit
from fairhire.orgs.uploads import MAX_BYTES


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


# --- complaints -----------------------------------------------------------------------------

@never_cache
def complaint_create(request: HttpRequest) -> HttpResponse:
    """The public channel (Regulation Art. 23): ``?kind=posting&id=N`` names what is reported."""
    source = request.POST if request.method == "POST" else request.GET
    kind = source.get("subject_kind") or source.get("kind") or SubjectKind.GENERAL
    kind = kind if kind in SubjectKind.values else SubjectKind.GENERAL
    subject_id = source.get("subject_id") or source.get("id") or None
    anonymous = not request.user.is_authenticated
    if anonymous and kind != SubjectKind.POSTING:
        next_url = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('account-sign-in')}?{next_url}")
    question = challenge.challenge_new() if anonymous else None
    initial = {"subject_kind": kind, "subject_id": subject_id}
    if question:
        initial["challenge_token"] = question.token
    form = ComplaintForm(request.POST or None, request.FILES or None, anonymous=anonymous,
                         question=question.question if question else "", initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files = [services.EvidenceFile(filename=f.name or "", data=f.read(MAX_BYTES + 1))
                 for f in data["evidence"]]
        complaint = submit(form, services.complaint_submit,
                           actor=None if anonymous else request.user,
                           category=data["category"], subject_kind=data["subject_kind"],
                           subject_id=data["subject_id"], description=data["description"],
                           contact=data.get("contact", ""), evidence=files,
                           challenge_token=data.get("challenge_token", ""),
                           challenge_answer=data.get("challenge_answer", ""))
        if complaint is not None:
            if anonymous:
                return _no_store(render(request, "complaints/complaint_received.html",
                                        {"complaint": complaint}))
            messages.success(request, _("投诉已收到，编号 %(n)s。") % {"n": complaint.number})
            return redirect("complaint-detail", complaint.pk)
    if question and form.is_bound:
        # A fresh question after any refusal: each one can be tried only once.
        form.data = form.data.copy()
        form.data["challenge_token"] = question.token
        form.data["challenge_answer"] = ""
    return _no_store(render(request, "complaints/complaint_form.html",
                            {"form": form, "kind": kind, "subject_id": subject_id,
                             "kind_label": SubjectKind(kind).label},
                            status=form_status(form)))


@never_cache
def complaint_track(request: HttpRequest) -> HttpResponse:
    """An anonymous reporter reads the state and the outcome with the number and the code."""
    form = TrackForm(request.POST or None)
    complaint = None
    if request.method == "POST" and form.is_valid():
        complaint = submit(form, selectors.complaint_track, **form.cleaned_data)
    return _no_store(render(request, "complaints/complaint_track.html", {
        "form": form, "complaint": complaint,
        "history": complaint.events.filter(public=True) if complaint else []},
        status=form_status(form)))


@login_required
@never_cache
def complaint_mine(request: HttpRequest) -> HttpResponse:
    return render(request, "complaints/complaint_mine.html", {
        "complaints": selectors.complaint_list_mine(actor=request.user),
        "invites": selectors.evaluation_invites_open(actor=request.user)})


@login_required
@never_cache
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = selectors.complaint_get(actor=request.user, complaint_id=complaint_id)
    return _detail(request, complaint)


def _detail(request, complaint, *, form=None, status=200):
    operator = can_operate(actor=request.user)
    invite = None
    if complaint.complainant_id == request.user.pk:
        invite = selectors.evaluation_invites_open(actor=request.user).filter(
            subject_kind="complaint", subject_id=complaint.pk).first()
    return render(request, "complaints/complaint_detail.html", {
        "complaint": complaint, "operator": operator,
        "description": complaint.unseal("description"),
        "contact": complaint.unseal("contact") if operator else "",
        "history": selectors.complaint_history(actor=request.user, complaint=complaint),
        "evidence": complaint.evidence.all(), "invite": invite,
        "overdue": complaint.is_overdue(timezone.now()),
        "is_open": complaint.status in Complaint.OPEN,
        "form": form or (TransitionForm(allowed=complaint.TRANSITIONS[complaint.status])
                         if operator else None),
        "assign_form": AssignForm(operators=selectors.operators_list(actor=request.user),
                                  initial={"owner": complaint.owner_id}) if operator else None,
        "next_states": complaint.TRANSITIONS[complaint.status]}, status=status)


@login_required
@require_POST
def complaint_transition(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = selectors.complaint_get(actor=request.user, complaint_id=complaint_id)
    form = TransitionForm(request.POST)
    if form.is_valid() and submit(form, services.complaint_transition, complaint=complaint,
                                  actor=request.user, **form.cleaned_data) is not None:
        messages.success(request, _("已记录处理结果。"))
        return redirect("complaint-detail", complaint.pk)
    complaint.refresh_from_db()
    return _detail(request, complaint, form=form, status=form_status(form))


@login_required
@require_POST
def complaint_assign(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = selectors.complaint_get(actor=request.user, complaint_id=complaint_id)
    form = AssignForm(request.POST, operators=selectors.operators_list(actor=request.user))
    if form.is_valid() and submit(form, services.complaint_assign, complaint=complaint,
                                  actor=request.user, owner=form.cleaned_data["owner"]):
        messages.success(request, _("已指定承办人。"))
    for error in form.errors.get("__all__", []) + form.errors.get("owner", []):
        messages.error(request, error)
    return redirect("complaint-detail", complaint.pk)


def _posting_action(service, message):
    @login_required
    @require_POST
    def view(request: HttpRequest, complaint_id: int) -> HttpResponse:
        complaint = selectors.complaint_get(actor=request.user, complaint_id=complaint_id)
        service(complaint=complaint, actor=request.user)
        messages.success(request, message)
        return redirect("complaint-detail", complaint.pk)
    return view


complaint_suspend_posting = _posting_action(services.complaint_posting_suspend,
                                            _("已暂停该招聘信息，待核查。"))
complaint_reinstate_posting = _posting_action(services.complaint_posting_reinstate,
                                              _("已恢复发布该招聘信息。"))


@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = selectors.evidence_get(actor=request.user, evidence_id=evidence_id)
    evidence, data = services.evidence_read(actor=request.user, evidence=evidence)
    response = HttpResponse(data, content_type=evidence.content_type)
    extension = evidence.original_name.rsplit(".", 1)[-1]
    response["Content-Disposition"] = f'attachment; filename="evidence-{evidence.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return _no_store(response)


@login_required
@never_cache
def complaint_queue(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    status = request.GET.get("status", "")
    status = status if status in Complaint.Status.values else ""
    overdue_only = request.GET.get("overdue") == "1"
    queue = selectors.complaint_queue(actor=request.user, status=status,
                                      overdue_only=overdue_only, now=now)
    return render(request, "complaints/complaint_queue.html", {
        "queue": [(c, c.is_overdue(now)) for c in queue], "status": status,
        "statuses": Complaint.Status.choices, "overdue_only": overdue_only,
        "overdue_count": selectors.complaint_overdue_count(now=now)})


@login_required
@never_cache
def referral_list(request: HttpRequest) -> HttpResponse:
    referrals = selectors.referral_list(actor=request.user)
    form = ReferralExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = submit(form, services.referrals_export, actor=request.user,
                        **form.cleaned_data)
        if result is not None:
            filename, data, content_type = result
            response = HttpResponse(data, content_type=f"{content_type}; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            response["X-Content-Type-Options"] = "nosniff"
            return _no_store(response)
    return render(request, "complaints/referral_list.html",
                  {"referrals": referrals, "form": form}, status=form_status(form))


# --- agreements -----------------------------------------------------------------------------

def agreement_archive(request: HttpRequest) -> HttpResponse:
    in_force = {v.pk for v in selectors.agreements_in_force()}
    return render(request, "complaints/agreement_archive.html", {
        "versions": selectors.agreement_archive(), "in_force": in_force,
        "now": timezone.now()})


def agreement_detail(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.agreement_get(version_id=version_id)
    previous = version.__class__.objects.filter(kind=version.kind,
                                                number=version.number - 1).first()
    return render(request, "complaints/agreement_detail.html", {
        "version": version, "previous": previous,
        "diff": selectors.agreement_diff(old=previous, new=version)})


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return reverse("home")


@login_required
@never_cache
def agreement_accept(request: HttpRequest) -> HttpResponse:
    """Accept every version in force not yet accepted, seeing what changed since last time."""
    pending = selectors.agreements_pending(user=request.user)
    form = AcceptForm(request.POST if request.method == "POST" else None)
    if not pending:
        return redirect(_safe_next(request))
    if request.method == "POST" and form.is_valid():
        accepted = [submit(form, services.agreement_accept, user=request.user, version=v)
                    for v in pending]
        if all(a is not None for a in accepted):
            messages.success(request, _("已接受平台服务协议和规则。"))
            return redirect(_safe_next(request))
    documents = []
    for version in pending:
        previous = selectors.agreement_previously_accepted(user=request.user, version=version)
        documents.append({"version": version, "previous": previous,
                          "diff": selectors.agreement_diff(old=previous, new=version)})
    return render(request, "complaints/agreement_accept.html", {
        "documents": documents, "form": form, "next": _safe_next(request)},
        status=form_status(form))


@login_required
@never_cache
def agreement_publish(request: HttpRequest) -> HttpResponse:
    if not can_operate(actor=request.user):
        raise PermissionDenied(_("只有平台运营人员可以发布协议和规则。"),
                               code="agreements.not_operator")
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = submit(form, services.agreement_publish, actor=request.user,
                         **form.cleaned_data)
        if version is not None:
            messages.success(request, _("已发布 %(v)s。") % {"v": version})
            return redirect("agreement-publish")
    versions = selectors.agreement_archive()
    return render(request, "complaints/agreement_publish.html", {
        "form": form, "versions": versions,
        "in_force": {v.pk for v in selectors.agreements_in_force()}}, status=form_status(form))


# --- evaluations ----------------------------------------------------------------------------

@login_required
@never_cache
def evaluation_form(request: HttpRequest, invite_id: int) -> HttpResponse:
    invite = selectors.evaluation_invite_get(actor=request.user, invite_id=invite_id)
    form = EvaluationForm(request.POST or None, questions=questions_for(invite.subject_kind))
    if request.method == "POST" and form.is_valid():
        if submit(form, services.evaluation_submit, actor=request.user, invite=invite,
                  rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"],
                  answers=form.answers()) is not None:
            messages.success(request, _("感谢你的评价。"))
            return redirect("complaint-mine")
    return render(request, "complaints/evaluation_form.html",
                  {"form": form, "invite": invite}, status=form_status(form))


@login_required
@never_cache
def evaluation_results(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")[:32]
    return render(request, "complaints/evaluation_results.html", {
        "results": selectors.evaluation_results(actor=request.user, subject_kind=kind),
        "kind": kind})


@login_required
@never_cache
def questionnaire_edit(request: HttpRequest) -> HttpResponse:
    questionnaires = selectors.questionnaire_list(actor=request.user)
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if submit(form, services.questionnaire_save, actor=request.user,
                  subject_kind=form.cleaned_data["subject_kind"],
                  title=form.cleaned_data["title"],
                  questions=form.question_data()) is not None:
            messages.success(request, _("问卷已保存。"))
            return redirect("questionnaire-edit")
    return render(request, "complaints/questionnaire_edit.html",
                  {"form": form, "questionnaires": questionnaires}, status=form_status(form))


# --- the platform's fees --------------------------------------------------------------------

def platform_fees(request: HttpRequest) -> HttpResponse:
    return render(request, "complaints/platform_fees.html",
                  {"disclosure": selectors.platform_fees_current(), "payers": PAYERS})


@login_required
@never_cache
def platform_fees_edit(request: HttpRequest) -> HttpResponse:
    if not can_operate(actor=request.user):
        raise PermissionDenied(_("只有平台运营人员可以修改收费公示。"), code="fees.not_operator")
    current = selectors.platform_fees_current()
    initial = current.items if current else []
    formset = FeeFormSet(request.POST or None, initial=initial, prefix="fees")
    note = FeeNoteForm(request.POST or None, initial={"note": current.note if current else ""})
    if request.method == "POST" and formset.is_valid() and note.is_valid():
        items = [{k: f.cleaned_data.get(k, "") for k in ("item", "standard", "payer")}
                 for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if submit(note, services.platform_fees_publish, actor=request.user, items=items,
                  note=note.cleaned_data["note"]) is not None:
            messages.success(request, _("已公示新的收费标准。"))
            return redirect("platform-fees")
    return render(request, "complaints/platform_fees_edit.html",
                  {"formset": formset, "note_form": note},
                  status=form_status(formset, note))
