"""Masking by role (Regulation Art. 21(2); SECURITY.md controls 11-12)."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.privacy.policies import Disclosure, PiKind, mask, pi_disclosure

pytestmark = pytest.mark.django_db


@pytest.mark.req("R21.2")
@pytest.mark.parametrize(("role", "kind", "purpose", "shared", "expected"), [
    (Role.EMPLOYER_STAFF, PiKind.ID_NUMBER, "", True, Disclosure.WITHHELD),
    (Role.EMPLOYER_STAFF, PiKind.ID_NUMBER, "核实", True, Disclosure.WITHHELD),
    (Role.AGENCY_STAFF, PiKind.BIRTH_DATE, "", True, Disclosure.WITHHELD),
    (Role.EMPLOYER_STAFF, PiKind.PHONE, "", False, Disclosure.MASKED),
    (Role.EMPLOYER_STAFF, PiKind.PHONE, "", True, Disclosure.FULL_LOGGED),
    (Role.REVIEWER, PiKind.ID_NUMBER, "", False, Disclosure.MASKED),
    (Role.REVIEWER, PiKind.ID_NUMBER, "   ", False, Disclosure.MASKED),
    (Role.REVIEWER, PiKind.ID_NUMBER, "核实投诉 #12", False, Disclosure.FULL_LOGGED),
    (Role.INSPECTOR, PiKind.PHONE, "随机抽查", False, Disclosure.FULL_LOGGED),
    (Role.OPERATOR, PiKind.PHONE, "运营", False, Disclosure.MASKED),
    (Role.SYSTEM_ADMIN, PiKind.ID_NUMBER, "维护", False, Disclosure.MASKED),
    (Role.AUDIT_ADMIN, PiKind.ID_NUMBER, "审计", False, Disclosure.MASKED),
    (Role.SEEKER, PiKind.PHONE, "", True, Disclosure.MASKED),
])
def test_what_each_role_sees_of_another_persons_data(role, kind, purpose, shared, expected):
    viewer = make_user(role)
    assert pi_disclosure(actor=viewer, subject_id=viewer.pk + 1000, kind=kind, purpose=purpose,
                         contact_shared=shared) == expected


def test_a_person_sees_all_of_their_own_data():
    seeker = make_user(Role.SEEKER)
    assert {pi_disclosure(actor=seeker, subject_id=seeker.pk, kind=k) for k in PiKind} == {
        Disclosure.FULL}


@pytest.mark.parametrize(("kind", "value", "masked"), [
    (PiKind.ID_NUMBER, "11010519491231002X", "110***********002X"),
    (PiKind.PHONE, "13812345678", "138****5678"),
    (PiKind.EMAIL, "zhang.san@example.com", "z***@example.com"),
    (PiKind.NAME, "张三丰", "张**"),
    (PiKind.ADDRESS, "北京市海淀区中关村大街 27 号", "北京市海淀区****"),
    (PiKind.BIRTH_DATE, "1990-05-17", "1990-**-**"),
    (PiKind.PHONE, "", ""),
])
def test_masks(kind, value, masked):
    assert mask(kind, value) == masked
