"""The scan over every response and log line catches unmasked data shown to the wrong role."""

import logging

import pytest
from django.urls import reverse

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.privacy.policies import Disclosure
from fairhire.privacy.tests import leak_scanner
from fairhire.profiles import services as profile_services
from fairhire.profiles.tests.factories import id_number, make_seeker

pytestmark = pytest.mark.django_db

ID = id_number(seq=41)
PHONE = "13544445555"


@pytest.mark.req("R21.2")
def test_a_reviewers_unlogged_sight_of_an_id_number_or_phone_is_a_leak():
    seeker = make_seeker(id_number=ID, phone=PHONE)
    reviewer = make_user(Role.REVIEWER)
    text = f"<td>{ID}</td><td>{PHONE}</td>"
    assert len(leak_scanner.leaks_in(text=text, viewer=reviewer)) == 2
    assert leak_scanner.leaks_in(text=text, viewer=seeker.user) == []
    assert leak_scanner.leaks_in(text=text, viewer=reviewer, echoed=f"{ID} {PHONE}") == []
    profile_services.seeker_profile_disclose(actor=reviewer, profile_id=seeker.pk,
                                             purpose="核实")
    assert leak_scanner.leaks_in(text=text, viewer=reviewer) == []
    masked = f"<td>{ID[:3]}***********{ID[-4:]}</td><td>135****5555</td>"
    assert leak_scanner.leaks_in(text=masked, viewer=make_user(Role.EMPLOYER_STAFF)) == []


@pytest.mark.req("R21.2")
def test_the_scan_catches_a_page_that_unmasks_without_logging(monkeypatch):
    seeker = make_seeker(id_number=ID)
    # A regression: the policy says "whole, no log" to a reviewer without a purpose.
    monkeypatch.setattr("fairhire.privacy.services.access.pi_disclosure",
                        lambda **kwargs: Disclosure.FULL)
    signed_in_client(make_user(Role.REVIEWER)).get(reverse("seeker-detail", args=[seeker.pk]))
    found, leak_scanner.FOUND[:] = list(leak_scanner.FOUND), []
    assert any("id_number" in f and "reviewer" in f for f in found)


def test_a_log_line_with_a_registered_persons_whole_phone_number_is_a_leak():
    logging.getLogger("fairhire.test").warning("calling %s", PHONE)
    assert leak_scanner.FOUND == []  # nobody has that number yet: random digits, not PI
    make_seeker(phone=PHONE)
    logging.getLogger("fairhire.test").warning("calling %s", PHONE)
    found, leak_scanner.FOUND[:] = list(leak_scanner.FOUND), []
    assert found and found[0].startswith("log fairhire.test")
