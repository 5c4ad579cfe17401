"""Profiles reads, each scoped by the policies: what an actor may not see answers 404."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from fairhire.accounts.policies import Perm, has_perm
from fairhire.core.errors import NotFound, PermissionDenied
from fairhire.profiles.models import GigCard, IdentityImage, Resume, SeekerProfile
from fairhire.profiles.policies import profile_visible_to, resume_visible_to


def seeker_profile_get(*, actor) -> SeekerProfile:
    """The signed-in seeker's own active profile; other roles are refused."""
    if not has_perm(actor, Perm.SEEK):
        raise PermissionDenied(_("只有求职者可以使用此功能。"), code="profiles.not_seeker")
    profile = (SeekerProfile.objects.filter(user=actor, status=SeekerProfile.Status.ACTIVE).first()
               if actor is not None and actor.is_authenticated else None)
    if profile is None:
        raise NotFound(_("你还没有求职者实名档案。"), code="profiles.no_profile")
    return profile


def resume_list(*, actor) -> QuerySet[Resume]:
    return resume_visible_to(actor).filter(owner__user=actor).prefetch_related(
        "education", "work", "certificates", "languages")


def resume_get(*, actor, resume_id: int) -> Resume:
    resume = resume_list(actor=actor).filter(pk=resume_id).first()
    if resume is None:
        raise NotFound(_("未找到该简历。"), code="profiles.resume_not_found")
    return resume


def gig_card_get(*, actor) -> GigCard | None:
    return GigCard.objects.filter(owner__user=actor,
                                  owner__status=SeekerProfile.Status.ACTIVE).first()


def identity_image_list(*, actor, profile_id: int | None = None) -> QuerySet[IdentityImage]:
    """The ID-card photos on file: the seeker's own, or (for a reviewer or inspector) those of
    a seeker they may look up. Only the listing; the bytes come through
    ``services.identity_image_download``, which logs every view by someone else."""
    if profile_id is None:
        profile = seeker_profile_get(actor=actor)
        return IdentityImage.objects.filter(owner=profile).defer("image")
    return IdentityImage.objects.filter(
        owner__in=profile_visible_to(actor).filter(pk=profile_id)).defer("image")
