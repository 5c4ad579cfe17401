"""Retention: keep service records at least three years, then erase their personal data
(Regulation Art. 26; PIPL Art. 47)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import RuleViolation
from fairhire.ledger.leaves import REDACTION_KIND, RETENTION_KIND, payload_digest, redact
from fairhire.ledger.merkle import canonical_json
from fairhire.ledger.models import Entry, EntryPayload, Retention
from fairhire.ledger.services.appending import ObjectRef, ledger_append

MINIMUM_YEARS = 3  # Regulation Art. 26: no setting may shorten this

# "app_label.model" -> eraser(pk=..., now=...): the app that owns a retained object erases the
# personal data of its own rows when the retention ends, in the transaction of the ledger's own
# redactions (registered from that app's ``AppConfig.ready``; nothing writes another app's rows).
_ERASERS: dict[str, Callable[..., None]] = {}


def retention_eraser_register(*, model: str, eraser: Callable[..., None]) -> None:
    """Have ``eraser(pk=<object pk>, now=<time>)`` called when an object of ``model``
    (``"app_label.model_name"``) reaches the end of its retention (Regulation Art. 26;
    PIPL Art. 47)."""
    _ERASERS[model.lower()] = eraser


def retention_years() -> int:
    return max(MINIMUM_YEARS, int(settings.LEDGER_RETENTION_YEARS))


def add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February -> 28 February
        return moment.replace(year=moment.year + years, day=28)


def _object_filter(ref: ObjectRef) -> dict[str, str]:
    return {"object_app": ref.app_label, "object_model": ref.model, "object_pk": ref.pk}


@transaction.atomic
def retention_set(*, obj: models.Model | ObjectRef, completed_at: datetime, actor=None,
                  now: datetime | None = None) -> Retention:
    """Record that the service about ``obj`` is complete: its records are kept until
    ``completed_at`` + ``LEDGER_RETENTION_YEARS`` (never less than three years, Art. 26).

    A later completion extends the period; nothing shortens it. The period is itself a ledger
    entry, so it cannot be quietly changed either.
    """
    ref = ObjectRef.of(obj)
    retain_until = add_years(completed_at, retention_years())
    retention = Retention.objects.select_for_update().filter(**_object_filter(ref)).first()
    if retention is not None and retention.retain_until >= retain_until:
        return retention
    if retention is None:
        retention = Retention(**_object_filter(ref))
    retention.completed_at = completed_at
    retention.retain_until = retain_until
    retention.save()
    ledger_append(kind=RETENTION_KIND, obj=ref, now=now, payload={
        "completed_at": completed_at.isoformat(), "retain_until": retain_until.isoformat(),
        "years": retention_years()})
    audit_record(action=AuditAction.LEDGER_RETENTION_SET, actor=actor, target=retention,
                 account="" if actor else "ledger",
                 details={"object": str(ref), "retain_until": retain_until.isoformat()},
                 now=now)
    return retention


def retention_require_expired(*, obj: models.Model | ObjectRef,
                              now: datetime | None = None) -> None:
    """Refuse to delete or erase a record before its retention period ends (Art. 26).

    Other apps call this before deleting anything the ledger holds. Objects the ledger knows
    nothing about may go; a ledgered object whose service has not completed may not.
    """
    now = now or timezone.now()
    ref = ObjectRef.of(obj)
    retention = Retention.objects.filter(**_object_filter(ref)).first()
    if retention is None:
        if Entry.objects.filter(**_object_filter(ref)).exists():
            raise RuleViolation(
                _("该记录的服务尚未完成，须在服务完成后保存至少三年，不能删除。"),
                code="ledger.retention_not_started")
        return
    if now < retention.retain_until:
        day = date_format(timezone.localtime(retention.retain_until), "Y-m-d")
        raise RuleViolation(
            _("该记录须保存至 %(date)s，之前不能删除。") % {"date": day},
            code="ledger.retention_not_expired", retain_until=retention.retain_until.isoformat())


def retention_erase_due(*, now: datetime | None = None) -> int:
    """Erase the personal data of every record whose retention period has ended.

    Each entry's personal keys are replaced by a marker, after a ``ledger.redaction`` entry
    that records the payload's hash before and after: the log stays verifiable and the erasure
    itself is evidence. Returns how many entries were redacted. One object per transaction.
    """
    now = now or timezone.now()
    redacted = 0
    due = Retention.objects.filter(retain_until__lte=now, erased_at__isnull=True)
    for retention_id in due.values_list("pk", flat=True):
        redacted += _erase_one(retention_id=retention_id, now=now)
    return redacted


@transaction.atomic
def _erase_one(*, retention_id: int, now: datetime) -> int:
    retention = Retention.objects.select_for_update().get(pk=retention_id)
    if retention.erased_at is not None or retention.retain_until > now:
        return 0
    entries = Entry.objects.filter(object_app=retention.object_app,
                                   object_model=retention.object_model,
                                   object_pk=retention.object_pk)
    count = 0
    for entry in entries.order_by("seq"):
        if not entry.personal:
            continue
        ledger_redact(entry=entry, now=now)
        count += 1
    eraser = _ERASERS.get(f"{retention.object_app}.{retention.object_model}")
    if eraser is not None:
        eraser(pk=retention.object_pk, now=now)
    retention.erased_at = now
    retention.save(update_fields=["erased_at"])
    return count


@transaction.atomic
def ledger_redact(*, entry: Entry, now: datetime | None = None) -> Entry:
    """Replace the personal keys of ``entry``'s payload by a marker, logging the redaction first
    (the payload table refuses the change until that entry exists)."""
    now = now or timezone.now()
    body = EntryPayload.objects.select_for_update().get(pk=entry.pk)
    if payload_digest(body.text) != entry.payload_sha256:
        raise RuleViolation(_("该记录已删除个人信息或内容不一致。"), code="ledger.not_redactable")
    text = canonical_json(redact(json.loads(body.text), entry.personal)).decode("utf-8")
    redaction = ledger_append(kind=REDACTION_KIND, obj=ObjectRef("ledger", "entry", str(entry.pk)),
                              now=now, payload={
                                  "entry": entry.pk,
                                  "erased": list(entry.personal),
                                  "original_payload_sha256": entry.payload_sha256,
                                  "redacted_payload_sha256": payload_digest(text),
                                  "reason": "retention_expired",
                              })
    EntryPayload.objects.filter(pk=entry.pk).update(text=text)
    audit_record(action=AuditAction.LEDGER_ENTRY_REDACTED, target=entry, account="ledger",
                 details={"redaction": redaction.pk, "erased": list(entry.personal)}, now=now)
    return redaction
