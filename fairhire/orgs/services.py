"""Organisation use cases: registration, documents, review, re-verification, changes, display.

Regulation Arts 9-14 (agencies' licences, scope, service types, changes, display, registry),
Art. 17 (the platform reviews an employer's materials), Art. 19(2) (no deposits, fees
published) and Art. 25 (verify, register, archive and re-verify agencies entering the platform).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import Role, User
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.ledger.services import ledger_append
from fairhire.orgs import uploads
from fairhire.orgs.identifiers import IdentifierError, validate_id_number, validate_uscc
from fairhire.orgs.models import (
    ONLINE_RECRUITMENT_SCOPE,
    ArchiveEntry,
    ChangeReport,
    Document,
    FeeItem,
    Licence,
    Membership,
    Organisation,
    OrgKind,
    PlatformLicence,
    ReasonTemplate,
    ServiceType,
    UnitType,
)
from fairhire.orgs.policies import (
    REGISTERING_ROLES,
    can_manage_organisation,
    can_manage_platform_licences,
    can_manage_reason_templates,
    can_read_documents,
    can_register_organisation,
    can_review_organisation,
    current_licence,
)
from fairhire.privacy import crypto
from fairhire.screening.services import screen_text
from fairhire.search.outbox import outbox_record

Status = Organisation.Status
ONLINE_SCOPE = ONLINE_RECRUITMENT_SCOPE
CHANGE_REPORT_DAYS = 15      # Regulation Art. 12
TERMINATION_NOTICE_DAYS = 30  # Regulation Art. 13
EXPIRY_NOTICE_DAYS = 30
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
REGION_RE = re.compile(r"^[1-8]\d{5}$")


def _identifier_messages() -> dict[str, str]:
    return {
        "uscc.length": _("统一社会信用代码应为 18 位。"),
        "uscc.characters": _("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）。"),
        "uscc.region": _("统一社会信用代码第 3-8 位应为行政区划代码。"),
        "uscc.check_digit": _("统一社会信用代码校验位不正确，请核对后重新输入。"),
        "id.format": _("身份证号码应为 18 位，最后一位可以是数字或 X。"),
        "id.region": _("身份证号码的地址码不正确。"),
        "id.birth_date": _("身份证号码中的出生日期不是真实日期或晚于今天。"),
        "id.check_digit": _("身份证号码校验位不正确，请核对后重新输入。"),
        "id.too_young": _("经办人须年满 16 周岁。"),
    }


def _conflict(message: str, *, code: str, field: str) -> RuleViolation:
    """A RuleViolation that the form glue and the API put next to ``field``."""
    exc = RuleViolation(message, code=code)
    exc.field = field
    return exc


def _invalid(exc: IdentifierError, field_name: str) -> InvalidInput:
    return InvalidInput(_identifier_messages()[exc.code], code=exc.code, field=field_name)


# --- input --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LicenceData:
    number: str
    authority: str
    issued_on: date
    expires_on: date
    scope: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FeeData:
    item: str
    standard: str
    payer: str = FeeItem.Payer.EMPLOYER


@dataclass(frozen=True)
class OrganisationData:
    name: str
    uscc: str
    address: str
    region_code: str
    legal_representative: str
    contact_name: str
    contact_phone: str
    operator_name: str
    operator_id_number: str
    operator_phone: str
    unit_type: str = UnitType.ENTERPRISE
    industry_code: str = ""
    size: str = ""
    recruits_foreigners: bool = False
    # agencies only
    service_types: list[str] = field(default_factory=list)
    hr_licence: LicenceData | None = None
    telecom_licence: LicenceData | None = None
    fees: list[FeeData] = field(default_factory=list)


def _check_common(data: OrganisationData, *, today: date) -> tuple[str, str, str]:
    try:
        uscc = validate_uscc(data.uscc)
    except IdentifierError as exc:
        raise _invalid(exc, "uscc") from None
    try:
        id_number = validate_id_number(data.operator_id_number, today=today).value
    except IdentifierError as exc:
        raise _invalid(exc, "operator_id_number") from None
    phone = crypto.normalise(data.operator_phone, purpose=crypto.Purpose.PHONE)
    if not MOBILE_RE.match(phone):
        raise InvalidInput(_("请输入 11 位手机号码。"), code="orgs.bad_phone",
                           field="operator_phone")
    if not REGION_RE.match(data.region_code):
        raise InvalidInput(_("行政区划代码应为 6 位数字（GB/T 2260）。"),
                           code="orgs.bad_region", field="region_code")
    if data.unit_type not in UnitType.values:
        raise InvalidInput(_("请选择单位性质。"), code="orgs.bad_unit_type", field="unit_type")
    return uscc, id_number, phone


def _check_licence(licence: LicenceData | None, field_name: str, *, today: date) -> None:
    if licence is None:
        raise InvalidInput(_("请填写许可证信息。"), code="orgs.licence_missing",
                           field=field_name)
    if not licence.number.strip() or not licence.authority.strip():
        raise InvalidInput(_("请填写许可证编号和发证机关。"), code="orgs.licence_missing",
                           field=field_name)
    if licence.expires_on < licence.issued_on or licence.issued_on > today:
        raise InvalidInput(_("许可证的发证日期或有效期不正确。"), code="orgs.licence_dates",
                           field=field_name)


def check_fees(fees: list[FeeData]) -> None:
    """Regulation Art. 19(2): no fee may take a deposit from a worker.

    The compliance screener reads each item and its standard through disguises (traditional
    characters, spaces inside words); a blocking ``deposit_fee`` flag on a fee the worker pays
    refuses the schedule. A guarantee an employer pays the agency is lawful (SCREENING.md).
    """
    for fee in fees:
        if fee.payer not in FeeItem.Payer.values:
            raise InvalidInput(_("请选择付费方。"), code="orgs.bad_payer", field="fees")
        if fee.payer != FeeItem.Payer.WORKER:
            continue
        deposits = [flag for flag in screen_text(f"{fee.item}：{fee.standard}").flags
                    if flag.category == "deposit_fee" and flag.is_blocking]
        if deposits:
            raise InvalidInput(
                _("收费项目“%(item)s”中的“%(excerpt)s”：不得向劳动者收取押金、保证金或扣押证件"
                  "（《网络招聘服务管理规定》第十九条）。")
                % {"item": fee.item, "excerpt": deposits[0].excerpt},
                code="orgs.deposit_fee", field="fees")


def _store_operator_pi(org: Organisation, *, id_number: str, phone: str) -> None:
    """Encrypt the operator's ID number and phone, bound to the row (SECURITY.md 9-10)."""
    def ctx(column: str) -> str:
        return crypto.field_context(table="orgs.organisation", column=column, row_id=org.pk)

    org.operator_id_number_enc = crypto.encrypt(id_number, context=ctx("operator_id_number"))
    org.operator_id_number_index = crypto.blind_index(id_number,
                                                      purpose=crypto.Purpose.ID_NUMBER)
    org.operator_phone_enc = crypto.encrypt(phone, context=ctx("operator_phone"))
    org.save(update_fields=["operator_id_number_enc", "operator_id_number_index",
                            "operator_phone_enc"])


