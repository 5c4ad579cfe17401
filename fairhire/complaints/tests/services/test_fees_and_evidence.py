"""The platform's own fee disclosure (Regulation Art. 19(2)) and complaint evidence uploads
(SECURITY.md control 22)."""

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.complaints import services
from fairhire.complaints.models import Evidence
from fairhire.complaints.tests.factories import make_complaint, make_operator
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.orgs.tests.factories import image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def test_operators_publish_what_the_platform_charges_and_the_footer_links_to_it():
    services.platform_fees_publish(actor=make_operator(), items=[
        {"item": "招聘信息置顶", "standard": "每条每天 20 元", "payer": "employer"},
        {"item": "网络招聘会展位", "standard": "每场 500 元", "payer": "agency"}],
        note="求职者使用本平台全部服务免费。")
    page = Client().get("/fees/").content.decode()
    assert "招聘信息置顶" in page and "人力资源服务机构" in page
    assert "本平台不向劳动者收取押金" in page
    assert 'href="/fees/"' in Client().get("/").content.decode()
    assert Client().get("/api/v1/platform-fees").json()["items"][0]["item"] == "招聘信息置顶"


def test_a_deposit_from_a_worker_is_refused():
    with pytest.raises(InvalidInput) as refused:
        services.platform_fees_publish(actor=make_operator(), items=[
            {"item": "上岗押金", "standard": "每人 300 元", "payer": "worker"}])
    assert refused.value.code == "orgs.deposit_fee"


def test_only_operators_change_the_fees():
    with pytest.raises(PermissionDenied):
        services.platform_fees_publish(actor=make_user(Role.REVIEWER), items=[])


def test_the_fee_page_edits_rows():
    operator = make_operator()
    response = signed_in_client(operator).post("/operator/fees/", {
        "fees-TOTAL_FORMS": "2", "fees-INITIAL_FORMS": "0",
        "fees-0-item": "简历精准推送", "fees-0-standard": "每月 300 元", "fees-0-payer": "employer",
        "fees-1-item": "", "fees-1-standard": "", "fees-1-payer": "employer", "note": ""})
    assert response.status_code == 302
    assert "简历精准推送" in Client().get("/fees/").content.decode()


def test_evidence_is_judged_stored_encrypted_and_read_only_by_the_complainant_and_operators(
        settings):
    seeker = make_user(Role.SEEKER)
    photo = image_bytes("PNG")
    complaint = make_complaint(actor=seeker, evidence=[
        services.EvidenceFile(filename="聊天截图.png", data=photo),
        services.EvidenceFile(filename="offer.pdf", data=pdf_bytes("offer"))])
    evidence = Evidence.objects.filter(complaint=complaint).order_by("pk")
    assert [e.content_type for e in evidence] == ["image/png", "application/pdf"]
    stored = (settings.PRIVATE_FILES_DIR / "complaints" / evidence[1].storage_name).read_bytes()
    assert b"offer" not in stored
    response = signed_in_client(seeker).get(f"/complaints/evidence/{evidence[1].pk}/")
    assert response.status_code == 200 and b"offer" in response.content
    assert response["X-Content-Type-Options"] == "nosniff"
    assert signed_in_client(make_operator()).get(
        f"/complaints/evidence/{evidence[0].pk}/").status_code == 200
    assert signed_in_client(make_user(Role.SEEKER)).get(
        f"/complaints/evidence/{evidence[0].pk}/").status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditAction.COMPLAINT_EVIDENCE_DOWNLOADED).count() == 2


@pytest.mark.parametrize("data", [b"MZ\x90\x00 a program", b"plain text", b""])
def test_evidence_that_is_not_a_document_is_refused_with_the_complaint(data):
    seeker = make_user(Role.SEEKER)
    with pytest.raises(InvalidInput):
        make_complaint(actor=seeker, evidence=[services.EvidenceFile("x.png", data)])
    assert not Evidence.objects.exists()


def test_a_complainant_adds_evidence_through_the_api():
    seeker = make_user(Role.SEEKER)
    complaint = make_complaint(actor=seeker)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = signed_in_client(seeker).post(
        f"/api/v1/complaints/{complaint.pk}/evidence",
        {"file": SimpleUploadedFile("a.pdf", pdf_bytes("x"))})
    assert response.status_code == 201
    assert complaint.evidence.count() == 1
