"""ledger_verify names exactly what the database owner did to the log (SECURITY.md control 20).

Each test tampers as the owner would -- triggers off, raw SQL -- and reads the command's output.
"""

from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from fairhire.core.audit import AuditAction
from fairhire.core.errors import RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.ledger.checkpoint import TreeHead, key_id, sign_tree_head
from fairhire.ledger.leaves import entry_leaf_hash, payload_digest
from fairhire.ledger.models import NODE_LEVEL_SHIFT, Entry, node_key
from fairhire.ledger.services import checkpoint_sign, entry_time, ledger_verify
from fairhire.ledger.tests.factories import NOW, append_entries
from fairhire.ledger.tests.tampering import tamper, triggers_off

pytestmark = [pytest.mark.django_db, pytest.mark.req("R26"), pytest.mark.req("R24.2")]

ENTRY_COLUMNS = ["kind", "object_app", "object_model", "object_pk", "recorded_at", "personal",
                 "payload_sha256", "leaf_hash"]


@pytest.fixture
def signed_log():
    """Ten entries (#0-#9) under a signed checkpoint."""
    append_entries(10)
    checkpoint_sign(now=NOW.replace(hour=12))


def verify_output() -> str:
    out = StringIO()
    with pytest.raises(CommandError, match="FAILED"):
        call_command("ledger_verify", stdout=out)
    return out.getvalue()


def test_an_intact_log_passes_and_the_run_is_audited(signed_log):
    out = StringIO()
    call_command("ledger_verify", stdout=out)
    assert "ledger intact: 10 entries" in out.getvalue()
    event = AuditEvent.objects.get(action=AuditAction.LEDGER_LOG_VERIFIED)
    assert (event.result, event.details["findings"]) == ("success", 0)


def test_an_altered_payload_row_is_named(signed_log):
    tamper(("UPDATE ledger_entrypayload SET text = %s WHERE entry_id = 3",
            ['{"n":3,"seeker_name":"enc:v1:姓名3","state":"withdrawn"}']))
    out = verify_output()
    assert "[altered] entry #3 was altered: its payload does not match" in out
    assert "#4" not in out
    assert AuditEvent.objects.get(action=AuditAction.LEDGER_LOG_VERIFIED).result == "failure"


def test_an_entry_rewritten_with_fresh_hashes_is_still_named_as_altered(signed_log):
    text = '{"n":3,"seeker_name":"enc:v1:姓名3","state":"withdrawn"}'
    entry = Entry.objects.get(seq=3)
    digest = payload_digest(text)
    leaf = entry_leaf_hash(kind=entry.kind, obj=entry.object, time=entry_time(entry.recorded_at),
                           payload_sha256=digest, personal=entry.personal)
    tamper(("UPDATE ledger_entrypayload SET text = %s WHERE entry_id = 3", [text]),
           ("UPDATE ledger_entry SET payload_sha256 = %s, leaf_hash = %s WHERE seq = 3",
            [digest, leaf.hex()]))
    out = verify_output()
    assert "[altered] entry #3 was altered: its content no longer gives the leaf hash" in out


def test_a_deleted_entry_is_named_as_removed(signed_log):
    tamper(("DELETE FROM ledger_entrypayload WHERE entry_id = 4", []),
           ("DELETE FROM ledger_entry WHERE seq = 4", []))
    out = verify_output()
    assert "[removed] entry #4 was removed" in out
    assert out.count("[") == 1


def test_a_deleted_entry_whose_followers_were_renumbered_is_named_as_removed(signed_log):
    tamper(("DELETE FROM ledger_entrypayload WHERE entry_id = 4", []),
           ("DELETE FROM ledger_entry WHERE seq = 4", []),
           *_shift(from_seq=5, by=-1))
    out = verify_output()
    assert "[removed] entry #4 was removed" in out
    assert out.count("[") == 1


def test_an_entry_inserted_in_the_middle_is_named(signed_log):
    tamper(*_shift(from_seq=5, by=1), *_insert(seq=5))
    out = verify_output()
    assert "[inserted] entry #5 was inserted" in out
    assert out.count("[") == 1


def test_an_entry_inserted_after_the_last_is_named(signed_log):
    tamper(*_insert(seq=10))
    out = verify_output()
    assert "[inserted] entry #10 was inserted" in out


def test_two_swapped_entries_are_named_as_reordered(signed_log):
    tamper(*_swap(2, 6))
    out = verify_output()
    assert "[reordered] entries were reordered: entry #2 now sits at position #6" in out
    assert "entry #6 now sits at position #2" in out
    assert "[altered]" not in out


def test_a_truncated_tail_is_named(signed_log):
    tamper(("DELETE FROM ledger_entrypayload WHERE entry_id >= 7", []),
           ("DELETE FROM ledger_entry WHERE seq >= 7", []))
    out = verify_output()
    assert "[removed] entries #7-#9 were removed" in out


def test_a_tail_truncated_from_the_tree_too_is_caught_by_the_signed_checkpoint(signed_log):
    doomed = [node_key(level, index) for level in range(4) for index in range(10)
              if (index + 1) << level > 7]
    placeholders = ",".join(["%s"] * len(doomed))
    tamper(("DELETE FROM ledger_entrypayload WHERE entry_id >= 7", []),
           ("DELETE FROM ledger_entry WHERE seq >= 7", []),
           (f'DELETE FROM ledger_node WHERE "key" IN ({placeholders})', doomed),  # noqa: S608
           ("UPDATE ledger_loghead SET size = 7", []))
    out = verify_output()
    assert "was signed over 10 entries but the tree now has 7: entries #7-#9 were removed" in out


