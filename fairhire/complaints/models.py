"""Complaints and reports (Regulation Art. 23), the platform service agreement and rules
(Art. 24), service evaluations (job-fair standard §Evaluation) and the operator's own fee
disclosure (Art. 19(2)).

A complaint's life cycle is data (``Complaint.TRANSITIONS``); every step is a row of the
append-only ``ComplaintEvent`` history. Agreement versions and acceptances are append-only too:
what a person accepted never changes under them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.privacy.sealed import Sealed


class Category(models.TextChoices):
    """What a complaint is about, each mapped to the article it concerns (``ARTICLES``)."""

    DISCRIMINATION = "discrimination", _("就业歧视")
    FALSE_INFORMATION = "false_information", _("虚假或过时信息")
    FEES = "fees", _("违规收费或收取押金")
    PERSONAL_INFORMATION = "personal_information", _("个人信息被滥用或泄露")
    FRAUD = "fraud", _("招聘欺诈")
    SERVICE_QUALITY = "service_quality", _("服务质量")
    OTHER = "other", _("其他")


ARTICLES: dict[str, str] = {
    Category.DISCRIMINATION: _("《网络招聘服务管理规定》第十五条"),
    Category.FALSE_INFORMATION: _("《网络招聘服务管理规定》第十五条、第十六条、第十八条"),
    Category.FEES: _("《网络招聘服务管理规定》第十九条第二款"),
    Category.PERSONAL_INFORMATION: _("《网络招聘服务管理规定》第二十一条、第二十二条"),
    Category.FRAUD: _("《网络招聘服务管理规定》第十九条第一款"),
    Category.SERVICE_QUALITY: _("《网络招聘服务管理规定》第二十四条"),
    Category.OTHER: _("《网络招聘服务管理规定》第二十三条"),
}


class SubjectKind(models.TextChoices):
    POSTING = "posting", _("招聘信息")
    ORGANISATION = "organisation", _("用人单位或人力资源服务机构")
    MESSAGE = "message", _("消息")
    GENERAL = "general", _("平台服务（一般投诉）")


class Complaint(Sealed):
    class Status(models.TextChoices):
        RECEIVED = "received", _("已收到")
        ACCEPTED = "accepted", _("已受理")
        NOT_ACCEPTED = "not_accepted", _("不予受理")
        INVESTIGATING = "investigating", _("调查中")
        RESOLVED = "resolved", _("已办结")
        ESCALATED = "escalated", _("已移交人社部门")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.RECEIVED: frozenset({Status.ACCEPTED, Status.NOT_ACCEPTED}),
        Status.ACCEPTED: frozenset({Status.INVESTIGATING, Status.RESOLVED, Status.ESCALATED}),
        Status.INVESTIGATING: frozenset({Status.RESOLVED, Status.ESCALATED}),
        Status.NOT_ACCEPTED: frozenset(),
        Status.RESOLVED: frozenset(),
        Status.ESCALATED: frozenset(),
    }
    OPEN = frozenset({Status.RECEIVED, Status.ACCEPTED, Status.INVESTIGATING})
    # Ending a complaint needs a written answer to the complainant (Art. 23: 及时处理).
    NEEDS_WRITING = frozenset({Status.NOT_ACCEPTED, Status.RESOLVED, Status.ESCALATED})

    SEALED_FIELDS = ("description", "contact")

    number = models.CharField(_("编号"), max_length=24, unique=True)
    category = models.CharField(_("类别"), max_length=24, choices=Category.choices)
    subject_kind = models.CharField(_("投诉对象"), max_length=16, choices=SubjectKind.choices)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject_label = models.CharField(_("对象"), max_length=200, blank=True)
    posting = models.ForeignKey("postings.JobPosting", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+")
    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+")
    # Null for an anonymous report about a posting.
    complainant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="complaints")
    description = models.TextField(_("情况说明"))  # sealed
    contact = models.TextField(_("联系方式"), blank=True)  # sealed; optional, anonymous only
    challenge_nonce = models.CharField(max_length=32, null=True, blank=True, unique=True)
    # An anonymous reporter follows the report with its number and a code shown once; only
    # the code's keyed digest is kept.
    tracking_digest = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices,
                              default=Status.RECEIVED)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="owned_complaints",
                              verbose_name=_("承办人"))
    received_at = models.DateTimeField(_("收到时间"))
    acknowledged_at = models.DateTimeField(_("回执时间"), null=True, blank=True)
    deadline_at = models.DateTimeField(_("办结期限"))
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    not_accepted_reason = models.TextField(_("不予受理理由"), blank=True)
    outcome = models.TextField(_("处理结果"), blank=True)
    posting_suspended = models.BooleanField(default=False)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["deadline_at", "id"]
        indexes = [models.Index(fields=["status", "deadline_at"], name="complaint_queue")]

    def __str__(self) -> str:
        return self.number

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]

    @property
    def article(self) -> str:
        return ARTICLES.get(self.category, "")

    def is_overdue(self, now) -> bool:
        return self.status in self.OPEN and self.deadline_at < now


class ComplaintEvent(models.Model):
    """One step of a complaint's history; append-only in the database."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    note = models.TextField(blank=True)
    # Shown to the complainant (their own steps, acknowledgement, decisions, outcome);
    # internal notes of the operators are not.
    public = models.BooleanField(default=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.from_status} → {self.to_status}"

    @property
    def to_label(self) -> str:
        return dict(Complaint.Status.choices).get(self.to_status, self.to_status)


