"""Non-blocking suggestions that make a posting better (EN 6)."""

from __future__ import annotations

from statistics import median

from django.utils.translation import gettext as _

from fairhire.postings.models import JobPosting

SHORT_DUTIES = 30
SIMILAR_MIN = 5  # how many similar published postings a pay comparison needs


def posting_suggestions(posting: JobPosting) -> list[str]:
    hints: list[str] = []
    if posting.pay_min is None or posting.pay_max is None:
        hints.append(_("写明薪酬范围的招聘信息更受求职者关注。"))
    elif posting.pay_min and posting.pay_max > 3 * posting.pay_min:
        hints.append(_("薪酬上下限相差较大，建议写得更具体。"))
    if len(posting.duties.strip()) < SHORT_DUTIES:
        hints.append(_("工作内容较简短，建议写明每天做什么、对谁负责、用什么工具。"))
    if not posting.requirements.strip():
        hints.append(_("任职要求还没有写，建议列出必需的技能、证书或经验。"))
    if not posting.working_conditions.strip():
        hints.append(_("建议写明工作时间、班次、社会保险和福利。"))
    if posting.pay_min and posting.occupation_code and posting.pay_unit:
        similar = list(JobPosting.objects.filter(
            status=JobPosting.Status.PUBLISHED, occupation_code=posting.occupation_code,
            pay_unit=posting.pay_unit, pay_min__isnull=False).exclude(pk=posting.pk)
            .values_list("pay_min", flat=True)[:200])
        if len(similar) >= SIMILAR_MIN:
            middle = median(similar)
            if posting.pay_min < middle / 2 or posting.pay_min > middle * 2:
                hints.append(_("薪酬与同职业已发布岗位（中位数 %(m)d 元）差距较大，请核实。")
                             % {"m": int(middle)})
    return hints
