"""A seeker's rights over their data: see and download, correct, withdraw consent, close the
account (PIPL Arts 15, 44-47; SECURITY.md controls 13, 15). Each request is tracked with the
time it arrived and the time it was done."""

from __future__ import annotations

import base64
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.services import user_account_close
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, RuleViolation
from fairhire.ledger.services import retention_require_expired, retention_set
from fairhire.privacy import crypto
from fairhire.privacy import selectors as privacy_selectors
from fairhire.privacy.models import DataRequest, PiExport
from fairhire.privacy.notices import ConsentKind
from fairhire.privacy.services import (
    consent_give,
    consent_withdraw,
    data_request_complete,
    data_request_open,
    pi_export_authorise,
)
from fairhire.profiles.completeness import resume_completeness
from fairhire.profiles.models import GigCard, IdentityImage, Resume, SeekerProfile
from fairhire.profiles.services.registration import email_blind_index, email_check, mobile_check
from fairhire.profiles.services.resumes import _own_profile
from fairhire.search.outbox import outbox_record


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _resume_dict(resume: Resume) -> dict:
    completeness = resume_completeness(resume)
    return {
        "id": resume.pk, "title": resume.title, "visibility": resume.visibility,
        "skills": resume.skills, "skill_codes": resume.skill_codes,
        "expected_occupations": resume.expected_occupations,
        "expected_regions": resume.expected_regions, "employment_types": resume.employment_types,
        "pay_min": resume.pay_min, "pay_max": resume.pay_max,
        "availability": resume.availability, "self_intro": resume.self_intro,
        "education": [{"level": e.level, "school": e.school, "major": e.major,
                       "start": _date(e.start), "end": _date(e.end)}
                      for e in resume.education.all()],
        "work": [{"employer": w.employer, "position": w.position, "start": _date(w.start),
                  "end": _date(w.end), "duties": w.duties} for w in resume.work.all()],
        "certificates": [{"title": c.title, "issuer": c.issuer, "obtained": _date(c.obtained)}
                         for c in resume.certificates.all()],
        "languages": [{"language": lang.language, "level": lang.level}
                      for lang in resume.languages.all()],
        "completeness": completeness.percent,
        "missing": [label for _code, label in completeness.missing],
        "created_at": resume.created_at.isoformat(), "updated_at": resume.updated_at.isoformat(),
    }


def my_data_collect(*, profile: SeekerProfile, with_images: bool = False) -> dict:
    """Everything FairHire holds about the person, decrypted -- for that person only. The
    download carries the identity images themselves (base64); the page lists them."""
    user = profile.user
    card = GigCard.objects.filter(owner=profile).first()
    return {
        "account": {"username": user.username, "role": user.role,
                    "date_joined": user.date_joined.isoformat()},
        "profile": {**{column: profile.unseal(column) for column in profile.SEALED_FIELDS},
                    "verified_at": _date(profile.verified_at), "status": profile.status,
                    "created_at": profile.created_at.isoformat()},
        "resumes": [_resume_dict(r) for r in profile.resumes.all()],
        "identity_images": [
            {"side": i.side, "content_type": i.content_type, "size": i.size, "sha256": i.sha256,
             "uploaded_at": i.uploaded_at.isoformat(),
             "data_base64": base64.b64encode(i.unseal_bytes("image")).decode("ascii")}
            for i in profile.identity_images.all()] if with_images else [
            {"side": i.side, "label": str(i.get_side_display()), "size": i.size,
             "uploaded_at": i.uploaded_at.isoformat()}
            for i in profile.identity_images.defer("image")],
        "gig_card": None if card is None else {
            "work_types": card.work_types, "skill_level": card.skill_level,
            "daily_pay": card.daily_pay, "districts": card.districts, "hours": card.hours},
        "consents": [{"kind": c.kind, "notice_version": c.notice_version,
                      "given_at": c.given_at.isoformat(), "withdrawn_at": _date(c.withdrawn_at)}
                     for c in privacy_selectors.consent_list(user=user)],
        "data_requests": [{"kind": r.kind, "status": r.status,
                           "received_at": r.received_at.isoformat(),
                           "completed_at": _date(r.completed_at)}
                          for r in privacy_selectors.data_request_list(user=user)],
        "viewed_by": [{"account": a.viewer_account, "role": a.viewer_role, "fields": a.fields,
                       "purpose": a.purpose, "at": a.created_at.isoformat()}
                      for a in privacy_selectors.access_log_about(user=user)],
    }


