from dataclasses import fields
from datetime import UTC, datetime, timedelta

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.ledger.models import Entry
from fairhire.orgs import services as org_services
from fairhire.orgs.models import OrgKind
from fairhire.orgs.tests.factories import make_org, make_verified, owner_of
from fairhire.postings.models import JobPosting, PostingVersion
from fairhire.postings.services import (
    PostingData,
    entrustment_grant,
    entrustment_revoke,
    posting_create,
    posting_submit,
)
from fairhire.postings.tests.factories import (
    entrust,
    make_posting,
    make_published,
    posting_data,
    recruiter_of,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

R15_FIELDS = {
    "title": "", "headcount": None, "employment_type": "", "duties": "",
    "working_conditions": "", "work_region_code": "", "work_address": "", "pay_min": None,
    "occupation_code": "", "valid_until": None,
}


def test_a_complete_posting_of_a_new_employer_goes_to_review_with_its_version_kept():
    posting = make_posting(now=NOW)
    posting = posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert (posting.status, posting.version) == (JobPosting.Status.IN_REVIEW, 1)
    version = PostingVersion.objects.get(posting=posting)
    assert version.content["title"] == "门店营业员"
    assert version.content["pay_min"] == 4000
    assert version.screening["flags"] == [] and version.screening["ruleset"]
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_SUBMITTED,
                                     target_id=str(posting.pk)).exists()
    entry = Entry.objects.get(kind="postings.posting_version")
    assert entry.object == f"postings.jobposting:{posting.pk}"


@pytest.mark.req("R15.1")
@pytest.mark.parametrize("field", sorted(R15_FIELDS))
def test_every_required_field_is_refused_with_a_message_for_that_field(field):
    posting = make_posting(now=NOW, **{field: R15_FIELDS[field]})
    with pytest.raises(InvalidInput) as refused:
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert list(refused.value.extra["errors"]) == [field]
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.DRAFT
    assert not PostingVersion.objects.exists()


@pytest.mark.req("R15.1")
def test_requirements_may_be_given_as_text_education_or_experience_but_not_left_out():
    posting = make_posting(now=NOW, requirements="", education_code="", experience_years=None)
    with pytest.raises(InvalidInput) as refused:
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert set(refused.value.extra["errors"]) == {"requirements"}


@pytest.mark.req("GN8.1")
def test_a_gig_posting_needs_its_period_settlement_and_contact():
    posting = make_posting(now=NOW, kind="gig", pay_schedule="", employment_type="gig")
    with pytest.raises(InvalidInput) as refused:
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert set(refused.value.extra["errors"]) == {"work_period", "pay_schedule", "contact"}


@pytest.mark.req("R15.1")
def test_unknown_codes_are_refused_by_field():
    posting = make_posting(now=NOW, work_region_code="999999", occupation_code="9-99")
    with pytest.raises(InvalidInput) as refused:
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert set(refused.value.extra["errors"]) == {"work_region_code", "occupation_code"}


@pytest.mark.req("R17.1")
def test_an_unverified_employer_cannot_submit_a_posting():
    employer = make_org(now=NOW)
    posting = posting_create(actor=owner_of(employer), data=posting_data(), now=NOW)
    with pytest.raises(RuleViolation) as refused:
        posting_submit(actor=owner_of(employer), posting=posting, now=NOW)
    assert refused.value.code == "posting.publisher_not_allowed"
    assert not PostingVersion.objects.exists()


@pytest.mark.req("R17.1")
def test_a_suspended_employer_cannot_submit_a_posting():
    from fairhire.orgs.models import Organisation

    posting = make_posting(now=NOW)
    # No service suspends an employer by hand yet; orgs suspends on an expired licence.
    Organisation.objects.filter(pk=posting.employer_id).update(
        status=Organisation.Status.SUSPENDED)
    with pytest.raises(RuleViolation) as refused:
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert refused.value.code == "posting.publisher_not_allowed"
    assert not PostingVersion.objects.exists()


@pytest.mark.req("R17.1")
def test_an_employer_whose_verification_was_withdrawn_cannot_submit():
    later = NOW + timedelta(days=400)  # re-verification falls due
    posting = make_posting(now=NOW, valid_until=(later + timedelta(days=30)).date())
    org_services.organisations_reverify(now=later)
    org_services.organisation_decide(actor=make_user(Role.REVIEWER),
                                     organisation=posting.employer, decision="reject",
                                     reason="营业执照已被吊销", now=later)
    with pytest.raises(RuleViolation):
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=later)


@pytest.mark.req("R17.1")
def test_an_agency_suspended_for_an_expired_licence_cannot_submit_for_an_employer():
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    employer = make_verified(now=NOW)
    entrust(employer=employer, agency=agency, now=NOW)
    posting = posting_create(actor=owner_of(agency), data=posting_data(), employer=employer,
                             now=NOW)
    org_services.organisations_reverify(now=NOW + timedelta(days=4 * 365))
    with pytest.raises(RuleViolation) as refused:
        posting_submit(actor=owner_of(agency), posting=posting, now=NOW)
    assert refused.value.code == "posting.publisher_not_allowed"


@pytest.mark.req("R15.2")
def test_a_blocking_flag_stops_submission_with_the_text_and_the_fix():
    posting = make_posting(now=NOW, requirements="限男性，本科及以上学历。")
    with pytest.raises(RuleViolation) as refused:
        posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    flag = refused.value.extra["flags"][0]
    assert flag["field"] == "requirements" and flag["category"] == "gender"
    assert posting.requirements[flag["start"]:flag["end"]] == flag["excerpt"]
    assert flag["message"]
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.DRAFT
    assert not AuditEvent.objects.filter(action=AuditAction.POSTING_SUBMITTED).exists()


