"""The Merkle engine's node store in the database (``merkle.NodeStore`` over ``ledger_node``).

One query per engine call: ``get_nodes`` is a primary-key ``IN`` lookup (a node's key is
``(level << 48) | index``), ``put_nodes`` one ``executemany`` plus the head row's new size. Raw SQL
on the hot paths because a proof at a million entries should cost well under a millisecond and
the ORM's per-row overhead would be most of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections

from fairhire.ledger.merkle import NodeId
from fairhire.ledger.models import LogHead, node_key


class DatabaseNodeStore:
    """A ``NodeStore`` backed by ``ledger_node`` and ``ledger_loghead``.

    ``size`` may be given by a caller that already holds the head row locked (appends); otherwise
    it is read from the head row once, so every answer of one store describes one tree.
    """

    def __init__(self, *, size: int | None = None, using: str = "default") -> None:
        self.using = using
        self._size = size

    def size(self) -> int:
        if self._size is None:
            self._size = LogHead.objects.using(self.using).values_list("size", flat=True).get(pk=1)
        return self._size

    def get_nodes(self, ids: Sequence[NodeId]) -> list[bytes]:
        keys = [node_key(level, index) for level, index in ids]
        wanted = sorted(set(keys))
        placeholders = ",".join(["%s"] * len(wanted))
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                f'SELECT "key", "hash" FROM ledger_node WHERE "key" IN ({placeholders})',  # noqa: S608
                wanted,
            )
            found = {key: bytes(value) for key, value in cursor.fetchall()}
        try:
            return [found[key] for key in keys]
        except KeyError:
            missing = [node for node, key in zip(ids, keys, strict=True) if key not in found]
            raise KeyError(f"nodes not stored: {missing}") from None

    def put_nodes(self, nodes: Sequence[tuple[int, int, bytes]], *, size: int) -> None:
        with connections[self.using].cursor() as cursor:
            cursor.executemany('INSERT INTO ledger_node ("key", "hash") VALUES (%s, %s)',
                               [(node_key(level, index), value) for level, index, value in nodes])
        LogHead.objects.using(self.using).filter(pk=1).update(size=size)
        self._size = size
