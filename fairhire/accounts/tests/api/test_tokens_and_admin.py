import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.services import api_token_create
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, raw = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_token_is_shown_once_and_stops_working_when_revoked():
    seeker = make_user(Role.SEEKER)
    auth = bearer(seeker)
    created = Client().post("/api/v1/tokens", {"name": "脚本"}, content_type="application/json",
                            **auth)
    assert created.status_code == 201
    new = created.json()
    listed = Client().get("/api/v1/tokens", **auth).json()
    assert all("token" not in item for item in listed)
    revoked = Client().delete(f"/api/v1/tokens/{new['id']}", **auth)
    assert revoked.status_code == 200
    after = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {new['token']}")
    assert (after.status_code, after.json()["code"]) == (401, "auth.required")


def test_one_person_cannot_revoke_another_persons_token():
    owner, other = make_user(Role.SEEKER), make_user(Role.SEEKER)
    token, _raw = api_token_create(user=owner, name="mine")
    response = Client().delete(f"/api/v1/tokens/{token.pk}", **bearer(other))
    assert response.status_code == 404


@pytest.mark.req("R20")
def test_the_system_administrator_gets_403_on_the_audit_log():
    admin = make_user(Role.SYSTEM_ADMIN)
    api = Client().get("/api/v1/audit/events", **bearer(admin))
    assert (api.status_code, api.json()["code"]) == (403, "audit.not_auditor")
    page = signed_in_client(admin).get("/accounts/audit/")
    assert page.status_code == 403
    assert "只有审计管理员可以查看审计日志" in page.content.decode()
    denied = AuditEvent.objects.filter(action=AuditAction.ACCESS_DENIED, actor_id=admin.pk)
    assert denied.count() == 2


@pytest.mark.req("R20")
def test_the_audit_administrator_reads_the_log_but_cannot_change_a_user():
    auditor = make_user(Role.AUDIT_ADMIN)
    seeker = make_user(Role.SEEKER)
    listed = Client().get("/api/v1/audit/events?action=accounts.user_created", **bearer(auditor))
    assert listed.status_code == 200
    assert str(seeker.pk) in {e["target_id"] for e in listed.json()["items"]}
    change = Client().post(f"/api/v1/admin/users/{seeker.pk}/role", {"role": "reviewer"},
                           content_type="application/json", **bearer(auditor))
    assert (change.status_code, change.json()["code"]) == (403, "accounts.not_security_admin")
    disable = Client().post(f"/api/v1/admin/users/{seeker.pk}/active", {"active": False},
                            content_type="application/json", **bearer(auditor))
    assert disable.status_code == 403
    seeker.refresh_from_db()
    assert (seeker.role, seeker.is_active) == (Role.SEEKER, True)


@pytest.mark.req("R20")
def test_the_security_administrator_changes_a_role_and_it_is_audited():
    secadmin = make_user(Role.SECURITY_ADMIN)
    seeker = make_user(Role.SEEKER)
    response = Client().post(f"/api/v1/admin/users/{seeker.pk}/role",
                             {"role": "inspector", "jurisdiction": "110000"},
                             content_type="application/json", **bearer(secadmin))
    assert response.status_code == 200
    seeker.refresh_from_db()
    assert (seeker.role, seeker.jurisdiction) == (Role.INSPECTOR, "110000")
    event = AuditEvent.objects.get(action=AuditAction.USER_ROLE_CHANGED)
    assert (event.actor_id, event.details["from"], event.details["to"]) == (
        secadmin.pk, "seeker", "inspector")


@pytest.mark.req("R20")
def test_the_security_administrator_cannot_read_the_audit_log_or_change_their_own_role():
    secadmin = make_user(Role.SECURITY_ADMIN)
    assert Client().get("/api/v1/audit/events", **bearer(secadmin)).status_code == 403
    own = Client().post(f"/api/v1/admin/users/{secadmin.pk}/role", {"role": "audit_admin"},
                        content_type="application/json", **bearer(secadmin))
    assert own.status_code == 403


def test_the_openapi_schema_lists_the_endpoints():
    schema = Client().get("/api/v1/openapi.json").json()
    assert {"/api/v1/auth/token", "/api/v1/tokens", "/api/v1/audit/events",
            "/api/v1/tasks/{task_id}"} <= set(schema["paths"])
    assert Client().get("/api/v1/docs").status_code == 200
