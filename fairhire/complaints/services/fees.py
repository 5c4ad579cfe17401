"""The platform operator's own fee disclosure (Regulation Art. 19(2)): what it charges whom.

Each publication is a new version (the old ones stay on record); the same check as an agency's
fee schedule refuses any deposit or guarantee taken from a worker.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.complaints.models import FeeDisclosure
from fairhire.complaints.policies import can_operate
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.orgs.services import FeeData, check_fees

PAYERS = {"employer": _("用人单位"), "agency": _("人力资源服务机构"), "worker": _("劳动者")}


@transaction.atomic
def platform_fees_publish(*, actor: User, items: list[dict], note: str = "",
                          now: datetime | None = None) -> FeeDisclosure:
    """Publish what the platform charges whom; no deposit from a worker, ever."""
    now = now or timezone.now()
    if not can_operate(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以修改收费公示。"),
                               code="fees.not_operator")
    clean = []
    for item in items:
        name = str(item.get("item", "")).strip()
        standard = str(item.get("standard", "")).strip()
        payer = str(item.get("payer", ""))
        if not name and not standard:
            continue
        if not name or not standard:
            raise InvalidInput(_("每个收费项目须写明项目和标准。"), code="fees.incomplete",
                               field="items")
        if payer not in PAYERS:
            raise InvalidInput(_("请选择付费方。"), code="fees.bad_payer", field="items")
        clean.append({"item": name[:100], "standard": standard[:200], "payer": payer})
    # The agency rule, read by the screener: an agency pays like an employer does.
    check_fees([FeeData(item=i["item"], standard=i["standard"],
                        payer="worker" if i["payer"] == "worker" else "employer")
                for i in clean])
    disclosure = FeeDisclosure.objects.create(items=clean, note=(note or "").strip(),
                                              published_at=now, published_by=actor)
    audit_record(action=AuditAction.PLATFORM_FEES_PUBLISHED, actor=actor, target=disclosure,
                 now=now, details={"items": len(clean)})
    return disclosure
