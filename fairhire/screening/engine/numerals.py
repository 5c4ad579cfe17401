"""Chinese numerals to Arabic digits: 三十五 -> 35, 卅五 -> 35, 九零 -> 90, 一百六 -> 160.

Postings write ages, heights and amounts either way (三十五岁以下, 身高一米六五, 押金两千元); the
numeric rules read digits only, so the normaliser converts numerals that stand for a quantity.
"""

from __future__ import annotations

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
# 廿, 卅, 卌: the old single characters for twenty, thirty and forty (卅五岁 is 35).
_TENS = {"廿": 20, "卅": 30, "卌": 40}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MYRIAD = "万"

NUMERAL_CHARS = frozenset(_DIGITS) | frozenset(_TENS) | frozenset(_UNITS) | {_MYRIAD}


def parse_chinese_number(run: str) -> str | None:
    """Arabic digits for a run of Chinese numeral characters, or None when it is not a number.

    A run without unit characters is read digit by digit, as years and generations are written
    (二〇二六 -> 2026, 九零后 -> 90后). A run of units alone (万, 千万) is not converted: 月入过万
    is matched as words. A trailing digit after 百/千/万 is the colloquial short form
    (一百六 = 160, 三千五 = 3500, 一万五 = 15000).
    """
    if not any(ch in _DIGITS or ch in _TENS for ch in run) and run != "十":
        return None
    if all(ch in _DIGITS for ch in run):
        return "".join(str(_DIGITS[ch]) for ch in run)

    total = 0  # completed myriads
    section = 0  # value below the current myriad
    digit: int | None = None
    last_unit = 1
    zero_seen = False
    for ch in run:
        if ch in _DIGITS:
            value = _DIGITS[ch]
            if value == 0:
                zero_seen = True
                continue
            if digit is not None:
                return None  # 五六十 means "fifty or sixty": not one number
            digit = value
        elif ch in _TENS:
            if digit is not None:
                return None
            section += _TENS[ch]
            last_unit = 10
        elif ch in _UNITS:
            unit = _UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
            zero_seen = False
        else:  # 万
            section += digit or 0
            total = (total + (section or 1)) * 10000
            section = 0
            digit = None
            last_unit = 10000
            zero_seen = False
    if digit is not None:
        colloquial = last_unit >= 100 and not zero_seen
        section += digit * (last_unit // 10) if colloquial else digit
    return str(total + section)
