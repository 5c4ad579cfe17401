"""Real-name sign-up of job seekers (Regulation Art. 16; SECURITY.md controls 9-11, 13)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fairhire.accounts.models import Role
from fairhire.accounts.services import sign_up_rate_check, user_sign_up
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.orgs.identifiers import IdentifierError, validate_id_number
from fairhire.privacy import crypto
from fairhire.privacy.notices import ConsentKind
from fairhire.privacy.services import consent_give
from fairhire.profiles.models import SeekerProfile

MOBILE = re.compile(r"1[3-9]\d{9}")
EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")

ID_MESSAGES = {
    "id.format": gettext_lazy("身份证号码应为 18 位，最后一位可以是数字或 X。"),
    "id.region": gettext_lazy("身份证号码的地区码不正确。"),
    "id.birth_date": gettext_lazy("身份证号码中的出生日期不正确。"),
    "id.check_digit": gettext_lazy("身份证号码校验位不正确，请核对。"),
    "id.too_young": gettext_lazy("未满十六周岁不能注册求职（《劳动法》第十五条）。"),
}


def id_number_check(value: str, *, now: datetime):
    """GB 11643 check digit, a real birth date not in the future, and age 16 or over.

    Full-width digits typed on Chinese keyboards are folded to ASCII first (NFKC), so the stored
    number and its blind index are the same however it was typed.
    """
    try:
        value = crypto.normalise(value, purpose=crypto.Purpose.ID_NUMBER)
    except ValueError:
        value = ""
    if not value.isascii():
        value = ""
    try:
        return validate_id_number(value, today=timezone.localdate(now))
    except IdentifierError as exc:
        raise InvalidInput(ID_MESSAGES.get(exc.code, ID_MESSAGES["id.format"]),
                           code=f"profiles.{exc.code}", field="id_number") from None


def mobile_check(value: str) -> str:
    """A mainland mobile number, in its canonical 11-digit form."""
    try:
        number = crypto.normalise(value, purpose=crypto.Purpose.PHONE)
    except ValueError:
        number = ""
    if not MOBILE.fullmatch(number):
        raise InvalidInput(_("请填写 11 位手机号码。"), code="profiles.phone_invalid",
                           field="phone")
    return number


def email_check(value: str) -> str:
    """An optional e-mail address (for password reset), trimmed; refused when malformed."""
    address = value.strip()
    if address and not EMAIL.fullmatch(address):
        raise InvalidInput(_("电子邮箱格式不正确。"), code="profiles.email_invalid",
                           field="email")
    return address


def email_blind_index(address: str) -> str:
    """The blind index that finds a profile by its e-mail without decrypting (control 10)."""
    return crypto.blind_index(address, purpose=crypto.Purpose.EMAIL) if address else ""


def real_name_check(value: str) -> str:
    name = " ".join(value.split())
    if not 2 <= len(name) <= 30:
        raise InvalidInput(_("请填写身份证上的姓名。"), code="profiles.name_invalid",
                           field="real_name")
    return name


def _refuse_taken(*, now: datetime) -> RuleViolation:
    # Logged in its own transaction and counted by the rate limit: repeated hits are probing.
    with transaction.atomic():
        audit_record(action=AuditAction.SEEKER_SIGN_UP_REFUSED, account="",
                     result=AuditEvent.Result.DENIED, details={"reason": "id_number_taken"},
                     now=now)
    return RuleViolation(_("该身份证号码已注册过账号，每人只能注册一个求职账号。"),
                         code="profiles.id_number_taken", field="id_number")


def seeker_sign_up(*, username: str, password: str, real_name: str, id_number: str, phone: str,
                   consents: Iterable[str], email: str = "", address: str = "",
                   now: datetime | None = None) -> SeekerProfile:
    """Register a job seeker under their real name (Regulation Art. 16; PIPL Arts 14, 29).

    The general notice and, separately, the ID-number notice must both be accepted. One person
    holds one account: an ID number already registered is found through its blind index, without
    decrypting anything, and refused. The name, ID number, birth date, phone, e-mail and address
    are stored encrypted; the account shows a masked name. Sign-ups are rate-limited per address.
    """
    now = now or timezone.now()
    sign_up_rate_check(now=now)
    consents = set(consents)
    if ConsentKind.GENERAL not in consents:
        raise InvalidInput(_("请阅读并同意个人信息处理规则。"), code="profiles.consent_general",
                           field="consent_general")
    if ConsentKind.ID_NUMBER not in consents:
        raise InvalidInput(_("实名注册需要你单独同意处理身份证号码。"),
                           code="profiles.consent_id_number", field="consent_id_number")
    name = real_name_check(real_name)
    identity = id_number_check(id_number, now=now)
    mobile = mobile_check(phone)
    email = email_check(email)
    id_index = crypto.blind_index(identity.value, purpose=crypto.Purpose.ID_NUMBER)
    if SeekerProfile.objects.filter(id_number_index=id_index).exists():
        raise _refuse_taken(now=now)
    try:
        return _seeker_create(username=username, password=password, name=name,
                              identity=identity, id_index=id_index, mobile=mobile, email=email,
                              address=address, now=now)
    except IntegrityError:  # the same person signing up twice at the same moment
        raise _refuse_taken(now=now) from None


@transaction.atomic
def _seeker_create(*, username: str, password: str, name: str, identity, id_index: str,
                   mobile: str, email: str, address: str, now: datetime) -> SeekerProfile:
    user = user_sign_up(username=username, password=password, email="",
                        display_name=crypto.mask_name(name), role=Role.SEEKER, now=now)
    profile = SeekerProfile(user=user, id_number_index=id_index, verified_at=now,
                            phone_index=crypto.blind_index(mobile, purpose=crypto.Purpose.PHONE),
                            email_index=email_blind_index(email),
                            created_at=now, updated_at=now)
    for column, value in (("real_name", name), ("id_number", identity.value),
                          ("birth_date", identity.birth_date.isoformat()), ("phone", mobile),
                          ("email", email), ("address", address.strip())):
        profile.seal(column, value)
    profile.save()
    for kind in (ConsentKind.GENERAL, ConsentKind.ID_NUMBER):
        consent_give(user=user, kind=kind, now=now)
    audit_record(action=AuditAction.SEEKER_REGISTERED, actor=user, target=profile, now=now)
    return profile
