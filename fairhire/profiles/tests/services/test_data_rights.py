"""Data rights: download, correct, withdraw consent, close the account (PIPL; control 15)."""

import pytest
from django.test import Client

from fairhire.core.audit import AuditAction
from fairhire.core.errors import NotFound, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.privacy import selectors as privacy_selectors
from fairhire.privacy.models import DataRequest, PiExport
from fairhire.privacy.services import consent_give
from fairhire.profiles import services
from fairhire.profiles.models import Resume, SeekerProfile
from fairhire.profiles.tests.factories import NOW, id_number, make_seeker, resume_data

pytestmark = pytest.mark.django_db


@pytest.mark.req("DSR")
def test_a_seeker_downloads_everything_about_them_decrypted_and_the_request_is_tracked():
    profile = make_seeker(real_name="王芳", id_number=id_number(seq=11), phone="13700001111")
    services.resume_save(actor=profile.user, data=resume_data())
    services.gig_card_save(actor=profile.user, work_types="保洁", skill_level=0, daily_pay=200,
                           districts=["140105"], hours="周末")
    data = services.my_data_download(actor=profile.user, now=NOW)
    assert data["profile"]["real_name"] == "王芳"
    assert data["profile"]["id_number"] == id_number(seq=11)
    assert data["profile"]["phone"] == "13700001111"
    assert data["resumes"][0]["education"][0]["school"] == "北京市某职业学院"
    assert data["gig_card"]["daily_pay"] == 200
    assert {c["kind"] for c in data["consents"]} == {"general", "id_number"}
    request = DataRequest.objects.get(kind=DataRequest.Kind.DOWNLOAD)
    assert (request.received_at, request.completed_at) == (NOW, NOW)
    export = PiExport.objects.get()
    assert (export.destination, export.allowed) == (PiExport.SUBJECT, True)


@pytest.mark.req("DSR")
def test_a_seeker_corrects_their_contact_details():
    profile = make_seeker()
    services.seeker_profile_correct(actor=profile.user, phone="13600002222",
                                    address="太原市迎泽区", now=NOW)
    profile.refresh_from_db()
    assert (profile.unseal("phone"), profile.unseal("address")) == ("13600002222", "太原市迎泽区")
    request = DataRequest.objects.get(kind=DataRequest.Kind.CORRECT)
    assert request.details == {"fields": ["phone", "address"]}
    assert AuditEvent.objects.filter(action=AuditAction.SEEKER_PROFILE_CORRECTED).exists()


@pytest.mark.req("R21.1")
def test_withdrawing_the_id_number_consent_erases_the_id_number_but_keeps_one_account_per_person():
    profile = make_seeker(id_number=id_number(seq=12))
    services.seeker_consent_withdraw(actor=profile.user, kind="id_number", now=NOW)
    profile.refresh_from_db()
    assert (profile.id_number, profile.birth_date, profile.verified_at) == ("", "", None)
    assert not privacy_selectors.consent_is_active(user=profile.user, kind="id_number")
    assert DataRequest.objects.get(kind=DataRequest.Kind.WITHDRAW).completed_at == NOW
    with pytest.raises(RuleViolation):
        make_seeker(id_number=id_number(seq=12))


@pytest.mark.req("R21.1")
def test_withdrawing_the_general_consent_hides_every_resume():
    profile = make_seeker()
    services.resume_save(actor=profile.user, data=resume_data(visibility="searchable"))
    services.seeker_consent_withdraw(actor=profile.user, kind="general")
    assert set(Resume.objects.values_list("visibility", flat=True)) == {"hidden"}


@pytest.mark.req("R21.1")
def test_withdrawing_the_resume_sending_consent_ends_it_for_every_reader():
    profile = make_seeker()
    consent_give(user=profile.user, kind="resume_sending")
    services.seeker_consent_withdraw(actor=profile.user, kind="resume_sending")
    assert not privacy_selectors.consent_is_active(user=profile.user, kind="resume_sending")


@pytest.mark.req("DSR")
def test_closing_the_account_erases_the_profile_disables_the_account_and_frees_the_id_number():
    profile = make_seeker(id_number=id_number(seq=13), real_name="王芳")
    services.resume_save(actor=profile.user, data=resume_data())
    client = Client()
    client.force_login(profile.user)
    services.seeker_account_close(actor=profile.user, now=NOW)
    profile.refresh_from_db()
    assert profile.status == SeekerProfile.Status.CLOSED
    erased = [c for c in profile.SEALED_FIELDS if c not in ("real_name", "id_number")]
    assert [getattr(profile, c) for c in erased] == [""] * 4
    # the real-name record is kept, sealed and restricted, for the service-record retention
    assert (profile.unseal("real_name"), profile.unseal("id_number")) == ("王芳",
                                                                        id_number(seq=13))
    assert (profile.id_number_index, profile.phone_index, profile.email_index) == (None, "", "")
    assert not Resume.objects.exists()
    profile.user.refresh_from_db()
    assert not profile.user.is_active
    assert client.get("/api/v1/me").status_code == 401
    assert not privacy_selectors.consent_list(user=profile.user).filter(withdrawn_at=None)
    request = DataRequest.objects.get(kind=DataRequest.Kind.CLOSE)
    assert (request.received_at, request.completed_at) == (NOW, NOW)
    assert AuditEvent.objects.filter(action=AuditAction.SEEKER_ACCOUNT_CLOSED).exists()
    with pytest.raises((PermissionDenied, NotFound)):
        services.my_data_download(actor=profile.user)
    make_seeker(id_number=id_number(seq=13))  # the same person may register again


@pytest.mark.req("R21.1")
def test_giving_a_consent_is_as_easy_as_withdrawing_it_but_the_id_number_needs_a_new_check():
    profile = make_seeker()
    consent = services.seeker_consent_give(actor=profile.user, kind="resume_sending", now=NOW)
    assert (consent.kind, consent.given_at) == ("resume_sending", NOW)
    services.seeker_consent_withdraw(actor=profile.user, kind="id_number")
    with pytest.raises(RuleViolation):
        services.seeker_consent_give(actor=profile.user, kind="id_number")
