from datetime import timedelta
from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command

from fairhire.core.audit import AuditAction
from fairhire.core.errors import RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.ledger.checkpoint import (
    SignatureError,
    TreeHead,
    key_id,
    sign_tree_head,
    verify_cosignature,
    verify_tree_head,
)
from fairhire.ledger.keys import log_private_key, log_public_key, witness_public_key
from fairhire.ledger.merkle import InMemoryNodeStore, MerkleLog
from fairhire.ledger.models import Checkpoint, Cosignature
from fairhire.ledger.services import checkpoint_cosign, checkpoint_sign, ledger_verify, tree_head
from fairhire.ledger.store import DatabaseNodeStore
from fairhire.ledger.tests.factories import NOW, append_entries
from fairhire.ledger.witness import WitnessRefusal, load_state, witness_check

pytestmark = [pytest.mark.django_db, pytest.mark.req("R26"), pytest.mark.req("R24.2")]


@pytest.fixture
def state(tmp_path):
    return tmp_path / "witness.json"


def forge(*, size: int, root: bytes, when, key=None) -> Checkpoint:
    """A checkpoint signed with the log's own key (the operator forks the log) or another."""
    key = key or log_private_key()
    head = TreeHead(size=size, root=root, time=when)
    return Checkpoint.objects.create(size=size, root_hash=root.hex(), signed_at=when,
                                     key_id=key_id(key), signature=sign_tree_head(head, key))


def test_a_checkpoint_signs_the_logs_size_and_root_and_is_audited():
    append_entries(5)
    checkpoint = checkpoint_sign(now=NOW)
    head = tree_head(checkpoint)
    assert (head.size, head.root) == (5, MerkleLog(DatabaseNodeStore()).root())
    verify_tree_head(head, checkpoint.signature, log_public_key())
    assert checkpoint.key_id == key_id(log_public_key())
    event = AuditEvent.objects.get(action=AuditAction.LEDGER_CHECKPOINT_SIGNED)
    assert event.details["size"] == 5


def test_the_periodic_checkpoint_is_skipped_when_nothing_was_appended():
    append_entries(2)
    assert checkpoint_sign(now=NOW, only_if_grown=True) is not None
    assert checkpoint_sign(now=NOW, only_if_grown=True) is None
    append_entries(1, start=2)
    assert checkpoint_sign(now=NOW, only_if_grown=True).size == 3


def test_the_command_signs_a_checkpoint():
    append_entries(2)
    out = StringIO()
    call_command("ledger_checkpoint", stdout=out)
    assert "size 2" in out.getvalue()


def test_the_witness_cosigns_a_log_that_only_grew_and_remembers_it(state):
    append_entries(3)
    first = checkpoint_sign(now=NOW)
    checkpoint_cosign(checkpoint=first, state_path=state, now=NOW)
    append_entries(4, start=3)
    second = checkpoint_sign(now=NOW + timedelta(minutes=10))
    cosignature = checkpoint_cosign(checkpoint=second, state_path=state,
                                    now=NOW + timedelta(minutes=11))
    verify_cosignature(tree_head(second), cosignature.signature, witness_public_key(),
                       witness_time=cosignature.signed_at)
    assert load_state(state) == tree_head(second)
    assert AuditEvent.objects.filter(action=AuditAction.LEDGER_CHECKPOINT_COSIGNED).count() == 2
    assert ledger_verify(record=False).ok


def test_the_witness_refuses_a_fork_of_the_same_size(state):
    append_entries(4)
    checkpoint_cosign(checkpoint=checkpoint_sign(now=NOW), state_path=state, now=NOW)
    forked = forge(size=4, root=b"\x07" * 32, when=NOW + timedelta(minutes=1))
    with pytest.raises(RuleViolation, match="见证方拒绝会签") as refused:
        checkpoint_cosign(checkpoint=forked, state_path=state, now=NOW + timedelta(minutes=2))
    assert refused.value.code == "ledger.witness_refused"
    assert not Cosignature.objects.filter(checkpoint=forked).exists()
    event = AuditEvent.objects.get(action=AuditAction.LEDGER_CHECKPOINT_REFUSED)
    assert (event.result, "fork" in event.details["reason"]) == ("denied", True)
    assert load_state(state).root != b"\x07" * 32


def test_the_witness_refuses_a_larger_checkpoint_whose_root_the_log_cannot_prove(state):
    append_entries(4)
    checkpoint_cosign(checkpoint=checkpoint_sign(now=NOW), state_path=state, now=NOW)
    append_entries(2, start=4)
    forged = forge(size=6, root=b"\x09" * 32, when=NOW + timedelta(minutes=1))
    out = StringIO()
    with pytest.raises(CommandError, match="REFUSED"):
        call_command("ledger_witness", "--state", str(state), "--checkpoint", str(forged.pk),
                     stdout=out)


def test_the_witness_refuses_a_checkpoint_not_signed_by_the_log_key(state):
    append_entries(2)
    forged = forge(size=2, root=MerkleLog(DatabaseNodeStore()).root(), when=NOW,
                   key=Ed25519PrivateKey.generate())
    with pytest.raises(RuleViolation, match="not signed by the log's key"):
        checkpoint_cosign(checkpoint=forged, state_path=state, now=NOW)


def test_the_witness_refuses_a_history_rewritten_before_the_checkpoint_it_saw():
    # The log shows the witness a tree in which entry #1 differs: the proof cannot hold.
    honest, rewritten = MerkleLog(InMemoryNodeStore()), MerkleLog(InMemoryNodeStore())
    honest.extend([b"a", b"b", b"c"])
    rewritten.extend([b"a", b"B", b"c", b"d", b"e"])
    seen = TreeHead(size=3, root=honest.root(), time=NOW)
    head = TreeHead(size=5, root=rewritten.root(), time=NOW + timedelta(minutes=1))
    with pytest.raises(WitnessRefusal, match="inconsistent"):
        witness_check(seen=seen, head=head, signature=sign_tree_head(head, log_private_key()),
                      log_key=log_public_key(), proof=rewritten.consistency_proof(3, 5))


def test_the_witness_refuses_a_log_that_shrank():
    log = MerkleLog(InMemoryNodeStore())
    log.extend([b"a", b"b", b"c"])
    seen = TreeHead(size=3, root=log.root(), time=NOW)
    head = TreeHead(size=2, root=log.root(2), time=NOW + timedelta(minutes=1))
    with pytest.raises(WitnessRefusal, match="shrank"):
        witness_check(seen=seen, head=head, signature=sign_tree_head(head, log_private_key()),
                      log_key=log_public_key(), proof=[])


def test_a_cosignature_cannot_be_passed_off_as_the_logs_signature(state):
    append_entries(2)
    checkpoint = checkpoint_sign(now=NOW)
    cosignature = checkpoint_cosign(checkpoint=checkpoint, state_path=state, now=NOW)
    with pytest.raises(SignatureError):
        verify_tree_head(tree_head(checkpoint), cosignature.signature, witness_public_key())
