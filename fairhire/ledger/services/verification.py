"""Full verification of the ledger: ``manage.py ledger_verify`` (SECURITY.md control 20).

Recomputes every entry's payload hash and leaf from the rows as they are now, every stored tree
node from the recorded leaves, every checkpoint's root from the tree and every signature, and
names exactly which entry was altered, removed, inserted or reordered (``diagnosis.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.models import AuditEvent
from fairhire.ledger import diagnosis
from fairhire.ledger.checkpoint import (
    SignatureError,
    TreeHead,
    key_id,
    verify_cosignature,
    verify_tree_head,
)
from fairhire.ledger.diagnosis import Finding
from fairhire.ledger.keys import log_public_key, witness_public_key
from fairhire.ledger.leaves import (
    REDACTION_KIND,
    RETENTION_KIND,
    entry_leaf_hash,
    object_ref,
    payload_digest,
)
from fairhire.ledger.merkle import MerkleLog, node_hash, root_from_leaf_hashes
from fairhire.ledger.models import NODE_LEVEL_SHIFT, Checkpoint, Cosignature, Entry, LogHead
from fairhire.ledger.services.appending import entry_time
from fairhire.ledger.services.checkpoints import tree_head
from fairhire.ledger.store import DatabaseNodeStore

MAX_TREE_FINDINGS = 20  # a wiped node table would otherwise print a million lines


@dataclass
class VerificationReport:
    size: int = 0
    entries: int = 0
    checkpoints: int = 0
    cosignatures: int = 0
    redactions: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def ledger_verify(*, actor=None, now: datetime | None = None, record: bool = True,
                  expect_checkpoint: dict | None = None) -> VerificationReport:
    """Check the whole ledger; the report's findings name what is wrong (empty when intact).

    With ``record`` the run is audited with its outcome (a restore drill against a scratch
    database passes ``record=False`` so it leaves that database as it was).
    ``expect_checkpoint`` (the JSON a backup writes next to itself) must be signed by the log key
    and match the tree: the restored ledger is then the one that was backed up.
    """
    report = VerificationReport()
    report.size = LogHead.objects.values_list("size", flat=True).get(pk=1)
    recorded = _recorded_leaves(report)
    tree_ok = _check_interior_nodes(recorded, report)
    rows = _recomputed_rows(report)
    checkpoints_ok = _check_checkpoints(recorded, rows, report, tree_ok=tree_ok)
    if tree_ok and checkpoints_ok:
        report.findings.extend(diagnosis.compare_leaves(rows, recorded))
    if expect_checkpoint is not None:
        _check_expected(expect_checkpoint, recorded, report)
    if record:
        with transaction.atomic():
            audit_record(action=AuditAction.LEDGER_LOG_VERIFIED, actor=actor,
                         account="" if actor else "ledger",
                         result=AuditEvent.Result.SUCCESS if report.ok
                         else AuditEvent.Result.FAILURE,
                         details={"size": report.size, "findings": len(report.findings)},
                         now=now)
    return report


def _check_expected(data: dict, recorded: list[bytes], report: VerificationReport) -> None:
    try:
        head = TreeHead.parse(data["body"])
        verify_tree_head(head, data["signature"], log_public_key())
    except (SignatureError, KeyError, TypeError) as exc:
        report.findings.append(Finding(diagnosis.CHECKPOINT, None,
                                       f"the expected checkpoint is not valid: {exc}"))
        return
    if head.size > len(recorded):
        report.findings.append(Finding(diagnosis.REMOVED, len(recorded), f"the expected "
                                       f"checkpoint covers {head.size} entries, the tree has "
                                       f"{len(recorded)}"))
    elif root_from_leaf_hashes(recorded[:head.size]) != head.root:
        report.findings.append(Finding(diagnosis.CHECKPOINT, None, f"the tree's first "
                                       f"{head.size} entries do not match the expected "
                                       "checkpoint"))


def _recorded_leaves(report: VerificationReport) -> list[bytes]:
    """The leaf hashes the tree recorded at append time (level-0 nodes), in order."""
    leaves: list[bytes] = []
    with connection.cursor() as cursor:
        cursor.execute('SELECT "key", "hash" FROM ledger_node WHERE "key" < %s ORDER BY "key"',
                       [1 << NODE_LEVEL_SHIFT])
        for key, value in cursor:
            if key != len(leaves):
                report.findings.append(Finding(diagnosis.TREE, len(leaves),
                                               f"tree leaf #{len(leaves)} is missing"))
                return leaves
            leaves.append(bytes(value))
    if len(leaves) != report.size:
        report.findings.append(Finding(diagnosis.TREE, None, f"the log head says "
                                       f"{report.size} entries but the tree has {len(leaves)}"))
    return leaves


def _check_interior_nodes(recorded: list[bytes], report: VerificationReport) -> bool:
    """Every stored perfect subtree must be the hash of its two children."""
    before = len(report.findings)
    expected: dict[int, list[bytes]] = {}
    level, below = 0, recorded
    while len(below) >= 2:
        level += 1
        below = [node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)]
        expected[level] = below
    seen: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute('SELECT "key", "hash" FROM ledger_node WHERE "key" >= %s ORDER BY "key"',
                       [1 << NODE_LEVEL_SHIFT])
        for key, value in cursor:
            level, index = key >> NODE_LEVEL_SHIFT, key & ((1 << NODE_LEVEL_SHIFT) - 1)
            row = expected.get(level, [])
            seen[level] = seen.get(level, 0) + 1
            if index >= len(row):
                _tree_finding(report, f"tree node ({level}, {index}) should not exist")
            elif bytes(value) != row[index]:
                _tree_finding(report, f"tree node ({level}, {index}) was altered")
    for level, row in expected.items():
        if seen.get(level, 0) < len(row):
            _tree_finding(report, f"{len(row) - seen.get(level, 0)} tree node(s) of level "
                          f"{level} are missing")
    return len(report.findings) == before


def _tree_finding(report: VerificationReport, message: str) -> None:
    tree = [f for f in report.findings if f.problem == diagnosis.TREE]
    if len(tree) < MAX_TREE_FINDINGS:
        report.findings.append(Finding(diagnosis.TREE, None, message))


def _recomputed_rows(report: VerificationReport) -> list[tuple[int, bytes]]:
    """(seq, leaf recomputed from the row) for every entry row, plus payload and redaction
    checks."""
    rows: list[tuple[int, bytes]] = []
    mismatched: dict[int, str] = {}  # seq -> digest of the payload text now stored
    payload_hash: dict[int, str] = {}
    redactions: dict[int, tuple[int, dict]] = {}  # redacted seq -> (redaction seq, its payload)
    redacted_at: dict[int, datetime] = {}  # redaction seq -> its time
    retained: dict[str, datetime] = {}  # object -> retain_until, as the log recorded it
    columns = ("seq", "kind", "object_app", "object_model", "object_pk", "recorded_at",
               "personal", "payload_sha256", "leaf_hash", "body__text")
    for (seq, kind, app, model, pk, recorded_at, personal, digest, leaf_column,
         text) in Entry.objects.order_by("seq").values_list(*columns).iterator(chunk_size=5000):
        leaf = entry_leaf_hash(kind=kind, obj=object_ref(app, model, pk),
                               time=entry_time(recorded_at), payload_sha256=digest,
                               personal=personal)
        rows.append((seq, leaf))
        if leaf_column != leaf.hex():
            report.findings.append(Finding(diagnosis.ALTERED, seq, f"entry #{seq} was altered: "
                                           "its leaf hash column was rewritten"))
        payload_hash[seq] = digest
        if text is None:
            report.findings.append(Finding(diagnosis.ALTERED, seq,
                                           f"entry #{seq} was altered: its payload is missing"))
        elif payload_digest(text) != digest:
            mismatched[seq] = payload_digest(text)
        elif kind == REDACTION_KIND:
            body = json.loads(text)
            redactions[body["entry"]] = (seq, body)
            redacted_at[seq] = recorded_at
        elif kind == RETENTION_KIND:
            retained[object_ref(app, model, pk)] = datetime.fromisoformat(
                json.loads(text)["retain_until"])
    report.entries = len(rows)
    report.redactions = len(redactions)
    for seq, now_digest in mismatched.items():
        redaction = redactions.get(seq)
        if redaction is not None and redaction[1]["redacted_payload_sha256"] == now_digest:
            continue
        report.findings.append(Finding(diagnosis.ALTERED, seq, f"entry #{seq} was altered: its "
                                       "payload does not match its recorded SHA-256"))
    for seq, (by, body) in redactions.items():
        if payload_hash.get(seq) != body["original_payload_sha256"]:
            report.findings.append(Finding(diagnosis.REDACTION, by, f"redaction #{by} names "
                                           f"entry #{seq}, whose payload hash is another"))
        elif seq not in mismatched:
            report.findings.append(Finding(diagnosis.REDACTION, by, f"redaction #{by} was "
                                           f"recorded but entry #{seq} still holds its payload"))
    _check_redaction_dates(redactions, redacted_at, retained, report)
    return rows


def _check_redaction_dates(redactions: dict[int, tuple[int, dict]],
                           redacted_at: dict[int, datetime], retained: dict[str, datetime],
                           report: VerificationReport) -> None:
    """An erasure before the retention period the log recorded is named (Art. 26): the mutable
    retention table could be edited, the log's retention entries cannot."""
    if not redactions:
        return
    objects = {seq: object_ref(app, model, pk) for seq, app, model, pk in Entry.objects.filter(
        seq__in=list(redactions)).values_list("seq", "object_app", "object_model", "object_pk")}
    for seq, (by, _body) in redactions.items():
        until = retained.get(objects.get(seq, ""))
        if until is None or redacted_at[by] < until:
            when = f"before {until:%Y-%m-%d}" if until else "with no retention period logged"
            report.findings.append(Finding(diagnosis.REDACTION, by, f"redaction #{by} erased "
                                           f"entry #{seq} {when}"))


