"""Search: the outbox that carries changes to the index, the operator's matching weights and
seekers' saved searches. The index itself is derived data under ``FAIRHIRE_VAR_DIR/search``;
the database stays the source of truth."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.privacy.sealed import Sealed


class OutboxEntry(models.Model):
    """"This object changed; bring the index in line with the database."

    Written in the same transaction as the change, so a rolled-back change leaves no entry and
    a committed one always has one. The worker applies entries in id order and stamps
    ``applied_at``; applying reads the object's current state, so applying twice is harmless.
    """

    class Kind(models.TextChoices):
        POSTING = "posting", _("招聘信息")
        ORGANISATION = "organisation", _("单位")
        RESUME = "resume", _("简历")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField()
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["applied_at", "id"], name="search_outbox_pending")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class MatchWeights(models.Model):
    """One version of the matching weights an operator set; the newest row is in force."""

    weights = models.JSONField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"weights {self.changed_at:%Y-%m-%d %H:%M}"


class SavedSearch(models.Model):
    """A seeker's saved posting search; new matches are announced at most once a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="saved_searches")
    title = models.CharField(_("名称"), max_length=60)
    params = models.JSONField(_("检索条件"), default=dict)
    created_at = models.DateTimeField()
    last_alerted_at = models.DateTimeField(null=True, blank=True)
    # Postings published after this moment (epoch seconds) are "new" for the next alert.
    seen_until = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class KeyGroup(models.TextChoices):
    """Key groups of employment services (EN7)."""

    OLDER = "older", _("大龄劳动者")
    HARD_TO_EMPLOY = "hard_to_employ", _("就业困难人员")
    DISABLED = "disabled", _("残疾人")
    REGISTERED_UNEMPLOYED = "registered_unemployed", _("登记失业人员")
    UNEMPLOYED_GRADUATE = "unemployed_graduate", _("离校未就业高校毕业生")


class KeyGroupConsent(Sealed):
    """A seeker's separate consent to be recommended first to suitable employers as a member of
    a key group (EN7; PIPL Art. 29: disability is sensitive, so the group is sealed).

    The consent itself is the record: when it was given, to which notice version, when it was
    withdrawn. Withdrawing takes the person off every priority list at once (lists are read
    from active consents on every request). The main ranking never reads this table.
    """

    SEALED_FIELDS = ("group",)
    NOTICE_VERSION = "2026.1"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="key_group_consents")
    group = models.TextField(_("重点群体（密文）"))
    notice_version = models.CharField(max_length=16)
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        constraints = [models.UniqueConstraint(
            fields=["user"], condition=models.Q(withdrawn_at=None),
            name="one_active_key_group_consent")]

    def __str__(self) -> str:
        return f"key group consent #{self.pk}"
