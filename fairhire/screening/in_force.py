"""The ruleset in force in this process: the shipped rules plus the operators' overrides.

Compiling a ruleset takes about half a second, so it is kept per process and named by the
override stamp (latest version and its time). Each screening asks the database for the stamp
(one query on a unique index) and recompiles only when an operator has changed something since,
so a change takes effect in every worker without a restart.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime

from fairhire.screening.engine import (
    Overrides,
    Ruleset,
    RulesetError,
    build_ruleset,
    default_ruleset,
)
from fairhire.screening.models import RulesetChange

logger = logging.getLogger("fairhire.screening")


@dataclass(frozen=True, slots=True)
class OverrideStamp:
    """Names one state of the history: its version and when that version was written.

    The time is part of the name so that a history rebuilt from scratch (a restored backup, a
    test database) is never mistaken for the one a process compiled earlier.
    """

    version: int
    at: datetime | None

    @property
    def label(self) -> str:
        return str(self.version)


def override_stamp() -> OverrideStamp:
    """The latest change: one query on the unique index of ``version``."""
    latest = RulesetChange.objects.order_by("-version").values_list("version", "created_at")[:1]
    row = next(iter(latest), None)
    return OverrideStamp(*row) if row else OverrideStamp(0, None)


def overrides_in_force_entries() -> tuple[OverrideStamp, dict[tuple[str, str], RulesetChange]]:
    """Fold the history in one read: the stamp of its last row, and the last ``add`` of each
    (kind, key) not withdrawn since, oldest first."""
    stamp = OverrideStamp(0, None)
    entries: dict[tuple[str, str], RulesetChange] = {}
    for change in RulesetChange.objects.select_related("actor").order_by("version"):
        stamp = OverrideStamp(change.version, change.created_at)
        slot = (change.kind, change.key)
        entries.pop(slot, None)  # a re-added entry moves to its new place in the order
        if change.op == RulesetChange.Op.ADD:
            entries[slot] = change
    return stamp, entries


def overrides_from_entries(entries: dict[tuple[str, str], RulesetChange], *,
                           version: int) -> Overrides:
    """The engine's form of the overrides; ``version`` becomes the label (``…+ops.17``)."""
    changes = list(entries.values())
    return Overrides.from_dict({
        "added_terms": [
            {"term": c.text, "category": c.category, "severity": c.severity or None}
            for c in changes if c.kind == RulesetChange.Kind.ADDED_TERM
        ],
        "disabled_terms": [c.text for c in changes if c.kind == RulesetChange.Kind.DISABLED_TERM],
        "lawful_phrases": [
            {"phrase": c.text, "categories": [c.category] if c.category else []}
            for c in changes if c.kind == RulesetChange.Kind.LAWFUL_PHRASE
        ],
        "label": str(version),
    })


_lock = threading.Lock()
_compiled: tuple[OverrideStamp, Ruleset] | None = None


def ruleset_in_force() -> Ruleset:
    stamp = override_stamp()
    if stamp.version == 0:
        return default_ruleset()
    compiled = _compiled
    if compiled is not None and compiled[0] == stamp:
        return compiled[1]
    with _lock:  # one thread compiles; the others wait for its result
        compiled = _compiled
        if compiled is not None and compiled[0] == stamp:
            return compiled[1]
        return _compile()


def _compile() -> Ruleset:
    # The stamp is read again together with the history, so the ruleset is named by exactly
    # the rows it was built from even if a change committed in between.
    stamp, entries = overrides_in_force_entries()
    try:
        ruleset = build_ruleset(overrides_from_entries(entries, version=stamp.version))
    except RulesetError:
        # Every entry was validated when it was saved; this means the shipped rules changed
        # under an old entry (a renamed category). Screening must go on: use the shipped rules
        # and say so loudly rather than fail every posting.
        logger.exception("screening overrides v%s do not compile; using the shipped rules",
                         stamp.version)
        ruleset = default_ruleset()
    remember(stamp, ruleset)
    return ruleset


def remember(stamp: OverrideStamp, ruleset: Ruleset) -> None:
    """Keep ``ruleset`` as the one for ``stamp`` (a service that just compiled it calls this)."""
    global _compiled
    _compiled = (stamp, ruleset)
