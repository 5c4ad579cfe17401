"""The platform service agreement and rules (Regulation Art. 24; R24.1).

Operators publish versions, each with an effective time; the version in force is the newest one
whose time has come. Everybody accepts the versions in force (at sign-up, and again at the next
sign-in after a new version takes effect); every acceptance records who, which version, when and
from which address. Versions and acceptances are append-only.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.complaints.models import AgreementAcceptance, AgreementVersion, DocumentKind
from fairhire.complaints.policies import can_operate
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.request_context import current_meta
from fairhire.ledger.services import ledger_append


@transaction.atomic
def agreement_publish(*, actor: User, kind: str, title: str, body: str, summary: str = "",
                      effective_at: datetime | None = None,
                      now: datetime | None = None) -> AgreementVersion:
    """Publish a new version of the agreement or the rules; it binds from ``effective_at``
    (now when not given, never in the past: what people accepted is not rewritten)."""
    now = now or timezone.now()
    if not can_operate(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以发布协议和规则。"),
                               code="agreements.not_operator")
    if kind not in DocumentKind.values:
        raise InvalidInput(_("请选择文件类型。"), code="agreements.bad_kind", field="kind")
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise InvalidInput(_("请填写标题。"), code="agreements.title_required", field="title")
    if len(body) < 20:
        raise InvalidInput(_("正文过短。"), code="agreements.body_short", field="body")
    effective_at = effective_at or now
    if effective_at < now:
        raise InvalidInput(_("生效时间不能早于发布时间。"), code="agreements.effective_past",
                           field="effective_at")
    number = (AgreementVersion.objects.select_for_update().filter(kind=kind)
              .aggregate(n=Max("number"))["n"] or 0) + 1
    version = AgreementVersion.objects.create(
        kind=kind, number=number, title=title[:120], body=body, summary=(summary or "").strip(),
        effective_at=effective_at, published_at=now, published_by=actor)
    ledger_append(kind="complaints.agreement_published", obj=version, now=now, payload={
        "kind": kind, "number": number, "title": version.title,
        "sha256": hashlib.sha256(body.encode()).hexdigest(),
        "effective_at": effective_at.isoformat(), "published_by": actor.pk})
    audit_record(action=AuditAction.AGREEMENT_PUBLISHED, actor=actor, target=version, now=now,
                 details={"kind": kind, "number": number,
                          "effective_at": effective_at.isoformat()})
    return version


@transaction.atomic
def agreement_accept(*, user: User, version: AgreementVersion,
                     now: datetime | None = None) -> AgreementAcceptance:
    """Record that ``user`` accepts ``version`` (who, which, when, from where). Only a version
    in force may be accepted; accepting it twice returns the first record."""
    from fairhire.complaints.selectors import agreements_in_force

    now = now or timezone.now()
    if user is None or not user.is_authenticated:
        raise PermissionDenied(_("请先登录。"), code="agreements.sign_in_required")
    existing = AgreementAcceptance.objects.filter(user=user, version=version).first()
    if existing is not None:
        return existing
    if version.pk not in {v.pk for v in agreements_in_force(now=now)}:
        raise RuleViolation(_("只能接受现行有效的版本。"), code="agreements.not_in_force")
    meta = current_meta()
    acceptance = AgreementAcceptance.objects.create(
        user=user, version=version, accepted_at=now, ip=meta.ip,
        user_agent=(meta.user_agent or "")[:300])
    ledger_append(kind="complaints.agreement_accepted", obj=acceptance, now=now, payload={
        "user": user.pk, "version": version.pk, "kind": version.kind,
        "number": version.number, "accepted_at": now.isoformat()})
    audit_record(action=AuditAction.AGREEMENT_ACCEPTED, actor=user, target=version, now=now,
                 details={"kind": version.kind, "number": version.number})
    return acceptance
