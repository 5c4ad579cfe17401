"""Seeker pages: the same use cases as the API, through forms."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import PASSWORD, make_user, signed_in_client
from fairhire.privacy.models import Consent, PiAccess
from fairhire.profiles.models import Resume, SeekerProfile
from fairhire.profiles.tests.factories import id_number, make_seeker

pytestmark = pytest.mark.django_db

ID = id_number(seq=31)


def sign_up(client, **overrides):
    data = {"username": "zhao.lei", "real_name": "赵磊", "id_number": ID,
            "phone": "13512345678", "email": "", "address": "", "password": PASSWORD,
            "password_again": PASSWORD, "consent_general": "on", "consent_id_number": "on"}
    data.update(overrides)
    return client.post(reverse("seeker-sign-up"), data)


def field_errors(response) -> list[str]:
    return re.findall(r'<p class="field-error"[^>]*>([^<]*)</p>', response.content.decode())


@pytest.mark.req("R16")
def test_a_seeker_signs_up_on_the_page_and_lands_on_their_resumes():
    client = Client()
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("resume-list")
    profile = SeekerProfile.objects.get()
    assert client.session["_auth_user_id"] == str(profile.user_id)
    assert Consent.objects.filter(user=profile.user).count() == 2


@pytest.mark.req("R16")
def test_a_wrong_check_digit_is_shown_next_to_the_id_number():
    response = sign_up(Client(), id_number=ID[:17] + ("1" if ID[17] != "1" else "2"))
    assert response.status_code == 400
    assert any("校验位" in e for e in field_errors(response))


@pytest.mark.req("R21.1")
def test_without_the_separate_consent_the_page_says_why():
    response = sign_up(Client(), consent_id_number="")
    assert response.status_code == 400
    assert any("单独同意" in e for e in field_errors(response))


@pytest.mark.req("R16")
def test_a_seeker_builds_a_resume_with_sections_on_the_page():
    seeker = make_seeker().user
    client = signed_in_client(seeker)
    data = {"title": "厨师简历", "visibility": "searchable", "skills": "川菜",
            "expected_regions": "140105, 140106", "employment_types": ["full_time"],
            "pay_min": "5000", "pay_max": "7000", "availability": "now", "self_intro": "十年",
            "education-TOTAL_FORMS": "1", "education-INITIAL_FORMS": "0",
            "education-0-level": "51", "education-0-school": "太原烹饪技校",
            "work-TOTAL_FORMS": "1", "work-INITIAL_FORMS": "0",
            "certificates-TOTAL_FORMS": "1", "certificates-INITIAL_FORMS": "0",
            "languages-TOTAL_FORMS": "1", "languages-INITIAL_FORMS": "0"}
    response = client.post(reverse("resume-create"), data)
    assert response.status_code == 302, field_errors(response)
    resume = Resume.objects.get()
    assert resume.expected_regions == ["140105", "140106"]
    assert resume.education.get().school == "太原烹饪技校"
    listing = client.get(reverse("resume-list")).content.decode()
    assert "厨师简历" in listing and "工作经历" in listing  # what is missing
    edit = client.get(reverse("resume-edit", args=[resume.pk])).content.decode()
    assert "太原烹饪技校" in edit


@pytest.mark.req("DSR")
def test_the_my_data_page_shows_the_person_their_own_data_and_the_download_is_json():
    profile = make_seeker(id_number=ID, phone="13512345678")
    client = signed_in_client(profile.user)
    page = client.get(reverse("my-data"))
    assert page.status_code == 200
    assert ID in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    download = client.get(reverse("my-data-download"))
    assert download["Content-Disposition"].startswith("attachment;")
    assert json.loads(download.content)["profile"]["phone"] == "13512345678"


@pytest.mark.req("DSR")
def test_withdraw_and_close_through_the_pages():
    profile = make_seeker()
    client = signed_in_client(profile.user)
    response = client.post(reverse("consent-withdraw", args=["id_number"]))
    assert response.status_code == 302
    assert not Consent.objects.filter(kind="id_number", withdrawn_at=None).exists()
    assert client.post(reverse("consent-give", args=["resume_sending"])).status_code == 302
    assert Consent.objects.filter(kind="resume_sending", withdrawn_at=None).exists()
    unconfirmed = client.post(reverse("account-close"))
    assert unconfirmed.status_code == 400
    closed = client.post(reverse("account-close"), {"confirm": "1"})
    assert (closed.status_code, closed["Clear-Site-Data"]) == (
        200, '"cache", "cookies", "storage"')
    profile.refresh_from_db()
    assert profile.status == SeekerProfile.Status.CLOSED
    assert client.get(reverse("my-data")).status_code == 302  # signed out


@pytest.mark.req("R21.2")
def test_a_reviewer_sees_masked_data_until_stating_a_purpose_on_the_page():
    profile = make_seeker(id_number=ID)
    client = signed_in_client(make_user(Role.REVIEWER))
    masked = client.get(reverse("seeker-detail", args=[profile.pk])).content.decode()
    assert ID not in masked and ID[:3] + "*" * 11 in masked
    shown = client.post(reverse("seeker-detail", args=[profile.pk]), {"purpose": "核实举报"})
    assert ID in shown.content.decode()
    assert PiAccess.objects.get().purpose == "核实举报"


def test_an_employer_gets_404_on_a_seekers_identity_page():
    profile = make_seeker()
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    assert client.get(reverse("seeker-detail", args=[profile.pk])).status_code == 404


@pytest.mark.req("R21.2")
def test_a_seeker_uploads_an_id_photo_on_the_page_and_a_reviewer_downloads_it_stating_why():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fairhire.profiles.tests.services.test_identity_images import photo

    profile = make_seeker()
    client = signed_in_client(profile.user)
    response = client.post(reverse("identity-image-list"), {
        "side": "back", "file": SimpleUploadedFile("back.png", photo("PNG"))})
    assert response.status_code == 302
    listing = client.get(reverse("identity-image-list")).content.decode()
    assert "身份证国徽面" in listing
    refused = client.post(reverse("identity-image-list"), {
        "side": "front", "file": SimpleUploadedFile("front.jpg", b"%PDF-1.4 %%EOF")})
    assert refused.status_code == 400
    assert "JPEG 或 PNG" in refused.content.decode()

    reviewer = signed_in_client(make_user(Role.REVIEWER))
    detail = reviewer.get(reverse("seeker-detail", args=[profile.pk])).content.decode()
    assert reverse("seeker-identity-image", args=[profile.pk, "back"]) in detail
    url = reverse("seeker-identity-image", args=[profile.pk, "back"])
    assert reviewer.post(url, {"purpose": ""}).status_code == 403
    got = reviewer.post(url, {"purpose": "核对实名申诉材料"})
    assert (got.status_code, got["Content-Type"]) == (200, "image/png")
    assert PiAccess.objects.get().purpose == "核对实名申诉材料"
