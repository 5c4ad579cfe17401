"""Backups with the ledger checkpoint at backup time, and restores (SECURITY.md control 21).

SQLite is copied with its online backup API (a consistent snapshot while the site runs);
PostgreSQL with ``pg_dump --format=custom`` (one repeatable-read snapshot). Next to the backup
goes ``<name>.checkpoint.json``: the log's signed checkpoint at that moment, so after a restore
``ledger_verify --expect-checkpoint`` proves the restored ledger is the one that was backed up.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import RuleViolation
from fairhire.ledger.checkpoint import format_time
from fairhire.ledger.models import Checkpoint
from fairhire.ledger.services.checkpoints import checkpoint_sign, tree_head

TIMEOUT = 3600


def checkpoint_file(backup: Path) -> Path:
    return backup.with_name(backup.name + ".checkpoint.json")


def backup_make(*, destination: Path | None = None, now: datetime | None = None,
                actor=None) -> Path:
    """Back up the whole database and sign (or reuse) a checkpoint covering every entry."""
    now = now or timezone.now()
    checkpoint = checkpoint_sign(now=now, only_if_grown=True) or \
        Checkpoint.objects.order_by("-signed_at", "-id").first() or checkpoint_sign(now=now)
    vendor = connection.vendor
    if destination is None:
        suffix = "sqlite3" if vendor == "sqlite" else "pgdump"
        destination = settings.LEDGER_BACKUP_DIR / f"fairhire-{now:%Y%m%dT%H%M%SZ}.{suffix}"
    destination.parent.mkdir(parents=True, exist_ok=True)
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(destination)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif vendor == "postgresql":
        _run(["pg_dump", "--format=custom", f"--file={destination}",
              f"--dbname={settings.DATABASE_URL}"])
    else:
        raise RuleViolation(_("不支持备份该数据库。"), code="ledger.backup_unsupported")
    head = tree_head(checkpoint)
    checkpoint_file(destination).write_text(json.dumps({
        "size": checkpoint.size, "root": checkpoint.root_hash,
        "timestamp": format_time(checkpoint.signed_at), "key_id": checkpoint.key_id,
        "signature": checkpoint.signature, "body": head.body().decode(),
    }, indent=2))
    with transaction.atomic():
        audit_record(action=AuditAction.LEDGER_BACKUP_MADE, actor=actor,
                     account="" if actor else "ledger", now=now,
                     details={"file": destination.name, "ledger_size": checkpoint.size})
    return destination


def backup_restore(*, source: Path, into: str, actor=None) -> None:
    """Restore ``source`` into the database ``into`` (a SQLite file path or a PostgreSQL URL).

    Restoring over the database this process uses is refused: restore into a scratch database,
    verify it, then switch over.
    """
    if not source.exists():
        raise RuleViolation(_("备份文件不存在。"), code="ledger.backup_missing")
    if into in (settings.DATABASE_URL, str(settings.DATABASES["default"]["NAME"])):
        raise RuleViolation(_("不能恢复到正在使用的数据库；请先恢复到新的数据库并校验。"),
                            code="ledger.restore_over_live")
    if into.startswith(("postgres://", "postgresql://")):
        _run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={into}", str(source)])
    else:
        _restore_sqlite(source, into)
    with transaction.atomic():
        audit_record(action=AuditAction.LEDGER_BACKUP_RESTORED, actor=actor,
                     account="" if actor else "ledger", details={"file": source.name})


def _restore_sqlite(source: Path, into: str) -> None:
    target_path = Path(into.removeprefix("sqlite:///"))
    if target_path.exists():
        raise RuleViolation(_("目标文件已存在。"), code="ledger.restore_target_exists")
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:
        source_db.backup(target)
    finally:
        target.close()
        source_db.close()


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise RuleViolation(_("找不到 %(tool)s。") % {"tool": command[0]},
                            code="ledger.tool_missing")
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,  # noqa: S603
                            env={**os.environ}, check=False)
    if result.returncode != 0:
        raise RuleViolation(_("%(tool)s 失败：%(error)s") % {
            "tool": command[0], "error": result.stderr.strip()[-500:]},
            code="ledger.backup_failed")
