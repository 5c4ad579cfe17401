"""Privacy pages: the PI access log and the yearly self-inspection record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from fairhire.core.forms import submit
from fairhire.privacy import selectors, services
from fairhire.privacy.forms import (
    AccessLogFilterForm,
    SelfInspectionConcludeForm,
    SelfInspectionGenerateForm,
)
from fairhire.privacy.inventory import inventory_rows


@login_required
@never_cache
def access_log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.access_log_list(actor=request.user, viewer=filters.get("viewer") or "",
                                     subject_id=filters.get("subject_id"))
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "privacy/access_log.html", {"form": form, "page": page})


@login_required
@never_cache
def self_inspection_list(request: HttpRequest) -> HttpResponse:
    records = selectors.self_inspection_list(actor=request.user)
    form = SelfInspectionGenerateForm(request.POST or None,
                                      initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        record = submit(form, services.self_inspection_generate, actor=request.user,
                        year=form.cleaned_data["year"])
        if record is not None:
            return redirect("self-inspection-detail", year=record.year)
    return render(request, "privacy/self_inspection_list.html",
                  {"records": records, "form": form,
                   "overdue": selectors.self_inspection_overdue()})


@login_required
@never_cache
def self_inspection_detail(request: HttpRequest, year: int) -> HttpResponse:
    record = selectors.self_inspection_get(actor=request.user, year=year)
    form = SelfInspectionConcludeForm(request.POST or None, initial={
        "findings": record.findings, "fixes": record.fixes})
    if request.method == "POST" and form.is_valid():
        if submit(form, services.self_inspection_conclude, record=record, actor=request.user,
                  **form.cleaned_data):
            messages.success(request, _("自查结论已保存。"))
            return redirect("self-inspection-detail", year=year)
    return render(request, "privacy/self_inspection_detail.html",
                  {"record": record, "facts": record.facts, "form": form,
                   "inventory": inventory_rows()})
