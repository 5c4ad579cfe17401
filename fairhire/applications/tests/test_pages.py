"""The applications pages, as each side uses them (the leak scanner reads every response)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.applications import services
from fairhire.applications.models import Application, FollowUp, Interview, Message
from fairhire.applications.tests.factories import (
    employer_of,
    make_application,
    make_resume,
    seeker_of,
)
from fairhire.postings.tests.factories import make_published
from fairhire.profiles.tests.factories import make_seeker

pytestmark = pytest.mark.django_db


def test_the_public_posting_page_offers_to_apply_and_sign_in_comes_first():
    posting = make_published()
    page = Client().get(f"/postings/{posting.pk}/")
    assert "申请该职位" in page.content.decode()
    response = Client().get(f"/postings/{posting.pk}/apply/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    other_employer = signed_in_client(employer_of(make_application()))
    assert "申请该职位" not in other_employer.get(f"/postings/{posting.pk}/").content.decode()


@pytest.mark.req("R21.1")
def test_a_seeker_applies_on_the_page_and_sees_the_state_in_my_applications():
    seeker = make_seeker()
    resume = make_resume(seeker)
    posting = make_published()
    client = signed_in_client(seeker.user)
    form = client.get(f"/postings/{posting.pk}/apply/")
    assert "我单独同意将所选简历发送给该用人单位" in form.content.decode()
    refused = client.post(f"/postings/{posting.pk}/apply/", {"resume": resume.pk})
    assert refused.status_code == 400
    assert "单独同意" in refused.content.decode()
    response = client.post(f"/postings/{posting.pk}/apply/",
                           {"resume": resume.pk, "consent": "on", "cover_note": "期待面试"})
    application = Application.objects.get()
    assert response["Location"] == f"/applications/{application.pk}/"
    mine = client.get("/me/applications/").content.decode()
    assert posting.title in mine and "已投递" in mine


def test_the_employer_page_shows_the_resume_and_masked_contact_then_moves_the_applicant():
    application = make_application()
    client = signed_in_client(employer_of(application))
    page = client.get(f"/applications/{application.pk}/").content.decode()
    assert "叉车驾驶" in page and "张**" in page and "138****" in page
    assert "张三丰" not in page
    response = client.post(f"/applications/{application.pk}/transition/",
                           {"to": "shortlisted"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "shortlisted"


def test_the_seeker_withdraws_on_the_page_and_a_wrong_move_is_refused_with_a_message():
    application = make_application()
    client = signed_in_client(seeker_of(application))
    refused = client.post(f"/applications/{application.pk}/transition/", {"to": "offer"})
    assert refused.status_code == 403
    client.post(f"/applications/{application.pk}/transition/", {"to": "withdrawn"})
    application.refresh_from_db()
    assert application.status == "withdrawn"
    refused = client.post(f"/applications/{application.pk}/transition/", {"to": "withdrawn"})
    assert refused.status_code == 409 and "不能变更" in refused.content.decode()


def test_the_pipeline_board_filters_and_bulk_rejects():
    first = make_application()
    second = make_application(posting=first.posting)
    client = signed_in_client(employer_of(first))
    overview = client.get("/me/applicants/").content.decode()
    assert first.posting.title in overview
    board = client.get(f"/me/postings/{first.posting_id}/applicants/").content.decode()
    assert f"#{first.pk}" in board and f"#{second.pk}" in board
    client.post(f"/applications/{second.pk}/transition/", {"to": "shortlisted",
                                                           "back": "board"})
    filtered = client.get(f"/me/postings/{first.posting_id}/applicants/?status=shortlisted")
    assert f"#{second.pk} " in filtered.content.decode()
    assert f"#{first.pk} " not in filtered.content.decode()
    client.post(f"/me/postings/{first.posting_id}/applicants/reject/",
                {"application": [first.pk, second.pk], "reason": "已招满"})
    assert set(Application.objects.values_list("status", flat=True)) == {"rejected"}
    analytics = client.get(f"/me/postings/{first.posting_id}/analytics/").content.decode()
    assert "招聘数据" in analytics


@pytest.mark.req("EN2")
def test_interview_pages_propose_answer_and_download():
    application = make_application()
    employer = signed_in_client(employer_of(application))
    starts = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT10:00")
    response = employer.post(f"/applications/{application.pk}/interviews/new/", {
        "mode": "onsite", "starts_at": starts, "duration_minutes": 45,
        "address": "太原市小店区长风街 8 号 3 楼"})
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert timezone.localtime(interview.starts_at).strftime("%Y-%m-%dT%H:%M") == starts
    refused = employer.post(f"/applications/{application.pk}/interviews/new/", {
        "mode": "remote", "starts_at": starts, "duration_minutes": 30})
    assert refused.status_code == 400 and "https://" in refused.content.decode()
    seeker = signed_in_client(seeker_of(application))
    page = seeker.get(f"/applications/{application.pk}/").content.decode()
    assert "确认参加" in page and "10:00" in page
    seeker.post(f"/interviews/{interview.pk}/respond/", {"answer": "confirm"})
    interview.refresh_from_db()
    assert interview.status == "confirmed"
    ics = seeker.get(f"/interviews/{interview.pk}/calendar.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert employer.get(f"/interviews/{interview.pk}/reschedule/").status_code == 200


@pytest.mark.req("R19")
def test_message_pages_hold_a_deposit_request_and_the_reviewer_blocks_it():
    application = make_application()
    employer = signed_in_client(employer_of(application))
    employer.post(f"/applications/{application.pk}/messages/", {"text": "需先交押金800元"})
    seeker_page = signed_in_client(seeker_of(application)).get(
        f"/applications/{application.pk}/").content.decode()
    assert "正在由平台审核" in seeker_page and "押金800元" not in seeker_page
    reviewer = signed_in_client(make_user(Role.REVIEWER))
    queue = reviewer.get("/review/messages/").content.decode()
    assert "需先交押金800元" in queue and "deposit_fee" in queue
    message = Message.objects.get()
    reviewer.post(f"/review/messages/{message.pk}/decision/", {"decision": "block"})
    message.refresh_from_db()
    assert message.status == "blocked"


def test_a_seeker_reports_a_message_on_the_page():
    application = make_application()
    message = services.message_send(actor=employer_of(application), application=application,
                                    text="周末加班没有加班费")
    client = signed_in_client(seeker_of(application))
    client.post(f"/messages/{message.pk}/report/", {"reason": "违反劳动法"})
    message.refresh_from_db()
    assert message.report == "open"


def test_operators_record_follow_ups_on_the_page():
    application = make_application()
    for to, actor in (("shortlisted", employer_of(application)),
                      ("offer", employer_of(application)), ("hired", seeker_of(application))):
        services.application_transition(actor=actor, application=application, to=to)
    client = signed_in_client(make_user(Role.OPERATOR))
    assert application.posting.title in client.get("/operator/follow-ups/").content.decode()
    follow_up = FollowUp.objects.get()
    client.post(f"/operator/follow-ups/{follow_up.pk}/", {"still_employed": "no",
                                                          "note": "已离职"})
    follow_up.refresh_from_db()
    assert follow_up.still_employed is False


@pytest.mark.req("R21.2")
def test_shared_contact_shows_whole_to_the_employer_never_the_id_number_and_stops_on_withdrawal():
    from fairhire.privacy.models import PiAccess
    from fairhire.privacy.notices import ConsentKind
    from fairhire.profiles.services import seeker_consent_withdraw

    application = make_application(share_contact=True)
    seeker = application.seeker
    employer = employer_of(application)
    client = signed_in_client(employer)
    page = client.get(f"/applications/{application.pk}/").content.decode()
    phone, id_number = seeker.unseal("phone"), seeker.unseal("id_number")
    assert phone in page and "张三丰" in page and id_number not in page
    assert PiAccess.objects.filter(viewer_id=employer.pk, subject_id=seeker.user_id).exists()
    seeker_consent_withdraw(actor=seeker.user, kind=ConsentKind.RESUME_SENDING)
    page = client.get(f"/applications/{application.pk}/").content.decode()
    assert phone not in page and "叉车驾驶" not in page
    assert "已撤回简历投递同意" in page
