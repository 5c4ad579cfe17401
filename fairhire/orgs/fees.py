"""The rule that refuses a fee charging workers a deposit (Regulation Art. 19(2)).

Deliberately tiny and on its own: the screening engine of issue 5 replaces ``deposit_term`` with
its lexicon, and nothing else in the orgs app needs to change.
"""

from __future__ import annotations

import unicodedata

# Words that name a deposit or a guarantee money taken from a worker.
DEPOSIT_TERMS = ("押金", "保证金", "抵押金", "风险金", "担保金", "服装费押金", "培训押金")


def deposit_term(*texts: str) -> str | None:
    """The first deposit word found in ``texts`` (NFKC-folded, spaces ignored), or None."""
    folded = "".join(unicodedata.normalize("NFKC", "".join(texts)).split())
    return next((term for term in DEPOSIT_TERMS if term in folded), None)
