"""Consent records: versioned, separate for the ID number, withdrawable (R21.1)."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.privacy import selectors
from fairhire.privacy.notices import ConsentKind, notice_current
from fairhire.privacy.services import consent_give, consent_withdraw
from fairhire.profiles.tests.factories import NOW

pytestmark = pytest.mark.django_db


@pytest.mark.req("R21.1")
def test_a_consent_records_the_notice_version_and_is_audited():
    user = make_user(Role.SEEKER)
    consent = consent_give(user=user, kind=ConsentKind.RESUME_SENDING, now=NOW)
    assert (consent.notice_version, consent.given_at, consent.active) == (
        notice_current(ConsentKind.RESUME_SENDING).version, NOW, True)
    event = AuditEvent.objects.get(action=AuditAction.CONSENT_GIVEN)
    assert event.details["kind"] == "resume_sending"


@pytest.mark.req("R21.1")
def test_withdrawing_ends_the_consent_at_once_and_is_audited():
    user = make_user(Role.SEEKER)
    consent_give(user=user, kind=ConsentKind.RESUME_SENDING)
    consent_withdraw(user=user, kind=ConsentKind.RESUME_SENDING, now=NOW)
    assert not selectors.consent_is_active(user=user, kind=ConsentKind.RESUME_SENDING)
    assert AuditEvent.objects.filter(action=AuditAction.CONSENT_WITHDRAWN).count() == 1
    # giving it again makes a new record; the history stays
    consent_give(user=user, kind=ConsentKind.RESUME_SENDING)
    assert selectors.consent_list(user=user).count() == 2


def test_withdrawing_a_consent_that_is_not_active_is_refused_and_writes_nothing():
    user = make_user(Role.SEEKER)
    with pytest.raises(RuleViolation):
        consent_withdraw(user=user, kind=ConsentKind.GENERAL)
    assert not AuditEvent.objects.filter(action=AuditAction.CONSENT_WITHDRAWN).exists()


@pytest.mark.req("R26")
def test_giving_and_withdrawing_a_consent_are_sealed_in_the_ledger():
    from fairhire.ledger.models import Entry

    user = make_user(Role.SEEKER)
    consent = consent_give(user=user, kind="resume_sending")
    consent_withdraw(user=user, kind="resume_sending")
    entries = Entry.objects.filter(object_model="consent", object_pk=str(consent.pk))
    assert list(entries.order_by("seq").values_list("kind", flat=True)) == [
        "privacy.consent_given", "privacy.consent_withdrawn"]
