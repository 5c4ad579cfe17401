"""Privacy pages: the access log and the self-inspection record."""

import pytest
from django.urls import reverse

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.privacy.models import SelfInspection
from fairhire.profiles import services as profile_services
from fairhire.profiles.tests.factories import make_seeker

pytestmark = pytest.mark.django_db


@pytest.mark.req("R21.2")
def test_the_audit_administrator_browses_the_access_log_and_others_get_403():
    seeker = make_seeker()
    reviewer = make_user(Role.REVIEWER, username="rev.li")
    profile_services.seeker_profile_disclose(actor=reviewer, profile_id=seeker.pk,
                                             purpose="核实投诉 #7")
    page = signed_in_client(make_user(Role.AUDIT_ADMIN)).get(reverse("pi-access-log"))
    assert page.status_code == 200
    assert "核实投诉 #7" in page.content.decode()
    denied = signed_in_client(make_user(Role.SYSTEM_ADMIN)).get(reverse("pi-access-log"))
    assert denied.status_code == 403


@pytest.mark.req("R21.3")
def test_the_security_administrator_generates_and_concludes_the_years_record_on_the_page():
    make_seeker()
    client = signed_in_client(make_user(Role.SECURITY_ADMIN))
    listing = client.get(reverse("self-inspection-list")).content.decode()
    assert "超过十二个月" in listing
    response = client.post(reverse("self-inspection-list"), {"year": "2026"})
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "profiles.seekerprofile.id_number" in detail
    concluded = client.post(response["Location"], {"findings": "未发现问题。", "fixes": ""})
    assert concluded.status_code == 302
    assert SelfInspection.objects.get().findings == "未发现问题。"


def test_the_audit_administrator_reads_but_cannot_conclude_a_record():
    client = signed_in_client(make_user(Role.SECURITY_ADMIN))
    client.post(reverse("self-inspection-list"), {"year": "2026"})
    auditor = signed_in_client(make_user(Role.AUDIT_ADMIN))
    url = reverse("self-inspection-detail", args=[2026])
    assert auditor.get(url).status_code == 200
    assert auditor.post(url, {"findings": "x"}).status_code == 403


@pytest.mark.req("R21.3")
@pytest.mark.parametrize(("role", "warned"), [
    (Role.SECURITY_ADMIN, True), (Role.OPERATOR, True), (Role.REVIEWER, False),
    (Role.SEEKER, False)])
def test_the_dashboard_warns_operators_when_the_self_inspection_is_over_a_year_old(role, warned):
    from datetime import timedelta

    from django.utils import timezone

    from fairhire.privacy.services import self_inspection_generate

    self_inspection_generate(year=2025, now=timezone.now() - timedelta(days=400))
    client = signed_in_client(make_user(role))
    assert ("年度自查已超过 12 个月" in client.get("/").content.decode()) is warned
    self_inspection_generate(year=timezone.now().year)
    assert "年度自查已超过 12 个月" not in client.get("/").content.decode()


@pytest.mark.req("R21.3")
def test_the_record_prints_without_navigation_or_forms():
    from django.contrib.staticfiles import finders

    client = signed_in_client(make_user(Role.SECURITY_ADMIN))
    client.post(reverse("self-inspection-list"), {"year": "2026"})
    page = client.get(reverse("self-inspection-detail", args=[2026])).content.decode()
    assert "data-print" in page and "privacy/print.js" in page
    assert "@media print" in open(finders.find("fairhire/app.css"), encoding="utf-8").read()
