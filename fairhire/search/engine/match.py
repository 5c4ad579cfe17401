"""Person–job matching, both ways, with an explanation whose parts add up to the score.

The scorer sees only the fields named in ``SEEKER_FIELDS`` and ``POSTING_FIELDS``: inputs are
copied field by field from an allow-list into frozen dataclasses, so a protected attribute
(``PROTECTED``) handed in by mistake is dropped before any arithmetic and can never change a
score or an order (the counterfactual tests in ``search/tests/test_fairness.py`` prove it).

Each part is ``weight × fraction`` with the fraction in [0, 1], kept in hundredths of a point as
an integer, and the score is their sum, so the parts shown to a person add up exactly.

Candidates are first retrieved from the index (occupation, region and skill terms), then every
retrieved document is scored here; the ranking is the score, ties broken by id.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import tantivy

from fairhire.search.engine.index import SCHEMAS
from fairhire.search.engine.query import distance_km

DEFAULT_WEIGHTS: dict[str, float] = {
    "occupation": 30, "skills": 20, "region": 15, "pay": 10, "education": 8,
    "experience": 7, "text": 5, "freshness": 5,
}
PARTS = tuple(DEFAULT_WEIGHTS)

SEEKER_FIELDS = ("occupations", "regions", "pay_lo", "pay_hi", "edu", "exp", "etypes",
                 "skills", "terms", "lat", "lon", "updated")
POSTING_FIELDS = ("occupation", "region", "lat", "lon", "pay_lo", "pay_hi", "edu", "exp",
                  "etype", "skills", "terms", "published")
# Never read by the scorer (Employment Promotion Law Arts 3, 27-31; Regulation Art. 15(2)).
PROTECTED = ("gender", "age", "birth_date", "ethnicity", "religion", "hukou",
             "marital_status", "health", "disability", "name", "id_number", "photo",
             "key_group")

OCCUPATION_LEVELS = {4: 1.0, 3: 0.7, 2: 0.4}  # same detailed occupation / minor / middle
FRESH_DAYS, STALE_DAYS = 3, 60
POOL = 100  # retrieved from the index and scored, per request


@dataclass(frozen=True)
class Seeker:
    occupations: tuple[tuple[str, ...], ...] = ()
    regions: tuple[tuple[str, ...], ...] = ()
    pay_lo: int | None = None
    pay_hi: int | None = None
    edu: int = 0
    exp: int | None = None
    etypes: tuple[str, ...] = ()
    skills: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    lat: float | None = None
    lon: float | None = None
    updated: int = 0


@dataclass(frozen=True)
class Posting:
    occupation: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    pay_lo: int | None = None
    pay_hi: int | None = None
    edu: int = 0
    exp: int | None = None
    etype: str = ""
    skills: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    published: int = 0


def _geo(value) -> float | None:
    return None if value is None or value <= -900 else float(value)


def seeker_input(record: Mapping) -> Seeker:
    """Copy only the allow-listed fields of ``record`` (anything else is ignored)."""
    get = {name: record.get(name) for name in SEEKER_FIELDS}
    return Seeker(
        occupations=tuple(tuple(p) for p in get["occupations"] or ()),
        regions=tuple(tuple(p) for p in get["regions"] or ()),
        pay_lo=get["pay_lo"], pay_hi=get["pay_hi"], edu=int(get["edu"] or 0), exp=get["exp"],
        etypes=tuple(get["etypes"] or ()), skills=frozenset(get["skills"] or ()),
        terms=frozenset(get["terms"] or ()), lat=_geo(get["lat"]), lon=_geo(get["lon"]),
        updated=int(get["updated"] or 0))


def posting_input(record: Mapping) -> Posting:
    get = {name: record.get(name) for name in POSTING_FIELDS}
    return Posting(
        occupation=tuple(get["occupation"] or ()), region=tuple(get["region"] or ()),
        lat=_geo(get["lat"]), lon=_geo(get["lon"]), pay_lo=get["pay_lo"],
        pay_hi=get["pay_hi"], edu=int(get["edu"] or 0), exp=get["exp"],
        etype=get["etype"] or "", skills=frozenset(get["skills"] or ()),
        terms=frozenset(get["terms"] or ()), published=int(get["published"] or 0))


@dataclass(frozen=True)
class Part:
    name: str
    weight: float
    fraction: float
    points: int  # hundredths of a point
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    id: int
    points: int  # hundredths; == sum(part.points)
    parts: tuple[Part, ...]

    @property
    def score(self) -> float:
        return self.points / 100


def _common_depth(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    depth = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        depth += 1
    return depth


def _occupation(seeker: Seeker, posting: Posting) -> tuple[float, dict]:
    best, level = 0.0, 0
    for wanted in seeker.occupations:
        if not wanted or not posting.occupation:
            continue
        if posting.occupation[:len(wanted)] == wanted:
            fraction, depth = 1.0, len(posting.occupation)  # within the category asked for
        else:
            depth = _common_depth(wanted, posting.occupation)
            fraction = OCCUPATION_LEVELS.get(depth, 0.0)
        if fraction > best:
            best, level = fraction, depth
    return best, {"level": level}


def _overlap(wanted: frozenset[str], offered: frozenset[str], cap: int) -> tuple[float, dict]:
    if not offered:
        return 0.0, {"common": []}
    common = sorted(wanted & offered)
    return min(1.0, len(common) / max(1, min(len(offered), cap))), {"common": common[:8]}


def _region(seeker: Seeker, posting: Posting) -> tuple[float, dict]:
    best, detail = 0.0, {"level": 0}
    for wanted in seeker.regions:
        if not wanted or not posting.region:
            continue
        if posting.region[:len(wanted)] == wanted:
            fraction, level = 1.0, len(wanted)
        else:
            level = _common_depth(wanted, posting.region)
            fraction = {2: 0.6, 1: 0.3}.get(level, 0.0)
        if fraction > best:
            best, detail = fraction, {"level": level}
    if None not in (seeker.lat, seeker.lon, posting.lat, posting.lon):
        km = distance_km(seeker.lat, seeker.lon, posting.lat, posting.lon)
        near = 1.0 if km <= 5 else max(0.0, 1 - (km - 5) / 45)
        detail = {**detail, "km": round(km, 1)}
        best = max(best, near)
    return best, detail


def _pay(seeker: Seeker, posting: Posting) -> tuple[float, dict]:
    if seeker.pay_lo is None or posting.pay_hi is None or posting.pay_hi < 0:
        return 0.5, {"known": False}
    if posting.pay_hi >= seeker.pay_lo:
        return 1.0, {"known": True, "short": 0}
    short = seeker.pay_lo - posting.pay_hi
    return max(0.0, 1 - 2 * short / max(1, seeker.pay_lo)), {"known": True, "short": short}


def _education(seeker: Seeker, posting: Posting) -> tuple[float, dict]:
    gap = posting.edu - seeker.edu
    return (1.0 if gap <= 0 else max(0.0, 1 - 0.35 * gap)), {"gap": max(0, gap)}


def _experience(seeker: Seeker, posting: Posting) -> tuple[float, dict]:
    need = posting.exp or 0
    have = seeker.exp or 0
    if need <= 0 or have >= need:
        return 1.0, {"short": 0}
    return have / need, {"short": need - have}


def _text(seeker: Seeker, posting: Posting) -> tuple[float, dict]:
    if not seeker.terms or not posting.terms:
        return 0.0, {}
    common = len(seeker.terms & posting.terms)
    return min(1.0, common / math.sqrt(len(seeker.terms) * len(posting.terms))), {}


def _freshness(moment: int, now: int) -> tuple[float, dict]:
    days = max(0.0, (now - moment) / 86400) if moment else STALE_DAYS
    if days <= FRESH_DAYS:
        return 1.0, {"days": int(days)}
    return max(0.0, 1 - (days - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS)), {"days": int(days)}


def _fractions(seeker: Seeker, posting: Posting, now: int, fresh_from: str) -> dict:
    return {
        "occupation": _occupation(seeker, posting),
        "skills": _overlap(seeker.skills | seeker.terms, posting.skills, cap=8),
        "region": _region(seeker, posting),
        "pay": _pay(seeker, posting),
        "education": _education(seeker, posting),
        "experience": _experience(seeker, posting),
        "text": _text(seeker, posting),
        "freshness": _freshness(posting.published if fresh_from == "posting"
                                else seeker.updated, now),
    }


def _part_points(weight: float, fraction: float) -> int:
    return round(weight * fraction * 100)


def _weights(weights: Mapping[str, float]) -> list[tuple[str, float]]:
    return [(name, float(weights.get(name, DEFAULT_WEIGHTS[name]))) for name in PARTS]


def score(seeker: Seeker, posting: Posting, *, weights: Mapping[str, float], now: int,
          ident: int = 0, fresh_from: str = "posting") -> Match:
    """Score one pair. ``fresh_from``: whose date counts as freshness (the posting's when
    recommending postings, the résumé's when finding candidates)."""
    fractions = _fractions(seeker, posting, now, fresh_from)
    parts = []
    for name, weight in _weights(weights):
        fraction, detail = fractions[name]
        parts.append(Part(name=name, weight=weight, fraction=round(fraction, 4),
                          points=_part_points(weight, fraction), detail=detail))
    return Match(id=ident, points=sum(p.points for p in parts), parts=tuple(parts))


def _best(pairs, *, weights: Mapping[str, float], now: int, limit: int, fresh_from: str
          ) -> list[Match]:
    """Rank a pool by points alone, then explain only the ``limit`` best (the same arithmetic
    as ``score``, so the explained points are the ranked points)."""
    table = _weights(weights)
    ranked = []
    for ident, seeker, posting in pairs:
        fractions = _fractions(seeker, posting, now, fresh_from)
        points = sum(_part_points(w, fractions[name][0]) for name, w in table)
        ranked.append((-points, ident, seeker, posting))
    ranked.sort(key=lambda row: (row[0], row[1]))
    return [score(seeker, posting, weights=weights, now=now, ident=ident,
                  fresh_from=fresh_from) for _p, ident, seeker, posting in ranked[:limit]]


def rank(matches: list[Match]) -> list[Match]:
    return sorted(matches, key=lambda m: (-m.points, m.id))


# --- retrieval from the index ----------------------------------------------------------------

def _should(schema, field_name: str, values, boost: float) -> list:
    return [(tantivy.Occur.Should,
             tantivy.Query.boost_query(tantivy.Query.term_query(schema, field_name, v), boost))
            for v in values if v]


def _retrieve(index: tantivy.Index, kind: str, *, occupations, regions, terms,
              only_ids: list[int] | None, pool: int) -> list[tuple[int, dict]]:
    schema = SCHEMAS[kind]
    shoulds = []
    for path in occupations:
        for depth, code in enumerate(path[1:], 2):
            shoulds += _should(schema, "occupation", [code], {2: 1.0, 3: 2.0}.get(depth, 4.0))
    for path in regions:
        shoulds += _should(schema, "region", path[-1:], 1.5)
    for term in list(terms)[:20]:
        shoulds += _should(schema, "title_t", [term], 0.5)
    query = tantivy.Query.boolean_query(shoulds) if shoulds else tantivy.Query.all_query()
    if only_ids is not None:
        query = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_set_query(schema, "id", list(only_ids)))])
    searcher = index.searcher()
    if shoulds:
        result = searcher.search(query, pool, count=False)
    else:
        result = searcher.search(query, pool, count=False, order_by_field="published")
    found = []
    for _score, address in result.hits:
        doc = searcher.doc(address)
        found.append((int(doc.get_first("id")),
                      json.loads(bytes(doc.get_first("feat")).decode())))
    return found


