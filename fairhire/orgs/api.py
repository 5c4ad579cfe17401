"""Organisations API: registration, documents, review, change reports, the public registry."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from fairhire.core.api import ErrorOut
from fairhire.core.errors import InvalidInput
from fairhire.orgs import selectors, services
from fairhire.orgs.forms import split_scope
from fairhire.orgs.models import Organisation, OrgKind
from fairhire.orgs.policies import agency_operation_blockers, current_licence
from fairhire.orgs.services import FeeData, LicenceData, OrganisationData
from fairhire.orgs.uploads import MAX_BYTES

router = Router(tags=["orgs"])
ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class LicenceIn(Schema):
    number: str = Field(..., min_length=1, max_length=60)
    authority: str = Field(..., min_length=1, max_length=120)
    issued_on: date
    expires_on: date
    scope: list[str] = Field(default_factory=list, max_length=30)


class FeeIn(Schema):
    item: str = Field(..., min_length=1, max_length=100)
    standard: str = Field(..., min_length=1, max_length=200)
    payer: str = Field("employer", pattern=r"^(employer|worker)$")


class OrganisationIn(Schema):
    name: str = Field(..., min_length=2, max_length=120)
    uscc: str = Field(..., max_length=30)
    unit_type: str = Field("enterprise", max_length=32)
    address: str = Field(..., min_length=2, max_length=200)
    region_code: str = Field(..., max_length=6)
    industry_code: str = Field("", max_length=5)
    size: str = Field("", pattern=r"^(micro|small|medium|large)?$")
    legal_representative: str = Field(..., min_length=1, max_length=60)
    contact_name: str = Field(..., min_length=1, max_length=60)
    contact_phone: str = Field(..., min_length=5, max_length=30)
    operator_name: str = Field(..., min_length=1, max_length=60)
    operator_id_number: str = Field(..., max_length=30)
    operator_phone: str = Field(..., max_length=30)


class EmployerIn(OrganisationIn):
    recruits_foreigners: bool = False


class AgencyIn(OrganisationIn):
    service_types: list[str] = Field(..., max_length=10)
    hr_licence: LicenceIn
    telecom_licence: LicenceIn | None = None
    fees: list[FeeIn] = Field(default_factory=list, max_length=50)


def _licence(data: LicenceIn | None) -> LicenceData | None:
    return LicenceData(**data.dict()) if data is not None else None


class LicenceOut(Schema):
    kind: str
    number: str
    authority: str
    issued_on: date
    expires_on: date
    scope: list[str]


class FeeOut(Schema):
    item: str
    standard: str
    payer: str


class DocumentOut(Schema):
    id: int
    kind: str
    version: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class OrganisationOut(Schema):
    id: int
    kind: str
    name: str
    uscc: str
    unit_type: str
    address: str
    region_code: str
    legal_representative: str
    contact_name: str
    contact_phone: str
    operator_name: str
    operator_id_number_masked: str
    operator_phone_masked: str
    recruits_foreigners: bool
    service_types: list[str]
    status: str
    status_label: str
    verified_at: datetime | None
    reverify_due: date | None
    terminates_on: date | None
    missing_documents: list[str]
    can_operate: bool | None
    operation_blockers: list[str]
    licences: list[LicenceOut]
    fees: list[FeeOut]
    documents: list[DocumentOut]


def _out(org: Organisation) -> dict:
    masked = services.operator_masked(org)
    blockers = (agency_operation_blockers(organisation=org, today=timezone.localdate())
                if org.is_agency else [])
    return {
        **{f: getattr(org, f) for f in (
            "id", "kind", "name", "uscc", "unit_type", "address", "region_code",
            "legal_representative", "contact_name", "contact_phone", "operator_name",
            "recruits_foreigners", "service_types", "status", "verified_at", "reverify_due",
            "terminates_on")},
        "status_label": str(org.get_status_display()),
        "operator_id_number_masked": masked["id_number"],
        "operator_phone_masked": masked["phone"],
        "missing_documents": services.missing_documents(org),
        "can_operate": (not blockers) if org.is_agency else None,
        "operation_blockers": [str(b) for b in blockers],
        "licences": list(org.licences.all()),
        "fees": list(org.fee_items.all()),
        "documents": list(org.documents.order_by("kind", "version")),
    }


def _register(request: HttpRequest, kind: str, body: OrganisationIn, **extra):
    common = body.dict(include=set(OrganisationIn.model_fields))
    org = services.organisation_register(
        actor=request.auth, kind=kind, data=OrganisationData(**common, **extra))
    return Status(201, _out(org))


@router.post("/employers", response={201: OrganisationOut, **ERRORS},
             url_name="api-employer-register")
def employer_register(request: HttpRequest, body: EmployerIn):
    """Register your employer; you become its owner (Regulation Art. 17)."""
    return _register(request, OrgKind.EMPLOYER, body,
                     recruits_foreigners=body.recruits_foreigners)


@router.post("/agencies", response={201: OrganisationOut, **ERRORS},
             url_name="api-agency-register")
def agency_register(request: HttpRequest, body: AgencyIn):
    """Register your HR service agency with its licences, service types and fees (Arts 9-11)."""
    return _register(request, OrgKind.AGENCY, body, service_types=body.service_types,
                     hr_licence=_licence(body.hr_licence),
                     telecom_licence=_licence(body.telecom_licence),
                     fees=[FeeData(**fee.dict()) for fee in body.fees])


@router.get("/orgs/{org_id}", response={200: OrganisationOut, 404: ErrorOut},
            url_name="api-org-detail")
def org_detail(request: HttpRequest, org_id: int):
    """An organisation you belong to, review, or supervise (others: 404)."""
    return _out(selectors.organisation_get(actor=request.auth, organisation_id=org_id))


@router.post("/orgs/{org_id}/documents", response={201: DocumentOut, **ERRORS},
             url_name="api-org-document-upload")
def document_upload(request: HttpRequest, org_id: int, kind: Form[str],
                    file: File[UploadedFile]):
    """Upload a new version of a document: PDF, JPEG or PNG, at most 10 MB."""
    org = selectors.organisation_get(actor=request.auth, organisation_id=org_id)
    if file.size is not None and file.size > MAX_BYTES:
        raise InvalidInput(_("文件不能超过 10 MB。"), code="upload.too_large", field="file")
    document = services.document_upload(actor=request.auth, organisation=org, kind=kind,
                                        filename=file.name or "", data=file.read(MAX_BYTES + 1))
    return Status(201, document)


@router.post("/orgs/{org_id}/submit", response={200: OrganisationOut, **ERRORS},
             url_name="api-org-submit")
def org_submit(request: HttpRequest, org_id: int):
    """Put your organisation in the review queue once every required document is on file."""
    org = selectors.organisation_get(actor=request.auth, organisation_id=org_id)
    return _out(services.organisation_submit(actor=request.auth, organisation=org))


class QueueFilterIn(Schema):
    kind: str = Field("", pattern=r"^(employer|agency)?$")
    region: str = Field("", pattern=r"^\d{0,6}$")


class QueueItemOut(Schema):
    id: int
    kind: str
    name: str
    region_code: str
    status: str
    queued_at: datetime | None
    reverify_due: date | None


@router.get("/review/orgs", response={200: list[QueueItemOut], 403: ErrorOut},
            url_name="api-review-queue")
def review_queue(request: HttpRequest, filters: Query[QueueFilterIn]):
    """Organisations waiting for review, oldest first (reviewers)."""
    return list(selectors.review_queue(actor=request.auth, kind=filters.kind,
                                       region=filters.region)[:200])


class DecisionIn(Schema):
    decision: str = Field(..., pattern=r"^(approve|reject|request_info)$")
    reason: str = Field("", max_length=1000)
    template_id: int | None = Field(None, ge=1, le=2**31 - 1)


@router.post("/review/orgs/{org_id}/decision", response={200: OrganisationOut, **ERRORS},
             url_name="api-review-decision")
def review_decision(request: HttpRequest, org_id: int, body: DecisionIn):
    """Approve, reject (reason required) or ask for more information."""
    org = selectors.organisation_get(actor=request.auth, organisation_id=org_id)
    return _out(services.organisation_decide(actor=request.auth, organisation=org,
                                             decision=body.decision, reason=body.reason,
                                             template_id=body.template_id))


class ReasonTemplateOut(Schema):
    id: int
    title: str
    text: str
    active: bool


@router.get("/review/reason-templates", response={200: list[ReasonTemplateOut], 403: ErrorOut},
            url_name="api-reason-template-list")
def reason_template_list(request: HttpRequest):
    """The reasons a decision may quote by ``template_id`` (reviewers and operators)."""
    return list(selectors.reason_template_list(actor=request.auth))


@router.put("/agencies/{org_id}/fees", response={200: list[FeeOut], **ERRORS},
            url_name="api-agency-fees")
def agency_fees(request: HttpRequest, org_id: int, body: list[FeeIn]):
    """Replace your published fee schedule; a deposit charged to workers is refused (Art. 19)."""
    org = selectors.organisation_get(actor=request.auth, organisation_id=org_id)
    return services.fee_items_replace(actor=request.auth, organisation=org,
                                      fees=[FeeData(**fee.dict()) for fee in body[:50]])


@router.post("/orgs/{org_id}/licences", response={201: LicenceOut, **ERRORS},
             url_name="api-org-licence-renew")
def licence_renew(request: HttpRequest, org_id: int, kind: Form[str], number: Form[str],
                  authority: Form[str], issued_on: Form[date], expires_on: Form[date],
                  file: File[UploadedFile], scope: Form[str] = ""):
    """Record a renewed licence with its document; the organisation goes back to review."""
    org = selectors.organisation_get(actor=request.auth, organisation_id=org_id)
    if file.size is not None and file.size > MAX_BYTES:
        raise InvalidInput(_("文件不能超过 10 MB。"), code="upload.too_large", field="file")
    licence = LicenceData(number=number[:60], authority=authority[:120], issued_on=issued_on,
                          expires_on=expires_on, scope=split_scope(scope[:500]))
    return Status(201, services.licence_renew(
        actor=request.auth, organisation=org, kind=kind, licence=licence,
        filename=file.name or "", data=file.read(MAX_BYTES + 1)))


class ChangeIn(Schema):
    kind: str = Field(..., pattern=r"^(name|address|legal_representative|termination)$")
    new_value: str = Field("", max_length=200)
    registered_on: date
    effective_on: date | None = None


class ChangeOut(Schema):
    id: int
    kind: str
    old_value: str
    new_value: str
    registered_on: date
    effective_on: date | None
    filed_at: datetime
    late: bool


@router.post("/agencies/{org_id}/changes", response={201: ChangeOut, **ERRORS},
             url_name="api-agency-change")
def agency_change(request: HttpRequest, org_id: int, body: ChangeIn):
    """Report a change within 15 days of its registration; later reports are flagged late."""
    org = selectors.organisation_get(actor=request.auth, organisation_id=org_id)
    return Status(201, services.change_report_file(actor=request.auth, organisation=org,
                                                   **body.dict()))


class RegistryItemOut(Schema):
    id: int
    name: str
    uscc: str
    address: str
    legal_representative: str
    status: str
    status_label: str
    service_types: list[str]
    terminates_on: date | None
    hr_licence: LicenceOut | None
    changes: list[ChangeOut]


@router.get("/registry/agencies", auth=None, response=list[RegistryItemOut],
            url_name="api-registry-agencies")
def registry(request: HttpRequest, q: str = Query("", max_length=60)):
    """Public: the agencies doing online recruitment, their changes and cancellations (Art. 14)."""
    return [{
        **{f: getattr(org, f) for f in ("id", "name", "uscc", "address", "legal_representative",
                                        "status", "service_types", "terminates_on")},
        "status_label": str(org.get_status_display()),
        "hr_licence": current_licence(org, "hr_service"),
        "changes": list(org.change_reports.all()),
    } for org in selectors.registry_list(query=q)]