def test_a_blocking_flag_goes_to_the_reviewer_when_the_employer_asks_for_an_exception():
    posting = make_posting(now=NOW, requirements="井下采掘作业，限男性。")
    posting = posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW,
                             exception_request="井下作业属于女职工禁忌从事的劳动范围。")
    assert posting.status == JobPosting.Status.IN_REVIEW
    assert posting.open_blocking_flags().count() == 1


def test_review_flags_send_the_posting_to_the_queue_with_highlights():
    posting = make_posting(now=NOW, requirements="年龄22-30岁，大专以上学历。")
    posting = posting_submit(actor=owner_of(posting.employer), posting=posting, now=NOW)
    assert posting.status == JobPosting.Status.IN_REVIEW
    flag = posting.current_version.flags.get()
    assert (flag.category, flag.severity, flag.field) == ("age", "review", "requirements")


def test_a_clean_posting_of_an_established_employer_is_published_at_once():
    first = make_published(now=NOW)
    second = posting_create(actor=owner_of(first.employer), data=posting_data(), now=NOW)
    second = posting_submit(actor=owner_of(first.employer), posting=second, now=NOW)
    assert second.status == JobPosting.Status.PUBLISHED
    assert second.unit_snapshot["name"] == first.employer.name


@pytest.mark.parametrize("role", [Role.SEEKER, Role.REVIEWER, Role.EMPLOYER_STAFF])
def test_only_the_posting_employers_recruiters_may_submit(role):
    posting = make_posting(now=NOW)
    with pytest.raises(PermissionDenied):
        posting_submit(actor=make_user(role), posting=posting, now=NOW)


@pytest.mark.req("R17.1")
def test_an_operable_agency_posts_for_an_employer_with_the_entrustment_recorded():
    employer = make_verified(now=NOW)
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    grant = entrust(employer=employer, agency=agency, reference="委托书 2026-018", now=NOW)
    posting = posting_create(actor=owner_of(agency), data=posting_data(), employer=employer,
                             now=NOW)
    posting = posting_submit(actor=owner_of(agency), posting=posting, now=NOW)
    assert (posting.status, posting.agency, posting.employer, posting.entrustment_grant) == (
        JobPosting.Status.IN_REVIEW, agency, employer, grant)
    assert posting.current_version.content["entrustment"] == "委托书 2026-018"
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_ENTRUSTMENT_GRANTED).exists()


@pytest.mark.req("R17.1")
def test_an_agency_cannot_post_for_an_employer_that_did_not_entrust_it():
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    with pytest.raises(RuleViolation) as refused:
        posting_create(actor=owner_of(agency), data=PostingData(), employer=make_verified())
    assert refused.value.code == "posting.not_entrusted"
    with pytest.raises(InvalidInput):
        posting_create(actor=owner_of(agency), data=PostingData())
    assert not JobPosting.objects.exists()


@pytest.mark.req("R17.1")
def test_after_the_employer_revokes_the_entrustment_the_agency_cannot_submit():
    employer = make_verified(now=NOW)
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    grant = entrust(employer=employer, agency=agency, now=NOW)
    posting = posting_create(actor=owner_of(agency), data=posting_data(), employer=employer,
                             now=NOW)
    entrustment_revoke(actor=owner_of(employer), entrustment=grant, now=NOW)
    with pytest.raises(RuleViolation) as refused:
        posting_submit(actor=owner_of(agency), posting=posting, now=NOW)
    assert refused.value.code == "posting.publisher_not_allowed"
    assert AuditEvent.objects.filter(action=AuditAction.POSTING_ENTRUSTMENT_REVOKED).exists()


def test_an_entrustment_ends_on_its_valid_until_date():
    employer = make_verified(now=NOW)
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    entrust(employer=employer, agency=agency, valid_until=NOW.date() + timedelta(days=5),
            now=NOW)
    later = NOW + timedelta(days=6)
    with pytest.raises(RuleViolation):
        posting_create(actor=owner_of(agency), data=posting_data(), employer=employer,
                       now=later)


@pytest.mark.parametrize("who", ["recruiter", "agency_owner", "seeker"])
def test_only_the_employers_owner_entrusts_an_agency(who):
    employer = make_verified(now=NOW)
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    actor = {"recruiter": lambda: recruiter_of(employer), "agency_owner": lambda: owner_of(agency),
             "seeker": lambda: make_user(Role.SEEKER)}[who]()
    with pytest.raises(PermissionDenied):
        entrustment_grant(actor=actor, agency=agency, reference="委托书 1", now=NOW)


def test_only_a_verified_agency_can_be_entrusted_and_only_once_at_a_time():
    employer = make_verified(now=NOW)
    with pytest.raises(InvalidInput) as refused:
        entrustment_grant(actor=owner_of(employer), agency=make_verified(now=NOW),
                          reference="委托书 1", now=NOW)
    assert set(refused.value.extra["errors"]) == {"agency"}
    agency = make_verified(OrgKind.AGENCY, now=NOW)
    entrust(employer=employer, agency=agency, now=NOW)
    with pytest.raises(RuleViolation):
        entrust(employer=employer, agency=agency, now=NOW)


def test_posting_data_names_only_real_posting_fields():
    assert {f.name for f in fields(PostingData)} <= {f.name for f in JobPosting._meta.fields}
