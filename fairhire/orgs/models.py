"""Employers and HR service agencies on the platform, their staff, documents and archive.

Regulation Arts 9-14, 17, 19(2) and 25. Every status change goes through ``services``; the
registration archive (登记档案) is the ``ArchiveEntry`` rows of an organisation, oldest first.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ONLINE_RECRUITMENT_SCOPE = "开展网络招聘服务"  # Regulation Art. 10: the licence scope required


class OrgKind(models.TextChoices):
    EMPLOYER = "employer", _("用人单位")
    AGENCY = "agency", _("人力资源服务机构")


class UnitType(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    PUBLIC_INSTITUTION = "public_institution", _("事业单位")
    SOCIAL_ORGANISATION = "social_organisation", _("社会组织")
    INDIVIDUAL_BUSINESS = "individual_business", _("个体工商户")


class UnitSize(models.TextChoices):
    MICRO = "micro", _("微型（20 人以下）")
    SMALL = "small", _("小型（20-299 人）")
    MEDIUM = "medium", _("中型（300-999 人）")
    LARGE = "large", _("大型（1000 人以上）")


class ServiceType(models.TextChoices):
    """Regulation Art. 11: the online recruitment services an agency may offer."""

    INTRODUCE_EMPLOYERS = "introduce_employers", _("为劳动者介绍用人单位")
    RECOMMEND_WORKERS = "recommend_workers", _("为用人单位推荐劳动者")
    ONLINE_JOB_FAIRS = "online_job_fairs", _("举办网络招聘会")
    SENIOR_TALENT_SEARCH = "senior_talent_search", _("开展高级人才寻访服务")
    OTHER = "other", _("其他网络求职、招聘服务")


class Organisation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("待提交")
        PENDING = "pending", _("待审核")
        NEEDS_INFO = "needs_info", _("待补充材料")
        REJECTED = "rejected", _("未通过")
        VERIFIED = "verified", _("已核验")
        SUSPENDED = "suspended", _("已暂停")
        TERMINATED = "terminated", _("已终止")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFT: frozenset({Status.PENDING}),
        Status.PENDING: frozenset({Status.VERIFIED, Status.REJECTED, Status.NEEDS_INFO}),
        Status.NEEDS_INFO: frozenset({Status.PENDING}),
        Status.REJECTED: frozenset({Status.PENDING}),
        Status.VERIFIED: frozenset({Status.VERIFIED, Status.REJECTED, Status.NEEDS_INFO,
                                    Status.SUSPENDED, Status.TERMINATED}),
        Status.SUSPENDED: frozenset({Status.PENDING, Status.TERMINATED}),
        Status.TERMINATED: frozenset(),
    }

    kind = models.CharField(_("类型"), max_length=16, choices=OrgKind.choices)
    name = models.CharField(_("单位名称"), max_length=120)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18)
    unit_type = models.CharField(_("单位性质"), max_length=32, choices=UnitType.choices,
                                 default=UnitType.ENTERPRISE)
    address = models.CharField(_("注册地址"), max_length=200)
    region_code = models.CharField(_("行政区划代码"), max_length=6)
    industry_code = models.CharField(_("行业代码"), max_length=5, blank=True)
    size = models.CharField(_("单位规模"), max_length=16, choices=UnitSize.choices, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=60)
    contact_name = models.CharField(_("联系人"), max_length=60)
    contact_phone = models.CharField(_("联系电话"), max_length=30)
    # The operator (经办人): ID number and phone are encrypted (SECURITY.md 9-10), bound to pk.
    operator_name = models.CharField(_("经办人姓名"), max_length=60)
    operator_id_number_enc = models.TextField(blank=True)
    operator_id_number_index = models.CharField(max_length=64, blank=True, db_index=True)
    operator_phone_enc = models.TextField(blank=True)
    recruits_foreigners = models.BooleanField(_("招用外国人"), default=False)
    # Agencies (Regulation Art. 9, 11)
    service_types = models.JSONField(_("服务类型"), default=list, blank=True)
    telecom_declared = models.BooleanField(_("经营增值电信业务"), default=False)

    status = models.CharField(_("状态"), max_length=16, choices=Status.choices,
                              default=Status.DRAFT)
    queued_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(_("核验时间"), null=True, blank=True)
    reverify_due = models.DateField(_("下次复核日期"), null=True, blank=True)
    terminates_on = models.DateField(_("终止服务日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        constraints = [
            models.UniqueConstraint(fields=["kind", "uscc"], name="org_unique_kind_uscc"),
        ]
        indexes = [models.Index(fields=["status", "queued_at"], name="org_queue")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_agency(self) -> bool:
        return self.kind == OrgKind.AGENCY

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]

    def service_type_labels(self) -> list[str]:
        labels = dict(ServiceType.choices)
        return [str(labels.get(value, value)) for value in self.service_types]


class Membership(models.Model):
    """A person's duty inside one organisation (owner, recruiter, viewer)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("负责人")
        RECRUITER = "recruiter", _("招聘专员")
        VIEWER = "viewer", _("只读人员")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="org_membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="memberships")
    role = models.CharField(_("单位内角色"), max_length=16, choices=Role.choices)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


