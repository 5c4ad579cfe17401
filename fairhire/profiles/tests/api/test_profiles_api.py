"""HTTP mapping of the profiles API: sign-up, résumés, gig card, data rights, staff look-up."""

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.services import api_token_create
from fairhire.accounts.tests.factories import PASSWORD, make_user
from fairhire.privacy.models import PiAccess
from fairhire.profiles.tests.factories import id_number, make_seeker

pytestmark = pytest.mark.django_db

ID = id_number(seq=21)


def bearer(user):
    _token, raw = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def sign_up(**overrides):
    body = {"username": "wang.fang", "password": PASSWORD, "real_name": "王芳", "id_number": ID,
            "phone": "13700001111", "consent_general": True, "consent_id_number": True}
    body.update(overrides)
    return Client().post("/api/v1/seekers", body, content_type="application/json")


RESUME = {"title": "保洁岗位", "visibility": "searchable", "skills": "家政保洁",
          "expected_regions": ["140105"], "employment_types": ["part_time"],
          "education": [{"level": "61", "school": "太原某中学"}],
          "languages": [{"language": "普通话", "level": "native"}]}


@pytest.mark.req("R16")
def test_sign_up_answers_201_with_masked_identity_only():
    response = sign_up()
    assert response.status_code == 201
    body = response.json()
    assert (body["real_name"], body["phone"]) == ("王*", "137****1111")
    assert body["id_number"] == ID[:3] + "*" * 11 + ID[-4:]
    assert ID not in response.content.decode()


@pytest.mark.req("R16")
def test_a_second_sign_up_with_the_same_id_number_answers_409():
    sign_up()
    response = sign_up(username="other")
    assert (response.status_code, response.json()["code"]) == (409, "profiles.id_number_taken")


@pytest.mark.req("R21.1")
def test_sign_up_without_the_separate_id_number_consent_answers_400_naming_the_field():
    response = sign_up(consent_id_number=False)
    assert response.status_code == 400
    assert response.json()["field"] == "consent_id_number"


def test_a_bad_id_number_answers_400_with_a_message():
    response = sign_up(id_number=ID[:17] + ("1" if ID[17] != "1" else "2"))
    assert (response.status_code, response.json()["field"]) == (400, "id_number")
    assert "校验位" in response.json()["message"]


@pytest.mark.req("R16")
def test_a_seeker_creates_reads_and_replaces_a_resume():
    auth = bearer(make_seeker().user)
    created = Client().post("/api/v1/me/resumes", RESUME, content_type="application/json", **auth)
    assert created.status_code == 201
    resume = created.json()
    assert resume["completeness"] < 100 and "工作经历" in resume["missing"]
    replaced = Client().put(f"/api/v1/me/resumes/{resume['id']}", {**RESUME, "title": "新"},
                            content_type="application/json", **auth)
    assert (replaced.status_code, replaced.json()["title"]) == (200, "新")
    listed = Client().get("/api/v1/me/resumes", **auth).json()
    assert [r["title"] for r in listed] == ["新"]


def test_another_seekers_resume_answers_404():
    owner = bearer(make_seeker().user)
    resume = Client().post("/api/v1/me/resumes", RESUME, content_type="application/json",
                           **owner).json()
    other = bearer(make_seeker().user)
    assert Client().get(f"/api/v1/me/resumes/{resume['id']}", **other).status_code == 404
    put = Client().put(f"/api/v1/me/resumes/{resume['id']}", RESUME,
                       content_type="application/json", **other)
    assert put.status_code == 404


@pytest.mark.req("GN8.2")
def test_a_seeker_puts_and_gets_a_gig_card():
    auth = bearer(make_seeker().user)
    assert Client().get("/api/v1/me/gig-card", **auth).status_code == 404
    body = {"work_types": "搬运", "skill_level": 5, "daily_pay": 220, "districts": ["140105"],
            "hours": "周末"}
    put = Client().put("/api/v1/me/gig-card", body, content_type="application/json", **auth)
    assert (put.status_code, put.json()["skill_level"]) == (200, 5)
    assert Client().get("/api/v1/me/gig-card", **auth).json()["daily_pay"] == 220


@pytest.mark.req("DSR")
def test_data_download_withdraw_and_close_over_the_api():
    profile = make_seeker(id_number=ID)
    auth = bearer(profile.user)
    data = Client().get("/api/v1/me/data", **auth)
    assert (data.status_code, data.json()["profile"]["id_number"]) == (200, ID)
    withdrawn = Client().post("/api/v1/me/consents/general/withdraw", **auth)
    assert withdrawn.status_code == 200
    again = Client().post("/api/v1/me/consents/general/withdraw", **auth)
    assert (again.status_code, again.json()["code"]) == (409, "privacy.consent_not_active")
    unknown = Client().post("/api/v1/me/consents/everything/withdraw", **auth)
    assert unknown.status_code == 400
    closed = Client().post("/api/v1/me/close", **auth)
    assert closed.status_code == 200
    assert Client().get("/api/v1/me/data", **auth).status_code == 401


