"""Reads of the search app: posting search, recommendations for a seeker, candidates for a
posting, and the explanation of one match. Every read is scoped: a seeker's own résumé, an
employer's own posting; what an actor may not see answers 404."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.accounts.policies import Perm, has_perm
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied
from fairhire.postings.policies import can_edit_posting
from fairhire.postings.selectors import posting_get
from fairhire.profiles.models import Resume
from fairhire.reference.models import CodeKind
from fairhire.reference.selectors import code_get, region_resolve
from fairhire.search.documents import posting_records, resume_records
from fairhire.search.engine import match
from fairhire.search.engine.index import (
    POSTINGS,
    RESUMES,
    education_rank,
    posting_features,
    resume_features,
)
from fairhire.search.engine.query import PostingQuery, SearchPage, search
from fairhire.search.models import SavedSearch
from fairhire.search.services import index_store, match_weights

PER_PAGE = 20
MAX_PAGE = 50


@dataclass
class SearchParams:
    """What a person asks for, as the page and the API receive it (all optional)."""

    q: str = ""
    region: str = ""
    occupation: str = ""
    industry: str = ""
    pay_min: int | None = None  # yuan a month
    pay_max: int | None = None
    education: str = ""  # the seeker's own education: postings asking at most this
    experience: int | None = None  # the seeker's years: postings asking at most this
    employment_type: str = ""
    kind: str = ""
    days: int | None = None  # posted within
    lat: float | None = None
    lon: float | None = None
    km: float | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    def saved(self) -> dict:
        return {k: v for k, v in asdict(self).items()
                if v not in ("", None) and k not in {"page", "per_page"}}


def _code(kind: str, value: str, error_code: str, message: str) -> list[str]:
    value = (value or "").strip()
    if not value:
        return []
    try:
        if kind == CodeKind.REGION:
            return [region_resolve(code=value).region.code]
        return [code_get(kind=kind, code=value).code]
    except NotFound:
        raise InvalidInput(message % {"code": value[:20]}, code=error_code) from None


def build_query(params: SearchParams, *, now: datetime | None = None,
                published_after: int | None = None) -> PostingQuery:
    """Check the filters against the code tables and turn them into an engine query."""
    now = now or timezone.now()
    if params.pay_min is not None and params.pay_max is not None \
            and params.pay_min > params.pay_max:
        raise InvalidInput(_("薪酬下限不能高于上限。"), code="search.pay_range")
    near = None
    if params.lat is not None or params.lon is not None:
        if params.lat is None or params.lon is None:
            raise InvalidInput(_("请同时提供纬度和经度。"), code="search.bad_point")
        near = (params.lat, params.lon, params.km or 10.0)
    after = published_after
    if params.days:
        after = max(after or 0, int(now.timestamp()) - params.days * 86400)
    page = max(1, min(params.page or 1, MAX_PAGE))
    per_page = max(1, min(params.per_page or PER_PAGE, 50))
    return PostingQuery(
        text=params.q or "",
        regions=_code(CodeKind.REGION, params.region, "search.unknown_region",
                      _("没有这个地区：%(code)s。")),
        occupations=_code(CodeKind.OCCUPATION, params.occupation, "search.unknown_occupation",
                          _("没有这个职业：%(code)s。")),
        industries=_code(CodeKind.INDUSTRY, params.industry, "search.unknown_industry",
                         _("没有这个行业：%(code)s。")),
        pay_min=params.pay_min, pay_max=params.pay_max,
        education_max_rank=education_rank(params.education) if params.education else None,
        experience_max=params.experience,
        employment_types=[params.employment_type] if params.employment_type else [],
        kind=params.kind or None, published_after=after, near=near,
        sort=params.sort or "relevance", offset=(page - 1) * per_page, limit=per_page)


def posting_search(*, params: SearchParams, published_after: int | None = None,
                   now: datetime | None = None) -> SearchPage:
    """Published postings matching ``params`` (the index holds only what the public may see)."""
    query = build_query(params, now=now, published_after=published_after)
    return search(index_store(POSTINGS).index(), query)


# --- matching ------------------------------------------------------------------------------------

def _seeker_resume(actor: User, resume_id: int | None) -> Resume:
    if not has_perm(actor, Perm.SEEK):
        raise PermissionDenied(_("推荐只面向求职者。"), code="search.not_seeker")
    resumes = Resume.objects.filter(owner__user=actor)
    resume = resumes.filter(pk=resume_id).first() if resume_id else resumes.first()
    if resume is None:
        raise NotFound(_("先填写一份简历，我们才能为你推荐岗位。"), code="search.no_resume")
    return resume


def seeker_features(resume: Resume) -> dict:
    """The allow-listed fields of the seeker's own résumé, in the scorer's vocabulary (the
    real-name profile is never read)."""
    record = next(iter(resume_records([resume])))
    return match.resume_as_seeker(resume_features(record))


@dataclass
class Recommendation:
    id: int
    match: match.Match
    data: dict = field(default_factory=dict)


def _now() -> int:
    return int(time.time())


def recommendations_for_seeker(*, actor: User, resume_id: int | None = None,
                               limit: int = 20) -> tuple[Resume, list[Recommendation]]:
    resume = _seeker_resume(actor, resume_id)
    matches = match.recommend_postings(index_store(POSTINGS).index(), seeker_features(resume),
                                       weights=match_weights(), now=_now(), limit=limit)
    found = _stored(POSTINGS, [m.id for m in matches])
    return resume, [Recommendation(id=m.id, match=m, data=found.get(m.id, {}))
                    for m in matches]


def match_explain(*, actor: User, posting_id: int, resume_id: int | None = None
                  ) -> tuple[Resume, match.Match]:
    """Why this posting suits the seeker: the score, part by part."""
    resume = _seeker_resume(actor, resume_id)
    posting = posting_get(actor=actor, posting_id=posting_id)
    features = posting_features(next(iter(posting_records([posting]))))
    result = match.score(match.seeker_input(seeker_features(resume)),
                         match.posting_input(features), weights=match_weights(), now=_now(),
                         ident=posting.pk)
    return resume, result


def own_posting(*, actor: User, posting_id: int):
    """A posting the actor's organisation wrote; anything else is 404."""
    posting = posting_get(actor=actor, posting_id=posting_id)
    if not can_edit_posting(actor=actor, posting=posting):
        raise NotFound(_("未找到该招聘信息。"), code="posting.not_found")
    return posting


