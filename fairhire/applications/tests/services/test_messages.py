"""Messages: employers' messages are screened; one asking for a deposit is held, the seeker is
warned and a reviewer decides; seekers report messages (Regulation Art. 19; R19)."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.applications import services
from fairhire.applications.models import Message
from fairhire.applications.selectors import message_review_queue, message_thread
from fairhire.applications.tests.factories import employer_of, make_application, seeker_of
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied
from fairhire.core.models import AuditEvent, Notification

pytestmark = pytest.mark.django_db

DEPOSIT = "您好，入职前需先交押金500元和服装费，请尽快转账。"


def test_a_clean_message_from_the_employer_is_delivered_and_the_seeker_is_told():
    application = make_application()
    message = services.message_send(actor=employer_of(application), application=application,
                                    text="请问您本周四上午方便来面试吗？")
    assert message.status == Message.Status.DELIVERED
    assert message.text == "请问您本周四上午方便来面试吗？"
    assert "面试" not in message.body  # encrypted at rest
    assert Notification.objects.filter(recipient=seeker_of(application),
                                       kind="messages.new").exists()
    application.refresh_from_db()
    assert application.first_response_at is not None


@pytest.mark.req("R19")
def test_a_message_asking_for_a_deposit_is_held_the_seeker_warned_and_queued_for_a_reviewer():
    application = make_application()
    message = services.message_send(actor=employer_of(application), application=application,
                                    text=DEPOSIT)
    assert message.status == Message.Status.HELD
    assert "deposit_fee" in {f["category"] for f in message.flags}
    warning = Notification.objects.get(recipient=seeker_of(application), kind="messages.held")
    assert "押金" in warning.body and DEPOSIT not in warning.body
    assert AuditEvent.objects.get(action=AuditAction.MESSAGE_HELD).details["categories"] == [
        "deposit_fee"]
    seen = message_thread(actor=seeker_of(application), application=application)
    assert [m.status for m in seen] == [Message.Status.HELD]  # shown as a warning, no text
    assert list(message_review_queue(actor=make_user(Role.REVIEWER))) == [message]


@pytest.mark.req("R19")
def test_a_reviewer_blocks_a_held_message_and_both_sides_are_told():
    application = make_application()
    message = services.message_send(actor=employer_of(application), application=application,
                                    text=DEPOSIT)
    reviewer = make_user(Role.REVIEWER)
    services.message_decide(actor=reviewer, message_id=message.pk, decision="block",
                            note="向求职者收取押金")
    message.refresh_from_db()
    assert (message.status, message.decided_by) == (Message.Status.BLOCKED, reviewer)
    assert Notification.objects.filter(recipient=employer_of(application),
                                       kind="messages.blocked").exists()
    assert not message_review_queue(actor=reviewer).exists()


def test_a_reviewer_releases_a_harmless_held_message_to_the_seeker():
    application = make_application()
    # "advance the fare" is a scam sign in general; here the employer reimburses it
    message = services.message_send(actor=employer_of(application), application=application,
                                    text="可以先垫付路费，入职后公司全额报销。")
    assert message.status == Message.Status.HELD
    services.message_decide(actor=make_user(Role.REVIEWER), message_id=message.pk,
                            decision="release")
    message.refresh_from_db()
    assert message.status == Message.Status.DELIVERED
    assert Notification.objects.filter(recipient=seeker_of(application), kind="messages.new",
                                       title__contains="已通过平台审核").exists()


def test_the_seekers_own_messages_are_not_screened():
    application = make_application()
    message = services.message_send(actor=seeker_of(application), application=application,
                                    text="请问需要交押金吗？")
    assert message.status == Message.Status.DELIVERED and message.flags == []


def test_a_seeker_reports_a_message_and_a_reviewer_upholds_the_report():
    application = make_application()
    message = services.message_send(actor=employer_of(application), application=application,
                                    text="加我私人微信详聊")
    with pytest.raises(InvalidInput):
        services.message_report(actor=seeker_of(application), message=message, reason="")
    services.message_report(actor=seeker_of(application), message=message,
                            reason="要求私下联系")
    reviewer = make_user(Role.REVIEWER)
    assert list(message_review_queue(actor=reviewer)) == [message]
    services.message_decide(actor=reviewer, message_id=message.pk, decision="block")
    message.refresh_from_db()
    assert (message.status, message.report) == (Message.Status.BLOCKED, Message.Report.UPHELD)
    assert AuditEvent.objects.filter(action=AuditAction.MESSAGE_REPORTED).exists()


def test_only_the_two_sides_write_and_only_reviewers_decide():
    application = make_application()
    with pytest.raises(NotFound):
        services.message_send(actor=employer_of(make_application()), application=application,
                              text="你好")
    message = services.message_send(actor=employer_of(application), application=application,
                                    text=DEPOSIT)
    for role in (Role.OPERATOR, Role.EMPLOYER_STAFF, Role.SEEKER):
        with pytest.raises(PermissionDenied):
            services.message_decide(actor=make_user(role), message_id=message.pk,
                                    decision="release")
    with pytest.raises(NotFound):
        services.message_report(actor=seeker_of(application), message=message, reason="x")
