"""The witness: co-signs a checkpoint only if it extends the last one it saw; no Django.

A witness is another party (the regulator, an auditor) with its own key and its own memory: a small
JSON file holding the last checkpoint it co-signed. It runs either beside the log
(``manage.py ledger_witness``) or anywhere else over the public API::

    python -m fairhire.ledger.witness --url https://fairhire.example --log-key <base64> \
        --key-file witness.key --state witness.json It refuses a checkpoint that

* is not signed by the log's key,
* is older (smaller) than the one it saw, or has the same size and another root (a fork),
* does not come with a valid RFC 9162 consistency proof from the one it saw (a rewritten log),
* is dated before the one it saw.

So once a witness co-signed a checkpoint, the log can never show it a history in which any entry
up to that size differs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import urllib.request
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fairhire.ledger.checkpoint import (
    SignatureError,
    TreeHead,
    cosign_tree_head,
    format_time,
    private_key_from_text,
    public_key_from_text,
    verify_tree_head,
)
from fairhire.ledger.merkle import ProofError, verify_consistency


class WitnessRefusal(Exception):
    """The witness will not co-sign this checkpoint; the message says why."""


def load_state(path: Path) -> TreeHead | None:
    """The last checkpoint the witness co-signed, or None on its first run."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return None
    data = json.loads(text)
    return TreeHead.parse(data["checkpoint"])


def save_state(path: Path, head: TreeHead) -> None:
    """Replace the state file atomically (write a temporary file, then rename it over)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".witness-")
    with os.fdopen(fd, "w") as handle:
        json.dump({"checkpoint": head.body().decode()}, handle)
    os.replace(tmp, path)


def witness_check(*, seen: TreeHead | None, head: TreeHead, signature: str,
                  log_key: Ed25519PublicKey, proof: Sequence[bytes]) -> None:
    """Raise :class:`WitnessRefusal` unless ``head`` may be co-signed after ``seen``."""
    try:
        verify_tree_head(head, signature, log_key)
    except SignatureError as exc:
        raise WitnessRefusal(f"not signed by the log's key: {exc}") from None
    if seen is None:
        return  # first contact: trust on first use, as every witness must
    if head.size < seen.size:
        raise WitnessRefusal(
            f"the log shrank: {head.size} entries after {seen.size} were co-signed")
    if head.time < seen.time:
        raise WitnessRefusal("the checkpoint is dated before the one already co-signed")
    try:
        verify_consistency(seen.size, head.size, seen.root, head.root, proof)
    except ProofError as exc:
        kind = "a fork" if head.size == seen.size else "inconsistent with the last checkpoint"
        raise WitnessRefusal(f"the checkpoint is {kind} (size {seen.size} -> {head.size}): "
                             f"{exc}") from None


def witness_cosign(*, state_path: Path, head: TreeHead, signature: str,
                   log_key: Ed25519PublicKey, proof: Sequence[bytes],
                   witness_key: Ed25519PrivateKey, now: datetime) -> str:
    """Check ``head`` against the remembered one, co-sign it and remember it.

    Returns the co-signature (base64); raises :class:`WitnessRefusal` and remembers nothing when
    the checkpoint is refused.
    """
    witness_check(seen=load_state(state_path), head=head, signature=signature, log_key=log_key,
                  proof=proof)
    cosignature = cosign_tree_head(head, witness_key, witness_time=now)
    save_state(state_path, head)
    return cosignature


# ----------------------------------------------------------------- a witness somewhere else

Fetch = Callable[[str], dict]
Post = Callable[[str, dict], dict]


def _http_get(url: str) -> dict:
    if not url.startswith(("https://", "http://")):
        raise WitnessRefusal(f"not an http(s) URL: {url}")
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (scheme checked)
        return json.load(response)


def _http_post(url: str, body: dict) -> dict:
    if not url.startswith(("https://", "http://")):
        raise WitnessRefusal(f"not an http(s) URL: {url}")
    request = urllib.request.Request(  # noqa: S310 (scheme checked)
        url, data=json.dumps(body).encode(), method="POST",
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (scheme checked)
        return json.load(response)


def witness_remote(*, base_url: str, state_path: Path, log_key: Ed25519PublicKey,
                   witness_key: Ed25519PrivateKey, now: datetime, fetch: Fetch = _http_get,
                   post: Post = _http_post) -> str:
    """Witness the platform's latest checkpoint over its public API, with no database access:
    fetch it and a consistency proof from the last one seen, check, co-sign, hand it in."""
    api = base_url.rstrip("/") + "/api/v1/ledger"
    data = fetch(f"{api}/checkpoint")
    try:
        head = TreeHead.parse(data["body"])
    except (SignatureError, KeyError) as exc:
        raise WitnessRefusal(f"not a checkpoint: {exc}") from None
    seen = load_state(state_path)
    proof: list[bytes] = []
    if seen is not None and 0 < seen.size < head.size:
        answer = fetch(f"{api}/proof/consistency?first={seen.size}&second={head.size}")
        proof = [bytes.fromhex(item) for item in answer["proof"]]
    cosignature = witness_cosign(state_path=state_path, head=head, signature=data["signature"],
                                 log_key=log_key, proof=proof, witness_key=witness_key, now=now)
    post(f"{api}/cosignatures", {
        "size": head.size, "root": head.root.hex(), "timestamp": format_time(head.time),
        "witness_time": format_time(now), "signature": cosignature,
    })
    return cosignature


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fairhire.ledger.witness",
        description="Witness a FairHire ledger over its public API and co-sign its checkpoint.")
    parser.add_argument("--url", required=True, help="the platform, e.g. https://fairhire.example")
    parser.add_argument("--log-key", required=True, help="the log's public key (base64)")
    parser.add_argument("--key-file", type=Path, required=True,
                        help="this witness's private key (URL-safe base64 Ed25519 seed)")
    parser.add_argument("--state", type=Path, required=True,
                        help="this witness's memory of the last checkpoint it co-signed")
    args = parser.parse_args(argv)
    try:
        witness_remote(base_url=args.url, state_path=args.state,
                       log_key=public_key_from_text(args.log_key),
                       witness_key=private_key_from_text(args.key_file.read_text()),
                       now=datetime.now(UTC))
    except (WitnessRefusal, SignatureError, OSError, ValueError) as exc:
        print(f"REFUSED: {exc}", file=sys.stderr)
        return 1
    print("co-signed", file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
