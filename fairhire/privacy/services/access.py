"""Showing personal information by role, and the PI access log (Regulation Art. 21(2))."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from fairhire.core.request_context import current_meta
from fairhire.privacy.models import PiAccess
from fairhire.privacy.policies import Disclosure, PiKind, mask, pi_disclosure


@transaction.atomic
def pi_disclose(*, actor, subject_id: int, values: Mapping[str, str], purpose: str = "",
                contact_shared: bool = False, now: datetime | None = None
                ) -> dict[str, str | None]:
    """Return ``values`` as ``actor`` may see them: whole, masked or withheld (``None``).

    Every value shown whole to someone other than its subject is recorded in the PI access log
    -- who, whose, which fields, the stated purpose, when, from where -- in the same transaction,
    so no unmasked view goes unrecorded (R21.2; SECURITY.md control 12).
    """
    purpose = purpose.strip()[:300]
    shown: dict[str, str | None] = {}
    logged: list[str] = []
    for kind, value in values.items():
        decision = pi_disclosure(actor=actor, subject_id=subject_id, kind=kind, purpose=purpose,
                                 contact_shared=contact_shared)
        if decision == Disclosure.WITHHELD:
            shown[kind] = None
        elif decision == Disclosure.MASKED:
            shown[kind] = mask(kind, value)
        else:
            shown[kind] = value
            if decision == Disclosure.FULL_LOGGED and value:
                logged.append(PiKind(kind).value)
    if logged:
        pi_access_record(actor=actor, subject_id=subject_id, fields=logged,
                         purpose=purpose or "求职者已同意向该单位提供联系方式", now=now)
    return shown


def pi_access_record(*, actor, subject_id: int, fields: list[str], purpose: str,
                     now: datetime | None = None) -> PiAccess:
    """Write one PI access-log row for an unmasked view that is not a plain value -- a download
    of an identity image, say -- decided by the caller with ``policies.pi_disclosure``."""
    return PiAccess.objects.create(
        created_at=now or timezone.now(), viewer_id=actor.pk, viewer_account=actor.username,
        viewer_role=actor.role, subject_id=subject_id, fields=list(fields),
        purpose=purpose.strip()[:300], ip=current_meta().ip)
