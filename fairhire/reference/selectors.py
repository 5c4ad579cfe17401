"""Reads of the code tables: pickers' search, look-ups, and the trees other apps need.

Code tables are public reference data (no personal information), so these take no actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from fairhire.core.errors import NotFound
from fairhire.reference.models import (
    TABLES,
    CodeEntry,
    CodeKind,
    CodeTableVersion,
    Occupation,
    Region,
    RegionChange,
)

SEARCH_LIMIT = 20
MAX_SEARCH_LIMIT = 100
_PINYIN_QUERY = re.compile(r"^[a-z]+$")
_MAX_CHAIN = 10  # region changes followed at most; the shipped history is one or two deep


def code_table(*, kind: str) -> type[CodeEntry]:
    """The model behind a kind slug (``regions``, ``occupations``…); unknown kinds are 404."""
    model = TABLES.get(kind)
    if model is None:
        raise NotFound(_("没有这个代码表：%(kind)s。") % {"kind": kind},
                       code="reference.unknown_kind")
    return model


def code_get(*, kind: str, code: str) -> CodeEntry:
    entry = code_table(kind=kind).objects.select_related("parent").filter(code=code).first()
    if entry is None:
        raise NotFound(_("代码 %(code)s 不存在。") % {"code": code}, code="reference.unknown_code")
    return entry


def code_search(*, kind: str, query: str = "", parent: str | None = None,
                level: int | None = None, limit: int = SEARCH_LIMIT,
                include_withdrawn: bool = False) -> list[CodeEntry]:
    """Entries matching ``query`` by code, name or pinyin, best matches first.

    "1101", "北京" and "bj" all find 北京市: an exact code first, then codes that start with
    the query, names that start with it, pinyin initials or full pinyin that start with it,
    names that contain it, and initials that contain it. A region code no longer in force
    (or a statistical code) also finds the division that now covers it. Without a query, the
    children of ``parent`` (or the top level) in code order.
    """
    model = code_table(kind=kind)
    limit = max(1, min(limit, MAX_SEARCH_LIMIT))
    entries = model.objects.all()
    if not include_withdrawn:
        entries = entries.filter(in_force=True)
    if level is not None:
        entries = entries.filter(level=level)
    query = query.strip()
    if parent:
        entries = entries.filter(parent_id=parent) if not query else \
            entries.filter(path__startswith=f"{_path_of(model, parent)}").exclude(code=parent)
    elif not query and level is None:
        entries = entries.filter(level=1)
    if not query:
        return list(entries.order_by("path")[:limit])

    lowered = query.lower()
    is_pinyin = bool(_PINYIN_QUERY.match(lowered))
    match = Q(code__startswith=query) | Q(name__contains=query)
    rank = [When(code=query, then=Value(0)), When(code__startswith=query, then=Value(1)),
            When(name__startswith=query, then=Value(2))]
    if is_pinyin:
        match |= Q(initials__contains=lowered) | Q(pinyin__startswith=lowered)
        rank += [When(initials__startswith=lowered, then=Value(3)),
                 When(pinyin__startswith=lowered, then=Value(3))]
    rank += [When(name__contains=query, then=Value(4))]
    found = list(entries.filter(match)
                 .annotate(rank=Case(*rank, default=Value(5), output_field=IntegerField()))
                 .order_by("rank", "level", "code")[:limit])
    if kind == CodeKind.REGION and query.isdigit() and len(query) <= 6:
        # "1101" is Beijing's old 市辖区 code padded out: answer with what covers it now.
        resolved = _resolve_region(query.ljust(6, "0"))
        if resolved is not None and resolved.region not in found and (
                parent is None or f"/{parent}/" in resolved.region.path):
            found = [resolved.region, *found][:limit]
    return found


def _path_of(model: type[CodeEntry], code: str) -> str:
    path = model.objects.filter(code=code).values_list("path", flat=True).first()
    if path is None:
        raise NotFound(_("上级代码 %(code)s 不存在。") % {"code": code},
                       code="reference.unknown_parent")
    return path


def code_descendants(*, kind: str, code: str, include_self: bool = True,
                     include_withdrawn: bool = False) -> QuerySet[CodeEntry]:
    """Everything under ``code`` in its tree (a province: its cities and counties)."""
    model = code_table(kind=kind)
    entries = model.objects.filter(path__startswith=_path_of(model, code))
    if not include_self:
        entries = entries.exclude(code=code)
    if not include_withdrawn:
        entries = entries.filter(in_force=True)
    return entries.order_by("path")


def code_ancestors(*, entry: CodeEntry) -> list[CodeEntry]:
    """From the top level down to ``entry``'s parent."""
    codes = entry.ancestor_codes
    found = {e.code: e for e in type(entry).objects.filter(code__in=codes)}
    return [found[c] for c in codes if c in found]


def region_descendant_codes(*, code: str) -> list[str]:
    """Codes of a region and everything under it, for filters in other apps
    (``Posting.objects.filter(region_code__in=region_descendant_codes(code="140000"))``)."""
    return list(code_descendants(kind=CodeKind.REGION, code=code).values_list("code", flat=True))


def occupation_descendant_codes(*, code: str) -> list[str]:
    """Codes of an occupation category and every category and occupation under it."""
    return list(code_descendants(kind=CodeKind.OCCUPATION, code=code)
                .values_list("code", flat=True))


@dataclass(frozen=True)
class ResolvedRegion:
    """A region code as asked for, and the division in force that it names today."""

    requested: str
    region: Region
    changes: list[RegionChange] = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return not self.changes and self.region.code == self.requested

    @property
    def lineage(self) -> list[Region]:
        """Province, city, county: the resolved region and its ancestors, top first."""
        return [*code_ancestors(entry=self.region), self.region]


def region_resolve(*, code: str) -> ResolvedRegion:
    """The current division for a region code, following the history of abolished and changed
    codes (GB/T 2260 editions) so old records still resolve; unknown codes are 404."""
    code = code.strip()
    resolved = _resolve_region(code) if re.fullmatch(r"\d{6}", code) else None
    if resolved is None:
        raise NotFound(_("行政区划代码 %(code)s 不存在。") % {"code": code},
                       code="reference.unknown_region")
    return resolved


def _resolve_region(code: str) -> ResolvedRegion | None:
    changes: list[RegionChange] = []
    current = code
    for _step in range(_MAX_CHAIN):
        region = Region.objects.filter(code=current).first()
        if region is not None and region.in_force:
            return ResolvedRegion(requested=code, region=region, changes=changes)
        change = RegionChange.objects.filter(old_code=current).order_by(
            "-year", "-id").first()
        if change is None or change in changes:
            return ResolvedRegion(requested=code, region=region, changes=changes) \
                if region is not None else None
        changes.append(change)
        current = change.new_code
    return None


def code_table_versions() -> QuerySet[CodeTableVersion]:
    """Every load of every table, newest first within each table."""
    return CodeTableVersion.objects.all()


def code_table_current_versions() -> dict[str, CodeTableVersion]:
    """The edition in force of each table (the newest load)."""
    current: dict[str, CodeTableVersion] = {}
    for version in CodeTableVersion.objects.order_by("kind", "-loaded_at", "-id"):
        current.setdefault(version.kind, version)
    return current


def occupation_get(*, code: str) -> Occupation:
    return code_get(kind=CodeKind.OCCUPATION, code=code)  # type: ignore[return-value]
