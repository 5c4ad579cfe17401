"""Exports name a destination; abroad needs a recorded approval; every export is logged (R22)."""

from datetime import date

import pytest
from django.db import DatabaseError, transaction

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.privacy.models import PiExport
from fairhire.privacy.services import pi_export_authorise, transfer_approval_record
from fairhire.profiles.tests.factories import NOW

pytestmark = pytest.mark.django_db


def export(actor, destination, **extra):
    data = {"actor": actor, "dataset": "profiles.seekers", "destination": destination,
            "purpose": "向省级平台报送", "lawful_basis": "《网络招聘服务管理规定》第三十条",
            "recipient": "", "record_count": 10, "now": NOW}
    data.update(extra)
    return pi_export_authorise(**data)


@pytest.mark.req("R22")
def test_an_export_within_mainland_china_is_allowed_and_logged():
    operator = make_user(Role.OPERATOR)
    record = export(operator, "cn")
    assert (record.destination, record.allowed, record.actor_id) == ("CN", True, operator.pk)
    assert AuditEvent.objects.filter(action=AuditAction.PI_EXPORTED).count() == 1


@pytest.mark.req("R22")
@pytest.mark.parametrize("destination", ["HK", "US", "SG"])
def test_an_export_abroad_without_approval_is_refused_and_the_refusal_is_logged(destination):
    operator = make_user(Role.OPERATOR)
    with pytest.raises(RuleViolation) as refused:
        export(operator, destination, recipient="Acme Ltd")
    assert refused.value.code == "privacy.export_abroad_unapproved"
    row = PiExport.objects.get()
    assert (row.destination, row.allowed) == (destination, False)
    assert AuditEvent.objects.filter(action=AuditAction.PI_EXPORT_REFUSED).exists()


@pytest.mark.req("R22")
def test_an_export_abroad_with_a_valid_approval_for_that_recipient_is_allowed():
    security = make_user(Role.SECURITY_ADMIN)
    approval = transfer_approval_record(
        actor=security, destination="sg", recipient="Acme Ltd", dataset="profiles.seekers",
        mechanism="contract", reference="沪网信备〔2026〕12号", valid_until=date(2026, 12, 31),
        now=NOW)
    record = export(make_user(Role.OPERATOR), "SG", recipient="Acme Ltd")
    assert (record.allowed, record.approval_id) == (True, approval.pk)
    with pytest.raises(RuleViolation):
        export(make_user(Role.OPERATOR), "SG", recipient="Other Ltd")


def test_an_expired_approval_does_not_count():
    transfer_approval_record(
        actor=make_user(Role.SECURITY_ADMIN), destination="SG", recipient="Acme Ltd",
        dataset="profiles.seekers", mechanism="contract", reference="x",
        valid_until=date(2026, 5, 31))
    with pytest.raises(RuleViolation):
        export(make_user(Role.OPERATOR), "SG", recipient="Acme Ltd")


@pytest.mark.req("R21.2")
@pytest.mark.parametrize(("overrides", "field"), [
    ({"destination": ""}, "destination"),
    ({"destination": "China"}, "destination"),
    ({"lawful_basis": " "}, "lawful_basis"),
    ({"purpose": ""}, "purpose"),
])
def test_a_bulk_export_must_name_destination_purpose_and_lawful_basis(overrides, field):
    with pytest.raises(InvalidInput) as refused:
        export(make_user(Role.OPERATOR), **{"destination": "CN", **overrides})
    assert refused.value.field == field
    assert not PiExport.objects.exists()


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.AUDIT_ADMIN, Role.SYSTEM_ADMIN])
def test_only_the_security_administrator_records_transfer_approvals(role):
    with pytest.raises(PermissionDenied):
        transfer_approval_record(actor=make_user(role), destination="SG", recipient="A",
                                 dataset="d", mechanism="contract", reference="x",
                                 valid_until=date(2027, 1, 1))


def test_the_export_log_is_append_only():
    export(make_user(Role.OPERATOR), "CN")
    with pytest.raises(DatabaseError), transaction.atomic():
        PiExport.objects.update(destination="XX")
