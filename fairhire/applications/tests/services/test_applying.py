"""Applying: the résumé snapshot, the consent record, duplicates, the daily limit, contact."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.applications import services
from fairhire.applications.models import Application
from fairhire.applications.selectors import applicant_identity, resume_for
from fairhire.applications.tests.factories import (
    employer_of,
    make_application,
    make_resume,
)
from fairhire.core.audit import AuditAction
from fairhire.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    RateLimited,
    RuleViolation,
)
from fairhire.core.models import AuditEvent
from fairhire.ledger.models import Entry
from fairhire.postings.services import posting_close
from fairhire.postings.tests.factories import make_published
from fairhire.privacy.models import Consent, PiAccess
from fairhire.privacy.notices import ConsentKind
from fairhire.profiles.services import resume_save, seeker_consent_withdraw
from fairhire.profiles.tests.factories import make_seeker, resume_data

pytestmark = pytest.mark.django_db


@pytest.mark.req("R21.1")
def test_applying_records_the_separate_consent_to_send_the_resume_with_the_application():
    application = make_application()
    consent = Consent.objects.get(user=application.seeker.user, kind=ConsentKind.RESUME_SENDING)
    assert application.consent == consent and consent.active
    assert application.status == Application.Status.RECEIVED
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_SUBMITTED)
    assert event.details["consent"] == consent.pk
    assert Entry.objects.filter(kind="applications.application_submitted",
                                object_pk=str(application.pk)).exists()


@pytest.mark.req("R21.1")
def test_applying_without_the_consent_is_refused_and_nothing_is_recorded():
    seeker = make_seeker()
    resume = make_resume(seeker)
    posting = make_published()
    with pytest.raises(InvalidInput) as refused:
        services.application_submit(actor=seeker.user, posting_id=posting.pk,
                                    resume_id=resume.pk, consent=False)
    assert refused.value.code == "applications.consent_required"
    assert not Application.objects.exists()
    assert not Consent.objects.filter(kind=ConsentKind.RESUME_SENDING).exists()


def test_the_employer_keeps_the_resume_as_it_was_sent_when_the_seeker_edits_it_later():
    resume = make_resume(skills="叉车驾驶")
    application = make_application(resume=resume)
    resume_save(actor=resume.owner.user, resume=resume,
                data=resume_data(skills="已改成别的技能", title="新标题"))
    application.refresh_from_db()
    shown = resume_for(actor=employer_of(application), application=application)
    assert shown["skills"] == "叉车驾驶"
    assert application.resume_title == "仓储物流岗位简历"


def test_a_second_application_to_the_same_posting_is_refused():
    application = make_application()
    with pytest.raises(RuleViolation) as refused:
        make_application(posting=application.posting, seeker=application.seeker)
    assert refused.value.code == "applications.duplicate"
    assert Application.objects.count() == 1


def test_the_daily_limit_refuses_one_more_application_until_tomorrow(settings):
    settings.APPLICATIONS_DAILY_LIMIT = 2
    seeker = make_seeker()
    resume = make_resume(seeker)
    for _n in range(2):
        make_application(seeker=seeker, resume=resume)
    with pytest.raises(RateLimited) as refused:
        make_application(seeker=seeker, resume=resume)
    assert refused.value.code == "applications.daily_limit"
    assert refused.value.until > timezone.now()
    assert Application.objects.count() == 2
    # the next day the seeker may apply again
    make_application(seeker=seeker, resume=resume, now=timezone.now() + timedelta(days=1))


@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.REVIEWER, Role.OPERATOR])
def test_only_seekers_apply(role):
    posting = make_published()
    with pytest.raises(PermissionDenied):
        services.application_submit(actor=make_user(role), posting_id=posting.pk, resume_id=1,
                                    consent=True)


def test_a_closed_posting_takes_no_applications():
    posting = make_published()
    posting_close(posting=posting, actor=employer_of(make_application(posting=posting)))
    with pytest.raises(NotFound):
        make_application(posting=posting)
    assert Application.objects.count() == 1


@pytest.mark.req("R21.2")
def test_the_employer_sees_contact_masked_until_the_seeker_shares_it_and_then_whole_and_logged():
    application = make_application()
    employer = employer_of(application)
    shown = applicant_identity(actor=employer, application=application)
    assert shown["phone"].count("*") == 4 and shown["name"] == "张**"
    assert not PiAccess.objects.exists()

    services.application_contact_share(actor=application.seeker.user, application=application)
    application.refresh_from_db()
    shown = applicant_identity(actor=employer, application=application)
    assert shown["name"] == "张三丰" and "*" not in shown["phone"]
    access = PiAccess.objects.get()
    assert (access.viewer_id, access.subject_id) == (employer.pk, application.seeker.user_id)
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_CONTACT_SHARED).exists()


@pytest.mark.req("R21.1")
def test_withdrawing_the_resume_sending_consent_removes_the_employers_access_at_once():
    application = make_application(share_contact=True)
    employer = employer_of(application)
    assert "*" not in applicant_identity(actor=employer, application=application)["phone"]
    seeker_consent_withdraw(actor=application.seeker.user, kind=ConsentKind.RESUME_SENDING)
    assert applicant_identity(actor=employer, application=application)["phone"].count("*") == 4
    assert resume_for(actor=employer, application=application) is None


def test_employers_never_receive_the_id_number_nor_another_employers_applicant():
    application = make_application(share_contact=True)
    shown = applicant_identity(actor=employer_of(application), application=application)
    assert set(shown) == {"name", "phone", "email"}
    other = employer_of(make_application())
    assert "*" in applicant_identity(actor=other, application=application)["phone"]
