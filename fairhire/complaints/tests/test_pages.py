"""Where the public channel shows: report links on postings and storefronts, the footer on
every page, and the complaint journey's pages."""

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.complaints.models import Complaint
from fairhire.complaints.tests.factories import make_complaint, make_operator
from fairhire.orgs.models import OrgKind
from fairhire.orgs.tests.factories import make_verified
from fairhire.postings.tests.factories import make_published

pytestmark = pytest.mark.django_db


@pytest.mark.req("R23")
def test_every_page_footer_shows_the_complaint_phone_e_mail_and_the_fee_disclosure(settings):
    settings.PLATFORM_COMPLAINT_PHONE = "0351-12333"
    page = Client().get("/").content.decode()
    assert "0351-12333" in page and settings.PLATFORM_COMPLAINT_EMAIL in page
    assert 'href="/complaints/new/"' in page and 'href="/fees/"' in page
    assert 'href="/agreements/"' in page


@pytest.mark.req("R23")
def test_a_posting_and_an_agency_storefront_carry_a_report_link():
    posting = make_published()
    page = Client().get(f"/postings/{posting.pk}/").content.decode()
    assert f"/complaints/new/?kind=posting&amp;id={posting.pk}" in page
    agency = make_verified(OrgKind.AGENCY)
    page = Client().get(f"/agencies/{agency.pk}/").content.decode()
    assert f"/complaints/new/?kind=organisation&amp;id={agency.pk}" in page


def test_a_signed_in_person_complains_from_the_page_and_follows_it():
    seeker = make_user(Role.SEEKER)
    client = signed_in_client(seeker)
    response = client.post("/complaints/new/", {
        "category": "personal_information", "subject_kind": "general",
        "description": "我的简历被转发到了与我无关的微信群里。"})
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/complaints/{complaint.pk}/"
    page = client.get("/me/complaints/").content.decode()
    assert complaint.number in page and "已收到" in page


def test_an_operator_handles_a_complaint_from_its_page():
    operator = make_operator()
    complaint = make_complaint()
    client = signed_in_client(operator)
    page = client.get(f"/complaints/{complaint.pk}/").content.decode()
    assert "客服电话长时间无人接听" in page
    response = client.post(f"/operator/complaints/{complaint.pk}/transition/",
                           {"to_status": "not_accepted", "note": ""})
    assert response.status_code == 400 and "不予受理须写明理由" in response.content.decode()
    response = client.post(f"/operator/complaints/{complaint.pk}/transition/",
                           {"to_status": "not_accepted",
                            "note": "请向用人单位所在地劳动监察部门反映。"})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.NOT_ACCEPTED


def test_operators_publish_an_agreement_from_the_page():
    client = signed_in_client(make_operator())
    response = client.post("/operator/agreements/", {
        "kind": "agreement", "title": "平台服务协议",
        "body": "第一条 进入和退出平台。\n第二条 服务质量保障。\n第三条 求职者权益保护。"})
    assert response.status_code == 302
    assert "平台服务协议" in Client().get("/agreements/").content.decode()
