"""Privacy reads: consents, the PI access log, exports and self-inspection records."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.privacy.models import Consent, DataRequest, PiAccess, PiExport, SelfInspection
from fairhire.privacy.policies import can_read_access_log, can_read_self_inspection

SELF_INSPECTION_INTERVAL = timedelta(days=365)


def consent_is_active(*, user, kind: str) -> bool:
    """Whether ``user`` currently consents to ``kind``; readers that depend on a consent ask this
    on every read, so a withdrawal takes effect at once (SECURITY.md control 13)."""
    return Consent.objects.filter(user=user, kind=kind, withdrawn_at=None).exists()


def consent_list(*, user) -> QuerySet[Consent]:
    return Consent.objects.filter(user=user)


def data_request_list(*, user) -> QuerySet[DataRequest]:
    return DataRequest.objects.filter(user=user)


def access_log_about(*, user) -> QuerySet[PiAccess]:
    """Who viewed this person's unmasked data (their right to know, PIPL Art 44)."""
    return PiAccess.objects.filter(subject_id=user.pk)


def access_log_list(*, actor, viewer: str = "", subject_id: int | None = None
                    ) -> QuerySet[PiAccess]:
    """The PI access log for the audit administrator (SECURITY.md control 5, 12)."""
    if not can_read_access_log(actor=actor):
        raise PermissionDenied(_("只有审计管理员可以查看个人信息访问记录。"),
                               code="privacy.not_auditor")
    rows = PiAccess.objects.all()
    if viewer:
        rows = rows.filter(viewer_account__icontains=viewer)
    if subject_id is not None:
        rows = rows.filter(subject_id=subject_id)
    return rows.order_by("-created_at", "-id")


def export_list(*, actor) -> QuerySet[PiExport]:
    if not can_read_access_log(actor=actor):
        raise PermissionDenied(_("只有审计管理员可以查看导出记录。"), code="privacy.not_auditor")
    return PiExport.objects.all()


def self_inspection_list(*, actor) -> QuerySet[SelfInspection]:
    if not can_read_self_inspection(actor=actor):
        raise PermissionDenied(_("你无权查看自查记录。"), code="privacy.not_inspection_reader")
    return SelfInspection.objects.all()


def self_inspection_get(*, actor, year: int) -> SelfInspection:
    record = self_inspection_list(actor=actor).filter(year=year).first()
    if record is None:
        raise NotFound(_("未找到该年度的自查记录。"), code="privacy.inspection_not_found")
    return record


def self_inspection_overdue(*, now: datetime | None = None) -> bool:
    """True when the last self-inspection is over 12 months old, or there is none (R21.3).

    For the operator dashboard's warning.
    """
    now = now or timezone.now()
    last = SelfInspection.objects.order_by("-generated_at").first()
    return last is None or now - last.generated_at > SELF_INSPECTION_INTERVAL
