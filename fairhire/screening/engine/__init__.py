"""The compliance screener engine (no Django: importable without settings).

Reads free text (postings, gig postings, fee schedules, fair announcements, messages) and returns
flags as specified in shared/SCREENING.md::

    from fairhire.screening.engine import screen, check, build_ruleset

    flags = screen("限男性，35岁以下")              # list[Flag], offsets into the given text
    result = check(text)                           # ScreenResult(flags, ruleset_version)
    ruleset = build_ruleset({"added_terms": [{"term": "限本村人", "category": "hukou_region"}],
                             "label": "17"})       # shipped rules + operator overrides
    screen(text, ruleset=ruleset)

The ruleset version is recorded on every Flag (``flag.ruleset_version``) and on every
ScreenResult, so a stored flag and a clean result both say which rules produced them.
"""

from fairhire.screening.engine.flags import CATEGORIES, Flag, ScreenResult, Severity
from fairhire.screening.engine.normalise import Normalised, fold, normalise
from fairhire.screening.engine.ruleset import (
    AddedLawfulPhrase,
    AddedTerm,
    Overrides,
    Ruleset,
    RulesetError,
    build_ruleset,
    default_ruleset,
)
from fairhire.screening.engine.screener import check, screen

__all__ = [
    "CATEGORIES",
    "AddedLawfulPhrase",
    "AddedTerm",
    "Flag",
    "Normalised",
    "Overrides",
    "Ruleset",
    "RulesetError",
    "ScreenResult",
    "Severity",
    "build_ruleset",
    "check",
    "default_ruleset",
    "fold",
    "normalise",
    "screen",
]
