"""Fee standards edited after registration: same rules as at registration (Art. 19)."""

import pytest

from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound
from fairhire.core.models import AuditEvent
from fairhire.orgs.models import ArchiveEntry, OrgKind
from fairhire.orgs.policies import can_operate_agency
from fairhire.orgs.services import FeeData, fee_items_replace
from fairhire.orgs.tests.factories import TODAY, make_org, make_verified, owner_of

pytestmark = pytest.mark.django_db


@pytest.mark.req("R19.3")
def test_an_agency_publishes_a_new_fee_schedule_and_the_old_one_is_archived():
    agency = make_verified(OrgKind.AGENCY)
    fee_items_replace(actor=owner_of(agency), organisation=agency, fees=[
        FeeData(item="网络招聘会展位", standard="每场 900 元"),
        FeeData(item="职业指导", standard="每次 50 元", payer="worker")])
    assert [(f.item, f.payer) for f in agency.fee_items.all()] == [
        ("网络招聘会展位", "employer"), ("职业指导", "worker")]
    entry = agency.archive.get(kind=ArchiveEntry.Kind.FEES_CHANGED)
    assert entry.details["old"][0]["standard"] == "每条 200 元"
    assert AuditEvent.objects.filter(action=AuditAction.ORG_FEES_CHANGED).count() == 1
    assert can_operate_agency(organisation=agency, today=TODAY)


@pytest.mark.req("R19.2")
@pytest.mark.parametrize("standard", ["入职押金 500 元", "保 证 金 300 元", "押金300元（可退）"])
def test_a_worker_paid_deposit_is_still_refused_after_registration(standard):
    agency = make_verified(OrgKind.AGENCY)
    with pytest.raises(InvalidInput) as refused:
        fee_items_replace(actor=owner_of(agency), organisation=agency, fees=[
            FeeData(item="求职登记", standard=standard, payer="worker")])
    assert refused.value.code == "orgs.deposit_fee"
    assert [f.standard for f in agency.fee_items.all()] == ["每条 200 元"]
    assert not AuditEvent.objects.filter(action=AuditAction.ORG_FEES_CHANGED).exists()


@pytest.mark.req("R19.3")
def test_the_fee_schedule_cannot_be_emptied():
    agency = make_verified(OrgKind.AGENCY)
    with pytest.raises(InvalidInput):
        fee_items_replace(actor=owner_of(agency), organisation=agency, fees=[])
    assert agency.fee_items.count() == 1


def test_only_the_agencys_owner_may_edit_its_fees():
    agency = make_verified(OrgKind.AGENCY)
    employer = make_org()
    for actor, organisation in ((owner_of(make_org(OrgKind.AGENCY)), agency),
                                (owner_of(employer), employer)):
        with pytest.raises(NotFound):
            fee_items_replace(actor=actor, organisation=organisation,
                              fees=[FeeData(item="x", standard="1 元")])
