"""Reads of the ledger: the latest checkpoint, proofs, an object's entries."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from fairhire.core.errors import InvalidInput, NotFound
from fairhire.ledger.merkle import MerkleLog
from fairhire.ledger.models import Checkpoint, Entry
from fairhire.ledger.policies import can_read_ledger_payloads
from fairhire.ledger.store import DatabaseNodeStore


@dataclass(frozen=True)
class InclusionProof:
    entry: Entry
    size: int
    root: bytes
    path: list[bytes]
    checkpoint: Checkpoint | None
    show_payload: bool = False


@dataclass(frozen=True)
class ConsistencyProof:
    first: int
    second: int
    first_root: bytes
    second_root: bytes
    path: list[bytes]


def checkpoint_latest() -> Checkpoint:
    checkpoint = (Checkpoint.objects.prefetch_related("cosignatures")
                  .order_by("-signed_at", "-id").first())
    if checkpoint is None:
        raise NotFound(_("尚未签发检查点。"), code="ledger.no_checkpoint")
    return checkpoint


def checkpoint_latest_or_none() -> Checkpoint | None:
    try:
        return checkpoint_latest()
    except NotFound:
        return None


def _checkpoint_of_size(size: int) -> Checkpoint | None:
    return (Checkpoint.objects.prefetch_related("cosignatures").filter(size=size)
            .order_by("-signed_at", "-id").first())


def _log_and_size(size: int | None) -> tuple[MerkleLog, int]:
    log = MerkleLog(DatabaseNodeStore())
    if size is None:
        latest = checkpoint_latest_or_none()
        size = latest.size if latest else log.size
    if size > log.size:
        raise NotFound(_("日志尚无这么多条记录。"), code="ledger.size_beyond_log",
                       log_size=log.size)
    return log, size


def inclusion_proof_get(*, entry: int, size: int | None = None, actor=None) -> InclusionProof:
    """The audit path of entry ``entry`` in the tree of ``size`` entries (default: the latest
    checkpoint's size)."""
    log, size = _log_and_size(size)
    if entry >= size:
        raise InvalidInput(_("该记录不在这么大的树中：记录序号须小于树的大小。"),
                           code="ledger.entry_beyond_size", field="entry")
    return InclusionProof(entry=Entry.objects.select_related("body").get(seq=entry), size=size,
                          root=log.root(size), path=log.inclusion_proof(entry, size),
                          checkpoint=_checkpoint_of_size(size),
                          show_payload=can_read_ledger_payloads(actor=actor))


def consistency_proof_get(*, first: int, second: int | None = None) -> ConsistencyProof:
    log, second = _log_and_size(second)
    if first > second:
        raise InvalidInput(_("第一个大小不能大于第二个大小。"), code="ledger.sizes_reversed",
                           field="first")
    return ConsistencyProof(first=first, second=second, first_root=log.root(first),
                            second_root=log.root(second),
                            path=log.consistency_proof(first, second))


def object_entries_list(*, object_type: str, object_id: str, actor=None) -> list[InclusionProof]:
    """Every entry about one object (``app_label.model``, pk), with a proof against the latest
    checkpoint when it covers the entry (``path`` empty and ``size`` 0 when not yet)."""
    app_label, _dot, model = object_type.partition(".")
    if not app_label or not model:
        raise InvalidInput(_("对象类型应写作“应用.模型”，例如 orgs.organisation。"),
                           code="ledger.bad_object_type", field="kind")
    entries = list(Entry.objects.select_related("body").filter(
        object_app=app_label, object_model=model, object_pk=object_id).order_by("seq"))
    if not entries:
        raise NotFound(_("日志中没有该对象的记录。"), code="ledger.object_not_found")
    checkpoint = checkpoint_latest_or_none()
    log = MerkleLog(DatabaseNodeStore())
    show = can_read_ledger_payloads(actor=actor)
    size = checkpoint.size if checkpoint else 0
    root = bytes.fromhex(checkpoint.root_hash) if checkpoint else b""
    return [
        InclusionProof(entry=entry, size=size if entry.seq < size else 0,
                       root=root if entry.seq < size else b"",
                       path=log.inclusion_proof(entry.seq, size) if entry.seq < size else [],
                       checkpoint=checkpoint, show_payload=show)
        for entry in entries
    ]


def retention_summary(*, year: int, now) -> dict:
    """The retention sweep's record for the yearly self-inspection (Regulation Arts 21(3), 26):
    its runs in ``year`` (queued tasks that finished or failed), the objects whose personal data
    it erased that year, and any that are due but not yet erased (which should be none)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from fairhire.ledger.models import Retention
    from fairhire.ledger.tasks import ledger_periodic_task, retention_erase_due_task

    runs = DBTaskResult.objects.filter(
        task_path__in=[ledger_periodic_task.module_path, retention_erase_due_task.module_path],
        finished_at__year=year)
    last = runs.filter(status=TaskResultStatus.SUCCESSFUL).order_by("-finished_at").first()
    return {
        "runs": runs.count(),
        "failed_runs": runs.filter(status=TaskResultStatus.FAILED).count(),
        "last_run": last.finished_at.isoformat() if last else "",
        "erased": Retention.objects.filter(erased_at__year=year).count(),
        "overdue": Retention.objects.filter(retain_until__lte=now, erased_at=None).count(),
        "retained": Retention.objects.filter(retain_until__gt=now, erased_at=None).count(),
    }