def _check_checkpoints(recorded: list[bytes], rows: list[tuple[int, bytes]],
                       report: VerificationReport, *, tree_ok: bool) -> bool:
    """Every checkpoint is signed by the log key and matches the tree; so are co-signatures."""
    ok = True
    log_key, witness_key = log_public_key(), witness_public_key()
    log_key_id, witness_key_id = key_id(log_key), key_id(witness_key)
    log = MerkleLog(DatabaseNodeStore(size=len(recorded)))
    checkpoints = list(Checkpoint.objects.order_by("signed_at", "id"))
    report.checkpoints = len(checkpoints)
    for checkpoint in checkpoints:
        head = tree_head(checkpoint)
        label = f"checkpoint {checkpoint.pk} (size {checkpoint.size})"
        try:
            if checkpoint.key_id != log_key_id:
                raise SignatureError(f"signed with unknown key {checkpoint.key_id}")
            verify_tree_head(head, checkpoint.signature, log_key)
        except SignatureError as exc:
            # A forged row says nothing about the tree; the entries are still judged by it.
            report.findings.append(Finding(diagnosis.CHECKPOINT, None, f"{label}: {exc}"))
            continue
        if checkpoint.size > len(recorded):
            report.findings.append(Finding(
                diagnosis.REMOVED, len(recorded), f"{label} was signed over {checkpoint.size} "
                f"entries but the tree now has {len(recorded)}: entries #{len(recorded)}-"
                f"#{checkpoint.size - 1} were removed"))
            ok = False
        elif tree_ok and log.root(checkpoint.size) != head.root:
            report.findings.append(Finding(diagnosis.CHECKPOINT, None,
                                           f"{label} does not match the stored tree"))
            ok = False
    if not ok or not tree_ok:
        # The tree itself is not trustworthy: judge the entry rows by the signed roots alone.
        for checkpoint in checkpoints:
            if checkpoint.size <= len(rows):
                root = root_from_leaf_hashes(leaf for _, leaf in rows[:checkpoint.size])
                if root != bytes.fromhex(checkpoint.root_hash):
                    report.findings.append(Finding(
                        diagnosis.CHECKPOINT, None, f"the first {checkpoint.size} entry rows "
                        f"do not give the root signed in checkpoint {checkpoint.pk}"))
    cosignatures = Cosignature.objects.select_related("checkpoint")
    report.cosignatures = len(cosignatures)
    for cosignature in cosignatures:
        try:
            if cosignature.witness_key_id != witness_key_id:
                raise SignatureError(f"made with unknown key {cosignature.witness_key_id}")
            verify_cosignature(tree_head(cosignature.checkpoint), cosignature.signature,
                               witness_key, witness_time=cosignature.signed_at)
        except SignatureError as exc:
            report.findings.append(Finding(diagnosis.CHECKPOINT, None, f"witness co-signature "
                                           f"{cosignature.pk}: {exc}"))
    return ok
