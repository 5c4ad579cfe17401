"""HTTP mapping of the privacy API."""

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.services import api_token_create
from fairhire.accounts.tests.factories import make_user
from fairhire.profiles import services as profile_services
from fairhire.profiles.tests.factories import make_seeker

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, raw = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.req("R21.2")
def test_the_audit_administrator_reads_the_access_log():
    seeker = make_seeker()
    reviewer = make_user(Role.REVIEWER)
    profile_services.seeker_profile_disclose(actor=reviewer, profile_id=seeker.pk,
                                             purpose="核实投诉")
    response = Client().get("/api/v1/privacy/access-log", **bearer(make_user(Role.AUDIT_ADMIN)))
    assert response.status_code == 200
    [row] = response.json()["items"]
    assert (row["viewer_account"], row["subject_id"], row["purpose"]) == (
        reviewer.username, seeker.user_id, "核实投诉")


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.REVIEWER,
                                  Role.SEEKER])
def test_nobody_else_reads_the_access_log(role):
    response = Client().get("/api/v1/privacy/access-log", **bearer(make_user(role)))
    assert (response.status_code, response.json()["code"]) == (403, "privacy.not_auditor")


@pytest.mark.req("R22")
def test_the_security_administrator_records_a_transfer_approval_over_the_api():
    body = {"destination": "SG", "recipient": "Acme Ltd", "dataset": "profiles.seekers",
            "mechanism": "contract", "reference": "备案 2026-12", "valid_until": "2027-01-01"}
    created = Client().post("/api/v1/privacy/transfer-approvals", body,
                            content_type="application/json",
                            **bearer(make_user(Role.SECURITY_ADMIN)))
    assert created.status_code == 201
    refused = Client().post("/api/v1/privacy/transfer-approvals", body,
                            content_type="application/json", **bearer(make_user(Role.OPERATOR)))
    assert refused.status_code == 403
