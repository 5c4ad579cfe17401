"""Matches explained in words a person understands: one sentence per part of the score."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fairhire.search.engine.match import Match, Part

LABELS = {
    "occupation": gettext_lazy("职业契合"), "skills": gettext_lazy("技能重合"),
    "region": gettext_lazy("地区与距离"), "pay": gettext_lazy("薪酬契合"),
    "education": gettext_lazy("学历要求"), "experience": gettext_lazy("经验要求"),
    "text": gettext_lazy("描述相似"), "freshness": gettext_lazy("信息新鲜度"),
}


def _sentence(part: Part) -> str:
    d = part.detail
    if part.name == "occupation":
        return {4: _("同一职业"), 3: _("同一小类职业"), 2: _("同一中类职业")}.get(
            d.get("level"), _("职业不同") if not part.fraction else _("职业相近"))
    if part.name == "skills":
        common = d.get("common") or []
        return _("共同技能：%(s)s") % {"s": "、".join(common)} if common else _("没有共同技能")
    if part.name == "region":
        text = {3: _("在期望的区县"), 2: _("在期望的城市"), 1: _("在期望的省份")}.get(
            d.get("level"), _("不在期望地区"))
        if part.fraction == 1 and d.get("level"):
            text = _("在期望地区")
        if "km" in d:
            text += _("，距离约 %(km)s 公里") % {"km": d["km"]}
        return text
    if part.name == "pay":
        if not d.get("known"):
            return _("薪酬信息不全，按一半计")
        return _("薪酬达到期望") if not d.get("short") else \
            _("比期望低 %(n)s 元/月") % {"n": d["short"]}
    if part.name == "education":
        return _("学历符合要求") if not d.get("gap") else _("学历低于要求")
    if part.name == "experience":
        return _("经验符合要求") if not d.get("short") else \
            _("经验比要求少 %(n)s 年") % {"n": d["short"]}
    if part.name == "text":
        return _("岗位描述与简历的相似程度")
    return _("%(d)s 天前更新") % {"d": d.get("days", 0)}


def explain(result: Match) -> list[dict]:
    return [{"name": p.name, "label": str(LABELS[p.name]), "points": p.points / 100,
             "max": p.weight, "sentence": _sentence(p)} for p in result.parts]
