from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from fairhire.core.progress import task_result_download
from fairhire.core.selectors import task_progress_get


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@login_required
@never_cache
def task_detail(request: HttpRequest, task_id: uuid.UUID) -> HttpResponse:
    """A background task's progress bar; the bar part reloads itself through htmx."""
    progress = task_progress_get(actor=request.user, progress_id=task_id)
    template = "core/_task_progress.html" if request.headers.get("HX-Request") else \
        "core/task_detail.html"
    return render(request, template, {"progress": progress})


@login_required
@never_cache
def task_download(request: HttpRequest, task_id: uuid.UUID) -> HttpResponse:
    path = task_result_download(actor=request.user, progress_id=task_id)
    response = FileResponse(path.open("rb"), as_attachment=True, filename=path.name,
                            content_type="text/csv; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response
