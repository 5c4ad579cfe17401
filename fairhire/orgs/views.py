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

from fairhire.core.forms import form_status, submit
from fairhire.orgs import selectors, services
from fairhire.orgs.forms import (
    AgencyForm,
    ChangeReportForm,
    DecisionForm,
    DocumentForm,
    EmployerForm,
    FeeFormSet,
    FeeScheduleForm,
    InviteForm,
    LicenceRenewForm,
    PlatformLicenceForm,
    QueueFilterForm,
    ReasonTemplateForm,
    fee_rows,
)
from fairhire.orgs.models import OrgKind
from fairhire.orgs.policies import (
    agency_operation_blockers,
    can_manage_organisation,
    can_review_organisation,
    registration_kind,
)
from fairhire.orgs.services import OrganisationData
from fairhire.orgs.uploads import MAX_BYTES


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
    return render(request, "orgs/employer_register.html", {"form": form}, status=form_status(form))


@login_required
@never_cache
def agency_register(request: HttpRequest) -> HttpResponse:
    services.organisation_registration_check(actor=request.user, kind=OrgKind.AGENCY)
    form = AgencyForm(request.POST or None)
    fees = FeeFormSet(request.POST or None, prefix="fees")
    if request.method == "POST" and all([form.is_valid(), fees.is_valid()]):
        org = submit(form, services.organisation_register, actor=request.user,
                     kind=OrgKind.AGENCY, data=form.to_data(fees=fee_rows(fees)))
        if org is not None:
            messages.success(request, _("登记成功。请上传材料并提交审核。"))
            return redirect("org-detail", org.pk)
    return render(request, "orgs/agency_register.html", {"form": form, "fees": fees},
                  status=form_status(form, fees))


@login_required
def my_organisation(request: HttpRequest) -> HttpResponse:
    org = selectors.organisation_of(actor=request.user)
    if org is not None:
        return redirect("org-detail", org.pk)
    return redirect("agency-register" if registration_kind(request.user) == OrgKind.AGENCY
                    else "employer-register")