def operator_masked(org: Organisation) -> dict[str, str]:
    """The operator's ID number and phone as everybody sees them: masked (SECURITY.md 12)."""
    def ctx(column: str) -> str:
        return crypto.field_context(table="orgs.organisation", column=column, row_id=org.pk)

    if not org.operator_id_number_enc:
        return {"id_number": "", "phone": ""}
    return {
        "id_number": crypto.mask_id_number(crypto.decrypt(
            org.operator_id_number_enc, context=ctx("operator_id_number"))),
        "phone": crypto.mask_phone(crypto.decrypt(org.operator_phone_enc,
                                                  context=ctx("operator_phone"))),
    }


def _archive(org: Organisation, kind: str, *, now: datetime, actor: User | None = None,
             reason: str = "", documents: list | None = None, **details) -> ArchiveEntry:
    entry = ArchiveEntry.objects.create(organisation=org, kind=kind, at=now, actor=actor,
                                        reason=reason, documents=documents or [],
                                        details=details)
    # Every archived step may change whether the organisation's postings are shown.
    outbox_record(kind="organisation", object_id=org.pk)
    # Every step of the registration archive is also sealed in the ledger (Regulation Arts 25,
    # 26): a verification decision, with the document versions it looked at, cannot be
    # rewritten later without the ledger naming it.
    ledger_append(kind=f"orgs.archive.{kind}", obj=org, now=now, payload={
        "archive_entry": entry.pk, "organisation": org.pk, "kind": kind,
        "at": now.isoformat(), "actor": actor.pk if actor else None, "reason": reason,
        "documents": entry.documents, "details": entry.details,
    })
    return entry


def _tell(recipients: list[str], subject: str, body: str) -> None:
    """Send an e-mail once the change has committed (STYLE.md habit 5)."""
    addresses = [address for address in recipients if address]
    if addresses:
        transaction.on_commit(lambda: send_mail(subject, body, None, addresses,
                                                fail_silently=True))


def _member_emails(org: Organisation) -> list[str]:
    return list(org.memberships.values_list("user__email", flat=True))


def _reviewer_emails() -> list[str]:
    return list(User.objects.filter(role=Role.REVIEWER, is_active=True)
                .values_list("email", flat=True))


