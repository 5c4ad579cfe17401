"""Consents and data-subject requests (Regulation Art. 21(1); PIPL Arts 14-15, 29, 44-47)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import RuleViolation
from fairhire.ledger.services import ledger_append
from fairhire.privacy.models import Consent, DataRequest
from fairhire.privacy.notices import ConsentKind, notice_current


@transaction.atomic
def consent_give(*, user, kind: str, now: datetime | None = None) -> Consent:
    """Record that ``user`` accepted the current version of the ``kind`` notice (R21.1).

    Giving a consent that is already active keeps the existing record.
    """
    kind = ConsentKind(kind)
    existing = Consent.objects.filter(user=user, kind=kind, withdrawn_at=None).first()
    if existing is not None:
        return existing
    consent = Consent.objects.create(user=user, kind=kind, given_at=now or timezone.now(),
                                     notice_version=notice_current(kind).version)
    audit_record(action=AuditAction.CONSENT_GIVEN, actor=user, target=consent,
                 details={"kind": kind, "version": consent.notice_version}, now=now)
    _seal_in_ledger(consent, now=now)
    return consent


@transaction.atomic
def consent_withdraw(*, user, kind: str, now: datetime | None = None) -> Consent:
    """Withdraw an active consent: as easy as giving it (PIPL Art 15; SECURITY.md control 13).

    What depends on the consent stops at once because every reader checks
    ``selectors.consent_is_active``; the app that holds the data applies its own consequences.
    """
    kind = ConsentKind(kind)
    consent = (Consent.objects.select_for_update()
               .filter(user=user, kind=kind, withdrawn_at=None).first())
    if consent is None:
        raise RuleViolation(_("你没有需要撤回的该项同意。"), code="privacy.consent_not_active")
    consent.withdrawn_at = now or timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    audit_record(action=AuditAction.CONSENT_WITHDRAWN, actor=user, target=consent,
                 details={"kind": kind}, now=now)
    _seal_in_ledger(consent, now=now)
    return consent


def _seal_in_ledger(consent: Consent, *, now: datetime | None) -> None:
    """Consents and their withdrawal are evidence (Regulation Art. 26; SECURITY.md 13)."""
    withdrawn = consent.withdrawn_at
    ledger_append(
        kind="privacy.consent_withdrawn" if withdrawn else "privacy.consent_given",
        obj=consent, now=now, payload={
            "consent": consent.pk, "user": consent.user_id, "kind": str(consent.kind),
            "notice_version": consent.notice_version,
            "given_at": consent.given_at.isoformat(),
            "withdrawn_at": withdrawn.isoformat() if withdrawn else None,
        })


def data_request_open(*, user, kind: str, details: dict | None = None,
                      now: datetime | None = None) -> DataRequest:
    """Register a data-subject request when it arrives (its clock starts here)."""
    return DataRequest.objects.create(user=user, kind=DataRequest.Kind(kind),
                                      received_at=now or timezone.now(), details=details or {})


def data_request_complete(*, request: DataRequest, details: dict | None = None,
                          now: datetime | None = None) -> DataRequest:
    request.status = DataRequest.Status.COMPLETED
    request.completed_at = now or timezone.now()
    request.details = {**request.details, **(details or {})}
    request.save(update_fields=["status", "completed_at", "details"])
    return request
