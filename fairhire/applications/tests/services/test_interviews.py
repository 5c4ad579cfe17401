"""Interviews: propose on-site or remote, reschedule and cancel with notice, the seeker's answer,
reminders the day before, the calendar file; stored in UTC, shown in Beijing time."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from fairhire.applications import services
from fairhire.applications.calendar import interview_ics
from fairhire.applications.models import Application, Interview
from fairhire.applications.tests.factories import employer_of, make_application, seeker_of
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent, Notification

pytestmark = pytest.mark.django_db

LINK = "https://meeting.example.com/j/123456"


def next_week_at(hour_beijing: int) -> datetime:
    day = timezone.localdate() + timedelta(days=7)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour_beijing))


def propose(application=None, **overrides):
    application = application or make_application()
    data = {"mode": "remote", "starts_at": next_week_at(10), "meeting_link": LINK}
    data.update(overrides)
    return services.interview_propose(actor=employer_of(application), application=application,
                                      **data)


@pytest.mark.req("EN2")
def test_a_remote_interview_is_stored_in_utc_moves_the_application_and_invites_the_seeker():
    interview = propose()
    application = interview.application
    application.refresh_from_db()
    assert application.status == Application.Status.INTERVIEW
    assert interview.starts_at.astimezone(UTC).hour == 2  # 10:00 in Beijing is 02:00 UTC
    note = Notification.objects.filter(recipient=seeker_of(application)).latest("id")
    assert "10:00（北京时间）" in note.title and LINK in note.body
    assert AuditEvent.objects.filter(action=AuditAction.INTERVIEW_PROPOSED).exists()


def test_a_time_without_a_zone_is_read_as_beijing_time():
    naive = timezone.make_naive(next_week_at(15))
    interview = propose(starts_at=naive)
    assert timezone.localtime(interview.starts_at).hour == 15


@pytest.mark.parametrize(("overrides", "code"), [
    ({"starts_at": timezone.now() - timedelta(hours=1)}, "interviews.time_past"),
    ({"meeting_link": "http://plain.example.com"}, "interviews.meeting_link"),
    ({"mode": "onsite", "address": ""}, "interviews.address"),
    ({"mode": "phone"}, "interviews.mode"),
    ({"duration_minutes": 1}, "interviews.duration"),
])
def test_bad_interview_details_are_refused_with_a_clear_code(overrides, code):
    application = make_application()
    with pytest.raises(InvalidInput) as refused:
        propose(application, **overrides)
    assert refused.value.code == code
    assert not Interview.objects.exists()
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED


def test_the_seeker_confirms_and_the_employer_is_told():
    interview = propose()
    services.interview_respond(actor=seeker_of(interview.application), interview=interview,
                               answer="confirm")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CONFIRMED
    assert Notification.objects.filter(recipient=employer_of(interview.application),
                                       title__contains="已确认面试").exists()


def test_the_seeker_asks_for_another_time_saying_when_suits():
    interview = propose()
    seeker = seeker_of(interview.application)
    with pytest.raises(InvalidInput):
        services.interview_respond(actor=seeker, interview=interview, answer="another_time")
    services.interview_respond(actor=seeker, interview=interview, answer="another_time",
                               note="周四下午都可以")
    interview.refresh_from_db()
    assert (interview.status, interview.seeker_note) == (Interview.Status.CHANGE_REQUESTED,
                                                         "周四下午都可以")
    with pytest.raises(RuleViolation):
        services.interview_respond(actor=seeker, interview=interview, answer="confirm")


def test_rescheduling_asks_the_seeker_again_and_bumps_the_calendar_sequence():
    interview = propose()
    services.interview_respond(actor=seeker_of(interview.application), interview=interview,
                               answer="confirm")
    services.interview_reschedule(actor=employer_of(interview.application),
                                  interview=interview, starts_at=next_week_at(14))
    interview.refresh_from_db()
    assert (interview.status, interview.sequence) == (Interview.Status.PROPOSED, 1)
    assert timezone.localtime(interview.starts_at).hour == 14
    note = Notification.objects.filter(recipient=seeker_of(interview.application)).latest("id")
    assert "面试改期" in note.title and "14:00" in note.title


def test_cancelling_needs_a_reason_and_tells_the_seeker():
    interview = propose()
    employer = employer_of(interview.application)
    with pytest.raises(InvalidInput):
        services.interview_cancel(actor=employer, interview=interview, reason=" ")
    services.interview_cancel(actor=employer, interview=interview, reason="面试官临时出差")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CANCELLED
    note = Notification.objects.filter(recipient=seeker_of(interview.application)).latest("id")
    assert "面试已取消" in note.title and "出差" in note.body
    assert "METHOD:CANCEL" in interview_ics(interview)


def test_each_side_keeps_to_its_own_part():
    interview = propose()
    with pytest.raises(PermissionDenied):
        services.interview_propose(actor=seeker_of(interview.application),
                                   application=interview.application, mode="remote",
                                   starts_at=next_week_at(9), meeting_link=LINK)
    with pytest.raises(PermissionDenied):
        services.interview_respond(actor=employer_of(interview.application),
                                   interview=interview, answer="confirm")
    with pytest.raises(NotFound):
        services.interview_cancel(actor=employer_of(make_application()), interview=interview,
                                  reason="x")


def test_reminders_go_to_both_sides_the_day_before_and_only_once():
    tomorrow = timezone.localdate() + timedelta(days=1)
    soon = propose(starts_at=timezone.make_aware(
        datetime(tomorrow.year, tomorrow.month, tomorrow.day, 15)))
    later = propose()
    assert services.interview_reminders_send() == 1
    assert services.interview_reminders_send() == 0
    for user in (seeker_of(soon.application), employer_of(soon.application)):
        assert Notification.objects.filter(recipient=user, kind="interviews.reminder").count() == 1
    assert not Notification.objects.filter(recipient=seeker_of(later.application),
                                           kind="interviews.reminder").exists()


@pytest.mark.req("EN2")
def test_the_calendar_file_gives_the_time_in_utc_and_the_meeting_link():
    interview = propose()
    ics = interview_ics(interview)
    start = interview.starts_at.astimezone(UTC)
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}Z" in ics
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and f"URL:{LINK}" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