def test_an_altered_tree_node_is_named(signed_log):
    tamper(('UPDATE ledger_node SET "hash" = %s WHERE "key" = %s',
            [b"\x00" * 32, (1 << NODE_LEVEL_SHIFT) | 2]))
    out = verify_output()
    assert "[tree] tree node (1, 2) was altered" in out


def test_entries_appended_after_the_last_checkpoint_verify_too(signed_log):
    append_entries(3, start=10)
    assert ledger_verify(record=False).ok


def _swap(a: int, b: int) -> list[tuple[str, list]]:
    columns = ", ".join(ENTRY_COLUMNS)
    with connection.cursor() as cursor:
        rows = {}
        for seq in (a, b):
            cursor.execute(f"SELECT {columns} FROM ledger_entry WHERE seq = %s", [seq])  # noqa: S608
            entry = cursor.fetchone()
            cursor.execute("SELECT text FROM ledger_entrypayload WHERE entry_id = %s", [seq])
            rows[seq] = (entry, cursor.fetchone()[0])
    assignments = ", ".join(f"{column} = %s" for column in ENTRY_COLUMNS)
    statements = []
    for target, source in ((a, b), (b, a)):
        entry, text = rows[source]
        statements += [
            (f"UPDATE ledger_entry SET {assignments} WHERE seq = %s",  # noqa: S608
             [*entry, target]),
            ("UPDATE ledger_entrypayload SET text = %s WHERE entry_id = %s", [text, target]),
        ]
    return statements


def _shift(*, from_seq: int, by: int) -> list[tuple[str, list]]:
    """Renumber entries from ``from_seq`` on (via a far-away range, so keys never collide)."""
    far = 1_000_000
    return [
        ("UPDATE ledger_entrypayload SET entry_id = entry_id + %s WHERE entry_id >= %s",
         [far, from_seq]),
        ("UPDATE ledger_entry SET seq = seq + %s WHERE seq >= %s", [far, from_seq]),
        ("UPDATE ledger_entry SET seq = seq - %s WHERE seq >= %s", [far - by, far]),
        ("UPDATE ledger_entrypayload SET entry_id = entry_id - %s WHERE entry_id >= %s",
         [far - by, far]),
    ]


def _insert(*, seq: int) -> list[tuple[str, list]]:
    """A well-formed entry with correct hashes, as a careful forger would write it."""
    text = '{"n":99,"seeker_name":"enc:v1:伪造","state":"hired"}'
    digest = payload_digest(text)
    when = NOW.replace(hour=9)
    leaf = entry_leaf_hash(kind="applications.state_changed", obj="applications.application:99",
                           time=entry_time(when), payload_sha256=digest, personal=[])
    return [
        ("INSERT INTO ledger_entry (seq, kind, object_app, object_model, object_pk, recorded_at,"
         " personal, payload_sha256, leaf_hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
         [seq, "applications.state_changed", "applications", "application", "99", when, "[]",
          digest, leaf.hex()]),
        ("INSERT INTO ledger_entrypayload (entry_id, text) VALUES (%s, %s)", [seq, text]),
    ]


@pytest.mark.parametrize("sql", [
    "UPDATE ledger_entry SET kind = 'forged'",
    "DELETE FROM ledger_entry",
    "UPDATE ledger_node SET \"hash\" = hash",
    "DELETE FROM ledger_node",
    "UPDATE ledger_entrypayload SET text = '{}'",
    "DELETE FROM ledger_entrypayload",
    "UPDATE ledger_checkpoint SET size = 0",
    "DELETE FROM ledger_checkpoint",
])
def test_the_database_refuses_to_rewrite_the_ledger_through_the_applications_connection(
    signed_log, sql,
):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert ledger_verify(record=False).ok


def test_the_orm_cannot_rewrite_an_entry_either(signed_log):
    entry = Entry.objects.get(seq=0)
    entry.kind = "forged"
    with pytest.raises(DatabaseError), transaction.atomic():
        entry.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(seq=1).delete()
    assert ledger_verify(record=False).ok


def test_turning_the_triggers_back_on_restores_the_guard(signed_log):
    with triggers_off():
        pass
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM ledger_entry")


def test_a_checkpoint_row_forged_with_another_key_is_named_beside_other_damage(signed_log):
    other = Ed25519PrivateKey.generate()
    head = TreeHead(size=10, root=b"\x01" * 32, time=NOW.replace(hour=13))
    tamper(("INSERT INTO ledger_checkpoint (size, root_hash, signed_at, key_id, signature) "
            "VALUES (%s, %s, %s, %s, %s)",
            [10, head.root.hex(), head.time, key_id(other), sign_tree_head(head, other)]),
           ("DELETE FROM ledger_entrypayload WHERE entry_id = 8", []),
           ("DELETE FROM ledger_entry WHERE seq = 8", []))
    out = verify_output()
    assert f"signed with unknown key {key_id(other)}" in out
    assert "[removed] entry #8 was removed" in out  # the forged row does not hide the rest


def test_a_checkpoint_whose_root_was_rewritten_is_named(signed_log):
    tamper(("UPDATE ledger_checkpoint SET root_hash = %s", ["ab" * 32]))
    assert "the checkpoint's signature does not verify" in verify_output()


def test_a_checkpoint_cannot_be_dated_before_the_last_one(signed_log):
    with pytest.raises(RuleViolation) as refused:
        checkpoint_sign(now=NOW.replace(hour=11))
    assert refused.value.code == "ledger.clock_backwards"
