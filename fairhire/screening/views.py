"""The operators' tuning page and the check page: parse, call one service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.core.forms import form_status, submit
from fairhire.screening import selectors, services
from fairhire.screening.forms import (
    LawfulPhraseForm,
    TermAddForm,
    TermDisableForm,
    TryForm,
    WithdrawForm,
)
from fairhire.screening.highlight import pieces


def _operator_page(request: HttpRequest, **bound) -> HttpResponse:
    overview = selectors.ruleset_overview_get(actor=request.user)
    changes = selectors.ruleset_change_list(actor=request.user)
    forms = {
        "term_form": bound.get("term_form") or TermAddForm(),
        "disable_form": bound.get("disable_form") or TermDisableForm(),
        "lawful_form": bound.get("lawful_form") or LawfulPhraseForm(),
        "try_form": bound.get("try_form") or TryForm(),
        "withdraw_form": bound.get("withdraw_form") or WithdrawForm(),
    }
    context = {
        "overview": overview,
        "page": Paginator(changes, 50).get_page(request.GET.get("page")),
        "query": "",
        "result": bound.get("result"),
        **forms,
    }
    return render(request, "screening/operator.html", context, status=form_status(*forms.values()))


@login_required
@never_cache
def operator_page(request: HttpRequest) -> HttpResponse:
    return _operator_page(request)


def _changed(request: HttpRequest, change) -> HttpResponse:
    messages.success(request, _("已保存为第 %(v)d 版，下一次筛查即生效。") % {"v": change.version})
    return redirect("screening-operator")


def _change(request: HttpRequest, form_class, service, slot: str) -> HttpResponse:
    """Save one operator change through ``service``; on refusal show the page with the form."""
    form = form_class(request.POST)
    if form.is_valid():
        change = submit(form, service, actor=request.user, **form.cleaned_data)
        if change is not None:
            return _changed(request, change)
    return _operator_page(request, **{slot: form})


@login_required
@require_POST
def term_add(request: HttpRequest) -> HttpResponse:
    return _change(request, TermAddForm, services.ruleset_term_add, "term_form")


@login_required
@require_POST
def term_disable(request: HttpRequest) -> HttpResponse:
    return _change(request, TermDisableForm, services.ruleset_term_disable, "disable_form")


@login_required
@require_POST
def lawful_phrase_add(request: HttpRequest) -> HttpResponse:
    return _change(request, LawfulPhraseForm, services.ruleset_lawful_phrase_add, "lawful_form")


@login_required
@require_POST
def change_withdraw(request: HttpRequest) -> HttpResponse:
    return _change(request, WithdrawForm, services.ruleset_change_withdraw, "withdraw_form")


@login_required
@require_POST
def operator_try(request: HttpRequest) -> HttpResponse:
    """试一试: screen a text with the rules in force and show the evidence highlighted."""
    selectors.ruleset_overview_get(actor=request.user)  # operators only, before any work
    form = TryForm(request.POST)
    result = None
    if form.is_valid():
        text = form.cleaned_data["text"]
        checked = submit(form, services.text_check, actor=request.user, text=text)
        if checked is not None:
            result = {"checked": checked, "pieces": pieces(text, checked.flags)}
    return _operator_page(request, try_form=form, result=result)


@login_required
def draft_check(request: HttpRequest) -> HttpResponse:
    """An employer checks a draft before submitting it: the same flags submission would give."""
    form = TryForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        checked = submit(form, services.text_check, actor=request.user, text=text)
        if checked is not None:
            result = {"checked": checked, "pieces": pieces(text, checked.flags)}
    return render(request, "screening/draft_check.html", {"form": form, "result": result},
                  status=form_status(form))
