"""Unmasked views are logged: who, whose, which fields, purpose, time, address (R21.2)."""

import pytest
from django.db import DatabaseError, transaction

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta
from fairhire.privacy.models import PiAccess
from fairhire.privacy.services import pi_disclose
from fairhire.profiles.tests.factories import NOW

pytestmark = pytest.mark.django_db

VALUES = {"id_number": "11010519491231002X", "phone": "13812345678", "name": "张三丰"}


@pytest.mark.req("R21.2")
def test_a_reviewer_who_states_a_purpose_sees_the_values_and_the_view_is_logged():
    reviewer, seeker = make_user(Role.REVIEWER), make_user(Role.SEEKER)
    token = set_meta(RequestMeta(ip="198.51.100.7", user_agent="test"))
    try:
        shown = pi_disclose(actor=reviewer, subject_id=seeker.pk, values=VALUES,
                            purpose="核实投诉 #12", now=NOW)
    finally:
        reset_meta(token)
    assert shown == VALUES
    row = PiAccess.objects.get()
    assert (row.viewer_id, row.viewer_role, row.subject_id, row.purpose, row.created_at,
            row.ip) == (reviewer.pk, Role.REVIEWER, seeker.pk, "核实投诉 #12", NOW,
                        "198.51.100.7")
    assert sorted(row.fields) == ["id_number", "name", "phone"]


@pytest.mark.req("R21.2")
def test_without_a_purpose_a_reviewer_sees_masked_values_and_nothing_is_logged():
    reviewer, seeker = make_user(Role.REVIEWER), make_user(Role.SEEKER)
    shown = pi_disclose(actor=reviewer, subject_id=seeker.pk, values=VALUES)
    assert shown == {"id_number": "110***********002X", "phone": "138****5678", "name": "张**"}
    assert not PiAccess.objects.exists()


@pytest.mark.req("R21.2")
def test_an_employer_never_gets_the_id_number_even_with_contact_shared():
    employer, seeker = make_user(Role.EMPLOYER_STAFF), make_user(Role.SEEKER)
    shown = pi_disclose(actor=employer, subject_id=seeker.pk, values=VALUES, contact_shared=True)
    assert shown["id_number"] is None
    assert shown["phone"] == "13812345678"
    assert PiAccess.objects.get().fields == ["phone", "name"]


def test_the_person_themselves_sees_everything_and_no_access_row_is_written():
    seeker = make_user(Role.SEEKER)
    assert pi_disclose(actor=seeker, subject_id=seeker.pk, values=VALUES) == VALUES
    assert not PiAccess.objects.exists()


@pytest.mark.req("R21.2")
def test_the_access_log_refuses_updates_and_deletes_in_the_database():
    reviewer, seeker = make_user(Role.REVIEWER), make_user(Role.SEEKER)
    pi_disclose(actor=reviewer, subject_id=seeker.pk, values=VALUES, purpose="核实")
    with pytest.raises(DatabaseError), transaction.atomic():
        PiAccess.objects.update(purpose="nothing to see")
    with pytest.raises(DatabaseError), transaction.atomic():
        PiAccess.objects.all().delete()
    assert PiAccess.objects.get().purpose == "核实"
