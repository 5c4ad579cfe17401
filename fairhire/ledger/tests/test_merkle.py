"""The Merkle log engine against RFC 9162, published test vectors and tampering.

Runs with plain pytest: the engine imports nothing from Django.

The expected values below are the published test vectors of the transparency-dev Merkle project
(https://github.com/transparency-dev/merkle): leaf inputs, node, root and compact-range hashes from
``testonly/constants.go``, inclusion and consistency proofs from ``proof/verify_test.go``, and the
node layout of proofs in a tree of up to eight leaves from ``proof/proof_test.go``. Only the data
is taken; the checks are written here.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fairhire.ledger.merkle import (
    EMPTY_ROOT,
    InMemoryNodeStore,
    MerkleLog,
    ProofError,
    TreeRangeError,
    canonical_json,
    entry_hash,
    leaf_hash,
    node_hash,
    reference_consistency_proof,
    reference_inclusion_proof,
    reference_root,
    root_from_leaf_hashes,
    verify_consistency,
    verify_inclusion,
)

h = bytes.fromhex

# --------------------------------------------------------------------- published test vectors

# testonly/constants.go, LeafInputs().
LEAF_INPUTS = [
    h(""),
    h("00"),
    h("10"),
    h("2021"),
    h("3031"),
    h("40414243"),
    h("5051525354555657"),
    h("606162636465666768696a6b6c6d6e6f"),
]

# testonly/constants.go, NodeHashes(): every perfect subtree of the 8-leaf tree, by (level, index).
NODE_HASHES = {
    (0, 0): h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
    (0, 1): h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
    (0, 2): h("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
    (0, 3): h("07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
    (0, 4): h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
    (0, 5): h("4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"),
    (0, 6): h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
    (0, 7): h("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
    (1, 0): h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
    (1, 1): h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
    (1, 2): h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
    (1, 3): h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
    (2, 0): h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    (2, 1): h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
    (3, 0): h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
}

# testonly/constants.go, RootHashes(): MTH of the first n leaf inputs, n = 0..8.
ROOT_HASHES = [
    h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
    h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
    h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
    h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
    h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
    h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
]

# testonly/constants.go, CompactTrees(): the perfect subtrees that make up each tree size.
COMPACT_RANGES = [
    [],
    [(0, 0)],
    [(1, 0)],
    [(1, 0), (0, 2)],
    [(2, 0)],
    [(2, 0), (0, 4)],
    [(2, 0), (1, 2)],
    [(2, 0), (1, 2), (0, 6)],
    [(3, 0)],
]

# proof/verify_test.go, inclusionProofs (its leaf numbers are 1-based; these indexes are 0-based).
INCLUSION_VECTORS = [
    (0, 1, []),
    (
        0,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        5,
        8,
        [
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (2, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
    (
        1,
        5,
        [
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
]

# proof/verify_test.go, consistencyProofs: (size1, size2, proof).
CONSISTENCY_VECTORS = [
    (1, 1, []),
    (
        1,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        6,
        8,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (
        2,
        5,
        [
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
    (
        6,
        7,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
]

# proof/verify_test.go, sha256SomeHash: an arbitrary 32-byte value that is no node of the tree.
SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456")

# proof/proof_test.go, TestInclusion and TestConsistency, for the trees of up to eight leaves: the
# nodes each proof is made of. A tuple of nodes stands for the MTH of the range they cover
# together (the right edge of an unbalanced tree), listed left to right.
# The 7-leaf tree's right edge [4, 7) is H(i, j): i = node (1, 2), j = leaf node (0, 6).
EDGE_4_7 = ((1, 2), (0, 6))
INCLUSION_LAYOUT = {
    (0, 1): [],
    (0, 2): [(0, 1)],
    (1, 2): [(0, 0)],
    (1, 3): [(0, 0), (0, 2)],
    (2, 4): [(0, 3), (1, 0)],
    (3, 5): [(0, 2), (1, 0), (0, 4)],
    (3, 6): [(0, 2), (1, 0), (1, 2)],
    (4, 6): [(0, 5), (2, 0)],
    (0, 7): [(0, 1), (1, 1), EDGE_4_7],
    (1, 7): [(0, 0), (1, 1), EDGE_4_7],
    (2, 7): [(0, 3), (1, 0), EDGE_4_7],
    (3, 7): [(0, 2), (1, 0), EDGE_4_7],
    (4, 7): [(0, 5), (0, 6), (2, 0)],
    (5, 7): [(0, 4), (0, 6), (2, 0)],
    (6, 7): [(1, 2), (2, 0)],
}
CONSISTENCY_LAYOUT = {
    (1, 2): [(0, 1)],
    (1, 4): [(0, 1), (1, 1)],
    (1, 6): [(0, 1), (1, 1), (1, 2)],
    (1, 7): [(0, 1), (1, 1), EDGE_4_7],
    (2, 3): [(0, 2)],
    (2, 4): [(1, 1)],
    (2, 8): [(1, 1), (2, 1)],
    (3, 5): [(0, 2), (0, 3), (1, 0), (0, 4)],
    (3, 6): [(0, 2), (0, 3), (1, 0), (1, 2)],
    (3, 7): [(0, 2), (0, 3), (1, 0), EDGE_4_7],
    (4, 6): [(1, 2)],
    (4, 7): [EDGE_4_7],
    (5, 7): [(0, 4), (0, 5), (0, 6), (2, 0)],
    (6, 7): [(1, 2), (0, 6), (2, 0)],
    (7, 8): [(0, 6), (0, 7), (1, 2), (2, 0)],
    **{(n, n): [] for n in (1, 2, 3, 4, 5, 7, 8)},
}


def _layout_hashes(layout: list) -> list[bytes]:
    hashes = []
    for item in layout:
        if isinstance(item[0], tuple):
            left, right = item
            hashes.append(node_hash(NODE_HASHES[left], NODE_HASHES[right]))
        else:
            hashes.append(NODE_HASHES[item])
    return hashes


# ------------------------------------------------------------------------------------- helpers


def _log_of(entries: Sequence[bytes]) -> tuple[MerkleLog, InMemoryNodeStore]:
    store = InMemoryNodeStore()
    log = MerkleLog(store)
    log.extend(entries)
    return log, store


@pytest.fixture
def vector_log() -> MerkleLog:
    return _log_of(LEAF_INPUTS)[0]


ENTRIES = [f"ledger entry {i}".encode() for i in range(200)]
LEAF_HASHES = [leaf_hash(entry) for entry in ENTRIES]
# One log of 200 entries serves every smaller size: proofs for old checkpoints come from it too.
LOG, _ = _log_of(ENTRIES)
ROOTS = [reference_root(LEAF_HASHES[:n]) for n in range(len(ENTRIES) + 1)]


def _all_nodes(store: InMemoryNodeStore, size: int) -> list[bytes]:
    """Every perfect subtree hash a log of ``size`` leaves must have stored."""
    ids = [(level, index) for level in range(size.bit_length()) for index in range(size >> level)]
    assert store.node_count == len(ids)
    return store.get_nodes(ids)


def _flip(value: bytes, bit: int) -> bytes:
    flipped = bytearray(value)
    flipped[bit // 8] ^= 1 << (bit % 8)
    return bytes(flipped)


def _replace(proof: Sequence[bytes], position: int, value: bytes) -> list[bytes]:
    return [value if i == position else item for i, item in enumerate(proof)]


def _fails_inclusion(
    leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    try:
        verify_inclusion(leaf, index, size, proof, root)
    except ProofError:
        return True
    return False


def _fails_consistency(
    size1: int, size2: int, root1: bytes, root2: bytes, proof: Sequence[bytes]
) -> bool:
    try:
        verify_consistency(size1, size2, root1, root2, proof)
    except ProofError:
        return True
    return False


# ---------------------------------------------------------------- hashing and published vectors


@pytest.mark.req("R24.2")
def test_the_empty_tree_hashes_to_the_sha256_of_nothing(vector_log):
    assert EMPTY_ROOT == hashlib.sha256(b"").digest() == ROOT_HASHES[0]
    assert MerkleLog(InMemoryNodeStore()).root() == EMPTY_ROOT
    assert vector_log.root(0) == EMPTY_ROOT
    assert root_from_leaf_hashes([]) == EMPTY_ROOT


@pytest.mark.req("R24.2")
def test_leaves_and_interior_nodes_are_hashed_with_distinct_prefixes():
    left, right = NODE_HASHES[(0, 0)], NODE_HASHES[(0, 1)]
    assert leaf_hash(b"") == hashlib.sha256(b"\x00").digest() == NODE_HASHES[(0, 0)]
    assert node_hash(left, right) == hashlib.sha256(b"\x01" + left + right).digest()
    # The prefixes are what stop an interior node from being presented as a leaf.
    assert leaf_hash(left + right) != node_hash(left, right)


@pytest.mark.req("R24.2")
def test_appending_the_published_leaf_inputs_stores_exactly_the_published_node_hashes():
    _, store = _log_of(LEAF_INPUTS)
    ids = list(NODE_HASHES)
    assert store.get_nodes(ids) == [NODE_HASHES[node] for node in ids]
    assert store.node_count == len(NODE_HASHES)


@pytest.mark.req("R24.2")
@pytest.mark.parametrize("size", range(len(ROOT_HASHES)))
def test_the_root_of_each_size_matches_the_published_root(size, vector_log):
    assert vector_log.root(size) == ROOT_HASHES[size]
    assert _log_of(LEAF_INPUTS[:size])[0].root() == ROOT_HASHES[size]
    assert reference_root([leaf_hash(e) for e in LEAF_INPUTS[:size]]) == ROOT_HASHES[size]
    assert root_from_leaf_hashes(leaf_hash(e) for e in LEAF_INPUTS[:size]) == ROOT_HASHES[size]


@pytest.mark.req("R24.2")
@pytest.mark.parametrize("size", range(len(COMPACT_RANGES)))
def test_a_root_reads_exactly_the_published_compact_range_of_its_size(size):
    log, store = _log_of(LEAF_INPUTS)
    store.reads = 0
    root = log.root(size)
    assert store.reads == len(COMPACT_RANGES[size])
    if size:
        hashes = [NODE_HASHES[node] for node in COMPACT_RANGES[size]]
        folded = hashes[-1]
        for left in reversed(hashes[:-1]):
            folded = node_hash(left, folded)
        assert root == folded


@pytest.mark.req("R24.2")
@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION_VECTORS)
def test_inclusion_proofs_match_and_verify_against_the_published_vectors(
    index, size, proof, vector_log
):
    assert vector_log.inclusion_proof(index, size) == proof
    assert reference_inclusion_proof(index, [leaf_hash(e) for e in LEAF_INPUTS[:size]]) == proof
    verify_inclusion(leaf_hash(LEAF_INPUTS[index]), index, size, proof, ROOT_HASHES[size])


@pytest.mark.req("R24.2")
@pytest.mark.parametrize(("size1", "size2", "proof"), CONSISTENCY_VECTORS)
def test_consistency_proofs_match_and_verify_against_the_published_vectors(
    size1, size2, proof, vector_log
):
    assert vector_log.consistency_proof(size1, size2) == proof
    leaves = [leaf_hash(e) for e in LEAF_INPUTS[:size2]]
    assert reference_consistency_proof(size1, leaves) == proof
    verify_consistency(size1, size2, ROOT_HASHES[size1], ROOT_HASHES[size2], proof)


@pytest.mark.req("R24.2")
@pytest.mark.parametrize(("index", "size"), list(INCLUSION_LAYOUT))
def test_inclusion_proofs_are_made_of_the_published_nodes(index, size, vector_log):
    assert vector_log.inclusion_proof(index, size) == _layout_hashes(INCLUSION_LAYOUT[index, size])


@pytest.mark.req("R24.2")
@pytest.mark.parametrize(("size1", "size2"), list(CONSISTENCY_LAYOUT))
def test_consistency_proofs_are_made_of_the_published_nodes(size1, size2, vector_log):
    expected = _layout_hashes(CONSISTENCY_LAYOUT[size1, size2])
    assert vector_log.consistency_proof(size1, size2) == expected


@pytest.mark.parametrize(("index", "size"), [(0, 0), (1, 0), (2, 1), (3, 0), (8, 7), (-1, 4)])
def test_an_inclusion_proof_for_a_leaf_outside_the_tree_is_refused(index, size, vector_log):
    with pytest.raises(TreeRangeError):
        vector_log.inclusion_proof(index, size)


@pytest.mark.parametrize(("size1", "size2"), [(5, 0), (9, 8), (3, 9), (-1, 4)])
def test_a_consistency_proof_between_impossible_sizes_is_refused(size1, size2, vector_log):
    with pytest.raises(TreeRangeError):
        vector_log.consistency_proof(size1, size2)


def test_a_root_beyond_the_log_size_is_refused(vector_log):
    with pytest.raises(TreeRangeError):
        vector_log.root(9)


# ------------------------------------------------------- corrupted published proofs (tampering)


def _inclusion_probes(index: int, size: int, proof: list[bytes], root: bytes, leaf: bytes):
    """Each way a published inclusion proof can be damaged, as (what, arguments)."""
    probes = [
        ("index - 1", (leaf, index - 1, size, proof, root)),
        ("index + 1", (leaf, index + 1, size, proof, root)),
        ("index ^ 2", (leaf, index ^ 2, size, proof, root)),
        ("size * 2", (leaf, index, size * 2, proof, root)),
        ("size // 2", (leaf, index, size // 2, proof, root)),
        ("wrong leaf", (leaf_hash(b"WrongLeaf"), index, size, proof, root)),
        ("empty-tree root", (leaf, index, size, proof, EMPTY_ROOT)),
        ("unrelated root", (leaf, index, size, proof, SOME_HASH)),
        ("trailing empty item", (leaf, index, size, [*proof, b""], root)),
        ("trailing root", (leaf, index, size, [*proof, root], root)),
        ("leading empty item", (leaf, index, size, [b"", *proof], root)),
        ("leading root", (leaf, index, size, [root, *proof], root)),
    ]
    for i in range(len(proof)):
        flipped = _replace(proof, i, _flip(proof[i], 3))
        probes.append((f"proof[{i}] bit flipped", (leaf, index, size, flipped, root)))
    if proof:
        probes.append(("last item removed", (leaf, index, size, proof[:-1], root)))
    if len(proof) > 1:
        inserted = [proof[0], SOME_HASH, *proof[1:]]
        probes.append(("item inserted", (leaf, index, size, inserted, root)))
    return probes


@pytest.mark.req("R26")
@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION_VECTORS)
def test_every_corruption_of_a_published_inclusion_proof_is_detected(index, size, proof):
    leaf = leaf_hash(LEAF_INPUTS[index])
    accepted = [
        what
        for what, args in _inclusion_probes(index, size, proof, ROOT_HASHES[size], leaf)
        if not _fails_inclusion(*args)
    ]
    assert accepted == []


def _consistency_probes(size1: int, size2: int, root1: bytes, root2: bytes, proof: list[bytes]):
    probes = [
        ("size1 - 1", (size1 - 1, size2, root1, root2, proof)),
        ("size1 + 1", (size1 + 1, size2, root1, root2, proof)),
        ("size1 ^ 2", (size1 ^ 2, size2, root1, root2, proof)),
        ("size2 * 2", (size1, size2 * 2, root1, root2, proof)),
        ("size2 // 2", (size1, size2 // 2, root1, root2, proof)),
        ("wrong root1", (size1, size2, SOME_HASH, root2, proof)),
        ("wrong root2", (size1, size2, root1, SOME_HASH, proof)),
        ("short root1", (size1, size2, b"WrongRoot", root2, proof)),
        ("swapped roots", (size1, size2, root2, root1, proof)),
        ("empty proof", (size1, size2, root1, root2, [])),
        ("trailing empty item", (size1, size2, root1, root2, [*proof, b""])),
        ("trailing root1", (size1, size2, root1, root2, [*proof, root1])),
        ("trailing root2", (size1, size2, root1, root2, [*proof, root2])),
        ("leading empty item", (size1, size2, root1, root2, [b"", *proof])),
        ("leading root1", (size1, size2, root1, root2, [root1, *proof])),
        ("leading root2", (size1, size2, root1, root2, [root2, *proof])),
        ("leading proof[0]", (size1, size2, root1, root2, [proof[0], *proof])),
        ("last item removed", (size1, size2, root1, root2, proof[:-1])),
    ]
    for i in range(len(proof)):
        flipped = _replace(proof, i, _flip(proof[i], 4))
        probes.append((f"proof[{i}] bit flipped", (size1, size2, root1, root2, flipped)))
    return probes


@pytest.mark.req("R26")
@pytest.mark.parametrize(("size1", "size2", "proof"), [v for v in CONSISTENCY_VECTORS if v[2]])
def test_every_corruption_of_a_published_consistency_proof_is_detected(size1, size2, proof):
    root1, root2 = ROOT_HASHES[size1], ROOT_HASHES[size2]
    accepted = [
        what
        for what, args in _consistency_probes(size1, size2, root1, root2, proof)
        if not _fails_consistency(*args)
    ]
    assert accepted == []


# ----------------------------------------------------------------------------- edge cases


def test_a_single_leaf_tree_proves_its_leaf_with_an_empty_path():
    leaf = leaf_hash(b"data")
    verify_inclusion(leaf, 0, 1, [], leaf)
    with pytest.raises(ProofError):
        verify_inclusion(leaf, 0, 1, [], SOME_HASH)
    with pytest.raises(ProofError):
        verify_inclusion(b"", 0, 1, [], leaf)
    with pytest.raises(ProofError):
        verify_inclusion(leaf, 0, 1, [], b"")


@pytest.mark.parametrize(("index", "size"), [(0, 0), (0, 1), (1, 0), (2, 1)])
def test_inclusion_in_an_empty_tree_or_past_its_end_never_verifies(index, size):
    for leaf, root in [(SOME_HASH, EMPTY_ROOT), (EMPTY_ROOT, EMPTY_ROOT), (SOME_HASH, SOME_HASH)]:
        if (index, size) == (0, 1) and leaf == root:
            continue  # that is a genuine one-leaf tree
        assert _fails_inclusion(leaf, index, size, [], root)


def test_every_tree_is_consistent_with_the_empty_tree_given_an_empty_proof():
    verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    verify_consistency(0, 5, EMPTY_ROOT, ROOT_HASHES[5], [])
    # An empty log has exactly one root; a checkpoint naming another one is forged.
    assert _fails_consistency(0, 5, SOME_HASH, ROOT_HASHES[5], [])
    assert _fails_consistency(0, 5, EMPTY_ROOT, ROOT_HASHES[5], [EMPTY_ROOT])


@pytest.mark.req("R26")
def test_two_checkpoints_of_the_same_size_are_consistent_only_when_their_roots_are_equal():
    verify_consistency(4, 4, ROOT_HASHES[4], ROOT_HASHES[4], [])
    assert _fails_consistency(4, 4, ROOT_HASHES[4], SOME_HASH, [])
    assert _fails_consistency(4, 4, ROOT_HASHES[4], ROOT_HASHES[4], [ROOT_HASHES[4]])
    assert _fails_consistency(1, 1, ROOT_HASHES[1], ROOT_HASHES[2], [])


@pytest.mark.req("R26")
def test_a_log_cannot_prove_it_shrank():
    assert _fails_consistency(2, 1, ROOT_HASHES[2], ROOT_HASHES[1], [])
    assert _fails_consistency(8, 6, ROOT_HASHES[8], ROOT_HASHES[6], CONSISTENCY_VECTORS[2][2])


def test_the_size_is_only_authenticated_together_with_its_root():
    # RFC 9162 §2.1.3.2 hashes by the tree's shape: leaf 0's path in a tree of 3 leaves has the
    # same shape as in a tree of 4, so the 3-leaf proof checks against the 3-leaf root even when
    # called "4". A size therefore means nothing without the root signed with it in a checkpoint,
    # and callers must take both from the same one.
    proof = LOG.inclusion_proof(0, 3)
    verify_inclusion(LEAF_HASHES[0], 0, 4, proof, ROOTS[3])
    assert _fails_inclusion(LEAF_HASHES[0], 0, 4, proof, ROOTS[4])


# -------------------------------------------------- every size, every leaf, against the RFC


@pytest.mark.req("R24.2")
@pytest.mark.parametrize("size", range(1, len(ENTRIES) + 1))
def test_every_leaf_of_a_tree_has_the_rfc_audit_path_and_it_verifies(size):
    assert LOG.root(size) == ROOTS[size]
    for index in range(size):
        proof = LOG.inclusion_proof(index, size)
        assert proof == reference_inclusion_proof(index, LEAF_HASHES[:size])
        assert len(proof) <= math.ceil(math.log2(size))
        verify_inclusion(LEAF_HASHES[index], index, size, proof, ROOTS[size])


@pytest.mark.req("R24.2")
@pytest.mark.parametrize("size2", range(1, 101))
def test_every_earlier_size_has_the_rfc_consistency_proof_and_it_verifies(size2):
    for size1 in range(size2 + 1):
        proof = LOG.consistency_proof(size1, size2)
        assert proof == reference_consistency_proof(size1, LEAF_HASHES[:size2])
        verify_consistency(size1, size2, ROOTS[size1], ROOTS[size2], proof)


@pytest.mark.req("R24.2")
@settings(max_examples=60, deadline=None)
@given(
    entries=st.lists(st.binary(max_size=40), min_size=1, max_size=150),
    data=st.data(),
)
def test_any_entries_give_the_roots_and_proofs_of_the_rfc_definition(entries, data):
    log, _ = _log_of(entries)
    leaves = [leaf_hash(e) for e in entries]
    size = data.draw(st.integers(1, len(entries)), label="size")
    index = data.draw(st.integers(0, size - 1), label="index")
    size1 = data.draw(st.integers(0, size), label="size1")
    root = reference_root(leaves[:size])
    assert log.root(size) == root
    proof = log.inclusion_proof(index, size)
    assert proof == reference_inclusion_proof(index, leaves[:size])
    verify_inclusion(leaves[index], index, size, proof, root)
    consistency = log.consistency_proof(size1, size)
    assert consistency == reference_consistency_proof(size1, leaves[:size])
    verify_consistency(size1, size, reference_root(leaves[:size1]), root, consistency)


@settings(max_examples=60, deadline=None)
@given(entries=st.lists(st.binary(max_size=8), max_size=300), cuts=st.lists(st.integers(0, 300)))
def test_appending_in_batches_stores_the_same_tree_as_appending_one_by_one(entries, cuts):
    one_by_one, store_a = _log_of([])
    for entry in entries:
        one_by_one.append(entry)
    batched, store_b = _log_of([])
    bounds = sorted({0, len(entries), *(c for c in cuts if c <= len(entries))})
    for lo, hi in itertools.pairwise(bounds):
        assert batched.extend(entries[lo:hi]) == range(lo, hi)
    assert _all_nodes(store_a, len(entries)) == _all_nodes(store_b, len(entries))
    assert batched.size == one_by_one.size == len(entries)
    assert batched.root() == root_from_leaf_hashes(leaf_hash(e) for e in entries)


def test_a_batch_with_a_malformed_leaf_hash_stores_nothing():
    log, store = _log_of(ENTRIES[:5])
    with pytest.raises(ValueError, match="not 32 bytes"):
        log.extend_leaf_hashes([LEAF_HASHES[5], b"short"])
    assert (log.size, store.node_count) == (5, 5 + 2 + 1)
    assert log.root() == ROOTS[5]


# --------------------------------------------------------------------- tamper evidence (R26)


@st.composite
def _inclusion_case(draw):
    size = draw(st.integers(1, len(ENTRIES)), label="size")
    index = draw(st.integers(0, size - 1), label="index")
    return index, size


@pytest.mark.req("R26")
@settings(max_examples=40, deadline=None)
@given(case=_inclusion_case())
def test_flipping_any_bit_of_an_inclusion_proof_its_root_or_its_leaf_fails_verification(case):
    index, size = case
    proof, root, leaf = LOG.inclusion_proof(index, size), ROOTS[size], LEAF_HASHES[index]
    for bit in range(256):
        assert _fails_inclusion(_flip(leaf, bit), index, size, proof, root)
        assert _fails_inclusion(leaf, index, size, proof, _flip(root, bit))
        for position, item in enumerate(proof):
            tampered = _replace(proof, position, _flip(item, bit))
            assert _fails_inclusion(leaf, index, size, tampered, root)


@pytest.mark.req("R26")
@settings(max_examples=200, deadline=None)
@given(case=_inclusion_case(), data=st.data())
def test_an_inclusion_proof_checked_at_another_index_or_size_fails(case, data):
    index, size = case
    proof = LOG.inclusion_proof(index, size)
    other_index = data.draw(st.integers(-2, len(ENTRIES)).filter(lambda i: i != index))
    assert _fails_inclusion(LEAF_HASHES[index], other_index, size, proof, ROOTS[size])
    other_size = data.draw(st.integers(0, len(ENTRIES)).filter(lambda n: n != size))
    # With the root of the size claimed, as a checkpoint would give it.
    assert _fails_inclusion(LEAF_HASHES[index], index, other_size, proof, ROOTS[other_size])
    # Another leaf's hash at this position.
    other_leaf = data.draw(st.integers(0, len(ENTRIES) - 1).filter(lambda i: i != index))
    assert _fails_inclusion(LEAF_HASHES[other_leaf], index, size, proof, ROOTS[size])


@st.composite
def _consistency_case(draw):
    size2 = draw(st.integers(2, 100), label="size2")
    size1 = draw(st.integers(1, size2 - 1), label="size1")
    return size1, size2


@pytest.mark.req("R26")
@settings(max_examples=40, deadline=None)
@given(case=_consistency_case())
def test_flipping_any_bit_of_a_consistency_proof_or_either_root_fails_verification(case):
    size1, size2 = case
    proof, root1, root2 = LOG.consistency_proof(size1, size2), ROOTS[size1], ROOTS[size2]
    for bit in range(256):
        assert _fails_consistency(size1, size2, _flip(root1, bit), root2, proof)
        assert _fails_consistency(size1, size2, root1, _flip(root2, bit), proof)
        for position, item in enumerate(proof):
            tampered = _replace(proof, position, _flip(item, bit))
            assert _fails_consistency(size1, size2, root1, root2, tampered)


@pytest.mark.req("R26")
@settings(max_examples=200, deadline=None)
@given(case=_consistency_case(), data=st.data())
def test_a_consistency_proof_checked_between_other_sizes_fails(case, data):
    size1, size2 = case
    proof = LOG.consistency_proof(size1, size2)
    other1 = data.draw(st.integers(0, 100).filter(lambda n: n != size1), label="other size1")
    assert _fails_consistency(other1, size2, ROOTS[other1], ROOTS[size2], proof)
    other2 = data.draw(st.integers(0, 120).filter(lambda n: n != size2), label="other size2")
    assert _fails_consistency(size1, other2, ROOTS[size1], ROOTS[other2], proof)


@pytest.mark.req("R26")
@settings(max_examples=100, deadline=None)
@given(case=_consistency_case(), data=st.data())
def test_a_log_that_rewrote_removed_or_inserted_an_old_entry_cannot_prove_consistency(case, data):
    # given a checkpoint (size1, root1) of the honest log
    size1, size2 = case
    root1 = ROOTS[size1]
    position = data.draw(st.integers(0, size1 - 1), label="position")
    how = data.draw(st.sampled_from(["altered", "removed", "inserted", "swapped"]), label="how")
    entries = list(ENTRIES[:size2])
    if how == "altered":
        entries[position] = entries[position] + b" (edited)"
    elif how == "removed":
        del entries[position]
    elif how == "inserted":
        entries.insert(position, b"backdated entry")
    else:
        other = (position + 1) % size2
        entries[position], entries[other] = entries[other], entries[position]
    # when the rewritten log proves consistency with the old checkpoint
    forged, _ = _log_of(entries)
    size2 = forged.size
    proof = forged.consistency_proof(size1, size2)
    # then the proof cannot connect the honest checkpoint to the forged tree
    assert _fails_consistency(size1, size2, root1, forged.root(), proof)


@pytest.mark.req("R26")
def test_an_entry_altered_in_the_log_no_longer_proves_its_inclusion():
    forged_entries = list(ENTRIES[:50])
    forged_entries[17] = b"ledger entry 17, quietly edited"
    forged, _ = _log_of(forged_entries)
    proof = forged.inclusion_proof(17, 50)
    # The edited entry cannot be proven against the checkpoint signed before the edit, and the
    # edited log no longer reaches that checkpoint's root.
    assert _fails_inclusion(leaf_hash(forged_entries[17]), 17, 50, proof, ROOTS[50])
    assert forged.root() != ROOTS[50]


# ------------------------------------------------------------------------ O(log n) node reads


@pytest.mark.req("R24.2")
def test_proofs_and_roots_read_a_logarithmic_number_of_stored_nodes():
    n = 100_000
    store = InMemoryNodeStore()
    log = MerkleLog(store)
    log.extend_leaf_hashes(hashlib.sha256(i.to_bytes(4, "big")).digest() for i in range(n))
    rng = random.Random(9162)
    sizes = [n, n - 1, 2**16, 2**16 + 1, 2**16 - 1, 3, 2, *(rng.randint(2, n) for _ in range(200))]
    for size in sizes:
        bound = 2 * math.ceil(math.log2(size))
        for index in {0, size - 1, size // 2, rng.randrange(size)}:
            store.reads = store.read_calls = 0
            log.inclusion_proof(index, size)
            assert store.reads <= bound, (index, size, store.reads)
            assert store.read_calls == 1
        for size1 in {1, size - 1, size // 2, rng.randint(1, size)}:
            store.reads = store.read_calls = 0
            log.consistency_proof(size1, size)
            assert store.reads <= bound, (size1, size, store.reads)
            assert store.read_calls <= 1
        store.reads = 0
        log.root(size)
        assert store.reads == size.bit_count()


@pytest.mark.parametrize(
    ("size", "reads"),
    [(0, 0), (1, 1), (2, 0), (3, 2), (4, 0), (7, 3), (199, 3), (200, 0), (2**10 - 1, 10)],
)
def test_an_append_reads_only_the_right_edge_nodes_it_completes_a_parent_with(size, reads):
    store = InMemoryNodeStore()
    log = MerkleLog(store)
    log.extend(ENTRIES[:size] if size <= len(ENTRIES) else (b"%d" % i for i in range(size)))
    store.reads = store.read_calls = 0
    log.append(b"one more")
    # One node per trailing 1 bit of the size: the siblings the new leaf is merged with.
    assert (store.reads, store.read_calls) == (reads, 1 if reads else 0)


def test_a_batch_reads_the_right_edge_once_whatever_its_length():
    store = InMemoryNodeStore()
    log = MerkleLog(store)
    log.extend(ENTRIES[:150])  # 150 = 0b10010110: edge nodes at levels 7, 4, 2 and 1
    store.reads = store.read_calls = 0
    log.extend(ENTRIES[150:200])  # completes the parents of levels 4, 2 and 1, not of level 7
    assert (store.reads, store.read_calls) == (3, 1)
    assert log.root() == ROOTS[200]


# ------------------------------------------------------------------------- canonical payloads


def test_canonical_json_sorts_keys_and_drops_insignificant_whitespace():
    payload = {"title": "Java 工程师", "salary_fen": 1200000, "remote": False, "tags": ["a", None]}
    expected = '{"remote":false,"salary_fen":1200000,"tags":["a",null],"title":"Java 工程师"}'
    assert canonical_json(payload) == expected.encode()


def test_canonical_json_writes_utf8_and_escapes_only_what_json_requires():
    assert canonical_json('招聘\n"\\\u2028') == '"招聘\\n\\"\\\\\u2028"'.encode()
    assert canonical_json("\x1f") == b'"\\u001f"'


def test_canonical_json_orders_keys_by_utf16_code_units_as_rfc_8785_does():
    # U+FFFD sorts before U+1F600 by code point but after it in UTF-16 (0xFFFD > 0xD83D).
    assert canonical_json({"\ufffd": 1, "\U0001f600": 2}) == '{"😀":2,"\ufffd":1}'.encode()


def test_the_same_record_gives_the_same_bytes_whatever_its_key_order_or_sequence_type():
    assert canonical_json({"b": 1, "a": (1, 2)}) == canonical_json({"a": [1, 2], "b": 1})


@pytest.mark.parametrize(
    "payload", [1.5, {"salary": 3000.0}, [1, float("nan")], {"x": {"y": [float("inf")]}}]
)
def test_canonical_json_refuses_floats(payload):
    with pytest.raises(TypeError, match="floats are not allowed"):
        canonical_json(payload)


def test_a_refused_value_is_named_by_its_place_in_the_payload():
    with pytest.raises(TypeError, match=r"payload\['offer'\]\['salary'\]\[1\]"):
        canonical_json({"offer": {"salary": [1, 2.5]}})


@pytest.mark.parametrize("payload", [{1: "a"}, {None: 1}, b"bytes", {1, 2}, object()])
def test_canonical_json_refuses_values_json_cannot_represent_exactly(payload):
    with pytest.raises(TypeError):
        canonical_json(payload)


@pytest.mark.parametrize("payload", [2**53, -(2**53), "\ud800", {"\udfff": 1}])
def test_canonical_json_refuses_unsafe_integers_and_invalid_unicode(payload):
    with pytest.raises(ValueError):
        canonical_json(payload)


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(st.characters(exclude_categories=["Cs"])), inner, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.req("R26")
@settings(max_examples=200, deadline=None)
@given(value=_json_values, seed=st.integers(0, 2**32))
def test_canonical_json_round_trips_and_is_independent_of_insertion_order(value, seed):
    encoded = canonical_json(value)
    assert json.loads(encoded) == value
    shuffled = _shuffle_keys(value, random.Random(seed))
    assert canonical_json(shuffled) == encoded
    assert entry_hash(shuffled) == hashlib.sha256(encoded).digest()


def _shuffle_keys(value, rng: random.Random):
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {key: _shuffle_keys(value[key], rng) for key in keys}
    if isinstance(value, list):
        return [_shuffle_keys(item, rng) for item in value]
    return value


@pytest.mark.req("R26")
def test_changing_any_field_of_a_payload_changes_its_entry_hash():
    payload = {"posting": 7, "version": 3, "title": "仓库管理员", "status": "published"}
    digest = entry_hash(payload)
    for key, value in payload.items():
        changed = {**payload, key: "x" if isinstance(value, int) else 0}
        assert entry_hash(changed) != digest
    assert entry_hash({**payload, "extra": None}) != digest


# ------------------------------------------------------------------------------ independence


def test_the_engine_imports_without_django_or_settings():
    root = Path(__file__).resolve().parents[3]
    code = (
        "import sys, fairhire.ledger.merkle; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
