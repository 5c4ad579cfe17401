"""Speed of the ledger's Merkle log engine (fairhire/ledger/merkle.py) against a naive baseline.

Run from the repository root:  python bench/bench_merkle.py [--sizes 10000 100000]

For each log size N it appends N entries to the engine's in-memory store, one at a time and in
batches, then times roots, inclusion proofs and consistency proofs for the whole log and for
earlier sizes. The baseline is the log without stored subtrees: a list of leaf hashes, with every
root and proof computed from all leaves by RFC 9162's recursive definitions (MTH, PATH, PROOF), as
a log that keeps only its entries would have to. It also counts the node reads each engine proof
needs (the database round trips of the real store). It prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fairhire.ledger.merkle import (
    InMemoryNodeStore,
    MerkleLog,
    leaf_hash,
    reference_consistency_proof,
    reference_inclusion_proof,
    reference_root,
    root_from_leaf_hashes,
    verify_inclusion,
)

BATCH = 1_000


def seconds_per_call(run: Callable[[], object], *, calls: int) -> float:
    """Median time of one call over ``calls`` calls (median, so one GC pause does not count)."""
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def relative(engine_over_baseline: float) -> str:
    """Describe a time ratio (engine time / baseline time) as "N x faster" or "N x slower"."""
    faster = engine_over_baseline <= 1
    factor = 1 / engine_over_baseline if faster else engine_over_baseline
    digits = 1 if factor < 10 else 0
    return f"{factor:,.{digits}f}x {'faster' if faster else 'slower'}"


def row(name: str, engine: str, baseline: str, ratio: str = "") -> None:
    print(f"  {name:<38} {engine:>12} {baseline:>16} {ratio:>14}")


def bench_size(n: int, rng: random.Random) -> None:
    entries = [f"ledger entry {i}: posting version, canonical JSON".encode() for i in range(n)]
    print(f"\nN = {n:,} entries")
    row("operation", "engine", "naive baseline", "engine is")

    # -- appends, one at a time: the engine reads the right edge and writes the completed nodes.
    store = InMemoryNodeStore()
    log = MerkleLog(store)
    start = time.perf_counter()
    for entry in entries:
        log.append(entry)
    engine_rate = n / (time.perf_counter() - start)
    naive: list[bytes] = []
    start = time.perf_counter()
    for entry in entries:
        naive.append(leaf_hash(entry))
    naive_rate = n / (time.perf_counter() - start)
    row(
        "append, one by one (entries/s)",
        f"{engine_rate:,.0f}",
        f"{naive_rate:,.0f}",
        relative(naive_rate / engine_rate),
    )

    # -- appends in batches: one right-edge read and one write per batch.
    store = InMemoryNodeStore()
    log = MerkleLog(store)
    start = time.perf_counter()
    for lo in range(0, n, BATCH):
        log.extend(entries[lo : lo + BATCH])
    engine_rate = n / (time.perf_counter() - start)
    naive = []
    start = time.perf_counter()
    for lo in range(0, n, BATCH):
        naive.extend(leaf_hash(entry) for entry in entries[lo : lo + BATCH])
    naive_rate = n / (time.perf_counter() - start)
    row(
        f"append, batches of {BATCH:,} (entries/s)",
        f"{engine_rate:,.0f}",
        f"{naive_rate:,.0f}",
        relative(naive_rate / engine_rate),
    )

    # The naive baseline pays at read time: every root and proof rehashes the leaves.
    naive_calls = 3

    def compare(
        name: str,
        engine_run: Callable[[], object],
        naive_run: Callable[[], object],
        engine_calls: int = 200,
    ) -> None:
        mine = seconds_per_call(engine_run, calls=engine_calls)
        theirs = seconds_per_call(naive_run, calls=naive_calls)
        row(name, fmt_time(mine), fmt_time(theirs), relative(mine / theirs))

    compare("root of the whole log", lambda: log.root(n), lambda: reference_root(naive))
    old = n // 3 + 1
    compare(
        f"root of an earlier size ({old:,})",
        lambda: log.root(old),
        lambda: reference_root(naive[:old]),
    )

    index = rng.randrange(n)
    compare(
        "inclusion proof, random leaf",
        lambda: log.inclusion_proof(index, n),
        lambda: reference_inclusion_proof(index, naive),
    )
    size1 = rng.randrange(1, n)
    compare(
        "consistency proof, random size",
        lambda: log.consistency_proof(size1, n),
        lambda: reference_consistency_proof(size1, naive),
    )

    root = log.root()
    proof = log.inclusion_proof(index, n)
    verify = seconds_per_call(
        lambda: verify_inclusion(naive[index], index, n, proof, root), calls=1000
    )
    row("verify an inclusion proof", fmt_time(verify), "(same function)")
    # Full verification recomputes the root from every entry; the engine streams the leaves with
    # O(log N) memory, the baseline recurses over the whole list.
    compare(
        "recompute the root from all leaves",
        lambda: root_from_leaf_hashes(iter(naive)),
        lambda: reference_root(naive),
        engine_calls=naive_calls,
    )

    # -- how many stored nodes a proof reads, over many random proofs.
    reads_inclusion, reads_consistency = [], []
    for _ in range(2_000):
        size = rng.randint(2, n)
        store.reads = 0
        log.inclusion_proof(rng.randrange(size), size)
        reads_inclusion.append(store.reads)
        store.reads = 0
        log.consistency_proof(rng.randint(1, size), size)
        reads_consistency.append(store.reads)
    print(
        f"  node reads per proof (2,000 random): inclusion mean "
        f"{statistics.fmean(reads_inclusion):.1f} max {max(reads_inclusion)}, consistency mean "
        f"{statistics.fmean(reads_consistency):.1f} max {max(reads_consistency)}; "
        f"2*ceil(log2 N) = {2 * (n - 1).bit_length()}; one store call each"
    )
    print(f"  nodes stored: {store.node_count:,} ({store.node_count / n:.2f} per entry)")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10_000, 100_000], help="log sizes to time"
    )
    args = parser.parse_args(argv)
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.machine()}, {os.cpu_count()} CPUs; in-memory node store"
    )
    rng = random.Random(9162)
    started = time.perf_counter()
    for n in args.sizes:
        bench_size(n, rng)
    print(f"\ntotal {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