# --- registration -------------------------------------------------------------------------------

@transaction.atomic
def organisation_registration_check(*, actor: User, kind: str) -> None:
    """Refuse anyone but an employer's (or agency's) staff account not yet in an organisation;
    the registration page asks before showing its form."""
    if not can_register_organisation(actor=actor, kind=kind):
        raise PermissionDenied(_("只有尚未加入单位的%(role)s账号可以登记。")
                               % {"role": Role(REGISTERING_ROLES[kind]).label},
                               code="orgs.cannot_register")


def organisation_register(*, actor: User, kind: str, data: OrganisationData,
                          now: datetime | None = None) -> Organisation:
    """Register an employer (Regulation Art. 17) or an agency (Arts 9-11, 19, 25).

    The operator (经办人) registering becomes the owner. The unified social credit code and the
    operator's ID number must pass their check digits; an agency must give its HR service
    licence, its telecom licence when it declares telecom business, the service types it offers
    (Art. 11), and fee items none of which charges workers a deposit (Art. 19(2)).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    organisation_registration_check(actor=actor, kind=kind)
    uscc, id_number, phone = _check_common(data, today=today)
    telecom_declared = data.telecom_licence is not None
    if kind == OrgKind.AGENCY:
        _check_licence(data.hr_licence, "hr_licence", today=today)
        if telecom_declared:
            _check_licence(data.telecom_licence, "telecom_licence", today=today)
        if not data.service_types or set(data.service_types) - set(ServiceType.values):
            raise InvalidInput(_("请至少选择一项服务类型。"), code="orgs.service_types",
                               field="service_types")
        check_fees(data.fees)
    if Organisation.objects.filter(kind=kind, uscc=uscc).exists():
        raise _conflict(_("该统一社会信用代码已经登记。"), code="orgs.duplicate_uscc",
                        field="uscc")
    try:
        with transaction.atomic():
            org = Organisation.objects.create(
                kind=kind, name=data.name.strip(), uscc=uscc, unit_type=data.unit_type,
                address=data.address.strip(), region_code=data.region_code,
                industry_code=data.industry_code, size=data.size,
                legal_representative=data.legal_representative.strip(),
                contact_name=data.contact_name.strip(), contact_phone=data.contact_phone.strip(),
                operator_name=data.operator_name.strip(),
                recruits_foreigners=data.recruits_foreigners and kind == OrgKind.EMPLOYER,
                service_types=list(dict.fromkeys(data.service_types)) if kind == OrgKind.AGENCY
                else [], telecom_declared=telecom_declared and kind == OrgKind.AGENCY,
                created_by=actor)
    except IntegrityError:  # a concurrent registration of the same code
        raise _conflict(_("该统一社会信用代码已经登记。"), code="orgs.duplicate_uscc",
                        field="uscc") from None
    _store_operator_pi(org, id_number=id_number, phone=phone)
    Membership.objects.create(user=actor, organisation=org, role=Membership.Role.OWNER)
    if kind == OrgKind.AGENCY:
        for licence_kind, licence in ((Licence.Kind.HR_SERVICE, data.hr_licence),
                                      (Licence.Kind.TELECOM, data.telecom_licence)):
            if licence is not None:
                Licence.objects.create(organisation=org, kind=licence_kind,
                                       number=licence.number, authority=licence.authority,
                                       issued_on=licence.issued_on,
                                       expires_on=licence.expires_on, scope=licence.scope)
        FeeItem.objects.bulk_create(FeeItem(organisation=org, item=f.item, standard=f.standard,
                                            payer=f.payer) for f in data.fees)
    _archive(org, ArchiveEntry.Kind.REGISTERED, now=now, actor=actor)
    audit_record(action=AuditAction.ORG_REGISTERED, actor=actor, target=org, now=now,
                 details={"kind": kind})
    return org


def required_documents(org: Organisation) -> list[tuple[str, ...]]:
    """Each entry is a set of alternatives, one of which must be on file (Regulation Art. 17,
    Art. 25): an approval document stands in for a business licence for units that have none."""
    if org.kind == OrgKind.AGENCY:
        needed = [(Document.Kind.BUSINESS_LICENCE,), (Document.Kind.HR_LICENCE,)]
        if org.telecom_declared:
            needed.append((Document.Kind.TELECOM_LICENCE,))
        return needed
    needed = [(Document.Kind.BUSINESS_LICENCE, Document.Kind.APPROVAL_DOCUMENT),
              (Document.Kind.AUTHORISATION_LETTER,), (Document.Kind.BROCHURE,)]
    if org.recruits_foreigners:  # R17.2
        needed.append((Document.Kind.FOREIGN_EMPLOYMENT,))
    return needed


def latest_documents(org: Organisation) -> list[Document]:
    """The newest version of each kind of document on file."""
    latest: dict[str, Document] = {}
    for document in org.documents.order_by("kind", "-version"):
        latest.setdefault(document.kind, document)
    return list(latest.values())


def missing_documents(org: Organisation) -> list[str]:
    have = {d.kind for d in latest_documents(org)}
    labels = dict(Document.Kind.choices)
    return [" / ".join(str(labels[k]) for k in alternatives)
            for alternatives in required_documents(org) if not have & set(alternatives)]


# --- documents ----------------------------------------------------------------------------------

def _locked(org: Organisation) -> Organisation:
    return Organisation.objects.select_for_update().get(pk=org.pk)


@transaction.atomic
def document_upload(*, actor: User, organisation: Organisation, kind: str, filename: str,
                    data: bytes, now: datetime | None = None) -> Document:
    """Keep a new version of one of the organisation's documents (SECURITY.md control 22)."""
    now = now or timezone.now()
    org = _locked(organisation)
    if not can_manage_organisation(actor=actor, organisation=org):
        raise NotFound(_("未找到该单位。"), code="orgs.not_found")
    if kind not in Document.Kind.values:
        raise InvalidInput(_("请选择材料类型。"), code="orgs.bad_document_kind", field="kind")
    if org.status == Status.TERMINATED:
        raise RuleViolation(_("单位已终止服务。"), code="orgs.terminated")
    judged = uploads.judge_upload(data)
    version = (org.documents.filter(kind=kind).aggregate(v=Max("version"))["v"] or 0) + 1
    safe_name = (re.sub(r"[^\w.\-]", "_", filename.rsplit("/", 1)[-1])[:150]
                 .rsplit(".", 1)[0] or "document") + "." + judged.extension
    document = Document.objects.create(
        organisation=org, kind=kind, version=version, storage_name=uploads.store(judged.data),
        original_name=safe_name, content_type=judged.content_type, size=len(judged.data),
        sha256=judged.sha256, uploaded_by=actor, uploaded_at=now)
    audit_record(action=AuditAction.ORG_DOCUMENT_UPLOADED, actor=actor, target=document,
                 now=now, details={"organisation": org.pk, "sha256": judged.sha256})
    return document


