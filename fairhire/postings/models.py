"""Job postings: the content Regulation Art. 15 requires, a lifecycle kept as data, and every
submitted version kept unchanged (Regulation Art. 26).

``JobPosting`` is the working copy an employer edits while it is a draft; ``PostingVersion`` is
an append-only snapshot taken at every submission (also written to the ledger), and
``PostingFlag`` the screener's findings on that version, which a reviewer may accept as a lawful
exception with a written reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The free-text fields the screener reads, in the order they appear on the page.
SCREENED_FIELDS: tuple[str, ...] = ("title", "requirements", "duties", "working_conditions",
                                    "work_address", "pay_schedule", "work_period")


class PayUnit(models.TextChoices):
    MONTH = "month", _("元/月")
    DAY = "day", _("元/天")
    HOUR = "hour", _("元/小时")
    PIECE = "piece", _("元/件")


class PostingKind(models.TextChoices):
    JOB = "job", _("招聘岗位")
    GIG = "gig", _("零工")


class JobPosting(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SCREENING = "screening", _("筛查中")
        IN_REVIEW = "in_review", _("待审核")
        PUBLISHED = "published", _("已发布")
        SUSPENDED = "suspended", _("已暂停")
        EXPIRED = "expired", _("已过期")
        CLOSED = "closed", _("已结束招聘")
        WITHDRAWN = "withdrawn", _("已撤回")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.DRAFT: frozenset({Status.SCREENING, Status.WITHDRAWN}),
        # Screening ends in the queue, straight on the site, or back at the employer.
        Status.SCREENING: frozenset({Status.IN_REVIEW, Status.PUBLISHED, Status.DRAFT}),
        Status.IN_REVIEW: frozenset({Status.PUBLISHED, Status.DRAFT, Status.WITHDRAWN}),
        # published → published: a reviewed revision replaces the public content (R26).
        Status.PUBLISHED: frozenset({Status.PUBLISHED, Status.EXPIRED, Status.CLOSED,
                                     Status.WITHDRAWN, Status.SUSPENDED}),
        Status.SUSPENDED: frozenset({Status.PUBLISHED, Status.CLOSED}),
        Status.EXPIRED: frozenset(),
        Status.CLOSED: frozenset(),
        Status.WITHDRAWN: frozenset(),
    }
    EDITABLE = frozenset({Status.DRAFT})
    REVISABLE = frozenset({Status.PUBLISHED})  # edited as a revision while the old stays up
    PUBLIC = frozenset({Status.PUBLISHED})

    class Revision(models.TextChoices):
        """A pending edit of a published posting (issue 4 item 4): written as a draft, then
        submitted and screened like a new posting, while the published content stays up."""

        NONE = "", _("无")
        DRAFT = "draft", _("修改草稿")
        IN_REVIEW = "in_review", _("修改待审核")

    REVISION_TRANSITIONS: dict[str, frozenset[str]] = {
        Revision.NONE: frozenset({Revision.DRAFT}),
        Revision.DRAFT: frozenset({Revision.IN_REVIEW, Revision.NONE}),
        # rejected: back to draft; published or dropped: none
        Revision.IN_REVIEW: frozenset({Revision.DRAFT, Revision.NONE}),
    }

    employer = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT,
                                 related_name="postings", verbose_name=_("用人单位"))
    # Regulation Art. 17 and 19: an agency may post on a verified employer's behalf, with the
    # entrustment on record.
    agency = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT, null=True,
                               blank=True, related_name="agency_postings",
                               verbose_name=_("代理发布机构"))
    entrustment = models.CharField(_("委托书编号或说明"), max_length=200, blank=True)
    entrustment_grant = models.ForeignKey("postings.Entrustment", on_delete=models.PROTECT,
                                          null=True, blank=True, related_name="postings",
                                          verbose_name=_("委托记录"))

    kind = models.CharField(_("类别"), max_length=8, choices=PostingKind.choices,
                            default=PostingKind.JOB)
    title = models.CharField(_("岗位名称"), max_length=80)
    headcount = models.PositiveIntegerField(_("招聘人数"), null=True, blank=True)
    education_code = models.CharField(_("学历要求代码"), max_length=4, blank=True)
    experience_years = models.PositiveSmallIntegerField(_("工作经验（年）"), null=True,
                                                        blank=True)
    requirements = models.TextField(_("任职要求（技能、证书、语言等）"), blank=True)
    employment_type = models.CharField(_("用工形式"), max_length=16, blank=True)
    duties = models.TextField(_("工作内容"), blank=True)
    working_conditions = models.TextField(_("工作条件（工时、班次、环境、社保、福利）"),
                                          blank=True)
    work_region_code = models.CharField(_("工作地点行政区划代码"), max_length=6, blank=True)
    work_address = models.CharField(_("工作地址"), max_length=200, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    pay_min = models.PositiveIntegerField(_("基本薪酬下限（元）"), null=True, blank=True)
    pay_max = models.PositiveIntegerField(_("基本薪酬上限（元）"), null=True, blank=True)
    pay_unit = models.CharField(_("薪酬单位"), max_length=8, choices=PayUnit.choices,
                                blank=True)
    pay_schedule = models.CharField(_("发薪方式"), max_length=100, blank=True)
    occupation_code = models.CharField(_("职业代码"), max_length=12, blank=True)
    industry_code = models.CharField(_("行业代码"), max_length=5, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    # Gig postings (GN (8)): place and duration, hiring time, contact.
    work_period = models.CharField(_("用工时间和期限"), max_length=100, blank=True)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)

    # The unit's basic information as it stood at publication (Regulation Art. 15(1)).
    unit_snapshot = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices,
                              default=Status.DRAFT)
    version = models.PositiveIntegerField(_("版本"), default=0)
    # The version the public sees (0: none yet); behind ``version`` while a revision is pending.
    published_version = models.PositiveIntegerField(_("已发布版本"), default=0)
    revision_status = models.CharField(_("修改状态"), max_length=16, choices=Revision.choices,
                                       default=Revision.NONE, blank=True)
    # The pending revision's content (``content.revision_snapshot``): the fields the employer
    # writes, as JSON; the columns above keep the published content until it is published.
    revision = models.JSONField(default=dict, blank=True)
    exception_request = models.TextField(_("申请合法例外的理由"), blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("最近确认时间"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(_("最近更新"))

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("招聘信息")
        verbose_name_plural = _("招聘信息")
        indexes = [models.Index(fields=["status", "published_at"], name="posting_status_pub"),
                   models.Index(fields=["status", "submitted_at"], name="posting_queue")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pay_min__isnull=True) | models.Q(pay_max__isnull=True)
                | models.Q(pay_min__lte=models.F("pay_max")),
                name="posting_pay_min_le_max"),
        ]

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]

    @property
    def current_version(self) -> PostingVersion | None:
        return self.versions.order_by("-number").first()

    def open_blocking_flags(self) -> models.QuerySet[PostingFlag]:
        return PostingFlag.objects.filter(version__posting=self, version__number=self.version,
                                          severity="block", accepted_at__isnull=True)

    def can_revise_to(self, status: str) -> bool:
        return status in self.REVISION_TRANSITIONS[self.revision_status]

    @property
    def in_review(self) -> bool:
        """Waiting for a reviewer: a new posting, or a revision of a published one (not while
        the posting is suspended: publishing the revision must not put it back up)."""
        return (self.status == self.Status.IN_REVIEW
                or (self.status == self.Status.PUBLISHED
                    and self.revision_status == self.Revision.IN_REVIEW))

    @property
    def last_updated(self):
        """What the page shows as "last updated" (Regulation Art. 18): an edit or a
        confirmation by the employer, whichever is newer."""
        moments = [m for m in (self.updated_at, self.confirmed_at) if m is not None]
        return max(moments) if moments else None


class PostingVersion(models.Model):
    """One submitted version, exactly as submitted: who, when, the full content and the
    screening result. Append-only in the database (Regulation Art. 26)."""

    posting = models.ForeignKey(JobPosting, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("版本"))
    content = models.JSONField()
    screening = models.JSONField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["posting", "number"]
        constraints = [models.UniqueConstraint(fields=["posting", "number"],
                                               name="posting_version_unique")]

    def __str__(self) -> str:
        return f"{self.posting_id} v{self.number}"


class PostingFlag(models.Model):
    """A screener finding in one field of one version; ``start``/``end`` index that field."""

    version = models.ForeignKey(PostingVersion, on_delete=models.PROTECT, related_name="flags")
    field = models.CharField(max_length=32)
    category = models.CharField(max_length=32)
    severity = models.CharField(max_length=8)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    excerpt = models.CharField(max_length=200)
    basis = models.CharField(max_length=400)
    message = models.TextField()
    message_en = models.TextField(blank=True)
    ruleset_version = models.CharField(max_length=64)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    acceptance_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "field", "start", "id"]

    def __str__(self) -> str:
        return f"{self.category}: {self.excerpt}"


class Entrustment(models.Model):
    """An employer entrusts a verified agency to publish postings on its behalf (Regulation
    Art. 17, 19): granted by the employer's owner, with the entrustment document's reference
    and an optional end date; revoked, never deleted, so postings keep their basis."""

    employer = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT,
                                 related_name="entrustments_given",
                                 verbose_name=_("委托单位"))
    agency = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT,
                               related_name="entrustments_received",
                               verbose_name=_("受托机构"))
    reference = models.CharField(_("委托书编号或说明"), max_length=200)
    valid_until = models.DateField(_("委托有效期至"), null=True, blank=True)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    granted_at = models.DateTimeField()
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]
        verbose_name = _("委托发布")
        verbose_name_plural = _("委托发布")
        constraints = [models.UniqueConstraint(
            fields=["employer", "agency"], condition=models.Q(revoked_at__isnull=True),
            name="entrustment_one_open_per_pair")]

    def __str__(self) -> str:
        return f"{self.employer_id} → {self.agency_id}: {self.reference}"

    def is_active(self, today) -> bool:
        return self.revoked_at is None and (self.valid_until is None
                                            or self.valid_until >= today)
