"""Search API: posting search (public), recommendations and their explanations (seekers),
candidates for a posting (its employer), saved searches, and the operator's weights."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from fairhire.core.api import ErrorOut
from fairhire.postings.api import PUBLIC_AUTH
from fairhire.search import selectors, services
from fairhire.search.engine.match import Match

router = Router(tags=["search"])
ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class SearchIn(Schema):
    q: str = Field("", max_length=10_000, description="keywords, Chinese or mixed")
    region: str = Field("", max_length=12, description="region code; a province includes "
                                                       "its cities and counties")
    occupation: str = Field("", max_length=12, description="occupation code or category")
    industry: str = Field("", max_length=5)
    pay_min: int | None = Field(None, ge=0, le=10_000_000, description="yuan a month")
    pay_max: int | None = Field(None, ge=0, le=10_000_000, description="yuan a month")
    education: str = Field("", max_length=4, description="your education code (GB/T 4658): "
                                                         "postings asking at most this")
    experience: int | None = Field(None, ge=0, le=60, description="your years of experience")
    employment_type: str = Field("", max_length=16)
    kind: str = Field("", pattern=r"^(job|gig)?$")
    days: int | None = Field(None, ge=1, le=365, description="posted within N days")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    km: float | None = Field(None, gt=0, le=500)
    sort: str = Field("relevance", pattern=r"^(relevance|newest|pay)$")
    page: int = Field(1, ge=1, le=selectors.MAX_PAGE)
    per_page: int = Field(selectors.PER_PAGE, ge=1, le=50)


class Piece(Schema):
    text: str
    match: bool


class HitOut(Schema):
    id: int
    title: str
    company: str
    region: str
    kind: str
    pay_min: int | None
    pay_max: int | None
    pay_unit: str
    title_highlighted: list[Piece]
    snippet: list[Piece]
    distance_km: float | None
    url: str


class FacetOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    total: int
    page: int
    per_page: int
    hits: list[HitOut]
    facets: dict[str, list[FacetOut]]


def _pieces(pairs) -> list[dict]:
    return [{"text": text, "match": hit} for text, hit in pairs]


def hit_out(hit) -> dict:
    data = hit.data
    pay_min, pay_max, pay_unit = (data.get("pay") or [None, None, ""])
    return {"id": hit.id, "title": data.get("title", ""), "company": data.get("company", ""),
            "region": data.get("region", ""), "kind": data.get("kind", ""),
            "pay_min": pay_min, "pay_max": pay_max, "pay_unit": pay_unit or "",
            "title_highlighted": _pieces(hit.title), "snippet": _pieces(hit.snippet),
            "distance_km": hit.distance_km, "url": f"/search/postings/{hit.id}/"}


@router.get("/postings/search", auth=PUBLIC_AUTH, response={200: SearchOut, **ERRORS},
            url_name="api-posting-search")
def posting_search(request: HttpRequest, filters: Query[SearchIn]):
    """Search published postings: keywords (any text is safe), filters, sorts, facets with
    counts, highlighted snippets, pagination."""
    params = selectors.SearchParams(**filters.dict())
    page = selectors.posting_search(params=params)
    return {"total": page.total, "page": params.page, "per_page": params.per_page,
            "hits": [hit_out(h) for h in page.hits],
            "facets": {name: [{"value": v, "count": c} for v, c in values]
                       for name, values in page.facets.items()}}


class PartOut(Schema):
    name: str
    weight: float
    fraction: float
    points: float
    detail: dict


class MatchOut(Schema):
    id: int
    score: float
    parts: list[PartOut]
    title: str = ""
    summary: str = ""


def match_out(result: Match, data: dict | None = None) -> dict:
    data = data or {}
    return {"id": result.id, "score": result.score,
            "parts": [{"name": p.name, "weight": p.weight, "fraction": p.fraction,
                       "points": p.points / 100, "detail": p.detail} for p in result.parts],
            "title": data.get("title", ""),
            "summary": data.get("company", "") or data.get("skills", "")}


@router.get("/me/recommendations", response={200: list[MatchOut], **ERRORS},
            url_name="api-recommendations")
def recommendations(request: HttpRequest, resume_id: int | None = None):
    """Postings that suit your résumé, best first, each with its score split into parts."""
    _resume, found = selectors.recommendations_for_seeker(actor=request.auth,
                                                          resume_id=resume_id)
    return [match_out(r.match, r.data) for r in found]


@router.get("/me/recommendations/{posting_id}", response={200: MatchOut, **ERRORS},
            url_name="api-recommendation-explain")
def recommendation_explain(request: HttpRequest, posting_id: int, resume_id: int | None = None):
    """Why a posting suits you: its score for your résumé, part by part."""
    _resume, result = selectors.match_explain(actor=request.auth, posting_id=posting_id,
                                              resume_id=resume_id)
    return match_out(result)


@router.get("/postings/{posting_id}/candidates", response={200: list[MatchOut], **ERRORS},
            url_name="api-posting-candidates")
def posting_candidates(request: HttpRequest, posting_id: int):
    """Searchable résumés that suit your posting (no names or contact details)."""
    found = selectors.candidates_for_posting(actor=request.auth, posting_id=posting_id)
    return [match_out(r.match, r.data) for r in found]


class SavedIn(Schema):
    title: str = Field("", max_length=60)
    filters: SearchIn


class SavedOut(Schema):
    id: int
    title: str
    params: dict
    created_at: datetime
    last_alerted_at: datetime | None


@router.get("/me/saved-searches", response={200: list[SavedOut], **ERRORS},
            url_name="api-saved-search-list")
def saved_search_list(request: HttpRequest):
    """Your saved searches."""
    return list(selectors.saved_search_list(actor=request.auth))


@router.post("/me/saved-searches", response={201: SavedOut, **ERRORS},
             url_name="api-saved-search-create")
def saved_search_create(request: HttpRequest, payload: SavedIn):
    """Save a search; new matching postings are announced at most once a day."""
    params = selectors.SearchParams(**payload.filters.dict())
    selectors.build_query(params)  # refuse unknown codes now, not at alert time
    saved = services.saved_search_create(actor=request.auth, title=payload.title,
                                         params=params.saved())
    return Status(201, saved)


@router.delete("/me/saved-searches/{saved_id}", response={204: None, **ERRORS},
               url_name="api-saved-search-delete")
def saved_search_delete(request: HttpRequest, saved_id: int):
    """Delete one of your saved searches."""
    services.saved_search_delete(actor=request.auth, saved_id=saved_id)
    return Status(204, None)


class WeightsIn(Schema):
    weights: dict[str, float]


@router.get("/operator/match-weights", response={200: dict[str, float], **ERRORS},
            url_name="api-match-weights")
def match_weights_get(request: HttpRequest):
    """The matching weights in force (operators)."""
    return selectors.match_weights_for(actor=request.auth)


@router.put("/operator/match-weights", response={200: dict[str, float], **ERRORS},
            url_name="api-match-weights-set")
def match_weights_set(request: HttpRequest, payload: WeightsIn):
    """Change the weights of the match parts (occupation, skills, region, pay, education,
    experience, text, freshness), each 0-100; audited."""
    row = services.match_weights_set(actor=request.auth, weights=payload.weights)
    return row.weights


class KeyGroupIn(Schema):
    group: str = Field(..., pattern=r"^(older|hard_to_employ|disabled|registered_unemployed|"
                                    r"unemployed_graduate)$")


class KeyGroupOut(Schema):
    group: str
    given_at: datetime


@router.put("/me/key-group", response={200: KeyGroupOut, **ERRORS}, url_name="api-key-group")
def key_group_consent(request: HttpRequest, payload: KeyGroupIn):
    """Consent to be recommended first to suitable employers as a member of a key group."""
    consent = services.key_group_consent_give(actor=request.auth, group=payload.group)
    return {"group": payload.group, "given_at": consent.given_at}


@router.delete("/me/key-group", response={204: None, **ERRORS},
               url_name="api-key-group-withdraw")
def key_group_withdraw(request: HttpRequest):
    """Withdraw that consent: you leave every priority list at once."""
    services.key_group_consent_withdraw(actor=request.auth)
    return Status(204, None)


class PriorityOut(MatchOut):
    key_group: str


@router.get("/postings/{posting_id}/priority-candidates",
            response={200: list[PriorityOut], **ERRORS},
            url_name="api-posting-priority-candidates")
def posting_priority_candidates(request: HttpRequest, posting_id: int):
    """Consenting key-group candidates who fit your posting (a separate list; the main
    ranking is unchanged). Each one shown is audited."""
    shown = services.priority_recommendations(actor=request.auth, posting_id=posting_id)
    return [{**match_out(r.match, r.data), "key_group": group} for r, group in shown]
