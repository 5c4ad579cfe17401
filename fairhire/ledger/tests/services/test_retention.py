import json
from datetime import UTC, datetime, timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django_tasks_db.models import DBTaskResult

from fairhire.core.audit import AuditAction
from fairhire.core.errors import RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.core.testing import run_queued_tasks
from fairhire.ledger.leaves import REDACTED, REDACTION_KIND
from fairhire.ledger.models import Entry, EntryPayload, Retention
from fairhire.ledger.services import (
    checkpoint_sign,
    ledger_verify,
    retention_erase_due,
    retention_require_expired,
    retention_set,
)
from fairhire.ledger.tasks import ledger_periodic_schedule, retention_erase_due_task
from fairhire.ledger.tests.factories import NOW, append_entries, application_ref

pytestmark = [pytest.mark.django_db, pytest.mark.req("R26")]

COMPLETED = datetime(2026, 12, 31, 4, 0, tzinfo=UTC)
EXPIRES = datetime(2029, 12, 31, 4, 0, tzinfo=UTC)


def test_service_completion_sets_retention_to_three_years_and_logs_it():
    append_entries(1)
    retention = retention_set(obj=application_ref(0), completed_at=COMPLETED, now=NOW)
    assert retention.retain_until == EXPIRES
    entry = Entry.objects.get(kind="ledger.retention_set")
    assert json.loads(entry.body.text)["retain_until"] == EXPIRES.isoformat()
    assert AuditEvent.objects.filter(action=AuditAction.LEDGER_RETENTION_SET).exists()


def test_a_setting_below_three_years_still_keeps_records_three_years(settings):
    settings.LEDGER_RETENTION_YEARS = 1
    retention = retention_set(obj=application_ref(0), completed_at=COMPLETED, now=NOW)
    assert retention.retain_until == EXPIRES


def test_a_longer_setting_is_honoured_and_a_leap_day_lands_on_28_february(settings):
    settings.LEDGER_RETENTION_YEARS = 5
    leap = datetime(2028, 2, 29, tzinfo=UTC)
    assert retention_set(obj=application_ref(0), completed_at=leap).retain_until == \
        datetime(2033, 2, 28, tzinfo=UTC)


def test_an_earlier_completion_never_shortens_the_period():
    retention_set(obj=application_ref(0), completed_at=COMPLETED, now=NOW)
    retention_set(obj=application_ref(0), completed_at=COMPLETED - timedelta(days=300), now=NOW)
    assert Retention.objects.get().retain_until == EXPIRES
    assert Entry.objects.filter(kind="ledger.retention_set").count() == 1


def test_deleting_before_the_date_is_refused_with_the_date_named():
    append_entries(1)
    retention_set(obj=application_ref(0), completed_at=COMPLETED, now=NOW)
    with pytest.raises(RuleViolation, match="2029-12-31") as refused:
        retention_require_expired(obj=application_ref(0), now=EXPIRES - timedelta(seconds=1))
    assert refused.value.code == "ledger.retention_not_expired"
    retention_require_expired(obj=application_ref(0), now=EXPIRES)


def test_deleting_a_ledgered_record_whose_service_has_not_completed_is_refused():
    append_entries(1)
    with pytest.raises(RuleViolation) as refused:
        retention_require_expired(obj=application_ref(0), now=NOW)
    assert refused.value.code == "ledger.retention_not_started"
    retention_require_expired(obj=application_ref(99), now=NOW)  # never ledgered: may go


def test_after_the_date_personal_data_is_erased_by_a_logged_redaction_and_the_log_verifies():
    append_entries(3)
    retention_set(obj=application_ref(1), completed_at=COMPLETED, now=NOW)
    checkpoint_sign(now=NOW + timedelta(hours=1))
    assert retention_erase_due(now=EXPIRES - timedelta(days=1)) == 0
    assert retention_erase_due(now=EXPIRES) == 1
    body = json.loads(EntryPayload.objects.get(entry_id=1).text)
    assert body == {"n": 1, "seeker_name": REDACTED, "state": "submitted"}
    assert "姓名0" in EntryPayload.objects.get(entry_id=0).text  # other records untouched
    redaction = Entry.objects.get(kind=REDACTION_KIND)
    assert (redaction.object, json.loads(redaction.body.text)["entry"]) == ("ledger.entry:1", 1)
    assert Retention.objects.get().erased_at == EXPIRES
    assert AuditEvent.objects.filter(action=AuditAction.LEDGER_ENTRY_REDACTED).count() == 1
    report = ledger_verify(record=False)
    assert (report.ok, report.redactions) == (True, 1), report.findings
    assert retention_erase_due(now=EXPIRES + timedelta(days=1)) == 0  # done once


def test_the_database_refuses_to_change_a_payload_without_a_logged_redaction():
    append_entries(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_entrypayload SET text = '{}' WHERE entry_id = 0")
    assert ledger_verify(record=False).ok


def test_a_payload_changed_beyond_what_its_redaction_recorded_is_named_as_altered():
    append_entries(2)
    retention_set(obj=application_ref(0), completed_at=COMPLETED, now=NOW)
    retention_erase_due(now=EXPIRES)
    with connection.cursor() as cursor:  # allowed by the trigger now, but not by the evidence
        cursor.execute("UPDATE ledger_entrypayload SET text = '{}' WHERE entry_id = 0")
    findings = [str(f) for f in ledger_verify(record=False).findings]
    assert findings == ["[altered] entry #0 was altered: its payload does not match its "
                        "recorded SHA-256"]


def test_the_erasure_task_runs_on_the_real_queue():
    append_entries(1)
    retention_set(obj=application_ref(0), completed_at=datetime(2020, 1, 1, tzinfo=UTC))
    retention_erase_due_task.enqueue()
    assert run_queued_tasks() == 1
    assert REDACTED in EntryPayload.objects.get(entry_id=0).text


def test_the_periodic_task_queues_itself_once():
    assert ledger_periodic_schedule() is True
    assert ledger_periodic_schedule() is False
    assert DBTaskResult.objects.count() == 1


def test_an_erasure_before_the_logged_retention_date_is_named_by_ledger_verify():
    append_entries(1)
    retention_set(obj=application_ref(0), completed_at=COMPLETED, now=NOW)
    # Someone edits the (mutable) retention table to erase early; the log kept the real date.
    Retention.objects.update(retain_until=NOW)
    assert retention_erase_due(now=NOW + timedelta(days=1)) == 1
    findings = [str(f) for f in ledger_verify(record=False).findings]
    assert findings == ["[redaction] redaction #2 erased entry #0 before 2029-12-31"]
