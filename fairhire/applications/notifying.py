"""Telling the other side: every change reaches it in-app and by e-mail (core.notifications)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse

from fairhire.applications.models import Application, Side
from fairhire.core.notifications import notify
from fairhire.orgs.models import Membership
from fairhire.orgs.selectors import organisation_people

EMPLOYER_RECIPIENT_ROLES = (Membership.Role.OWNER, Membership.Role.RECRUITER)


def employer_recipients(application: Application) -> list:
    return organisation_people(organisation_id=application.organisation_id,
                               roles=EMPLOYER_RECIPIENT_ROLES, active_only=True)


def notify_side(*, application: Application, side: str, kind: str, title: str, body: str = "",
                now: datetime | None = None) -> None:
    """Notify ``side`` of ``application`` (the seeker, or the employer's owners and
    recruiters) with a link to the application page."""
    url = reverse("application-detail", args=[application.pk])
    recipients = ([application.seeker.user] if side == Side.SEEKER
                  else employer_recipients(application))
    for user in recipients:
        notify(recipient=user, kind=kind, title=str(title), body=str(body), url=url, now=now)


def other_side(side: str) -> str:
    return Side.EMPLOYER if side == Side.SEEKER else Side.SEEKER
