"""Reads about complaints, agreements, evaluations and fees, each scoped by its policy."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Avg, Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.complaints.models import (
    AgreementAcceptance,
    AgreementVersion,
    Complaint,
    DocumentKind,
    Evaluation,
    EvaluationInvite,
    Evidence,
    FeeDisclosure,
    Questionnaire,
    Referral,
)
from fairhire.complaints.policies import can_operate, complaint_visible_to
from fairhire.complaints.tracking import tracking_matches
from fairhire.core.errors import NotFound, PermissionDenied

# --- complaints -----------------------------------------------------------------------------

def complaint_get(*, actor: User | None, complaint_id: int) -> Complaint:
    complaint = complaint_visible_to(actor).select_related(
        "owner", "complainant", "posting", "organisation").filter(pk=complaint_id).first()
    if complaint is None:
        raise NotFound(_("未找到该投诉。"), code="complaints.not_found")
    return complaint


def complaint_track(*, number: str, code: str) -> Complaint:
    """An anonymous report, found by its number and the code given at receipt (else 404)."""
    complaint = Complaint.objects.filter(number=(number or "").strip().upper(),
                                         complainant__isnull=True).first()
    if complaint is None or not tracking_matches(complaint.tracking_digest, code):
        raise NotFound(_("编号或查询码不正确。"), code="complaints.not_found")
    return complaint


def complaint_list_mine(*, actor: User) -> QuerySet[Complaint]:
    if actor is None or not actor.is_authenticated:
        return Complaint.objects.none()
    return Complaint.objects.filter(complainant=actor).order_by("-received_at", "-pk")


def _operators_only(actor: User | None) -> None:
    if not can_operate(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以处理投诉。"), code="complaints.not_operator")


def complaint_queue(*, actor: User, status: str = "", overdue_only: bool = False,
                    now: datetime | None = None) -> QuerySet[Complaint]:
    """Operators' queue: open complaints first by deadline; overdue ones flagged by the page."""
    _operators_only(actor)
    now = now or timezone.now()
    complaints = Complaint.objects.select_related("owner").order_by("deadline_at", "pk")
    if status:
        complaints = complaints.filter(status=status)
    else:
        complaints = complaints.filter(status__in=Complaint.OPEN)
    if overdue_only:
        complaints = complaints.filter(status__in=Complaint.OPEN, deadline_at__lt=now)
    return complaints


def complaint_overdue_count(*, now: datetime | None = None) -> int:
    return Complaint.objects.filter(status__in=Complaint.OPEN,
                                    deadline_at__lt=now or timezone.now()).count()


def operators_list(*, actor: User) -> QuerySet[User]:
    """The operators a complaint may be handed to."""
    from fairhire.accounts.models import Role

    _operators_only(actor)
    return User.objects.filter(role=Role.OPERATOR, is_active=True).order_by("username")


def complaint_history(*, actor: User | None, complaint: Complaint):
    """Every step for operators; the complainant sees the steps meant for them."""
    events = complaint.events.all()
    return events if can_operate(actor=actor) else events.filter(public=True)


def evidence_get(*, actor: User | None, evidence_id: int) -> Evidence:
    evidence = Evidence.objects.filter(
        pk=evidence_id, complaint__in=complaint_visible_to(actor)).first()
    if evidence is None:
        raise NotFound(_("未找到该文件。"), code="complaints.evidence_not_found")
    return evidence


def referral_list(*, actor: User) -> QuerySet[Referral]:
    _operators_only(actor)
    return Referral.objects.select_related("complaint").order_by("-created_at", "-pk")


# --- agreements -----------------------------------------------------------------------------

def agreements_in_force(*, now: datetime | None = None) -> list[AgreementVersion]:
    """The version of each document in force now (the newest whose effective time has come)."""
    now = now or timezone.now()
    versions = []
    for kind in DocumentKind.values:
        version = (AgreementVersion.objects.filter(kind=kind, effective_at__lte=now)
                   .order_by("-effective_at", "-number").first())
        if version is not None:
            versions.append(version)
    return versions


