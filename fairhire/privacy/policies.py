"""Who sees personal information unmasked (SECURITY.md controls 11-12, Regulation Art. 21(2)).

* The person themselves sees everything of their own.
* Employer and agency staff never see the ID number or the birth date; they see contact details
  unmasked only when the seeker shared them with that employer (an application or an explicit
  agreement, decided by the caller), and each such view is logged.
* Reviewers and inspectors see unmasked values only when they state a purpose; each such view is
  recorded in the PI access log.
* Everybody else sees masked values.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.accounts.models import Role
from fairhire.accounts.policies import Perm, has_perm
from fairhire.privacy import crypto


class PiKind(models.TextChoices):
    NAME = "name", _("姓名")
    ID_NUMBER = "id_number", _("身份证号码")
    BIRTH_DATE = "birth_date", _("出生日期")
    PHONE = "phone", _("手机号码")
    EMAIL = "email", _("电子邮箱")
    ADDRESS = "address", _("住址")
    ID_IMAGE = "id_image", _("身份证照片")


class Disclosure(StrEnum):
    FULL = "full"              # the value, no log (the person themselves)
    FULL_LOGGED = "logged"     # the value, and a PI access-log row
    MASKED = "masked"          # e.g. 138****5678
    WITHHELD = "withheld"      # nothing at all


SENSITIVE = frozenset({PiKind.ID_NUMBER, PiKind.BIRTH_DATE, PiKind.ID_IMAGE})
EMPLOYER_ROLES = frozenset({Role.EMPLOYER_STAFF, Role.AGENCY_STAFF})
PURPOSE_ROLES = frozenset({Role.REVIEWER, Role.INSPECTOR})


def pi_disclosure(*, actor, subject_id: int, kind: str, purpose: str = "",
                  contact_shared: bool = False) -> Disclosure:
    """How ``actor`` may see the ``kind`` value of the person whose user id is ``subject_id``."""
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return Disclosure.MASKED
    if actor.pk == subject_id:
        return Disclosure.FULL
    if actor.role in EMPLOYER_ROLES:
        if kind in SENSITIVE:
            return Disclosure.WITHHELD
        return Disclosure.FULL_LOGGED if contact_shared else Disclosure.MASKED
    if actor.role in PURPOSE_ROLES and purpose.strip():
        return Disclosure.FULL_LOGGED
    return Disclosure.MASKED


def mask_address(value: str) -> str:
    """Keep the first six characters (province and city, roughly), mask the rest."""
    value = value.strip()
    if len(value) <= 6:
        return "*" * len(value)
    return value[:6] + "****"


def mask_birth_date(value: str) -> str:
    """``1990-05-17`` → ``1990-**-**``: the year alone says the age group, not the person."""
    return value[:4] + "-**-**" if len(value) >= 4 else "****"


MASKS = {
    PiKind.NAME: crypto.mask_name,
    PiKind.ID_NUMBER: crypto.mask_id_number,
    PiKind.BIRTH_DATE: mask_birth_date,
    PiKind.PHONE: crypto.mask_phone,
    PiKind.EMAIL: crypto.mask_email,
    PiKind.ADDRESS: mask_address,
    PiKind.ID_IMAGE: lambda value: "****",
}


def mask(kind: str, value: str) -> str:
    return MASKS[PiKind(kind)](value) if value else ""


def states_purpose_to_see(*, actor) -> bool:
    """Whether ``actor`` is one of the roles that see unmasked data by stating a purpose."""
    return (actor is not None and actor.is_authenticated and actor.is_active
            and actor.role in PURPOSE_ROLES)


def can_read_access_log(*, actor) -> bool:
    return has_perm(actor, Perm.AUDIT_READ)


def can_record_transfer_approval(*, actor) -> bool:
    # The security administrator answers for data security; the audit administrator only reads.
    return has_perm(actor, Perm.ACCOUNTS_MANAGE)


def can_run_self_inspection(*, actor) -> bool:
    return has_perm(actor, Perm.ACCOUNTS_MANAGE)


def can_read_self_inspection(*, actor) -> bool:
    return has_perm(actor, Perm.ACCOUNTS_MANAGE) or has_perm(actor, Perm.AUDIT_READ)


def can_see_self_inspection_warning(*, actor) -> bool:
    """Who is warned on their dashboard when the self-inspection is overdue: the platform's
    operators and the security administrator who produces it."""
    return has_perm(actor, Perm.ACCOUNTS_MANAGE) or has_perm(actor, Perm.PLATFORM_OPERATE)


def can_rotate_data_keys(*, actor) -> bool:
    return has_perm(actor, Perm.SYSTEM_OPERATE)
