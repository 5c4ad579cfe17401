"""Two-way selection: every transition of the table, every refused one, who may make each,
the end that starts the retention clock, expiry and object isolation."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.applications import services
from fairhire.applications.models import Application, FollowUp, Side
from fairhire.applications.selectors import application_get
from fairhire.applications.tests.factories import employer_of, make_application, seeker_of
from fairhire.complaints.models import EvaluationInvite
from fairhire.core.audit import AuditAction
from fairhire.core.errors import NotFound, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent, Notification
from fairhire.ledger.models import Entry, Retention
from fairhire.ledger.services.retention import add_years

pytestmark = pytest.mark.django_db
S = Application.Status

# The way each state is reached through the real services, from "received".
PATHS = {
    S.RECEIVED: [], S.VIEWED: [S.VIEWED], S.SHORTLISTED: [S.SHORTLISTED],
    S.INTERVIEW: [S.SHORTLISTED, S.INTERVIEW], S.OFFER: [S.SHORTLISTED, S.OFFER],
    S.HIRED: [S.SHORTLISTED, S.OFFER, S.HIRED], S.REJECTED: [S.REJECTED],
    S.DECLINED: [S.SHORTLISTED, S.DECLINED], S.WITHDRAWN: [S.WITHDRAWN],
}


class Rollback(Exception):
    pass


def actor_for(application, status):
    return seeker_of(application) if Application.ACTOR[status] == Side.SEEKER \
        else employer_of(application)


def reach(status):
    application = make_application()
    for step in PATHS[status]:
        application = services.application_transition(
            actor=actor_for(application, step), application=application, to=step)
    return application


@pytest.mark.req("R26")
@pytest.mark.parametrize("start", list(PATHS))
def test_each_state_allows_exactly_the_moves_of_the_transitions_table(start):
    application = reach(start)
    assert application.status == start
    for target in [s for s in S.values if s not in (S.RECEIVED, S.EXPIRED)]:
        allowed = target in Application.TRANSITIONS[start]
        try:
            with transaction.atomic():
                moved = services.application_transition(
                    actor=actor_for(application, target), application=application, to=target)
                assert allowed, f"{start} -> {target} should be refused"
                assert moved.status == target
                raise Rollback
        except Rollback:
            pass
        except RuleViolation as refused:
            assert not allowed, f"{start} -> {target} should be allowed"
            assert refused.code == "applications.bad_transition"
        application.refresh_from_db()
        assert application.status == start


@pytest.mark.parametrize("target", [S.SHORTLISTED, S.OFFER, S.REJECTED])
def test_the_seeker_cannot_make_the_employers_moves(target):
    application = reach(S.SHORTLISTED if target == S.OFFER else S.RECEIVED)
    with pytest.raises(PermissionDenied) as refused:
        services.application_transition(actor=seeker_of(application), application=application,
                                        to=target)
    assert refused.value.code == "applications.not_your_move"


@pytest.mark.parametrize("target", [S.HIRED, S.DECLINED, S.WITHDRAWN])
def test_the_employer_cannot_make_the_seekers_moves(target):
    application = reach(S.OFFER)
    with pytest.raises(PermissionDenied):
        services.application_transition(actor=employer_of(application),
                                        application=application, to=target)
    application.refresh_from_db()
    assert application.status == S.OFFER
    assert not AuditEvent.objects.filter(action=AuditAction.APPLICATION_MOVED,
                                         details__to=target).exists()


def test_nobody_sets_expired_or_received_by_hand():
    application = make_application()
    for target in (S.EXPIRED, S.RECEIVED):
        with pytest.raises(PermissionDenied):
            services.application_transition(actor=employer_of(application),
                                            application=application, to=target)


def test_a_move_is_audited_and_tells_the_other_side_in_app():
    application = make_application()
    employer = employer_of(application)
    services.application_transition(actor=employer, application=application, to=S.SHORTLISTED)
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_MOVED)
    assert (event.actor_id, event.details["from"], event.details["to"]) == (
        employer.pk, S.RECEIVED, S.SHORTLISTED)
    note = Notification.objects.filter(recipient=seeker_of(application)).latest("id")
    assert "初筛通过" in note.title and note.url == f"/applications/{application.pk}/"


def test_a_rejection_reason_reaches_the_seeker():
    application = make_application()
    services.application_transition(actor=employer_of(application), application=application,
                                    to=S.REJECTED, reason="岗位已招满，感谢关注")
    note = Notification.objects.filter(recipient=seeker_of(application)).latest("id")
    assert "不合适" in note.title and "岗位已招满" in note.body
    application.refresh_from_db()
    assert application.rejection_reason == "岗位已招满，感谢关注"


@pytest.mark.req("R26")
def test_a_hire_is_the_service_completion_that_starts_the_three_year_clock_and_a_follow_up():
    application = reach(S.OFFER)
    now = timezone.now()
    services.application_transition(actor=seeker_of(application), application=application,
                                    to=S.HIRED, now=now)
    application.refresh_from_db()
    assert application.ended_at == now
    retention = Retention.objects.get(object_model="application", object_pk=str(application.pk))
    assert retention.completed_at == now
    assert retention.retain_until == add_years(now, 3)
    assert Entry.objects.filter(kind="applications.application_ended",
                                object_pk=str(application.pk)).exists()
    follow_up = FollowUp.objects.get(application=application)
    assert follow_up.due_on == timezone.localdate(now) + timedelta(days=30)
    # the employer's side hears of the hire
    assert Notification.objects.filter(recipient=employer_of(application),
                                       title__contains="已录用").exists()


@pytest.mark.req("R26")
@pytest.mark.parametrize("end", [S.REJECTED, S.DECLINED, S.WITHDRAWN])
def test_every_other_end_also_records_its_completion_date(end):
    application = reach(end)
    assert application.ended_at is not None
    assert Retention.objects.filter(object_pk=str(application.pk)).exists()
    assert not FollowUp.objects.exists()


@pytest.mark.req("R26")
def test_an_application_nobody_answered_expires_after_the_set_days_and_both_sides_are_told(
        settings):
    settings.APPLICATIONS_EXPIRE_DAYS = 10
    created = timezone.now() - timedelta(days=11)
    stale = make_application(now=created)
    answered = make_application(now=created)
    services.application_transition(actor=employer_of(answered), application=answered,
                                    to=S.SHORTLISTED, now=created + timedelta(days=1))
    assert services.applications_expire() == 1
    stale.refresh_from_db()
    answered.refresh_from_db()
    assert (stale.status, answered.status) == (S.EXPIRED, S.SHORTLISTED)
    assert stale.ended_at is not None
    assert Retention.objects.filter(object_pk=str(stale.pk)).exists()
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_EXPIRED,
                                     target_id=str(stale.pk)).exists()
    for user in (seeker_of(stale), employer_of(stale)):
        assert Notification.objects.filter(recipient=user, title__contains="超时未处理").exists()


def test_opening_a_new_application_marks_it_viewed_and_counts_as_the_first_response():
    application = make_application()
    services.application_mark_viewed(actor=employer_of(application), application=application)
    application.refresh_from_db()
    assert application.status == S.VIEWED and application.first_response_at is not None
    services.application_mark_viewed(actor=seeker_of(application), application=application)
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_MOVED).count() == 1


def test_bulk_reject_rejects_the_chosen_applicants_that_can_still_be_rejected():
    first = make_application()
    posting = first.posting
    second = make_application(posting=posting)
    withdrawn = make_application(posting=posting)
    services.application_transition(actor=seeker_of(withdrawn), application=withdrawn,
                                    to=S.WITHDRAWN)
    rejected = services.application_bulk_reject(
        actor=employer_of(first), posting_id=posting.pk,
        application_ids=[first.pk, second.pk, withdrawn.pk], reason="不符合要求")
    assert {a.pk for a in rejected} == {first.pk, second.pk}
    withdrawn.refresh_from_db()
    assert withdrawn.status == S.WITHDRAWN


def test_another_employer_and_another_seeker_get_not_found():
    application = make_application()
    other_employer = employer_of(make_application())
    other_seeker = seeker_of(make_application())
    for actor in (other_employer, other_seeker, make_user(Role.REVIEWER)):
        with pytest.raises(NotFound):
            application_get(actor=actor, application_id=application.pk)
        with pytest.raises(NotFound):
            services.application_transition(actor=actor, application=application,
                                            to=S.WITHDRAWN)
    application.refresh_from_db()
    assert application.status == S.RECEIVED


@pytest.mark.req("JF7")
def test_when_an_application_ends_the_seeker_is_invited_to_rate_the_employers_service():
    application = make_application()
    services.application_transition(actor=employer_of(application), application=application,
                                    to=S.REJECTED)
    invite = EvaluationInvite.objects.get(subject_kind="application", subject_id=application.pk)
    assert invite.user == seeker_of(application)
    assert invite.about_org == application.posting.employer
    assert Notification.objects.filter(recipient=seeker_of(application),
                                       title="请评价本次服务").exists()


@pytest.mark.req("R26")
def test_when_the_three_years_end_the_resume_sent_and_the_conversation_are_erased():
    from fairhire.applications.models import Message
    from fairhire.ledger.services import retention_erase_due

    application = make_application()
    services.message_send(actor=employer_of(application), application=application,
                          text="请问您本周四上午方便来面试吗？")
    ended = timezone.now()
    services.application_transition(actor=employer_of(application), application=application,
                                    to=S.REJECTED, reason="岗位已招满", now=ended)

    retention_erase_due(now=add_years(ended, 3) - timedelta(days=1))
    application.refresh_from_db()
    assert application.resume_snapshot  # still within the three years

    retention_erase_due(now=add_years(ended, 3) + timedelta(days=1))
    application.refresh_from_db()
    assert (application.resume_snapshot, application.rejection_reason) == ({}, "")
    assert Message.objects.get(application=application).text == ""
    assert application.status == S.REJECTED and application.ended_at == ended
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_RECORD_ERASED,
                                     target_id=str(application.pk)).exists()
