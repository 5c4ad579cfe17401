"""Who may see and change a seeker's profile and résumés (SECURITY.md controls 7, 11-12)."""

from __future__ import annotations

from django.db.models import QuerySet

from fairhire.accounts.models import Role
from fairhire.accounts.policies import Perm, has_perm
from fairhire.profiles.models import Resume, SeekerProfile


def can_keep_profile(*, actor) -> bool:
    return has_perm(actor, Perm.SEEK)


def profile_visible_to(actor) -> QuerySet[SeekerProfile]:
    """The seeker sees their own; reviewers and inspectors may look a seeker up (their unmasked
    views are logged by ``privacy.services.pi_disclose``); nobody else, employers included."""
    profiles = SeekerProfile.objects.filter(status=SeekerProfile.Status.ACTIVE)
    if actor is None or not actor.is_authenticated:
        return profiles.none()
    if has_perm(actor, Perm.CONTENT_REVIEW) or has_perm(actor, Perm.SUPERVISE):
        return profiles
    return profiles.filter(user=actor)


def resume_visible_to(actor) -> QuerySet[Resume]:
    """The owner sees all their résumés; employers see searchable ones (shown without name and
    contact); résumés sent in applications are added by the applications app."""
    resumes = Resume.objects.filter(owner__status=SeekerProfile.Status.ACTIVE)
    if actor is None or not actor.is_authenticated:
        return resumes.none()
    if actor.role in (Role.EMPLOYER_STAFF, Role.AGENCY_STAFF):
        return resumes.filter(visibility=Resume.Visibility.SEARCHABLE)
    return resumes.filter(owner__user=actor)


def can_edit_resume(*, actor, resume: Resume) -> bool:
    return has_perm(actor, Perm.SEEK) and resume.owner.user_id == actor.pk
