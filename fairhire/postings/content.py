"""What a posting must say before it is submitted (Regulation Art. 15(1); GN (8) for gigs),
and the snapshots of a posting that versions and the ledger keep."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from fairhire.postings.models import JobPosting, PayUnit, PostingKind
from fairhire.reference.selectors import code_table


def _code_known(kind: str, code: str) -> bool:
    return code_table(kind=kind).objects.filter(code=code, in_force=True).exists()


def content_errors(posting: JobPosting, *, today: date) -> dict[str, str]:
    """Field → message for every piece of required content that is missing or wrong."""
    errors: dict[str, str] = {}
    p = posting
    if not p.title.strip():
        errors["title"] = _("请填写岗位名称。")
    if not p.headcount:
        errors["headcount"] = _("请填写招聘人数（至少 1 人）。")
    if not (p.requirements.strip() or p.education_code or p.experience_years is not None):
        errors["requirements"] = _("请填写任职要求（学历、经验、技能、证书或语言）。")
    elif p.education_code and not _code_known("education", p.education_code):
        errors["education_code"] = _("学历代码不存在。")
    if not p.employment_type:
        errors["employment_type"] = _("请选择用工形式。")
    elif not _code_known("employment-types", p.employment_type):
        errors["employment_type"] = _("用工形式代码不存在。")
    if not p.duties.strip():
        errors["duties"] = _("请填写工作内容。")
    if not p.working_conditions.strip():
        errors["working_conditions"] = _("请填写工作条件（工时、班次、环境、社会保险、福利）。")
    if not p.work_region_code:
        errors["work_region_code"] = _("请选择工作地点所在的行政区划。")
    elif not _code_known("regions", p.work_region_code):
        errors["work_region_code"] = _("行政区划代码不存在或已撤销。")
    if not p.work_address.strip():
        errors["work_address"] = _("请填写工作地址。")
    if p.pay_min is None or p.pay_max is None or not p.pay_unit:
        errors["pay_min"] = _("请填写基本薪酬的下限、上限和单位。")
    elif p.pay_min > p.pay_max:
        errors["pay_min"] = _("薪酬下限不能高于上限。")
    elif p.pay_unit not in PayUnit.values:
        errors["pay_unit"] = _("薪酬单位不正确。")
    if not p.occupation_code:
        errors["occupation_code"] = _("请选择职业。")
    elif not _code_known("occupations", p.occupation_code):
        errors["occupation_code"] = _("职业代码不存在。")
    if p.industry_code and not _code_known("industries", p.industry_code):
        errors["industry_code"] = _("行业代码不存在。")
    if p.valid_until is None:
        errors["valid_until"] = _("请填写有效期。")
    elif p.valid_until < today:
        errors["valid_until"] = _("有效期不能早于今天。")
    if p.kind == PostingKind.GIG:
        if not p.work_period.strip():
            errors["work_period"] = _("零工信息须写明用工时间和期限。")
        if not p.pay_schedule.strip():
            errors["pay_schedule"] = _("零工信息须写明薪酬结算方式。")
        if not p.contact.strip():
            errors["contact"] = _("零工信息须写明招聘时间和联系方式。")
    return errors


CONTENT_FIELDS: tuple[str, ...] = (
    "kind", "title", "headcount", "education_code", "experience_years", "requirements",
    "employment_type", "duties", "working_conditions", "work_region_code", "work_address",
    "pay_min", "pay_max", "pay_unit", "pay_schedule", "occupation_code", "industry_code",
    "work_period", "contact", "entrustment",
)


def content_snapshot(posting: JobPosting) -> dict[str, object]:
    """The posting's content as canonical-JSON-safe values (no floats; dates as text)."""
    data: dict[str, object] = {name: getattr(posting, name) for name in CONTENT_FIELDS}
    data["valid_until"] = posting.valid_until.isoformat() if posting.valid_until else None
    data["latitude"] = str(posting.latitude) if posting.latitude is not None else None
    data["longitude"] = str(posting.longitude) if posting.longitude is not None else None
    data["employer_id"] = posting.employer_id
    data["agency_id"] = posting.agency_id
    return data


def unit_snapshot(posting: JobPosting) -> dict[str, object]:
    """The unit's basic information as published (Regulation Art. 15(1))."""
    e = posting.employer
    return {"name": e.name, "uscc": e.uscc, "unit_type": e.unit_type,
            "address": e.address, "region_code": e.region_code,
            "industry_code": e.industry_code, "size": e.size}


def revision_snapshot(posting: JobPosting, names: tuple[str, ...]) -> dict[str, object]:
    """The written fields ``names`` as JSON-safe values, for a pending revision."""
    data: dict[str, object] = {}
    for name in names:
        value = getattr(posting, name)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        data[name] = value
    return data


def with_revision(posting: JobPosting) -> JobPosting:
    """An unsaved copy of ``posting`` showing its pending revision (or the posting itself
    when there is none): what the employer edits and the reviewer reads."""
    if not posting.revision_status:
        return posting
    shown = copy.copy(posting)
    for name, value in (posting.revision or {}).items():
        if name == "valid_until" and value:
            value = date.fromisoformat(value)
        elif name in ("latitude", "longitude") and value is not None:
            value = Decimal(value)
        setattr(shown, name, value)
    return shown
