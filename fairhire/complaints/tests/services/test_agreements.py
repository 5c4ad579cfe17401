"""The platform service agreement and rules: versions, acceptance at sign-up, re-acceptance
with a diff after a new version, and the public archive (Regulation Art. 24; R24.1)."""

from datetime import timedelta

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import PASSWORD, make_user, signed_in_client
from fairhire.complaints import selectors, services
from fairhire.complaints.models import AgreementAcceptance
from fairhire.complaints.tests.factories import AGREEMENT_BODY, NOW, make_operator, publish
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _sign_in(client, user):
    return client.post("/accounts/sign-in/", {"username": user.username, "password": PASSWORD},
                       REMOTE_ADDR="203.0.113.9")


@pytest.mark.req("R24.1")
def test_a_new_account_accepts_the_version_in_force_before_anything_else():
    version = publish(now=NOW - timedelta(days=1))
    client = Client()
    response = client.post("/accounts/sign-up/", {
        "username": "sun.li", "display_name": "孙丽", "email": "sun.li@example.com",
        "role": Role.EMPLOYER_STAFF, "password": PASSWORD, "password_again": PASSWORD},
        follow=True)
    assert response.redirect_chain[-1][0].startswith("/agreements/accept/")
    assert "第一条 进入和退出平台" in response.content.decode()
    response = client.post("/agreements/accept/", {"agree": "on", "next": "/postings/"},
                           REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302 and response["Location"] == "/postings/"
    acceptance = AgreementAcceptance.objects.get(version=version)
    assert acceptance.user.username == "sun.li" and acceptance.ip == "203.0.113.5"
    assert client.get("/postings/").status_code == 200


@pytest.mark.req("R24.1")
def test_a_new_version_forces_re_acceptance_at_the_next_sign_in_with_what_changed():
    operator = make_operator()
    first = publish(operator=operator, now=NOW - timedelta(days=30))
    seeker = make_user(Role.SEEKER)
    services.agreement_accept(user=seeker, version=first, now=NOW - timedelta(days=29))
    client = Client()
    _sign_in(client, seeker)
    assert client.get("/postings/").status_code == 200  # nothing pending

    second = services.agreement_publish(
        actor=operator, kind="agreement", title="平台服务协议", summary="延长投诉处理时限说明",
        body=AGREEMENT_BODY.replace("十五日内处理投诉", "十五日内处理投诉，欺诈类三日内处理"))
    client = Client()
    response = _sign_in(client, seeker)
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].startswith("/agreements/accept/")
    page = client.get(response["Location"]).content.decode()
    assert "你曾接受 v1" in page
    assert "<ins>第二条 服务质量保障：平台在十五日内处理投诉，欺诈类三日内处理。</ins>" in page
    assert "<del>第二条 服务质量保障：平台在十五日内处理投诉。</del>" in page
    client.post("/agreements/accept/", {"agree": "on"})
    assert client.get("/postings/").status_code == 200
    assert list(AgreementAcceptance.objects.filter(user=seeker).values_list(
        "version__number", flat=True).order_by("version__number")) == [1, 2]
    assert AuditEvent.objects.filter(action=AuditAction.AGREEMENT_ACCEPTED,
                                     target_id=str(second.pk)).count() == 1


def test_the_page_refuses_to_continue_without_the_box_ticked():
    publish(now=NOW - timedelta(days=1))
    client = signed_in_client(make_user(Role.SEEKER))
    assert client.post("/agreements/accept/", {}).status_code == 400
    assert not AgreementAcceptance.objects.exists()


def test_a_version_binds_only_from_its_effective_time():
    future = publish(effective_at=NOW + timedelta(days=7))
    seeker = make_user(Role.SEEKER)
    assert selectors.agreements_in_force(now=NOW) == []
    assert selectors.agreements_in_force(now=NOW + timedelta(days=8)) == [future]
    with pytest.raises(RuleViolation):
        services.agreement_accept(user=seeker, version=future, now=NOW)


def test_a_version_cannot_take_effect_in_the_past():
    with pytest.raises(InvalidInput):
        publish(effective_at=NOW - timedelta(days=1))


@pytest.mark.parametrize("role", [Role.SEEKER, Role.REVIEWER, Role.SYSTEM_ADMIN])
def test_only_operators_publish(role):
    with pytest.raises(PermissionDenied):
        publish(operator=make_user(role))


def test_the_public_reads_every_past_version():
    operator = make_operator()
    first = publish(operator=operator, now=NOW - timedelta(days=10))
    second = publish(operator=operator, body=AGREEMENT_BODY + "\n第五条 附则。")
    rules = publish(operator=operator, kind="rules")
    page = Client().get("/agreements/").content.decode()
    assert page.count("现行有效") == 2 and "已废止" in page
    detail = Client().get(f"/agreements/{second.pk}/").content.decode()
    assert "<ins>第五条 附则。</ins>" in detail
    assert Client().get(f"/agreements/{first.pk}/").status_code == 200
    listed = Client().get("/api/v1/agreements").json()
    assert {(v["kind"], v["number"], v["in_force"]) for v in listed} == {
        ("agreement", 1, False), ("agreement", 2, True), ("rules", 1, True)}
    assert rules.number == 1


def test_the_api_accepts_a_version_and_lists_what_is_pending():
    version = publish(now=NOW - timedelta(days=1))
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    assert [v["id"] for v in client.get("/api/v1/me/agreements/pending").json()] == [version.pk]
    assert client.post(f"/api/v1/agreements/{version.pk}/accept").status_code == 200
    assert client.get("/api/v1/me/agreements/pending").json() == []


def test_someone_who_has_not_accepted_may_still_read_the_agreements_complain_or_sign_out():
    version = publish(now=NOW - timedelta(days=1))
    client = signed_in_client(make_user(Role.SEEKER))
    assert client.get("/me/complaints/").status_code == 302
    for path in ("/agreements/", f"/agreements/{version.pk}/", "/complaints/new/", "/fees/"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/v1/me/complaints").status_code == 200  # programs are not held
