"""Real-name sign-up: checked ID number, separate consent, one person one account, encrypted at
rest (Regulation Arts 16, 21; SECURITY.md controls 9-11, 13)."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from fairhire.accounts.models import Role, User
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.privacy import crypto
from fairhire.privacy.models import Consent
from fairhire.profiles.models import SeekerProfile
from fairhire.profiles.tests.factories import NOW, id_number, make_seeker

pytestmark = pytest.mark.django_db

ID = id_number(seq=7)
PHONE = "13912345678"
ADDRESS = "山西省太原市小店区长风街 9 号"


@pytest.mark.req("R16")
@pytest.mark.req("R21.1")
def test_a_seeker_signs_up_under_their_real_name_with_both_consents_and_it_is_audited():
    profile = make_seeker(username="li.na", real_name="李娜", id_number=ID, phone=PHONE,
                          address=ADDRESS)
    user = profile.user
    assert (user.role, user.display_name, user.email) == (Role.SEEKER, "李*", "")
    assert (profile.unseal("real_name"), profile.unseal("id_number"), profile.unseal("phone"),
            profile.unseal("birth_date"), profile.unseal("address")) == (
        "李娜", ID, PHONE, "1990-05-17", ADDRESS)
    assert profile.verified_at == NOW
    consents = Consent.objects.filter(user=user)
    assert sorted((c.kind, c.notice_version) for c in consents) == [
        ("general", "2026.1"), ("id_number", "2026.1")]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.USER_SIGNED_UP, AuditAction.SEEKER_REGISTERED,
            AuditAction.CONSENT_GIVEN} <= actions


@pytest.mark.req("R21.2")
def test_raw_database_rows_hold_no_plaintext_id_number_phone_or_address():
    make_seeker(id_number=ID, phone=PHONE, address=ADDRESS, email="li.na@example.com")
    needles = [ID, ID[:17], PHONE, ADDRESS, "长风街", "li.na@example.com", "1990-05-17"]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the schema)
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                assert not [n for n in needles if n in text], (table, row)
        cursor.execute('SELECT id_number, phone, address FROM "profiles_seekerprofile"')
        assert all(crypto.looks_like_token(v) for v in cursor.fetchone())


@pytest.mark.req("R21.2")
def test_a_ciphertext_moved_to_another_row_or_column_fails_to_decrypt():
    first, second = make_seeker(), make_seeker()
    with connection.cursor() as cursor:
        cursor.execute('UPDATE "profiles_seekerprofile" SET id_number = %s WHERE id = %s',
                       [first.id_number, second.pk])
        cursor.execute('UPDATE "profiles_seekerprofile" SET phone = %s WHERE id = %s',
                       [first.address, first.pk])
    second.refresh_from_db()
    first.refresh_from_db()
    with pytest.raises(crypto.TamperedCiphertext):
        second.unseal("id_number")
    with pytest.raises(crypto.TamperedCiphertext):
        first.unseal("phone")


def test_plaintext_written_where_ciphertext_belongs_raises_on_read():
    profile = make_seeker()
    SeekerProfile.objects.filter(pk=profile.pk).update(phone=PHONE)
    profile.refresh_from_db()
    with pytest.raises(crypto.NotAToken):
        profile.unseal("phone")


@pytest.mark.req("R16")
def test_one_person_one_account_a_second_sign_up_with_the_same_id_number_is_refused():
    make_seeker(id_number=ID)
    with pytest.raises(RuleViolation) as refused:
        make_seeker(id_number=" " + ID.lower()[:17] + ID[17].lower())
    assert refused.value.code == "profiles.id_number_taken"
    assert SeekerProfile.objects.count() == 1
    assert User.objects.count() == 1


@pytest.mark.req("R16")
@pytest.mark.parametrize(("value", "code"), [
    ("11010519900517123", "profiles.id.format"),
    (ID[:17] + ("0" if ID[17] != "0" else "1"), "profiles.id.check_digit"),
    (id_number(birth="19900230"), "profiles.id.birth_date"),
    (id_number(birth="20300101"), "profiles.id.birth_date"),
    (id_number(birth="20120101"), "profiles.id.too_young"),
])
def test_a_bad_id_number_is_refused_next_to_its_field(value, code):
    with pytest.raises(InvalidInput) as refused:
        make_seeker(id_number=value)
    assert (refused.value.code, refused.value.field) == (code, "id_number")
    assert not User.objects.exists()


def test_sixteen_on_the_day_is_old_enough():
    profile = make_seeker(id_number=id_number(birth="20100601"),
                          now=datetime(2026, 6, 1, 4, tzinfo=UTC))
    assert profile.unseal("birth_date") == "2010-06-01"


@pytest.mark.req("R21.1")
@pytest.mark.parametrize(("consents", "field"), [
    ([], "consent_general"),
    (["id_number"], "consent_general"),
    (["general"], "consent_id_number"),
])
def test_sign_up_needs_the_general_notice_and_the_separate_id_number_consent(consents, field):
    with pytest.raises(InvalidInput) as refused:
        make_seeker(consents=consents)
    assert refused.value.field == field
    assert not User.objects.exists()


@pytest.mark.parametrize("phone", ["12345678901", "1381234567", "abc"])
def test_a_mobile_number_must_be_a_mainland_mobile(phone):
    with pytest.raises(InvalidInput) as refused:
        make_seeker(phone=phone)
    assert refused.value.field == "phone"


def test_the_phone_is_stored_in_canonical_form_with_a_blind_index():
    profile = make_seeker(phone="+86 139-1234-5678")
    assert profile.unseal("phone") == PHONE
    assert profile.phone_index == crypto.blind_index(PHONE, purpose=crypto.Purpose.PHONE)


def test_an_id_number_typed_in_full_width_digits_is_stored_in_ascii():
    full_width = ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    profile = make_seeker(id_number=full_width)
    assert profile.unseal("id_number") == ID
    with pytest.raises(InvalidInput):
        make_seeker(id_number="١" * 18)  # Arabic-Indic digits are not an ID number
