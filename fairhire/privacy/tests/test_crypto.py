"""The field-encryption engine: Regulation Art. 21(2), SECURITY.md controls 9, 10 and 12.

No Django and no mocks: every test runs the real AES-256-GCM and HMAC-SHA256.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.hmac import HMAC
from hypothesis import given, settings
from hypothesis import strategies as st

from fairhire.privacy import crypto
from fairhire.privacy.crypto import (
    DecryptionError,
    FieldCrypto,
    KeyRing,
    KeyRingError,
    NotAToken,
    Purpose,
    TamperedCiphertext,
    UnknownKeyId,
    UnsupportedAlgorithm,
    WrongValueType,
    field_context,
    looks_like_token,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
    normalise,
    parse_blind_index_key,
)

pytestmark = pytest.mark.req("R21.2")

REPO_ROOT = Path(__file__).resolve().parents[3]


def fixed_key(label: str) -> bytes:
    """A deterministic 32-byte key, so failures reproduce."""
    return hashlib.sha256(label.encode()).digest()


def b64(key: bytes) -> str:
    return base64.b64encode(key).decode()


KEY_2025 = fixed_key("data key 2025")
KEY_2026 = fixed_key("data key 2026")
BLIND_KEY = fixed_key("blind index key")
OTHER_BLIND_KEY = fixed_key("another blind index key")

ID_CTX = "profiles.seeker.id_number:42"
ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


def make_engine(keys: dict[str, bytes], current: str, blind_key: bytes = BLIND_KEY) -> FieldCrypto:
    return FieldCrypto(keyring=KeyRing(keys=keys, current_id=current), blind_index_key=blind_key)


@pytest.fixture
def old_engine() -> FieldCrypto:
    """The deployment before rotation: only the 2025 key."""
    return make_engine({"k2025": KEY_2025}, "k2025")


@pytest.fixture
def engine() -> FieldCrypto:
    """The deployment during rotation: the 2025 key kept for reading, 2026 current."""
    return make_engine({"k2025": KEY_2025, "k2026": KEY_2026}, "k2026")


@pytest.fixture
def new_engine() -> FieldCrypto:
    """The deployment after rotation: the 2025 key removed."""
    return make_engine({"k2026": KEY_2026}, "k2026")


def flip_bit(token: str, index: int, bit: int) -> str:
    raw = bytearray(token.encode("ascii"))
    raw[index] ^= 1 << bit
    return raw.decode("latin-1")


ENGINE = make_engine({"k2025": KEY_2025, "k2026": KEY_2026}, "k2026")  # for hypothesis tests
contexts = st.text(min_size=1, max_size=40)
B64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


# -- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        ID_NUMBER,
        "",
        "北京市朝阳区建国路 88 号 3 单元 1201",
        "zhang.san@example.com",
        "emoji 🙂 and a NUL \x00 byte",
        "长" * 10_000,
    ],
)
def test_text_comes_back_exactly_as_it_was_encrypted(engine, value):
    token = engine.encrypt(value, context=ID_CTX)
    assert engine.decrypt(token, context=ID_CTX) == value


@pytest.mark.parametrize(
    "value",
    [b"", b"\x00", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, bytearray(b"scanned licence")],
)
def test_bytes_such_as_an_identity_image_come_back_exactly(engine, value):
    token = engine.encrypt(value, context="profiles.seeker.id_image:42")
    assert engine.decrypt_bytes(token, context="profiles.seeker.id_image:42") == bytes(value)


@settings(deadline=None)
@given(value=st.text(), context=contexts)
def test_any_text_round_trips_under_any_context(value, context):
    assert ENGINE.decrypt(ENGINE.encrypt(value, context=context), context=context) == value


@settings(deadline=None)
@given(value=st.binary(max_size=2048), context=contexts)
def test_any_bytes_round_trip_under_any_context(value, context):
    token = ENGINE.encrypt(value, context=context)
    assert ENGINE.decrypt_bytes(token, context=context) == value


def test_a_token_names_its_format_version_algorithm_and_current_key(engine):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    version, alg, key_id, payload = token.split(".")
    assert (version, alg, key_id) == ("v1", "aes256gcm", "k2026")
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    # 12-byte nonce, 1 kind byte + 18 characters of ciphertext, 16-byte tag.
    assert len(raw) == 12 + 1 + len(ID_NUMBER) + 16
    assert ID_NUMBER not in token


def test_encrypting_the_same_value_twice_uses_a_fresh_nonce_each_time(engine):
    tokens = {engine.encrypt(ID_NUMBER, context=ID_CTX) for _ in range(50)}
    nonces = {t.split(".")[3][:16] for t in tokens}
    assert len(tokens) == len(nonces) == 50


def test_a_text_token_cannot_be_read_as_bytes_nor_a_bytes_token_as_text(engine):
    text_token = engine.encrypt("abc", context=ID_CTX)
    bytes_token = engine.encrypt(b"abc", context=ID_CTX)
    with pytest.raises(WrongValueType):
        engine.decrypt_bytes(text_token, context=ID_CTX)
    with pytest.raises(WrongValueType):
        engine.decrypt(bytes_token, context=ID_CTX)


@pytest.mark.parametrize("value", [None, 42, 4.2, ["1"], {"a": 1}])
def test_only_text_or_bytes_can_be_encrypted(engine, value):
    with pytest.raises(TypeError):
        engine.encrypt(value, context=ID_CTX)


@pytest.mark.parametrize("context", ["", None, b"profiles.seeker.id_number:42"])
def test_a_missing_context_is_refused_on_both_encrypt_and_decrypt(engine, context):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    with pytest.raises(ValueError):
        engine.encrypt(ID_NUMBER, context=context)
    with pytest.raises(ValueError):
        engine.decrypt(token, context=context)


def test_field_context_names_table_column_and_row():
    assert field_context(table="profiles.seeker", column="id_number", row_id=42) == ID_CTX


@pytest.mark.parametrize(
    "kwargs",
    [
        {"table": "", "column": "phone", "row_id": 1},
        {"table": "profiles.seeker", "column": "", "row_id": 1},
        {"table": "profiles:seeker", "column": "phone", "row_id": 1},
        {"table": "profiles", "column": "seeker.phone", "row_id": 1},
        {"table": "profiles.seeker", "column": "phone", "row_id": ""},
    ],
)
def test_field_context_refuses_ambiguous_parts(kwargs):
    with pytest.raises(ValueError):
        field_context(**kwargs)


# -- tampering, moving, plaintext ----------------------------------------------------------------


@pytest.mark.parametrize("value", [ID_NUMBER, "", b"\x89PNG"])
def test_flipping_any_single_bit_of_a_token_makes_reading_it_raise(engine, value):
    token = engine.encrypt(value, context=ID_CTX)
    read = engine.decrypt_bytes if isinstance(value, bytes) else engine.decrypt
    for index in range(len(token)):
        for bit in range(8):
            with pytest.raises(DecryptionError):
                read(flip_bit(token, index, bit), context=ID_CTX)


@settings(deadline=None)
@given(value=st.text(max_size=64), data=st.data())
def test_any_bit_flip_of_any_token_raises(value, data):
    token = ENGINE.encrypt(value, context=ID_CTX)
    index = data.draw(st.integers(0, len(token) - 1), label="index")
    bit = data.draw(st.integers(0, 7), label="bit")
    with pytest.raises(DecryptionError):
        ENGINE.decrypt(flip_bit(token, index, bit), context=ID_CTX)


@settings(deadline=None)
@given(value=st.binary(max_size=64), data=st.data())
def test_any_substituted_payload_character_raises(value, data):
    token = ENGINE.encrypt(value, context=ID_CTX)
    start = token.rindex(".") + 1
    index = data.draw(st.integers(start, len(token) - 1), label="index")
    # Draw a shift rather than a character: the token is random, the draws must not depend on it.
    shift = data.draw(st.integers(1, len(B64URL_ALPHABET) - 1), label="shift")
    replacement = B64URL_ALPHABET[(B64URL_ALPHABET.index(token[index]) + shift) % 64]
    tampered = token[:index] + replacement + token[index + 1 :]
    with pytest.raises(DecryptionError):
        ENGINE.decrypt_bytes(tampered, context=ID_CTX)


def test_a_token_re_encoded_with_other_unused_base64_bits_is_refused(engine):
    # An empty value gives a 29-byte payload, so the last base64 character carries 2 unused bits.
    token = engine.encrypt("", context=ID_CTX)
    body = token.split(".")[3]
    payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    twins = [
        token[:-1] + c
        for c in B64URL_ALPHABET
        if c != token[-1]
        and base64.urlsafe_b64decode(body[:-1] + c + "=" * (-len(body) % 4)) == payload
    ]
    assert twins, "expected non-canonical encodings of the same payload"
    for twin in twins:
        with pytest.raises(NotAToken):
            engine.decrypt(twin, context=ID_CTX)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1],
        lambda t: t[:-22],
        lambda t: t + "A",
        lambda t: t + "\n",
        lambda t: " " + t,
        lambda t: t.rsplit(".", 1)[0] + ".",
        lambda t: t.rsplit(".", 1)[0] + "." + "A" * 38,
        lambda t: t.replace(".", "..", 1),
    ],
    ids=[
        "last-char-cut",
        "tag-cut",
        "char-appended",
        "newline-appended",
        "space-prepended",
        "payload-removed",
        "payload-too-short",
        "extra-dot",
    ],
)
def test_a_truncated_or_padded_token_raises(engine, mangle):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    with pytest.raises(DecryptionError):
        engine.decrypt(mangle(token), context=ID_CTX)


@pytest.mark.parametrize(
    "other_context",
    [
        "profiles.seeker.id_number:43",  # another row
        "profiles.seeker.id_number:420",  # a row id that merely starts the same
        "profiles.seeker.phone:42",  # another column of the same row
        "orgs.contact.id_number:42",  # another table
        "profiles.seeker.id_number:42 ",  # not the same context at all
    ],
)
def test_a_token_moved_to_another_cell_fails_authentication(engine, other_context):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    with pytest.raises(TamperedCiphertext):
        engine.decrypt(token, context=other_context)


def test_swapping_two_rows_ciphertexts_makes_both_reads_raise(engine):
    alice_ctx = field_context(table="profiles.seeker", column="phone", row_id=1)
    bob_ctx = field_context(table="profiles.seeker", column="phone", row_id=2)
    alice = engine.encrypt("13800000001", context=alice_ctx)
    bob = engine.encrypt("13900000002", context=bob_ctx)
    with pytest.raises(TamperedCiphertext):
        engine.decrypt(bob, context=alice_ctx)
    with pytest.raises(TamperedCiphertext):
        engine.decrypt(alice, context=bob_ctx)


@pytest.mark.parametrize(
    "plaintext",
    [
        ID_NUMBER,
        PHONE,
        "",
        "北京市朝阳区",
        "v1.aes256gcm.k2026",
        "v1.aes256gcm.k2026.",
        "v1.aes256gcm.k2026.not base64!",
        "gAAAAABfernet-looking-token",
    ],
)
def test_plaintext_where_a_token_is_expected_raises_without_echoing_it(engine, plaintext):
    with pytest.raises(NotAToken) as caught:
        engine.decrypt(plaintext, context=ID_CTX)
    if plaintext:
        assert plaintext not in str(caught.value)
    assert not looks_like_token(plaintext)


@pytest.mark.parametrize("value", [b"v1.aes256gcm.k2026.AAAA", None, 42, memoryview(b"x")])
def test_a_value_that_is_not_a_str_is_not_a_token(engine, value):
    with pytest.raises(NotAToken):
        engine.decrypt(value, context=ID_CTX)


def test_a_token_under_a_key_id_missing_from_the_ring_raises_unknown_key_id(engine):
    stranger = make_engine({"k1999": fixed_key("someone else's key")}, "k1999")
    token = stranger.encrypt(ID_NUMBER, context=ID_CTX)
    with pytest.raises(UnknownKeyId):
        engine.decrypt(token, context=ID_CTX)


def test_relabelling_a_token_with_another_key_id_of_the_ring_fails_authentication(engine):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    relabelled = token.replace(".k2026.", ".k2025.", 1)
    with pytest.raises(TamperedCiphertext):
        engine.decrypt(relabelled, context=ID_CTX)


def test_a_token_from_a_ring_with_the_same_key_id_but_another_key_fails_authentication(engine):
    impostor = make_engine({"k2026": fixed_key("a different 2026 key")}, "k2026")
    token = impostor.encrypt(ID_NUMBER, context=ID_CTX)
    with pytest.raises(TamperedCiphertext):
        engine.decrypt(token, context=ID_CTX)


@pytest.mark.parametrize(("old", "new"), [("aes256gcm", "sm4gcm"), ("v1.", "v2."), ("v1.", "v10.")])
def test_a_token_of_a_format_this_build_does_not_know_is_reported_as_unsupported(engine, old, new):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX).replace(old, new, 1)
    assert not looks_like_token(token)
    with pytest.raises(UnsupportedAlgorithm):
        engine.decrypt(token, context=ID_CTX)


def test_looks_like_token_accepts_tokens_without_needing_a_key(engine):
    assert looks_like_token(engine.encrypt(ID_NUMBER, context=ID_CTX))
    assert looks_like_token(engine.encrypt(b"", context=ID_CTX))


# -- rotation ------------------------------------------------------------------------------------


def test_a_token_under_the_previous_key_still_decrypts_after_a_new_key_becomes_current(
    old_engine, engine
):
    token = old_engine.encrypt(ID_NUMBER, context=ID_CTX)
    assert engine.decrypt(token, context=ID_CTX) == ID_NUMBER
    assert engine.encrypt(ID_NUMBER, context=ID_CTX).startswith("v1.aes256gcm.k2026.")


def test_only_tokens_not_under_the_current_key_need_rotation(old_engine, engine):
    assert engine.needs_rotation(old_engine.encrypt(ID_NUMBER, context=ID_CTX))
    assert not engine.needs_rotation(engine.encrypt(ID_NUMBER, context=ID_CTX))
    stranger = make_engine({"k1999": fixed_key("someone else's key")}, "k1999")
    assert engine.needs_rotation(stranger.encrypt(ID_NUMBER, context=ID_CTX))


def test_needs_rotation_refuses_plaintext(engine):
    with pytest.raises(NotAToken):
        engine.needs_rotation(ID_NUMBER)


def test_rotating_every_row_lets_the_old_key_be_removed(old_engine, engine, new_engine):
    # given rows written before rotation, text and bytes alike
    rows = {
        field_context(table="profiles.seeker", column="id_number", row_id=1): ID_NUMBER,
        field_context(table="profiles.seeker", column="phone", row_id=1): PHONE,
        field_context(table="profiles.seeker", column="address", row_id=2): "上海市浦东新区",
        field_context(table="profiles.seeker", column="id_image", row_id=2): b"\xff\xd8image",
    }
    stored = {ctx: old_engine.encrypt(value, context=ctx) for ctx, value in rows.items()}
    # when the background command re-encrypts what needs it under the ring with both keys
    rotated = {
        ctx: engine.reencrypt(token, context=ctx) if engine.needs_rotation(token) else token
        for ctx, token in stored.items()
    }
    # then nothing needs rotation, and the ring without the old key reads every row
    assert not any(engine.needs_rotation(token) for token in rotated.values())
    for ctx, value in rows.items():
        read = new_engine.decrypt_bytes if isinstance(value, bytes) else new_engine.decrypt
        assert read(rotated[ctx], context=ctx) == value
        with pytest.raises(UnknownKeyId):
            read(stored[ctx], context=ctx)


def test_reencrypt_will_not_launder_a_tampered_or_moved_token(old_engine, engine):
    token = old_engine.encrypt(ID_NUMBER, context=ID_CTX)
    with pytest.raises(TamperedCiphertext):
        engine.reencrypt(token, context="profiles.seeker.id_number:43")
    with pytest.raises(DecryptionError):
        engine.reencrypt(flip_bit(token, len(token) - 5, 0), context=ID_CTX)
    with pytest.raises(NotAToken):
        engine.reencrypt(ID_NUMBER, context=ID_CTX)


def test_reencrypting_a_current_token_gives_a_fresh_token_with_the_same_value(engine):
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    again = engine.reencrypt(token, context=ID_CTX)
    assert again != token
    assert engine.decrypt(again, context=ID_CTX) == ID_NUMBER


# -- blind index ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002X",
        "11010519491231002x",
        " 110105 19491231 002X ",
        "110105\u300019491231\t002x",
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width, as typed on some Chinese keyboards
    ],
)
def test_the_same_id_number_typed_differently_has_one_blind_index(engine, typed):
    expected = engine.blind_index(ID_NUMBER, purpose=Purpose.ID_NUMBER)
    assert engine.blind_index(typed, purpose=Purpose.ID_NUMBER) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "008613812345678",
        "86 138 1234 5678",
        "(+86) 138-1234-5678",
        "１３８１２３４５６７８",
    ],
)
def test_the_same_phone_number_typed_differently_has_one_blind_index(engine, typed):
    expected = engine.blind_index(PHONE, purpose=Purpose.PHONE)
    assert engine.blind_index(typed, purpose="phone") == expected


def test_different_people_have_different_blind_indexes(engine):
    ids = ["11010519491231002X", "110105194912310029", "11010519491231003X"]
    phones = ["13812345678", "13812345679", "13912345678"]
    assert len({engine.blind_index(v, purpose=Purpose.ID_NUMBER) for v in ids}) == 3
    assert len({engine.blind_index(v, purpose=Purpose.PHONE) for v in phones}) == 3


def test_a_different_blind_index_key_gives_a_different_index(engine):
    other = make_engine({"k2026": KEY_2026}, "k2026", blind_key=OTHER_BLIND_KEY)
    assert engine.blind_index(ID_NUMBER, purpose=Purpose.ID_NUMBER) != other.blind_index(
        ID_NUMBER, purpose=Purpose.ID_NUMBER
    )


def test_the_blind_index_is_not_a_plain_sha256_that_anyone_could_recompute(engine):
    index = engine.blind_index(ID_NUMBER, purpose=Purpose.ID_NUMBER)
    assert index != hashlib.sha256(ID_NUMBER.encode()).hexdigest()
    assert index != hashlib.sha256(b"id_number\x00" + ID_NUMBER.encode()).hexdigest()


def test_the_blind_index_is_hmac_sha256_of_purpose_and_normalised_value(engine):
    # An independent computation with the cryptography package's HMAC: the documented construction.
    mac = HMAC(BLIND_KEY, hashes.SHA256())
    mac.update(b"phone\x00" + PHONE.encode())
    assert engine.blind_index("+86 138-1234-5678", purpose=Purpose.PHONE) == mac.finalize().hex()


def test_the_same_digits_as_an_id_number_and_as_a_phone_get_unrelated_indexes(engine):
    digits = "110105194912310029"
    assert engine.blind_index(digits, purpose=Purpose.ID_NUMBER) != engine.blind_index(
        digits, purpose=Purpose.PHONE
    )


@settings(deadline=None)
@given(value=st.one_of(st.text(alphabet="0123456789Xx +-（）", max_size=24), st.text(max_size=24)))
def test_a_blind_index_is_64_hex_digits_or_refused_when_nothing_is_left(value):
    for purpose in Purpose:
        try:
            normalise(value, purpose=purpose)
        except ValueError:
            with pytest.raises(ValueError):
                ENGINE.blind_index(value, purpose=purpose)
        else:
            assert re.fullmatch("[0-9a-f]{64}", ENGINE.blind_index(value, purpose=purpose))


@pytest.mark.parametrize(
    ("value", "purpose"),
    [("", Purpose.ID_NUMBER), ("   ", Purpose.ID_NUMBER), ("", Purpose.PHONE), ("n/a", "phone")],
)
def test_a_value_with_nothing_left_after_normalisation_has_no_blind_index(engine, value, purpose):
    with pytest.raises(ValueError):
        engine.blind_index(value, purpose=purpose)


def test_a_blind_index_needs_a_known_purpose(engine):
    with pytest.raises(ValueError):
        engine.blind_index(ID_NUMBER, purpose="passport")


def test_the_blind_index_key_must_not_be_one_of_the_data_keys():
    ring = KeyRing(keys={"k2025": KEY_2025, "k2026": KEY_2026}, current_id="k2026")
    with pytest.raises(KeyRingError, match="blind-index key is the same as a data key"):
        FieldCrypto(keyring=ring, blind_index_key=KEY_2025)


@pytest.mark.parametrize("key", [b"", b"short", KEY_2025 + b"x", "a str key"])
def test_the_blind_index_key_must_be_32_bytes(key):
    ring = KeyRing(keys={"k2026": KEY_2026}, current_id="k2026")
    with pytest.raises(KeyRingError, match="32 bytes"):
        FieldCrypto(keyring=ring, blind_index_key=key)


# -- masking -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("11010519491231002X", "110***********002X"),
        ("11010519491231002x", "110***********002X"),
        ("110105 19491231 002X", "110***********002X"),
        ("110105491231002", "110********1002"),  # the old 15-digit number
        ("E12345678", "*********"),  # too short to show anything
        ("", ""),
    ],
)
def test_an_id_number_keeps_its_first_three_and_last_four_characters(value, masked):
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("008613812345678", "138****5678"),
        ("010-12345678", "010****5678"),
        ("12345678", "********"),
        ("not a number", ""),
        ("", ""),
    ],
)
def test_a_phone_number_keeps_its_first_three_and_last_four_digits(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("zhang@example.com", "z***@example.com"),
        ("z@example.com", "z***@example.com"),
        ("Zhang.San+jobs@mail.example.cn", "Z***@mail.example.cn"),
        ("张三@例子.中国", "张***@例子.中国"),
        ("not-an-address", "***"),
        ("@example.com", "***"),
        ("zhang@", "***"),
        ("", "***"),
    ],
)
def test_an_email_address_keeps_the_first_character_and_the_domain(value, masked):
    assert mask_email(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("张三", "张*"),
        ("张三丰", "张**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳锋", "欧阳*"),
        ("司马光", "司马*"),
        ("欧阳", "欧*"),  # a two-character name never shows whole
        ("王", "*"),
        ("买买提·艾力", "买*****"),
        ("John Smith", "J*********"),
        ("", ""),
    ],
)
def test_a_name_keeps_only_the_surname(value, masked):
    assert mask_name(value) == masked


@given(value=st.text())
def test_a_masked_id_number_or_phone_never_shows_more_than_seven_characters(value):
    for masked in (mask_id_number(value), mask_phone(value)):
        assert sum(ch != "*" for ch in masked) <= 7


@given(value=st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_every_18_character_id_number_is_masked_as_3_plus_11_stars_plus_4(value):
    masked = mask_id_number(value)
    assert masked == value[:3] + "*" * 11 + value[-4:]


# -- key ring configuration ----------------------------------------------------------------------


def test_a_key_ring_spec_parses_with_the_starred_key_current():
    unpadded_urlsafe = base64.urlsafe_b64encode(KEY_2026).decode().rstrip("=")
    spec = f" k2025:{b64(KEY_2025)} ,\n *k2026:{unpadded_urlsafe}"
    ring = KeyRing.parse(spec)
    assert ring.current_id == "k2026"
    assert dict(ring.keys) == {"k2025": KEY_2025, "k2026": KEY_2026}
    assert ring.current_key == KEY_2026


def test_a_generated_key_is_accepted_by_the_parser():
    ring = KeyRing.parse(f"*fresh:{crypto.generate_key()}")
    assert len(ring.current_key) == 32
    assert len(parse_blind_index_key(crypto.generate_key())) == 32


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        (f"k2025:{b64(KEY_2025)}", "no current key"),
        (f"*k2025:{b64(KEY_2025)},*k2026:{b64(KEY_2026)}", "2 keys are marked current"),
        (f"*k2025:{b64(KEY_2025)},k2025:{b64(KEY_2026)}", "'k2025' appears more than once"),
        (f"*k2025:{b64(KEY_2025[:16])}", "16 bytes; exactly 32"),
        (f"*k2025:{b64(KEY_2025 + KEY_2026)}", "64 bytes; exactly 32"),
        ("*k2025:this is not base64!", "not base64"),
        ("*k2025:AAAA=A==", "not base64"),
        (f"*k2025{b64(KEY_2025)}", "has no ':'"),
        (f"*k 2025:{b64(KEY_2025)}", "invalid key id"),
        (f"*k.2025:{b64(KEY_2025)}", "invalid key id"),
        (f"*:{b64(KEY_2025)}", "invalid key id"),
        (f"*k2025:{b64(KEY_2025)},,k2026:{b64(KEY_2026)}", "entry 2 is empty"),
        (f"*k2025:{b64(KEY_2025)},k2026:{b64(KEY_2025)}", "are the same key"),
    ],
)
def test_a_bad_key_ring_spec_is_refused_with_a_clear_message(spec, message):
    with pytest.raises(KeyRingError, match=message):
        KeyRing.parse(spec)


@pytest.mark.parametrize(
    ("keys", "current", "message"),
    [
        ({"k2025": KEY_2025}, "k2026", "not in the key ring"),
        ({}, "k2026", "empty"),
        ({"k2025": KEY_2025[:31]}, "k2025", "31 bytes; exactly 32"),
        ({"k2025": b64(KEY_2025)}, "k2025", "must be bytes"),
        ({"k.2025": KEY_2025}, "k.2025", "invalid"),
    ],
)
def test_a_key_ring_built_in_code_is_validated_like_a_parsed_one(keys, current, message):
    with pytest.raises(KeyRingError, match=message):
        KeyRing(keys=keys, current_id=current)


@pytest.mark.parametrize(
    "spec", [f"*k2025:{b64(KEY_2025[:16])}", f"*k2025:{b64(KEY_2025)}!", f"*k2025:{b64(KEY_2025)}"]
)
def test_key_ring_errors_and_reprs_never_show_key_material(spec):
    key_text = spec.split(":", 1)[1]
    try:
        ring = KeyRing.parse(spec)
    except KeyRingError as error:
        assert key_text.rstrip("!=") not in str(error)
    else:
        engine = FieldCrypto(keyring=ring, blind_index_key=BLIND_KEY)
        assert repr(ring) == "KeyRing(*k2025)"
        assert key_text not in repr(engine) and b64(BLIND_KEY) not in repr(engine)


def test_the_engine_is_built_from_the_two_environment_variables():
    environ = {
        "FAIRHIRE_DATA_KEYS": f"k2025:{b64(KEY_2025)},*k2026:{b64(KEY_2026)}",
        "FAIRHIRE_BLIND_INDEX_KEY": b64(BLIND_KEY),
    }
    from_env = FieldCrypto.from_env(environ)
    engine = make_engine({"k2025": KEY_2025, "k2026": KEY_2026}, "k2026")
    token = engine.encrypt(ID_NUMBER, context=ID_CTX)
    assert from_env.decrypt(token, context=ID_CTX) == ID_NUMBER
    assert from_env.blind_index(PHONE, purpose=Purpose.PHONE) == engine.blind_index(
        PHONE, purpose=Purpose.PHONE
    )


@pytest.mark.parametrize("missing", ["FAIRHIRE_DATA_KEYS", "FAIRHIRE_BLIND_INDEX_KEY"])
def test_a_missing_environment_variable_is_named_in_the_error(missing):
    environ = {
        "FAIRHIRE_DATA_KEYS": f"*k2026:{b64(KEY_2026)}",
        "FAIRHIRE_BLIND_INDEX_KEY": b64(BLIND_KEY),
    }
    del environ[missing]
    with pytest.raises(KeyRingError, match=missing):
        FieldCrypto.from_env(environ)


def test_the_module_level_functions_use_the_engine_from_the_environment(monkeypatch):
    monkeypatch.setenv("FAIRHIRE_DATA_KEYS", f"k2025:{b64(KEY_2025)},*k2026:{b64(KEY_2026)}")
    monkeypatch.setenv("FAIRHIRE_BLIND_INDEX_KEY", b64(BLIND_KEY))
    crypto.configure(None)
    try:
        token = crypto.encrypt(ID_NUMBER, context=ID_CTX)
        image = crypto.encrypt(b"img", context=ID_CTX)
        assert crypto.decrypt(token, context=ID_CTX) == ID_NUMBER
        assert crypto.decrypt_bytes(image, context=ID_CTX) == b"img"
        assert not crypto.needs_rotation(token)
        assert crypto.decrypt(crypto.reencrypt(token, context=ID_CTX), context=ID_CTX) == ID_NUMBER
        assert crypto.blind_index(PHONE, purpose="phone") == ENGINE.blind_index(
            PHONE, purpose="phone"
        )
    finally:
        crypto.configure(None)


def test_the_engine_imports_and_works_without_django():
    script = (
        "import sys; sys.modules['django'] = None\n"
        "from fairhire.privacy import crypto\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules"
        " if sys.modules[m] is not None)\n"
        "print(crypto.mask_phone('13812345678'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "138****5678"
