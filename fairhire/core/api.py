"""API glue that knows no domain: the error contract and the progress endpoint.

Every error the API returns is ``{"code": <stable machine code>, "message": <for a person>}``;
the message is Chinese unless the client sends ``Accept-Language: en``.
"""


import logging
import uuid
from datetime import datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import PageNumberPagination, paginate

from fairhire.core.error_pages import add_retry_after, record_access_denied
from fairhire.core.errors import DomainError, PermissionDenied
from fairhire.core.notifications import notification_mark_read, notifications_of
from fairhire.core.selectors import task_progress_get

logger = logging.getLogger("fairhire.api")


class ErrorOut(Schema):
    code: str
    message: str


def _field_name(loc: list) -> str | None:
    """``["body", "body", "username"]`` → ``"username"``: the name the client sent."""
    parts = [str(p) for p in (loc[2:] if len(loc) > 2 else loc[1:])]
    return ".".join(parts) or None


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError):
        if isinstance(exc, PermissionDenied):
            record_access_denied(request, exc)
        body = exc.as_dict()
        if getattr(exc, "field", None):
            body["field"] = exc.field
        response = api.create_response(request, body, status=exc.status)
        add_retry_after(response, exc)
        return response

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError):
        errors = [{"field": _field_name(e.get("loc", [])), "message": e.get("msg", "")}
                  for e in exc.errors]
        return api.create_response(
            request,
            {"code": "invalid", "message": _("请求内容不正确，请检查各字段。"), "errors": errors},
            status=422,
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError):
        return api.create_response(
            request, {"code": "auth.required", "message": _("请先登录或提供有效的 API 令牌。")},
            status=401)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404):
        return api.create_response(
            request, {"code": "not_found", "message": _("未找到。")}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError):
        return api.create_response(
            request, {"code": f"http_{exc.status_code}", "message": str(exc)},
            status=exc.status_code)

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception):
        # Never a stack trace to the client; the log has it.
        logger.exception("unhandled API error on %s", request.path)
        return api.create_response(
            request, {"code": "server_error", "message": _("服务器内部错误，请稍后再试。")},
            status=500)


class TaskProgressOut(Schema):
    id: uuid.UUID
    kind: str
    label: str
    status: str
    total: int
    done: int
    percent: int
    message: str
    finished: bool
    updated_at: datetime


router = Router(tags=["tasks"])


@router.get("/tasks/{task_id}", response={200: TaskProgressOut, 404: ErrorOut},
            url_name="api-task-progress")
def task_progress(request: HttpRequest, task_id: uuid.UUID):
    """How far one of your background tasks has come."""
    return task_progress_get(actor=request.auth, progress_id=task_id)


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None


class MarkedOut(Schema):
    marked: int


@router.get("/me/notifications", response=list[NotificationOut], tags=["notifications"],
            url_name="api-my-notifications")
@paginate(PageNumberPagination, page_size=30)
def my_notifications(request: HttpRequest, unread: bool = False):
    """Your notifications, newest first; ``unread=true`` for the unread ones only."""
    rows = notifications_of(actor=request.auth)
    return rows.filter(read_at__isnull=True) if unread else rows


@router.post("/me/notifications/{notification_id}/read",
             response={200: MarkedOut, 404: ErrorOut}, tags=["notifications"],
             url_name="api-notification-read")
def notification_read(request: HttpRequest, notification_id: int):
    """Mark one of your notifications read."""
    return {"marked": notification_mark_read(actor=request.auth,
                                             notification_id=notification_id)}
