"""Speed of the Django ledger (fairhire/ledger) on SQLite and PostgreSQL, beside a naive baseline.

Run from the repository root:  .venv/bin/python bench/ledger.py [--size 1000000]
                                   [--backends sqlite,postgresql] [--pg-url postgresql://...]

For each database it migrates a scratch database (a temporary SQLite file; a temporary PostgreSQL
database that is dropped afterwards), then measures, at ``--size`` entries:

* batched appends per second through the real service ``ledger_append_many`` (entries, payloads
  and stored tree nodes, one locked batch of ``--batch`` records per transaction), beside the
  naive log that stores only entries and payloads with the same inserts (a sample, rolled back);
* one inclusion proof at the full size from stored nodes (head row + one node query), beside the
  naive log that reads every leaf hash and recomputes the audit path by RFC 9162's definition;
* signing a checkpoint (the root from stored nodes) beside recomputing the root from every leaf;
* a full ``ledger_verify`` (every payload, leaf, node, checkpoint and signature).

It prints figures only; nothing is asserted. Each database runs in its own process because
Django's settings are fixed per process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def median_time(run, calls: int) -> float:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# ---------------------------------------------------------------------------------- the worker


def worker(size: int, batch: int, naive_sample: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from fairhire.ledger.leaves import payload_digest
    from fairhire.ledger.merkle import (
        MerkleLog,
        canonical_json,
        reference_inclusion_proof,
        reference_root,
        verify_inclusion,
    )
    from fairhire.ledger.services import (
        ObjectRef,
        Record,
        checkpoint_sign,
        ledger_append_many,
        ledger_verify,
    )
    from fairhire.ledger.store import DatabaseNodeStore

    call_command("migrate", verbosity=0)
    result: dict = {"vendor": connection.vendor, "size": size, "batch": batch}

    def records(start: int, count: int) -> list:
        return [Record("applications.state_changed",
                       ObjectRef("applications", "application", str(i)),
                       {"state": "submitted", "n": i, "posting": i % 977,
                        "seeker_name": f"enc:v1:k1:{i:012d}"}, ("seeker_name",))
                for i in range(start, start + count)]

    # Appends through the real service.
    start = time.perf_counter()
    done = 0
    while done < size:
        count = min(batch, size - done)
        with transaction.atomic():
            ledger_append_many(records=records(done, count))
        done += count
    result["append_seconds"] = time.perf_counter() - start
    result["appends_per_second"] = size / result["append_seconds"]

    # Naive baseline: the same rows without a tree (and without the lock), rolled back.
    sample = min(size, naive_sample)

    class Rollback(Exception):
        pass

    start = time.perf_counter()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            offset = 10**12
            done = 0
            while done < sample:
                count = min(batch, sample - done)
                now = connection.ops.adapt_datetimefield_value(timezone.now())
                rows, bodies = [], []
                for i, record in enumerate(records(done, count), start=offset + done):
                    text = canonical_json(record.payload).decode()
                    rows.append((i, record.kind, "applications", "application", str(i), now,
                                 json.dumps(list(record.personal)), payload_digest(text), ""))
                    bodies.append((i, text))
                cursor.executemany(
                    "INSERT INTO ledger_entry (seq, kind, object_app, object_model, object_pk, "
                    "recorded_at, personal, payload_sha256, leaf_hash) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
                cursor.executemany(
                    "INSERT INTO ledger_entrypayload (entry_id, text) VALUES (%s, %s)", bodies)
                done += count
            naive_seconds = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    result["naive_appends_per_second"] = sample / naive_seconds
    result["naive_sample"] = sample

    # Inclusion proofs at the full size.
    rng = random.Random(9)
    log_size = MerkleLog(DatabaseNodeStore()).size

    def engine_proof() -> None:
        index = rng.randrange(log_size)
        MerkleLog(DatabaseNodeStore()).inclusion_proof(index, log_size)

    engine_proof()  # warm the connection and caches
    result["proof_seconds"] = median_time(engine_proof, 2000)
    log = MerkleLog(DatabaseNodeStore())
    index = rng.randrange(log_size)
    root = log.root()
    leaf, path = log.leaf_hash(index), log.inclusion_proof(index)
    result["proof_verify_seconds"] = median_time(
        lambda: verify_inclusion(leaf, index, log_size, path, root), 200)

    def all_leaves() -> list[bytes]:
        with connection.cursor() as cursor:
            cursor.execute('SELECT "hash" FROM ledger_node WHERE "key" < %s ORDER BY "key"',
                           [1 << 48])
            return [bytes(row[0]) for row in cursor]

    def naive_proof() -> None:
        reference_inclusion_proof(rng.randrange(log_size), all_leaves())

    result["naive_proof_seconds"] = median_time(naive_proof, 3)

    # Checkpoint: root from stored nodes versus from every leaf.
    checkpoint_sign()  # the first write after the bulk load pays for the database's own flush
    result["checkpoint_seconds"] = median_time(checkpoint_sign, 5)
    start = time.perf_counter()
    assert reference_root(all_leaves()).hex() == root.hex()
    result["naive_root_seconds"] = time.perf_counter() - start

    # Full verification.
    start = time.perf_counter()
    report = ledger_verify(record=False)
    result["verify_seconds"] = time.perf_counter() - start
    result["verify_ok"] = report.ok
    return result


# ------------------------------------------------------------------------------ orchestration


def run_backend(backend: str, args) -> dict | None:
    with tempfile.TemporaryDirectory(prefix="fh-ledger-bench-") as var:
        env = {**os.environ, "FAIRHIRE_VAR_DIR": var, "DJANGO_SETTINGS_MODULE": "fairhire.settings"}
        database = None
        if backend == "sqlite":
            env.pop("FAIRHIRE_DATABASE_URL", None)
        else:
            import psycopg

            database = f"fh_ledger_bench_{uuid.uuid4().hex[:8]}"
            try:
                with psycopg.connect(args.pg_url, autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{database}"')
            except psycopg.OperationalError as exc:
                print(f"!! PostgreSQL not available at {args.pg_url}: {exc}")
                return None
            env["FAIRHIRE_DATABASE_URL"] = args.pg_url.rsplit("/", 1)[0] + "/" + database
        try:
            command = [sys.executable, __file__, "--worker", "--size", str(args.size),
                       "--batch", str(args.batch), "--naive-sample", str(args.naive_sample)]
            print(f"... {backend}: {args.size:,} entries", flush=True)
            done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True,  # noqa: S603
                                  check=False)
            if done.returncode != 0:
                print(done.stdout + done.stderr)
                return None
            return json.loads(done.stdout.strip().splitlines()[-1])
        finally:
            if database:
                import psycopg

                with psycopg.connect(args.pg_url, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def report(results: list[dict]) -> None:
    print()
    print(f"Python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; entries per batch: {results[0]['batch']:,}")
    for r in results:
        n = r["size"]
        print(f"\n== {r['vendor']}: {n:,} entries ==")
        print(f"{'measure':<44}{'ledger':>16}{'naive baseline':>18}")
        print(f"{'batched appends per second':<44}{r['appends_per_second']:>16,.0f}"
              f"{r['naive_appends_per_second']:>18,.0f}   (naive: entries only, no tree; "
              f"{r['naive_sample']:,}-row sample)")
        print(f"{'time to append all entries':<44}{fmt_time(r['append_seconds']):>16}")
        print(f"{f'inclusion proof at {n:,} (median)':<44}{fmt_time(r['proof_seconds']):>16}"
              f"{fmt_time(r['naive_proof_seconds']):>18}   "
              f"({r['naive_proof_seconds'] / r['proof_seconds']:,.0f}x)")
        print(f"{'check one inclusion proof (client side)':<44}"
              f"{fmt_time(r['proof_verify_seconds']):>16}")
        print(f"{'sign a checkpoint (median) / root':<44}"
              f"{fmt_time(r['checkpoint_seconds']):>16}{fmt_time(r['naive_root_seconds']):>18}")
        print(f"{'full ledger_verify':<44}{fmt_time(r['verify_seconds']):>16}"
              f"{'(same work)':>18}   intact: {r['verify_ok']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--naive-sample", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=os.environ.get("FAIRHIRE_TEST_POSTGRES_URL",
                                                           DEFAULT_PG))
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.size, args.batch, args.naive_sample)))
        return
    results = [r for backend in args.backends.split(",")
               if (r := run_backend(backend.strip(), args)) is not None]
    if results:
        report(results)


if __name__ == "__main__":
    main()
