"""Throughput of the field-encryption engine (fairhire/privacy/crypto.py) against baselines.

Run from the repository root:  python bench/bench_crypto.py [--n 100000]

For N short values (ID numbers, phone numbers) it times the engine's encrypt, decrypt and blind
index side by side with what the same work costs without the engine's framing: raw AES-256-GCM from
the `cryptography` package, Fernet (AES-128-CBC + HMAC) from the same package, and a bare
HMAC-SHA256. It prints figures only; nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import hmac
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cryptography
from cryptography.fernet import Fernet
from cryptography.hazmat.backends.openssl import backend
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fairhire.privacy.crypto import FieldCrypto, KeyRing, Purpose, field_context


def synthetic_values(n: int, seed: int = 2026) -> tuple[list[str], list[str], list[str]]:
    """N fake ID numbers, N fake mobile numbers and their contexts (not real people)."""
    rng = random.Random(seed)
    ids = [
        f"{rng.randrange(110000, 659999)}{rng.randrange(1950, 2008)}"
        f"{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(0, 999):03d}"
        f"{rng.choice('0123456789X')}"
        for _ in range(n)
    ]
    phones = [f"1{rng.choice('3456789')}{rng.randrange(0, 10**9):09d}" for _ in range(n)]
    contexts = [
        field_context(table="profiles.seeker", column="id_number", row_id=i) for i in range(n)
    ]
    return ids, phones, contexts


def rate(label: str, n: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    per_second = n / elapsed
    print(f"  {label:<44} {per_second:>12,.0f} ops/s {elapsed * 1e6 / n:>8.2f} µs/op")
    return per_second


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="values per operation")
    n = parser.parse_args(argv).n

    print(
        f"Python {platform.python_version()}, cryptography {cryptography.__version__}, "
        f"{backend.openssl_version_text()}, {os.cpu_count()} CPUs, N = {n:,}"
    )
    ids, phones, contexts = synthetic_values(n)
    data_key, blind_key = AESGCM.generate_key(bit_length=256), os.urandom(32)
    engine = FieldCrypto(
        keyring=KeyRing(keys={"bench": data_key}, current_id="bench"), blind_index_key=blind_key
    )
    aesgcm = AESGCM(data_key)
    fernet = Fernet(Fernet.generate_key())
    id_bytes = [v.encode() for v in ids]

    results: dict[str, tuple[float, float]] = {}

    print("\nencrypt")
    tokens: list[str] = []
    raw: list[tuple[bytes, bytes]] = []
    fernet_tokens: list[bytes] = []
    ours = rate(
        "FieldCrypto.encrypt (AES-256-GCM, AAD, token)",
        n,
        lambda: tokens.extend(
            engine.encrypt(v, context=c) for v, c in zip(ids, contexts, strict=True)
        ),
    )

    def raw_encrypt() -> None:
        for v, c in zip(id_bytes, contexts, strict=True):
            nonce = os.urandom(12)
            raw.append((nonce, aesgcm.encrypt(nonce, v, c.encode())))

    base = rate("baseline: raw AESGCM.encrypt", n, raw_encrypt)
    fern = rate(
        "baseline: Fernet.encrypt", n, lambda: fernet_tokens.extend(map(fernet.encrypt, id_bytes))
    )
    results["encrypt"] = (ours, base)

    print("\ndecrypt")
    ours = rate(
        "FieldCrypto.decrypt",
        n,
        lambda: [engine.decrypt(t, context=c) for t, c in zip(tokens, contexts, strict=True)],
    )
    base = rate(
        "baseline: raw AESGCM.decrypt",
        n,
        lambda: [
            aesgcm.decrypt(nc, ct, c.encode()) for (nc, ct), c in zip(raw, contexts, strict=True)
        ],
    )
    fern_d = rate("baseline: Fernet.decrypt", n, lambda: [fernet.decrypt(t) for t in fernet_tokens])
    results["decrypt"] = (ours, base)

    print("\nblind index")
    ours_id = rate(
        "FieldCrypto.blind_index (ID number)",
        n,
        lambda: [engine.blind_index(v, purpose=Purpose.ID_NUMBER) for v in ids],
    )
    ours_phone = rate(
        "FieldCrypto.blind_index (phone)",
        n,
        lambda: [engine.blind_index(v, purpose=Purpose.PHONE) for v in phones],
    )
    base = rate(
        "baseline: hmac.digest SHA-256, no normalising",
        n,
        lambda: [hmac.digest(blind_key, v, "sha256").hex() for v in id_bytes],
    )
    results["blind index (ID)"] = (ours_id, base)
    results["blind index (phone)"] = (ours_phone, base)

    print(
        f"\n{'operation':<22} {'engine ops/s':>14} {'baseline ops/s':>16} {'engine/baseline':>16}"
    )
    for name, (mine, theirs) in results.items():
        print(f"{name:<22} {mine:>14,.0f} {theirs:>16,.0f} {mine / theirs:>15.0%}")
    print(f"{'Fernet (reference)':<22} {fern:>14,.0f} enc {fern_d:>12,.0f} dec")
    print(f"token length for an 18-character ID number: {len(tokens[0])} characters")


if __name__ == "__main__":
    main()
