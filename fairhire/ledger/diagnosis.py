"""Name what was done to the log: which entry was altered, removed, inserted or reordered.

No Django.

Input: the leaf hash recomputed from every entry row as it is now (with the sequence number the
row carries) and the leaf hashes the tree recorded when the entries were appended (trusted once
they match a signed checkpoint). Because a leaf does not include its sequence number
(``leaves.py``), an entry that was moved keeps its leaf hash and can be recognised where it now
sits; so a row inserted in the middle is one "inserted" finding, not "everything after it changed".
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

ALTERED = "altered"
REMOVED = "removed"
INSERTED = "inserted"
REORDERED = "reordered"
TREE = "tree"
CHECKPOINT = "checkpoint"
REDACTION = "redaction"


@dataclass(frozen=True)
class Finding:
    problem: str
    seq: int | None
    message: str

    def __str__(self) -> str:
        return f"[{self.problem}] {self.message}"


def compare_leaves(rows: Sequence[tuple[int, bytes]], recorded: Sequence[bytes]) -> list[Finding]:
    """Compare rows ``(seq, recomputed leaf)`` in sequence order with the recorded leaves."""
    if len(rows) == len(recorded) and all(
        seq == i and leaf == recorded[i] for i, (seq, leaf) in enumerate(rows)
    ):
        return []
    # Trim the common prefix and suffix so the work below is proportional to the damage.
    start = 0
    limit = min(len(rows), len(recorded))
    while start < limit and rows[start] == (start, recorded[start]):
        start += 1
    origin_of: dict[bytes, list[int]] = defaultdict(list)
    for index in range(start, len(recorded)):
        origin_of[recorded[index]].append(index)

    findings: list[Finding] = []
    matched: list[tuple[int, int]] = []  # (row position, recorded index)
    unmatched_rows: list[int] = []
    for position in range(start, len(rows)):
        candidates = origin_of.get(rows[position][1])
        if candidates:
            matched.append((position, candidates.pop(0)))
        else:
            unmatched_rows.append(position)
    used = {index for _, index in matched}
    unused = [index for index in range(start, len(recorded)) if index not in used]

    # A row whose leaf the tree never had, sitting where a recorded entry is missing: altered.
    unused_set = set(unused)
    for position in unmatched_rows:
        seq = rows[position][0]
        if seq in unused_set:
            unused_set.discard(seq)
            findings.append(Finding(ALTERED, seq, f"entry #{seq} was altered: its content no "
                                    "longer gives the leaf hash the tree recorded"))
        else:
            findings.append(Finding(INSERTED, seq, f"entry #{seq} was inserted: the tree never "
                                    "recorded an entry with this content"))
    for first, last in _runs(sorted(unused_set)):
        if first == last:
            findings.append(Finding(REMOVED, first, f"entry #{first} was removed"))
        else:
            findings.append(Finding(REMOVED, first, f"entries #{first}-#{last} were removed"))

    # Matched rows must keep the tree's order; those off the longest in-order run were moved.
    in_order = _longest_increasing(matched)
    for position, index in matched:
        if (position, index) not in in_order:
            seq = rows[position][0]
            findings.append(Finding(REORDERED, index, f"entries were reordered: entry #{index} "
                                    f"now sits at position #{seq}"))
    # Every entry is where the tree put it, but the sequence numbers were rewritten.
    if not findings:
        for position, index in matched:
            seq = rows[position][0]
            if seq != index:
                findings.append(Finding(REORDERED, index, f"entry #{index} was renumbered "
                                        f"#{seq}"))
                break
    return sorted(findings, key=lambda f: (f.seq if f.seq is not None else -1, f.problem))


def _runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _longest_increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (in row order) whose recorded indexes increase."""
    tails: list[int] = []  # smallest recorded index ending an increasing run of each length
    tail_at: list[int] = []  # position in pairs of that element
    parent: list[int] = [-1] * len(pairs)
    for i, (_, index) in enumerate(pairs):
        k = bisect.bisect_left(tails, index)
        if k == len(tails):
            tails.append(index)
            tail_at.append(i)
        else:
            tails[k] = index
            tail_at[k] = i
        parent[i] = tail_at[k - 1] if k else -1
    chosen: set[tuple[int, int]] = set()
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        chosen.add(pairs[i])
        i = parent[i]
    return chosen
