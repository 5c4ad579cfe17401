"""Posting pages: parse, call one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.applications.services import posting_view_record
from fairhire.core.errors import PermissionDenied
from fairhire.core.forms import form_status, submit
from fairhire.postings import selectors, services
from fairhire.postings.forms import DecisionForm, FlagAcceptForm, ImportForm, PostingForm
from fairhire.postings.models import SCREENED_FIELDS, JobPosting
from fairhire.postings.policies import can_create_posting, can_edit_posting, can_review_posting
from fairhire.postings.quality import posting_suggestions
from fairhire.postings.structured_data import jsonld_script
from fairhire.screening.highlight import highlight


def _field_errors(form) -> list[dict]:
    """Put a refusal's per-field messages next to their fields; return its screening flags."""
    error = getattr(form, "domain_error", None)
    if error is None:
        return []
    for field, message in error.extra.get("errors", {}).items():
        form.add_error(field if field in form.fields else None, message)
    return error.extra.get("flags", [])


def _highlighted(posting: JobPosting, flags) -> list[tuple[str, object]]:
    """(label, text with <mark>) for every screened field that has a flag."""
    rows = []
    for name in SCREENED_FIELDS:
        mine = [f for f in flags if f.field == name]
        if mine:
            rows.append((JobPosting._meta.get_field(name).verbose_name,
                         highlight(getattr(posting, name), mine)))
    return rows


class _Flag:
    def __init__(self, data: dict) -> None:
        self.__dict__.update(data)


def posting_list(request: HttpRequest) -> HttpResponse:
    return render(request, "postings/posting_list.html",
                  {"postings": selectors.posting_list_public()})


def posting_detail(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
    insider = (can_edit_posting(actor=request.user, posting=posting)
               or can_review_posting(actor=request.user))
    if not insider:  # the employer's analytics count what job seekers open (applications app)
        posting_view_record(posting=posting)
    return render(request, "postings/posting_detail.html", {
        "posting": posting, "insider": insider,
        "history": selectors.posting_history(posting=posting) if insider else [],
        "versions": posting.versions.all() if insider else [],
        "jsonld": jsonld_script(posting) if posting.status in JobPosting.PUBLIC else ""})


@login_required
def posting_mine(request: HttpRequest) -> HttpResponse:
    return render(request, "postings/posting_mine.html",
                  {"postings": selectors.posting_list_mine(actor=request.user)})


@login_required
@never_cache
def posting_create(request: HttpRequest) -> HttpResponse:
    if not can_create_posting(actor=request.user):
        raise PermissionDenied(_("只有用人单位的招聘人员可以发布招聘信息。"),
                               code="posting.not_recruiter")
    form = PostingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        posting = submit(form, services.posting_create, actor=request.user,
                         data=services.PostingData(**{k: v for k, v in form.changes().items()
                                                      if v is not None}))
        if posting is not None:
            messages.success(request, _("草稿已保存。"))
            return redirect("posting-edit", posting.pk)
    return render(request, "postings/posting_form.html", {"form": form, "posting": None},
                  status=form_status(form))


@login_required
@never_cache
def posting_edit(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
    if not can_edit_posting(actor=request.user, posting=posting):
        raise PermissionDenied(_("你无权修改该招聘信息。"), code="posting.not_editor")
    initial = {name: getattr(posting, name) for name in services.DATA_FIELDS}
    form = PostingForm(request.POST or None, initial=initial)
    flags: list = []
    if request.method == "POST" and form.is_valid():
        saved = submit(form, services.posting_edit, actor=request.user, posting=posting,
                       changes=form.changes())
        if saved is not None and request.POST.get("action") == "submit":
            saved = submit(form, services.posting_submit, actor=request.user, posting=saved,
                           exception_request=form.cleaned_data["exception_request"])
            flags = [_Flag(f) for f in _field_errors(form)]
        if saved is not None:
            messages.success(request, _("已提交。") if request.POST.get("action") == "submit"
                             else _("草稿已保存。"))
            return redirect("posting-detail" if saved.status != JobPosting.Status.DRAFT
                            else "posting-edit", saved.pk)
        posting.refresh_from_db()
        for name, value in form.changes().items():
            setattr(posting, name, value)
    return render(request, "postings/posting_form.html", {
        "form": form, "posting": posting, "suggestions": posting_suggestions(posting),
        "flagged": _highlighted(posting, flags), "flags": flags}, status=form_status(form))


@login_required
@never_cache
def posting_import(request: HttpRequest) -> HttpResponse:
    if not can_create_posting(actor=request.user):
        raise PermissionDenied(_("只有用人单位的招聘人员可以导入招聘信息。"),
                               code="posting.not_recruiter")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        progress = submit(form, services.posting_import_start, actor=request.user,
                          filename=upload.name or "",
                          data=upload.read(services.IMPORT_MAX_BYTES + 1))
        if progress is not None:
            return redirect("task-detail", task_id=progress.pk)
    return render(request, "postings/posting_import.html",
                  {"form": form, "columns": services.DATA_FIELDS}, status=form_status(form))


def _owner_action(service, message):
    @login_required
    @require_POST
    def view(request: HttpRequest, posting_id: int) -> HttpResponse:
        posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
        service(posting=posting, actor=request.user)
        messages.success(request, message)
        return redirect("posting-mine")
    return view


posting_close = _owner_action(services.posting_close, _("已结束招聘。"))
posting_withdraw = _owner_action(services.posting_withdraw, _("已撤回。"))
posting_confirm = _owner_action(services.posting_confirm, _("已确认招聘信息仍然有效。"))


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "postings/review_queue.html",
                  {"queue": selectors.posting_review_queue(actor=request.user)})


def _review_page(request, posting, *, decision_form=None, status=200):
    flags = list(selectors.posting_flags(posting=posting))
    return render(request, "postings/review_detail.html", {
        "posting": posting, "flags": flags, "flagged": _highlighted(posting, flags),
        "decision_form": decision_form or DecisionForm(), "accept_form": FlagAcceptForm(),
        "history": selectors.posting_history(posting=posting)}, status=status)


@login_required
@never_cache
def review_detail(request: HttpRequest, posting_id: int) -> HttpResponse:
    selectors.posting_review_queue(actor=request.user)  # reviewers only
    posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
    return _review_page(request, posting)


@login_required
@require_POST
def review_decide(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
    form = DecisionForm(request.POST)
    if form.is_valid() and submit(form, services.posting_decide, posting=posting,
                                  actor=request.user, **form.cleaned_data) is not None:
        messages.success(request, _("审核结论已记录。"))
        return redirect("review-posting-queue")
    return _review_page(request, posting, decision_form=form, status=form_status(form))


@login_required
@require_POST
def review_flag_accept(request: HttpRequest, posting_id: int, flag_id: int) -> HttpResponse:
    posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
    flag = selectors.posting_flag_get(actor=request.user, posting=posting, flag_id=flag_id)
    form = FlagAcceptForm(request.POST)
    if form.is_valid():
        submit(form, services.flag_accept, flag=flag, actor=request.user,
               reason=form.cleaned_data["reason"])
    for error in form.errors.get("__all__", []) + form.errors.get("reason", []):
        messages.error(request, error)
    return redirect("review-posting-detail", posting.pk)
