"""Who may do what with a posting, and which postings an actor may see.

What an actor may not see answers 404 (``posting_visible_to`` scopes every read).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.accounts.policies import Perm, has_perm
from fairhire.orgs.models import Membership, Organisation
from fairhire.orgs.policies import agency_operation_blockers, can_manage_organisation
from fairhire.orgs.selectors import organisation_of
from fairhire.postings.models import JobPosting

WRITING_ROLES = {Membership.Role.OWNER, Membership.Role.RECRUITER}


def writing_organisation(actor: User | None) -> Organisation | None:
    """The organisation the actor may write postings for (owners and recruiters only)."""
    if not has_perm(actor, Perm.RECRUIT):
        return None
    membership = Membership.objects.filter(user=actor).select_related("organisation").first()
    if membership is None or membership.role not in WRITING_ROLES:
        return None
    return membership.organisation


def posting_visible_to(actor: User | None) -> QuerySet[JobPosting]:
    """Everyone sees published postings of employers in good standing (a suspended or
    terminated employer's postings stop being shown, Regulation Art. 25); staff of the employer
    or of the posting agency see their own; reviewers and operators (who handle reports about
    postings) see all."""
    postings = JobPosting.objects.all()
    if has_perm(actor, Perm.CONTENT_REVIEW) or has_perm(actor, Perm.PLATFORM_OPERATE):
        return postings
    public = Q(status__in=JobPosting.PUBLIC, employer__status=Organisation.Status.VERIFIED)
    org = organisation_of(actor=actor) if has_perm(actor, Perm.RECRUIT) else None
    if org is not None:
        return postings.filter(public | Q(employer=org) | Q(agency=org))
    return postings.filter(public)


def can_write_posting_for(*, actor: User | None, employer: Organisation) -> bool:
    """Owners and recruiters of the employer, or of an agency, may draft postings."""
    org = writing_organisation(actor)
    return org is not None and (org.pk == employer.pk or org.is_agency)


def can_edit_posting(*, actor: User | None, posting: JobPosting) -> bool:
    org = writing_organisation(actor)
    if org is None:
        return False
    return org.pk == (posting.agency_id or posting.employer_id)


def can_review_posting(*, actor: User | None, posting: JobPosting | None = None) -> bool:
    return has_perm(actor, Perm.CONTENT_REVIEW)


def can_suspend_posting(*, actor: User | None) -> bool:
    """Reviewers, and operators handling a report, may take a posting off the site at once."""
    return has_perm(actor, Perm.CONTENT_REVIEW) or has_perm(actor, Perm.PLATFORM_OPERATE)


def publication_blockers(*, posting: JobPosting, today: date) -> list[str]:
    """Why this posting may not be published now (empty: it may). Regulation Art. 17: only
    verified employers publish; an agency posting for one must itself be allowed to operate."""
    reasons: list[str] = []
    if not posting.employer.is_verified:
        reasons.append(_("用人单位尚未通过平台审核或已被暂停，不能发布。"))
    if posting.agency is not None:
        reasons.extend(agency_operation_blockers(organisation=posting.agency, today=today))
        grant = posting.entrustment_grant
        if grant is None or not grant.is_active(today):
            reasons.append(_("用人单位对本机构的委托不存在、已到期或已撤销。"))
    return reasons


def can_create_posting(*, actor: User | None) -> bool:
    return writing_organisation(actor) is not None


def can_manage_entrustments(*, actor: User | None, employer: Organisation) -> bool:
    """An employer's owner entrusts agencies and revokes entrustments."""
    return not employer.is_agency and can_manage_organisation(actor=actor,
                                                              organisation=employer)
