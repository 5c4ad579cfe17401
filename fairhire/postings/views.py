"""Posting pages: parse, call one service or selector, render."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.applications.services import posting_view_record
from fairhire.core.errors import PermissionDenied
from fairhire.core.forms import form_status, submit
from fairhire.postings import selectors, services
from fairhire.postings.content import with_revision
from fairhire.postings.forms import (
    DecisionForm,
    EntrustmentForm,
    FlagAcceptForm,
    ImportForm,
    PostingForm,
)
from fairhire.postings.models import SCREENED_FIELDS, JobPosting
from fairhire.postings.policies import (
    can_create_posting,
    can_edit_posting,
    can_manage_entrustments,
    can_review_posting,
    writing_organisation,
)
from fairhire.postings.quality import pay_guidance, posting_suggestions
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


def _hinted_fields(form, posting: JobPosting | None) -> list[tuple[object, list[str]]]:
    """(bound field, EN 6 suggestions about it) in form order, for the editor; the pay
    guidance for the occupation goes under the pay minimum."""
    hints: dict[str, list[str]] = {}
    for hint in posting_suggestions(posting) if posting is not None else []:
        hints.setdefault(hint.field, []).append(hint.message)
    guidance = pay_guidance(posting) if posting is not None else None
    if guidance is not None:
        hints.setdefault("pay_min", []).append(str(guidance))
    return [(field, hints.get(field.name, [])) for field in form.visible_fields()]


def _employer_choices(request: HttpRequest):
    """An agency's entrusting employers (None for an employer's own staff)."""
    org = writing_organisation(request.user)
    if org is None or not org.is_agency:
        return None
    return selectors.entrusting_employers(actor=request.user)


def _changed_fields(posting: JobPosting) -> list[tuple[str, object, object]]:
    """(label, published value, revised value) for each field a pending revision changes."""
    if not posting.revision_status:
        return []
    revised = with_revision(posting)
    return [(JobPosting._meta.get_field(name).verbose_name, getattr(posting, name),
             getattr(revised, name))
            for name in services.DATA_FIELDS if getattr(posting, name) != getattr(revised, name)]


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
        "labels": selectors.posting_labels(posting=posting),
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
    form = PostingForm(request.POST or None, employers=_employer_choices(request))
    if request.method == "POST" and form.is_valid():
        posting = submit(form, services.posting_create, actor=request.user,
                         employer=form.cleaned_data.get("employer"),
                         data=services.PostingData(**{k: v for k, v in form.changes().items()
                                                      if v is not None}))
        if posting is not None:
            messages.success(request, _("草稿已保存。"))
            return redirect("posting-edit", posting.pk)
    return render(request, "postings/posting_form.html", {
        "form": form, "posting": None, "fields": _hinted_fields(form, None)},
        status=form_status(form))


@login_required
@never_cache
def posting_edit(request: HttpRequest, posting_id: int) -> HttpResponse:
    """A draft is edited in place; a published posting through a revision that is submitted
    again while the published content stays up."""
    posting = selectors.posting_get(actor=request.user, posting_id=posting_id)
    if not can_edit_posting(actor=request.user, posting=posting):
        raise PermissionDenied(_("你无权修改该招聘信息。"), code="posting.not_editor")
    shown = with_revision(posting)
    initial = {name: getattr(shown, name) for name in services.DATA_FIELDS}
    form = PostingForm(request.POST or None, initial=initial)
    flags: list = []
    action = request.POST.get("action")
    if request.method == "POST" and action == "discard":
        if submit(form, services.posting_revision_discard, actor=request.user,
                  posting=posting) is not None:
            messages.success(request, _("已放弃修改，公开页面仍显示已发布的内容。"))
            return redirect("posting-mine")
    elif request.method == "POST" and form.is_valid():
        saved = submit(form, services.posting_edit, actor=request.user, posting=posting,
                       changes=form.changes())
        if saved is not None and action == "submit":
            saved = submit(form, services.posting_submit, actor=request.user, posting=saved,
                           exception_request=form.cleaned_data["exception_request"])
            flags = [_Flag(f) for f in _field_errors(form)]
        if saved is not None:
            messages.success(request, _("已提交。") if action == "submit"
                             else _("草稿已保存。"))
            return redirect("posting-detail" if saved.status != JobPosting.Status.DRAFT
                            and saved.revision_status != JobPosting.Revision.DRAFT
                            else "posting-edit", saved.pk)
        posting.refresh_from_db()
        shown = with_revision(posting)
        if shown is posting:
            shown = copy.copy(posting)
        for name, value in form.changes().items():
            setattr(shown, name, value)
    return render(request, "postings/posting_form.html", {
        "form": form, "posting": posting, "fields": _hinted_fields(form, shown),
        "suggestions": posting_suggestions(shown),
        "flagged": _highlighted(shown, flags), "flags": flags}, status=form_status(form))


@login_required
@never_cache
def posting_import(request: HttpRequest) -> HttpResponse:
    if not can_create_posting(actor=request.user):
        raise PermissionDenied(_("只有用人单位的招聘人员可以导入招聘信息。"),
                               code="posting.not_recruiter")
    form = ImportForm(request.POST or None, request.FILES or None,
                      employers=_employer_choices(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        progress = submit(form, services.posting_import_start, actor=request.user,
                          filename=upload.name or "",
                          data=upload.read(services.IMPORT_MAX_BYTES + 1),
                          employer=form.cleaned_data.get("employer"))
        if progress is not None:
            return redirect("task-detail", task_id=progress.pk)
    return render(request, "postings/posting_import.html",
                  {"form": form, "columns": services.DATA_FIELDS}, status=form_status(form))


@login_required
@never_cache
def entrustment_list(request: HttpRequest) -> HttpResponse:
    """An employer's owner entrusts agencies here; an agency sees who entrusted it."""
    org = writing_organisation(request.user)
    if org is None:
        raise PermissionDenied(_("只有用人单位或人力资源服务机构的招聘人员可以查看委托。"),
                               code="posting.not_recruiter")
    may_grant = can_manage_entrustments(actor=request.user, employer=org)
    form = EntrustmentForm(request.POST or None) if may_grant else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("只有用人单位的负责人可以委托机构代为发布。"),
                                   code="posting.not_entrusting_owner")
        if form.is_valid():
            agency = selectors.agency_by_uscc(uscc=form.cleaned_data["agency_uscc"])
            if agency is None:
                form.add_error("agency_uscc",
                               _("没有找到该统一社会信用代码对应的已审核人力资源服务机构。"))
            elif submit(form, services.entrustment_grant, actor=request.user, agency=agency,
                        reference=form.cleaned_data["reference"],
                        valid_until=form.cleaned_data["valid_until"]) is not None:
                messages.success(request, _("已委托该机构代为发布招聘信息。"))
                return redirect("entrustment-list")
    return render(request, "postings/entrustment_list.html", {
        "form": form, "organisation": org,
        "entrustments": selectors.entrustment_list(actor=request.user),
        "today": timezone.localdate()}, status=form_status(form) if form else 200)


@login_required
@require_POST
def entrustment_revoke(request: HttpRequest, entrustment_id: int) -> HttpResponse:
    grant = selectors.entrustment_get(actor=request.user, entrustment_id=entrustment_id)
    services.entrustment_revoke(actor=request.user, entrustment=grant)
    messages.success(request, _("委托已撤销。"))
    return redirect("entrustment-list")


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
        "posting": posting, "flags": flags,
        "flagged": _highlighted(with_revision(posting), flags),
        "changed": _changed_fields(posting),
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
