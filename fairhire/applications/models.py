"""Applications: a seeker's résumé sent to one posting, the two-way selection that follows,
interviews, messages between the two sides, follow-ups after a hire, and posting views.

The résumé is copied into the application when it is sent (``resume_snapshot``), so later edits
never change what the employer received. The lifecycle is data (``TRANSITIONS`` and ``ACTOR``);
the end of it is the service-completion date that starts the three-year retention clock
(Regulation Art. 26).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.privacy.sealed import Sealed


class Side(models.TextChoices):
    EMPLOYER = "employer", _("用人单位")
    SEEKER = "seeker", _("求职者")
    SYSTEM = "system", _("平台")


class Application(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("已投递")
        VIEWED = "viewed", _("已查看")
        SHORTLISTED = "shortlisted", _("初筛通过")
        INTERVIEW = "interview", _("面试")
        OFFER = "offer", _("已发录用通知")
        HIRED = "hired", _("已录用")
        REJECTED = "rejected", _("不合适")
        DECLINED = "declined", _("求职者已谢绝")
        WITHDRAWN = "withdrawn", _("已撤回")
        EXPIRED = "expired", _("超时未处理")

    S = Status
    TRANSITIONS: dict[str, frozenset[str]] = {
        S.RECEIVED: frozenset({S.VIEWED, S.SHORTLISTED, S.INTERVIEW, S.REJECTED, S.WITHDRAWN,
                               S.EXPIRED}),
        S.VIEWED: frozenset({S.SHORTLISTED, S.INTERVIEW, S.REJECTED, S.WITHDRAWN, S.EXPIRED}),
        S.SHORTLISTED: frozenset({S.INTERVIEW, S.OFFER, S.REJECTED, S.DECLINED, S.WITHDRAWN}),
        S.INTERVIEW: frozenset({S.OFFER, S.REJECTED, S.DECLINED, S.WITHDRAWN}),
        # The seeker answers an offer: accepting it is the hire.
        S.OFFER: frozenset({S.HIRED, S.DECLINED, S.WITHDRAWN}),
        S.HIRED: frozenset(),
        S.REJECTED: frozenset(),
        S.DECLINED: frozenset(),
        S.WITHDRAWN: frozenset(),
        S.EXPIRED: frozenset(),
    }
    # Who moves an application into each state.
    ACTOR: dict[str, str] = {
        S.VIEWED: Side.EMPLOYER, S.SHORTLISTED: Side.EMPLOYER, S.INTERVIEW: Side.EMPLOYER,
        S.OFFER: Side.EMPLOYER, S.REJECTED: Side.EMPLOYER,
        S.HIRED: Side.SEEKER, S.DECLINED: Side.SEEKER, S.WITHDRAWN: Side.SEEKER,
        S.EXPIRED: Side.SYSTEM,
    }
    ENDED = frozenset({S.HIRED, S.REJECTED, S.DECLINED, S.WITHDRAWN, S.EXPIRED})
    # No answer from the employer yet: these expire after APPLICATIONS_EXPIRE_DAYS.
    AWAITING_EMPLOYER = frozenset({S.RECEIVED, S.VIEWED})

    posting = models.ForeignKey("postings.JobPosting", on_delete=models.PROTECT,
                                related_name="applications", verbose_name=_("招聘信息"))
    # The organisation that handles the applicants: the posting agency, else the employer.
    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.PROTECT,
                                     related_name="applications")
    seeker = models.ForeignKey("profiles.SeekerProfile", on_delete=models.PROTECT,
                               related_name="applications")
    resume = models.ForeignKey("profiles.Resume", on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="applications")
    resume_title = models.CharField(_("简历名称"), max_length=60)
    resume_snapshot = models.JSONField(_("投递时的简历"))
    resume_sha256 = models.CharField(max_length=64)
    posting_version = models.PositiveIntegerField(_("投递时的招聘信息版本"))
    # The separate consent to send the résumé (R21.1) under which it was sent.
    consent = models.ForeignKey("privacy.Consent", on_delete=models.PROTECT, related_name="+")
    contact_shared_at = models.DateTimeField(_("同意提供联系方式的时间"), null=True, blank=True)
    cover_note = models.CharField(_("附言"), max_length=500, blank=True)

    status = models.CharField(_("状态"), max_length=16, choices=Status.choices,
                              default=Status.RECEIVED)
    status_changed_at = models.DateTimeField(_("状态更新时间"))
    first_response_at = models.DateTimeField(_("单位首次响应时间"), null=True, blank=True)
    rejection_reason = models.CharField(_("不合适的原因"), max_length=500, blank=True)
    ended_at = models.DateTimeField(_("服务完成时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("投递时间"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("求职申请")
        constraints = [models.UniqueConstraint(fields=["posting", "seeker"],
                                               name="one_application_per_posting")]
        indexes = [models.Index(fields=["seeker", "created_at"], name="application_daily"),
                   models.Index(fields=["status", "status_changed_at"],
                                name="application_expiry")]

    def __str__(self) -> str:
        return f"application #{self.pk}"

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]

    @property
    def ended(self) -> bool:
        return self.status in self.ENDED


class Interview(models.Model):
    class Mode(models.TextChoices):
        ONSITE = "onsite", _("现场面试")
        REMOTE = "remote", _("远程面试")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("待求职者确认")
        CONFIRMED = "confirmed", _("已确认")
        CHANGE_REQUESTED = "change_requested", _("求职者希望改期")
        CANCELLED = "cancelled", _("已取消")

    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.PROPOSED: frozenset({Status.CONFIRMED, Status.CHANGE_REQUESTED, Status.PROPOSED,
                                    Status.CANCELLED}),
        Status.CONFIRMED: frozenset({Status.CHANGE_REQUESTED, Status.PROPOSED,
                                     Status.CANCELLED}),
        Status.CHANGE_REQUESTED: frozenset({Status.PROPOSED, Status.CANCELLED}),
        Status.CANCELLED: frozenset(),
    }

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="interviews")
    mode = models.CharField(_("面试方式"), max_length=8, choices=Mode.choices)
    starts_at = models.DateTimeField(_("面试时间"))  # stored in UTC, shown in Asia/Shanghai
    duration_minutes = models.PositiveSmallIntegerField(_("时长（分钟）"), default=30)
    # The workplace where an on-site interview happens (the employer's, not a person's).
    address = models.CharField(_("面试地址"), max_length=200, blank=True)
    meeting_link = models.URLField(_("会议链接"), max_length=300, blank=True)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices,
                              default=Status.PROPOSED)
    seeker_note = models.CharField(_("求职者留言"), max_length=500, blank=True)
    cancel_reason = models.CharField(_("取消原因"), max_length=500, blank=True)
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE: bumps on each change
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"interview #{self.pk}"

    def can_transition_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]

    @property
    def active(self) -> bool:
        return self.status != self.Status.CANCELLED


class Message(Sealed):
    """One message between the employer and the applicant, encrypted at rest (it may hold
    anything a person writes). An employer's message is screened first (Regulation Art. 19):
    one asking the worker for money or looking like a scam is held for a reviewer."""

    class Status(models.TextChoices):
        DELIVERED = "delivered", _("已送达")
        HELD = "held", _("待审核")
        BLOCKED = "blocked", _("已拦截")

    class Report(models.TextChoices):
        NONE = "", _("无")
        OPEN = "open", _("待处理")
        UPHELD = "upheld", _("举报属实")
        DISMISSED = "dismissed", _("举报不成立")

    SEALED_FIELDS = ("body",)

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    side = models.CharField(max_length=8, choices=Side.choices)
    body = models.TextField()
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices,
                              default=Status.DELIVERED)
    flags = models.JSONField(default=list, blank=True)
    ruleset_version = models.CharField(max_length=64, blank=True)
    report = models.CharField(_("举报"), max_length=12, choices=Report.choices, blank=True,
                              default=Report.NONE)
    report_reason = models.CharField(_("举报理由"), max_length=500, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("审核意见"), max_length=500, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"], name="message_queue"),
                   models.Index(fields=["report", "reported_at"], name="message_reports")]

    def __str__(self) -> str:
        return f"message #{self.pk}"

    @property
    def text(self) -> str:
        return self.unseal("body")


class FollowUp(models.Model):
    """A check after a hire (e.g. 30 days later): is the person still employed? Staff record
    the answer; outcomes feed the statistics later."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE,
                                       related_name="follow_up")
    due_on = models.DateField(_("回访日期"))
    still_employed = models.BooleanField(_("是否仍在岗"), null=True, blank=True)
    note = models.CharField(_("回访记录"), max_length=500, blank=True)
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+")

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"follow-up #{self.pk}"


class PostingViewDay(models.Model):
    """How many times a posting's public page was opened on one (local) day."""

    posting = models.ForeignKey("postings.JobPosting", on_delete=models.CASCADE,
                                related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["posting", "day"],
                                               name="posting_view_day_unique")]

    def __str__(self) -> str:
        return f"{self.posting_id} {self.day}: {self.views}"
