"""Tampering as the database owner: switch the ledger's triggers off, run raw SQL, switch them on.

On SQLite the triggers are dropped and recreated from their own definitions; on PostgreSQL the
owner disables them with ``ALTER TABLE ... DISABLE TRIGGER ALL`` (which also lifts the foreign
key checks, as a real owner could).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection

TABLES = ["ledger_entry", "ledger_entrypayload", "ledger_node", "ledger_checkpoint",
          "ledger_cosignature", "ledger_loghead"]


@contextmanager
def triggers_off():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            placeholders = ",".join(["%s"] * len(TABLES))
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "  # noqa: S608
                f"AND tbl_name IN ({placeholders})", TABLES)
            saved = cursor.fetchall()
            for name, _sql in saved:
                cursor.execute(f'DROP TRIGGER "{name}"')
            try:
                yield cursor
            finally:
                for _name, sql in saved:
                    cursor.execute(sql)
        else:
            # Fire the deferred foreign-key checks queued by this test's own inserts first:
            # PostgreSQL will not alter a table with pending trigger events.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in TABLES:
                cursor.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER ALL')
            try:
                yield cursor
            finally:
                for table in TABLES:
                    cursor.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER ALL')
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def tamper(*statements: tuple[str, list]) -> None:
    with triggers_off() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
