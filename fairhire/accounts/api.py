"""Accounts API: tokens, who am I, the audit trail, account administration."""


from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer

from fairhire.accounts import selectors, services
from fairhire.accounts.models import Role, User
from fairhire.core.api import ErrorOut


class TokenAuth(HttpBearer):
    """``Authorization: Bearer fh_…`` with a personal API token."""

    def authenticate(self, request: HttpRequest, token: str):
        return services.api_token_authenticate(raw=token)


router = Router(tags=["accounts"])


class TokenIn(Schema):
    username: str = Field(..., max_length=150)
    password: str = Field(..., max_length=128)
    otp: str | None = Field(None, max_length=16)


class TokenOut(Schema):
    token: str


class RateLimitedOut(ErrorOut):
    until: datetime


@router.post("/auth/token", auth=None, url_name="api-auth-token",
             response={200: TokenOut, 401: ErrorOut, 403: ErrorOut, 429: RateLimitedOut})
def auth_token(request: HttpRequest, body: TokenIn):
    """Sign in with a password (and a TOTP code for staff) and receive a personal API token."""
    raw = services.api_sign_in(username=body.username, password=body.password, otp=body.otp)
    return {"token": raw}


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    role: str
    role_label: str
    jurisdiction: str

    @staticmethod
    def resolve_role_label(obj: User) -> str:
        return str(obj.get_role_display())


@router.get("/me", response=MeOut, url_name="api-me")
def me(request: HttpRequest):
    """The signed-in account."""
    return request.auth


class ApiTokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiTokenCreateIn(Schema):
    name: str = Field(..., min_length=1, max_length=60)


class ApiTokenCreatedOut(ApiTokenOut):
    token: str


@router.get("/tokens", response=list[ApiTokenOut], url_name="api-token-list")
def token_list(request: HttpRequest):
    """Your personal API tokens (their values are never shown again)."""
    return selectors.api_token_list(actor=request.auth)


@router.post("/tokens", response={201: ApiTokenCreatedOut}, url_name="api-token-create")
def token_create(request: HttpRequest, body: ApiTokenCreateIn):
    """Create a token; its value is in this answer only."""
    token, raw = services.api_token_create(user=request.auth, name=body.name)
    return Status(201, {**ApiTokenOut.from_orm(token).dict(), "token": raw})


@router.delete("/tokens/{token_id}", response={200: ApiTokenOut, 404: ErrorOut},
               url_name="api-token-revoke")
def token_revoke(request: HttpRequest, token_id: int):
    token = selectors.api_token_get(actor=request.auth, token_id=token_id)
    return services.api_token_revoke(token=token, actor=request.auth)


class AuditEventOut(Schema):
    id: int
    created_at: datetime
    action: str
    result: str
    account: str
    actor_id: int | None
    ip: str | None
    user_agent: str
    target_type: str
    target_id: str
    target_repr: str
    details: dict


class AuditFilterIn(Schema):
    action: str = Field("", max_length=64)
    account: str = Field("", max_length=150)
    ip: str = Field("", max_length=45)
    result: str = Field("", max_length=16)
    date_from: date | None = None
    date_to: date | None = None

    def to_filters(self) -> selectors.AuditFilters:
        return selectors.AuditFilters(**self.dict())


@router.get("/audit/events", response={200: list[AuditEventOut], 403: ErrorOut},
            url_name="api-audit-list")
@paginate(PageNumberPagination, page_size=50)
def audit_list(request: HttpRequest, filters: Query[AuditFilterIn]):
    """The audit trail, for the audit administrator only."""
    return selectors.audit_event_list(actor=request.auth, filters=filters.to_filters())


class TaskStartedOut(Schema):
    task_id: str


@router.post("/audit/exports", response={202: TaskStartedOut, 403: ErrorOut},
             url_name="api-audit-export")
def audit_export(request: HttpRequest, filters: AuditFilterIn):
    """Start a CSV export of the filtered audit trail; follow it at ``/api/v1/tasks/{id}``."""
    progress = services.audit_export_start(actor=request.auth, filters=filters.to_filters())
    return Status(202, {"task_id": str(progress.pk)})


class RoleIn(Schema):
    role: Role
    jurisdiction: str = Field("", pattern=r"^(\d{6})?$")


class ActiveIn(Schema):
    active: bool


class UserOut(Schema):
    id: int
    username: str
    display_name: str
    role: str
    jurisdiction: str
    is_active: bool


@router.post("/admin/users/{user_id}/role",
             response={200: UserOut, 403: ErrorOut, 404: ErrorOut}, url_name="api-user-role")
def user_role(request: HttpRequest, user_id: int, body: RoleIn):
    """Change an account's role (security administrator)."""
    user = selectors.user_get(actor=request.auth, user_id=user_id)
    return services.user_role_set(actor=request.auth, user=user, role=body.role,
                                  jurisdiction=body.jurisdiction)


@router.post("/admin/users/{user_id}/active",
             response={200: UserOut, 403: ErrorOut, 404: ErrorOut}, url_name="api-user-active")
def user_active(request: HttpRequest, user_id: int, body: ActiveIn):
    """Disable or enable an account (security administrator)."""
    user = selectors.user_get(actor=request.auth, user_id=user_id)
    return services.user_active_set(actor=request.auth, user=user, active=body.active)
