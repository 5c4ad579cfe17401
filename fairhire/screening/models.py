"""Operator overrides of the shipped screening ruleset, kept as an append-only history.

Every change an operator makes (add a term, disable a term, add a lawful phrase, or withdraw one
of those) is one ``RulesetChange`` row with the next version number, who made it, when and why.
The overrides in force are the fold of that history; the latest version number names them, so
a process can tell with one indexed query whether its compiled ruleset is still current.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.screening.engine import CATEGORIES

CATEGORY_CHOICES = [(name, name) for name in CATEGORIES]


class RulesetChange(models.Model):
    """One operator change to the ruleset; append-only (migration 0002 installs the triggers)."""

    class Kind(models.TextChoices):
        ADDED_TERM = "added_term", _("新增词条")
        DISABLED_TERM = "disabled_term", _("停用词条")
        LAWFUL_PHRASE = "lawful_phrase", _("合法表述")

    class Op(models.TextChoices):
        ADD = "add", _("生效")
        WITHDRAW = "withdraw", _("撤销")

    class Severity(models.TextChoices):
        BLOCK = "block", _("须修改")
        REVIEW = "review", _("须人工审核")
        INFO = "info", _("提示")

    version = models.PositiveIntegerField(_("版本"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    op = models.CharField(_("操作"), max_length=10, choices=Op.choices, default=Op.ADD)
    text = models.CharField(_("词条"), max_length=100)
    # The key the engine compares (folded: traditional → simplified, full-width → half-width),
    # so 保證金 and 保证金 are the same entry in the history.
    key = models.CharField(_("比对形式"), max_length=100, db_index=True)
    category = models.CharField(_("类别"), max_length=32, blank=True, choices=CATEGORY_CHOICES)
    severity = models.CharField(_("严重程度"), max_length=10, blank=True,
                                choices=Severity.choices)
    reason = models.TextField(_("理由"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("操作人"))
    created_at = models.DateTimeField(_("时间"))

    class Meta:
        ordering = ["-version"]
        verbose_name = _("筛查规则变更")
        verbose_name_plural = _("筛查规则变更")

    def __str__(self) -> str:
        return f"v{self.version} {self.op} {self.kind} {self.text}"
