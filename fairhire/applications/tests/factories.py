"""Application factories: valid by default, built through the real services."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from fairhire.applications import services
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings.tests.factories import make_published
from fairhire.profiles.services import resume_save
from fairhire.profiles.tests.factories import make_seeker, resume_data


def make_resume(seeker=None, **overrides):
    seeker = seeker or make_seeker()
    return resume_save(actor=seeker.user, data=resume_data(**overrides))


def make_application(*, posting=None, seeker=None, resume=None, share_contact: bool = False,
                     now: datetime | None = None):
    posting = posting or make_published()
    seeker = seeker or (resume.owner if resume else make_seeker())
    resume = resume or make_resume(seeker)
    return services.application_submit(actor=seeker.user, posting_id=posting.pk,
                                       resume_id=resume.pk, consent=True,
                                       share_contact=share_contact, now=now)


def employer_of(application):
    return owner_of(application.posting.employer)


def seeker_of(application):
    return application.seeker.user


def later(hours: float = 0, days: float = 0) -> datetime:
    return timezone.now() + timedelta(hours=hours, days=days)
