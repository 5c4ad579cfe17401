"""Organisation pages: parse, call one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.core.forms import submit
from fairhire.orgs import selectors, services
from fairhire.orgs.forms import (
    DecisionForm,
    DocumentForm,
    EmployerForm,
    InviteForm,
    QueueFilterForm,
)
from fairhire.orgs.models import OrgKind
from fairhire.orgs.policies import (
    agency_operation_blockers,
    can_manage_organisation,
    can_review_organisation,
)
from fairhire.orgs.services import OrganisationData
from fairhire.orgs.uploads import MAX_BYTES


def _status(form) -> int:
    error = getattr(form, "domain_error", None)
    return error.status if error is not None else (200 if not form.errors else 400)


@login_required
@never_cache
def employer_register(request: HttpRequest) -> HttpResponse:
    services.organisation_registration_check(actor=request.user, kind=OrgKind.EMPLOYER)
    form = EmployerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        org = submit(form, services.organisation_register, actor=request.user,
                     kind=OrgKind.EMPLOYER, data=OrganisationData(**form.cleaned_data))
        if org is not None:
            messages.success(request, _("登记成功。请上传材料并提交审核。"))
            return redirect("org-detail", org.pk)
    return render(request, "orgs/employer_register.html", {"form": form}, status=_status(form))


@login_required
def my_organisation(request: HttpRequest) -> HttpResponse:
    org = selectors.organisation_of(actor=request.user)
    return redirect("org-detail", org.pk) if org else redirect("employer-register")


def _detail(request: HttpRequest, org, *, document_form=None, invite_form=None,
            decision_form=None, status=200):
    context = {
        "org": org, "operator": services.operator_masked(org),
        "documents": org.documents.order_by("kind", "-version"),
        "missing": services.missing_documents(org),
        "blockers": agency_operation_blockers(organisation=org, today=timezone.localdate())
        if org.is_agency else [],
        "can_manage": can_manage_organisation(actor=request.user, organisation=org),
        "can_review": can_review_organisation(actor=request.user)
        and services.is_in_queue(org, today=timezone.localdate()),
        "document_form": document_form or DocumentForm(),
        "invite_form": invite_form or InviteForm(),
        "members": org.memberships.select_related("user"),
        "decision_form": decision_form or DecisionForm(),
    }
    return render(request, "orgs/org_detail.html", context, status=status)


@login_required
@never_cache
def org_detail(request: HttpRequest, org_id: int) -> HttpResponse:
    return _detail(request, selectors.organisation_get(actor=request.user, organisation_id=org_id))


@login_required
@require_POST
def document_upload(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        document = submit(form, services.document_upload, actor=request.user, organisation=org,
                          kind=form.cleaned_data["kind"], filename=upload.name,
                          data=upload.read(MAX_BYTES + 1))
        if document is not None:
            messages.success(request, _("已上传：%(doc)s") % {"doc": document})
            return redirect("org-detail", org.pk)
    return _detail(request, org, document_form=form, status=_status(form))


@login_required
@require_POST
def org_submit(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    form = DocumentForm()
    if submit(form, services.organisation_submit, actor=request.user,
              organisation=org) is not None:
        messages.success(request, _("已提交审核。"))
        return redirect("org-detail", org.pk)
    return _detail(request, org, document_form=form, status=_status(form))


@login_required
@require_POST
def member_invite(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    form = InviteForm(request.POST)
    if form.is_valid() and submit(form, services.membership_invite, actor=request.user,
                                  organisation=org, **form.cleaned_data) is not None:
        messages.success(request, _("已添加单位人员。"))
        return redirect("org-detail", org.pk)
    return _detail(request, org, invite_form=form, status=_status(form))


@login_required
@never_cache
def document_download(request: HttpRequest, document_id: int) -> HttpResponse:
    document = selectors.document_get(actor=request.user, document_id=document_id)
    document, data = services.document_read(actor=request.user, document=document)
    response = HttpResponse(data, content_type=document.content_type)
    extension = document.original_name.rsplit(".", 1)[-1]
    response["Content-Disposition"] = (
        f'attachment; filename="document-{document.pk}-v{document.version}.{extension}"')
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@login_required
@never_cache
def review_queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {"kind": "", "region": ""}
    queue = selectors.review_queue(actor=request.user, **filters)
    return render(request, "orgs/review_queue.html", {"form": form, "queue": queue})


@login_required
@require_POST
def review_decide(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    form = DecisionForm(request.POST)
    if form.is_valid() and submit(form, services.organisation_decide, actor=request.user,
                                  organisation=org, **form.cleaned_data) is not None:
        messages.success(request, _("已记录审核结论。"))
        return redirect("review-queue")
    return _detail(request, org, decision_form=form, status=_status(form))


@login_required
@never_cache
def archive(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    template = "orgs/archive_print.html" if request.GET.get("print") else "orgs/archive.html"
    return render(request, template, {"org": org, "entries": org.archive.select_related("actor"),
                                      "changes": org.change_reports.all()})


def registry(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:60]
    return render(request, "orgs/registry.html",
                  {"agencies": selectors.registry_list(query=query), "q": query})


def storefront(request: HttpRequest, org_id: int) -> HttpResponse:
    agency = selectors.storefront_get(organisation_id=org_id)
    return render(request, "orgs/storefront.html", {
        "agency": agency, "licences": agency.licences.all(), "fees": agency.fee_items.all(),
        "changes": agency.change_reports.all()})


def licences(request: HttpRequest) -> HttpResponse:
    return render(request, "orgs/licences.html", {"licences": selectors.platform_licences()})