@transaction.atomic
def my_data_download(*, actor, now: datetime | None = None) -> dict:
    """Hand the person a machine-readable copy of their data (PIPL Art 45), logged as an export
    to its subject."""
    now = now or timezone.now()
    profile = _own_profile(actor)
    request = data_request_open(user=actor, kind=DataRequest.Kind.DOWNLOAD, now=now)
    data = my_data_collect(profile=profile, with_images=True)
    pi_export_authorise(actor=actor, dataset="profiles.self", destination=PiExport.SUBJECT,
                        purpose="本人查阅、下载个人信息", record_count=1, now=now)
    data_request_complete(request=request, now=now)
    return data


@transaction.atomic
def seeker_profile_correct(*, actor, phone: str | None = None, email: str | None = None,
                           address: str | None = None, now: datetime | None = None
                           ) -> SeekerProfile:
    """Correct contact details (PIPL Art 46). Name and ID number are corrected through a new
    real-name check, not here."""
    now = now or timezone.now()
    profile = _own_profile(actor)
    changed = []
    if phone is not None:
        mobile = mobile_check(phone)
        profile.seal("phone", mobile)
        profile.phone_index = crypto.blind_index(mobile, purpose=crypto.Purpose.PHONE)
        changed.append("phone")
    if email is not None:
        email = email_check(email)
        profile.seal("email", email)
        profile.email_index = email_blind_index(email)
        changed.append("email")
    if address is not None:
        profile.seal("address", address.strip()[:200])
        changed.append("address")
    if not changed:
        return profile
    request = data_request_open(user=actor, kind=DataRequest.Kind.CORRECT,
                                details={"fields": changed}, now=now)
    profile.updated_at = now
    profile.save()
    data_request_complete(request=request, now=now)
    audit_record(action=AuditAction.SEEKER_PROFILE_CORRECTED, actor=actor, target=profile,
                 details={"fields": changed}, now=now)
    return profile


def _consent_kind(kind: str) -> ConsentKind:
    try:
        return ConsentKind(kind)
    except ValueError:
        raise InvalidInput(_("未知的同意事项。"), code="privacy.consent_kind",
                           field="kind") from None


@transaction.atomic
def seeker_consent_give(*, actor, kind: str, now: datetime | None = None):
    """Give (again) the general or the résumé-sending consent: as easy as withdrawing it.

    The ID-number consent is given only with a new real-name check, which needs the number.
    """
    _own_profile(actor)
    kind = _consent_kind(kind)
    if kind == ConsentKind.ID_NUMBER:
        raise RuleViolation(_("重新同意处理身份证号码需要重新进行实名核验。"),
                            code="profiles.reverify_required")
    return consent_give(user=actor, kind=kind, now=now)


@transaction.atomic
def seeker_consent_withdraw(*, actor, kind: str, now: datetime | None = None) -> SeekerProfile:
    """Withdraw a consent and apply what follows from it at once (SECURITY.md control 13).

    * ID number: the ID number, birth date and ID-card photos are erased and the profile is no
      longer verified; the blind index stays, because one person one account is a legal duty,
      not a consent.
    * General notice: every résumé is hidden.
    * Résumé sending: employers lose access because they check the consent on every read.
    """
    now = now or timezone.now()
    profile = _own_profile(actor)
    kind = _consent_kind(kind)
    request = data_request_open(user=actor, kind=DataRequest.Kind.WITHDRAW,
                                details={"consent": kind}, now=now)
    consent_withdraw(user=actor, kind=kind, now=now)
    if kind == ConsentKind.ID_NUMBER:
        profile.seal("id_number", "")
        profile.seal("birth_date", "")
        profile.verified_at = None
        profile.identity_images.all().delete()
    elif kind == ConsentKind.GENERAL:
        profile.resumes.update(visibility=Resume.Visibility.HIDDEN, updated_at=now)
    profile.updated_at = now
    profile.save()
    data_request_complete(request=request, now=now)
    return profile


