"""Append-only tables enforced by the database itself (SECURITY.md control 19).

``AppendOnly("core_auditevent")`` in a migration installs triggers that refuse UPDATE and DELETE
(and TRUNCATE on PostgreSQL) on the table, so not even a bug or a raw SQL shell through the
application's connection can rewrite history. Later apps use it for the ledger and service
records. Reversing the migration removes the triggers.
"""

from __future__ import annotations

from django.db import migrations

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION fairhire_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


class TriggerOperation(migrations.operations.base.Operation):
    """A migration operation that installs database triggers and removes them when reversed.

    Subclasses say which statements to run per database vendor.
    """

    reversible = True
    reduces_to_sql = True

    def state_forwards(self, app_label, state) -> None:
        pass

    def _statements(self, vendor: str) -> list[str]:
        raise NotImplementedError

    def _drop_statements(self, vendor: str) -> list[str]:
        raise NotImplementedError

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        # params=None: the PL/pgSQL bodies contain "%" that is not a query placeholder.
        for sql in self._statements(schema_editor.connection.vendor):
            schema_editor.execute(sql, params=None)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        for sql in self._drop_statements(schema_editor.connection.vendor):
            schema_editor.execute(sql, params=None)


class AppendOnly(TriggerOperation):
    def __init__(self, table: str) -> None:
        self.table = table

    def _statements(self, vendor: str) -> list[str]:
        t = self.table
        if vendor == "postgresql":
            return [
                PG_FUNCTION,
                f'CREATE TRIGGER "{t}_no_update_delete" BEFORE UPDATE OR DELETE ON "{t}" '
                f"FOR EACH ROW EXECUTE FUNCTION fairhire_refuse_change();",
                f'CREATE TRIGGER "{t}_no_truncate" BEFORE TRUNCATE ON "{t}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION fairhire_refuse_change();",
            ]
        if vendor == "sqlite":
            return [
                f'CREATE TRIGGER "{t}_no_update" BEFORE UPDATE ON "{t}" '
                f"BEGIN SELECT RAISE(ABORT, 'table {t} is append-only: UPDATE refused'); END;",
                f'CREATE TRIGGER "{t}_no_delete" BEFORE DELETE ON "{t}" '
                f"BEGIN SELECT RAISE(ABORT, 'table {t} is append-only: DELETE refused'); END;",
            ]
        raise NotImplementedError(f"append-only triggers are not written for {vendor}")

    def _drop_statements(self, vendor: str) -> list[str]:
        t = self.table
        if vendor == "postgresql":
            return [f'DROP TRIGGER IF EXISTS "{t}_no_update_delete" ON "{t}";',
                    f'DROP TRIGGER IF EXISTS "{t}_no_truncate" ON "{t}";']
        return [f'DROP TRIGGER IF EXISTS "{t}_no_update";',
                f'DROP TRIGGER IF EXISTS "{t}_no_delete";']

    def describe(self) -> str:
        return f"Make {self.table} append-only"

    @property
    def migration_name_fragment(self) -> str:
        return f"{self.table}_append_only"

    def deconstruct(self):
        return (self.__class__.__qualname__, [self.table], {})
