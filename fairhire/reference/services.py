"""Writes to the code tables: loading the shipped data and importing an official edition."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.accounts.policies import Perm, has_perm
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.reference import loading
from fairhire.reference.models import (
    REGION_CHANGES,
    TABLES,
    CodeTableVersion,
    Region,
    RegionChange,
)

IMPORT_KINDS = (*TABLES, REGION_CHANGES)
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def _check_operator(actor: User | None) -> None:
    # ``None`` is the server's own shell (manage.py), which already has the database.
    if actor is not None and not has_perm(actor, Perm.SYSTEM_OPERATE):
        raise PermissionDenied(_("只有系统管理员可以维护代码表。"), code="reference.not_operator")


@transaction.atomic
def shipped_tables_load(*, actor: User | None = None, account: str = "",
                        now: datetime | None = None) -> list[CodeTableVersion]:
    """Load the code tables FairHire ships, where their edition is not already in force.

    Idempotent; the data migration does the same for a new database, so this is for a
    database that was migrated before a newer shipped edition arrived.
    """
    _check_operator(actor)
    now = now or timezone.now()
    versions = loading.load_shipped(tables=TABLES, change_model=RegionChange,
                                    version_model=CodeTableVersion, loaded_at=now,
                                    loaded_by=account or getattr(actor, "username", ""))
    for version in versions:
        audit_record(action=AuditAction.REFERENCE_TABLE_LOADED, actor=actor,
                     account=account or None, target=version, now=now,
                     details={"kind": version.kind, "edition": version.edition,
                              "rows": version.row_count})
    return versions


def code_table_import(*, kind: str, path: Path, source: str, edition: str, licence: str = "",
                      actor: User | None = None, account: str = "",
                      now: datetime | None = None) -> tuple[CodeTableVersion, dict[str, int]]:
    """Replace a code table with an official edition read from a UTF-8 CSV file.

    All or nothing: every row is checked first and any problem refuses the whole file with
    line-numbered messages; the write runs in one transaction. Codes the edition no longer lists
    stay, marked not in force, so records that name them still resolve. The source and edition
    are recorded with the rows, and the import is audited.
    """
    _check_operator(actor)
    if kind not in IMPORT_KINDS:
        raise InvalidInput(_("未知的代码表：%(kind)s。可选：%(kinds)s。")
                           % {"kind": kind, "kinds": "、".join(IMPORT_KINDS)},
                           code="reference.unknown_kind", field="kind")
    if not source.strip() or not edition.strip():
        raise InvalidInput(_("请注明代码表的来源和版本。"), code="reference.provenance_missing",
                           field="source")
    text = _read_text(path)
    now = now or timezone.now()
    try:
        if kind == REGION_CHANGES:
            rows = loading.read_change_rows(
                text, known_regions=Region.objects.values_list("code", flat=True))
            count = len(rows)
        else:
            entries = loading.check_rows(kind, loading.read_csv(kind, text))
            count = len(entries)
    except loading.RowErrors as exc:
        raise InvalidInput(_("文件未导入，请修正以下问题后重试：\n%(errors)s")
                           % {"errors": "\n".join(exc.messages)},
                           code="reference.bad_file", errors=exc.messages) from exc

    with transaction.atomic():
        version = CodeTableVersion.objects.create(
            kind=kind, source=source.strip()[:300], edition=edition.strip()[:200],
            licence=licence.strip()[:200], row_count=count, loaded_at=now,
            loaded_by=account or getattr(actor, "username", ""),
            note=_("由 import_codes 从 %(file)s 导入") % {"file": path.name})
        if kind == REGION_CHANGES:
            summary = loading.write_changes(RegionChange, rows, version=version)
        else:
            summary = loading.write_entries(TABLES[kind], entries, version=version)
        audit_record(action=AuditAction.REFERENCE_TABLE_IMPORTED, actor=actor,
                     account=account or None, target=version, now=now,
                     details={"kind": kind, "source": version.source, "edition": version.edition,
                              "file": path.name, "rows": count, **summary})
    return version, summary


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise InvalidInput(_("文件过大（上限 20 MB）。"), code="reference.file_too_large")
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise InvalidInput(_("找不到文件：%(path)s") % {"path": path},
                           code="reference.file_missing") from exc
    except UnicodeDecodeError as exc:
        raise InvalidInput(_("文件不是 UTF-8 编码（第 %(line)d 行附近无法解码）。")
                           % {"line": path.read_bytes()[:exc.start].count(b"\n") + 1},
                           code="reference.not_utf8") from exc
