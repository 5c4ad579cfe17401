"""Check digits of Chinese identifiers: the unified social credit code and the ID number.

No Django here (STYLE.md: engines stay importable without settings). A refusal raises
:class:`IdentifierError` with a stable ``code``; the services turn codes into messages a person
reads, next to the form field concerned.

* Unified social credit code, GB 32100-2015: 18 characters from a 31-character alphabet (digits
  and upper-case letters without I, O, Z, S, V); characters 3-8 are the GB/T 2260 region code;
  the 18th is a check character, modulo 31. ``python-stdnum`` 2.2 wrongly refuses codes whose
  registration-authority character is A, N or Y, so the check is written here.
* Citizen ID number, GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character
  (``0``-``9`` or ``X``); characters 7-14 are the birth date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
ID_CHECK = "10X98765432"
MINIMUM_AGE = 16


class IdentifierError(ValueError):
    """An identifier was refused; ``code`` says why (e.g. ``uscc.check_digit``)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _clean(value: str) -> str:
    return "".join(value.split()).upper()


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a unified social credit code."""
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(value: str) -> str:
    """Return the code in canonical form, or raise IdentifierError (GB 32100-2015)."""
    code = _clean(value)
    if len(code) != 18:
        raise IdentifierError("uscc.length")
    if any(ch not in USCC_ALPHABET for ch in code):
        raise IdentifierError("uscc.characters")
    if not code[2:8].isdigit():
        raise IdentifierError("uscc.region")
    if uscc_check_char(code[:17]) != code[17]:
        raise IdentifierError("uscc.check_digit")
    return code


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


@dataclass(frozen=True)
class IdNumber:
    value: str
    birth_date: date


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def validate_id_number(value: str, *, today: date) -> IdNumber:
    """Return the ID number in canonical form with its birth date, or raise IdentifierError.

    The birth date must be a real date, not in the future, and the holder at least 16 years old
    on ``today`` (the minimum working age).
    """
    number = _clean(value)
    if len(number) != 18 or not number[:17].isdigit() or number[17] not in "0123456789X":
        raise IdentifierError("id.format")
    if number[0] == "0":
        raise IdentifierError("id.region")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdentifierError("id.birth_date") from None
    if birth > today or birth.year < 1900:
        raise IdentifierError("id.birth_date")
    if id_check_char(number[:17]) != number[17]:
        raise IdentifierError("id.check_digit")
    if _age_on(birth, today) < MINIMUM_AGE:
        raise IdentifierError("id.too_young")
    return IdNumber(value=number, birth_date=birth)