@transaction.atomic
def document_read(*, actor: User, document: Document,
                  now: datetime | None = None) -> tuple[Document, bytes]:
    """A document's bytes, for its owner, reviewers and inspectors only; every read audited."""
    if not can_read_documents(actor=actor, organisation=document.organisation):
        raise NotFound(_("未找到该材料。"), code="orgs.document_not_found")
    data = uploads.load(document.storage_name)
    audit_record(action=AuditAction.ORG_DOCUMENT_DOWNLOADED, actor=actor, target=document,
                 now=now, details={"organisation": document.organisation_id,
                                   "sha256": document.sha256})
    return document, data


# --- review -------------------------------------------------------------------------------------

@transaction.atomic
def organisation_submit(*, actor: User, organisation: Organisation,
                        now: datetime | None = None) -> Organisation:
    """Put the organisation in the review queue once every required document is on file."""
    now = now or timezone.now()
    org = _locked(organisation)
    if not can_manage_organisation(actor=actor, organisation=org):
        raise NotFound(_("未找到该单位。"), code="orgs.not_found")
    if not org.can_transition_to(Status.PENDING) or org.status == Status.VERIFIED:
        raise RuleViolation(_("当前状态不能提交审核。"), code="orgs.bad_transition")
    missing = missing_documents(org)
    if missing:
        raise _conflict(_("还缺少以下材料：%(list)s。") % {"list": "、".join(missing)},
                        code="orgs.documents_missing", field="kind")
    org.status, org.queued_at = Status.PENDING, now
    org.save(update_fields=["status", "queued_at", "updated_at"])
    _archive(org, ArchiveEntry.Kind.SUBMITTED, now=now, actor=actor,
             documents=[d.snapshot() for d in latest_documents(org)])
    audit_record(action=AuditAction.ORG_SUBMITTED, actor=actor, target=org, now=now)
    return org


class Decision:
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_INFO = "request_info"
    ALL = (APPROVE, REJECT, REQUEST_INFO)


def reverify_months() -> int:
    return int(getattr(settings, "ORGS_REVERIFY_MONTHS", 6))


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def expired_licences(org: Organisation, *, today: date) -> list[str]:
    """The labels of the organisation's current licences that expired before ``today``."""
    expired = []
    for kind in Licence.Kind.values:
        licence = current_licence(org, kind)
        if licence is not None and licence.expires_on < today:
            expired.append(str(licence.get_kind_display()))
    return expired


