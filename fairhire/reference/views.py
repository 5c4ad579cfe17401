"""Code table pages: a browse page per table and the htmx fragment pickers load."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from fairhire.reference import selectors
from fairhire.reference.models import CodeKind

PICK_LIMIT = 15


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The tables FairHire uses and the edition of each."""
    current = selectors.code_table_current_versions()
    tables = [(kind, label, current.get(kind)) for kind, label in CodeKind.choices]
    return render(request, "reference/index.html",
                  {"tables": tables, "versions": selectors.code_table_versions()})


@require_GET
def browse(request: HttpRequest, kind: str) -> HttpResponse:
    """One table as a tree: the children of ``?parent=`` (or the top level), or search hits."""
    model = selectors.code_table(kind=kind)
    query = request.GET.get("q", "")[:50]
    parent_code = request.GET.get("parent", "")[:16] or None
    parent = selectors.code_get(kind=kind, code=parent_code) if parent_code else None
    entries = selectors.code_search(kind=kind, query=query, parent=parent_code,
                                    limit=selectors.MAX_SEARCH_LIMIT)
    return render(request, "reference/browse.html", {
        "kind": kind, "label": CodeKind(kind).label, "model": model, "query": query,
        "parent": parent, "ancestors": selectors.code_ancestors(entry=parent) if parent else [],
        "entries": entries,
        "version": selectors.code_table_current_versions().get(kind)})


@require_GET
def pick(request: HttpRequest, kind: str) -> HttpResponse:
    """Options for a picker (an HTML fragment for htmx): ``?q=`` by name, pinyin or code.

    ``?field=NAME`` reads the query from the parameter ``NAME`` instead (htmx sends a form
    input under its own name) and answers ``<option>`` elements for a ``<datalist>``, so a
    plain text input offers matching codes with no script of our own."""
    field = request.GET.get("field", "")[:40]
    query = request.GET.get(field if field else "q", "")[:50]
    entries = selectors.code_search(
        kind=kind, query=query, parent=request.GET.get("parent", "")[:16] or None,
        level=_int_or_none(request.GET.get("level")), limit=PICK_LIMIT)
    template = "reference/_pick_options.html" if field else "reference/_pick.html"
    return render(request, template, {"kind": kind, "entries": entries})
