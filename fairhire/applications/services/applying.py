"""Applying to a posting and sharing contact details (Regulation Arts 16, 21; R21.1)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.policies import Perm, has_perm
from fairhire.applications.models import Application, Side
from fairhire.applications.notifying import notify_side
from fairhire.applications.policies import side_of
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    RateLimited,
    RuleViolation,
)
from fairhire.ledger.services import ledger_append
from fairhire.postings.models import JobPosting
from fairhire.postings.selectors import posting_get
from fairhire.privacy.notices import ConsentKind
from fairhire.privacy.selectors import consent_is_active
from fairhire.privacy.services import consent_give
from fairhire.profiles.models import Resume
from fairhire.profiles.selectors import resume_get, seeker_profile_get

COVER_NOTE_MAX = 500


def _date(value) -> str | None:
    return value.isoformat() if value else None


def resume_snapshot(resume: Resume) -> dict:
    """The résumé as sent: everything the employer receives, nothing about who the person is
    (name and contact come from the profile, and only when shared)."""
    return {
        "title": resume.title, "skills": resume.skills, "skill_codes": resume.skill_codes,
        "expected_occupations": resume.expected_occupations,
        "expected_regions": resume.expected_regions, "employment_types": resume.employment_types,
        "pay_min": resume.pay_min, "pay_max": resume.pay_max,
        "availability": resume.get_availability_display() if resume.availability else "",
        "self_intro": resume.self_intro,
        "education": [{"level": e.get_level_display(), "school": e.school, "major": e.major,
                       "start": _date(e.start), "end": _date(e.end)}
                      for e in resume.education.all()],
        "work": [{"employer": w.employer, "position": w.position, "start": _date(w.start),
                  "end": _date(w.end), "duties": w.duties} for w in resume.work.all()],
        "certificates": [{"title": c.title, "issuer": c.issuer, "obtained": _date(c.obtained)}
                         for c in resume.certificates.all()],
        "languages": [{"language": lang.language, "level": lang.get_level_display()}
                      for lang in resume.languages.all()],
    }


def _day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Local midnight today and tomorrow (the daily limit counts per calendar day in China)."""
    local = timezone.localtime(now)
    start = timezone.make_aware(datetime.combine(local.date(), time()), local.tzinfo)
    return start, start + timedelta(days=1)


def _check_daily_limit(*, profile, now: datetime) -> None:
    start, tomorrow = _day_bounds(now)
    limit = int(settings.APPLICATIONS_DAILY_LIMIT)
    if Application.objects.filter(seeker=profile, created_at__gte=start).count() >= limit:
        raise RateLimited(_("今天投递已达 %(n)d 次上限，请明天再试。") % {"n": limit},
                          until=tomorrow, code="applications.daily_limit")


@transaction.atomic
def application_submit(*, actor, posting_id: int, resume_id: int, consent: bool,
                       share_contact: bool = False, cover_note: str = "",
                       now: datetime | None = None) -> Application:
    """Send one of the seeker's résumés to a published posting.

    * The seeker's separate consent to send the résumé is required on each application and
      recorded through the privacy app (PIPL Art 29, R21.1); the application keeps the consent
      it was sent under.
    * The résumé is copied as it is now; later edits do not change what the employer received.
    * One application per posting; at most ``APPLICATIONS_DAILY_LIMIT`` a day (HTTP 429).
    * Contact details go to the employer only if the seeker chooses (``share_contact``).
    """
    now = now or timezone.now()
    if not has_perm(actor, Perm.SEEK):
        raise PermissionDenied(_("只有求职者可以投递简历。"), code="applications.not_seeker")
    profile = seeker_profile_get(actor=actor)
    posting = posting_get(actor=actor, posting_id=posting_id)
    if posting.status not in JobPosting.PUBLIC:
        raise RuleViolation(_("该招聘信息已不再接受投递。"), code="applications.posting_closed")
    resume = resume_get(actor=actor, resume_id=resume_id)
    if not consent:
        raise InvalidInput(_("投递简历需要你单独同意向该用人单位发送简历。"),
                           code="applications.consent_required", field="consent")
    cover_note = cover_note.strip()
    if len(cover_note) > COVER_NOTE_MAX:
        raise InvalidInput(_("附言不能超过 500 字。"), code="applications.cover_note",
                           field="cover_note")
    if Application.objects.filter(posting=posting, seeker=profile).exists():
        raise RuleViolation(_("你已投递过该职位，不能重复投递。"), code="applications.duplicate")
    _check_daily_limit(profile=profile, now=now)

    consent_record = consent_give(user=actor, kind=ConsentKind.RESUME_SENDING, now=now)
    snapshot = resume_snapshot(resume)
    digest = hashlib.sha256(json.dumps(snapshot, ensure_ascii=False, sort_keys=True)
                            .encode("utf-8")).hexdigest()
    application = Application.objects.create(
        posting=posting, organisation_id=posting.agency_id or posting.employer_id,
        seeker=profile, resume=resume, resume_title=resume.title, resume_snapshot=snapshot,
        resume_sha256=digest, posting_version=posting.version, consent=consent_record,
        contact_shared_at=now if share_contact else None, cover_note=cover_note,
        status=Application.Status.RECEIVED, status_changed_at=now, created_at=now)
    audit_record(action=AuditAction.APPLICATION_SUBMITTED, actor=actor, target=application,
                 details={"posting": posting.pk, "resume_sha256": digest,
                          "consent": consent_record.pk, "contact_shared": share_contact},
                 now=now)
    if share_contact:
        audit_record(action=AuditAction.APPLICATION_CONTACT_SHARED, actor=actor,
                     target=application, now=now)
    # The service record (Regulation Art. 26): what was sent to whom, under which consent.
    ledger_append(kind="applications.application_submitted", obj=application, now=now, payload={
        "application": application.pk, "posting": posting.pk,
        "posting_version": posting.version, "seeker": actor.pk, "resume_sha256": digest,
        "consent": consent_record.pk, "at": now.isoformat()})
    notify_side(application=application, side=Side.EMPLOYER, kind="applications.received",
                title=_("收到新的求职申请：%(title)s") % {"title": posting.title},
                body=_("请在平台内查看简历并及时答复求职者。"), now=now)
    return application


@transaction.atomic
def application_contact_share(*, actor, application: Application,
                              now: datetime | None = None) -> Application:
    """The seeker lets this employer see their name, phone and e-mail (Regulation Art. 21).

    The access lasts while the résumé-sending consent stands; withdrawing it ends it at once.
    """
    now = now or timezone.now()
    application = Application.objects.select_for_update().get(pk=application.pk)
    if side_of(actor=actor, application=application) != Side.SEEKER:
        raise NotFound(_("未找到该申请。"), code="applications.not_found")
    if not consent_is_active(user=actor, kind=ConsentKind.RESUME_SENDING):
        raise RuleViolation(_("你已撤回向用人单位发送简历的同意，请先重新同意。"),
                            code="applications.consent_withdrawn")
    if application.contact_shared_at is not None:
        return application
    application.contact_shared_at = now
    application.save(update_fields=["contact_shared_at"])
    audit_record(action=AuditAction.APPLICATION_CONTACT_SHARED, actor=actor, target=application,
                 now=now)
    notify_side(application=application, side=Side.EMPLOYER,
                kind="applications.contact_shared",
                title=_("求职者已向你提供联系方式：%(title)s") % {
                    "title": application.posting.title}, now=now)
    return application
