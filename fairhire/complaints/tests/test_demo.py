"""The demo site (``manage.py demo_data``) has its service agreement and rules in force."""

import io

import pytest
from django.core.management import call_command

from fairhire.accounts.models import Role, User
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.complaints.models import AgreementAcceptance, AgreementVersion

pytestmark = pytest.mark.django_db


@pytest.mark.req("R24.1")
def test_the_demo_publishes_the_agreement_and_rules_every_demo_account_has_accepted():
    call_command("demo_data", "--postings", "0", stdout=io.StringIO())
    assert sorted(AgreementVersion.objects.values_list("kind", flat=True)) == [
        "agreement", "rules"]
    demo_seeker = User.objects.get(username="li.ming")
    assert AgreementAcceptance.objects.filter(user=demo_seeker).count() == 2
    assert signed_in_client(demo_seeker).get("/notifications/").status_code == 200
    newcomer = signed_in_client(make_user(Role.SEEKER)).get("/notifications/")
    assert newcomer.status_code == 302 and newcomer["Location"].startswith("/agreements/accept/")


def test_a_demo_for_shared_test_sites_can_leave_the_agreements_out():
    call_command("demo_data", "--postings", "0", "--no-agreements", stdout=io.StringIO())
    assert not AgreementVersion.objects.exists()
