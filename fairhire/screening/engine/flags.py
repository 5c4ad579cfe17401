"""What the screener returns: flags, and a result that records the ruleset version."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["block", "review", "info"]

# Order used when overlapping evidence of one category is merged: the strictest wins.
SEVERITY_RANK: dict[str, int] = {"info": 0, "review": 1, "block": 2}

# The category names of SCREENING.md, exactly: other parts of the system rely on them.
CATEGORIES: tuple[str, ...] = (
    "gender",
    "marital_childbearing",
    "ethnicity_race",
    "religion",
    "age",
    "hukou_region",
    "identity",
    "health",
    "disability",
    "appearance",
    "education_prestige",
    "deposit_fee",
    "fraud_signal",
)


@dataclass(frozen=True, slots=True)
class Flag:
    """One piece of evidence that a text breaks a screening rule.

    ``start``/``end`` are offsets into the *original* text (``text[start:end] == excerpt``), even
    when the evidence was found after folding traditional characters, full-width forms,
    separators or numerals. ``ruleset_version`` is on every flag so that a flag stored on its
    own still says which rules produced it.
    """

    category: str
    severity: Severity
    start: int
    end: int
    excerpt: str
    basis: str
    message: str
    message_en: str
    rule: str
    term: str
    ruleset_version: str

    @property
    def is_blocking(self) -> bool:
        return self.severity == "block"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (for the API, the command-line tool and storage)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The flags for one text plus the version of the ruleset that produced them.

    A clean text has no flags to carry the version, so callers that must record which rules
    passed it (posting submission, the check API) use this rather than a bare flag list.
    """

    flags: tuple[Flag, ...]
    ruleset_version: str

    @property
    def blocking(self) -> tuple[Flag, ...]:
        return tuple(flag for flag in self.flags if flag.severity == "block")

    @property
    def needs_review(self) -> bool:
        return any(flag.severity == "review" for flag in self.flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "flags": [flag.to_dict() for flag in self.flags],
            "ruleset": self.ruleset_version,
        }
