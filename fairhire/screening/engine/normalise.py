"""Fold a text into the form the lexicon is written in, keeping a map back to the original.

Evasions the screener has to read through (SCREENING.md, "Text the screener must read through"):
traditional characters, full-width letters and digits, spaces or symbols inside a word
(限 男, 限-男, 限*男), Chinese numerals (三十五岁, 卅五岁) and ranges (25~35岁, 25至35周岁).
The lexicon and the patterns are written against the folded form only, and every flag is
reported with offsets into the *original* text, so the reviewer sees the words the employer
actually wrote.

Folding happens in two passes, both cheap enough for thousands of postings a second:

1. ``str.translate`` with a lazily filled table folds every character one to one (NFKC, case
   folding, traditional to simplified, separator classes). One to one keeps offsets trivial.
2. One regular-expression pass over the result resolves the few places where the length changes:
   runs of separators (dropped inside a word, kept as one space between English words, kept as
   ``-`` in a numeric range) and Chinese numerals (三十五 -> 35). Each change becomes a *piece*
   that remembers which original characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from fairhire.screening.engine.numerals import NUMERAL_CHARS, parse_chinese_number

# Every in-word separator folds to SEP; runs of SEP are resolved in the second pass.
SEP = " "
# Placeholder for a character whose folded form is longer than one character (㎏ -> kg).
EXPAND = "\x00"

# Kept as they are: they end a clause (negation never reaches across them) or carry meaning for
# the numeric rules (<35岁, 165+, 3.5万, 9:00, 25-35岁).
_CLAUSE_MARKS = frozenset(",;!?。\n()[]{}【】《》「」『』〔〕")
_MEANINGFUL = frozenset("<>≤≥≦≧+%.:$¥€£")
_DASHES = frozenset("-‐‑‒–—―−﹣－⁃")
_TILDES = frozenset("~～〜∼˜")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
# Unicode categories that never belong inside a word the screener looks for.
_SEPARATOR_CATEGORIES = frozenset(
    {"Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Pc", "Pd", "Po", "Pi", "Pf", "Ps", "Pe",
     "Sm", "Sk", "So", "Mn", "Me"}
)

# After a Chinese numeral, these characters show it is a quantity (三十五岁, 两千元, 一米六).
# Numerals elsewhere (第一学历, 一线城市, 五官端正) are left alone so words keep their shape.
_NUMERAL_FOLLOWERS = frozenset(
    "岁周后年月日天号人名个位元块斤公千克米厘分小时次倍级届以左上下内%多余来项条份kwcm"
)
# ...or these before it (身高一米六五, 年满十八, 月入三千).
_NUMERAL_PRECEDERS = frozenset("米满龄高重于过超赚入薪")
# A range mark counts only between two numbers (二十至三十五岁), not in 双一-流 or 一到岗.
_RANGE_MARKS = frozenset("-~至到")

_PIECE_RE = re.compile(
    r"(?P<sep>[ .:\-~]+)|(?P<exp>\x00)|(?P<num>[" + re.escape("".join(NUMERAL_CHARS)) + r"]+)"
)


@cache
def traditional_to_simplified() -> dict[str, str]:
    """The character table shipped in ``data/t2s.tsv`` (traditional -> simplified)."""
    text = resources.files(__package__).joinpath("data", "t2s.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        traditional, simplified = line.split("\t")
        table[traditional] = simplified
    return table


def _classify(ch: str) -> str:
    """Fold one already-normalised character into its separator class, or keep it."""
    if ch in _LINE_BREAKS:
        return "\n"
    if ch in _DASHES:
        return "-"
    if ch in _TILDES:
        return "~"
    if ch in _CLAUSE_MARKS or ch in _MEANINGFUL:
        return ch
    if ch.isspace() or unicodedata.category(ch) in _SEPARATOR_CATEGORIES:
        return SEP
    return ch


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character.

    Building it for all of Unicode up front would cost a second at import; most postings use a
    few hundred distinct characters.
    """

    def __init__(self) -> None:
        super().__init__()
        self.expansions: dict[str, str] = {}
        self._t2s = traditional_to_simplified()

    def __missing__(self, codepoint: int) -> str:
        ch = chr(codepoint)
        folded = unicodedata.normalize("NFKC", ch).casefold()
        folded = "".join(_classify(self._t2s.get(c, c)) for c in folded)
        if len(folded) != 1:
            # One original character, several folded ones (㎏ -> kg): resolved in the second
            # pass, so that the translated text keeps one character per original character.
            self.expansions[ch] = folded
            folded = EXPAND
        self[codepoint] = folded
        return folded


@cache
def _fold_table() -> _FoldTable:
    return _FoldTable()