def recommend_postings(index: tantivy.Index, seeker_record: Mapping, *,
                       weights: Mapping[str, float], now: int, limit: int = 20,
                       pool: int = POOL) -> list[Match]:
    """The best postings for a seeker (their résumé's allow-listed fields)."""
    seeker = seeker_input(seeker_record)
    found = _retrieve(index, "postings", occupations=seeker.occupations,
                      regions=seeker.regions, terms=seeker.skills | seeker.terms,
                      only_ids=None, pool=pool)
    return _best(((pid, seeker, posting_input(features)) for pid, features in found),
                 weights=weights, now=now, limit=limit, fresh_from="posting")


def resume_as_seeker(features: Mapping) -> dict:
    """A résumé's stored features in the scorer's seeker vocabulary."""
    return {"occupations": features.get("occupations"), "regions": features.get("regions"),
            "pay_lo": features.get("pay_lo"), "pay_hi": features.get("pay_hi"),
            "edu": features.get("edu"), "exp": features.get("exp"),
            "etypes": features.get("etypes"), "skills": features.get("skills"),
            "terms": features.get("terms"), "updated": features.get("updated")}


def candidates_for_posting(index: tantivy.Index, posting_record: Mapping, *,
                           weights: Mapping[str, float], now: int, limit: int = 20,
                           pool: int = POOL, only_ids: list[int] | None = None
                           ) -> list[Match]:
    """The best résumés for a posting (from the résumé index: searchable résumés only)."""
    posting = posting_input(posting_record)
    found = _retrieve(index, "resumes", occupations=[posting.occupation] if posting.occupation
                      else [], regions=[posting.region] if posting.region else [],
                      terms=posting.skills | posting.terms, only_ids=only_ids, pool=pool)
    return _best(((rid, seeker_input(resume_as_seeker(features)), posting)
                  for rid, features in found),
                 weights=weights, now=now, limit=limit, fresh_from="seeker")
