"""HTTP mapping only: status codes, field-level messages, 404 for what one may not see."""

import dataclasses
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.orgs.models import OrgKind
from fairhire.orgs.tests.factories import (
    agency_data,
    employer_data,
    make_org,
    make_verified,
    owner_of,
    pdf_bytes,
    upload_required,
)

pytestmark = pytest.mark.django_db


def post_json(client, url, body):
    return client.post(url, json.dumps(body, default=str), content_type="application/json")


def employer_body(**overrides):
    return dataclasses.asdict(employer_data(**overrides))


@pytest.mark.req("R17.1")
def test_an_employer_registers_through_the_api_and_sees_its_masked_operator():
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    body = {k: v for k, v in employer_body().items()
            if k not in ("service_types", "hr_licence", "telecom_licence", "fees")}
    created = post_json(client, "/api/v1/employers", body)
    assert created.status_code == 201, created.content
    data = created.json()
    assert (data["status"], data["operator_phone_masked"]) == ("draft", "138****5678")
    assert body["operator_id_number"] not in created.content.decode()
    assert client.get(f"/api/v1/orgs/{data['id']}").status_code == 200


@pytest.mark.parametrize(("override", "field"), [
    ({"uscc": "91350100M000100Y44"}, "uscc"),
    ({"operator_id_number": "11010519850315123"}, "operator_id_number"),
])
def test_a_wrong_check_digit_is_a_400_with_the_field(override, field):
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    response = post_json(client, "/api/v1/employers", {
        k: v for k, v in employer_body(**override).items()
        if k not in ("service_types", "hr_licence", "telecom_licence", "fees")})
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["code"].endswith(("check_digit", "format"))


def test_malformed_json_is_a_422_with_field_messages_never_a_500():
    client = signed_in_client(make_user(Role.AGENCY_STAFF))
    response = post_json(client, "/api/v1/agencies", {"name": 3, "hr_licence": {"x": 1}})
    assert response.status_code == 422
    assert {"code", "message", "errors"} <= set(response.json())


@pytest.mark.req("R19.2")
def test_an_agency_fee_with_a_deposit_is_refused_with_a_field_message():
    client = signed_in_client(make_user(Role.AGENCY_STAFF))
    body = dataclasses.asdict(agency_data())
    body["fees"] = [{"item": "押金", "standard": "300 元", "payer": "worker"}]
    response = post_json(client, "/api/v1/agencies", body)
    assert (response.status_code, response.json()["field"]) == (400, "fees")


@pytest.mark.req("R9")
def test_an_agency_registers_and_is_reported_unable_to_operate_until_verified():
    client = signed_in_client(make_user(Role.AGENCY_STAFF))
    response = post_json(client, "/api/v1/agencies", dataclasses.asdict(agency_data()))
    assert response.status_code == 201, response.content
    assert response.json()["can_operate"] is False


def test_a_renamed_executable_is_a_400_and_a_pdf_is_a_201():
    org = make_org()
    client = signed_in_client(owner_of(org))
    url = f"/api/v1/orgs/{org.pk}/documents"
    exe = SimpleUploadedFile("营业执照.pdf", b"MZ\x90\x00" + b"\x00" * 64, "application/pdf")
    refused = client.post(url, {"kind": "business_licence", "file": exe})
    assert (refused.status_code, refused.json()["code"]) == (400, "upload.executable")
    ok = client.post(url, {"kind": "business_licence",
                           "file": SimpleUploadedFile("a.pdf", pdf_bytes())})
    assert (ok.status_code, ok.json()["version"]) == (201, 1)


def test_another_employers_staff_get_404_on_its_record_and_documents():
    org, other = make_org(), make_org()
    client = signed_in_client(owner_of(other))
    assert client.get(f"/api/v1/orgs/{org.pk}").status_code == 404
    upload = client.post(f"/api/v1/orgs/{org.pk}/documents",
                         {"kind": "brochure", "file": SimpleUploadedFile("a.pdf", pdf_bytes())})
    assert upload.status_code == 404


def test_a_reviewer_lists_the_queue_and_decides_and_a_reason_is_required():
    org = make_org()
    upload_required(org)
    signed_in = signed_in_client(owner_of(org))
    assert signed_in.post(f"/api/v1/orgs/{org.pk}/submit").status_code == 200
    reviewer = signed_in_client(make_user(Role.REVIEWER))
    assert [o["id"] for o in reviewer.get("/api/v1/review/orgs?kind=employer").json()] == [org.pk]
    url = f"/api/v1/review/orgs/{org.pk}/decision"
    no_reason = post_json(reviewer, url, {"decision": "reject"})
    assert (no_reason.status_code, no_reason.json()["field"]) == (400, "reason")
    approved = post_json(reviewer, url, {"decision": "approve"})
    assert (approved.status_code, approved.json()["status"]) == (200, "verified")
    assert signed_in.get("/api/v1/review/orgs").status_code == 403


@pytest.mark.req("R12")
@pytest.mark.req("R14")
def test_a_late_change_report_is_flagged_and_shows_on_the_public_registry():
    agency = make_verified(OrgKind.AGENCY)
    registered = timezone.localdate() - timedelta(days=20)
    response = post_json(signed_in_client(owner_of(agency)),
                         f"/api/v1/agencies/{agency.pk}/changes",
                         {"kind": "name", "new_value": "晋才人力（集团）有限公司",
                          "registered_on": registered})
    assert (response.status_code, response.json()["late"]) == (201, True)
    make_org(OrgKind.AGENCY)  # pending: not on the registry
    listed = Client().get("/api/v1/registry/agencies").json()
    assert [(a["name"], a["status"]) for a in listed] == [("晋才人力（集团）有限公司", "verified")]
    assert listed[0]["changes"][0]["late"] is True