class Evidence(models.Model):
    """An uploaded file judged by content and stored encrypted (SECURITY.md control 22)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="evidence")
    storage_name = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class Referral(models.Model):
    """An escalated complaint, kept for the regulator's side to pick up (Art. 23, Art. 30)."""

    complaint = models.OneToOneField(Complaint, on_delete=models.PROTECT,
                                     related_name="referral")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    reason = models.TextField(_("移交理由"))
    # The case as it stood when escalated (category, article, subject, history).
    snapshot = models.JSONField()
    picked_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"referral {self.complaint_id}"


# --- agreements and rules (Regulation Art. 24) ---------------------------------------------

class DocumentKind(models.TextChoices):
    AGREEMENT = "agreement", _("平台服务协议")
    RULES = "rules", _("平台服务规则")


class AgreementVersion(models.Model):
    """One published version; append-only, so what somebody accepted never changes."""

    kind = models.CharField(_("文件"), max_length=16, choices=DocumentKind.choices)
    number = models.PositiveIntegerField(_("版本号"))
    title = models.CharField(_("标题"), max_length=120)
    body = models.TextField(_("正文"))
    summary = models.TextField(_("修订说明"), blank=True)
    effective_at = models.DateTimeField(_("生效时间"))
    published_at = models.DateTimeField(_("发布时间"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")

    class Meta:
        ordering = ["kind", "-number"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"],
                                               name="agreement_version_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.number}"


class AgreementAcceptance(models.Model):
    """Who accepted which version, when and from where; append-only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="agreement_acceptances")
    version = models.ForeignKey(AgreementVersion, on_delete=models.PROTECT,
                                related_name="acceptances")
    accepted_at = models.DateTimeField()
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-accepted_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "version"],
                                               name="agreement_accepted_once")]

    def __str__(self) -> str:
        return f"{self.user_id} accepted {self.version_id}"


# --- evaluations (job-fair standard §Evaluation, JF7) --------------------------------------

class Questionnaire(models.Model):
    """The questions asked after one kind of service; operators edit them."""

    subject_kind = models.CharField(_("服务类别"), max_length=32, unique=True)
    title = models.CharField(_("标题"), max_length=120)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    class Type(models.TextChoices):
        RATING = "rating", _("评分（1-5）")
        TEXT = "text", _("文字")
        CHOICE = "choice", _("单选")
        YES_NO = "yes_no", _("是/否")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE,
                                      related_name="questions")
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    text = models.CharField(_("问题"), max_length=200)
    type = models.CharField(_("类型"), max_length=8, choices=Type.choices, default=Type.TEXT)
    choices = models.JSONField(_("选项"), default=list, blank=True)
    required = models.BooleanField(_("必答"), default=False)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class EvaluationInvite(models.Model):
    """An invitation to rate a finished service; the subject is generic (kind + id)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="evaluation_invites")
    subject_kind = models.CharField(max_length=32)
    subject_id = models.PositiveBigIntegerField()
    subject_label = models.CharField(max_length=200, blank=True)
    about_org = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="+")
    invited_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-invited_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "subject_kind", "subject_id"],
                                               name="evaluation_invite_once")]

    def __str__(self) -> str:
        return f"{self.subject_kind} {self.subject_id}"


class Evaluation(models.Model):
    invite = models.OneToOneField(EvaluationInvite, on_delete=models.PROTECT,
                                  related_name="evaluation")
    rating = models.PositiveSmallIntegerField(_("评分"))
    comment = models.TextField(_("评价"), blank=True)
    # {question id: answer} for the questionnaire as it stood, with the question texts.
    answers = models.JSONField(default=dict, blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5),
                                              name="evaluation_rating_1_5")]

    def __str__(self) -> str:
        return f"{self.invite_id}: {self.rating}"


# --- the platform's own fees (Regulation Art. 19(2)) ---------------------------------------

class FeeDisclosure(models.Model):
    """One published version of what the platform charges whom; append-only."""

    items = models.JSONField()  # [{"item", "standard", "payer"}]
    note = models.TextField(_("说明"), blank=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"fees {self.published_at:%Y-%m-%d}"
