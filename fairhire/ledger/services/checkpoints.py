"""Signed checkpoints and the witness's co-signatures (SECURITY.md control 20)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.ledger.checkpoint import (
    SignatureError,
    TreeHead,
    key_id,
    parse_time,
    sign_tree_head,
    verify_cosignature,
)
from fairhire.ledger.keys import (
    log_private_key,
    log_public_key,
    witness_private_key,
    witness_public_key,
)
from fairhire.ledger.merkle import MerkleLog
from fairhire.ledger.models import Checkpoint, Cosignature
from fairhire.ledger.store import DatabaseNodeStore
from fairhire.ledger.witness import WitnessRefusal, load_state, witness_cosign


def tree_head(checkpoint: Checkpoint) -> TreeHead:
    return TreeHead(size=checkpoint.size, root=bytes.fromhex(checkpoint.root_hash),
                    time=checkpoint.signed_at)


@transaction.atomic
def checkpoint_sign(*, now: datetime | None = None, only_if_grown: bool = False,
                    actor=None) -> Checkpoint | None:
    """Sign the log's current size and root with the log key (Regulation Art. 26; R24.2).

    With ``only_if_grown`` (the periodic task) nothing is signed when the latest checkpoint
    already covers every entry, and None is returned.
    """
    # Whole seconds: the signed text carries the time to the second, and the stored row must
    # give back exactly the signed bytes.
    now = (now or timezone.now()).replace(microsecond=0)
    log = MerkleLog(DatabaseNodeStore())
    size = log.size
    latest = Checkpoint.objects.order_by("-signed_at", "-id").first()
    if only_if_grown and latest is not None and latest.size == size:
        return None
    if latest is not None and now < latest.signed_at:
        raise RuleViolation(_("检查点时间不能早于上一个检查点。"), code="ledger.clock_backwards")
    head = TreeHead(size=size, root=log.root(size), time=now)
    key = log_private_key()
    checkpoint = Checkpoint.objects.create(
        size=head.size, root_hash=head.root.hex(), signed_at=now, key_id=key_id(key),
        signature=sign_tree_head(head, key))
    audit_record(action=AuditAction.LEDGER_CHECKPOINT_SIGNED, actor=actor, target=checkpoint,
                 account="" if actor else "ledger", details={"size": size}, now=now)
    return checkpoint


def checkpoint_cosign(*, checkpoint: Checkpoint, state_path: Path | None = None,
                      now: datetime | None = None) -> Cosignature:
    """The witness on this host checks ``checkpoint`` against the last one it saw and co-signs.

    A refusal (forged signature, fork, inconsistent history, log shrank) raises RuleViolation and
    is itself audited, because it means someone tampered with the log.
    """
    now = (now or timezone.now()).replace(microsecond=0)
    state_path = state_path or settings.LEDGER_WITNESS_STATE
    head = tree_head(checkpoint)
    seen = load_state(state_path)
    proof: list[bytes] = []
    if seen is not None and 0 < seen.size <= head.size:
        log = MerkleLog(DatabaseNodeStore())
        if head.size <= log.size:
            proof = log.consistency_proof(seen.size, head.size)
    try:
        signature = witness_cosign(state_path=state_path, head=head,
                                   signature=checkpoint.signature, log_key=log_public_key(),
                                   proof=proof, witness_key=witness_private_key(), now=now)
    except WitnessRefusal as exc:
        with transaction.atomic():
            audit_record(action=AuditAction.LEDGER_CHECKPOINT_REFUSED, target=checkpoint,
                         account="witness", result=AuditEvent.Result.DENIED,
                         details={"reason": str(exc)}, now=now)
        raise RuleViolation(_("见证方拒绝会签：%(reason)s") % {"reason": exc},
                            code="ledger.witness_refused") from None
    with transaction.atomic():
        cosignature = Cosignature.objects.create(
            checkpoint=checkpoint, witness_key_id=key_id(witness_private_key()), signed_at=now,
            signature=signature)
        audit_record(action=AuditAction.LEDGER_CHECKPOINT_COSIGNED, target=checkpoint,
                     account="witness", details={"size": checkpoint.size}, now=now)
    return cosignature


@transaction.atomic
def cosignature_submit(*, size: int, root: str, checkpoint_time: str, witness_time: str,
                       signature: str, now: datetime | None = None) -> Cosignature:
    """Store a co-signature a remote witness made (``python -m fairhire.ledger.witness``).

    Anyone may submit: the signature itself must verify with the witness key the log trusts, on a
    checkpoint the log signed, so nothing else gets in.
    """
    try:
        signed_at = parse_time(checkpoint_time)
        witnessed_at = parse_time(witness_time)
    except SignatureError:
        raise InvalidInput(_("时间格式不正确。"), code="ledger.bad_time") from None
    checkpoint = Checkpoint.objects.filter(size=size, root_hash=root.lower(),
                                           signed_at=signed_at).first()
    if checkpoint is None:
        raise NotFound(_("没有这个检查点。"), code="ledger.checkpoint_not_found")
    witness_key = witness_public_key()
    try:
        verify_cosignature(tree_head(checkpoint), signature, witness_key,
                           witness_time=witnessed_at)
    except SignatureError:
        raise RuleViolation(_("见证签名无法用平台信任的见证方公钥验证。"),
                            code="ledger.bad_cosignature") from None
    existing = checkpoint.cosignatures.filter(witness_key_id=key_id(witness_key)).first()
    if existing is not None:
        return existing
    cosignature = Cosignature.objects.create(checkpoint=checkpoint,
                                             witness_key_id=key_id(witness_key),
                                             signed_at=witnessed_at, signature=signature)
    audit_record(action=AuditAction.LEDGER_CHECKPOINT_COSIGNED, target=checkpoint,
                 account="witness", details={"size": checkpoint.size, "remote": True}, now=now)
    return cosignature
