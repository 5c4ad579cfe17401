"""Reads about organisations, each scoped by the policies (what you may not see is 404)."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.orgs.models import (
    ChangeReport,
    Document,
    Licence,
    Membership,
    Organisation,
    PlatformLicence,
    ReasonTemplate,
)
from fairhire.orgs.policies import (
    can_manage_organisation,
    can_manage_platform_licences,
    can_manage_reason_templates,
    can_read_documents,
    can_review_organisation,
    organisation_visible_to,
    registry_statuses,
)


def organisation_get(*, actor: User | None, organisation_id: int) -> Organisation:
    org = organisation_visible_to(actor).filter(pk=organisation_id).first()
    if org is None:
        raise NotFound(_("未找到该单位。"), code="orgs.not_found")
    return org


def organisation_managed_get(*, actor: User | None, organisation_id: int,
                             kind: str | None = None) -> Organisation:
    """An organisation the actor owns (of ``kind``, if given); anything else is 404."""
    org = organisation_visible_to(actor).filter(pk=organisation_id).first()
    if (org is None or not can_manage_organisation(actor=actor, organisation=org)
            or (kind is not None and org.kind != kind)):
        raise NotFound(_("未找到该单位。"), code="orgs.not_found")
    return org


def organisation_of(*, actor: User | None) -> Organisation | None:
    """The organisation the actor works for, if any."""
    if actor is None or not actor.is_authenticated:
        return None
    membership = Membership.objects.filter(user=actor).select_related("organisation").first()
    return membership.organisation if membership else None


def organisation_people(*, organisation_id: int, roles=None, active_only: bool = False
                        ) -> list[User]:
    """The people of an organisation to tell about something it did or that happened to it
    (``roles``: Membership roles, all when None)."""
    members = Membership.objects.filter(organisation_id=organisation_id)
    if roles is not None:
        members = members.filter(role__in=roles)
    if active_only:
        members = members.filter(user__is_active=True)
    return [m.user for m in members.select_related("user")]


def review_queue(*, actor: User, kind: str = "", region: str = "",
                 today: date | None = None) -> QuerySet[Organisation]:
    """Organisations waiting for a reviewer, oldest first: new submissions, and verified ones
    whose re-verification is due (Regulation Art. 25)."""
    if not can_review_organisation(actor=actor):
        raise PermissionDenied(_("只有平台审核员可以查看审核队列。"), code="orgs.not_reviewer")
    today = today or timezone.localdate()
    queue = Organisation.objects.filter(
        Q(status=Organisation.Status.PENDING)
        | Q(status=Organisation.Status.VERIFIED, reverify_due__lte=today))
    if kind:
        queue = queue.filter(kind=kind)
    if region:
        queue = queue.filter(region_code__startswith=region)
    # Explicit null placement: SQLite and PostgreSQL disagree on where NULLs sort.
    return queue.order_by(F("queued_at").asc(nulls_last=True), "reverify_due", "pk")


def document_get(*, actor: User | None, document_id: int) -> Document:
    document = Document.objects.select_related("organisation").filter(pk=document_id).first()
    if document is None or not can_read_documents(actor=actor,
                                                  organisation=document.organisation):
        raise NotFound(_("未找到该材料。"), code="orgs.document_not_found")
    return document


def registry_list(*, query: str = "") -> QuerySet[Organisation]:
    """The public registry of agencies doing online recruitment (Regulation Art. 14)."""
    agencies = Organisation.objects.filter(registry_statuses()).prefetch_related(
        "licences", "change_reports")
    if query:
        agencies = agencies.filter(Q(name__icontains=query) | Q(uscc__iexact=query))
    return agencies.order_by("name")


def storefront_get(*, organisation_id: int) -> Organisation:
    agency = Organisation.objects.filter(registry_statuses(), pk=organisation_id).first()
    if agency is None:
        raise NotFound(_("未找到该机构。"), code="orgs.not_found")
    return agency


def current_licences(*, organisation: Organisation) -> list[Licence]:
    """The newest licence of each kind: what a storefront shows (older ones stay on record)."""
    latest: dict[str, Licence] = {}
    for licence in organisation.licences.order_by("kind", "-created_at", "-id"):
        latest.setdefault(licence.kind, licence)
    return list(latest.values())


def change_reports_public(*, organisation: Organisation) -> QuerySet[ChangeReport]:
    return organisation.change_reports.all()


def platform_licences() -> QuerySet[PlatformLicence]:
    return PlatformLicence.objects.all()


def platform_licences_for_editing(*, actor: User | None) -> QuerySet[PlatformLicence]:
    if not can_manage_platform_licences(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以维护平台证照。"), code="orgs.not_operator")
    return PlatformLicence.objects.all()


def reason_template_list(*, actor: User | None,
                         active_only: bool = False) -> QuerySet[ReasonTemplate]:
    """The reason templates, for those who keep them (operators, reviewers)."""
    if not can_manage_reason_templates(actor=actor):
        raise PermissionDenied(_("只有平台运营人员和审核员可以查看理由模板。"),
                               code="orgs.not_template_keeper")
    templates = ReasonTemplate.objects.all()
    return templates.filter(active=True) if active_only else templates


def reason_template_get(*, actor: User | None, template_id: int) -> ReasonTemplate:
    template = reason_template_list(actor=actor).filter(pk=template_id).first()
    if template is None:
        raise NotFound(_("未找到该理由模板。"), code="orgs.template_not_found")
    return template
