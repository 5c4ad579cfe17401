"""Pinyin search keys for Chinese names: "北京市" → initials "bjs", pinyin "beijingshi"."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

_NOT_KEY = re.compile(r"[^a-z0-9]")


def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin), lowercase ASCII letters and digits only.

    Characters pypinyin does not know (Latin letters, digits, punctuation) pass through and
    punctuation is dropped, so "（警官）" adds nothing and "5G" stays "5g".
    """
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"))
    full = "".join(lazy_pinyin(name, errors="default"))
    return _NOT_KEY.sub("", initials.lower())[:100], _NOT_KEY.sub("", full.lower())[:400]
