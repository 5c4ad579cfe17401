from datetime import timedelta

import pytest
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.errors import NotFound
from fairhire.orgs.models import Licence, Membership, OrgKind
from fairhire.orgs.policies import agency_operation_blockers, can_operate_agency
from fairhire.orgs.selectors import organisation_get
from fairhire.orgs.services import membership_invite
from fairhire.orgs.tests.factories import licence_data, make_org, make_verified, owner_of

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.mark.req("R9")
@pytest.mark.req("R25")
def test_a_verified_licensed_agency_with_published_fees_may_operate():
    assert can_operate_agency(organisation=make_verified(OrgKind.AGENCY), today=TODAY)


@pytest.mark.req("R9")
def test_an_unverified_agency_cannot_operate():
    agency = make_org(OrgKind.AGENCY)
    assert agency_operation_blockers(organisation=agency, today=TODAY) == [
        "尚未通过平台核验或已被暂停。"]


@pytest.mark.req("R9")
@pytest.mark.req("R25")
def test_an_agency_whose_licence_expired_cannot_operate():
    agency = make_verified(OrgKind.AGENCY, hr_licence=licence_data(
        expires_on=TODAY + timedelta(days=10)))
    assert can_operate_agency(organisation=agency, today=TODAY)
    assert not can_operate_agency(organisation=agency, today=TODAY + timedelta(days=11))


@pytest.mark.req("R10")
def test_an_agency_without_the_online_recruitment_scope_cannot_operate():
    agency = make_verified(OrgKind.AGENCY, hr_licence=licence_data(scope=["职业介绍"]))
    assert "许可范围不含“开展网络招聘服务”。" in agency_operation_blockers(
        organisation=agency, today=TODAY)


@pytest.mark.req("R9")
def test_an_agency_declaring_telecom_business_needs_a_valid_telecom_licence():
    agency = make_verified(OrgKind.AGENCY, telecom_licence=licence_data())
    Licence.objects.create(organisation=agency, kind=Licence.Kind.TELECOM, number="B2-1",
                           authority="通信管理局", issued_on=TODAY - timedelta(days=900),
                           expires_on=TODAY - timedelta(days=1))
    assert not can_operate_agency(organisation=agency, today=TODAY)


@pytest.mark.req("R19.3")
def test_an_agency_that_published_no_fees_cannot_operate():
    agency = make_verified(OrgKind.AGENCY, fees=[])
    assert agency_operation_blockers(organisation=agency, today=TODAY) == [
        "尚未公示服务项目和收费标准。"]


def test_one_employers_staff_get_404_on_another_employers_records():
    mine, theirs = make_org(), make_org()
    recruiter = make_user(Role.EMPLOYER_STAFF)
    membership_invite(actor=owner_of(mine), organisation=mine, username=recruiter.username,
                      role=Membership.Role.RECRUITER)
    assert organisation_get(actor=recruiter, organisation_id=mine.pk) == mine
    for person in (recruiter, owner_of(mine)):
        with pytest.raises(NotFound):
            organisation_get(actor=person, organisation_id=theirs.pk)


def test_an_inspector_sees_only_organisations_in_the_jurisdiction():
    taiyuan, beijing = make_org(), make_org(region_code="110105")
    inspector = make_user(Role.INSPECTOR, jurisdiction="140100")
    assert organisation_get(actor=inspector, organisation_id=taiyuan.pk) == taiyuan
    with pytest.raises(NotFound):
        organisation_get(actor=inspector, organisation_id=beijing.pk)


def test_only_owners_invite_and_only_recruiters_or_viewers():
    org = make_org()
    viewer = make_user(Role.EMPLOYER_STAFF)
    membership_invite(actor=owner_of(org), organisation=org, username=viewer.username,
                      role=Membership.Role.VIEWER)
    with pytest.raises(NotFound):
        membership_invite(actor=viewer, organisation=org,
                          username=make_user(Role.EMPLOYER_STAFF).username, role="viewer")
