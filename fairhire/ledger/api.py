"""Ledger API: public checkpoints and proofs anyone can check offline (R24.2; Art. 26).

Everything here is public (no sign-in); payloads are added for inspectors and the audit
administrator. Hashes are lowercase hex, signatures base64; ``body`` is the exact signed text.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from fairhire.accounts.api import TokenAuth
from fairhire.core.api import ErrorOut
from fairhire.ledger import selectors, services
from fairhire.ledger.checkpoint import format_time, public_key_text
from fairhire.ledger.keys import log_public_key, witness_public_key
from fairhire.ledger.models import Checkpoint, Entry
from fairhire.ledger.services import entry_time, tree_head

MAX_SIZE = 2**48  # far above any log; keeps absurd numbers out of the database


def _anyone(request: HttpRequest):
    """Public endpoints still recognise a signed-in caller (inspectors see payloads)."""
    return AnonymousUser()


router = Router(tags=["ledger"], auth=[TokenAuth(), django_auth, _anyone])


class CosignatureOut(Schema):
    witness_key_id: str
    timestamp: str
    signature: str


class CheckpointOut(Schema):
    size: int
    root: str
    timestamp: str
    key_id: str
    signature: str
    body: str
    log_public_key: str
    witness_public_key: str
    cosignatures: list[CosignatureOut]


class EntryOut(Schema):
    seq: int
    kind: str
    object: str
    time: str
    personal: list[str]
    payload_sha256: str
    leaf_hash: str
    payload: str | None = None


class InclusionOut(Schema):
    entry: EntryOut
    size: int
    root: str
    proof: list[str]
    checkpoint: CheckpointOut | None


class ConsistencyOut(Schema):
    first: int
    second: int
    first_root: str
    second_root: str
    proof: list[str]


class ObjectEntriesOut(Schema):
    object: str
    checkpoint: CheckpointOut | None
    entries: list[InclusionOut]


class InclusionIn(Schema):
    entry: int = Field(..., ge=0, lt=MAX_SIZE)
    size: int | None = Field(None, ge=1, le=MAX_SIZE)


class ConsistencyIn(Schema):
    first: int = Field(..., ge=0, le=MAX_SIZE)
    second: int | None = Field(None, ge=0, le=MAX_SIZE)


def checkpoint_out(checkpoint: Checkpoint | None) -> dict | None:
    if checkpoint is None:
        return None
    return {
        "size": checkpoint.size,
        "root": checkpoint.root_hash,
        "timestamp": format_time(checkpoint.signed_at),
        "key_id": checkpoint.key_id,
        "signature": checkpoint.signature,
        "body": tree_head(checkpoint).body().decode(),
        "log_public_key": public_key_text(log_public_key()),
        "witness_public_key": public_key_text(witness_public_key()),
        "cosignatures": [
            {"witness_key_id": c.witness_key_id, "timestamp": format_time(c.signed_at),
             "signature": c.signature}
            for c in checkpoint.cosignatures.all()
        ],
    }


def entry_out(entry: Entry, *, show_payload: bool) -> dict:
    return {
        "seq": entry.seq, "kind": entry.kind, "object": entry.object,
        "time": entry_time(entry.recorded_at), "personal": entry.personal,
        "payload_sha256": entry.payload_sha256, "leaf_hash": entry.leaf_hash,
        "payload": entry.body.text if show_payload else None,
    }


def inclusion_out(proof: selectors.InclusionProof) -> dict:
    return {
        "entry": entry_out(proof.entry, show_payload=proof.show_payload),
        "size": proof.size,
        "root": proof.root.hex(),
        "proof": [item.hex() for item in proof.path],
        "checkpoint": checkpoint_out(proof.checkpoint),
    }


@router.get("/checkpoint", response={200: CheckpointOut, 404: ErrorOut},
            url_name="api-ledger-checkpoint")
def checkpoint(request: HttpRequest):
    """The latest signed checkpoint (tree size and root) with the witnesses' co-signatures."""
    return checkpoint_out(selectors.checkpoint_latest())


@router.get("/proof/inclusion", response={200: InclusionOut, 400: ErrorOut, 404: ErrorOut},
            url_name="api-ledger-inclusion")
def inclusion(request: HttpRequest, query: Query[InclusionIn]):
    """Proof that entry ``entry`` is in the tree of ``size`` entries (default: the latest
    checkpoint's size)."""
    proof = selectors.inclusion_proof_get(entry=query.entry, size=query.size, actor=request.auth)
    return inclusion_out(proof)


@router.get("/proof/consistency", response={200: ConsistencyOut, 400: ErrorOut, 404: ErrorOut},
            url_name="api-ledger-consistency")
def consistency(request: HttpRequest, query: Query[ConsistencyIn]):
    """Proof that the tree of ``second`` entries (default: the latest checkpoint's) extends the
    tree of ``first`` entries."""
    proof = selectors.consistency_proof_get(first=query.first, second=query.second)
    return {"first": proof.first, "second": proof.second, "first_root": proof.first_root.hex(),
            "second_root": proof.second_root.hex(), "proof": [p.hex() for p in proof.path]}


@router.get("/objects/{kind}/{object_id}",
            response={200: ObjectEntriesOut, 400: ErrorOut, 404: ErrorOut},
            url_name="api-ledger-object")
def object_entries(request: HttpRequest, kind: str, object_id: str):
    """Every ledger entry about one object (``kind`` is ``app_label.model``), each with its
    inclusion proof against the latest checkpoint."""
    proofs = selectors.object_entries_list(object_type=kind[:201], object_id=object_id[:64],
                                           actor=request.auth)
    return {"object": proofs[0].entry.object,
            "checkpoint": checkpoint_out(proofs[0].checkpoint),
            "entries": [inclusion_out(proof) for proof in proofs]}


class CosignatureIn(Schema):
    size: int = Field(..., ge=0, le=MAX_SIZE)
    root: str = Field(..., pattern=r"^[0-9a-fA-F]{64}$")
    timestamp: str = Field(..., max_length=32, description="the checkpoint's time")
    witness_time: str = Field(..., max_length=32)
    signature: str = Field(..., max_length=100)


@router.post("/cosignatures", auth=None,
             response={201: CosignatureOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
             url_name="api-ledger-cosign")
def cosign(request: HttpRequest, body: CosignatureIn):
    """A remote witness hands in its co-signature of a checkpoint. No sign-in: the signature
    must verify with the witness key the platform trusts."""
    cosignature = services.cosignature_submit(
        size=body.size, root=body.root, checkpoint_time=body.timestamp,
        witness_time=body.witness_time, signature=body.signature)
    return Status(201, {"witness_key_id": cosignature.witness_key_id,
                 "timestamp": format_time(cosignature.signed_at),
                 "signature": cosignature.signature})
