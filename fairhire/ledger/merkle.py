"""The ledger's Merkle log: an append-only RFC 9162 tree with inclusion and consistency proofs.

Regulation Art. 26 asks that service records be kept intact for at least three years, and R24.2
asks for block-chain-style technical means; SECURITY.md control 20 turns that into an RFC 9162
(Certificate Transparency v2) Merkle log whose signed checkpoints let anyone -- the platform, a
witness run by the regulator, an offline verifier -- prove that an entry is in the log and that the
log only ever grew. This module is the engine; the Django app supplies storage, signatures and
the entries themselves.

It imports nothing from Django and reads no settings, so the offline verifier, the benchmarks and
these tests use it as it is.

Hashing (RFC 9162 §2.1.1, with SHA-256)::

    MTH({})        = SHA-256()                           the empty tree
    leaf hash      = SHA-256(0x00 || entry)
    interior node  = SHA-256(0x01 || left || right)

The two prefixes keep a leaf from ever being passed off as an interior node (second pre-image
attacks on the tree structure).

Storage. A tree of ``n`` leaves is stored as its *perfect subtrees*: node ``(level, index)`` is the
hash of leaves ``[index * 2**level, (index + 1) * 2**level)``, written once, when its last leaf is
appended, and never changed. Every hash RFC 9162 needs for a tree of any size ``m <= n`` -- its
root, an audit path, a consistency proof -- is a right-fold of at most ``log2(m) + 1`` stored
perfect subtrees, so the engine answers each question with O(log n) node reads in a single
:meth:`NodeStore.get_nodes` call (one database round trip) and never rehashes the log.

Errors. Verification *raises* :class:`ProofError` with a reason and returns ``None`` when the proof
holds: a caller cannot forget to look at a return value, and the verification command can print
why a proof failed. Asking the engine for a size or an index the log does not have raises
:class:`TreeRangeError` (a ``ValueError``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "CorruptStoreError",
    "InMemoryNodeStore",
    "MerkleError",
    "MerkleLog",
    "NodeId",
    "NodeStore",
    "ProofError",
    "TreeRangeError",
    "canonical_json",
    "entry_hash",
    "leaf_hash",
    "node_hash",
    "reference_consistency_proof",
    "reference_inclusion_proof",
    "reference_root",
    "root_from_leaf_hashes",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
#: MTH of the empty tree (RFC 9162 §2.1.1): the hash of the empty string.
EMPTY_ROOT = hashlib.sha256(b"").digest()

_LEAF_PREFIX = b"\x00"
_NODE_PREFIX = b"\x01"

#: A stored perfect subtree: ``(level, index)`` covers leaves
#: ``[index << level, (index + 1) << level)``.
NodeId = tuple[int, int]


class MerkleError(Exception):
    """Base class of the engine's errors."""


class ProofError(MerkleError):
    """A proof, root or leaf hash failed verification; the message says which check failed."""


class TreeRangeError(MerkleError, ValueError):
    """An index or tree size outside what the log holds (or an impossible pair of sizes)."""


class CorruptStoreError(MerkleError):
    """The store answered with the wrong number of nodes or a node that is not a SHA-256 hash."""


# --------------------------------------------------------------------------------------- hashing


