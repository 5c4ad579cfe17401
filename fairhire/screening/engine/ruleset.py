"""Rulesets: the shipped data files plus a deployment's operator overrides, compiled for matching.

The shipped rules live in ``data/ruleset.toml`` (lexicon, lawful phrases, negation cues, numeric
patterns, categories with their severity, basis and messages). Operators tune them for their
deployment with plain data (:class:`Overrides`): terms they add, terms they disable, lawful phrases
they add. :func:`build_ruleset` folds both into one immutable :class:`Ruleset` whose ``version``
names the shipped version and, when overrides are present, the operator revision
(``2025.11.1+ops.17``, or a digest of the overrides when no label is given). The shipped data is
parsed once per process; building a ruleset on top of it takes well under a second (it compiles
one Aho-Corasick automaton), so the Django side can rebuild it whenever an operator saves a
change, cache it by version, and swap it in without a restart.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import product
from typing import Any

import ahocorasick

from fairhire.screening.engine.flags import CATEGORIES, SEVERITY_RANK, Severity
from fairhire.screening.engine.normalise import fold

# An operator term must say something specific: one character (男, 押) would flag half the site.
MIN_TERM_LENGTH = 2
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
CLAUSE_BREAK = ",;!?。\n()[]{}【】《》「」『』〔〕"
_NOT_CLAUSE = "[^" + re.escape(CLAUSE_BREAK) + "]"


class RulesetError(ValueError):
    """The ruleset data or an operator override is invalid (message says which entry)."""


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    severity: Severity
    basis: str
    message: str
    message_en: str


@dataclass(frozen=True, slots=True)
class Term:
    """A lexicon entry in folded form; ``rule`` names the group it came from."""

    key: str
    category: str
    severity: Severity
    rule: str
    message: str | None = None
    message_en: str | None = None
    employer_paid: bool = False
    source: str = "shipped"


@dataclass(frozen=True, slots=True)
class LawfulPhrase:
    """Text that clears overlapping flags of ``categories`` (``None``: every category)."""

    key: str
    categories: frozenset[str] | None
    rule: str
    source: str = "shipped"


@dataclass(frozen=True, slots=True)
class Check:
    kind: str
    params: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A regular expression over folded text plus the checks its match must pass."""

    id: str
    category: str
    severity: Severity
    regex: re.Pattern[str]
    requires: frozenset[str]
    requires_also: frozenset[str]
    checks: tuple[Check, ...]
    message: str | None = None
    message_en: str | None = None
    employer_paid: bool = False


@dataclass(frozen=True, slots=True)
class Negation:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    category: str
    cues: tuple[str, ...]
    regex: re.Pattern[str] | None
    over_kg: float
    message: str
    message_en: str


# --------------------------------------------------------------------------------------------
# Operator overrides (plain data, validated here so the tuning page can show the error)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddedTerm:
    term: str
    category: str
    severity: Severity | None = None  # None: the category's severity


@dataclass(frozen=True, slots=True)
class AddedLawfulPhrase:
    phrase: str
    categories: tuple[str, ...] = ()  # empty: clears flags of every category


