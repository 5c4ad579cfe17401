"""Exports of personal information and the cross-border gate (Regulation Arts 21(2), 22).

Every export names its destination and is logged, allowed or refused. Mainland China (``CN``)
needs a recorded lawful basis; anywhere else (Hong Kong, Macao and Taiwan included, as in the CAC
cross-border rules) also needs a valid recorded approval for that recipient and data set. A copy
handed to the person the data is about (``PiExport.SUBJECT``) is their right, not a transfer.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.core.request_context import current_meta
from fairhire.privacy.models import PiExport, TransferApproval
from fairhire.privacy.policies import can_record_transfer_approval

MAINLAND = "CN"
_COUNTRY = re.compile(r"[A-Z]{2}")


def _log(*, actor, allowed: bool, now: datetime, approval: TransferApproval | None,
         **fields) -> PiExport:
    return PiExport.objects.create(
        created_at=now, actor_id=getattr(actor, "pk", None),
        account=getattr(actor, "username", "") or "", allowed=allowed,
        approval_id=approval.pk if approval else None, ip=current_meta().ip, **fields)


def pi_export_authorise(*, actor, dataset: str, destination: str, purpose: str,
                        lawful_basis: str = "", recipient: str = "", record_count: int = 0,
                        now: datetime | None = None) -> PiExport:
    """Allow and log one export of personal information, or log the refusal and raise (R22)."""
    now = now or timezone.now()
    destination = destination.strip()
    if destination != PiExport.SUBJECT:
        destination = destination.upper()
        if not _COUNTRY.fullmatch(destination):
            raise InvalidInput(_("请用两位国家或地区代码说明导出目的地，如 CN。"),
                               code="privacy.export_destination", field="destination")
        if not lawful_basis.strip():
            raise InvalidInput(_("批量导出个人信息须说明合法性基础。"),
                               code="privacy.export_lawful_basis", field="lawful_basis")
    if not purpose.strip():
        raise InvalidInput(_("请说明导出目的。"), code="privacy.export_purpose", field="purpose")
    fields = {"dataset": dataset, "destination": destination, "recipient": recipient[:200],
              "purpose": purpose.strip()[:300], "lawful_basis": lawful_basis.strip()[:300],
              "record_count": record_count}
    approval = None
    if destination not in (MAINLAND, PiExport.SUBJECT):
        approval = (TransferApproval.objects
                    .filter(destination=destination, dataset=dataset, recipient=recipient,
                            valid_until__gte=timezone.localdate(now)).first())
        if approval is None:
            # The refusal is evidence too: it is written in its own transaction and kept.
            with transaction.atomic():
                _log(actor=actor, allowed=False, now=now, approval=None, **fields)
                audit_record(action=AuditAction.PI_EXPORT_REFUSED, actor=actor,
                             result=AuditEvent.Result.DENIED, details=fields, now=now)
            raise RuleViolation(
                _("向境外提供个人信息须事先取得批准（《网络招聘服务管理规定》第二十二条），"
                  "未找到有效的出境批准记录。"), code="privacy.export_abroad_unapproved")
    with transaction.atomic():
        export = _log(actor=actor, allowed=True, now=now, approval=approval, **fields)
        audit_record(action=AuditAction.PI_EXPORTED, actor=actor, target=export,
                     details=fields, now=now)
    return export


@transaction.atomic
def transfer_approval_record(*, actor, destination: str, recipient: str, dataset: str,
                             mechanism: str, reference: str, valid_until: date,
                             now: datetime | None = None) -> TransferApproval:
    """Record an approval to transfer a data set abroad (PIPL Art 38; Regulation Art. 22)."""
    if not can_record_transfer_approval(actor=actor):
        raise PermissionDenied(_("只有安全管理员可以登记出境批准。"),
                               code="privacy.not_security_admin")
    destination = destination.strip().upper()
    if not _COUNTRY.fullmatch(destination) or destination == MAINLAND:
        raise InvalidInput(_("请填写境外国家或地区的两位代码。"),
                           code="privacy.approval_destination", field="destination")
    if not reference.strip():
        raise InvalidInput(_("请填写批准文号。"), code="privacy.approval_reference",
                           field="reference")
    approval = TransferApproval.objects.create(
        destination=destination, recipient=recipient.strip(), dataset=dataset,
        mechanism=TransferApproval.Mechanism(mechanism), reference=reference.strip(),
        valid_until=valid_until, recorded_by_id=actor.pk, recorded_at=now or timezone.now())
    audit_record(action=AuditAction.TRANSFER_APPROVAL_RECORDED, actor=actor, target=approval,
                 now=now)
    return approval
