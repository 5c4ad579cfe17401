"""Who may do what: the role × permission matrix and the account policies built on it.

The three administrator duties are separate (三权分立, SECURITY.md control 5): the system
administrator runs the system but cannot read or change the audit trail or accounts; the
security administrator manages accounts and roles but not content or the audit trail; the
audit administrator reads and exports the audit trail and changes nothing else. A test checks
that their permission sets are disjoint.
"""

from __future__ import annotations

from enum import StrEnum

from fairhire.accounts.models import STAFF_ROLES, Role, User


class Perm(StrEnum):
    AUDIT_READ = "audit.read"
    AUDIT_EXPORT = "audit.export"
    ACCOUNTS_MANAGE = "accounts.manage"
    ACCOUNTS_UNLOCK = "accounts.unlock"
    SYSTEM_OPERATE = "system.operate"      # background tasks, maintenance commands, settings
    CONTENT_REVIEW = "content.review"      # postings, organisations (later issues)
    PLATFORM_OPERATE = "platform.operate"  # screening lexicon, complaints, fairs (later issues)
    SUPERVISE = "supervise"                # regulator's read access within a jurisdiction
    SEEK = "seek"                          # résumés, applications
    RECRUIT = "recruit"                    # postings, applicants of one's own organisation


ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.SEEKER: frozenset({Perm.SEEK}),
    Role.EMPLOYER_STAFF: frozenset({Perm.RECRUIT}),
    Role.AGENCY_STAFF: frozenset({Perm.RECRUIT}),
    Role.REVIEWER: frozenset({Perm.CONTENT_REVIEW}),
    Role.OPERATOR: frozenset({Perm.PLATFORM_OPERATE}),
    Role.INSPECTOR: frozenset({Perm.SUPERVISE}),
    Role.SYSTEM_ADMIN: frozenset({Perm.SYSTEM_OPERATE}),
    Role.SECURITY_ADMIN: frozenset({Perm.ACCOUNTS_MANAGE, Perm.ACCOUNTS_UNLOCK}),
    Role.AUDIT_ADMIN: frozenset({Perm.AUDIT_READ, Perm.AUDIT_EXPORT}),
}


def has_perm(actor: User | None, perm: Perm) -> bool:
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    return perm in ROLE_PERMISSIONS.get(actor.role, frozenset())


def requires_second_factor(user: User) -> bool:
    """Staff always; anyone else who has turned a TOTP device on."""
    from django_otp import user_has_device

    return user.role in STAFF_ROLES or user_has_device(user, confirmed=True)


def can_read_audit_log(*, actor: User | None) -> bool:
    return has_perm(actor, Perm.AUDIT_READ)


def can_export_audit_log(*, actor: User | None) -> bool:
    return has_perm(actor, Perm.AUDIT_EXPORT)


def can_manage_user(*, actor: User | None, target: User) -> bool:
    """Security administrators manage other people's accounts, never their own."""
    return has_perm(actor, Perm.ACCOUNTS_MANAGE) and actor.pk != target.pk


def can_unlock_accounts(*, actor: User | None) -> bool:
    return has_perm(actor, Perm.ACCOUNTS_UNLOCK)

