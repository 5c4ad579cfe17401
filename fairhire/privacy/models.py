"""Privacy records: consents, the PI access log, data-subject requests, exports and their
approvals, key records and the yearly self-inspection (Regulation Arts 21-22, PIPL)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.privacy.notices import ConsentKind


class Consent(models.Model):
    """One consent a person gave to one version of a notice, and when they withdrew it (R21.1)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="consents")
    kind = models.CharField(_("同意事项"), max_length=32, choices=ConsentKind.choices)
    notice_version = models.CharField(_("告知版本"), max_length=16)
    given_at = models.DateTimeField(_("同意时间"))
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        constraints = [models.UniqueConstraint(
            fields=["user", "kind"], condition=models.Q(withdrawn_at=None),
            name="one_active_consent_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.notice_version}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class PiAccess(models.Model):
    """One view of unmasked personal information by someone other than its subject (R21.2).

    Append-only in the database (migration ``pi_access_append_only``); plain ids rather than
    foreign keys, like the audit trail, so the log outlives the accounts it names.
    """

    created_at = models.DateTimeField(_("时间"), db_index=True)
    viewer_id = models.BigIntegerField(_("查看人编号"), db_index=True)
    viewer_account = models.CharField(_("查看人账号"), max_length=150)
    viewer_role = models.CharField(_("查看人角色"), max_length=32)
    subject_id = models.BigIntegerField(_("信息主体编号"), db_index=True)
    fields = models.JSONField(_("字段"), default=list)
    purpose = models.CharField(_("目的"), max_length=300)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("个人信息访问记录")

    def __str__(self) -> str:
        return f"{self.viewer_account} → {self.subject_id} {self.fields}"


class DataRequest(models.Model):
    """A data-subject request (PIPL Arts 44-47; SECURITY.md control 15), with its timestamps."""

    class Kind(models.TextChoices):
        DOWNLOAD = "download", _("下载个人信息")
        CORRECT = "correct", _("更正个人信息")
        WITHDRAW = "withdraw", _("撤回同意")
        CLOSE = "close", _("注销账号")

    class Status(models.TextChoices):
        RECEIVED = "received", _("已受理")
        COMPLETED = "completed", _("已完成")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="data_requests")
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices,
                              default=Status.RECEIVED)
    received_at = models.DateTimeField(_("受理时间"))
    completed_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    details = models.JSONField(_("详情"), default=dict, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_at:%Y-%m-%d}"


class TransferApproval(models.Model):
    """A recorded approval to send personal information abroad (Regulation Art. 22; PIPL Art 38)."""

    class Mechanism(models.TextChoices):
        SECURITY_ASSESSMENT = "assessment", _("数据出境安全评估")
        STANDARD_CONTRACT = "contract", _("个人信息出境标准合同备案")
        CERTIFICATION = "certification", _("个人信息保护认证")

    destination = models.CharField(_("目的地（国家或地区代码）"), max_length=2)
    recipient = models.CharField(_("境外接收方"), max_length=200)
    dataset = models.CharField(_("数据范围"), max_length=64)
    mechanism = models.CharField(_("出境途径"), max_length=16, choices=Mechanism.choices)
    reference = models.CharField(_("批准文号"), max_length=100)
    valid_until = models.DateField(_("有效期至"))
    recorded_by_id = models.BigIntegerField(_("登记人编号"))
    recorded_at = models.DateTimeField(_("登记时间"))

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"{self.destination} {self.recipient} {self.reference}"


class PiExport(models.Model):
    """Every export of personal information, allowed or refused, with its destination (R22).

    Append-only in the database (migration ``pi_export_append_only``).
    """

    SUBJECT = "subject"  # handed to the person the data is about (PIPL Art 45), not a transfer

    created_at = models.DateTimeField(_("时间"), db_index=True)
    actor_id = models.BigIntegerField(_("操作人编号"), null=True, blank=True)
    account = models.CharField(_("账号"), max_length=150, blank=True)
    dataset = models.CharField(_("数据范围"), max_length=64)
    destination = models.CharField(_("目的地"), max_length=16)
    recipient = models.CharField(_("接收方"), max_length=200, blank=True)
    purpose = models.CharField(_("目的"), max_length=300)
    lawful_basis = models.CharField(_("合法性基础"), max_length=300, blank=True)
    record_count = models.PositiveIntegerField(_("记录数"), default=0)
    approval_id = models.BigIntegerField(_("出境批准编号"), null=True, blank=True)
    allowed = models.BooleanField(_("是否放行"))
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.dataset} → {self.destination}"


class DataKeyRecord(models.Model):
    """When the platform first saw each data key id, so the self-inspection can report key ages."""

    key_id = models.CharField(max_length=32, unique=True)
    first_seen_at = models.DateTimeField()
    last_rotation_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.key_id


class SelfInspection(models.Model):
    """The yearly self-inspection record of personal-information protection (R21.3)."""

    year = models.PositiveIntegerField(_("年度"), unique=True)
    generated_at = models.DateTimeField(_("生成时间"))
    generated_by_id = models.BigIntegerField(_("生成人编号"), null=True, blank=True)
    facts = models.JSONField(_("检查数据"), default=dict)
    findings = models.TextField(_("发现的问题"), blank=True)
    fixes = models.TextField(_("整改措施"), blank=True)
    concluded_at = models.DateTimeField(_("结论时间"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}"
