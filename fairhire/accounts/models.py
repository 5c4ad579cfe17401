"""Accounts: one user model with exactly one role, lockouts, personal API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SEEKER = "seeker", _("求职者")
    EMPLOYER_STAFF = "employer_staff", _("用人单位人员")
    AGENCY_STAFF = "agency_staff", _("人力资源服务机构人员")
    REVIEWER = "reviewer", _("平台审核员")
    OPERATOR = "operator", _("平台运营人员")
    INSPECTOR = "inspector", _("监管检查人员")
    SYSTEM_ADMIN = "system_admin", _("系统管理员")
    SECURITY_ADMIN = "security_admin", _("安全管理员")
    AUDIT_ADMIN = "audit_admin", _("审计管理员")


# Staff roles must pass a second factor and idle out after 30 minutes (SECURITY.md 3-4).
STAFF_ROLES = frozenset({
    Role.REVIEWER, Role.OPERATOR, Role.INSPECTOR,
    Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN,
})
# Roles people may choose for themselves; every other role is granted by a security administrator.
SELF_SERVICE_ROLES = frozenset({Role.SEEKER, Role.EMPLOYER_STAFF})


class OrgRole(models.TextChoices):
    OWNER = "owner", _("负责人")
    RECRUITER = "recruiter", _("招聘专员")
    VIEWER = "viewer", _("只读人员")


class User(AbstractUser):
    """A person who signs in. Exactly one role, so nobody holds two administrator duties."""

    role = models.CharField(_("角色"), max_length=32, choices=Role.choices, default=Role.SEEKER)
    display_name = models.CharField(_("姓名"), max_length=60, blank=True)
    # For employer and agency staff: their duty inside their organisation (the organisation
    # itself is linked by the orgs app).
    org_role = models.CharField(_("单位内角色"), max_length=16, choices=OrgRole.choices,
                                blank=True)
    # For inspectors: the GB/T 2260 region code of the jurisdiction they supervise.
    jurisdiction = models.CharField(_("管辖区域代码"), max_length=6, blank=True)
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="inspector") | ~models.Q(jurisdiction=""),
                name="inspector_has_jurisdiction",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES


class Lockout(models.Model):
    """An account name or an address refused sign-in until ``locked_until`` (SECURITY.md 2)."""

    class Kind(models.TextChoices):
        ACCOUNT = "account", _("账号")
        ADDRESS = "address", _("地址")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    key = models.CharField(max_length=150)
    locked_until = models.DateTimeField()
    created_at = models.DateTimeField()
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "key", "locked_until"], name="lockout_lookup")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} until {self.locked_until:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("名称"), max_length=60)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