def agreements_pending(*, user: User, now: datetime | None = None) -> list[AgreementVersion]:
    """Versions in force that ``user`` has not accepted yet."""
    in_force = agreements_in_force(now=now)
    accepted = set(AgreementAcceptance.objects.filter(
        user=user, version__in=in_force).values_list("version_id", flat=True))
    return [v for v in in_force if v.pk not in accepted]


def agreement_archive() -> QuerySet[AgreementVersion]:
    return AgreementVersion.objects.order_by("kind", "-number")


def agreement_get(*, version_id: int) -> AgreementVersion:
    version = AgreementVersion.objects.filter(pk=version_id).first()
    if version is None:
        raise NotFound(_("未找到该版本。"), code="agreements.not_found")
    return version


def agreement_previously_accepted(*, user: User, version: AgreementVersion
                                  ) -> AgreementVersion | None:
    """The newest earlier version of the same document that ``user`` accepted (for the diff)."""
    acceptance = (AgreementAcceptance.objects.filter(
        user=user, version__kind=version.kind, version__number__lt=version.number)
        .select_related("version").order_by("-version__number").first())
    return acceptance.version if acceptance else None


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed"
    text: str


def agreement_diff(*, old: AgreementVersion | None, new: AgreementVersion) -> list[DiffLine]:
    """What changed, line by line (unchanged lines too, so the reader keeps the context)."""
    if old is None:
        return []
    lines = []
    for line in difflib.ndiff(old.body.splitlines(), new.body.splitlines()):
        tag, text = line[:2], line[2:]
        if tag == "? ":
            continue
        lines.append(DiffLine({"+ ": "added", "- ": "removed"}.get(tag, "same"), text))
    return lines


def acceptance_list(*, actor: User, version: AgreementVersion) -> QuerySet[AgreementAcceptance]:
    _operators_only(actor)
    return version.acceptances.select_related("user")


# --- evaluations ----------------------------------------------------------------------------

def evaluation_invite_get(*, actor: User, invite_id: int) -> EvaluationInvite:
    invite = EvaluationInvite.objects.filter(pk=invite_id, user_id=getattr(actor, "pk", None)
                                             ).first()
    if invite is None:
        raise NotFound(_("未找到该评价邀请。"), code="evaluations.not_found")
    return invite


def evaluation_invites_open(*, actor: User) -> QuerySet[EvaluationInvite]:
    return EvaluationInvite.objects.filter(user_id=getattr(actor, "pk", None),
                                           completed_at__isnull=True)


def evaluation_results(*, actor: User, subject_kind: str = "") -> dict:
    """Ratings per employer or agency, per kind of service and per month (operators only)."""
    _operators_only(actor)
    evaluations = Evaluation.objects.all()
    if subject_kind:
        evaluations = evaluations.filter(invite__subject_kind=subject_kind)

    def rows(qs):
        return [{**r, "average": round(r["average"] or 0, 2)} for r in qs]

    return {
        "by_org": rows(evaluations.filter(invite__about_org__isnull=False)
                       .values("invite__about_org", "invite__about_org__name",
                               "invite__about_org__kind")
                       .annotate(count=Count("pk"), average=Avg("rating"))
                       .order_by("invite__about_org__name")),
        "by_kind": rows(evaluations.values("invite__subject_kind")
                        .annotate(count=Count("pk"), average=Avg("rating"))
                        .order_by("invite__subject_kind")),
        "by_month": rows(evaluations.annotate(month=TruncMonth("submitted_at"))
                         .values("month").annotate(count=Count("pk"), average=Avg("rating"))
                         .order_by("month")),
        "recent": list(evaluations.select_related("invite", "invite__about_org")
                       .order_by("-submitted_at", "-pk")[:20]),
    }


def questionnaire_list(*, actor: User) -> QuerySet[Questionnaire]:
    _operators_only(actor)
    return Questionnaire.objects.prefetch_related("questions").order_by("subject_kind")


# --- fees -----------------------------------------------------------------------------------

def platform_fees_current() -> FeeDisclosure | None:
    return FeeDisclosure.objects.order_by("-published_at", "-pk").first()
