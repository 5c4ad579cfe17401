from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from fairhire.core.notifications import notification_mark_read, notifications_of
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


@login_required
@never_cache
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_of(actor=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "core/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = notifications_of(actor=request.user).filter(pk=notification_id).first()
    notification_mark_read(actor=request.user, notification_id=notification_id)
    # Follow the notification's link only within this site.
    target = notification.url if notification.url.startswith("/") and \
        not notification.url.startswith("//") else ""
    return redirect(target or "notification-list")


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    notification_mark_read(actor=request.user)
    return redirect("notification-list")
