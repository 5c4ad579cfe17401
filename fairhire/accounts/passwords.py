"""Password rules beyond Django's own validators (SECURITY.md control 1)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LENGTH = 128
MIN_LENGTH = 10
MIN_LENGTH_STAFF = 12


def _is_staff(user) -> bool:
    return bool(user is not None and getattr(user, "is_staff_role", False))


class LengthByRoleValidator:
    """At least 10 characters (12 for staff), at most 128."""

    def validate(self, password: str, user=None) -> None:
        minimum = MIN_LENGTH_STAFF if _is_staff(user) else MIN_LENGTH
        if len(password) < minimum:
            raise ValidationError(
                _("密码至少需要 %(min)d 个字符。") % {"min": minimum}, code="password_too_short"
            )
        if len(password) > MAX_LENGTH:
            raise ValidationError(
                _("密码不能超过 %(max)d 个字符。") % {"max": MAX_LENGTH}, code="password_too_long"
            )

    def get_help_text(self) -> str:
        return _("至少 10 个字符（平台工作人员至少 12 个），最多 128 个。")


class StaffComplexityValidator:
    """Privileged staff (等保 level 3): at least three of upper, lower, digit, symbol."""

    def validate(self, password: str, user=None) -> None:
        if not _is_staff(user):
            return
        classes = sum([
            any(c.isupper() for c in password),
            any(c.islower() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ])
        if classes < 3:
            raise ValidationError(
                _("平台工作人员的密码须包含大写字母、小写字母、数字、符号中的至少三类。"),
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return _("平台工作人员的密码须包含至少三类字符。")