@pytest.mark.req("DSR")
def test_a_seeker_corrects_contact_details_over_the_api():
    auth = bearer(make_seeker().user)
    response = Client().put("/api/v1/me/profile", {"phone": "13600002222"},
                            content_type="application/json", **auth)
    assert (response.status_code, response.json()["phone"]) == (200, "13600002222")
    bad = Client().put("/api/v1/me/profile", {"phone": "123"}, content_type="application/json",
                       **auth)
    assert (bad.status_code, bad.json()["field"]) == (400, "phone")


@pytest.mark.req("R21.2")
def test_an_inspector_sees_a_seeker_masked_unless_a_purpose_is_stated_and_logged():
    seeker = make_seeker(id_number=ID)
    auth = bearer(make_user(Role.INSPECTOR))
    masked = Client().get(f"/api/v1/seekers/{seeker.pk}", **auth).json()
    assert masked["id_number"] == ID[:3] + "*" * 11 + ID[-4:]
    assert not PiAccess.objects.exists()
    shown = Client().get(f"/api/v1/seekers/{seeker.pk}?purpose=随机抽查", **auth).json()
    assert shown["id_number"] == ID
    assert PiAccess.objects.get().purpose == "随机抽查"


@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.OPERATOR, Role.SEEKER])
def test_other_roles_cannot_look_a_seeker_up(role):
    seeker = make_seeker()
    response = Client().get(f"/api/v1/seekers/{seeker.pk}?purpose=x", **bearer(make_user(role)))
    assert response.status_code == 404


@pytest.mark.parametrize(("method", "path"), [
    ("get", "/api/v1/me/resumes"), ("get", "/api/v1/me/data"), ("post", "/api/v1/me/close"),
])
def test_non_seekers_get_a_clear_answer_not_a_500(method, path):
    response = getattr(Client(), method)(path, **bearer(make_user(Role.EMPLOYER_STAFF)))
    assert response.status_code in (403, 404)


def _jpeg() -> bytes:
    from fairhire.profiles.tests.services.test_identity_images import photo

    return photo()


@pytest.mark.req("R21.2")
def test_id_card_photos_upload_list_download_and_delete_over_the_api():
    from django.core.files.uploadedfile import SimpleUploadedFile

    profile = make_seeker()
    auth = bearer(profile.user)
    client = Client()
    created = client.post("/api/v1/me/identity-images/front",
                          {"file": SimpleUploadedFile("card.txt", _jpeg())}, **auth)
    assert (created.status_code, created.json()["content_type"]) == (201, "image/jpeg")
    assert [i["side"] for i in client.get("/api/v1/me/identity-images", **auth).json()] == [
        "front"]
    got = client.get("/api/v1/me/identity-images/front", **auth)
    assert (got.status_code, got["Content-Type"], got["X-Content-Type-Options"]) == (
        200, "image/jpeg", "nosniff")
    assert got["Content-Disposition"].startswith("attachment")
    bad = client.post("/api/v1/me/identity-images/back",
                      {"file": SimpleUploadedFile("card.jpg", b"MZ not an image")}, **auth)
    assert (bad.status_code, bad.json()["code"]) == (400, "upload.executable")
    wrong_side = client.post("/api/v1/me/identity-images/left",
                             {"file": SimpleUploadedFile("card.jpg", _jpeg())}, **auth)
    assert (wrong_side.status_code, wrong_side.json()["field"]) == (400, "side")
    assert client.delete("/api/v1/me/identity-images/front", **auth).status_code == 204
    assert client.get("/api/v1/me/identity-images/front", **auth).status_code == 404


@pytest.mark.req("R21.2")
def test_a_reviewer_gets_a_seekers_photo_only_with_a_purpose_and_it_is_logged():
    from fairhire.profiles import services

    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front", data=_jpeg())
    url = f"/api/v1/seekers/{profile.pk}/identity-images/front"
    reviewer = bearer(make_user(Role.REVIEWER))
    refused = Client().get(url, **reviewer)
    assert (refused.status_code, refused.json()["code"]) == (403, "profiles.purpose_required")
    assert Client().get(url, {"purpose": "复核实名"}, **reviewer).status_code == 200
    assert PiAccess.objects.get().fields == ["id_image"]
    employer = Client().get(url, {"purpose": "复核实名"}, **bearer(make_user(Role.EMPLOYER_STAFF)))
    assert employer.status_code == 404
