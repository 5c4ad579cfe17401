"""The ledger's tables (Regulation Arts 24, 26; SECURITY.md controls 19-20).

``Entry``, ``Node``, ``Checkpoint`` and ``Cosignature`` are append-only: the database refuses
UPDATE and DELETE on them (migration ``0003``). An entry's payload lives in ``EntryPayload`` so it
can be redacted at the end of retention; its triggers refuse DELETE always and UPDATE unless a
redaction entry for it is already in the log, so even that one change is evidence first.
``LogHead`` is the one mutable row: the current size, locked by every append.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from fairhire.ledger.leaves import object_ref

NODE_LEVEL_SHIFT = 48  # a node's key is (level << 48) | index: 2**48 leaves is plenty


def node_key(level: int, index: int) -> int:
    return (level << NODE_LEVEL_SHIFT) | index


class LogHead(models.Model):
    """The log's size; appends take ``SELECT ... FOR UPDATE`` on this row to run one at a time."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    size = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("日志头")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="ledger_one_head")]

    def __str__(self) -> str:
        return f"ledger head: {self.size} entries"


class Entry(models.Model):
    """One record in the log: leaf number ``seq`` of the Merkle tree."""

    seq = models.BigIntegerField(_("序号"), primary_key=True)
    kind = models.CharField(_("类型"), max_length=64, db_index=True)
    object_app = models.CharField(_("对象应用"), max_length=100)
    object_model = models.CharField(_("对象模型"), max_length=100)
    object_pk = models.CharField(_("对象编号"), max_length=64)
    recorded_at = models.DateTimeField(_("记录时间"))
    # Top-level payload keys that hold personal data, erased at the end of retention.
    personal = models.JSONField(_("个人信息字段"), default=list, blank=True)
    payload_sha256 = models.CharField(_("内容摘要"), max_length=64)
    leaf_hash = models.CharField(_("叶哈希"), max_length=64)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("存证记录")
        verbose_name_plural = _("存证记录")
        indexes = [models.Index(fields=["object_app", "object_model", "object_pk"],
                                name="ledger_entry_object")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind} {self.object}"

    @property
    def object(self) -> str:
        return object_ref(self.object_app, self.object_model, self.object_pk)


class EntryPayload(models.Model):
    """The canonical JSON of an entry's record, redactable only after a redaction entry."""

    entry = models.OneToOneField(Entry, on_delete=models.DO_NOTHING, primary_key=True,
                                 db_constraint=True, related_name="body")
    text = models.TextField(_("内容"))

    class Meta:
        verbose_name = _("存证内容")

    def __str__(self) -> str:
        return f"payload of #{self.entry_id}"


class Node(models.Model):
    """A perfect subtree of the Merkle tree (``merkle.NodeStore``): written once, never changed."""

    key = models.BigIntegerField(primary_key=True)
    hash = models.BinaryField(max_length=32)

    class Meta:
        verbose_name = _("树节点")

    def __str__(self) -> str:
        return f"node ({self.level}, {self.index})"

    @property
    def level(self) -> int:
        return self.key >> NODE_LEVEL_SHIFT

    @property
    def index(self) -> int:
        return self.key & ((1 << NODE_LEVEL_SHIFT) - 1)


class Checkpoint(models.Model):
    """A signed tree head: the log's size and root at a moment, signed with the log key."""

    size = models.BigIntegerField(_("条数"))
    root_hash = models.CharField(_("根哈希"), max_length=64)
    signed_at = models.DateTimeField(_("签名时间"), db_index=True)
    key_id = models.CharField(_("密钥编号"), max_length=16)
    signature = models.CharField(_("签名"), max_length=100)

    class Meta:
        ordering = ["-signed_at", "-id"]
        get_latest_by = ["signed_at", "id"]
        verbose_name = _("签名检查点")
        verbose_name_plural = _("签名检查点")

    def __str__(self) -> str:
        return f"{self.size} {self.root_hash[:16]}… {self.signed_at:%Y-%m-%d %H:%M:%S}"


class Cosignature(models.Model):
    """A witness's signature on a checkpoint, made after it checked consistency."""

    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.PROTECT,
                                   related_name="cosignatures")
    witness_key_id = models.CharField(_("见证方密钥编号"), max_length=16)
    signed_at = models.DateTimeField(_("见证时间"))
    signature = models.CharField(_("签名"), max_length=100)

    class Meta:
        ordering = ["signed_at", "id"]
        verbose_name = _("见证签名")

    def __str__(self) -> str:
        return f"{self.witness_key_id} on checkpoint {self.checkpoint_id}"


class Retention(models.Model):
    """How long the records about one object must be kept: service completion + 3 years.

    Mutable (the erasure is stamped here), but every change is also a ledger entry.
    """

    object_app = models.CharField(max_length=100)
    object_model = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    completed_at = models.DateTimeField(_("服务完成时间"))
    retain_until = models.DateTimeField(_("保存期限"), db_index=True)
    erased_at = models.DateTimeField(_("个人信息删除时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("保存期限")
        constraints = [models.UniqueConstraint(fields=["object_app", "object_model", "object_pk"],
                                               name="ledger_retention_one_per_object")]

    def __str__(self) -> str:
        return f"{self.object} until {self.retain_until:%Y-%m-%d}"

    @property
    def object(self) -> str:
        return object_ref(self.object_app, self.object_model, self.object_pk)
