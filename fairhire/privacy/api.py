"""Privacy API: the PI access log and exports for the audit administrator, transfer approvals
and self-inspection records for the security administrator."""


from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from fairhire.core.api import ErrorOut
from fairhire.privacy import selectors, services
from fairhire.privacy.models import TransferApproval

router = Router(tags=["privacy"])


class PiAccessOut(Schema):
    id: int
    created_at: datetime
    viewer_id: int
    viewer_account: str
    viewer_role: str
    subject_id: int
    fields: list[str]
    purpose: str
    ip: str | None


class AccessLogFilterIn(Schema):
    viewer: str = Field("", max_length=150)
    subject_id: int | None = None


@router.get("/privacy/access-log", response={200: list[PiAccessOut], 403: ErrorOut},
            url_name="api-pi-access-log")
@paginate(PageNumberPagination, page_size=50)
def access_log(request: HttpRequest, filters: Query[AccessLogFilterIn]):
    """Who viewed whose unmasked personal information, why and when (audit administrator)."""
    return selectors.access_log_list(actor=request.auth, viewer=filters.viewer,
                                     subject_id=filters.subject_id)


class PiExportOut(Schema):
    id: int
    created_at: datetime
    account: str
    dataset: str
    destination: str
    recipient: str
    purpose: str
    lawful_basis: str
    record_count: int
    approval_id: int | None
    allowed: bool


@router.get("/privacy/exports", response={200: list[PiExportOut], 403: ErrorOut},
            url_name="api-pi-export-list")
@paginate(PageNumberPagination, page_size=50)
def export_list(request: HttpRequest):
    """Every export of personal information, allowed or refused (audit administrator)."""
    return selectors.export_list(actor=request.auth)


class TransferApprovalIn(Schema):
    destination: str = Field(..., max_length=2)
    recipient: str = Field(..., max_length=200)
    dataset: str = Field(..., max_length=64)
    mechanism: TransferApproval.Mechanism
    reference: str = Field(..., max_length=100)
    valid_until: date


class TransferApprovalOut(TransferApprovalIn):
    id: int
    recorded_at: datetime


@router.post("/privacy/transfer-approvals",
             response={201: TransferApprovalOut, 400: ErrorOut, 403: ErrorOut},
             url_name="api-transfer-approval-create")
def transfer_approval_create(request: HttpRequest, body: TransferApprovalIn):
    """Record an approval to transfer a data set abroad (security administrator; R22)."""
    approval = services.transfer_approval_record(actor=request.auth, **body.dict())
    return Status(201, approval)


class SelfInspectionOut(Schema):
    year: int
    generated_at: datetime
    facts: dict
    findings: str
    fixes: str
    concluded_at: datetime | None


@router.get("/privacy/self-inspections/{year}",
            response={200: SelfInspectionOut, 403: ErrorOut, 404: ErrorOut},
            url_name="api-self-inspection-get")
def self_inspection_get(request: HttpRequest, year: int):
    return selectors.self_inspection_get(actor=request.auth, year=year)