def candidates_for_posting(*, actor: User, posting_id: int, limit: int = 20,
                           only_ids: list[int] | None = None) -> list[Recommendation]:
    """Searchable résumés that suit the employer's own posting (no name, no contact)."""
    posting = own_posting(actor=actor, posting_id=posting_id)
    features = posting_features(next(iter(posting_records([posting]))))
    matches = match.candidates_for_posting(index_store(RESUMES).index(), features,
                                           weights=match_weights(), now=_now(), limit=limit,
                                           only_ids=only_ids)
    found = _stored(RESUMES, [m.id for m in matches])
    return [Recommendation(id=m.id, match=m, data=found.get(m.id, {})) for m in matches]


def _stored(kind: str, ids: list[int]) -> dict[int, dict]:
    """The display data the index keeps for ``ids``."""
    if not ids:
        return {}
    import json

    import tantivy

    from fairhire.search.engine.index import SCHEMAS

    index = index_store(kind).index()
    searcher = index.searcher()
    result = searcher.search(tantivy.Query.term_set_query(SCHEMAS[kind], "id", ids), len(ids),
                             count=False)
    found = {}
    for _score, address in result.hits:
        doc = searcher.doc(address)
        found[int(doc.get_first("id"))] = json.loads(bytes(doc.get_first("data")))
    return found


def saved_search_list(*, actor: User):
    if not actor.is_authenticated:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(user=actor)


def saved_search_get(*, actor: User, saved_id: int) -> SavedSearch:
    saved = saved_search_list(actor=actor).filter(pk=saved_id).first()
    if saved is None:
        raise NotFound(_("未找到该检索。"), code="search.saved_not_found")
    return saved


def match_weights_for(*, actor: User) -> dict[str, float]:
    if not has_perm(actor, Perm.PLATFORM_OPERATE):
        raise PermissionDenied(_("只有平台运营人员可以查看匹配权重。"), code="search.not_operator")
    return match_weights()


def key_group_active(*, actor: User) -> tuple[object, str] | None:
    """The seeker's own active key-group consent and the group's name, if any."""
    from fairhire.search.models import KeyGroup, KeyGroupConsent

    if not actor.is_authenticated:
        return None
    consent = KeyGroupConsent.objects.filter(user=actor, withdrawn_at=None).first()
    if consent is None:
        return None
    return consent, str(KeyGroup(consent.unseal("group")).label)
