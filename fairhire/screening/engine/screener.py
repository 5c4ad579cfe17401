"""The screening pass: fold, match, weigh the context, report flags on the original text.

Order of work for one text:

1. fold it (:mod:`normalise`), keeping the map back to the original;
2. one Aho-Corasick pass finds every lexicon term and every lawful phrase at once;
3. the numeric patterns (ages, heights, weights, amounts) run where their pre-filter allows;
4. each candidate is dropped when a lawful phrase overlaps it, when a negation cue stands next
   to it in the same clause (户籍不限, 不收取任何押金), or when the payer named next to a fee is
   the employer (本公司已向平台缴纳保证金);
5. overlapping candidates of one category merge into one flag (the strictest severity wins);
6. spans are mapped back to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from fairhire.screening.engine.flags import SEVERITY_RANK, Flag, ScreenResult, Severity
from fairhire.screening.engine.normalise import normalise
from fairhire.screening.engine.ruleset import (
    CLAUSE_BREAK,
    Check,
    LawfulPhrase,
    Pattern,
    Ruleset,
    Term,
    default_ruleset,
)

_CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_BREAK) + "]")
# An amount written right next to a fee is part of the evidence: 培训费500元, 交200元押金.
_AMOUNT_AFTER = re.compile(
    r"(?:为|是|:|收取|需|须|共|约|每人|每月|每次)?(?:¥|rmb|人民币)?\d+(?:\.\d+)?(?:元|块|rmb|人民币)?"
)
_AMOUNT_BEFORE = re.compile(r"(?:¥|rmb|人民币)?\d+(?:\.\d+)?(?:元|块)(?:的)?$")
_AMOUNT_AND_BRACKET = re.compile(
    r"(?:为|是|:)?(?:¥|rmb|人民币)?(?:\d+(?:\.\d+)?(?:元|块)?)?(?:人|/人|/次|/月|每人|每次)?[(\[,]?"
)
_MULTIPLIERS = {"千": 1000, "k": 1000, "w": 10000, "万": 10000}
_KG_PER_UNIT = {"公斤": 1.0, "kg": 1.0, "千克": 1.0, "斤": 0.5}
# How far an unless-after cue may stand from the evidence; it may cross a comma
# (不交押金，不能上岗).
_UNLESS_WINDOW = 12
_EMPLOYER_WINDOW = 16


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    category: str
    severity: Severity
    rule: str
    term: str
    message: str | None
    message_en: str | None
    employer_paid: bool


class _Text:
    """The folded text plus lazily computed clause boundaries."""

    __slots__ = ("_breaks", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``: negation never reaches across a comma."""
        if self._breaks is None:
            self._breaks = [match.start() for match in _CLAUSE_RE.finditer(self.text)]
        breaks = self._breaks
        before = bisect_left(breaks, start) - 1
        clause_start = breaks[before] + 1 if before >= 0 else 0
        after = bisect_left(breaks, end)
        clause_end = breaks[after] if after < len(breaks) else len(self.text)
        return min(clause_start, start), max(clause_end, end)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _bounded(text: str, start: int, end: int) -> bool:
    """English words and numbers match whole: "male only" is not found inside "female only"."""
    first, last = text[start], text[end - 1]
    if start > 0 and _is_word_char(first):
        previous = text[start - 1]
        if _is_word_char(previous) and previous.isdigit() == first.isdigit():
            return False
    if end < len(text) and _is_word_char(last):
        following = text[end]
        if _is_word_char(following) and following.isdigit() == last.isdigit():
            return False
    return True


# --------------------------------------------------------------------------------------------
# Pattern checks (named by `kind` in data/ruleset.toml)
# --------------------------------------------------------------------------------------------


def _group(match: re.Match[str], spec: str | None) -> str | None:
    if not spec:
        return None
    for name in spec.split("|"):
        if name in match.re.groupindex and match.group(name) is not None:
            return match.group(name)
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _check_height(match: re.Match[str], params: Any) -> bool:
    value = _number(_group(match, params["group"]))
    if value is None:
        return False
    extra = _group(match, params.get("extra"))
    if value < 3:  # metres: 1.65, or 1米65 / 1米6 written with 米 in the middle
        centimetres = value * 100
        if extra:
            centimetres += int(extra) * (10 if len(extra) == 1 else 1)
    else:
        centimetres = value
    return 130 <= centimetres <= 215


def _check_weight(match: re.Match[str], params: Any) -> bool:
    if _group(match, params.get("bmi")) is not None:
        return 10 <= float(_group(match, params["bmi"]) or 0) <= 40
    value = _number(_group(match, params["group"]))
    if value is None:
        return False
    unit = _group(match, params.get("unit"))
    if unit == "斤":
        return 60 <= value <= 300
    if unit:
        return 30 <= value <= 150
    return 30 <= value <= 300  # no unit: kilograms or jin, both plausible body weights


def _check_pay(match: re.Match[str], params: Any, text: _Text) -> bool:
    value = _number(_group(match, params.get("upper"))) or _number(_group(match, params["group"]))
    if value is None:
        return False
    value *= _MULTIPLIERS.get(_group(match, params.get("mult")) or "", 1)
    if value >= params["always"]:
        return True
    return value >= params["with_cue"] and any(cue in text.text for cue in params["cues"])