def _detail(request: HttpRequest, org, *, document_form=None, invite_form=None,
            decision_form=None, status=200):
    can_review = (can_review_organisation(actor=request.user)
                  and services.is_in_queue(org, today=timezone.localdate()))
    templates = (selectors.reason_template_list(actor=request.user, active_only=True)
                 if can_review else ())
    context = {
        "org": org, "operator": services.operator_masked(org),
        "documents": org.documents.order_by("kind", "-version"),
        "missing": services.missing_documents(org),
        "blockers": agency_operation_blockers(organisation=org, today=timezone.localdate())
        if org.is_agency else [],
        "can_manage": can_manage_organisation(actor=request.user, organisation=org),
        "can_review": can_review,
        "licences": org.licences.all(),
        "fees": org.fee_items.all(),
        "document_form": document_form or DocumentForm(),
        "invite_form": invite_form or InviteForm(),
        "members": org.memberships.select_related("user"),
        "decision_form": decision_form or DecisionForm(templates=templates),
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
    return _detail(request, org, document_form=form, status=form_status(form))


@login_required
@require_POST
def org_submit(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    form = DocumentForm()
    if submit(form, services.organisation_submit, actor=request.user,
              organisation=org) is not None:
        messages.success(request, _("已提交审核。"))
        return redirect("org-detail", org.pk)
    return _detail(request, org, document_form=form, status=form_status(form))


@login_required
@require_POST
def member_invite(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_get(actor=request.user, organisation_id=org_id)
    form = InviteForm(request.POST)
    if form.is_valid() and submit(form, services.membership_invite, actor=request.user,
                                  organisation=org, **form.cleaned_data) is not None:
        messages.success(request, _("已添加单位人员。"))
        return redirect("org-detail", org.pk)
    return _detail(request, org, invite_form=form, status=form_status(form))


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
    form = DecisionForm(request.POST, templates=selectors.reason_template_list(
        actor=request.user, active_only=True))
    if form.is_valid() and submit(form, services.organisation_decide, actor=request.user,
                                  organisation=org, **form.cleaned_data) is not None:
        messages.success(request, _("已记录审核结论。"))
        return redirect("review-queue")
    return _detail(request, org, decision_form=form, status=form_status(form))


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
        "agency": agency, "licences": selectors.current_licences(organisation=agency),
        "fees": agency.fee_items.all(),
        "changes": agency.change_reports.all()})


def licences(request: HttpRequest) -> HttpResponse:
    return render(request, "orgs/licences.html", {"licences": selectors.platform_licences()})


@login_required
@never_cache
def agency_changes(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_managed_get(actor=request.user, organisation_id=org_id,
                                             kind=OrgKind.AGENCY)
    form = ChangeReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = submit(form, services.change_report_file, actor=request.user,
                        organisation=org, **form.cleaned_data)
        if report is not None:
            messages.success(request, _("已提交变更报告。"))
            return redirect("agency-changes", org.pk)
    return render(request, "orgs/agency_changes.html",
                  {"org": org, "form": form, "reports": org.change_reports.all()},
                  status=form_status(form))


@login_required
@never_cache
def agency_fees(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_managed_get(actor=request.user, organisation_id=org_id,
                                             kind=OrgKind.AGENCY)
    form = FeeScheduleForm(request.POST or None)
    fees = FeeFormSet(request.POST or None, prefix="fees", initial=[
        {"item": f.item, "standard": f.standard, "payer": f.payer}
        for f in org.fee_items.all()])
    if request.method == "POST" and fees.is_valid():
        if submit(form, services.fee_items_replace, actor=request.user, organisation=org,
                  fees=fee_rows(fees)) is not None:
            messages.success(request, _("已更新服务项目和收费标准。"))
            return redirect("agency-fees", org.pk)
    return render(request, "orgs/agency_fees.html", {"org": org, "form": form, "fees": fees},
                  status=form_status(form, fees))


@login_required
@never_cache
def licence_renew(request: HttpRequest, org_id: int) -> HttpResponse:
    org = selectors.organisation_managed_get(actor=request.user, organisation_id=org_id)
    form = LicenceRenewForm(request.POST or None, request.FILES or None,
                            kinds=services.licence_kinds_for(org))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        licence = submit(form, services.licence_renew, actor=request.user, organisation=org,
                         kind=form.cleaned_data["kind"], licence=form.licence(),
                         filename=upload.name, data=upload.read(MAX_BYTES + 1))
        if licence is not None:
            messages.success(request, _("已登记新证，等待平台审核。"))
            return redirect("org-detail", org.pk)
    return render(request, "orgs/licence_renew.html",
                  {"org": org, "form": form, "licences": org.licences.all()},
                  status=form_status(form))


@login_required
@never_cache
def platform_licences_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.platform_licences_for_editing(actor=request.user)
    form = PlatformLicenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if submit(form, services.platform_licence_set, actor=request.user,
                  **form.cleaned_data) is not None:
            messages.success(request, _("已更新平台证照，页脚和证照页即时生效。"))
            return redirect("platform-licences-edit")
    return render(request, "orgs/platform_licences_edit.html",
                  {"form": form, "current": current}, status=form_status(form))


@login_required
@never_cache
def reason_templates(request: HttpRequest) -> HttpResponse:
    templates = selectors.reason_template_list(actor=request.user)
    form = ReasonTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if submit(form, services.reason_template_save, actor=request.user,
                  **form.cleaned_data) is not None:
            messages.success(request, _("已保存理由模板。"))
            return redirect("reason-templates")
    return render(request, "orgs/reason_templates.html",
                  {"form": form, "templates": templates}, status=form_status(form))


@login_required
@never_cache
def reason_template_edit(request: HttpRequest, template_id: int) -> HttpResponse:
    template = selectors.reason_template_get(actor=request.user, template_id=template_id)
    form = ReasonTemplateForm(request.POST or None, initial={
        "title": template.title, "text": template.text, "active": template.active})
    if request.method == "POST" and form.is_valid():
        if submit(form, services.reason_template_save, actor=request.user, template=template,
                  **form.cleaned_data) is not None:
            messages.success(request, _("已保存理由模板。"))
            return redirect("reason-templates")
    return render(request, "orgs/reason_template_edit.html",
                  {"form": form, "template": template}, status=form_status(form))
