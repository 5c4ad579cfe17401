"""The audit administrator browses, filters and exports the audit trail (a background task)."""

import csv

import pytest
from django.test import Client
from django.urls import reverse

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent, TaskProgress
from fairhire.core.testing import run_queued_tasks

pytestmark = pytest.mark.django_db


def failed_sign_in(username, ip):
    Client().post(reverse("account-sign-in"), {"username": username, "password": "wrong-pass-1"},
                  REMOTE_ADDR=ip)


@pytest.mark.req("JF-log")
def test_the_audit_administrator_filters_sign_in_failures_by_account():
    auditor = make_user(Role.AUDIT_ADMIN)
    failed_sign_in("mallory", "198.51.100.66")
    failed_sign_in("someone", "198.51.100.67")
    page = signed_in_client(auditor).get(reverse("audit-list"), {
        "action": AuditAction.USER_SIGN_IN_FAILED, "account": "mallory"}).content.decode()
    assert "198.51.100.66" in page
    assert "198.51.100.67" not in page


@pytest.mark.req("R20")
def test_an_export_runs_in_the_background_shows_progress_and_is_audited(
        django_capture_on_commit_callbacks):
    auditor = make_user(Role.AUDIT_ADMIN)
    failed_sign_in("mallory", "198.51.100.66")
    client = signed_in_client(auditor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("audit-export"),
                               {"action": AuditAction.USER_SIGN_IN_FAILED})
    progress = TaskProgress.objects.get()
    assert response["Location"] == reverse("task-detail", args=[progress.pk])
    queued = client.get(response["Location"]).content.decode()
    assert "<progress" in queued and "排队中" in queued

    assert run_queued_tasks() == 1

    progress.refresh_from_db()
    assert (progress.status, progress.total, progress.done) == ("succeeded", 1, 1)
    done = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert 'value="100"' in done and "下载结果" in done
    download = client.get(reverse("task-download", args=[progress.pk]))
    assert download.status_code == 200
    assert download["X-Content-Type-Options"] == "nosniff"
    rows = list(csv.reader(b"".join(download.streaming_content).decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["time_utc", "action", "result", "account"]
    assert [(r[1], r[3], r[5]) for r in rows[1:]] == [
        (AuditAction.USER_SIGN_IN_FAILED, "mallory", "198.51.100.66")]
    actions = set(AuditEvent.objects.filter(actor_id=auditor.pk).values_list("action", flat=True))
    assert {AuditAction.AUDIT_EXPORTED, AuditAction.EXPORT_DOWNLOADED} <= actions


def test_someone_elses_export_is_not_found():
    auditor = make_user(Role.AUDIT_ADMIN)
    other = make_user(Role.AUDIT_ADMIN)
    client = signed_in_client(auditor)
    client.post(reverse("audit-export"), {})
    progress = TaskProgress.objects.get()
    url = reverse("task-detail", args=[progress.pk])
    assert signed_in_client(other).get(url).status_code == 404
    assert Client().get(f"/api/v1/tasks/{progress.pk}").status_code == 401
