"""The yearly self-inspection record, produced from live data (Regulation Art. 21(3))."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.privacy import selectors
from fairhire.privacy.models import SelfInspection
from fairhire.privacy.services import (
    pi_export_authorise,
    self_inspection_conclude,
    self_inspection_generate,
)
from fairhire.profiles import services as profile_services
from fairhire.profiles.models import SeekerProfile
from fairhire.profiles.tests.factories import NOW, make_seeker

pytestmark = pytest.mark.django_db


@pytest.mark.req("R21.3")
def test_the_record_reports_coverage_keys_anomalies_staff_exports_and_consents(settings):
    settings.PRIVACY_ANOMALY_SUBJECTS_PER_DAY = 2
    seekers = [make_seeker() for _ in range(2)]
    reviewer = make_user(Role.REVIEWER, username="rev.zhou")
    for seeker in seekers:
        profile_services.seeker_profile_disclose(actor=reviewer, profile_id=seeker.pk,
                                                 purpose="核实投诉", now=NOW)
    pi_export_authorise(actor=reviewer, dataset="d", destination="CN", purpose="p",
                        lawful_basis="b", now=NOW)
    SeekerProfile.objects.filter(pk=seekers[0].pk).update(address="明文地址")  # a leak

    record = self_inspection_generate(year=2026, now=NOW + timedelta(days=1))

    facts = record.facts
    address = next(c for c in facts["encryption"]
                   if c["column"] == "profiles.seekerprofile.address")
    assert (address["held"], address["sealed"], address["plaintext"]) == (2, 1, 1)
    assert facts["plaintext_cells"] == 1
    assert [k["key_id"] for k in facts["keys"] if k["current"]]
    assert facts["access_log"]["views"] == 2
    assert facts["access_log"]["anomalies"] == [
        {"account": "rev.zhou", "day": "2026-06-01", "subjects": 2}]
    assert {"username": "rev.zhou", "role": "reviewer", "active": True,
            "second_factor": True} in facts["privileged_accounts"]
    assert facts["exports"] == {"allowed": 1, "refused": 0, "destinations": {"CN": 1}}
    assert facts["consents"]["id_number"]["given"] == 2
    assert AuditEvent.objects.filter(action=AuditAction.SELF_INSPECTION_GENERATED).exists()


@pytest.mark.req("R21.3")
def test_the_command_produces_the_record_and_findings_are_added_by_the_security_administrator():
    make_seeker()
    call_command("pi_selfcheck", "--year", "2026", stdout=open("/dev/null", "w"))
    record = SelfInspection.objects.get(year=2026)
    assert record.facts["plaintext_cells"] == 0
    security = make_user(Role.SECURITY_ADMIN)
    self_inspection_conclude(record=record, actor=security, findings="未发现明文存储。",
                             fixes="无需整改。", now=NOW)
    record.refresh_from_db()
    assert (record.findings, record.concluded_at) == ("未发现明文存储。", NOW)
    # refreshing the facts keeps the human findings
    self_inspection_generate(year=2026)
    record.refresh_from_db()
    assert record.findings == "未发现明文存储。"


@pytest.mark.parametrize("role", [Role.AUDIT_ADMIN, Role.SYSTEM_ADMIN, Role.REVIEWER])
def test_only_the_security_administrator_concludes_a_record(role):
    record = self_inspection_generate(year=2026)
    with pytest.raises(PermissionDenied):
        self_inspection_conclude(record=record, actor=make_user(role), findings="x", fixes="")


def test_findings_are_required_to_conclude():
    record = self_inspection_generate(year=2026)
    with pytest.raises(InvalidInput):
        self_inspection_conclude(record=record, actor=make_user(Role.SECURITY_ADMIN),
                                 findings=" ", fixes="")


@pytest.mark.req("R21.3")
def test_a_warning_is_due_when_the_last_record_is_over_twelve_months_old():
    assert selectors.self_inspection_overdue(now=NOW)
    self_inspection_generate(year=2026, now=NOW)
    assert not selectors.self_inspection_overdue(now=NOW + timedelta(days=365))
    assert selectors.self_inspection_overdue(now=NOW + timedelta(days=366))


@pytest.mark.req("R21.3")
def test_the_record_reports_the_retention_sweep_its_erasures_and_anything_overdue():
    from fairhire.ledger.services import retention_erase_due

    closed_early, closed_late = make_seeker(), make_seeker()
    profile_services.seeker_account_close(actor=closed_early.user, now=NOW.replace(year=2023))
    profile_services.seeker_account_close(actor=closed_late.user, now=NOW)

    overdue = self_inspection_generate(year=2026, now=NOW + timedelta(days=1)).facts["retention"]
    assert (overdue["overdue"], overdue["retained"], overdue["erased"]) == (1, 1, 0)

    retention_erase_due(now=NOW + timedelta(days=2))
    facts = self_inspection_generate(year=2026, now=NOW + timedelta(days=3)).facts["retention"]
    assert (facts["overdue"], facts["retained"], facts["erased"]) == (0, 1, 1)


@pytest.mark.req("R21.3")
def test_identity_photos_are_part_of_the_encryption_coverage():
    from fairhire.profiles.tests.services.test_identity_images import photo

    seeker = make_seeker()
    profile_services.identity_image_upload(actor=seeker.user, side="front", data=photo())
    facts = self_inspection_generate(year=2026, now=NOW).facts
    images = next(c for c in facts["encryption"]
                  if c["column"] == "profiles.identityimage.image")
    assert (images["held"], images["sealed"], images["plaintext"]) == (1, 1, 0)


@pytest.mark.req("R21.3")
def test_the_coverage_includes_the_organisations_encrypted_columns_and_files():
    from fairhire.orgs.models import Organisation
    from fairhire.orgs.tests.factories import make_org, upload_required

    org = make_org()
    upload_required(org)
    Organisation.objects.filter(pk=org.pk).update(operator_phone_enc="13800001111")  # a leak
    facts = self_inspection_generate(year=2026, now=NOW).facts
    by_column = {c["column"]: c for c in facts["encryption"]}
    assert by_column["orgs.organisation.operator_id_number_enc"]["plaintext"] == 0
    assert by_column["orgs.organisation.operator_phone_enc"]["plaintext"] == 1
    files = by_column["files:orgs"]
    assert files["held"] == files["sealed"] > 0