class Licence(models.Model):
    """A licence on record; a renewal or change adds a row, the newest one is current."""

    class Kind(models.TextChoices):
        HR_SERVICE = "hr_service", _("人力资源服务许可证")
        TELECOM = "telecom", _("增值电信业务经营许可证")
        # An employer's (or agency's) business licence with a fixed operating term (营业期限).
        BUSINESS = "business", _("营业执照（营业期限）")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="licences")
    kind = models.CharField(_("许可证类型"), max_length=16, choices=Kind.choices)
    number = models.CharField(_("许可证编号"), max_length=60)
    authority = models.CharField(_("发证机关"), max_length=120)
    issued_on = models.DateField(_("发证日期"))
    expires_on = models.DateField(_("有效期至"))
    scope = models.JSONField(_("许可范围"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expiry_noticed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def is_valid_on(self, day: date) -> bool:
        return self.issued_on <= day <= self.expires_on

    @property
    def has_online_recruitment_scope(self) -> bool:
        return ONLINE_RECRUITMENT_SCOPE in self.scope


class FeeItem(models.Model):
    """A service item and its fee standard, published on the storefront (Regulation Art. 19)."""

    class Payer(models.TextChoices):
        EMPLOYER = "employer", _("用人单位")
        WORKER = "worker", _("劳动者")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="fee_items")
    item = models.CharField(_("服务项目"), max_length=100)
    standard = models.CharField(_("收费标准"), max_length=200)
    payer = models.CharField(_("付费方"), max_length=16, choices=Payer.choices,
                             default=Payer.EMPLOYER)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.item}: {self.standard}"


class Document(models.Model):
    """One uploaded version of a document; versions are never replaced or deleted.

    The bytes live encrypted under ``settings.PRIVATE_FILES_DIR/orgs/<storage_name>``, outside
    the web root, under a random name; ``sha256`` is of the original bytes.
    """

    class Kind(models.TextChoices):
        BUSINESS_LICENCE = "business_licence", _("营业执照")
        APPROVAL_DOCUMENT = "approval_document", _("批准成立文件")
        AUTHORISATION_LETTER = "authorisation_letter", _("经办人授权委托书")
        BROCHURE = "brochure", _("招聘简章")
        FOREIGN_EMPLOYMENT = "foreign_employment", _("外国人工作许可材料")
        HR_LICENCE = "hr_licence", _("人力资源服务许可证")
        TELECOM_LICENCE = "telecom_licence", _("增值电信业务经营许可证")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="documents")
    kind = models.CharField(_("材料类型"), max_length=32, choices=Kind.choices)
    version = models.PositiveIntegerField(_("版本"))
    storage_name = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind", "version"],
                                    name="document_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    def snapshot(self) -> dict[str, object]:
        return {"id": self.pk, "kind": self.kind, "version": self.version,
                "sha256": self.sha256, "name": self.original_name}


class ArchiveEntry(models.Model):
    """One line of an organisation's registration archive (登记档案, Regulation Art. 25)."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("登记")
        SUBMITTED = "submitted", _("提交审核")
        APPROVED = "approved", _("审核通过")
        REJECTED = "rejected", _("审核不通过")
        INFO_REQUESTED = "info_requested", _("要求补充材料")
        REVERIFICATION_DUE = "reverification_due", _("定期复核到期")
        EXPIRY_NOTICE = "expiry_notice", _("许可证即将到期提醒")
        SUSPENDED = "suspended", _("暂停")
        CHANGE_REPORTED = "change_reported", _("变更报告")
        LICENCE_RENEWED = "licence_renewed", _("许可证延续")
        FEES_CHANGED = "fees_changed", _("收费标准变更")
        TERMINATED = "terminated", _("终止服务")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="archive")
    kind = models.CharField(_("事项"), max_length=32, choices=Kind.choices)
    at = models.DateTimeField(_("时间"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    reason = models.TextField(_("理由"), blank=True)
    # The exact document versions a decision looked at.
    documents = models.JSONField(_("所审材料"), default=list, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.get_kind_display()}"


class ChangeReport(models.Model):
    """A change an agency reports (Regulation Art. 12); late when filed > 15 days after."""

    class Kind(models.TextChoices):
        NAME = "name", _("名称")
        ADDRESS = "address", _("住所")
        LEGAL_REPRESENTATIVE = "legal_representative", _("法定代表人")
        TERMINATION = "termination", _("终止服务")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="change_reports")
    kind = models.CharField(_("变更事项"), max_length=32, choices=Kind.choices)
    old_value = models.CharField(_("变更前"), max_length=200, blank=True)
    new_value = models.CharField(_("变更后"), max_length=200, blank=True)
    registered_on = models.DateField(_("市场主体登记变更日期"))
    effective_on = models.DateField(_("生效日期"), null=True, blank=True)
    filed_at = models.DateTimeField(_("报告时间"))
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    late = models.BooleanField(_("逾期报告"), default=False)

    class Meta:
        ordering = ["-filed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.get_kind_display()}"


class PlatformLicence(models.Model):
    """The platform operator's own licences, shown in every page footer (Regulation Art. 13)."""

    class Kind(models.TextChoices):
        BUSINESS_LICENCE = "business_licence", _("营业执照")
        HR_SERVICE = "hr_service", _("人力资源服务许可证")
        TELECOM = "telecom", _("增值电信业务经营许可证")

    kind = models.CharField(_("证照类型"), max_length=32, choices=Kind.choices, unique=True)
    number = models.CharField(_("证照编号"), max_length=60)
    holder = models.CharField(_("持证单位"), max_length=120)
    authority = models.CharField(_("发证机关"), max_length=120, blank=True)
    expires_on = models.DateField(_("有效期至"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class ReasonTemplate(models.Model):
    """A reason reviewers can pick when they reject or ask for more information (issue 3 §4).

    Operators and reviewers keep the list; a retired template is hidden from the decision form
    but stays, since archive entries quote its text.
    """

    title = models.CharField(_("标题"), max_length=60)
    text = models.TextField(_("理由文本"), max_length=1000)
    active = models.BooleanField(_("启用"), default=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("审核理由模板")
        verbose_name_plural = _("审核理由模板")

    def __str__(self) -> str:
        return self.title
