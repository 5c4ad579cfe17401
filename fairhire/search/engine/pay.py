"""Pay normalised to yuan a month, so a day rate and a monthly salary can be compared.

Chinese labour law counts 21.75 paid days a month (人社部发〔2008〕3号: 月计薪天数 =
(365 − 104) ÷ 12) and 8 hours a day, so a day rate × 21.75 and an hour rate × 174 give the
monthly equivalent. A piece rate has no monthly equivalent: such postings carry no normalised
pay and so do not match a pay filter (they are still found by everything else).
"""

from __future__ import annotations

MONTH_FACTORS = {"month": 1.0, "day": 21.75, "hour": 174.0}


def monthly(amount: int | None, unit: str) -> int | None:
    factor = MONTH_FACTORS.get(unit or "month")
    if amount is None or factor is None:
        return None
    return round(amount * factor)


def monthly_range(low: int | None, high: int | None, unit: str) -> tuple[int | None, int | None]:
    """``(low, high)`` a month; one missing end takes the other's value."""
    low_m, high_m = monthly(low, unit), monthly(high, unit)
    if low_m is None:
        low_m = high_m
    if high_m is None:
        high_m = low_m
    return low_m, high_m


def overlaps(a_low: int | None, a_high: int | None, b_low: int | None,
             b_high: int | None) -> bool:
    """Do two ranges overlap? An open end is unbounded."""
    return (a_high is None or b_low is None or a_high >= b_low) and \
        (a_low is None or b_high is None or a_low <= b_high)
