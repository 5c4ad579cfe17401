"""Screening as the rest of the platform calls it: the shipped ruleset plus this deployment's
operator overrides (issue 5). Other apps call ``screen_text`` and never build rulesets."""

from __future__ import annotations

from fairhire.screening.engine import ScreenResult, check, default_ruleset


def screen_text(text: str) -> ScreenResult:
    """Screen ``text`` with the ruleset in force; the result records its version."""
    return check(text, ruleset=default_ruleset())
