from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, connection, transaction

from fairhire.core.audit import AuditAction, audit_rate_until, audit_record
from fairhire.core.models import AuditEvent
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta

pytestmark = pytest.mark.django_db


@pytest.mark.req("R20")
@pytest.mark.parametrize("sql", [
    "UPDATE core_auditevent SET account = 'someone-else'",
    "DELETE FROM core_auditevent",
])
def test_the_database_refuses_to_change_or_delete_audit_rows(sql):
    event = audit_record(action=AuditAction.COMMAND_RUN, account="ops")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    event.refresh_from_db()
    assert event.account == "ops"


@pytest.mark.req("R20")
def test_the_orm_cannot_change_an_audit_row_either():
    event = audit_record(action=AuditAction.COMMAND_RUN, account="ops")
    event.account = "forged"
    with pytest.raises(DatabaseError), transaction.atomic():
        event.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().account == "ops"


def test_an_audit_row_carries_the_callers_address_and_user_agent():
    token = set_meta(RequestMeta(ip="198.51.100.4", user_agent="curl/8", channel="api"))
    try:
        event = audit_record(action=AuditAction.COMMAND_RUN, account="ops", details={"n": 1})
    finally:
        reset_meta(token)
    assert (event.ip, event.user_agent, event.details) == (
        "198.51.100.4", "curl/8", {"channel": "api", "n": 1})


def test_a_change_and_its_audit_row_roll_back_together():
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(action=AuditAction.COMMAND_RUN, account="ops")
        raise RuntimeError("the change failed")
    assert not AuditEvent.objects.exists()


def test_a_rate_limit_counted_from_the_trail_lifts_when_enough_recent_events_age_out():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    window = timedelta(hours=1)
    for minutes in (50, 40, 30):  # three sign-ups in the last hour from one address
        AuditEvent.objects.create(action=AuditAction.USER_SIGNED_UP, ip="203.0.113.9",
                                  created_at=now - timedelta(minutes=minutes))
    check = dict(ip="203.0.113.9", actions=[AuditAction.USER_SIGNED_UP], window=window, now=now)
    assert audit_rate_until(limit=4, **check) is None
    # at a limit of two, the address may act again once the second newest is an hour old
    assert audit_rate_until(limit=2, **check) == now - timedelta(minutes=40) + window
    assert audit_rate_until(limit=2, **{**check, "ip": "198.51.100.1"}) is None
