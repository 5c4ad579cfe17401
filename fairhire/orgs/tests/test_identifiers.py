"""GB 32100 and GB 11643 check digits, proved on generated identifiers (hypothesis)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fairhire.orgs.identifiers import (
    USCC_ALPHABET,
    IdentifierError,
    id_check_char,
    uscc_check_char,
    validate_id_number,
    validate_uscc,
)

TODAY = date(2026, 3, 1)

uscc_bodies = st.builds(
    lambda head, region, org: head + region + org,
    st.text(USCC_ALPHABET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(USCC_ALPHABET, min_size=9, max_size=9),
)


def test_published_codes_are_accepted_including_those_starting_with_a_n_or_y():
    assert validate_uscc("91350100M000100Y43") == "91350100M000100Y43"
    for head in "ANY":
        body = head + "1110000" + "000000001"
        assert validate_uscc(body + uscc_check_char(body)) == body + uscc_check_char(body)


@given(uscc_bodies)
def test_any_code_with_its_check_character_is_accepted(body):
    code = body + uscc_check_char(body)
    assert validate_uscc(code.lower()) == code


@given(uscc_bodies, st.sampled_from(USCC_ALPHABET))
def test_a_wrong_check_character_is_refused_as_a_check_digit_error(body, wrong):
    if wrong == uscc_check_char(body):
        wrong = USCC_ALPHABET[(USCC_ALPHABET.index(wrong) + 1) % 31]
    with pytest.raises(IdentifierError) as refused:
        validate_uscc(body + wrong)
    assert refused.value.code == "uscc.check_digit"


@pytest.mark.parametrize(("code", "reason"), [
    ("91350100M000100Y4", "uscc.length"),
    ("91350100M000100YI3", "uscc.characters"),
    ("91A50100M000100Y43", "uscc.region"),
])
def test_malformed_codes_say_what_is_wrong(code, reason):
    with pytest.raises(IdentifierError) as refused:
        validate_uscc(code)
    assert refused.value.code == reason


birth_dates = st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 3, 1))
id_bodies = st.builds(
    lambda region, born, seq: f"{region}{born:%Y%m%d}{seq}",
    st.integers(110000, 659999).map(str), birth_dates, st.text("0123456789", min_size=3,
                                                                max_size=3))


@pytest.mark.req("R16")
@given(id_bodies)
def test_any_adult_id_number_with_its_check_character_is_accepted(body):
    number = body + id_check_char(body)
    parsed = validate_id_number(number.lower(), today=TODAY)
    assert parsed.value == number
    assert parsed.birth_date.strftime("%Y%m%d") == body[6:14]


@pytest.mark.req("R16")
@given(id_bodies, st.sampled_from("0123456789X"))
def test_a_wrong_id_check_character_is_refused(body, wrong):
    if wrong == id_check_char(body):
        wrong = "0" if wrong != "0" else "1"
    with pytest.raises(IdentifierError) as refused:
        validate_id_number(body + wrong, today=TODAY)
    assert refused.value.code == "id.check_digit"


def _with_birth(born: date) -> str:
    body = f"110105{born:%Y%m%d}123"
    return body + id_check_char(body)


@pytest.mark.parametrize(("number", "reason"), [
    (_with_birth(TODAY + timedelta(days=1)), "id.birth_date"),
    (_with_birth(date(2010, 3, 2)), "id.too_young"),
    ("11010519490231123" + "5", "id.birth_date"),
    ("1101051949123", "id.format"),
    ("01010519491231002X", "id.region"),
])
def test_impossible_or_too_young_id_numbers_are_refused(number, reason):
    with pytest.raises(IdentifierError) as refused:
        validate_id_number(number, today=TODAY)
    assert refused.value.code == reason


def test_someone_turning_sixteen_today_is_old_enough():
    assert validate_id_number(_with_birth(date(2010, 3, 1)), today=TODAY).birth_date == date(
        2010, 3, 1)
