"""Database guard for ledger payloads: no DELETE ever, UPDATE only after a redaction entry.

``core.append_only.AppendOnly`` refuses every UPDATE; a payload must be erasable at the end of
retention, so its table gets a narrower rule: the row may change only once the log already holds a
``ledger.redaction`` entry about it (written in the same transaction by ``ledger_redact``). A bug
or a raw SQL shell on the application's connection therefore cannot rewrite a payload without
first leaving evidence, and ``ledger_verify`` checks the new text against that evidence.
"""

from __future__ import annotations

from fairhire.core.append_only import TriggerOperation

PAYLOAD_TABLE = "ledger_entrypayload"
ENTRY_TABLE = "ledger_entry"

_REDACTED_CONDITION = (
    "EXISTS (SELECT 1 FROM ledger_entry r WHERE r.kind = 'ledger.redaction' "
    "AND r.object_app = 'ledger' AND r.object_model = 'entry' AND r.object_pk = {old_id})"
)

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION fairhire_ledger_payload_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.entry_id = OLD.entry_id
     AND {_REDACTED_CONDITION.format(old_id="OLD.entry_id::text")} THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'table % refuses %: only a logged redaction may change a payload',
    TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


class RedactableOnly(TriggerOperation):
    def _statements(self, vendor: str) -> list[str]:
        t = PAYLOAD_TABLE
        if vendor == "postgresql":
            return [
                PG_FUNCTION,
                f'CREATE TRIGGER "{t}_guard" BEFORE UPDATE OR DELETE ON "{t}" '
                "FOR EACH ROW EXECUTE FUNCTION fairhire_ledger_payload_guard();",
                f'CREATE TRIGGER "{t}_no_truncate" BEFORE TRUNCATE ON "{t}" '
                "FOR EACH STATEMENT EXECUTE FUNCTION fairhire_refuse_change();",
            ]
        if vendor == "sqlite":
            condition = _REDACTED_CONDITION.format(old_id="CAST(OLD.entry_id AS TEXT)")
            return [
                f'CREATE TRIGGER "{t}_guard_update" BEFORE UPDATE ON "{t}" '
                f"WHEN NOT (NEW.entry_id = OLD.entry_id AND {condition}) "
                f"BEGIN SELECT RAISE(ABORT, 'table {t} refuses UPDATE: only a logged redaction "
                "may change a payload'); END;",
                f'CREATE TRIGGER "{t}_no_delete" BEFORE DELETE ON "{t}" '
                f"BEGIN SELECT RAISE(ABORT, 'table {t} is append-only: DELETE refused'); END;",
            ]
        raise NotImplementedError(f"payload triggers are not written for {vendor}")

    def _drop_statements(self, vendor: str) -> list[str]:
        t = PAYLOAD_TABLE
        if vendor == "postgresql":
            return [f'DROP TRIGGER IF EXISTS "{t}_guard" ON "{t}";',
                    f'DROP TRIGGER IF EXISTS "{t}_no_truncate" ON "{t}";',
                    "DROP FUNCTION IF EXISTS fairhire_ledger_payload_guard();"]
        return [f'DROP TRIGGER IF EXISTS "{t}_guard_update";',
                f'DROP TRIGGER IF EXISTS "{t}_no_delete";']

    def describe(self) -> str:
        return f"Let {PAYLOAD_TABLE} change only after a logged redaction"

    def deconstruct(self):
        return (self.__class__.__qualname__, [], {})
