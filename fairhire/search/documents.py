"""From database rows to the engine's records: what of a posting or a résumé may be indexed.

A résumé contributes only the fields its owner made searchable (visibility "searchable") and,
of those, only the allow-list below: never the name, contact details, ID number, birth date,
address, or anything of the real-name profile. Free text is stripped of anything that looks
like a phone number, an ID number or an e-mail address before it is indexed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fairhire.postings.models import JobPosting
from fairhire.postings.policies import posting_visible_to
from fairhire.profiles.models import Resume, SeekerProfile
from fairhire.reference.models import CodeKind
from fairhire.reference.selectors import code_table
from fairhire.search.engine.index import PostingRecord, ResumeRecord, education_rank

_CONTACTISH = re.compile(r"\d[\d\s\-]{5,}[\dXx]|[\w.+-]+@[\w-]+(\.[\w-]+)+")
RESUME_FIELDS = ("title", "skills", "self_intro", "skill_codes", "expected_occupations",
                 "expected_regions", "employment_types", "pay_min", "pay_max", "updated_at")


def scrub(text: str) -> str:
    return _CONTACTISH.sub("…", text or "")


class Paths:
    """Ancestor paths of codes, fetched once per batch."""

    def __init__(self, kind: str) -> None:
        self.model = code_table(kind=kind)
        self.cache: dict[str, tuple[list[str], str]] = {}

    def load(self, codes: Iterable[str]) -> None:
        wanted = {c for c in codes if c and c not in self.cache}
        if not wanted:
            return
        rows = self.model.objects.filter(code__in=wanted).values_list("code", "path", "name")
        names = {}
        for code, path, name in rows:
            self.cache[code] = ([c for c in path.strip("/").split("/") if c], name)
            names[code] = name
        for code in wanted - set(names):
            self.cache[code] = ([code], "")

    def path(self, code: str) -> list[str]:
        if not code:
            return []
        self.load([code])
        return self.cache[code][0]

    def names(self, code: str) -> str:
        path = self.path(code)
        self.load(path)
        return "".join(self.cache[c][1] for c in path)


def _epoch(moment) -> int:
    return int(moment.timestamp()) if moment else 0


def indexable_postings(ids: Iterable[int] | None = None):
    """Postings the public may see (published, employer in good standing): exactly these are
    in the index."""
    postings = posting_visible_to(None).select_related("employer").order_by("pk")
    return postings if ids is None else postings.filter(pk__in=list(ids))


def posting_records(postings: Iterable[JobPosting]) -> Iterable[PostingRecord]:
    regions, occupations = Paths(CodeKind.REGION), Paths(CodeKind.OCCUPATION)
    industries = Paths(CodeKind.INDUSTRY)
    for p in postings:
        yield PostingRecord(
            id=p.pk, title=p.title, kind=p.kind,
            company=(p.unit_snapshot or {}).get("name") or p.employer.name,
            body="\n".join(x for x in (p.duties, p.working_conditions, p.work_period) if x),
            requirements=p.requirements,
            region_path=regions.path(p.work_region_code),
            region_name=regions.names(p.work_region_code),
            occupation_path=occupations.path(p.occupation_code),
            industry_path=industries.path(p.industry_code),
            education_code=p.education_code, experience_years=p.experience_years,
            employment_type=p.employment_type, pay_min=p.pay_min, pay_max=p.pay_max,
            pay_unit=p.pay_unit or "month", published=_epoch(p.published_at),
            lat=float(p.latitude) if p.latitude is not None else None,
            lon=float(p.longitude) if p.longitude is not None else None)


def indexable_resumes(ids: Iterable[int] | None = None):
    resumes = Resume.objects.filter(visibility=Resume.Visibility.SEARCHABLE,
                                    owner__status=SeekerProfile.Status.ACTIVE).order_by("pk")
    resumes = resumes.only(*RESUME_FIELDS).prefetch_related("education", "work",
                                                            "certificates")
    return resumes if ids is None else resumes.filter(pk__in=list(ids))


def _years(work) -> int:
    days = sum(((w.end or w.start) - w.start).days for w in work if w.start)
    return max(0, days // 365)


def resume_records(resumes: Iterable[Resume]) -> Iterable[ResumeRecord]:
    regions, occupations = Paths(CodeKind.REGION), Paths(CodeKind.OCCUPATION)
    for r in resumes:
        education = list(r.education.all())
        work = list(r.work.all())
        best = max((e.level for e in education), key=education_rank, default="")
        certificates = " ".join(c.title for c in r.certificates.all())
        yield ResumeRecord(
            id=r.pk, title=r.title,
            skills=f"{r.skills} {certificates}".strip(),
            body=scrub("\n".join([r.self_intro, *(f"{w.position} {w.duties}" for w in work)])),
            region_paths=[regions.path(c) for c in r.expected_regions or [] if c],
            occupation_paths=[occupations.path(c) for c in
                              [*(r.expected_occupations or []), *(r.skill_codes or [])] if c],
            employment_types=list(r.employment_types or []),
            pay_min=r.pay_min, pay_max=r.pay_max, education_code=best,
            experience_years=_years(work), updated=_epoch(r.updated_at))
