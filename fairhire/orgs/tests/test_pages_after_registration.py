"""Pages for agency registration, change reports, fees, renewal, platform licences and reason
templates: the HTTP mapping of the services (field errors, 404 for others, what is shown)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.orgs.models import ArchiveEntry, Organisation, OrgKind, ReasonTemplate
from fairhire.orgs.services import reason_template_save
from fairhire.orgs.tests.factories import (
    TODAY,
    agency_data,
    make_org,
    make_verified,
    owner_of,
    pdf_bytes,
    upload_required,
)
from fairhire.orgs.tests.test_pages import form_of

pytestmark = pytest.mark.django_db


def fee_rows(*rows, initial=0, total=3):
    data = {"fees-TOTAL_FORMS": str(total), "fees-INITIAL_FORMS": str(initial),
            "fees-MIN_NUM_FORMS": "0", "fees-MAX_NUM_FORMS": "1000"}
    for index in range(total):
        item, standard, payer = rows[index] if index < len(rows) else ("", "", "employer")
        data |= {f"fees-{index}-item": item, f"fees-{index}-standard": standard,
                 f"fees-{index}-payer": payer}
    return data


def agency_form(**overrides):
    data = agency_data()
    licence = data.hr_licence
    return {**form_of(data), "service_types": ["introduce_employers", "online_job_fairs"],
            "hr_number": licence.number, "hr_authority": licence.authority,
            "hr_issued_on": licence.issued_on.isoformat(),
            "hr_expires_on": licence.expires_on.isoformat(),
            "hr_scope": "职业介绍、开展网络招聘服务", **overrides}


@pytest.mark.req("R19.3")
def test_an_agency_registers_on_the_page_with_its_licence_services_and_fees():
    client = signed_in_client(make_user(Role.AGENCY_STAFF))
    assert client.get("/orgs/mine/")["Location"] == "/agencies/register/"
    response = client.post("/agencies/register/", {
        **agency_form(), **fee_rows(("招聘信息发布", "每条 200 元", "employer"),
                                    ("职业指导", "每次 50 元", "worker"))}, follow=True)
    assert response.status_code == 200
    org = Organisation.objects.get(kind=OrgKind.AGENCY)
    assert [f.item for f in org.fee_items.all()] == ["招聘信息发布", "职业指导"]
    assert org.licences.get().scope == ["职业介绍", "开展网络招聘服务"]
    assert org.service_types == ["introduce_employers", "online_job_fairs"]
    assert "每次 50 元" in response.content.decode()


@pytest.mark.req("R19.2")
def test_the_registration_page_refuses_a_worker_paid_deposit_and_says_why():
    client = signed_in_client(make_user(Role.AGENCY_STAFF))
    response = client.post("/agencies/register/", {
        **agency_form(), **fee_rows(("入职服务", "押金 300 元", "worker"))})
    assert response.status_code == 400
    assert "不得向劳动者收取押金" in response.content.decode()
    assert not Organisation.objects.exists()


def test_declaring_telecom_business_without_its_licence_is_a_field_error():
    client = signed_in_client(make_user(Role.AGENCY_STAFF))
    response = client.post("/agencies/register/", {
        **agency_form(telecom_declared="on"), **fee_rows(("发布", "每条 1 元", "employer"))})
    assert response.status_code == 400
    assert 'id="id_telecom_number_error"' in response.content.decode()


@pytest.mark.req("R12")
def test_the_owner_files_a_late_change_on_the_page_and_sees_it_flagged():
    agency = make_verified(OrgKind.AGENCY)
    client = signed_in_client(owner_of(agency))
    response = client.post(f"/agencies/{agency.pk}/changes/", {
        "kind": "legal_representative", "new_value": "李明",
        "registered_on": (TODAY - timedelta(days=20)).isoformat()}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "李明" in page and "逾期报告" in page
    agency.refresh_from_db()
    assert agency.legal_representative == "李明"


@pytest.mark.req("R13")
def test_a_termination_with_short_notice_is_refused_next_to_its_date():
    agency = make_verified(OrgKind.AGENCY)
    response = signed_in_client(owner_of(agency)).post(f"/agencies/{agency.pk}/changes/", {
        "kind": "termination", "registered_on": TODAY.isoformat(),
        "effective_on": (TODAY + timedelta(days=10)).isoformat()})
    assert response.status_code == 400
    assert 'id="id_effective_on_error">终止服务须至少提前 30 日公示' in response.content.decode()


def test_change_fee_and_renewal_pages_answer_404_to_everyone_but_the_owner():
    agency = make_verified(OrgKind.AGENCY)
    employer = make_org()
    urls = [f"/agencies/{agency.pk}/changes/", f"/agencies/{agency.pk}/fees/",
            f"/orgs/{agency.pk}/licences/renew/"]
    for user in (owner_of(make_org(OrgKind.AGENCY)), make_user(Role.REVIEWER)):
        client = signed_in_client(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user.role, url)
    # an employer has no change reports or fees to edit, but may renew its business licence
    client = signed_in_client(owner_of(employer))
    assert client.get(f"/agencies/{employer.pk}/changes/").status_code == 404
    assert client.get(f"/agencies/{employer.pk}/fees/").status_code == 404
    assert client.get(f"/orgs/{employer.pk}/licences/renew/").status_code == 200


@pytest.mark.req("R19.3")
def test_the_owner_edits_fees_on_the_page_and_the_storefront_shows_them():
    agency = make_verified(OrgKind.AGENCY)
    client = signed_in_client(owner_of(agency))
    assert "每条 200 元" in client.get(f"/agencies/{agency.pk}/fees/").content.decode()
    response = client.post(f"/agencies/{agency.pk}/fees/", {
        **fee_rows(("招聘信息发布", "每条 250 元", "employer"), initial=1, total=2)})
    assert response.status_code == 302
    assert "每条 250 元" in Client().get(f"/agencies/{agency.pk}/").content.decode()
    refused = client.post(f"/agencies/{agency.pk}/fees/", {
        **fee_rows(("求职登记", "保证金 100 元", "worker"), initial=1, total=2)})
    assert refused.status_code == 400 and "不得向劳动者收取押金" in refused.content.decode()


@pytest.mark.req("R25")
def test_the_owner_renews_a_licence_on_the_page_and_it_goes_back_to_review():
    agency = make_verified(OrgKind.AGENCY)
    response = signed_in_client(owner_of(agency)).post(f"/orgs/{agency.pk}/licences/renew/", {
        "kind": "hr_service", "number": "晋人服证字[2027]第1号", "authority": "太原市人社局",
        "issued_on": TODAY.isoformat(), "expires_on": (TODAY + timedelta(days=1000)).isoformat(),
        "scope": "开展网络招聘服务", "file": SimpleUploadedFile("new.pdf", pdf_bytes())})
    assert response.status_code == 302
    assert agency.archive.filter(kind=ArchiveEntry.Kind.LICENCE_RENEWED).exists()
    storefront = Client().get(f"/agencies/{agency.pk}/").content.decode()
    assert "晋人服证字[2027]第1号" in storefront
    assert agency.licences.order_by("id").first().number not in storefront
    page = signed_in_client(make_user(Role.REVIEWER)).get("/review/orgs/").content.decode()
    assert agency.name in page


@pytest.mark.req("R13")
def test_an_operator_edits_the_platform_licence_and_the_footer_changes_at_once():
    client = signed_in_client(make_user(Role.OPERATOR))
    response = client.post("/operator/licences/", {
        "kind": "hr_service", "number": "晋人服证字[2026]第77号",
        "holder": "FairHire 运营有限公司"})
    assert response.status_code == 302
    for url in ("/", "/licences/"):
        assert "晋人服证字[2026]第77号" in Client().get(url).content.decode()
    assert signed_in_client(make_user(Role.REVIEWER)).get("/operator/licences/") \
        .status_code == 403


@pytest.mark.req("R25")
def test_the_decision_form_offers_the_templates_a_reviewer_keeps():
    reviewer = make_user(Role.REVIEWER)
    client = signed_in_client(reviewer)
    assert client.post("/review/reason-templates/", {
        "title": "简章不全", "text": "招聘简章缺少工作地点。", "active": "on"}).status_code == 302
    retired = reason_template_save(actor=reviewer, title="旧模板", text="不再使用", active=False)
    org = make_org()
    upload_required(org)
    signed_in_client(owner_of(org)).post(f"/orgs/{org.pk}/submit/")
    page = client.get(f"/orgs/{org.pk}/").content.decode()
    assert "简章不全" in page and retired.title not in page
    template = ReasonTemplate.objects.get(title="简章不全")
    response = client.post(f"/review/orgs/{org.pk}/decision/",
                           {"decision": "reject", "template_id": template.pk, "reason": ""})
    assert response.status_code == 302
    assert org.archive.get(kind=ArchiveEntry.Kind.REJECTED).reason == "招聘简章缺少工作地点。"


def test_a_reviewer_edits_and_retires_a_template_on_its_page():
    reviewer = make_user(Role.REVIEWER)
    template = reason_template_save(actor=reviewer, title="模糊", text="扫描件模糊。")
    client = signed_in_client(reviewer)
    assert "扫描件模糊" in client.get(f"/review/reason-templates/{template.pk}/") \
        .content.decode()
    client.post(f"/review/reason-templates/{template.pk}/",
                {"title": "模糊", "text": "扫描件模糊，请重新上传。"})
    template.refresh_from_db()
    assert (template.text, template.active) == ("扫描件模糊，请重新上传。", False)


@pytest.mark.parametrize(("role", "label", "url"), [
    (Role.EMPLOYER_STAFF, "我的单位", "/orgs/mine/"),
    (Role.AGENCY_STAFF, "我的单位", "/orgs/mine/"),
    (Role.REVIEWER, "单位审核", "/review/orgs/"),
    (Role.OPERATOR, "平台证照", "/operator/licences/"),
    (None, "机构名录", "/registry/agencies/"),
])
def test_the_navigation_leads_each_role_to_its_organisation_pages(role, label, url):
    client = signed_in_client(make_user(role)) if role else Client()
    assert f'<a href="{url}"' in client.get("/").content.decode()
    assert label in client.get("/").content.decode()
