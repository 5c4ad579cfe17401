"""Non-blocking suggestions that make a posting better (EN 6).

Each hint names the field it is about, so the editor shows it next to that field and an API
client can do the same; none of them stops a submission (``content.content_errors`` does that).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from statistics import median, quantiles

from django.utils.translation import gettext as _

from fairhire.postings.models import JobPosting, PostingKind

SHORT_DUTIES = 30  # characters
SIMILAR_MIN = 5  # how many similar published postings a pay comparison needs
SIMILAR_MAX = 500
FAR_FACTOR = 2  # pay below half or above twice the similar postings' median is "far"
WIDE_FACTOR = 3  # a maximum above three times the minimum is a vague range
INSURANCE = re.compile(r"社保|社会保险|五险|四险|三险|保险|工伤")


@dataclass(frozen=True)
class Suggestion:
    code: str
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _similar_pay(posting: JobPosting) -> tuple[list[int], str]:
    """Pay midpoints of published postings with the same occupation and pay unit, as near as
    the data allows: the same city, else the same province, else anywhere. Returns the
    midpoints and where they came from."""
    base = (JobPosting.objects.filter(
        status=JobPosting.Status.PUBLISHED, occupation_code=posting.occupation_code,
        pay_unit=posting.pay_unit, pay_min__isnull=False, pay_max__isnull=False)
        .exclude(pk=posting.pk))
    region = posting.work_region_code or ""
    scopes = []
    if len(region) == 6:
        scopes = [(_("同城市"), region[:4]), (_("同省份"), region[:2])]
    scopes.append((_("全平台"), ""))
    for label, prefix in scopes:
        rows = base.filter(work_region_code__startswith=prefix) if prefix else base
        pairs = list(rows.order_by("-published_at").values_list("pay_min", "pay_max")
                     [:SIMILAR_MAX])
        if len(pairs) >= SIMILAR_MIN:
            return [(low + high) // 2 for low, high in pairs], str(label)
    return [], ""


@dataclass(frozen=True)
class PayGuidance:
    """What similar published postings pay (EN 6 wage guidance, from the platform's own data):
    the middle half and the median of their pay midpoints."""

    scope: str
    count: int
    low: int
    median: int
    high: int
    unit: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def __str__(self) -> str:
        return _("%(scope)s同职业已发布岗位 %(n)d 条：中位数约 %(m)d %(unit)s，"
                 "中间一半在 %(low)d–%(high)d 之间。") % {
            "scope": self.scope, "n": self.count, "m": self.median, "unit": self.unit,
            "low": self.low, "high": self.high}


def pay_guidance(posting: JobPosting) -> PayGuidance | None:
    """Pay guidance for the posting's occupation and pay unit, or None without enough data."""
    if not (posting.occupation_code and posting.pay_unit):
        return None
    similar, scope = _similar_pay(posting)
    if not similar:
        return None
    low, _mid, high = quantiles(similar, n=4, method="inclusive")
    return PayGuidance(scope=scope, count=len(similar), low=int(low),
                       median=int(median(similar)), high=int(high),
                       unit=str(posting.get_pay_unit_display()))


def posting_suggestions(posting: JobPosting) -> list[Suggestion]:
    hints: list[Suggestion] = []
    if posting.pay_min is None or posting.pay_max is None:
        hints.append(Suggestion("pay_missing", "pay_min",
                                _("写明薪酬范围的招聘信息更受求职者关注。")))
    elif posting.pay_min and posting.pay_max > WIDE_FACTOR * posting.pay_min:
        hints.append(Suggestion("pay_range_wide", "pay_max",
                                _("薪酬上下限相差较大，建议写得更具体。")))
    if posting.pay_min is not None and posting.pay_max is not None and posting.pay_unit \
            and posting.occupation_code:
        similar, scope = _similar_pay(posting)
        if similar:
            middle = median(similar)
            mine = (posting.pay_min + posting.pay_max) / 2
            if mine < middle / FAR_FACTOR or mine > middle * FAR_FACTOR:
                hints.append(Suggestion("pay_far_from_similar", "pay_min", _(
                    "薪酬与%(scope)s同职业已发布岗位差距较大（%(n)d 条，中位数约 %(m)d %(unit)s），"
                    "请核实是否填错单位或金额。") % {
                        "scope": scope, "n": len(similar), "m": int(middle),
                        "unit": posting.get_pay_unit_display()}))
    if len(posting.duties.strip()) < SHORT_DUTIES:
        hints.append(Suggestion("duties_short", "duties", _(
            "工作内容较简短，建议写明每天做什么、对谁负责、用什么工具。")))
    if not posting.requirements.strip():
        hints.append(Suggestion("requirements_empty", "requirements", _(
            "任职要求还没有列出任何技能、证书、经验或语言，建议写明必需的条件，"
            "不必要的条件不要写。")))
    if not posting.working_conditions.strip():
        hints.append(Suggestion("conditions_empty", "working_conditions", _(
            "建议写明工作时间、班次、社会保险和福利。")))
    elif not INSURANCE.search(posting.working_conditions):
        hints.append(Suggestion("insurance_unstated", "working_conditions", _(
            "工作条件没有提到社会保险，建议写明是否依法缴纳社会保险。")))
    if not posting.headcount:
        hints.append(Suggestion("headcount_missing", "headcount", _(
            "写明招聘人数，求职者更容易判断机会。")))
    if posting.kind == PostingKind.GIG and not posting.pay_schedule.strip():
        hints.append(Suggestion("gig_settlement", "pay_schedule", _(
            "零工岗位建议写明结算周期，例如“日结”“完工当天结算”。")))
    return hints