@dataclass(frozen=True, slots=True)
class Overrides:
    """A deployment's changes on top of the shipped ruleset.

    ``disabled_terms`` switch off lexicon terms (compared in folded form, so 保證金 disables
    保证金); ``disabled_rules`` switch off a whole lexicon group or pattern by id (``age.band``).
    ``label`` is the operator revision recorded in the ruleset version.
    """

    added_terms: tuple[AddedTerm, ...] = ()
    disabled_terms: tuple[str, ...] = ()
    lawful_phrases: tuple[AddedLawfulPhrase, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    label: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Overrides:
        """Build from JSON-like data, e.g. what the Django side stores for the tuning page::

            {"added_terms": [{"term": "限本村人", "category": "hukou_region"}],
             "disabled_terms": ["服务费"],
             "lawful_phrases": ["押题老师", {"phrase": "女子监狱", "categories": ["gender"]}],
             "disabled_rules": ["age.approximate"],
             "label": "17"}
        """
        unknown = set(data) - {
            "added_terms", "disabled_terms", "lawful_phrases", "disabled_rules", "label",
        }
        if unknown:
            raise RulesetError(f"unknown override keys: {sorted(unknown)}")
        added = []
        for item in data.get("added_terms", ()):
            if not isinstance(item, Mapping) or "term" not in item or "category" not in item:
                raise RulesetError(f"an added term needs a term and a category: {item!r}")
            added.append(AddedTerm(str(item["term"]), str(item["category"]), item.get("severity")))
        lawful = []
        for item in data.get("lawful_phrases", ()):
            if isinstance(item, str):
                lawful.append(AddedLawfulPhrase(item))
            elif isinstance(item, Mapping) and "phrase" in item:
                lawful.append(
                    AddedLawfulPhrase(str(item["phrase"]), tuple(item.get("categories", ())))
                )
            else:
                raise RulesetError(f"a lawful phrase is a string or has a phrase: {item!r}")
        return cls(
            added_terms=tuple(added),
            disabled_terms=tuple(str(term) for term in data.get("disabled_terms", ())),
            lawful_phrases=tuple(lawful),
            disabled_rules=tuple(str(rule) for rule in data.get("disabled_rules", ())),
            label=str(data.get("label", "")),
        )

    def is_empty(self) -> bool:
        return not (
            self.added_terms or self.disabled_terms or self.lawful_phrases or self.disabled_rules
        )

    def digest(self) -> str:
        """A short stable digest of the content (the version suffix when there is no label)."""
        content = {
            "added_terms": sorted(
                [term.term, term.category, term.severity or ""] for term in self.added_terms
            ),
            "disabled_terms": sorted(self.disabled_terms),
            "lawful_phrases": sorted(
                [phrase.phrase, sorted(phrase.categories)] for phrase in self.lawful_phrases
            ),
            "disabled_rules": sorted(self.disabled_rules),
        }
        encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()[:10]


# --------------------------------------------------------------------------------------------
# The compiled ruleset
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Ruleset:
    """Everything :func:`fairhire.screening.engine.screen` needs, compiled and immutable."""

    version: str
    categories: Mapping[str, Category]
    terms: tuple[Term, ...]
    lawful: tuple[LawfulPhrase, ...]
    patterns: tuple[Pattern, ...]
    negation: Mapping[str, Negation]
    employer_before: re.Pattern[str]
    employer_after: re.Pattern[str]
    notes: tuple[Note, ...]
    window_before: int
    window_after: int
    automaton: Any = field(repr=False)

    def category(self, name: str) -> Category:
        return self.categories[name]


@dataclass(frozen=True, slots=True)
class RulesetData:
    """The parsed data file, folded once per process and shared by every built ruleset."""

    version: str
    categories: Mapping[str, Category]
    terms: tuple[Term, ...]
    lawful: tuple[LawfulPhrase, ...]
    patterns: tuple[Pattern, ...]
    negation: Mapping[str, Negation]
    employer_before: re.Pattern[str]
    employer_after: re.Pattern[str]
    notes: tuple[Note, ...]
    window_before: int
    window_after: int


def _alternation(words: Iterable[str]) -> str:
    # Longest first so that 不收取 is tried before 不收.
    folded = {fold(word) for word in words if fold(word)}
    return "|".join(re.escape(word) for word in sorted(folded, key=lambda w: (-len(w), w)))


def _expand(template: str, words: Mapping[str, Sequence[str]], where: str) -> Iterator[str]:
    names = _PLACEHOLDER.findall(template)
    for name in names:
        if name not in words:
            raise RulesetError(f"{where}: template {template!r} names unknown list {name!r}")
    literals = _PLACEHOLDER.split(template)[::2]
    for combo in product(*(words[name] for name in names)):
        yield literals[0] + "".join(word + literals[i + 1] for i, word in enumerate(combo))


def _severity(value: Any, where: str) -> Severity:
    if value not in SEVERITY_RANK:
        raise RulesetError(f"{where}: severity must be block, review or info, not {value!r}")
    return value


def _category_name(value: Any, where: str) -> str:
    if value not in CATEGORIES:
        raise RulesetError(f"{where}: unknown category {value!r}")
    return value


def _parse_categories(raw: Mapping[str, Any]) -> dict[str, Category]:
    categories = {}
    for name in CATEGORIES:
        if name not in raw:
            raise RulesetError(f"category {name!r} is missing from the ruleset")
        entry = raw[name]
        categories[name] = Category(
            name=name,
            severity=_severity(entry["severity"], f"category {name}"),
            basis=entry["basis"],
            message=entry["message"],
            message_en=entry["message_en"],
        )
    return categories


def _parse_terms(
    groups: Sequence[Mapping[str, Any]],
    words: Mapping[str, Sequence[str]],
    categories: Mapping[str, Category],
) -> tuple[Term, ...]:
    terms: dict[tuple[str, str], Term] = {}
    for group in groups:
        rule = group["id"]
        category = _category_name(group["category"], f"lexicon {rule}")
        severity = _severity(group.get("severity", categories[category].severity), rule)
        texts = list(group.get("phrases", ()))
        for template in group.get("templates", ()):
            texts.extend(_expand(template, words, f"lexicon {rule}"))
        for text in texts:
            key = fold(text)
            if len(key) < MIN_TERM_LENGTH or (key, category) in terms:
                continue
            terms[(key, category)] = Term(
                key=key,
                category=category,
                severity=severity,
                rule=rule,
                message=group.get("message"),
                message_en=group.get("message_en"),
                employer_paid=bool(group.get("employer_paid", False)),
            )
    return tuple(terms.values())


def _parse_lawful(groups: Sequence[Mapping[str, Any]]) -> tuple[LawfulPhrase, ...]:
    phrases: dict[tuple[str, frozenset[str] | None], LawfulPhrase] = {}
    for group in groups:
        rule = group["id"]
        scope = group.get("categories")
        categories = (
            frozenset(_category_name(name, f"lawful {rule}") for name in scope) if scope else None
        )
        for text in group.get("phrases", ()):
            key = fold(text)
            if key:
                phrases.setdefault((key, categories), LawfulPhrase(key, categories, rule))
    return tuple(phrases.values())


def _parse_negation(raw: Mapping[str, Any]) -> dict[str, Negation]:
    fillers = _alternation(raw.get("fillers", ()))
    shared_unless = list(raw.get("unless_after", ()))
    filler_run = f"(?:{fillers})*" if fillers else ""
    negation = {}
    for name in CATEGORIES:
        cues = raw.get(name, {})
        before = _alternation(cues.get("before", ()))
        after = _alternation(cues.get("after", ()))
        # A category with its own unless-after list (fees: 不交押金不能上岗) does not take the
        # shared exclusion words: 押金不收 is a refusal to charge, not an exclusion.
        unless = _alternation(cues.get("unless_after", shared_unless))
        negation[name] = Negation(
            before=re.compile(f"(?:{before}){filler_run}$") if before else None,
            after=re.compile(f"^{filler_run}(?:{after})") if after else None,
            unless_after=re.compile(f"^[,;: ]*{filler_run}(?:{unless})") if unless else None,
        )
    return negation


def _parse_employer(raw: Mapping[str, Any], fillers: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    subjects = _alternation(raw["subjects"])
    verbs = _alternation(raw["verbs"])
    # What may stand between the employer's payment and the money named: 缴纳(服务/履约)保证金.
    trailing = _alternation([*fillers, "向平台", "给平台", "平台", "全部", "所有", "全额",
                             "服务", "履约", "合作", "招聘服务"])
    # The employer pays (本公司已向平台缴纳保证金) or is the one charged (平台向商家收取保证金);
    # not when the worker pays the employer (向公司缴纳押金).
    before = re.compile(
        f"(?:(?<![向给交])(?:{subjects}){_NOT_CLAUSE}{{0,6}}?(?:{verbs})"
        f"|向(?:{subjects})(?:收取|收))(?:{trailing})*$"
    )
    after = re.compile(
        f"^(?:费用|用)?(?:均|全部|全额|统一)?(?:由)?(?:{subjects})(?:统一|全额|全部|负责)?(?:{verbs})"
    )
    return before, after


def _fold_cue(cue: str) -> str:
    # A lone "-" folds away (it is a separator inside words) but is a fine range cue.
    return fold(cue) or cue


def _parse_check(raw: Mapping[str, Any]) -> Check:
    params = dict(raw)
    for key in ("cues", "stop"):
        if key in params:  # compared with folded text, so folded here once
            params[key] = tuple(_fold_cue(cue) for cue in params[key])
    return Check(kind=params["kind"], params=params)


def _parse_patterns(
    raw: Sequence[Mapping[str, Any]], categories: Mapping[str, Category]
) -> tuple[Pattern, ...]:
    patterns = []
    for entry in raw:
        pattern_id = entry["id"]
        category = _category_name(entry["category"], f"pattern {pattern_id}")
        try:
            regex = re.compile(entry["regex"])
        except re.error as error:
            raise RulesetError(f"pattern {pattern_id}: bad regular expression: {error}") from error
        patterns.append(
            Pattern(
                id=pattern_id,
                category=category,
                severity=_severity(
                    entry.get("severity", categories[category].severity), pattern_id
                ),
                regex=regex,
                requires=frozenset(_fold_cue(cue) for cue in entry.get("requires", ())),
                requires_also=frozenset(
                    _fold_cue(cue) for cue in entry.get("requires_also", ())
                ),
                checks=tuple(_parse_check(check) for check in entry.get("checks", ())),
                message=entry.get("message"),
                message_en=entry.get("message_en"),
                employer_paid=bool(entry.get("employer_paid", False)),
            )
        )
    return tuple(patterns)


def _parse_notes(raw: Sequence[Mapping[str, Any]]) -> tuple[Note, ...]:
    return tuple(
        Note(
            id=entry["id"],
            category=_category_name(entry["category"], f"note {entry['id']}"),
            cues=tuple(fold(cue) for cue in entry.get("cues", ())),
            regex=re.compile(entry["regex"]) if entry.get("regex") else None,
            over_kg=float(entry.get("over_kg", 0)),
            message=entry["message"],
            message_en=entry["message_en"],
        )
        for entry in raw
    )


def parse_ruleset_data(data: Mapping[str, Any]) -> RulesetData:
    """Validate and compile the content of a ruleset data file."""
    if not isinstance(data.get("version"), str) or not data["version"]:
        raise RulesetError("the ruleset needs a version string")
    categories = _parse_categories(data.get("categories", {}))
    negation_raw = data.get("negation", {})
    employer_before, employer_after = _parse_employer(
        data["employer_paid"], negation_raw.get("fillers", ())
    )
    return RulesetData(
        version=data["version"],
        categories=categories,
        terms=_parse_terms(data.get("lexicon", ()), data.get("words", {}), categories),
        lawful=_parse_lawful(data.get("lawful", ())),
        patterns=_parse_patterns(data.get("patterns", ()), categories),
        negation=_parse_negation(negation_raw),
        employer_before=employer_before,
        employer_after=employer_after,
        notes=_parse_notes(data.get("notes", ())),
        window_before=int(negation_raw.get("window_before", 12)),
        window_after=int(negation_raw.get("window_after", 8)),
    )


@cache
def shipped_ruleset_data() -> RulesetData:
    """The shipped ``data/ruleset.toml``, parsed once per process."""
    text = resources.files(__package__).joinpath("data", "ruleset.toml").read_text("utf-8")
    return parse_ruleset_data(tomllib.loads(text))


def _operator_terms(overrides: Overrides, categories: Mapping[str, Category]) -> list[Term]:
    terms = []
    for added in overrides.added_terms:
        where = f"added term {added.term!r}"
        category = _category_name(added.category, where)
        severity = _severity(added.severity or categories[category].severity, where)
        key = fold(added.term)
        if len(key) < MIN_TERM_LENGTH:
            raise RulesetError(f"{where}: a term needs at least {MIN_TERM_LENGTH} characters")
        terms.append(Term(key, category, severity, rule="operator", source="operator"))
    return terms


def _operator_lawful(overrides: Overrides) -> list[LawfulPhrase]:
    phrases = []
    for added in overrides.lawful_phrases:
        where = f"lawful phrase {added.phrase!r}"
        key = fold(added.phrase)
        if len(key) < MIN_TERM_LENGTH:
            raise RulesetError(f"{where}: a phrase needs at least {MIN_TERM_LENGTH} characters")
        categories = (
            frozenset(_category_name(name, where) for name in added.categories)
            if added.categories
            else None
        )
        phrases.append(LawfulPhrase(key, categories, rule="operator", source="operator"))
    return phrases


def _build_automaton(
    terms: Sequence[Term], lawful: Sequence[LawfulPhrase], patterns: Sequence[Pattern]
) -> Any:
    """One automaton for everything, so a text is traversed once.

    A value is ``(key, items, cue)``: the lexicon terms and lawful phrases spelled ``key``, and
    ``key`` again when it is a pattern pre-filter cue (``None`` otherwise). Collecting the cues
    during the same traversal is what lets most patterns be skipped without scanning the text
    once per cue.
    """
    entries: dict[str, list[Term | LawfulPhrase]] = {}
    for item in (*terms, *lawful):
        entries.setdefault(item.key, []).append(item)
    cues = {cue for pattern in patterns for cue in (*pattern.requires, *pattern.requires_also)}
    automaton = ahocorasick.Automaton()
    for key in entries.keys() | cues:
        automaton.add_word(key, (key, tuple(entries.get(key, ())), key if key in cues else None))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def build_ruleset(
    overrides: Overrides | Mapping[str, Any] | None = None,
    *,
    shipped: RulesetData | None = None,
) -> Ruleset:
    """Compile the shipped rules plus ``overrides`` (an :class:`Overrides` or its dict form).

    Raises :class:`RulesetError` for an unknown category or severity, or a term too short to mean
    anything, so the tuning page can refuse the change with a message.
    """
    base = shipped or shipped_ruleset_data()
    if overrides is None:
        overrides = Overrides()
    elif not isinstance(overrides, Overrides):
        overrides = Overrides.from_dict(overrides)

    disabled_keys = {fold(term) for term in overrides.disabled_terms}
    disabled_rules = set(overrides.disabled_rules)
    terms = [
        term
        for term in base.terms
        if term.key not in disabled_keys and term.rule not in disabled_rules
    ]
    terms.extend(
        term for term in _operator_terms(overrides, base.categories)
        if term.key not in disabled_keys
    )
    lawful = [*base.lawful, *_operator_lawful(overrides)]
    patterns = tuple(pattern for pattern in base.patterns if pattern.id not in disabled_rules)

    version = base.version
    if not overrides.is_empty():
        version = f"{base.version}+ops.{overrides.label or overrides.digest()}"
    return Ruleset(
        version=version,
        categories=base.categories,
        terms=tuple(terms),
        lawful=tuple(lawful),
        patterns=patterns,
        negation=base.negation,
        employer_before=base.employer_before,
        employer_after=base.employer_after,
        notes=base.notes,
        window_before=base.window_before,
        window_after=base.window_after,
        automaton=_build_automaton(terms, lawful, patterns),
    )


@cache
def default_ruleset() -> Ruleset:
    """The shipped ruleset without overrides, built once per process."""
    return build_ruleset()
