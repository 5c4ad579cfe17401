"""Offline verifier: check a ledger checkpoint and a proof exported as JSON, with no database
and no Django (SECURITY.md control 20).

    python -m fairhire.ledger.verify --log-key <base64 public key> checkpoint.json proof.json
        [--witness-key <base64>] [--old-checkpoint older.json] [--payload record.json]

``checkpoint.json`` is what ``GET /api/v1/ledger/checkpoint`` returns; ``proof.json`` what
``GET /api/v1/ledger/proof/inclusion`` or ``.../proof/consistency`` returns. The log's public key
must come from somewhere you trust (the platform's published key, not the file being checked).

For an inclusion proof it recomputes the entry's leaf from its fields (and, given the record,
the payload's SHA-256), then the root from the audit path, and compares it with the signed
checkpoint. For a consistency proof it needs the older checkpoint you kept and shows that the new
one extends it. With ``--witness-key`` a valid co-signature by that witness is required too.
Exit status 0 when everything holds, 1 with the reason otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fairhire.ledger.checkpoint import (
    SignatureError,
    TreeHead,
    key_id,
    parse_time,
    public_key_from_text,
    verify_cosignature,
    verify_tree_head,
)
from fairhire.ledger.leaves import entry_leaf_hash, payload_digest
from fairhire.ledger.merkle import ProofError, canonical_json, verify_consistency, verify_inclusion


class VerificationFailed(Exception):
    pass


def check_checkpoint(data: dict, *, log_key: str, witness_key: str | None = None) -> TreeHead:
    """Verify a checkpoint's log signature (and a witness co-signature); return its tree head."""
    try:
        head = TreeHead.parse(data["body"])
        if head.size != data["size"] or head.root.hex() != data["root"]:
            raise VerificationFailed("the checkpoint's fields disagree with its signed body")
        key = public_key_from_text(log_key)
        if data.get("key_id") not in (None, key_id(key)):
            raise VerificationFailed(f"the checkpoint names key {data['key_id']}, not "
                                     f"the given log key {key_id(key)}")
        verify_tree_head(head, data["signature"], key)
        if witness_key:
            witness = public_key_from_text(witness_key)
            for cosignature in data.get("cosignatures", []):
                if cosignature["witness_key_id"] != key_id(witness):
                    continue
                verify_cosignature(head, cosignature["signature"], witness,
                                   witness_time=parse_time(cosignature["timestamp"]))
                break
            else:
                raise VerificationFailed("no co-signature by the given witness key")
    except (SignatureError, KeyError, TypeError) as exc:
        raise VerificationFailed(f"checkpoint: {exc}") from None
    return head


def check_inclusion(proof: dict, head: TreeHead, *, payload: object = None) -> str:
    entry = proof["entry"]
    if proof["size"] != head.size or proof["root"] != head.root.hex():
        raise VerificationFailed(f"the proof is for a tree of {proof['size']} entries, the "
                                 f"checkpoint for {head.size}; fetch a proof with size={head.size}")
    digest = entry["payload_sha256"]
    texts = []
    if entry.get("payload") is not None:
        texts.append(entry["payload"])
    if payload is not None:
        texts.append(canonical_json(payload).decode("utf-8"))
    for text in texts:
        if payload_digest(text) != digest:
            raise VerificationFailed(f"entry #{entry['seq']}: the record does not match the "
                                     "payload hash in the log")
    leaf = entry_leaf_hash(kind=entry["kind"], obj=entry["object"], time=entry["time"],
                           payload_sha256=digest, personal=entry["personal"])
    try:
        verify_inclusion(leaf, entry["seq"], head.size,
                         [bytes.fromhex(item) for item in proof["proof"]], head.root)
    except (ProofError, ValueError) as exc:
        raise VerificationFailed(f"entry #{entry['seq']}: {exc}") from None
    return (f"entry #{entry['seq']} ({entry['kind']}, {entry['object']}) is in the log of "
            f"{head.size} entries signed at {head.time:%Y-%m-%d %H:%M:%S}Z")


def check_consistency(proof: dict, head: TreeHead, old: TreeHead) -> str:
    if (proof["second"], proof["second_root"]) != (head.size, head.root.hex()):
        raise VerificationFailed("the proof does not end at the checkpoint")
    if (proof["first"], proof["first_root"]) != (old.size, old.root.hex()):
        raise VerificationFailed("the proof does not start at the older checkpoint")
    try:
        verify_consistency(old.size, head.size, old.root, head.root,
                           [bytes.fromhex(item) for item in proof["proof"]])
    except (ProofError, ValueError) as exc:
        raise VerificationFailed(f"consistency: {exc}") from None
    return f"the log of {head.size} entries extends the one of {old.size} entries you kept"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fairhire.ledger.verify",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("proof", type=Path, nargs="?")
    parser.add_argument("--log-key", required=True, help="the log's public key (base64)")
    parser.add_argument("--witness-key", help="require a co-signature by this witness (base64)")
    parser.add_argument("--old-checkpoint", type=Path, help="for a consistency proof")
    parser.add_argument("--payload", type=Path, help="the record itself, as JSON")
    args = parser.parse_args(argv)
    try:
        head = check_checkpoint(json.loads(args.checkpoint.read_text()), log_key=args.log_key,
                                witness_key=args.witness_key)
        print(f"OK checkpoint: {head.size} entries, root {head.root.hex()}")
        if args.proof:
            proof = json.loads(args.proof.read_text())
            if "entry" in proof:
                payload = json.loads(args.payload.read_text()) if args.payload else None
                print("OK " + check_inclusion(proof, head, payload=payload))
            else:
                if not args.old_checkpoint:
                    raise VerificationFailed("a consistency proof needs --old-checkpoint")
                old = check_checkpoint(json.loads(args.old_checkpoint.read_text()),
                                       log_key=args.log_key)
                print("OK " + check_consistency(proof, head, old))
    except (VerificationFailed, OSError, ValueError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