RETAINED_ON_CLOSE = ("real_name", "id_number")


@transaction.atomic
def seeker_account_close(*, actor, now: datetime | None = None) -> SeekerProfile:
    """Close the account (PIPL Art. 47; SECURITY.md control 15).

    At once: every consent is withdrawn, the account disabled and signed out everywhere, the
    gig card, ID-card photos, contact details, birth date and blind indexes erased (so the same
    person may register again), and every résumé deleted -- except a résumé the ledger still
    holds under retention (one sent in an application, say), which is hidden instead.

    Kept, restricted: the real-name record (name and ID number, sealed) is service information
    that Regulation Art. 26 keeps for three years after the service ends. The profile is closed,
    so no search, employer, reviewer or inspector reaches it; its retention starts now, and when
    it ends the ledger's sweep calls :func:`seeker_record_erase`.
    """
    now = now or timezone.now()
    profile = _own_profile(actor)
    request = data_request_open(user=actor, kind=DataRequest.Kind.CLOSE, now=now)
    for kind in ConsentKind.values:
        if privacy_selectors.consent_is_active(user=actor, kind=kind):
            consent_withdraw(user=actor, kind=kind, now=now)
    restricted = []
    for resume in profile.resumes.all():
        outbox_record(kind="resume", object_id=resume.pk)  # out of the search index too
        try:
            retention_require_expired(obj=resume, now=now)
        except RuleViolation:
            restricted.append(resume.pk)
        else:
            resume.delete()
    Resume.objects.filter(pk__in=restricted).update(visibility=Resume.Visibility.HIDDEN,
                                                    updated_at=now)
    GigCard.objects.filter(owner=profile).delete()
    IdentityImage.objects.filter(owner=profile).delete()
    for column in profile.SEALED_FIELDS:
        if column not in RETAINED_ON_CLOSE:
            profile.seal(column, "")
    profile.id_number_index = None
    profile.phone_index = profile.email_index = ""
    profile.verified_at = None
    profile.status = SeekerProfile.Status.CLOSED
    profile.closed_at = profile.updated_at = now
    profile.save()
    retention = retention_set(obj=profile, completed_at=now, actor=actor, now=now)
    user_account_close(user=actor, now=now)
    audit_record(action=AuditAction.SEEKER_ACCOUNT_CLOSED, actor=actor, target=profile,
                 details={"restricted_resumes": restricted,
                          "retain_until": retention.retain_until.isoformat()}, now=now)
    data_request_complete(request=request, details={"restricted_resumes": restricted,
                                                    "retain_until":
                                                    retention.retain_until.isoformat()}, now=now)
    return profile


def seeker_record_erase(*, pk: str, now: datetime) -> None:
    """Erase what was kept of a closed seeker when its retention ends (Regulation Art. 26;
    PIPL Art. 47): the sealed real-name record, and the résumés kept restricted. Called by the
    ledger's retention sweep, in its transaction, after it redacted the ledger's own entries."""
    profile = SeekerProfile.objects.select_for_update().filter(
        pk=pk, status=SeekerProfile.Status.CLOSED, erased_at=None).first()
    if profile is None:
        return
    for column in profile.SEALED_FIELDS:
        profile.seal(column, "")
    profile.erased_at = profile.updated_at = now
    profile.save()
    for resume in profile.resumes.all():
        resume_erase(pk=resume.pk, now=now)
    audit_record(action=AuditAction.SEEKER_RECORD_ERASED, target=profile, account="ledger",
                 now=now)


def resume_erase(*, pk, now: datetime) -> None:
    """Delete a closed seeker's résumé that was kept restricted, once nothing in the ledger
    holds it any longer (also the ledger's eraser for a résumé with its own retention)."""
    resume = Resume.objects.filter(pk=pk, owner__status=SeekerProfile.Status.CLOSED).first()
    if resume is None:
        return
    try:
        retention_require_expired(obj=resume, now=now)
    except RuleViolation:
        return  # its own retention runs longer; its own sweep deletes it
    resume.delete()
