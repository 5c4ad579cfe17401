"""The yearly self-inspection of personal-information protection (Regulation Art. 21(3)).

The facts come from live data -- the database read with SQL, not through the models, for the
encryption coverage -- and a person adds the findings and the fixes.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts.models import STAFF_ROLES, User
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.ledger.selectors import retention_summary
from fairhire.privacy import crypto
from fairhire.privacy.models import (
    Consent,
    DataKeyRecord,
    DataRequest,
    PiAccess,
    PiExport,
    SelfInspection,
)
from fairhire.privacy.notices import ConsentKind
from fairhire.privacy.policies import can_run_self_inspection
from fairhire.privacy.sealed import external_columns, file_stores, sealed_models
from fairhire.privacy.services.rotation import data_keys_seen


def anomaly_threshold() -> int:
    """One account seeing this many different people's unmasked data in one day is flagged."""
    return settings.PRIVACY_ANOMALY_SUBJECTS_PER_DAY


def encryption_coverage() -> tuple[list[dict], Counter]:
    """Per sealed column: rows, values held, tokens and plaintext, read with raw SQL; then the
    encrypted columns and files other apps registered (``privacy.sealed``)."""
    columns, key_ids = [], Counter()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in sealed_models():
            for column in model.SEALED_FIELDS:
                field = model._meta.get_field(column)
                cursor.execute(f"SELECT {quote(field.column)} FROM {quote(model._meta.db_table)}")  # noqa: S608 (names come from the models)
                rows = held = sealed = 0
                # In small batches: a column may hold images (profiles.identityimage).
                while batch := cursor.fetchmany(50):
                    for (value,) in batch:
                        rows += 1
                        if value:
                            held += 1
                            if crypto.looks_like_token(value):
                                sealed += 1
                                key_ids[value.split(".")[2]] += 1
                columns.append({"column": f"{model._meta.label_lower}.{column}",
                                "rows": rows, "held": held, "sealed": sealed,
                                "plaintext": held - sealed})
        for external in external_columns():
            model = external.model_class()
            field = model._meta.get_field(external.field)
            cursor.execute(f"SELECT {quote(field.column)} FROM {quote(model._meta.db_table)}")  # noqa: S608 (names come from the models)
            values = [row[0] for row in cursor.fetchall()]
            columns.append(_coverage(f"{external.model}.{external.field}", values, key_ids))
    for name, files in file_stores().items():
        values = (path.read_text(encoding="ascii", errors="replace") for _c, path in files())
        columns.append(_coverage(f"files:{name}", values, key_ids))
    return columns, key_ids


def _coverage(label: str, values, key_ids: Counter) -> dict:
    rows = held = sealed = 0
    for value in values:
        rows += 1
        if value:
            held += 1
            if crypto.looks_like_token(value):
                sealed += 1
                key_ids[value.split(".")[2]] += 1
    return {"column": label, "rows": rows, "held": held, "sealed": sealed,
            "plaintext": held - sealed}


def _facts(*, year: int, now: datetime) -> dict:
    data_keys_seen(now=now)
    columns, key_ids = encryption_coverage()
    ring = crypto.default_engine().keyring
    keys = [{"key_id": r.key_id, "current": r.key_id == ring.current_id,
             "in_ring": r.key_id in ring.keys, "first_seen": r.first_seen_at.date().isoformat(),
             "age_days": (now - r.first_seen_at).days, "tokens": key_ids.get(r.key_id, 0),
             "last_rotation": r.last_rotation_at.date().isoformat() if r.last_rotation_at else ""}
            for r in DataKeyRecord.objects.order_by("first_seen_at")]
    views = PiAccess.objects.filter(created_at__year=year)
    per_day = (views.annotate(day=TruncDate("created_at")).values("viewer_account", "day")
               .annotate(subjects=Count("subject_id", distinct=True))
               .filter(subjects__gte=anomaly_threshold()).order_by("-subjects"))
    staff = User.objects.filter(role__in=STAFF_ROLES).order_by("role", "username")
    with_totp = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    exports = PiExport.objects.filter(created_at__year=year)
    consents = Consent.objects.filter(given_at__year=year)
    withdrawn = Consent.objects.filter(withdrawn_at__year=year)
    requests = DataRequest.objects.filter(received_at__year=year)
    return {
        "year": year,
        "encryption": columns,
        "plaintext_cells": sum(c["plaintext"] for c in columns),
        "keys": keys,
        "access_log": {
            "views": views.count(),
            "viewers": views.values("viewer_id").distinct().count(),
            "anomalies": [{"account": r["viewer_account"], "day": r["day"].isoformat(),
                           "subjects": r["subjects"]} for r in per_day],
        },
        "privileged_accounts": [{"username": u.username, "role": u.role, "active": u.is_active,
                                 "second_factor": u.pk in with_totp} for u in staff],
        "exports": {
            "allowed": exports.filter(allowed=True).count(),
            "refused": exports.filter(allowed=False).count(),
            "destinations": dict(Counter(exports.values_list("destination", flat=True))),
        },
        "consents": {kind: {"given": consents.filter(kind=kind).count(),
                            "withdrawn": withdrawn.filter(kind=kind).count(),
                            "active": Consent.objects.filter(kind=kind, withdrawn_at=None).count()}
                     for kind in ConsentKind.values},
        "data_requests": {kind: {"received": requests.filter(kind=kind).count(),
                                 "completed": requests.filter(kind=kind,
                                                              completed_at__isnull=False).count()}
                          for kind in DataRequest.Kind.values},
        "retention": retention_summary(year=year, now=now),
    }


@transaction.atomic
def self_inspection_generate(*, year: int, actor=None, now: datetime | None = None
                             ) -> SelfInspection:
    """Produce (or refresh) the facts of ``year``'s self-inspection; findings are kept."""
    if actor is not None and not can_run_self_inspection(actor=actor):
        raise PermissionDenied(_("只有安全管理员可以生成自查记录。"),
                               code="privacy.not_security_admin")
    now = now or timezone.now()
    if not 2000 <= year <= now.year:
        raise InvalidInput(_("年度不正确。"), code="privacy.inspection_year", field="year")
    record, _created = SelfInspection.objects.update_or_create(
        year=year, defaults={"generated_at": now, "facts": _facts(year=year, now=now),
                             "generated_by_id": getattr(actor, "pk", None)})
    audit_record(action=AuditAction.SELF_INSPECTION_GENERATED, actor=actor, target=record,
                 account=None if actor else "manage.py", now=now)
    return record


@transaction.atomic
def self_inspection_conclude(*, record: SelfInspection, actor, findings: str, fixes: str,
                             now: datetime | None = None) -> SelfInspection:
    """Add the human findings and fixes to a year's record (Regulation Art. 21(3))."""
    if not can_run_self_inspection(actor=actor):
        raise PermissionDenied(_("只有安全管理员可以填写自查结论。"),
                               code="privacy.not_security_admin")
    if not findings.strip():
        raise InvalidInput(_("请填写发现的问题（没有问题也请写明）。"),
                           code="privacy.inspection_findings", field="findings")
    record.findings, record.fixes = findings.strip(), fixes.strip()
    record.concluded_at = now or timezone.now()
    record.save(update_fields=["findings", "fixes", "concluded_at"])
    audit_record(action=AuditAction.SELF_INSPECTION_CONCLUDED, actor=actor, target=record, now=now)
    return record
