"""Who may see and move an application (SECURITY.md controls 6-7, 11-12).

The seeker sees their own applications; the staff of the organisation that handles the posting
(the posting agency, else the employer) see the applications to it; nobody else does, and what
an actor may not see answers 404. Owners and recruiters act for the employer; a viewer only reads.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from fairhire.accounts.policies import Perm, has_perm
from fairhire.applications.models import Application, Side
from fairhire.core.errors import PermissionDenied
from fairhire.orgs.selectors import organisation_of
from fairhire.postings.policies import writing_organisation
from fairhire.privacy.notices import ConsentKind
from fairhire.privacy.selectors import consent_is_active


def application_visible_to(actor) -> QuerySet[Application]:
    applications = Application.objects.all()
    if has_perm(actor, Perm.SEEK):
        return applications.filter(seeker__user=actor)
    if has_perm(actor, Perm.RECRUIT):
        org = organisation_of(actor=actor)
        return applications.filter(organisation=org) if org else applications.none()
    return applications.none()


def side_of(*, actor, application: Application) -> str | None:
    """The side ``actor`` may act for on ``application``, or None (a reader only, or nobody)."""
    if has_perm(actor, Perm.SEEK) and application.seeker.user_id == actor.pk:
        return Side.SEEKER
    org = writing_organisation(actor)
    if org is not None and org.pk == application.organisation_id:
        return Side.EMPLOYER
    return None


def require_side(side: str, *, actor, application: Application) -> None:
    """Refuse ``actor`` unless they act for ``side`` on ``application`` (a viewer only reads)."""
    if side_of(actor=actor, application=application) != side:
        raise PermissionDenied(_("该操作应由求职者本人进行。") if side == Side.SEEKER
                               else _("该操作应由用人单位的招聘人员进行。"),
                               code="applications.not_your_move")


def is_employer_reader(*, actor, application: Application) -> bool:
    org = organisation_of(actor=actor) if has_perm(actor, Perm.RECRUIT) else None
    return org is not None and org.pk == application.organisation_id


def resume_sending_active(*, application: Application) -> bool:
    """The employer sees the résumé only while the seeker's consent to send it stands (R21.1;
    the notice says withdrawing it stops the employer's access)."""
    return consent_is_active(user=application.seeker.user, kind=ConsentKind.RESUME_SENDING)


def contact_shared(*, actor, application: Application) -> bool:
    """Whether the employer's staff may see the applicant's name and contact details whole:
    the seeker applied to this organisation's posting and chose to share contact, and the
    résumé-sending consent is still active (withdrawing it removes the access at once)."""
    return (application.contact_shared_at is not None
            and is_employer_reader(actor=actor, application=application)
            and resume_sending_active(application=application))


def can_review_messages(*, actor) -> bool:
    return has_perm(actor, Perm.CONTENT_REVIEW)


def can_follow_up_hires(*, actor) -> bool:
    return has_perm(actor, Perm.PLATFORM_OPERATE)
