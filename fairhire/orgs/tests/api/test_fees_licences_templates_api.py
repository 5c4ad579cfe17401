"""HTTP mapping of fee editing, licence renewal and reason templates."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.orgs.models import ArchiveEntry, OrgKind
from fairhire.orgs.services import reason_template_save
from fairhire.orgs.tests.factories import TODAY, make_org, make_verified, owner_of, pdf_bytes

pytestmark = pytest.mark.django_db


def put_fees(client, org, fees):
    return client.put(f"/api/v1/agencies/{org.pk}/fees", json.dumps(fees),
                      content_type="application/json")


@pytest.mark.req("R19.2")
def test_fees_are_replaced_through_the_api_and_a_worker_deposit_is_a_400_with_a_message():
    agency = make_verified(OrgKind.AGENCY)
    client = signed_in_client(owner_of(agency))
    ok = put_fees(client, agency, [{"item": "职业指导", "standard": "每次 50 元",
                                    "payer": "worker"}])
    assert ok.status_code == 200 and ok.json()[0]["standard"] == "每次 50 元"
    refused = put_fees(client, agency, [{"item": "求职登记", "standard": "押金 200 元",
                                         "payer": "worker"}])
    assert refused.status_code == 400
    assert refused.json()["code"] == "orgs.deposit_fee"
    stranger = signed_in_client(owner_of(make_org(OrgKind.AGENCY)))
    assert put_fees(stranger, agency, [{"item": "x", "standard": "1 元"}]).status_code == 404


@pytest.mark.req("R25")
def test_a_licence_is_renewed_through_the_api_with_its_document():
    agency = make_verified(OrgKind.AGENCY)
    response = signed_in_client(owner_of(agency)).post(f"/api/v1/orgs/{agency.pk}/licences", {
        "kind": "hr_service", "number": "晋人服证字[2027]第3号", "authority": "太原市人社局",
        "issued_on": TODAY.isoformat(), "expires_on": (TODAY + timedelta(days=900)).isoformat(),
        "scope": "职业介绍、开展网络招聘服务",
        "file": SimpleUploadedFile("licence.pdf", pdf_bytes())})
    assert response.status_code == 201, response.content
    assert response.json()["scope"] == ["职业介绍", "开展网络招聘服务"]
    assert agency.archive.filter(kind=ArchiveEntry.Kind.LICENCE_RENEWED).exists()


def test_reviewers_list_templates_and_decide_with_one_through_the_api():
    reviewer = make_user(Role.REVIEWER)
    template = reason_template_save(actor=reviewer, title="材料模糊", text="请重新上传。")
    client = signed_in_client(reviewer)
    assert [t["id"] for t in client.get("/api/v1/review/reason-templates").json()] == [
        template.pk]
    org = make_org()
    response = client.post(f"/api/v1/review/orgs/{org.pk}/decision",
                           json.dumps({"decision": "reject", "template_id": template.pk + 1}),
                           content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "orgs.bad_reason_template"
    assert signed_in_client(owner_of(org)).get("/api/v1/review/reason-templates") \
        .status_code == 403
