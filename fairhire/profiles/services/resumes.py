"""Résumés and gig cards (Regulation Art. 16: basic information, education, skills, work
experience; gig notice (8): skill level, expected pay)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied
from fairhire.profiles.models import (
    Availability,
    Certificate,
    Education,
    EducationLevel,
    EmploymentType,
    GigCard,
    LanguageSkill,
    Resume,
    SeekerProfile,
    SkillLevel,
    WorkExperience,
)
from fairhire.profiles.policies import can_edit_resume, can_keep_profile
from fairhire.search.outbox import outbox_record

REGION = re.compile(r"\d{6}")
MAX_RESUMES = 5
MAX_ENTRIES = 20
DATE_FIELDS = frozenset({"start", "end", "obtained"})


@dataclass
class ResumeData:
    """Everything a résumé holds; sub-entries are dicts with the child models' field names."""

    title: str
    visibility: str = Resume.Visibility.APPLIED_ONLY
    skills: str = ""
    skill_codes: list[str] = field(default_factory=list)
    expected_occupations: list[str] = field(default_factory=list)
    expected_regions: list[str] = field(default_factory=list)
    employment_types: list[str] = field(default_factory=list)
    pay_min: int | None = None
    pay_max: int | None = None
    availability: str = ""
    self_intro: str = ""
    education: list[dict] = field(default_factory=list)
    work: list[dict] = field(default_factory=list)
    certificates: list[dict] = field(default_factory=list)
    languages: list[dict] = field(default_factory=list)


def _own_profile(actor) -> SeekerProfile:
    if not can_keep_profile(actor=actor):
        raise PermissionDenied(_("只有求职者可以使用此功能。"), code="profiles.not_seeker")
    profile = SeekerProfile.objects.filter(user=actor, status=SeekerProfile.Status.ACTIVE).first()
    if profile is None:
        raise NotFound(_("请先完成实名注册。"), code="profiles.no_profile")
    return profile


def _invalid(message: str, code: str, field_name: str):
    return InvalidInput(message, code=f"profiles.{code}", field=field_name)


def _check_dates(entries: list[dict], section: str, today: date) -> None:
    for entry in entries:
        start, end = entry.get("start"), entry.get("end")
        if start and end and start > end:
            raise _invalid(_("结束日期不能早于开始日期。"), "dates_reversed", section)
        if start and start > today:
            raise _invalid(_("开始日期不能晚于今天。"), "date_future", section)


def _validate(data: ResumeData, *, today: date) -> None:
    if not data.title.strip():
        raise _invalid(_("请给简历起个名称。"), "resume_title", "title")
    if data.visibility not in Resume.Visibility.values:
        raise _invalid(_("可见范围不正确。"), "resume_visibility", "visibility")
    bad_types = set(data.employment_types) - set(EmploymentType.values)
    if bad_types:
        raise _invalid(_("工作性质不正确。"), "employment_type", "employment_types")
    if any(not REGION.fullmatch(code) for code in data.expected_regions):
        raise _invalid(_("期望地区应为六位行政区划代码。"), "region_code", "expected_regions")
    if data.availability and data.availability not in Availability.values:
        raise _invalid(_("到岗时间不正确。"), "availability", "availability")
    if data.pay_min is not None and data.pay_max is not None and data.pay_min > data.pay_max:
        raise _invalid(_("期望薪资下限不能高于上限。"), "pay_range", "pay_min")
    for section in ("education", "work", "certificates", "languages"):
        if len(getattr(data, section)) > MAX_ENTRIES:
            raise _invalid(_("条目过多。"), "too_many_entries", section)
    if any(e.get("level") not in EducationLevel.values or not str(e.get("school", "")).strip()
           for e in data.education):
        raise _invalid(_("请选择学历（GB/T 4658）并填写学校。"), "education", "education")
    if any(not str(e.get("employer", "")).strip() or not str(e.get("position", "")).strip()
           for e in data.work):
        raise _invalid(_("请填写工作单位和职位。"), "work", "work")
    if any(e.get("level") not in LanguageSkill.Level.values for e in data.languages):
        raise _invalid(_("语言水平不正确。"), "language_level", "languages")
    _check_dates(data.education, "education", today)
    _check_dates(data.work, "work", today)


