import pytest
from django.db import transaction

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.models import Notification
from fairhire.core.notifications import notify
from fairhire.profiles.tests.factories import make_seeker

pytestmark = pytest.mark.django_db


def test_a_notification_reaches_the_page_and_its_e_mail_leaves_on_commit(
        mailoutbox, django_capture_on_commit_callbacks):
    employer = make_user(Role.EMPLOYER_STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=employer, kind="test", title="有新的求职申请", body="请查看。",
               url="/postings/mine/")
    assert [m.subject for m in mailoutbox] == ["有新的求职申请"]
    assert mailoutbox[0].to == [employer.email]
    page = signed_in_client(employer).get("/notifications/").content.decode()
    assert "有新的求职申请" in page
    assert "我的通知（1 条未读）" in page


def test_a_job_seeker_is_e_mailed_at_the_address_sealed_in_their_profile(
        mailoutbox, django_capture_on_commit_callbacks):
    seeker = make_seeker(email="wang@example.com").user
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=seeker, kind="test", title="面试邀请")
    assert mailoutbox[0].to == ["wang@example.com"]


def test_a_rolled_back_change_notifies_nobody(mailoutbox, django_capture_on_commit_callbacks):
    employer = make_user(Role.EMPLOYER_STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            notify(recipient=employer, kind="test", title="不会发出")
            raise RuntimeError
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_opening_a_notification_marks_it_read_and_follows_its_link():
    employer = make_user(Role.EMPLOYER_STAFF)
    n = notify(recipient=employer, kind="test", title="招聘信息已发布", url="/postings/mine/",
               email=False)
    response = signed_in_client(employer).post(f"/notifications/{n.pk}/read/")
    assert response.status_code == 302 and response["Location"] == "/postings/mine/"
    n.refresh_from_db()
    assert n.read_at is not None


def test_a_link_to_another_site_is_not_followed():
    employer = make_user(Role.EMPLOYER_STAFF)
    n = notify(recipient=employer, kind="test", title="x", url="//evil.example/", email=False)
    response = signed_in_client(employer).post(f"/notifications/{n.pk}/read/")
    assert response["Location"] == "/notifications/"


def test_nobody_reads_or_marks_another_persons_notifications():
    owner, other = make_user(Role.EMPLOYER_STAFF), make_user(Role.EMPLOYER_STAFF)
    n = notify(recipient=owner, kind="test", title="只给本人看", email=False)
    client = signed_in_client(other)
    assert "只给本人看" not in client.get("/notifications/").content.decode()
    assert client.post(f"/notifications/{n.pk}/read/").status_code == 404
    assert client.post(f"/api/v1/me/notifications/{n.pk}/read").status_code == 404
    assert client.get("/api/v1/me/notifications").json()["items"] == []
    n.refresh_from_db()
    assert n.read_at is None


def test_the_api_lists_unread_notifications_and_marks_one_read():
    seeker = make_user(Role.SEEKER)
    first = notify(recipient=seeker, kind="test", title="一", email=False)
    notify(recipient=seeker, kind="test", title="二", email=False)
    client = signed_in_client(seeker)
    assert [n["title"] for n in client.get("/api/v1/me/notifications").json()["items"]] == \
        ["二", "一"]
    assert client.post(f"/api/v1/me/notifications/{first.pk}/read").json() == {"marked": 1}
    unread = client.get("/api/v1/me/notifications?unread=true").json()["items"]
    assert [n["title"] for n in unread] == ["二"]


def test_mark_all_read_clears_the_unread_count():
    seeker = make_user(Role.SEEKER)
    notify(recipient=seeker, kind="test", title="一", email=False)
    client = signed_in_client(seeker)
    client.post("/notifications/read-all/")
    assert "未读" not in client.get("/notifications/").content.decode()
