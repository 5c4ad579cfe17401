"""HTTP mapping of the applications API: status codes, error codes, object isolation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fairhire.accounts.tests.factories import signed_in_client
from fairhire.applications.tests.factories import (
    employer_of,
    make_application,
    make_resume,
    seeker_of,
)
from fairhire.postings.tests.factories import make_published
from fairhire.privacy.models import PiAccess
from fairhire.profiles.tests.factories import make_seeker

pytestmark = pytest.mark.django_db
JSON = "application/json"


def client_of(user):
    return signed_in_client(user)


def apply(client, posting, resume, **overrides):
    body = {"resume_id": resume.pk, "consent": True}
    body.update(overrides)
    return client.post(f"/api/v1/postings/{posting.pk}/applications", body, content_type=JSON)


@pytest.mark.req("R21.1")
def test_apply_answers_201_then_409_for_a_duplicate_and_400_without_consent():
    seeker = make_seeker()
    resume = make_resume(seeker)
    posting = make_published()
    client = client_of(seeker.user)
    refused = apply(client, posting, resume, consent=False)
    assert (refused.status_code, refused.json()["code"]) == (400, "applications.consent_required")
    created = apply(client, posting, resume)
    assert created.status_code == 201
    assert (created.json()["status"], created.json()["contact_shared"]) == ("received", False)
    duplicate = apply(client, posting, resume)
    assert (duplicate.status_code, duplicate.json()["code"]) == (409, "applications.duplicate")
    mine = client.get("/api/v1/me/applications").json()
    assert [a["id"] for a in mine] == [created.json()["id"]]


def test_the_daily_limit_answers_429_with_retry_after(settings):
    settings.APPLICATIONS_DAILY_LIMIT = 1
    seeker = make_seeker()
    resume = make_resume(seeker)
    client = client_of(seeker.user)
    assert apply(client, make_published(), resume).status_code == 201
    response = apply(client, make_published(), resume)
    assert (response.status_code, response.json()["code"]) == (429, "applications.daily_limit")
    assert response.json()["until"] and response.has_header("Retry-After")


def test_another_employer_and_another_seeker_get_404_everywhere():
    application = make_application()
    others = [employer_of(make_application()), seeker_of(make_application())]
    for user in others:
        client = client_of(user)
        assert client.get(f"/api/v1/applications/{application.pk}").status_code == 404
        assert client.post(f"/api/v1/applications/{application.pk}/transition",
                           {"to": "withdrawn"}, content_type=JSON).status_code == 404
        assert client.get(f"/api/v1/applications/{application.pk}/messages").status_code == 404
        assert client.post(f"/api/v1/applications/{application.pk}/messages",
                           {"text": "你好"}, content_type=JSON).status_code == 404
    assert client_of(others[0]).get(
        f"/api/v1/postings/{application.posting_id}/applications").status_code == 404


def test_the_employer_reads_the_pipeline_and_moves_an_applicant():
    application = make_application()
    client = client_of(employer_of(application))
    rows = client.get(f"/api/v1/postings/{application.posting_id}/applications").json()
    assert [r["id"] for r in rows] == [application.pk]
    detail = client.get(f"/api/v1/applications/{application.pk}").json()
    assert detail["status"] == "viewed"  # opening it marks it viewed
    assert detail["resume"]["title"] == "仓储物流岗位简历"
    assert "*" in detail["applicant"]["phone"]
    moved = client.post(f"/api/v1/applications/{application.pk}/transition",
                        {"to": "shortlisted"}, content_type=JSON)
    assert (moved.status_code, moved.json()["status"]) == (200, "shortlisted")
    bad = client.post(f"/api/v1/applications/{application.pk}/transition",
                      {"to": "hired"}, content_type=JSON)
    assert (bad.status_code, bad.json()["code"]) == (403, "applications.not_your_move")
    unknown = client.post(f"/api/v1/applications/{application.pk}/transition",
                          {"to": "nonsense"}, content_type=JSON)
    assert unknown.status_code == 400
    filtered = client.get(f"/api/v1/postings/{application.posting_id}/applications"
                          "?status=received").json()
    assert filtered == []


@pytest.mark.req("R21.2")
def test_contact_is_shown_whole_to_the_employer_only_after_sharing_and_the_view_is_logged():
    application = make_application()
    seeker = seeker_of(application)
    shared = client_of(seeker).post(f"/api/v1/applications/{application.pk}/share-contact")
    assert (shared.status_code, shared.json()["contact_shared"]) == (200, True)
    employer = employer_of(application)
    detail = client_of(employer).get(f"/api/v1/applications/{application.pk}").json()
    assert detail["applicant"]["name"] == "张三丰"
    assert PiAccess.objects.filter(viewer_id=employer.pk, subject_id=seeker.pk).exists()


def test_a_bulk_reject_answers_with_the_rejected_applications():
    first = make_application()
    second = make_application(posting=first.posting)
    response = client_of(employer_of(first)).post(
        f"/api/v1/postings/{first.posting_id}/applications/reject",
        {"application_ids": [first.pk, second.pk], "reason": "已招满"}, content_type=JSON)
    assert response.status_code == 200
    assert {r["status"] for r in response.json()} == {"rejected"}


@pytest.mark.req("EN2")
def test_interviews_are_proposed_answered_and_downloaded_as_ics():
    application = make_application()
    employer = client_of(employer_of(application))
    starts = (timezone.localtime() + timedelta(days=3)).replace(hour=10, minute=0, second=0,
                                                                microsecond=0, tzinfo=None)
    created = employer.post(f"/api/v1/applications/{application.pk}/interviews",
                            {"mode": "remote", "starts_at": starts.isoformat(),
                             "meeting_link": "https://meet.example.com/abc"},
                            content_type=JSON)
    assert created.status_code == 201, created.content
    interview = created.json()
    assert interview["starts_at"].endswith("+08:00") or interview["starts_at"].endswith("Z")
    bad = employer.post(f"/api/v1/applications/{application.pk}/interviews",
                        {"mode": "remote", "starts_at": starts.isoformat(),
                         "meeting_link": "ftp://x"}, content_type=JSON)
    assert (bad.status_code, bad.json()["code"]) == (400, "interviews.meeting_link")
    seeker = client_of(seeker_of(application))
    answered = seeker.post(f"/api/v1/interviews/{interview['id']}/respond",
                           {"answer": "confirm"}, content_type=JSON)
    assert (answered.status_code, answered.json()["status"]) == (200, "confirmed")
    ics = seeker.get(f"/api/v1/interviews/{interview['id']}/ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ics.content
    cancelled = employer.post(f"/api/v1/interviews/{interview['id']}/cancel",
                              {"reason": "岗位取消"}, content_type=JSON)
    assert cancelled.json()["status"] == "cancelled"


@pytest.mark.req("R19")
def test_a_held_message_reaches_the_seeker_without_its_text_and_the_reviewer_decides():
    from fairhire.accounts.models import Role
    from fairhire.accounts.tests.factories import make_user

    application = make_application()
    sent = client_of(employer_of(application)).post(
        f"/api/v1/applications/{application.pk}/messages",
        {"text": "入职需交保证金300元"}, content_type=JSON)
    assert (sent.status_code, sent.json()["status"]) == (201, "held")
    seen = client_of(seeker_of(application)).get(
        f"/api/v1/applications/{application.pk}/messages").json()
    assert seen == [{**seen[0], "status": "held", "text": None}]
    reviewer = client_of(make_user(Role.REVIEWER))
    queue = reviewer.get("/api/v1/review/messages").json()
    assert [m["id"] for m in queue] == [sent.json()["id"]]
    assert queue[0]["flags"][0]["category"] == "deposit_fee"
    decided = reviewer.post(f"/api/v1/review/messages/{sent.json()['id']}/decision",
                            {"decision": "block"}, content_type=JSON)
    assert (decided.status_code, decided.json()["status"]) == (200, "blocked")
    assert client_of(seeker_of(application)).get(
        f"/api/v1/applications/{application.pk}/messages").json() == []


def test_analytics_and_follow_ups_answer_their_roles():
    from fairhire.accounts.models import Role
    from fairhire.accounts.tests.factories import make_user

    application = make_application()
    analytics = client_of(employer_of(application)).get(
        f"/api/v1/postings/{application.posting_id}/analytics")
    assert analytics.status_code == 200 and analytics.json()["applications"] == 1
    assert client_of(make_user(Role.OPERATOR)).get("/api/v1/operator/follow-ups").json() == []
