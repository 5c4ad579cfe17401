"""Licence renewal: a new licence and document send the organisation back to review."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.orgs.models import ArchiveEntry, Document, Organisation, OrgKind
from fairhire.orgs.policies import can_operate_agency, current_licence
from fairhire.orgs.selectors import review_queue
from fairhire.orgs.services import (
    licence_renew,
    organisation_decide,
    organisation_submit,
    organisations_reverify,
)
from fairhire.orgs.tests.factories import (
    licence_data,
    make_org,
    make_verified,
    owner_of,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db
NOW = timezone.now()
TODAY = timezone.localdate(NOW)


def suspended_agency():
    agency = make_verified(OrgKind.AGENCY, hr_licence=licence_data(
        expires_on=TODAY + timedelta(days=5)))
    organisations_reverify(now=NOW + timedelta(days=6))
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.SUSPENDED
    return agency


def renew(org, *, now=NOW, kind="hr_service", **overrides):
    return licence_renew(actor=owner_of(org), organisation=org, kind=kind,
                         licence=licence_data(**overrides), filename="新证.pdf",
                         data=pdf_bytes("renewed"), now=now)


@pytest.mark.req("R25")
def test_a_suspended_agency_renews_and_is_verified_again_only_by_a_reviewer(
        mailoutbox, django_capture_on_commit_callbacks):
    # given
    agency = suspended_agency()
    reviewer = make_user(Role.REVIEWER, email="rev@example.com")
    later = NOW + timedelta(days=7)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        licence = renew(agency, now=later, number="晋人服证字[2027]第8号",
                        expires_on=TODAY + timedelta(days=5 * 365))
    # then: pending, not verified, and still unable to operate
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.PENDING
    assert current_licence(agency, "hr_service") == licence
    assert agency.licences.count() == 2  # the old licence stays on record
    assert agency.documents.filter(kind=Document.Kind.HR_LICENCE).count() == 2
    assert not can_operate_agency(organisation=agency, today=timezone.localdate(later))
    assert agency in review_queue(actor=reviewer)
    entry = agency.archive.get(kind=ArchiveEntry.Kind.LICENCE_RENEWED)
    assert entry.documents[0]["version"] == 2
    assert AuditEvent.objects.filter(action=AuditAction.ORG_LICENCE_RENEWED).count() == 1
    assert "rev@example.com" in mailoutbox[-1].to
    # and the reviewer's approval restores it
    organisation_decide(actor=reviewer, organisation=agency, decision="approve", now=later)
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.VERIFIED
    assert can_operate_agency(organisation=agency, today=timezone.localdate(later))


@pytest.mark.req("R25")
def test_a_suspended_agency_cannot_be_approved_while_its_licence_is_expired():
    agency = suspended_agency()
    # Resubmitting without recording the renewed licence is not enough.
    organisation_submit(actor=owner_of(agency), organisation=agency,
                        now=NOW + timedelta(days=7))
    with pytest.raises(RuleViolation) as refused:
        organisation_decide(actor=make_user(Role.REVIEWER), organisation=agency,
                            decision="approve", now=NOW + timedelta(days=7))
    assert refused.value.code == "orgs.licence_expired"
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.PENDING


@pytest.mark.req("R25")
def test_a_verified_agency_that_renews_keeps_operating_and_joins_the_reverification_queue():
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    renew(agency)
    agency.refresh_from_db()
    assert agency.status == Organisation.Status.VERIFIED
    assert agency.reverify_due == TODAY
    assert agency in review_queue(actor=make_user(Role.REVIEWER), today=TODAY)
    assert can_operate_agency(organisation=agency, today=TODAY)


@pytest.mark.req("R25")
def test_an_employer_records_its_business_licence_term_and_is_suspended_when_it_ends():
    employer = make_verified(now=NOW)
    licence_renew(actor=owner_of(employer), organisation=employer, kind="business",
                  licence=licence_data(scope=[], expires_on=TODAY + timedelta(days=3)),
                  filename="营业执照.png", data=pdf_bytes(), now=NOW)
    assert employer.documents.filter(kind=Document.Kind.BUSINESS_LICENCE).count() == 2
    organisations_reverify(now=NOW + timedelta(days=4))
    employer.refresh_from_db()
    assert employer.status == Organisation.Status.SUSPENDED


@pytest.mark.parametrize(("overrides", "code"), [
    ({"expires_on": TODAY - timedelta(days=1),
      "issued_on": TODAY - timedelta(days=400)}, "orgs.licence_dates"),
    ({"issued_on": TODAY + timedelta(days=1)}, "orgs.licence_dates"),
])
def test_a_renewal_with_impossible_or_past_dates_is_refused_and_changes_nothing(
        overrides, code):
    agency = make_verified(OrgKind.AGENCY)
    with pytest.raises(InvalidInput) as refused:
        renew(agency, **overrides)
    assert refused.value.code == code
    assert agency.licences.count() == 1
    assert not AuditEvent.objects.filter(action=AuditAction.ORG_LICENCE_RENEWED).exists()


def test_an_employer_cannot_record_an_hr_service_licence():
    with pytest.raises(InvalidInput):
        renew(make_verified(), kind="hr_service")


def test_only_the_owner_may_renew():
    agency = make_verified(OrgKind.AGENCY)
    stranger = owner_of(make_org(OrgKind.AGENCY))
    with pytest.raises(NotFound):
        licence_renew(actor=stranger, organisation=agency, kind="hr_service",
                      licence=licence_data(), filename="a.pdf", data=pdf_bytes())
    assert agency.licences.count() == 1