def leaf_hash(entry: bytes) -> bytes:
    """Return the leaf hash of ``entry``: ``SHA-256(0x00 || entry)`` (RFC 9162 §2.1.1)."""
    return hashlib.sha256(_LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return an interior node's hash: ``SHA-256(0x01 || left || right)`` (RFC 9162 §2.1.1)."""
    return hashlib.sha256(_NODE_PREFIX + left + right).digest()


# ---------------------------------------------------------------------------- canonical payloads

# I-JSON (RFC 7493 §2.2): integers beyond +-(2**53 - 1) lose precision in JavaScript and in every
# other IEEE-754 reader, so an offline verifier written in another language could not rebuild the
# same bytes. Refusing them here keeps the payload reproducible everywhere.
_MAX_SAFE_INTEGER = 2**53 - 1


def canonical_json(payload: object) -> bytes:
    """Serialise ``payload`` to the one byte string the ledger hashes.

    The payload is hashed, so two encodings of the same record must never differ: keys are sorted,
    there is no insignificant whitespace, the text is UTF-8 (not ``\\u`` escapes), and only JSON's
    exact types are accepted: ``dict`` with ``str`` keys, ``list``/``tuple``, ``str``, ``int``
    (within +-(2**53 - 1)), ``bool`` and ``None``.

    Floats are refused (``TypeError``) because their decimal rendering is not stable across
    languages and libraries and a salary of ``3000.1`` should be stored as an integer of fen or as a
    string anyway. ``Decimal``, ``datetime``, ``bytes``, sets and non-string keys are refused for
    the same reason: the caller converts them explicitly, so the conversion is part of the record.

    Keys are ordered by UTF-16 code units and strings escaped as ``json`` does, which makes the
    output the RFC 8785 (JSON Canonicalization Scheme) form of the payload for this integer-only
    subset, so a verifier in another language can use an off-the-shelf JCS library.

    Raises ``TypeError`` for a value of the wrong type and ``ValueError`` for an integer out of the
    safe range or a string that is not valid Unicode (a lone surrogate); the message names where.
    """
    normalised = _canonical_value(payload, "payload")
    return json.dumps(
        normalised, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def entry_hash(payload: object) -> bytes:
    """Return ``SHA-256(canonical_json(payload))``, the digest a ledger entry stores of its payload.

    This is the "SHA-256 of the canonical payload" of an entry row, not a Merkle leaf hash: the
    leaf is :func:`leaf_hash` of the entry's own canonical encoding, which includes this digest.
    """
    return hashlib.sha256(canonical_json(payload)).digest()


def _canonical_value(value: object, where: str) -> object:
    # bool is a subclass of int; test it first so True stays ``true`` and is not range-checked.
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if not -_MAX_SAFE_INTEGER <= value <= _MAX_SAFE_INTEGER:
            raise ValueError(
                f"{where}: integer {value} is outside +-(2**53 - 1); store it as a string"
            )
        return int(value)  # a plain int, so an IntEnum or IntegerChoices is recorded by value
    if isinstance(value, float):
        raise TypeError(
            f"{where}: floats are not allowed in ledger payloads ({value!r}); "
            "use an integer of the smallest unit or a string"
        )
    if isinstance(value, str):
        _require_valid_unicode(value, where)
        return str.__str__(value)  # the characters themselves, whatever a subclass prints
    if isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):
                # json.dumps would silently turn 1 into "1" and let {1: x} collide with {"1": x}.
                raise TypeError(f"{where}: object keys must be str, not {type(key).__name__}")
            _require_valid_unicode(key, f"{where} key")
        # Insertion order is what json.dumps emits; insert in RFC 8785 §3.2.3 order.
        return {
            key: _canonical_value(value[key], f"{where}[{key!r}]")
            for key in sorted(value, key=_utf16_sort_key)
        }
    if isinstance(value, list | tuple):
        return [_canonical_value(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise TypeError(
        f"{where}: {type(value).__name__} is not allowed in ledger payloads; "
        "convert it to str, int, bool, None, list or dict first"
    )


def _utf16_sort_key(key: str) -> bytes:
    # Big-endian UTF-16 bytes compare exactly as UTF-16 code units do, which is how RFC 8785 sorts.
    return key.encode("utf-16-be")


def _require_valid_unicode(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{where}: string is not valid Unicode ({exc.reason})") from None


# ------------------------------------------------------------------------------ tree arithmetic


def _split(width: int) -> int:
    """Return k, the largest power of two below ``width`` (``width >= 2``), RFC 9162 §2.1.1."""
    return 1 << ((width - 1).bit_length() - 1)


def _perfect_subtrees(lo: int, hi: int) -> list[NodeId]:
    """Cover leaves ``[lo, hi)`` with stored perfect subtrees, largest first.

    Called only for ranges that occur in RFC 9162's recursion, where ``lo`` is a multiple of a
    power of two at least ``hi - lo``; the cover is then the binary expansion of ``hi - lo`` and
    the range's MTH is the right-fold of the covering hashes (:func:`_fold`). At most
    ``log2(hi - lo) + 1`` nodes.
    """
    ids: list[NodeId] = []
    while lo < hi:
        level = (hi - lo).bit_length() - 1
        if lo:
            # Never let a node straddle an alignment boundary (cannot happen for RFC ranges).
            level = min(level, (lo & -lo).bit_length() - 1)
        ids.append((level, lo >> level))
        lo += 1 << level
    return ids


def _fold(hashes: Sequence[bytes]) -> bytes:
    """Right-fold perfect subtree hashes: MTH of ``[a | b | c]`` is ``H(a, H(b, c))``."""
    value = hashes[-1]
    for left in reversed(hashes[:-1]):
        value = node_hash(left, value)
    return value


def _inclusion_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """The leaf ranges whose MTHs form PATH(index, D[size]), leaf end first (RFC 9162 §2.1.3.1).

    PATH(m, D[n]) recurses into the half holding leaf m and appends the other half's MTH, so the
    siblings are met root first and emitted in reverse.
    """
    lo, hi = 0, size
    siblings: list[tuple[int, int]] = []
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            siblings.append((lo + k, hi))
            hi = lo + k
        else:
            siblings.append((lo, lo + k))
            lo += k
    siblings.reverse()
    return siblings


def _consistency_ranges(size1: int, size2: int) -> list[tuple[int, int]]:
    """The leaf ranges whose MTHs form PROOF(size1, D[size2]) (RFC 9162 §2.1.4.1).

    For ``0 < size1 < size2``.

    SUBPROOF(m, D[n], b): when m == n it is empty if b is still true (the verifier knows that
    subtree's hash: it is the old root) and [MTH(D[n])] otherwise; when m <= k it recurses left and
    appends MTH(D[k:n]); when m > k it recurses right with b = false and appends MTH(D[0:k]).
    ``size1`` stays an absolute leaf count here, so "m == n" reads ``hi == size1``.
    """
    lo, hi = 0, size2
    known_subtree = True  # the RFC's b
    siblings: list[tuple[int, int]] = []
    while hi != size1:
        k = _split(hi - lo)
        if size1 <= lo + k:
            siblings.append((lo + k, hi))
            hi = lo + k
        else:
            siblings.append((lo, lo + k))
            lo += k
            known_subtree = False
    siblings.reverse()
    return siblings if known_subtree else [(lo, hi), *siblings]


# ------------------------------------------------------------------------------------- storage


class NodeStore(Protocol):
    """Where the log keeps its perfect subtree hashes; the Django app backs it with a table.

    Nodes are write-once: ``(level, index)`` is written when the log grows past leaf
    ``((index + 1) << level) - 1`` and never changes, so a database backend can refuse UPDATE and
    DELETE on its table (SECURITY.md control 19).
    """

    def size(self) -> int:
        """Return the number of leaves in the log."""
        ...

    def get_nodes(self, ids: Sequence[NodeId]) -> list[bytes]:
        """Return the hashes of the nodes ``ids``, in the same order.

        The engine asks for everything one operation needs in one call, so a database backend can
        answer with one query. Raise ``KeyError`` for a node that is not stored.
        """
        ...

    def put_nodes(self, nodes: Sequence[tuple[int, int, bytes]], *, size: int) -> None:
        """Store ``(level, index, hash)`` for every node completed by an append, and set the size.

        Both must take effect together (one transaction): a size without its nodes, or nodes
        beyond the size, would give wrong roots. Appends must be serialised by the caller (for
        example ``SELECT ... FOR UPDATE`` on the log's head row), because each append reads the
        current right edge of the tree before writing.
        """
        ...


class InMemoryNodeStore:
    """A :class:`NodeStore` in lists, for tests, benchmarks and the offline verifier.

    ``reads`` counts nodes returned and ``read_calls`` counts :meth:`get_nodes` calls (database
    round trips in a real backend), so tests can hold the engine to O(log n) reads.
    """

    def __init__(self) -> None:
        self._levels: list[list[bytes]] = []
        self._size = 0
        self.reads = 0
        self.read_calls = 0

    def size(self) -> int:
        return self._size

    def get_nodes(self, ids: Sequence[NodeId]) -> list[bytes]:
        self.read_calls += 1
        self.reads += len(ids)
        levels = self._levels
        try:
            return [levels[level][index] for level, index in ids]
        except IndexError:
            missing = [(lv, ix) for lv, ix in ids if lv >= len(levels) or ix >= len(levels[lv])]
            raise KeyError(f"nodes not stored: {missing}") from None

    def put_nodes(self, nodes: Sequence[tuple[int, int, bytes]], *, size: int) -> None:
        levels = self._levels
        for level, index, value in nodes:
            while len(levels) <= level:
                levels.append([])
            row = levels[level]
            if index != len(row):
                # Nodes arrive in order; anything else means two appenders raced.
                raise ValueError(f"node ({level}, {index}) out of order; level has {len(row)}")
            row.append(value)
        self._size = size

    @property
    def node_count(self) -> int:
        """How many nodes are stored (just under two per leaf)."""
        return sum(len(row) for row in self._levels)


# ------------------------------------------------------------------------------------- the log


class MerkleLog:
    """An append-only RFC 9162 Merkle tree over a :class:`NodeStore`.

    Every read takes a tree size, so roots and proofs can be produced for any checkpoint the log
    ever published, not only for its current size.
    """

    def __init__(self, store: NodeStore) -> None:
        self.store = store

    @property
    def size(self) -> int:
        """The number of leaves now in the log."""
        return self.store.size()

    # -- writing

    def append(self, entry: bytes) -> int:
        """Append one entry and return its leaf index."""
        return self.extend_leaf_hashes([leaf_hash(entry)]).start

    def extend(self, entries: Iterable[bytes]) -> range:
        """Append entries in order and return their leaf indexes."""
        return self.extend_leaf_hashes(leaf_hash(entry) for entry in entries)

    def extend_leaf_hashes(self, leaf_hashes: Iterable[bytes]) -> range:
        """Append already-computed leaf hashes and return their leaf indexes.

        Reads, in at most one :meth:`NodeStore.get_nodes` call, the nodes on the tree's right edge
        that the batch will pair with -- for a single append, one node per trailing 1 bit of the
        current size, none at all half the time -- and writes, in one
        :meth:`NodeStore.put_nodes` call, every leaf and every perfect subtree the batch completes
        (about two nodes per leaf). A malformed hash anywhere in the batch writes nothing.
        """
        batch = list(leaf_hashes)
        for position, value in enumerate(batch):
            if not isinstance(value, bytes) or len(value) != HASH_SIZE:
                raise ValueError(f"leaf hash {position} of the batch is not {HASH_SIZE} bytes")
        start = self.store.size()
        end = start + len(batch)
        if not batch:
            return range(start, start)
        # A right-edge node (always a left child) is needed only if the batch completes its
        # parent, which ends at leaf (index + 2) << level. Those nodes are the lowest ones, so the
        # stack below is a suffix of the right edge and merges never reach past its bottom.
        edge_ids = [
            (level, index)
            for level, index in _perfect_subtrees(0, start)
            if end >= (index + 2) << level
        ]
        # (level, index, hash) of the edge, highest level at the bottom.
        stack = [
            (level, index, value)
            for (level, index), value in zip(edge_ids, self._get_nodes(edge_ids), strict=True)
        ]
        new_nodes: list[tuple[int, int, bytes]] = []
        for position, leaf in enumerate(batch, start):
            level, index, value = 0, position, leaf
            new_nodes.append((0, index, value))
            # Two subtrees of the same height side by side complete their parent; the stack's
            # heights strictly decrease, so only its top can pair with the newcomer.
            while stack and stack[-1][0] == level:
                _, left_index, left = stack.pop()
                value = node_hash(left, value)
                level, index = level + 1, left_index >> 1
                new_nodes.append((level, index, value))
            stack.append((level, index, value))
        self.store.put_nodes(new_nodes, size=end)
        return range(start, end)

    # -- reading

    def root(self, size: int | None = None) -> bytes:
        """Return MTH(D[size]) (RFC 9162 §2.1.1), by default of the whole log; O(log n) reads."""
        size = self._check_size(size)
        if size == 0:
            return EMPTY_ROOT
        return self._range_hashes([(0, size)])[0]

    def leaf_hash(self, index: int) -> bytes:
        """Return the stored leaf hash at ``index``."""
        self._check_index(index, self.store.size())
        return self._get_nodes([(0, index)])[0]

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """Return the audit path of leaf ``index`` in the tree of ``size`` leaves.

        PATH(index, D[size]) of RFC 9162 §2.1.3.1.

        At most ``ceil(log2(size))`` hashes, read with at most ``2 * log2(size)`` node reads.
        """
        size = self._check_size(size)
        self._check_index(index, size)
        return self._range_hashes(_inclusion_ranges(index, size))

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        """Return PROOF(size1, D[size2]) (RFC 9162 §2.1.4.1), by default up to the current size.

        RFC 9162 defines the proof for ``0 < size1 < size2``. For ``size1 == 0`` (every tree
        extends the empty one) and ``size1 == size2`` the proof is empty, and
        :func:`verify_consistency` accepts exactly that.
        """
        size2 = self._check_size(size2)
        if not 0 <= size1 <= size2:
            raise TreeRangeError(f"first size {size1} is not within 0..{size2}")
        if size1 in (0, size2):
            return []
        return self._range_hashes(_consistency_ranges(size1, size2))

    # -- internals

    def _check_size(self, size: int | None) -> int:
        current = self.store.size()
        if size is None:
            return current
        if not 0 <= size <= current:
            raise TreeRangeError(f"tree size {size} is not within 0..{current}")
        return size

    @staticmethod
    def _check_index(index: int, size: int) -> None:
        if not 0 <= index < size:
            raise TreeRangeError(f"leaf index {index} is not within 0..{size - 1}")

    def _get_nodes(self, ids: Sequence[NodeId]) -> list[bytes]:
        if not ids:
            return []
        values = self.store.get_nodes(ids)
        if len(values) != len(ids) or any(len(v) != HASH_SIZE for v in values):
            raise CorruptStoreError(f"the store did not return {len(ids)} SHA-256 hashes")
        return values

    def _range_hashes(self, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
        """MTH of each range, reading every needed node in one store call."""
        covers = [_perfect_subtrees(lo, hi) for lo, hi in ranges]
        wanted = list(dict.fromkeys(node for cover in covers for node in cover))
        found = dict(zip(wanted, self._get_nodes(wanted), strict=True))
        return [_fold([found[node] for node in cover]) for cover in covers]


def root_from_leaf_hashes(leaf_hashes: Iterable[bytes]) -> bytes:
    """Return MTH over a stream of leaf hashes in O(n) time and O(log n) memory.

    For full verification (recompute the tree from the entries and compare with a checkpoint)
    without holding every hash in memory.
    """
    stack: list[tuple[int, bytes]] = []  # (level, hash) of the right edge, levels decreasing
    for value in leaf_hashes:
        level = 0
        while stack and stack[-1][0] == level:
            value = node_hash(stack.pop()[1], value)
            level += 1
        stack.append((level, value))
    if not stack:
        return EMPTY_ROOT
    return _fold([value for _, value in stack])


# -------------------------------------------------------------------------------- verification


def verify_inclusion(
    leaf_hash: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Check that ``leaf_hash`` is leaf ``index`` of the tree of ``tree_size`` leaves with ``root``.

    The algorithm of RFC 9162 §2.1.3.2, step by step. Returns ``None`` when the proof holds and
    raises :class:`ProofError` otherwise.

    The proof authenticates the leaf against ``root``; ``tree_size`` only steers the hashing. Take
    the size and the root together from one signed checkpoint: a proof can also match a root when
    checked with a different size whose tree has the same shape on the leaf's path.
    """
    _require_hash(leaf_hash, "leaf hash")
    _require_hash(root, "root")
    for i, item in enumerate(proof):
        _require_hash(item, f"proof[{i}]")
    # Step 1.
    if not 0 <= index < tree_size:
        raise ProofError(f"leaf index {index} is not within a tree of {tree_size} leaves")
    # Step 2: fn is the leaf's position and sn the last leaf's, at the current level.
    fn, sn = index, tree_size - 1
    # Step 3.
    r = leaf_hash
    # Step 4.
    for p in proof:
        if sn == 0:
            raise ProofError("the proof is longer than the path from this leaf to the root")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            # When fn is even it is the last node of its level and has no right sibling: it is
            # promoted unchanged (the unbalanced right edge of RFC 9162 §2.1.1) until it becomes
            # a right child or the root.
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    # Step 5.
    if sn != 0:
        raise ProofError("the proof is shorter than the path from this leaf to the root")
    if r != root:
        raise ProofError("the proof does not lead to the given root")


def verify_consistency(
    size1: int, size2: int, root1: bytes, root2: bytes, proof: Sequence[bytes]
) -> None:
    """Check that the tree of ``size2`` leaves, ``root2``, extends that of ``size1``, ``root1``.

    The algorithm of RFC 9162 §2.1.4.2 for ``0 < size1 < size2``. Outside that range, which the RFC
    leaves undefined: ``size1 == size2`` holds when the proof is empty and the roots are equal;
    ``size1 == 0`` holds when the proof is empty and ``root1`` is the empty tree's root (stricter
    than ignoring ``root1``: a checkpoint of an empty log that names any other root is forged).
    Returns ``None`` when the proof holds and raises :class:`ProofError` otherwise.
    """
    _require_hash(root1, "first root")
    _require_hash(root2, "second root")
    for i, item in enumerate(proof):
        _require_hash(item, f"proof[{i}]")
    if not 0 <= size1 <= size2:
        raise ProofError(f"a tree of {size2} leaves cannot extend one of {size1}")
    if size1 == size2:
        if proof:
            raise ProofError("trees of the same size need an empty consistency proof")
        if root1 != root2:
            raise ProofError(f"two different roots for the same tree size {size1}")
        return
    if size1 == 0:
        if proof:
            raise ProofError("consistency with the empty tree needs an empty proof")
        if root1 != EMPTY_ROOT:
            raise ProofError("the first root is not the root of the empty tree")
        return
    # Step 1.
    if not proof:
        raise ProofError("the consistency proof is empty")
    path = list(proof)
    # Step 2: when size1 is a power of two, the old tree is itself a node of the new one, so the
    # log left its hash out of the proof; put it back.
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)
    # Step 3.
    fn, sn = size1 - 1, size2 - 1
    # Step 4: start from the largest perfect subtree that ends at the old tree's last leaf -- climb
    # while that leaf's ancestor is a right child. path[0] is that subtree's hash.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # Step 5: fr rebuilds the old root and sr the new one from the same starting node.
    fr = sr = path[0]
    # Step 6.
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the proof is longer than the path to the new root")
        if fn & 1 or fn == sn:
            # A left sibling both trees share: it changes both roots.
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            # A node only the new tree has: it changes the new root, not the old one.
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    # Step 7.
    if sn != 0:
        raise ProofError("the proof is shorter than the path to the new root")
    if fr != root1:
        raise ProofError("the proof does not lead to the first root")
    if sr != root2:
        raise ProofError("the proof does not lead to the second root")


def _require_hash(value: object, what: str) -> None:
    if not isinstance(value, bytes | bytearray) or len(value) != HASH_SIZE:
        raise ProofError(f"{what} is not a {HASH_SIZE}-byte SHA-256 hash")


# ---------------------------------------------------------------------- the specification itself


def reference_root(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH(D[n]) by RFC 9162 §2.1.1's recursive definition, over leaf hashes; O(n).

    The specification transcribed as literally as possible, kept as the oracle for tests and the
    naive baseline for benchmarks; :class:`MerkleLog` gives the same answers from stored nodes.
    """

    def mth(lo: int, hi: int) -> bytes:
        if hi - lo == 0:
            return EMPTY_ROOT
        if hi - lo == 1:
            return leaf_hashes[lo]
        k = _split(hi - lo)
        return node_hash(mth(lo, lo + k), mth(lo + k, hi))

    return mth(0, len(leaf_hashes))


def reference_inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PATH(index, D[n]) by RFC 9162 §2.1.3.1's recursive definition; O(n) hashing."""
    if not 0 <= index < len(leaf_hashes):
        raise TreeRangeError(f"leaf index {index} is not within 0..{len(leaf_hashes) - 1}")

    def path(m: int, lo: int, hi: int) -> list[bytes]:
        if hi - lo == 1:
            return []
        k = _split(hi - lo)
        if m < k:
            return [*path(m, lo, lo + k), reference_root(leaf_hashes[lo + k : hi])]
        return [*path(m - k, lo + k, hi), reference_root(leaf_hashes[lo : lo + k])]

    return path(index, 0, len(leaf_hashes))


def reference_consistency_proof(size1: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PROOF(size1, D[n]) by RFC 9162 §2.1.4.1's recursive definition; O(n) hashing."""
    n = len(leaf_hashes)
    if not 0 <= size1 <= n:
        raise TreeRangeError(f"first size {size1} is not within 0..{n}")
    if size1 in (0, n):
        return []

    def subproof(m: int, lo: int, hi: int, b: bool) -> list[bytes]:
        if m == hi - lo:
            return [] if b else [reference_root(leaf_hashes[lo:hi])]
        k = _split(hi - lo)
        if m <= k:
            return [*subproof(m, lo, lo + k, b), reference_root(leaf_hashes[lo + k : hi])]
        return [*subproof(m - k, lo + k, hi, False), reference_root(leaf_hashes[lo : lo + k])]

    return subproof(size1, 0, n, True)
