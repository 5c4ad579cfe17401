"""Reviewers and inspectors looking a seeker up (Regulation Art. 21(2))."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from fairhire.core.errors import NotFound
from fairhire.privacy.policies import PiKind
from fairhire.privacy.services import pi_disclose
from fairhire.profiles.policies import profile_visible_to


def seeker_profile_disclose(*, actor, profile_id: int, purpose: str = "",
                            now: datetime | None = None) -> dict[str, str | None]:
    """The seeker's identity as ``actor`` may see it: masked, unless the actor is the person or
    a reviewer or inspector who states a purpose (each such view is logged)."""
    profile = profile_visible_to(actor).filter(pk=profile_id).first()
    if profile is None:
        raise NotFound(_("未找到该求职者。"), code="profiles.seeker_not_found")
    values = {kind: profile.unseal("real_name" if kind == PiKind.NAME else kind)
              for kind in PiKind.values if kind != PiKind.ID_IMAGE}
    return pi_disclose(actor=actor, subject_id=profile.user_id, values=values, purpose=purpose,
                       now=now)
