"""Code tables API: search for pickers, look-ups, region resolution, editions.

Public (no sign-in): the tables are national standards with no personal information, and the
public posting search needs them as much as the employer's editor does.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from fairhire.core.api import ErrorOut
from fairhire.reference import selectors
from fairhire.reference.models import CodeEntry

router = Router(tags=["reference"])


class CodeOut(Schema):
    code: str
    name: str
    level: int
    level_label: str
    parent: str | None = Field(None, alias="parent_id")
    in_force: bool


class CodeDetailOut(CodeOut):
    ancestors: list[CodeOut]
    attributes: dict


class ResolvedRegionOut(Schema):
    requested: str
    is_current: bool
    region: CodeOut
    lineage: list[CodeOut]
    changes: list[dict]


class VersionOut(Schema):
    kind: str
    source: str
    edition: str
    licence: str
    note: str
    row_count: int
    loaded_at: datetime


class SearchIn(Schema):
    q: str = Field("", max_length=50, description="名称、拼音首字母、拼音或代码")
    parent: str | None = Field(None, max_length=16, description="只在该代码之下查找")
    level: int | None = Field(None, ge=1, le=4)
    limit: int = Field(selectors.SEARCH_LIMIT, ge=1, le=selectors.MAX_SEARCH_LIMIT)


def _detail(entry: CodeEntry) -> dict:
    return {**CodeOut.from_orm(entry).dict(),
            "ancestors": selectors.code_ancestors(entry=entry),
            "attributes": entry.attributes}


@router.get("/versions", auth=None, response=list[VersionOut], url_name="api-reference-versions")
def versions(request: HttpRequest):
    """Where each table came from: source, edition, licence, when it was loaded."""
    return selectors.code_table_versions()


@router.get("/regions/{code}/resolve", auth=None,
            response={200: ResolvedRegionOut, 404: ErrorOut},
            url_name="api-reference-region-resolve")
def region_resolve(request: HttpRequest, code: str):
    """The division in force for a region code, following abolished and changed codes."""
    resolved = selectors.region_resolve(code=code)
    return {"requested": resolved.requested, "is_current": resolved.is_current,
            "region": resolved.region, "lineage": resolved.lineage,
            "changes": [{"old_code": c.old_code, "old_name": c.old_name,
                         "new_code": c.new_code, "year": c.year, "kind": c.kind,
                         "note": c.note} for c in resolved.changes]}


@router.get("/{kind}", auth=None, response={200: list[CodeOut], 404: ErrorOut},
            url_name="api-reference-search")
def search(request: HttpRequest, kind: str, filters: Query[SearchIn]):
    """Search a table (``regions``, ``occupations``, ``industries``, ``education``,
    ``employment-types``) by name, pinyin initials, pinyin or code; without ``q``, the
    children of ``parent`` (or the top level)."""
    return selectors.code_search(kind=kind, query=filters.q, parent=filters.parent,
                                 level=filters.level, limit=filters.limit)


@router.get("/{kind}/{code}", auth=None, response={200: CodeDetailOut, 404: ErrorOut},
            url_name="api-reference-detail")
def detail(request: HttpRequest, kind: str, code: str):
    """One entry with its ancestors."""
    return _detail(selectors.code_get(kind=kind, code=code))