def is_in_queue(org: Organisation, *, today: date) -> bool:
    return org.status == Status.PENDING or (
        org.status == Status.VERIFIED and org.reverify_due is not None
        and org.reverify_due <= today)


@transaction.atomic
def organisation_decide(*, actor: User, organisation: Organisation, decision: str,
                        reason: str = "", template_id: int | None = None,
                        now: datetime | None = None) -> Organisation:
    """A reviewer approves, rejects or asks for more (Regulation Art. 17, Art. 25).

    The archive records the reviewer, the time, the reason and the exact document versions on
    file when the decision was taken. Rejecting or asking for more needs a reason: one of the
    reason templates, one written by the reviewer, or both (the template first). Approving
    needs every required document and no expired licence on record, and starts the
    re-verification clock (``ORGS_REVERIFY_MONTHS``, default 6); so a suspended organisation
    is verified again only by a reviewer, after renewing its licence.
    """
    now = now or timezone.now()
    org = _locked(organisation)
    if not can_review_organisation(actor=actor):
        raise PermissionDenied(_("你无权审核单位。"), code="orgs.not_reviewer")
    if decision not in Decision.ALL:
        raise InvalidInput(_("请选择审核结论。"), code="orgs.bad_decision",
                    field="decision")
    reason = reason.strip()
    if template_id is not None:
        template = ReasonTemplate.objects.filter(pk=template_id, active=True).first()
        if template is None:
            raise InvalidInput(_("该理由模板不存在或已停用。"), code="orgs.bad_reason_template",
                               field="template_id")
        reason = "\n".join(part for part in (template.text.strip(), reason) if part)
    if decision != Decision.APPROVE and not reason:
        raise InvalidInput(_("不通过或要求补充材料时必须写明理由。"), code="orgs.reason_required",
                           field="reason")
    if not is_in_queue(org, today=timezone.localdate(now)):
        raise RuleViolation(_("该单位不在待审核状态。"), code="orgs.not_in_queue")
    if decision == Decision.APPROVE and missing_documents(org):
        raise RuleViolation(_("材料不全，不能通过。"), code="orgs.documents_missing")
    if decision == Decision.APPROVE and expired_licences(org, today=timezone.localdate(now)):
        raise RuleViolation(_("%(licences)s已过期，须先办理延续，才能通过。")
                            % {"licences": "、".join(expired_licences(
                                org, today=timezone.localdate(now)))},
                            code="orgs.licence_expired")
    target, kind, action = {
        Decision.APPROVE: (Status.VERIFIED, ArchiveEntry.Kind.APPROVED, AuditAction.ORG_APPROVED),
        Decision.REJECT: (Status.REJECTED, ArchiveEntry.Kind.REJECTED, AuditAction.ORG_REJECTED),
        Decision.REQUEST_INFO: (Status.NEEDS_INFO, ArchiveEntry.Kind.INFO_REQUESTED,
                                AuditAction.ORG_INFO_REQUESTED),
    }[decision]
    org.status, org.queued_at = target, None
    fields = ["status", "queued_at", "updated_at"]
    if decision == Decision.APPROVE:
        org.verified_at = now
        org.reverify_due = _add_months(timezone.localdate(now), reverify_months())
        fields += ["verified_at", "reverify_due"]
    org.save(update_fields=fields)
    documents = [d.snapshot() for d in latest_documents(org)]
    _archive(org, kind, now=now, actor=actor, reason=reason, documents=documents,
             **({"template": template_id} if template_id is not None else {}))
    audit_record(action=action, actor=actor, target=org, now=now,
                 details={"reason": reason, "documents": [d["id"] for d in documents]})
    _tell(_member_emails(org), _("【%(name)s】单位审核结果") % {"name": org.name},
          _("审核结论：%(status)s\n理由：%(reason)s")
          % {"status": org.get_status_display(), "reason": reason or "—"})
    return org


# --- staff --------------------------------------------------------------------------------------

@transaction.atomic
def membership_invite(*, actor: User, organisation: Organisation, username: str, role: str,
                      now: datetime | None = None) -> Membership:
    """An owner adds a recruiter or a viewer: an account of the same kind with no organisation."""
    if not can_manage_organisation(actor=actor, organisation=organisation):
        raise NotFound(_("未找到该单位。"), code="orgs.not_found")
    if role not in (Membership.Role.RECRUITER, Membership.Role.VIEWER):
        raise InvalidInput(_("只能邀请招聘专员或只读人员。"), code="orgs.bad_member_role",
                    field="role")
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None or user.role != REGISTERING_ROLES[organisation.kind]:
        raise InvalidInput(_("未找到可以邀请的账号（须为同类单位人员账号）。"),
                           code="orgs.no_such_account", field="username")
    if Membership.objects.filter(user=user).exists():
        raise _conflict(_("该账号已属于某个单位。"), code="orgs.already_member",
                        field="username")
    membership = Membership.objects.create(user=user, organisation=organisation, role=role,
                                           invited_by=actor)
    audit_record(action=AuditAction.ORG_MEMBER_INVITED, actor=actor, target=organisation,
                 now=now, details={"user": user.pk, "role": role})
    return membership


