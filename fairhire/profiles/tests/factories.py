"""Seeker factories: valid by default, built through the real sign-up service."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from fairhire.accounts.tests.factories import PASSWORD
from fairhire.orgs.identifiers import id_check_char
from fairhire.privacy.notices import ConsentKind
from fairhire.profiles import services
from fairhire.profiles.models import SeekerProfile

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
_counter = itertools.count(1)


def id_number(birth: str = "19900517", region: str = "110105", seq: int | None = None) -> str:
    """A valid GB 11643 ID number; a different one on each call unless ``seq`` is given."""
    first17 = f"{region}{birth}{(seq if seq is not None else next(_counter)) % 1000:03d}"
    return first17 + id_check_char(first17)


def phone(n: int | None = None) -> str:
    return f"138{(n if n is not None else next(_counter)) % 100_000_000:08d}"


def make_seeker(**overrides) -> SeekerProfile:
    n = next(_counter)
    data = {
        "username": f"seeker-{n}", "password": PASSWORD, "real_name": "张三丰",
        "id_number": id_number(seq=n), "phone": phone(n), "email": f"seeker{n}@example.com",
        "address": "北京市海淀区中关村大街 27 号", "consents": [ConsentKind.GENERAL,
                                                          ConsentKind.ID_NUMBER],
        "now": NOW,
    }
    data.update(overrides)
    return services.seeker_sign_up(**data)


def resume_data(**overrides) -> services.ResumeData:
    data = {
        "title": "仓储物流岗位简历", "visibility": "searchable", "skills": "叉车驾驶，仓库盘点",
        "skill_codes": ["4-02-06-01"], "expected_occupations": ["仓储管理员"],
        "expected_regions": ["110108"], "employment_types": ["full_time"], "pay_min": 6000,
        "pay_max": 8000, "availability": "now", "self_intro": "五年仓储经验，持叉车证。",
        "education": [{"level": "31", "school": "北京市某职业学院", "major": "物流管理"}],
        "work": [{"employer": "某物流公司", "position": "仓管员", "duties": "出入库"}],
        "certificates": [{"title": "叉车司机证", "issuer": "市场监管部门"}],
        "languages": [{"language": "普通话", "level": "native"}],
    }
    data.update(overrides)
    return services.ResumeData(**data)
