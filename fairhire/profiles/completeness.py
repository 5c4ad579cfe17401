"""How complete a résumé is, and what is missing (shown to the seeker; Regulation Art. 16)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from fairhire.profiles.models import Resume

SECTIONS = [
    ("education", _("教育经历"), lambda r: r.education.exists()),
    ("work", _("工作经历"), lambda r: r.work.exists()),
    ("skills", _("技能"), lambda r: bool(r.skills.strip() or r.skill_codes)),
    ("certificates", _("证书或执照"), lambda r: r.certificates.exists()),
    ("languages", _("语言能力"), lambda r: r.languages.exists()),
    ("occupations", _("期望职业"), lambda r: bool(r.expected_occupations)),
    ("regions", _("期望地区"), lambda r: bool(r.expected_regions)),
    ("employment_types", _("工作性质"), lambda r: bool(r.employment_types)),
    ("pay", _("期望薪资"), lambda r: r.pay_min is not None or r.pay_max is not None),
    ("availability", _("到岗时间"), lambda r: bool(r.availability)),
    ("self_intro", _("自我介绍"), lambda r: bool(r.self_intro.strip())),
]


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list[tuple[str, str]]  # (section code, label)


def resume_completeness(resume: Resume) -> Completeness:
    missing = [(code, str(label)) for code, label, filled in SECTIONS if not filled(resume)]
    done = len(SECTIONS) - len(missing)
    return Completeness(percent=round(done * 100 / len(SECTIONS)), missing=missing)
