"""Search pages: parse, call one selector or service, render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from fairhire.accounts.policies import Perm, has_perm
from fairhire.core.errors import DomainError, InvalidInput
from fairhire.core.forms import form_status, submit
from fairhire.postings.models import PayUnit
from fairhire.postings.selectors import posting_get
from fairhire.search import selectors, services
from fairhire.search.engine.query import FACETS
from fairhire.search.explain import LABELS, explain
from fairhire.search.forms import KeyGroupForm, SavedSearchForm, SearchForm, WeightsForm

FACET_LABELS = {"kind": _l("类别"), "employment_type": _l("用工形式"), "education": _l("学历"),
                "region": _l("地区"), "industry": _l("行业"), "occupation": _l("职业")}
FACET_PARAMS = {"kind": "kind", "employment_type": "employment_type", "region": "region",
                "industry": "industry", "occupation": "occupation"}


def _run_search(request: HttpRequest, data) -> tuple[SearchForm, object, dict]:
    form = SearchForm(data)
    page, params = None, {}
    if form.is_valid():
        params = form.params()
        try:
            page = selectors.posting_search(params=selectors.SearchParams(**params))
        except InvalidInput as exc:
            form.add_error(None, str(exc.message))
    return form, page, params


def search_page(request: HttpRequest) -> HttpResponse:
    form, page, params = _run_search(request, request.GET or None)
    if page is None and not request.GET:
        form, page, params = _run_search(request, {"sort": "newest"})
        form = SearchForm()
    current = int(params.get("page") or 1)
    base = {k: v for k, v in params.items() if k != "page"}
    facets = []
    if page is not None:
        for name in FACETS:
            values = page.facets.get(name, [])
            if values and name in FACET_PARAMS:
                facets.append((FACET_LABELS[name], [
                    (value, count, "?" + urlencode({**base, FACET_PARAMS[name]: value}))
                    for value, count in values]))
            elif values:
                facets.append((FACET_LABELS[name], [(v, c, "") for v, c in values]))
    pages = {}
    if page is not None:
        units = dict(PayUnit.choices)
        for hit in page.hits:
            hit.data["pay_label"] = str(units.get((hit.data.get("pay") or [0, 0, ""])[2], ""))
        per = selectors.PER_PAGE
        if current > 1:
            pages["previous"] = "?" + urlencode({**base, "page": current - 1})
        if current * per < min(page.total, selectors.MAX_PAGE * per):
            pages["next"] = "?" + urlencode({**base, "page": current + 1})
    return render(request, "search/search.html", {
        "form": form, "page": page, "facets": facets, "pages": pages, "current": current,
        "can_save": has_perm(request.user, Perm.SEEK) and page is not None,
        "save_form": SavedSearchForm(), "query_string": urlencode(base),
    }, status=form_status(form) if request.GET else 200)


def search_result(request: HttpRequest, posting_id: int) -> HttpResponse:
    """One result: the posting in brief and, for a seeker with a résumé, why it suits them."""
    posting = posting_get(actor=request.user, posting_id=posting_id)
    reasons, score, resume = None, None, None
    if has_perm(request.user, Perm.SEEK):
        try:
            resume, result = selectors.match_explain(actor=request.user, posting_id=posting_id)
            reasons, score = explain(result), result.score
        except DomainError:
            reasons = None  # no résumé yet: the page invites the seeker to write one
    return render(request, "search/result.html", {
        "posting": posting, "reasons": reasons, "score": score, "resume": resume})


@login_required
def recommendations(request: HttpRequest) -> HttpResponse:
    resume_id = request.GET.get("resume")
    resume, found = selectors.recommendations_for_seeker(
        actor=request.user, resume_id=int(resume_id) if (resume_id or "").isdigit() else None)
    return render(request, "search/recommendations.html", {
        "resume": resume, "found": [(r, explain(r.match)) for r in found]})


@login_required
def posting_candidates(request: HttpRequest, posting_id: int) -> HttpResponse:
    posting = posting_get(actor=request.user, posting_id=posting_id)
    found = selectors.candidates_for_posting(actor=request.user, posting_id=posting_id)
    priority = services.priority_recommendations(actor=request.user, posting_id=posting_id)
    return render(request, "search/candidates.html", {
        "posting": posting, "found": [(r, explain(r.match)) for r in found],
        "priority": [(r, group, explain(r.match)) for r, group in priority]})


@login_required
def saved_searches(request: HttpRequest) -> HttpResponse:
    form = SavedSearchForm(request.POST or None)
    if request.method == "POST":
        search_form = SearchForm(request.GET)
        if form.is_valid() and search_form.is_valid():
            saved = submit(form, services.saved_search_create, actor=request.user,
                           title=form.cleaned_data["title"],
                           params=selectors.SearchParams(**search_form.params()).saved())
            if saved is not None:
                messages.success(request, _("已保存检索，有新的招聘信息时我们每天最多提醒你一次。"))
                return redirect("search-saved-list")
    return render(request, "search/saved_list.html", {
        "saved": selectors.saved_search_list(actor=request.user), "form": form},
        status=form_status(form) if request.method == "POST" else 200)


@login_required
def saved_search_run(request: HttpRequest, saved_id: int) -> HttpResponse:
    saved = selectors.saved_search_get(actor=request.user, saved_id=saved_id)
    return redirect(f"/search/?{urlencode(saved.params)}")


@login_required
@require_POST
def saved_search_delete(request: HttpRequest, saved_id: int) -> HttpResponse:
    services.saved_search_delete(actor=request.user, saved_id=saved_id)
    messages.success(request, _("已删除。"))
    return redirect("search-saved-list")


@login_required
def match_weights(request: HttpRequest) -> HttpResponse:
    weights = selectors.match_weights_for(actor=request.user)
    form = WeightsForm(request.POST or None, weights=weights, labels=LABELS)
    if request.method == "POST" and form.is_valid():
        if submit(form, services.match_weights_set, actor=request.user,
                  weights=form.cleaned_data) is not None:
            messages.success(request, _("匹配权重已更新。"))
            return redirect("search-match-weights")
    return render(request, "search/weights.html", {"form": form},
                  status=form_status(form) if request.method == "POST" else 200)


@login_required
def key_group(request: HttpRequest) -> HttpResponse:
    """A seeker's separate consent to priority recommendation as a key-group member (EN7)."""
    form = KeyGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if submit(form, services.key_group_consent_give, actor=request.user,
                  group=form.cleaned_data["group"]) is not None:
            messages.success(request, _("已同意，合适的用人单位会优先看到你的简历。"))
            return redirect("search-key-group")
    return render(request, "search/key_group.html", {
        "form": form, "active": selectors.key_group_active(actor=request.user)},
        status=form_status(form) if request.method == "POST" else 200)


@login_required
@require_POST
def key_group_withdraw(request: HttpRequest) -> HttpResponse:
    services.key_group_consent_withdraw(actor=request.user)
    messages.success(request, _("已撤回同意，你已不在任何优先推荐名单中。"))
    return redirect("search-key-group")
