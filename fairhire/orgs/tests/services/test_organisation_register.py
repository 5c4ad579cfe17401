import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.orgs.models import ArchiveEntry, Membership, Organisation, OrgKind
from fairhire.orgs.services import FeeData, operator_masked, organisation_register
from fairhire.orgs.tests.factories import (
    OPERATOR_ID,
    agency_data,
    employer_data,
    licence_data,
    make_org,
)
from fairhire.privacy import crypto

pytestmark = pytest.mark.django_db


@pytest.mark.req("R17.1")
def test_an_operator_registers_an_employer_becomes_owner_and_the_pi_is_encrypted():
    operator = make_user(Role.EMPLOYER_STAFF)
    org = organisation_register(actor=operator, kind=OrgKind.EMPLOYER, data=employer_data())
    org.refresh_from_db()
    assert org.status == Organisation.Status.DRAFT
    assert Membership.objects.get(user=operator).role == Membership.Role.OWNER
    assert OPERATOR_ID not in org.operator_id_number_enc
    assert "13812345678" not in org.operator_phone_enc
    assert org.operator_id_number_index == crypto.blind_index(
        OPERATOR_ID, purpose=crypto.Purpose.ID_NUMBER)
    assert operator_masked(org) == {"id_number": "110***********" + OPERATOR_ID[-4:],
                                    "phone": "138****5678"}
    assert org.archive.get().kind == ArchiveEntry.Kind.REGISTERED
    event = AuditEvent.objects.get(action=AuditAction.ORG_REGISTERED)
    assert event.target_id == str(org.pk)
    assert OPERATOR_ID not in str(event.details)


def test_the_ciphertext_does_not_decrypt_on_another_row():
    first, second = make_org(), make_org()
    second.operator_id_number_enc = first.operator_id_number_enc
    with pytest.raises(crypto.DecryptionError):
        operator_masked(second)


@pytest.mark.parametrize(("override", "field", "fragment"), [
    ({"uscc": "91350100M000100Y44"}, "uscc", "校验位不正确"),
    ({"operator_id_number": OPERATOR_ID[:-1] + ("0" if OPERATOR_ID[-1] != "0" else "1")},
     "operator_id_number", "校验位不正确"),
    ({"operator_id_number": "110105201501011234"}, "operator_id_number", ""),
    ({"operator_phone": "12345"}, "operator_phone", "手机号码"),
    ({"region_code": "99"}, "region_code", "行政区划代码"),
])
def test_bad_identifiers_are_refused_next_to_their_field(override, field, fragment):
    with pytest.raises(InvalidInput) as refused:
        organisation_register(actor=make_user(Role.EMPLOYER_STAFF), kind=OrgKind.EMPLOYER,
                              data=employer_data(**override))
    assert refused.value.field == field
    assert fragment in refused.value.message
    assert not Organisation.objects.exists()


def test_the_same_credit_code_cannot_register_twice():
    first = make_org()
    with pytest.raises(RuleViolation) as refused:
        make_org(uscc=first.uscc)
    assert refused.value.field == "uscc"


@pytest.mark.parametrize("role", [Role.SEEKER, Role.REVIEWER, Role.AGENCY_STAFF])
def test_only_employer_staff_register_an_employer(role):
    with pytest.raises(PermissionDenied):
        organisation_register(actor=make_user(role), kind=OrgKind.EMPLOYER, data=employer_data())
    assert not AuditEvent.objects.filter(action=AuditAction.ORG_REGISTERED).exists()


def test_someone_who_already_belongs_to_an_organisation_cannot_register_another():
    org = make_org()
    owner = org.memberships.get().user
    with pytest.raises(PermissionDenied):
        organisation_register(actor=owner, kind=OrgKind.EMPLOYER, data=employer_data())


@pytest.mark.req("R9")
@pytest.mark.req("R10")
@pytest.mark.req("R11")
@pytest.mark.req("GN8.3")
def test_an_agency_registers_with_its_licences_service_types_and_fees():
    org = make_org(OrgKind.AGENCY, telecom_licence=licence_data(scope=["信息服务业务"]))
    assert org.service_types == ["introduce_employers", "online_job_fairs"]
    assert org.telecom_declared
    assert set(org.licences.values_list("kind", flat=True)) == {"hr_service", "telecom"}
    assert org.fee_items.get().standard == "每条 200 元"
    assert org.legal_representative == "王建国"


@pytest.mark.req("R19.2")
@pytest.mark.parametrize("fee", [
    FeeData(item="入职押金", standard="500 元", payer="worker"),
    FeeData(item="服装费", standard="保 证 金 300 元，离职退还", payer="worker"),
])
def test_a_fee_charging_workers_a_deposit_is_refused(fee):
    with pytest.raises(InvalidInput) as refused:
        make_org(OrgKind.AGENCY, fees=[fee])
    assert refused.value.field == "fees"
    assert "押金" in refused.value.message
    assert not Organisation.objects.exists()


@pytest.mark.req("R19.2")
def test_a_guarantee_the_employer_pays_the_agency_is_lawful():
    org = make_org(OrgKind.AGENCY, fees=[
        FeeData(item="招聘服务保证金", standard="5000 元，合同期满退还", payer="employer")])
    assert org.fee_items.get().payer == "employer"


@pytest.mark.req("R9")
@pytest.mark.parametrize(("override", "field"), [
    ({"hr_licence": None}, "hr_licence"),
    ({"service_types": []}, "service_types"),
    ({"service_types": ["astrology"]}, "service_types"),
])
def test_an_agency_without_licence_or_service_types_is_refused(override, field):
    with pytest.raises(InvalidInput) as refused:
        organisation_register(actor=make_user(Role.AGENCY_STAFF), kind=OrgKind.AGENCY,
                              data=agency_data(**override))
    assert refused.value.field == field
