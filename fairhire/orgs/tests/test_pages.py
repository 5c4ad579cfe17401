"""Pages: the HTTP mapping of the same services (field errors, 404, download headers)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent
from fairhire.orgs.models import OrgKind
from fairhire.orgs.services import change_report_file, document_upload, platform_licence_set
from fairhire.orgs.tests.factories import (
    OPERATOR_ID,
    employer_data,
    make_org,
    make_verified,
    owner_of,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


def form_of(data):
    return {k: v for k, v in data.__dict__.items()
            if k not in ("service_types", "hr_licence", "telecom_licence", "fees")
            and v is not False}


@pytest.mark.req("R17.1")
def test_a_wrong_credit_code_check_digit_is_shown_next_to_the_field():
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    response = client.post("/employers/register/",
                           form_of(employer_data(uscc="91350100M000100Y44")))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_uscc_error">统一社会信用代码校验位不正确' in page


def test_an_employer_registers_on_the_page_and_sees_its_operator_masked():
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    response = client.post("/employers/register/", form_of(employer_data()), follow=True)
    page = response.content.decode()
    assert "待提交" in page and "138****5678" in page
    assert OPERATOR_ID not in page


def test_another_employers_staff_get_404_on_its_pages_and_documents():
    org, other = make_org(), make_org()
    document = document_upload(actor=owner_of(org), organisation=org, kind="brochure",
                               filename="a.pdf", data=pdf_bytes())
    client = signed_in_client(owner_of(other))
    for url in (f"/orgs/{org.pk}/", f"/orgs/{org.pk}/archive/", f"/documents/{document.pk}/"):
        assert client.get(url).status_code == 404
    assert client.post(f"/orgs/{org.pk}/documents/", {
        "kind": "brochure", "file": SimpleUploadedFile("a.pdf", pdf_bytes())}).status_code == 404


def test_a_download_is_an_attachment_with_nosniff_and_is_audited():
    org = make_org()
    document = document_upload(actor=owner_of(org), organisation=org, kind="brochure",
                               filename="<script>.pdf", data=pdf_bytes())
    response = signed_in_client(make_user(Role.REVIEWER)).get(f"/documents/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == pdf_bytes()
    assert AuditEvent.objects.filter(action=AuditAction.ORG_DOCUMENT_DOWNLOADED).count() == 1


def test_a_renamed_executable_is_refused_on_the_upload_page():
    org = make_org()
    response = signed_in_client(owner_of(org)).post(f"/orgs/{org.pk}/documents/", {
        "kind": "business_licence",
        "file": SimpleUploadedFile("营业执照.pdf", b"MZ\x90\x00" + b"\x00" * 64)})
    assert response.status_code == 400
    assert "可执行程序" in response.content.decode()


@pytest.mark.req("R13")
def test_the_footer_shows_the_updated_licence_right_after_a_change():
    operator = make_user(Role.OPERATOR)
    platform_licence_set(actor=operator, kind="hr_service", number="晋人服证字[2025]第1号",
                         holder="FairHire 运营有限公司")
    assert "晋人服证字[2025]第1号" in Client().get("/").content.decode()
    platform_licence_set(actor=operator, kind="hr_service", number="晋人服证字[2026]第9号",
                         holder="FairHire 运营有限公司")
    for url in ("/", "/licences/", "/registry/agencies/"):
        page = Client().get(url).content.decode()
        assert "晋人服证字[2026]第9号" in page and "晋人服证字[2025]第1号" not in page


@pytest.mark.req("R13")
@pytest.mark.req("R14")
def test_the_storefront_shows_licences_services_fees_and_a_termination_notice():
    agency = make_verified(OrgKind.AGENCY)
    today = timezone.localdate()
    change_report_file(actor=owner_of(agency), organisation=agency, kind="termination",
                       new_value="", registered_on=today, effective_on=today + timedelta(days=40))
    page = Client().get(f"/agencies/{agency.pk}/").content.decode()
    for text in ("人力资源服务许可证", "开展网络招聘服务", "举办网络招聘会", "每条 200 元",
                 "终止网络招聘服务"):
        assert text in page
    registry = Client().get("/registry/agencies/").content.decode()
    assert agency.name in registry and "终止服务" in registry
    assert Client().get(f"/agencies/{make_org(OrgKind.AGENCY).pk}/").status_code == 404


def test_the_archive_and_its_print_view_list_the_decisions():
    org = make_verified()
    client = signed_in_client(owner_of(org))
    for url in (f"/orgs/{org.pk}/archive/", f"/orgs/{org.pk}/archive/?print=1"):
        page = client.get(url).content.decode()
        assert "审核通过" in page and "brochure v1" in page


def test_the_review_queue_page_is_for_reviewers_only():
    org = make_org()
    assert signed_in_client(owner_of(org)).get("/review/orgs/").status_code == 403
    assert signed_in_client(make_user(Role.REVIEWER)).get("/review/orgs/?kind=employer") \
        .status_code == 200
