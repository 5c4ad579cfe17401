"""Screening as the rest of the platform calls it: the shipped ruleset plus this deployment's
operator overrides (issue 5). Other apps call ``screen_text`` and never build rulesets.

The operators' writes live here too: each change to the overrides is one new version row in the
append-only history, validated by compiling the ruleset it would produce, and audited.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, PermissionDenied, RateLimited, RuleViolation
from fairhire.ledger.services import ledger_append
from fairhire.screening.engine import (
    CATEGORIES,
    RulesetError,
    ScreenResult,
    build_ruleset,
    check,
    fold,
)
from fairhire.screening.engine.ruleset import MIN_TERM_LENGTH
from fairhire.screening.in_force import (
    OverrideStamp,
    overrides_from_entries,
    overrides_in_force_entries,
    remember,
    ruleset_in_force,
)
from fairhire.screening.models import RulesetChange
from fairhire.screening.policies import can_check_text, can_tune_screening

Kind = RulesetChange.Kind
TEXT_MAX = RulesetChange._meta.get_field("text").max_length
CHECK_TEXT_MAX = 20_000


def screen_text(text: str) -> ScreenResult:
    """Screen ``text`` with the ruleset in force; the result records its version
    (``<shipped>+ops.<override version>`` once operators have changed anything)."""
    return check(text, ruleset=ruleset_in_force())


def text_check(*, actor: User, text: str, now: datetime | None = None) -> ScreenResult:
    """Check a draft for anyone signed in (an employer before submitting; issue 5 part 4).

    Rate-limited per account, ``SCREENING_CHECK_PER_MINUTE`` (default 60): the screener is
    cheap, but it must not become a free oracle for probing the lexicon at volume.
    """
    if not can_check_text(actor=actor):
        raise PermissionDenied(_("请先登录。"), code="screening.sign_in_required")
    if len(text) > CHECK_TEXT_MAX:
        raise InvalidInput(_("文本过长，最多 %(n)d 个字符。") % {"n": CHECK_TEXT_MAX},
                           code="screening.text_too_long", field="text")
    now = now or timezone.now()
    limit = getattr(settings, "SCREENING_CHECK_PER_MINUTE", 60)
    window = int(now.timestamp()) // 60
    key = f"screening:check:{actor.pk}:{window}"
    cache.add(key, 0, timeout=120)
    if cache.incr(key) > limit:
        until = datetime.fromtimestamp((window + 1) * 60, tz=now.tzinfo)
        raise RateLimited(_("检查过于频繁，请稍后再试。"), until=until,
                          code="screening.check_rate_limited")
    return screen_text(text)


# --------------------------------------------------------------------------------------------
# Operators' overrides
# --------------------------------------------------------------------------------------------


def _require_operator(actor: User) -> None:
    if not can_tune_screening(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以调整筛查规则。"),
                               code="screening.not_operator")


def _clean_text(value: str, *, field: str) -> tuple[str, str]:
    text = (value or "").strip()
    if len(text) > TEXT_MAX:
        raise InvalidInput(_("最多 %(n)d 个字符。") % {"n": TEXT_MAX},
                           code="screening.too_long", field=field)
    key = fold(text) if text else ""
    if len(key) < MIN_TERM_LENGTH:
        # One character (男, 押) would flag half the site.
        raise InvalidInput(_("至少需要 %(n)d 个字符，单个字会误伤大量正常文本。")
                           % {"n": MIN_TERM_LENGTH}, code="screening.too_short", field=field)
    return text, key


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("请写明变更理由，它会记入历史。"), code="screening.reason_required",
                           field="reason")
    return reason


def _clean_category(category: str, *, required: bool) -> str:
    category = (category or "").strip()
    if not category and not required:
        return ""
    if category not in CATEGORIES:
        raise InvalidInput(_("请选择规定的类别之一（如 gender、deposit_fee）。"),
                           code="screening.bad_category", field="category")
    return category


def _clean_severity(severity: str) -> str:
    severity = (severity or "").strip()
    if severity and severity not in RulesetChange.Severity.values:
        raise InvalidInput(_("严重程度只能是 block、review 或 info。"),
                           code="screening.bad_severity", field="severity")
    return severity


def _record(*, actor: User, change: RulesetChange, entries: dict, stamp: OverrideStamp,
            field: str, action: AuditAction, now: datetime) -> RulesetChange:
    """Compile the ruleset the change would produce, then write its version row and audit it.

    Compiling first means an entry the engine would refuse never reaches the history.
    """
    version = stamp.version + 1
    candidate = dict(entries)
    slot = (change.kind, change.key)
    candidate.pop(slot, None)
    if change.op == RulesetChange.Op.ADD:
        candidate[slot] = change
    try:
        ruleset = build_ruleset(overrides_from_entries(candidate, version=version))
    except RulesetError as error:
        raise InvalidInput(_("规则库拒绝了该条目：%(error)s") % {"error": error},
                           code="screening.ruleset_error", field=field) from error
    change.version = version
    change.actor = actor
    change.created_at = now
    try:
        with transaction.atomic():
            change.save()
    except IntegrityError as error:
        # Another operator saved version ``version`` in the meantime.
        raise RuleViolation(_("规则刚被其他运营人员修改，请刷新后重试。"),
                            code="screening.concurrent_change") from error
    record = {
        "version": version, "kind": change.kind, "op": change.op, "text": change.text,
        "category": change.category, "severity": change.severity, "reason": change.reason,
        "ruleset": ruleset.version,
    }
    audit_record(actor=actor, action=action, target=change, now=now, details=record)
    # What the screener lets through is evidence too (Regulation Art. 26): every override is
    # sealed in the ledger with who made it.
    ledger_append(kind="screening.ruleset_changed", obj=change, now=now,
                  payload={**record, "actor": actor.pk, "at": now.isoformat()})
    transaction.on_commit(lambda: remember(OverrideStamp(version, now), ruleset))
    return change


def _state(actor: User) -> tuple[OverrideStamp, dict]:
    _require_operator(actor)
    return overrides_in_force_entries()


@transaction.atomic
def ruleset_term_add(*, actor: User, term: str, category: str, severity: str = "",
                     reason: str, now: datetime | None = None) -> RulesetChange:
    """Add a term to the lexicon of ``category`` for this deployment (Regulation Art. 15;
    就业促进法 Art. 26-31): texts containing it are flagged from the next screening on.

    ``severity`` empty takes the category's own (SCREENING.md). A term currently disabled must
    have its disabling withdrawn first, or the addition would silently do nothing.
    """
    stamp, entries = _state(actor)
    term, key = _clean_text(term, field="term")
    category = _clean_category(category, required=True)
    severity = _clean_severity(severity)
    reason = _clean_reason(reason)
    if (Kind.DISABLED_TERM, key) in entries:
        raise InvalidInput(_("该词条已被停用，请先撤销停用。"), code="screening.term_disabled",
                           field="term")
    existing = entries.get((Kind.ADDED_TERM, key))
    if existing is not None and (existing.category, existing.severity) == (category, severity):
        raise InvalidInput(_("该词条已经添加过。"), code="screening.duplicate", field="term")
    change = RulesetChange(kind=Kind.ADDED_TERM, text=term, key=key, category=category,
                           severity=severity, reason=reason)
    return _record(actor=actor, change=change, entries=entries, stamp=stamp, field="term",
                   action=AuditAction.SCREENING_TERM_ADDED, now=now or timezone.now())


@transaction.atomic
def ruleset_term_disable(*, actor: User, term: str, reason: str,
                         now: datetime | None = None) -> RulesetChange:
    """Switch off a lexicon term (shipped or added) for this deployment.

    Only a term the ruleset in force actually has can be disabled, so a typo does not enter
    the history looking like a decision.
    """
    stamp, entries = _state(actor)
    term, key = _clean_text(term, field="term")
    reason = _clean_reason(reason)
    if (Kind.DISABLED_TERM, key) in entries:
        raise InvalidInput(_("该词条已经停用。"), code="screening.duplicate", field="term")
    if not any(item.key == key for item in ruleset_in_force().terms):
        raise InvalidInput(_("规则库中没有这个词条，无需停用。"), code="screening.unknown_term",
                           field="term")
    change = RulesetChange(kind=Kind.DISABLED_TERM, text=term, key=key, reason=reason)
    return _record(actor=actor, change=change, entries=entries, stamp=stamp, field="term",
                   action=AuditAction.SCREENING_TERM_DISABLED, now=now or timezone.now())


@transaction.atomic
def ruleset_lawful_phrase_add(*, actor: User, phrase: str, category: str = "", reason: str,
                              now: datetime | None = None) -> RulesetChange:
    """Add a lawful phrase: flags whose evidence lies inside it are cleared (SCREENING.md,
    "Lawful text that must NOT be flagged"). ``category`` empty clears every category."""
    stamp, entries = _state(actor)
    phrase, key = _clean_text(phrase, field="phrase")
    category = _clean_category(category, required=False)
    reason = _clean_reason(reason)
    existing = entries.get((Kind.LAWFUL_PHRASE, key))
    if existing is not None and existing.category == category:
        raise InvalidInput(_("该表述已经添加过。"), code="screening.duplicate", field="phrase")
    change = RulesetChange(kind=Kind.LAWFUL_PHRASE, text=phrase, key=key, category=category,
                           reason=reason)
    return _record(actor=actor, change=change, entries=entries, stamp=stamp, field="phrase",
                   action=AuditAction.SCREENING_LAWFUL_PHRASE_ADDED, now=now or timezone.now())


@transaction.atomic
def ruleset_change_withdraw(*, actor: User, kind: str, text: str, reason: str,
                            now: datetime | None = None) -> RulesetChange:
    """Withdraw an entry in force (an added term, a disabling, a lawful phrase); the history
    keeps both the entry and its withdrawal."""
    stamp, entries = _state(actor)
    if kind not in Kind.values:
        raise InvalidInput(_("类型不正确。"), code="screening.bad_kind", field="kind")
    text, key = _clean_text(text, field="text")
    reason = _clean_reason(reason)
    current = entries.get((kind, key))
    if current is None:
        raise InvalidInput(_("没有生效中的该条目。"), code="screening.not_in_force", field="text")
    change = RulesetChange(kind=kind, op=RulesetChange.Op.WITHDRAW, text=current.text, key=key,
                           category=current.category, severity=current.severity, reason=reason)
    return _record(actor=actor, change=change, entries=entries, stamp=stamp, field="text",
                   action=AuditAction.SCREENING_CHANGE_WITHDRAWN, now=now or timezone.now())