# --- re-verification (a daily task) -------------------------------------------------------------

def _suspend(org: Organisation, *, now: datetime, reason: str) -> None:
    org.status = Status.SUSPENDED
    org.save(update_fields=["status", "updated_at"])
    _archive(org, ArchiveEntry.Kind.SUSPENDED, now=now, reason=reason)
    audit_record(action=AuditAction.ORG_SUSPENDED, target=org, now=now,
                 details={"reason": reason})
    _tell(_member_emails(org) + _reviewer_emails(), _("【%(name)s】已暂停") % {"name": org.name},
          reason)


@transaction.atomic
def organisations_reverify(*, now: datetime | None = None) -> dict[str, int]:
    """The daily re-verification run (Regulation Art. 25; January 2026 five-department notice).

    * a licence expiring within 30 days: the organisation and the reviewers are told, once;
    * a licence expired: the organisation is suspended until renewed and reviewed again;
    * verified longer than ``ORGS_REVERIFY_MONTHS``: it joins the review queue (once);
    * an announced termination date reached: the agency is terminated (Art. 13).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    counts = {"noticed": 0, "suspended": 0, "due": 0, "terminated": 0}
    active = Organisation.objects.select_for_update().filter(
        status__in=[Status.VERIFIED, Status.PENDING, Status.NEEDS_INFO])
    for org in active:
        for kind in Licence.Kind.values:
            licence = current_licence(org, kind)
            if licence is None:
                continue
            if licence.expires_on < today and org.status == Status.VERIFIED:
                _suspend(org, now=now, reason=_("%(licence)s已于 %(day)s 到期。") % {
                    "licence": licence.get_kind_display(), "day": licence.expires_on})
                counts["suspended"] += 1
                break
            if (licence.expiry_noticed_at is None
                    and licence.expires_on <= today + timedelta(days=EXPIRY_NOTICE_DAYS)):
                licence.expiry_noticed_at = now
                licence.save(update_fields=["expiry_noticed_at"])
                message = _("%(licence)s将于 %(day)s 到期，请及时办理延续并上传新证。") % {
                    "licence": licence.get_kind_display(), "day": licence.expires_on}
                _archive(org, ArchiveEntry.Kind.EXPIRY_NOTICE, now=now, reason=message)
                audit_record(action=AuditAction.ORG_EXPIRY_NOTICED, target=org, now=now,
                             details={"licence": licence.pk})
                _tell(_member_emails(org) + _reviewer_emails(),
                      _("【%(name)s】许可证即将到期") % {"name": org.name}, message)
                counts["noticed"] += 1
    for org in active.filter(status=Status.VERIFIED, reverify_due__lte=today):
        already = org.archive.filter(kind=ArchiveEntry.Kind.REVERIFICATION_DUE,
                                     details__due=str(org.reverify_due)).exists()
        if not already:
            _archive(org, ArchiveEntry.Kind.REVERIFICATION_DUE, now=now,
                     due=str(org.reverify_due))
            audit_record(action=AuditAction.ORG_REVERIFICATION_DUE, target=org, now=now)
            counts["due"] += 1
    ending = Organisation.objects.select_for_update().filter(
        terminates_on__lte=today).exclude(status=Status.TERMINATED)
    for org in ending:
        org.status = Status.TERMINATED
        org.save(update_fields=["status", "updated_at"])
        _archive(org, ArchiveEntry.Kind.TERMINATED, now=now)
        audit_record(action=AuditAction.ORG_TERMINATED, target=org, now=now)
        counts["terminated"] += 1
    return counts


# --- changes and termination (Regulation Arts 12-13) --------------------------------------------

@transaction.atomic
def change_report_file(*, actor: User, organisation: Organisation, kind: str, new_value: str,
                       registered_on: date, effective_on: date | None = None,
                       now: datetime | None = None) -> ChangeReport:
    """An agency reports a change of name, address, legal representative, or its termination.

    Regulation Art. 12: a report filed more than 15 days after the market-registration change is
    flagged late (and still taken). Art. 13: a termination is announced at least 30 days ahead;
    after that day the agency takes no new work.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    org = _locked(organisation)
    if not can_manage_organisation(actor=actor, organisation=org) or org.kind != OrgKind.AGENCY:
        raise NotFound(_("未找到该机构。"), code="orgs.not_found")
    if kind not in ChangeReport.Kind.values:
        raise InvalidInput(_("请选择变更事项。"), code="orgs.bad_change_kind", field="kind")
    if org.status not in (Status.VERIFIED, Status.SUSPENDED):
        raise RuleViolation(_("只有已核验的机构需要报告变更。"), code="orgs.not_verified")
    if registered_on > today:
        raise InvalidInput(_("登记变更日期不能晚于今天。"), code="orgs.future_registration",
                           field="registered_on")
    new_value = new_value.strip()
    old_value = ""
    if kind == ChangeReport.Kind.TERMINATION:
        if effective_on is None or effective_on < today + timedelta(days=TERMINATION_NOTICE_DAYS):
            raise InvalidInput(_("终止服务须至少提前 30 日公示。"),
                               code="orgs.termination_notice_short", field="effective_on")
        org.terminates_on = effective_on
        org.save(update_fields=["terminates_on", "updated_at"])
    else:
        if not new_value:
            raise InvalidInput(_("请填写变更后的内容。"), code="orgs.new_value_required",
                               field="new_value")
        column = {ChangeReport.Kind.NAME: "name", ChangeReport.Kind.ADDRESS: "address",
                  ChangeReport.Kind.LEGAL_REPRESENTATIVE: "legal_representative"}[kind]
        old_value = getattr(org, column)
        setattr(org, column, new_value)
        org.save(update_fields=[column, "updated_at"])
    late = (today - registered_on).days > CHANGE_REPORT_DAYS
    report = ChangeReport.objects.create(
        organisation=org, kind=kind, old_value=old_value, new_value=new_value,
        registered_on=registered_on, effective_on=effective_on, filed_at=now, filed_by=actor,
        late=late)
    _archive(org, ArchiveEntry.Kind.CHANGE_REPORTED, now=now, actor=actor,
             change=kind, old=old_value, new=new_value, late=late,
             effective_on=str(effective_on or ""))
    audit_record(action=AuditAction.ORG_CHANGE_REPORTED, actor=actor, target=org, now=now,
                 details={"kind": kind, "late": late})
    return report


