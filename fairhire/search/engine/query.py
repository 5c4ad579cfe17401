"""Posting search: a structured query → tantivy query objects (never a query string), hits,
facets with counts and highlighted snippets.

Keywords are segmented into plain terms (``segment.query_terms``) and every term must occur in
the title or the body, so quotes, colons, operators, emoji or 10,000 characters are just text:
nothing a person types can be a syntax error.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

import tantivy

from fairhire.search.engine.index import NONE_GEO, SCHEMAS
from fairhire.search.engine.segment import query_terms

SORTS = ("relevance", "newest", "pay")
FACETS = {"kind": "kind", "employment_type": "etype", "education": "education",
          "region": "region_city", "industry": "industry_top", "occupation": "occupation_mid"}
FACET_SIZE = 12
MAX_WINDOW = 1000  # deepest result reachable by paging
SNIPPET_CHARS = 90
TITLE_BOOST = 3.0
KM_PER_DEGREE = 111.32


@dataclass
class PostingQuery:
    text: str = ""
    regions: list[str] = field(default_factory=list)      # any of; each includes its children
    occupations: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    pay_min: int | None = None  # a month; overlap with the posting's normalised range
    pay_max: int | None = None
    education_max_rank: int | None = None  # postings asking at most this schooling
    experience_max: int | None = None      # postings asking at most this many years
    employment_types: list[str] = field(default_factory=list)
    kind: str | None = None
    published_after: int | None = None  # epoch seconds
    near: tuple[float, float, float] | None = None  # latitude, longitude, kilometres
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20
    facets: bool = True
    snippets: bool = True


@dataclass
class Hit:
    id: int
    score: float
    data: dict
    title: list[tuple[str, bool]] = field(default_factory=list)
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    distance_km: float | None = None


@dataclass
class SearchPage:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    terms: list[str]


def _term(schema, name: str, value) -> tantivy.Query:
    return tantivy.Query.term_query(schema, name, value)


def _any_of(schema, name: str, values: list[str]) -> tantivy.Query:
    return tantivy.Query.term_set_query(schema, name, [v for v in values if v])


def _range(schema, name: str, low=None, high=None, kind=tantivy.FieldType.Integer):
    return tantivy.Query.range_query(schema, name, kind, low, high)


def text_query(schema, terms: list[str]) -> tantivy.Query | None:
    """Every term in the title (boosted) or the body."""
    if not terms:
        return None
    musts = []
    for term in terms:
        musts.append((tantivy.Occur.Must, tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.boost_query(_term(schema, "title_t", term),
                                                             TITLE_BOOST)),
            (tantivy.Occur.Should, _term(schema, "body_t", term)),
        ])))
    return tantivy.Query.boolean_query(musts)


def filter_clauses(schema, query: PostingQuery) -> list[tantivy.Query]:
    clauses: list[tantivy.Query] = []
    if query.regions:
        clauses.append(_any_of(schema, "region", query.regions))
    if query.occupations:
        clauses.append(_any_of(schema, "occupation", query.occupations))
    if query.industries:
        clauses.append(_any_of(schema, "industry", query.industries))
    if query.employment_types:
        clauses.append(_any_of(schema, "etype", query.employment_types))
    if query.kind:
        clauses.append(_term(schema, "kind", query.kind))
    # Pay overlap: the posting's top reaches the wanted minimum and its bottom is within the
    # wanted maximum. Postings without a normalised pay carry -1 and drop out of both.
    if query.pay_min is not None:
        clauses.append(_range(schema, "pay_hi", max(0, query.pay_min), None))
    if query.pay_max is not None:
        clauses.append(_range(schema, "pay_lo", 0, max(0, query.pay_max)))
    if query.education_max_rank is not None:
        clauses.append(_range(schema, "edu_rank", None, query.education_max_rank))
    if query.experience_max is not None:
        clauses.append(_range(schema, "exp", None, query.experience_max))
    if query.published_after is not None:
        clauses.append(_range(schema, "published", query.published_after, None))
    if query.near is not None:
        lat, lon, km = query.near
        dlat = km / KM_PER_DEGREE
        dlon = km / (KM_PER_DEGREE * max(0.01, math.cos(math.radians(lat))))
        clauses.append(_range(schema, "lat", lat - dlat, lat + dlat, tantivy.FieldType.Float))
        clauses.append(_range(schema, "lon", lon - dlon, lon + dlon, tantivy.FieldType.Float))
    return clauses


def build_query(schema, query: PostingQuery, terms: list[str]) -> tantivy.Query:
    clauses = [(tantivy.Occur.Must, q) for q in filter_clauses(schema, query)]
    text = text_query(schema, terms)
    if text is not None:
        clauses.append((tantivy.Occur.Must, text))
    if not clauses:
        return tantivy.Query.all_query()
    return tantivy.Query.boolean_query(clauses)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def term_pattern(terms: list[str]) -> re.Pattern | None:
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None


def highlight(text: str, terms: list[str] | re.Pattern | None, *, window: int | None = None
              ) -> list[tuple[str, bool]]:
    """``text`` (or a window of it around the first match) as (piece, is_match) pairs.

    Plain text pieces, never HTML: the page escapes them and marks the matches.
    """
    if not text:
        return []
    pattern = terms if isinstance(terms, re.Pattern) or terms is None else term_pattern(terms)
    if pattern is None:
        return [(text[:window] if window else text, False)]
    if window:
        first = pattern.search(text)
        start = max(0, (first.start() if first else 0) - window // 3)
        excerpt = text[start:start + window]
        prefix = "…" if start > 0 else ""
        suffix = "…" if start + window < len(text) else ""
        text = prefix + excerpt + suffix
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def total_count(searcher, query: tantivy.Query) -> int:
    result = searcher.aggregate(query, {"kinds": {"terms": {"field": "kind", "size": 10}}})
    return sum(b["doc_count"] for b in result.get("kinds", {}).get("buckets", []))


def facet_counts(searcher, query: tantivy.Query) -> dict[str, list[tuple[str, int]]]:
    spec = {name: {"terms": {"field": field_name, "size": FACET_SIZE}}
            for name, field_name in FACETS.items()}
    result = searcher.aggregate(query, spec)
    return {name: [(b["key"], b["doc_count"]) for b in result.get(name, {}).get("buckets", [])
                   if b["key"]]
            for name in FACETS}


def search(index: tantivy.Index, query: PostingQuery, *, kind: str = "postings") -> SearchPage:
    schema = SCHEMAS[kind]
    terms = query_terms(query.text)
    tq = build_query(schema, query, terms)
    searcher = index.searcher()
    limit = max(1, min(query.limit, 100))
    offset = max(0, min(query.offset, MAX_WINDOW))
    sort = query.sort if query.sort in SORTS else "relevance"
    if sort == "relevance" and not terms:
        sort = "newest"
    # Top hits without counting (so tantivy may skip blocks that cannot reach the top), and the
    # total from an aggregation, which needs no scores: every document has exactly one kind.
    if sort == "newest":
        result = searcher.search(tq, limit, count=False, order_by_field="published",
                                 offset=offset)
    elif sort == "pay":
        result = searcher.search(tq, limit, count=False, order_by_field="pay_hi",
                                 offset=offset)
    else:
        result = searcher.search(tq, limit, count=False, offset=offset)
    hits: list[Hit] = []
    pattern = term_pattern(terms)
    for score, address in result.hits:
        doc = searcher.doc(address)
        data = json.loads(bytes(doc.get_first("data")))
        hit = Hit(id=int(doc.get_first("id")), score=float(score), data=data)
        if query.snippets:
            hit.title = highlight(data.get("title", ""), pattern)
            hit.snippet = highlight(data.get("body", ""), pattern, window=SNIPPET_CHARS)
        if query.near is not None:
            features = json.loads(bytes(doc.get_first("feat")))
            if features.get("lat") not in (None, NONE_GEO):
                hit.distance_km = round(distance_km(query.near[0], query.near[1],
                                                    features["lat"], features["lon"]), 1)
        hits.append(hit)
    if query.facets:
        facets = facet_counts(searcher, tq)
        total = sum(count for _kind, count in facets["kind"])
    else:
        facets = {}
        total = total_count(searcher, tq)
    return SearchPage(total=total, hits=hits, facets=facets, terms=terms)


def ids(index: tantivy.Index, *, kind: str = "postings") -> set[int]:
    """Every id in the index (for ``search_check``)."""
    searcher = index.searcher()
    total = searcher.num_docs
    if not total:
        return set()
    result = searcher.search(tantivy.Query.all_query(), total, count=False)
    return {int(searcher.doc(address).get_first("id")) for _score, address in result.hits}
