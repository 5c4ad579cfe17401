"""Who may do what with an organisation, and whether an agency may operate.

Every read is scoped by ``organisation_visible_to``: what an actor may not see answers 404.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from fairhire.accounts.models import Role, User
from fairhire.accounts.policies import Perm, has_perm
from fairhire.orgs.models import Licence, Membership, Organisation, OrgKind

REGISTERING_ROLES = {OrgKind.EMPLOYER: Role.EMPLOYER_STAFF, OrgKind.AGENCY: Role.AGENCY_STAFF}


def _membership(actor: User | None) -> Membership | None:
    if actor is None or not actor.is_authenticated:
        return None
    return Membership.objects.filter(user=actor).select_related("organisation").first()


def jurisdiction_prefix(code: str) -> str:
    """``"140100"`` → ``"1401"``: the region codes an inspector of that area supervises."""
    while code.endswith("00") and len(code) > 2:
        code = code[:-2]
    return code


def organisation_visible_to(actor: User | None) -> QuerySet[Organisation]:
    """Staff see their own organisation; reviewers all; inspectors their jurisdiction."""
    organisations = Organisation.objects.all()
    if has_perm(actor, Perm.CONTENT_REVIEW):
        return organisations
    if has_perm(actor, Perm.SUPERVISE):
        return organisations.filter(region_code__startswith=jurisdiction_prefix(
            actor.jurisdiction))
    if has_perm(actor, Perm.RECRUIT):
        return organisations.filter(memberships__user=actor)
    return organisations.none()


def member_role(*, actor: User | None, organisation: Organisation) -> str | None:
    membership = _membership(actor)
    if membership is None or membership.organisation_id != organisation.pk:
        return None
    return membership.role


def can_register_organisation(*, actor: User | None, kind: str) -> bool:
    """An employer's or agency's staff account with no organisation yet."""
    return (has_perm(actor, Perm.RECRUIT) and actor.role == REGISTERING_ROLES[kind]
            and _membership(actor) is None)


def can_manage_organisation(*, actor: User | None, organisation: Organisation) -> bool:
    """Owners edit, upload documents, submit for review, invite staff and report changes."""
    return (has_perm(actor, Perm.RECRUIT)
            and member_role(actor=actor, organisation=organisation) == Membership.Role.OWNER)


def can_review_organisation(*, actor: User | None) -> bool:
    return has_perm(actor, Perm.CONTENT_REVIEW)


def can_read_documents(*, actor: User | None, organisation: Organisation) -> bool:
    """Documents are served only to the owner, reviewers and inspectors of the area."""
    if can_manage_organisation(actor=actor, organisation=organisation):
        return True
    if has_perm(actor, Perm.CONTENT_REVIEW):
        return True
    return has_perm(actor, Perm.SUPERVISE) and organisation.region_code.startswith(
        jurisdiction_prefix(actor.jurisdiction))


def can_manage_platform_licences(*, actor: User | None) -> bool:
    return has_perm(actor, Perm.PLATFORM_OPERATE)


def can_manage_reason_templates(*, actor: User | None) -> bool:
    """Operators and reviewers keep the reasons the decision form offers."""
    return has_perm(actor, Perm.PLATFORM_OPERATE) or has_perm(actor, Perm.CONTENT_REVIEW)


def registration_kind(actor: User | None) -> str | None:
    """The kind of organisation this account registers: its role decides (None: none)."""
    for kind, role in REGISTERING_ROLES.items():
        if actor is not None and actor.is_authenticated and actor.role == role:
            return kind
    return None


def current_licence(organisation: Organisation, kind: str) -> Licence | None:
    return organisation.licences.filter(kind=kind).order_by("-created_at", "-id").first()


def agency_operation_blockers(*, organisation: Organisation, today: date) -> list[str]:
    """Why an agency may not publish, hold a fair or post for an employer yet (empty: it may).

    Regulation Arts 9, 10, 13, 19(2) and 25: verified by the platform, a valid HR service licence
    with the online-recruitment scope, a valid telecom licence when it declared telecom business,
    published fee standards, and not past an announced termination.
    """
    reasons: list[str] = []
    if organisation.kind != OrgKind.AGENCY:
        return [_("不是人力资源服务机构。")]
    if organisation.status != Organisation.Status.VERIFIED:
        reasons.append(_("尚未通过平台核验或已被暂停。"))
    hr = current_licence(organisation, Licence.Kind.HR_SERVICE)
    if hr is None or not hr.is_valid_on(today):
        reasons.append(_("人力资源服务许可证缺失或不在有效期内。"))
    elif not hr.has_online_recruitment_scope:
        reasons.append(_("许可范围不含“开展网络招聘服务”。"))
    if organisation.telecom_declared:
        telecom = current_licence(organisation, Licence.Kind.TELECOM)
        if telecom is None or not telecom.is_valid_on(today):
            reasons.append(_("增值电信业务经营许可证缺失或不在有效期内。"))
    if not organisation.fee_items.exists():
        reasons.append(_("尚未公示服务项目和收费标准。"))
    if organisation.terminates_on is not None and today >= organisation.terminates_on:
        reasons.append(_("已终止服务。"))
    return reasons


def can_operate_agency(*, organisation: Organisation, today: date) -> bool:
    return not agency_operation_blockers(organisation=organisation, today=today)


def registry_statuses() -> Q:
    """Agencies on the public registry: those ever verified (Regulation Art. 14)."""
    return Q(kind=OrgKind.AGENCY, status__in=[Organisation.Status.VERIFIED,
                                              Organisation.Status.SUSPENDED,
                                              Organisation.Status.TERMINATED])