# --- licence renewal and fee standards after registration --------------------------------------

LICENCE_DOCUMENTS = {Licence.Kind.HR_SERVICE: Document.Kind.HR_LICENCE,
                     Licence.Kind.TELECOM: Document.Kind.TELECOM_LICENCE,
                     Licence.Kind.BUSINESS: Document.Kind.BUSINESS_LICENCE}


def licence_kinds_for(org: Organisation) -> list[str]:
    """Agencies renew their HR service, telecom or business licence; employers the last."""
    if org.kind == OrgKind.AGENCY:
        return list(Licence.Kind.values)
    return [Licence.Kind.BUSINESS]


@transaction.atomic
def licence_renew(*, actor: User, organisation: Organisation, kind: str, licence: LicenceData,
                  filename: str, data: bytes, now: datetime | None = None) -> Licence:
    """Record a renewed (or re-issued) licence with the new licence document (Regulation Art. 25).

    The new row becomes the current licence; the old one stays on record. The organisation goes
    back to review: a suspended one joins the queue as pending and is verified again only when a
    reviewer approves; a verified one keeps operating and joins the queue for re-verification.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    org = _locked(organisation)
    if not can_manage_organisation(actor=actor, organisation=org):
        raise NotFound(_("未找到该单位。"), code="orgs.not_found")
    if kind not in licence_kinds_for(org):
        raise InvalidInput(_("请选择许可证类型。"), code="orgs.bad_licence_kind", field="kind")
    if org.status == Status.TERMINATED:
        raise RuleViolation(_("单位已终止服务。"), code="orgs.terminated")
    _check_licence(licence, "licence", today=today)
    if licence.expires_on < today:
        raise InvalidInput(_("新证的有效期已过。"), code="orgs.licence_dates", field="expires_on")
    document = document_upload(actor=actor, organisation=org, kind=LICENCE_DOCUMENTS[kind],
                               filename=filename, data=data, now=now)
    renewed = Licence.objects.create(
        organisation=org, kind=kind, number=licence.number.strip(),
        authority=licence.authority.strip(), issued_on=licence.issued_on,
        expires_on=licence.expires_on, scope=licence.scope)
    if org.status == Status.SUSPENDED:
        org.status, org.queued_at = Status.PENDING, now
        org.save(update_fields=["status", "queued_at", "updated_at"])
    elif org.status == Status.VERIFIED:
        org.reverify_due, org.queued_at = today, now
        org.save(update_fields=["reverify_due", "queued_at", "updated_at"])
    _archive(org, ArchiveEntry.Kind.LICENCE_RENEWED, now=now, actor=actor,
             documents=[document.snapshot()], licence=renewed.pk, number=renewed.number,
             expires_on=str(renewed.expires_on))
    audit_record(action=AuditAction.ORG_LICENCE_RENEWED, actor=actor, target=org, now=now,
                 details={"licence": renewed.pk, "kind": kind, "document": document.pk})
    if org.status in (Status.PENDING, Status.VERIFIED):
        _tell(_reviewer_emails(), _("【%(name)s】许可证已延续，待审核") % {"name": org.name},
              _("%(licence)s %(number)s，有效期至 %(day)s。") % {
                  "licence": renewed.get_kind_display(), "number": renewed.number,
                  "day": renewed.expires_on})
    return renewed


@transaction.atomic
def fee_items_replace(*, actor: User, organisation: Organisation, fees: list[FeeData],
                      now: datetime | None = None) -> list[FeeItem]:
    """An agency publishes a new schedule of service items and fees (Regulation Art. 19).

    The same rules as at registration (``check_fees``: no deposit from a worker, read by the
    screener); the schedule may not be emptied, since published fees are a condition of
    operating. The old and new schedules are kept in the archive.
    """
    now = now or timezone.now()
    org = _locked(organisation)
    if not can_manage_organisation(actor=actor, organisation=org) or org.kind != OrgKind.AGENCY:
        raise NotFound(_("未找到该机构。"), code="orgs.not_found")
    if org.status == Status.TERMINATED:
        raise RuleViolation(_("单位已终止服务。"), code="orgs.terminated")
    if not fees:
        raise InvalidInput(_("请至少公示一项服务项目和收费标准。"), code="orgs.fees_required",
                           field="fees")
    check_fees(fees)
    old = [{"item": f.item, "standard": f.standard, "payer": f.payer}
           for f in org.fee_items.all()]
    org.fee_items.all().delete()
    items = FeeItem.objects.bulk_create(
        FeeItem(organisation=org, item=f.item.strip(), standard=f.standard.strip(),
                payer=f.payer) for f in fees)
    new = [{"item": f.item, "standard": f.standard, "payer": f.payer} for f in items]
    _archive(org, ArchiveEntry.Kind.FEES_CHANGED, now=now, actor=actor, old=old, new=new)
    audit_record(action=AuditAction.ORG_FEES_CHANGED, actor=actor, target=org, now=now,
                 details={"items": len(items)})
    return items


# --- reason templates for review decisions ------------------------------------------------------

@transaction.atomic
def reason_template_save(*, actor: User, title: str, text: str, active: bool = True,
                         template: ReasonTemplate | None = None) -> ReasonTemplate:
    """Create or edit a reason the decision form offers; operators and reviewers keep them."""
    if not can_manage_reason_templates(actor=actor):
        raise PermissionDenied(_("只有平台运营人员和审核员可以维护理由模板。"),
                               code="orgs.not_template_keeper")
    title, text = title.strip(), text.strip()
    if not title:
        raise InvalidInput(_("请填写标题。"), code="orgs.template_title", field="title")
    if not text:
        raise InvalidInput(_("请填写理由文本。"), code="orgs.template_text", field="text")
    template = template or ReasonTemplate()
    template.title, template.text, template.active = title, text, active
    template.updated_by = actor
    template.save()
    audit_record(action=AuditAction.ORG_REASON_TEMPLATE_SAVED, actor=actor, target=template,
                 details={"active": active})
    return template


# --- the platform's own licences (Regulation Art. 13) -------------------------------------------

@transaction.atomic
def platform_licence_set(*, actor: User, kind: str, number: str, holder: str,
                         authority: str = "", expires_on: date | None = None) -> PlatformLicence:
    """Record one of the platform operator's licences; every page footer shows it at once."""
    if not can_manage_platform_licences(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以维护平台证照。"),
                               code="orgs.not_operator")
    if kind not in PlatformLicence.Kind.values:
        raise InvalidInput(_("请选择证照类型。"), code="orgs.bad_licence_kind", field="kind")
    if not number.strip() or not holder.strip():
        raise InvalidInput(_("请填写证照编号和持证单位。"), code="orgs.licence_required",
                           field="number")
    licence, _created = PlatformLicence.objects.update_or_create(
        kind=kind, defaults={"number": number.strip(), "holder": holder.strip(),
                             "authority": authority.strip(), "expires_on": expires_on})
    audit_record(action=AuditAction.PLATFORM_LICENCE_CHANGED, actor=actor, target=licence,
                 details={"number": licence.number})
    return licence