def _passes(check: Check, match: re.Match[str], text: _Text) -> bool:
    params = check.params
    kind = check.kind
    if kind == "range":
        value = _number(_group(match, params["group"]))
        return value is not None and params["min"] <= value <= params["max"]
    if kind == "band":
        low = _number(_group(match, params["lo"]))
        high = _number(_group(match, params["hi"]))
        return (
            low is not None and high is not None and params["min"] <= low < high <= params["max"]
        )
    if kind == "any_in_match":
        return any(cue in match.group() for cue in params["cues"])
    if kind == "height":
        return _check_height(match, params)
    if kind == "weight":
        return _check_weight(match, params)
    if kind == "pay":
        return _check_pay(match, params, text)
    if kind == "generation":
        years = re.findall(r"\d{2}", _group(match, params["group"]) or "")
        return bool(years) and all(int(year) % 5 == 0 for year in years)
    if kind == "stop_suffix":
        word = _group(match, params["group"]) or ""
        return not any(word.endswith(stop) for stop in params["stop"])
    start, end = match.span()
    clause_start, clause_end = text.clause(start, end)
    if kind == "not_in_clause":
        clause = text.text[clause_start:clause_end]
        return not any(cue in clause for cue in params["cues"])
    if kind == "near":
        window = int(params["window"])
        around = (
            text.text[max(clause_start, start - window):start]
            + " "
            + text.text[end:min(clause_end, end + window)]
        )
        return any(cue in around for cue in params["cues"])
    if kind == "not_after":
        return not text.text.startswith(tuple(params["cues"]), end)
    raise ValueError(f"unknown pattern check {kind!r}")


# --------------------------------------------------------------------------------------------
# Context: lawful phrases, negation, employer-paid
# --------------------------------------------------------------------------------------------


def _cleared_by_lawful(candidate: _Candidate, lawful: list[tuple[int, int, LawfulPhrase]]) -> bool:
    """A lawful phrase overlapping the evidence clears it (招男女, 女装店).

    Unless the evidence is longer and contains the phrase: 不欢迎残疾人 is an exclusion although
    欢迎残疾人 is lawful.
    """
    for start, end, phrase in lawful:
        if start >= candidate.end or candidate.start >= end:
            continue
        if phrase.categories is not None and candidate.category not in phrase.categories:
            continue
        inside = candidate.start <= start and end <= candidate.end
        if inside and end - start < candidate.end - candidate.start:
            continue
        return True
    return False


def _negated(candidate: _Candidate, text: _Text, ruleset: Ruleset) -> bool:
    negation = ruleset.negation[candidate.category]
    clause_start, clause_end = text.clause(candidate.start, candidate.end)
    folded = text.text
    before = folded[max(clause_start, candidate.start - ruleset.window_before):candidate.start]
    after = folded[candidate.end:min(clause_end, candidate.end + ruleset.window_after)]
    negated = bool(
        (negation.before and negation.before.search(before))
        or (negation.after and negation.after.match(after))
    )
    if negated and negation.unless_after:
        following = folded[candidate.end:candidate.end + _UNLESS_WINDOW]
        if negation.unless_after.match(following):
            return False  # 不交押金不能上岗, 无本地户口勿扰: still a demand or an exclusion
    return negated


def _paid_by_employer(candidate: _Candidate, text: _Text, ruleset: Ruleset) -> bool:
    clause_start, _clause_end = text.clause(candidate.start, candidate.end)
    folded = text.text
    before = folded[max(clause_start, candidate.start - _EMPLOYER_WINDOW):candidate.start]
    if ruleset.employer_before.search(before):
        return True
    # The payer may follow an amount and a bracket: 服务费300元/人（由用人单位支付）.
    after = folded[candidate.end:candidate.end + _EMPLOYER_WINDOW * 2]
    skipped = _AMOUNT_AND_BRACKET.match(after)
    after = after[skipped.end():] if skipped else after
    return bool(ruleset.employer_after.match(after))


def _with_amount(candidate: _Candidate, text: _Text) -> None:
    """Stretch a fee's evidence over the amount written next to it (培训费500元)."""
    clause_start, clause_end = text.clause(candidate.start, candidate.end)
    after = _AMOUNT_AFTER.match(text.text, candidate.end, clause_end)
    if after and any(ch.isdigit() for ch in after.group()):
        candidate.end = after.end()
    before = _AMOUNT_BEFORE.search(text.text[clause_start:candidate.start])
    if before:
        candidate.start = clause_start + before.start()


# --------------------------------------------------------------------------------------------
# The pass
# --------------------------------------------------------------------------------------------