def _is_digitish(ch: str) -> bool:
    return ("0" <= ch <= "9") or ch in NUMERAL_CHARS


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True, slots=True)
class Normalised:
    """A folded text plus the map from its characters back to the original text.

    ``pieces`` is a list of ``(norm_start, orig_start, orig_end, verbatim)``: a verbatim piece maps
    character for character; a replaced piece (a numeral, an expansion, a resolved separator run)
    maps every one of its characters to the whole original span it replaced.
    """

    original: str
    text: str
    pieces: tuple[tuple[int, int, int, bool], ...]
    _norm_starts: tuple[int, ...]

    def _locate(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self._norm_starts, pos) - 1
        norm_start, orig_start, orig_end, verbatim = self.pieces[index]
        if verbatim:
            offset = orig_start + (pos - norm_start)
            return offset, offset + 1
        return orig_start, orig_end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span ``[start, end)`` of ``text`` to a span of ``original``."""
        return self._locate(start)[0], self._locate(end - 1)[1]


def _resolve_separators(run: str, left: str, right: str) -> str:
    """What a run of separators between ``left`` and ``right`` becomes."""
    is_range = "-" in run or "~" in run
    if _is_digitish(left) and _is_digitish(right):
        if is_range:
            return "-"  # 25~35, 25 - 35: one canonical range mark
        bare = run.strip(SEP)
        if left.isascii() and right.isascii():
            if bare in (".", ":"):
                return bare  # 1.65, 3.5, 9:00
            return SEP  # two numbers stay two numbers
        return ""  # 三 十 五 reads as 三十五
    if _is_ascii_alnum(left) and _is_ascii_alnum(right):
        return SEP  # "male-only", "under  35": English words stay apart
    if is_range and _is_digitish(right) and left in _NUMERAL_FOLLOWERS:
        return "-"  # 25岁-35岁, 160cm-175cm (but 双-一流 is a disguised word)
    return ""  # inside a Chinese word: 限 男, 限-男, 限*男 all read as 限男


def _next_mark(folded: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step`` that is not a separator."""
    while 0 <= index < len(folded) and folded[index] == SEP:
        index += step
    return folded[index] if 0 <= index < len(folded) else ""


def _numeral_context(folded: str, start: int, end: int) -> bool:
    """Whether the Chinese numeral at ``[start, end)`` is a quantity worth converting."""
    after = _next_mark(folded, end, 1)
    if after in _NUMERAL_FOLLOWERS:
        return True
    if after in _RANGE_MARKS:
        following = _next_mark(folded, folded.index(after, end) + 1, 1)
        if following and _is_digitish(following):
            return True
    before = _next_mark(folded, start - 1, -1)
    if before in _NUMERAL_PRECEDERS:
        return True
    if before in _RANGE_MARKS:
        preceding = _next_mark(folded, folded.rindex(before, 0, start) - 1, -1)
        return bool(preceding) and _is_digitish(preceding)
    return False


def normalise(text: str) -> Normalised:
    """Fold ``text`` for matching and remember where each folded character came from."""
    table = _fold_table()
    folded = text.translate(table)
    parts: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    norm_pos = 0
    cursor = 0

    def emit(replacement: str, orig_start: int, orig_end: int, verbatim: bool) -> None:
        nonlocal norm_pos
        parts.append(replacement)
        pieces.append((norm_pos, orig_start, orig_end, verbatim))
        norm_pos += len(replacement)

    for match in _PIECE_RE.finditer(folded):
        start, end = match.span()
        kind = match.lastgroup
        if kind == "sep":
            left = folded[start - 1] if start else ""
            right = folded[end] if end < len(folded) else ""
            replacement = _resolve_separators(match.group(), left, right)
        elif kind == "exp":
            replacement = table.expansions.get(text[start], SEP).strip(SEP)
        else:
            converted = (
                parse_chinese_number(match.group())
                if _numeral_context(folded, start, end)
                else None
            )
            replacement = converted if converted is not None else match.group()
        if replacement == match.group():
            continue  # nothing changes: stays inside the surrounding verbatim piece
        if start > cursor:
            emit(folded[cursor:start], cursor, start, verbatim=True)
        if replacement:
            emit(replacement, start, end, verbatim=False)
        cursor = end
    if cursor < len(folded) or not pieces:
        emit(folded[cursor:], cursor, len(folded), verbatim=True)
    return Normalised(
        original=text,
        text="".join(parts),
        pieces=tuple(pieces),
        _norm_starts=tuple(piece[0] for piece in pieces),
    )


def fold(text: str) -> str:
    """The folded form only: used to write lexicon entries in the form the text is matched in."""
    folded = text.translate(_fold_table())
    if EXPAND not in folded and not _PIECE_RE.search(folded):
        return folded  # one-to-one all the way: most lexicon entries take this path
    return normalise(text).text
