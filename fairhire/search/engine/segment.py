"""Chinese (and mixed Chinese/English) segmentation with rjieba, normalised for the index.

Documents are cut in search mode (every dictionary word inside a longer word too: 上海市浦东新区
also yields 上海, 浦东, 新区), queries in precise mode; both are lower-cased and stripped of
punctuation, emoji and anything else that is not a letter or a digit, so whatever a person
types becomes a list of plain terms and never reaches a query parser.
"""

from __future__ import annotations

import re

import rjieba

# Letters and digits of any script; "_" and everything else separate terms.
_WORD = re.compile(r"[^\W_]+")
MAX_TERM_BYTES = 40  # longer terms are not words (a pasted hash, a run of one character)
MAX_QUERY_TERMS = 24  # a 10,000-character query is cut to its first words, not refused
MAX_QUERY_CHARS = 200


def _normal(pieces: list[str]) -> list[str]:
    terms: list[str] = []
    for piece in pieces:
        for word in _WORD.findall(piece.lower()):
            if len(word.encode()) <= MAX_TERM_BYTES:
                terms.append(word)
    return terms


def document_terms(text: str) -> list[str]:
    """Every term of ``text`` for the index (search mode)."""
    if not text:
        return []
    return _normal(rjieba.cut_for_search(text))


def document_field(text: str) -> str:
    """``text`` as the whitespace-separated terms the index's ``seg`` analyzer expects."""
    return " ".join(document_terms(text))


def query_terms(text: str) -> list[str]:
    """The distinct terms of a query (precise mode), in order, at most ``MAX_QUERY_TERMS``."""
    if not text:
        return []
    seen: dict[str, None] = {}
    for term in _normal(rjieba.cut(text[:MAX_QUERY_CHARS])):
        seen.setdefault(term, None)
        if len(seen) >= MAX_QUERY_TERMS:
            break
    return list(seen)