def _find(
    text: _Text, ruleset: Ruleset
) -> tuple[list[_Candidate], list[tuple[int, int, LawfulPhrase]]]:
    folded = text.text
    candidates: list[_Candidate] = []
    lawful: list[tuple[int, int, LawfulPhrase]] = []
    cues: set[str] = set()
    if len(ruleset.automaton):
        for last, (key, items, cue) in ruleset.automaton.iter(folded):
            if cue is not None:
                cues.add(cue)
            if not items:
                continue
            start, end = last - len(key) + 1, last + 1
            if not _bounded(folded, start, end):
                continue
            for item in items:
                if isinstance(item, Term):
                    candidates.append(
                        _Candidate(start, end, item.category, item.severity, item.rule,
                                   item.key, item.message, item.message_en, item.employer_paid)
                    )
                else:
                    lawful.append((start, end, item))
    for pattern in ruleset.patterns:
        if pattern.requires and cues.isdisjoint(pattern.requires):
            continue
        if pattern.requires_also and cues.isdisjoint(pattern.requires_also):
            continue
        for match in pattern.regex.finditer(folded):
            if match.end() > match.start() and all(
                _passes(check, match, text) for check in pattern.checks
            ):
                candidates.append(_pattern_candidate(pattern, match))
    return candidates, lawful


def _pattern_candidate(pattern: Pattern, match: re.Match[str]) -> _Candidate:
    return _Candidate(
        match.start(), match.end(), pattern.category, pattern.severity, pattern.id,
        match.group(), pattern.message, pattern.message_en, pattern.employer_paid,
    )


def _merge(candidates: list[_Candidate]) -> list[tuple[int, int, _Candidate]]:
    """One flag per overlapping group of one category; the strictest, longest one speaks."""
    merged: list[tuple[int, int, _Candidate]] = []
    by_category: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        by_category.setdefault(candidate.category, []).append(candidate)
    for group in by_category.values():
        group.sort(key=lambda c: (c.start, -c.end))
        run = [group[0]]
        run_end = group[0].end
        for candidate in group[1:]:
            if candidate.start <= run_end:  # touching evidence reads as one: 乙肝两对半
                run.append(candidate)
                run_end = max(run_end, candidate.end)
                continue
            merged.append(_representative(run))
            run, run_end = [candidate], candidate.end
        merged.append(_representative(run))
    return merged


def _representative(run: list[_Candidate]) -> tuple[int, int, _Candidate]:
    best = max(run, key=lambda c: (SEVERITY_RANK[c.severity], c.end - c.start, -c.start))
    return min(c.start for c in run), max(c.end for c in run), best


def _note_applies(ruleset: Ruleset, text: _Text, category: str) -> list[tuple[str, str]]:
    notes = []
    for note in ruleset.notes:
        if note.category != category:
            continue
        applies = any(cue in text.text for cue in note.cues)
        if not applies and note.regex is not None:
            for match in note.regex.finditer(text.text):
                weight = _number(match.group("a")) or 0.0
                if weight * _KG_PER_UNIT.get(match.group("unit"), 1.0) > note.over_kg:
                    applies = True
                    break
        if applies:
            notes.append((note.message, note.message_en))
    return notes


def screen(text: str, *, ruleset: Ruleset | None = None) -> list[Flag]:
    """Flags for ``text`` under ``ruleset`` (the shipped one by default), in text order.

    Every flag carries ``ruleset_version``; use :func:`check` when the version must be recorded
    for a text that has no flags.
    """
    if not isinstance(text, str):
        raise TypeError(f"screen() needs a str, not {type(text).__name__}")
    ruleset = ruleset or default_ruleset()
    if not text:
        return []
    normalised = normalise(text)
    folded = _Text(normalised.text)
    candidates, lawful = _find(folded, ruleset)
    kept = []
    for candidate in candidates:
        if _cleared_by_lawful(candidate, lawful) or _negated(candidate, folded, ruleset):
            continue
        if candidate.employer_paid and _paid_by_employer(candidate, folded, ruleset):
            continue
        if candidate.category == "deposit_fee":
            _with_amount(candidate, folded)
        kept.append(candidate)
    if not kept:
        return []

    flags = []
    note_cache: dict[str, list[tuple[str, str]]] = {}
    for start, end, best in _merge(kept):
        category = ruleset.category(best.category)
        message = best.message or category.message
        message_en = best.message_en or category.message_en
        if best.category not in note_cache:
            note_cache[best.category] = _note_applies(ruleset, folded, best.category)
        for note, note_en in note_cache[best.category]:
            message, message_en = f"{message}{note}", f"{message_en} {note_en}"
        orig_start, orig_end = normalised.span(start, end)
        flags.append(
            Flag(
                category=best.category,
                severity=best.severity,
                start=orig_start,
                end=orig_end,
                excerpt=text[orig_start:orig_end],
                basis=category.basis,
                message=message,
                message_en=message_en,
                rule=best.rule,
                term=best.term,
                ruleset_version=ruleset.version,
            )
        )
    flags.sort(key=lambda flag: (flag.start, flag.end, flag.category))
    return flags


def check(text: str, *, ruleset: Ruleset | None = None) -> ScreenResult:
    """Like :func:`screen`, but records the ruleset version even when nothing is flagged."""
    ruleset = ruleset or default_ruleset()
    return ScreenResult(flags=tuple(screen(text, ruleset=ruleset)), ruleset_version=ruleset.version)