_CHILDREN = {
    "education": (Education, ("level", "school", "major", "start", "end")),
    "work": (WorkExperience, ("employer", "position", "start", "end", "duties")),
    "certificates": (Certificate, ("title", "issuer", "obtained")),
    "languages": (LanguageSkill, ("language", "level")),
}


@transaction.atomic
def resume_save(*, actor, data: ResumeData, resume: Resume | None = None,
                now: datetime | None = None) -> Resume:
    """Create a résumé, or replace one of the seeker's own résumés with ``data`` entirely."""
    now = now or timezone.now()
    profile = _own_profile(actor)
    if resume is not None and not can_edit_resume(actor=actor, resume=resume):
        raise NotFound(_("未找到该简历。"), code="profiles.resume_not_found")
    if resume is None and profile.resumes.count() >= MAX_RESUMES:
        raise _invalid(_("最多保存 %(n)d 份简历。") % {"n": MAX_RESUMES}, "too_many_resumes",
                       "title")
    _validate(data, today=timezone.localdate(now))
    resume = resume or Resume(owner=profile, created_at=now)
    for name in ("visibility", "skill_codes", "expected_occupations", "expected_regions",
                 "employment_types", "pay_min", "pay_max", "availability"):
        setattr(resume, name, getattr(data, name))
    resume.title = data.title.strip()
    resume.skills = data.skills.strip()
    resume.self_intro = data.self_intro.strip()
    resume.updated_at = now
    resume.full_clean(exclude=["owner"])
    resume.save()
    for section, (model, names) in _CHILDREN.items():
        model.objects.filter(resume=resume).delete()
        model.objects.bulk_create(
            model(resume=resume, **{n: entry.get(n) or (None if n in DATE_FIELDS else "")
                                    for n in names})
            for entry in getattr(data, section))
    audit_record(action=AuditAction.RESUME_SAVED, actor=actor, target=resume, now=now)
    outbox_record(kind="resume", object_id=resume.pk)  # visibility decides what is indexed
    return resume


@transaction.atomic
def resume_delete(*, actor, resume: Resume, now: datetime | None = None) -> None:
    if not can_edit_resume(actor=actor, resume=resume):
        raise NotFound(_("未找到该简历。"), code="profiles.resume_not_found")
    audit_record(action=AuditAction.RESUME_DELETED, actor=actor, target=resume, now=now)
    outbox_record(kind="resume", object_id=resume.pk)
    resume.delete()


@transaction.atomic
def gig_card_save(*, actor, work_types: str, skill_level: int, daily_pay: int,
                  districts: list[str], hours: str, now: datetime | None = None) -> GigCard:
    """Create or update the seeker's gig card (gig notice (8): skill level, expected pay)."""
    now = now or timezone.now()
    profile = _own_profile(actor)
    if not work_types.strip():
        raise _invalid(_("请填写可从事的工作。"), "gig_work_types", "work_types")
    if skill_level not in SkillLevel.values:
        raise _invalid(_("职业技能等级应为一至五级或无。"), "gig_skill_level", "skill_level")
    if daily_pay is None or not 0 < daily_pay <= 100_000:
        raise _invalid(_("请填写期望日薪（元）。"), "gig_daily_pay", "daily_pay")
    if not districts or any(not REGION.fullmatch(code) for code in districts):
        raise _invalid(_("请填写六位区县代码。"), "gig_districts", "districts")
    if not hours.strip():
        raise _invalid(_("请填写可工作时间。"), "gig_hours", "hours")
    card, _created = GigCard.objects.update_or_create(owner=profile, defaults={
        "work_types": work_types.strip(), "skill_level": skill_level, "daily_pay": daily_pay,
        "districts": list(districts), "hours": hours.strip(), "updated_at": now})
    audit_record(action=AuditAction.GIG_CARD_SAVED, actor=actor, target=card, now=now)
    return card
