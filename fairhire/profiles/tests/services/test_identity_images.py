"""ID-card photos: judged by content, sealed at rest, rotated with the keys, seen only by the
person and by a reviewer or inspector who states a purpose (SECURITY.md controls 9, 12, 22)."""

import io
import os

import pytest
from django.core.management import call_command
from django.db import connection
from PIL import Image

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.core.testing import run_queued_tasks
from fairhire.privacy import crypto
from fairhire.privacy.models import PiAccess
from fairhire.profiles import services
from fairhire.profiles.models import IdentityImage
from fairhire.profiles.tests.factories import NOW, make_seeker

pytestmark = pytest.mark.django_db


def photo(fmt: str = "JPEG", size: tuple[int, int] = (640, 400), tail: bytes = b"") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 180, 150)).save(out, format=fmt)
    return out.getvalue() + tail


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def raw_image_column(image_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute('SELECT image FROM "profiles_identityimage" WHERE id = %s', [image_id])
        return cursor.fetchone()[0]


@pytest.mark.req("R21.2")
def test_an_id_card_photo_is_stored_sealed_and_its_owner_downloads_it_without_a_log_row():
    profile = make_seeker()
    image = services.identity_image_upload(actor=profile.user, side="front", data=photo(),
                                           now=NOW)
    stored = raw_image_column(image.pk)
    assert crypto.looks_like_token(stored)
    assert b"\xff\xd8\xff" not in stored.encode("ascii")
    got, data = services.identity_image_download(actor=profile.user, side="front")
    assert (got.pk, decoded(data).size, decoded(data).format) == (image.pk, (640, 400), "JPEG")
    assert not PiAccess.objects.exists()
    assert AuditEvent.objects.filter(action=AuditAction.IDENTITY_IMAGE_UPLOADED).exists()


@pytest.mark.req("R21.2")
@pytest.mark.parametrize("role", [Role.REVIEWER, Role.INSPECTOR])
def test_a_reviewer_or_inspector_must_state_a_purpose_and_each_download_is_access_logged(role):
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="back", data=photo("PNG"))
    staff = make_user(role)
    with pytest.raises(PermissionDenied):
        services.identity_image_download(actor=staff, side="back", profile_id=profile.pk)
    assert not PiAccess.objects.exists()
    _image, data = services.identity_image_download(
        actor=staff, side="back", profile_id=profile.pk, purpose="核验实名投诉 2026-017", now=NOW)
    assert decoded(data).format == "PNG"
    row = PiAccess.objects.get()
    assert (row.viewer_id, row.subject_id, row.fields, row.purpose) == (
        staff.pk, profile.user_id, ["id_image"], "核验实名投诉 2026-017")
    assert AuditEvent.objects.filter(action=AuditAction.IDENTITY_IMAGE_DOWNLOADED,
                                     actor_id=staff.pk).exists()


@pytest.mark.req("R21.2")
@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.AGENCY_STAFF, Role.SEEKER,
                                  Role.OPERATOR, Role.AUDIT_ADMIN])
def test_nobody_else_can_reach_an_id_card_photo_even_with_a_purpose(role):
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front", data=photo())
    with pytest.raises(NotFound):
        services.identity_image_download(actor=make_user(role), side="front",
                                         profile_id=profile.pk, purpose="想看看")
    assert not PiAccess.objects.exists()


@pytest.mark.parametrize(("data", "code"), [
    (b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", "profiles.identity_image_type"),
    (b"MZ\x90\x00" + b"\x00" * 64, "upload.executable"),
    (b"GIF89a" + b"\x00" * 32, "upload.bad_type"),
    (b"\xff\xd8\xff\xe0" + b"not really a jpeg", "upload.broken_image"),
    (b"", "upload.empty"),
])
def test_uploads_are_judged_by_their_content_not_their_name(data, code):
    profile = make_seeker()
    with pytest.raises(InvalidInput) as refused:
        services.identity_image_upload(actor=profile.user, side="front", data=data)
    assert (refused.value.code, refused.value.field) == (code, "file")
    assert not IdentityImage.objects.exists()


def test_a_photo_is_re_encoded_so_anything_appended_to_it_is_dropped_and_large_ones_shrink():
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front",
                                   data=photo("PNG", size=(3000, 1500), tail=b"PK\x03\x04zip!"))
    _image, data = services.identity_image_download(actor=profile.user, side="front")
    assert b"zip!" not in data
    assert decoded(data).size == (2000, 1000)


def test_a_new_photo_of_the_same_side_replaces_the_old_one():
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front", data=photo())
    services.identity_image_upload(actor=profile.user, side="front", data=photo(size=(300, 200)))
    assert IdentityImage.objects.count() == 1
    assert decoded(services.identity_image_download(actor=profile.user, side="front")[1]
                   ).size == (300, 200)


@pytest.mark.req("R21.2")
def test_a_photo_ciphertext_moved_to_another_seekers_row_fails_to_decrypt():
    first, second = make_seeker(), make_seeker()
    a = services.identity_image_upload(actor=first.user, side="front", data=photo())
    b = services.identity_image_upload(actor=second.user, side="front", data=photo())
    IdentityImage.objects.filter(pk=b.pk).update(image=raw_image_column(a.pk))
    with pytest.raises(crypto.TamperedCiphertext):
        services.identity_image_download(actor=second.user, side="front")


@pytest.mark.req("R21.1")
def test_the_photo_needs_the_id_number_consent_and_withdrawing_it_erases_the_photos():
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front", data=photo())
    services.seeker_consent_withdraw(actor=profile.user, kind="id_number")
    assert not IdentityImage.objects.exists()
    with pytest.raises(RuleViolation):
        services.identity_image_upload(actor=profile.user, side="front", data=photo())


@pytest.mark.req("DSR")
def test_the_photos_are_in_the_persons_download_and_are_deleted_when_the_account_closes():
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front", data=photo())
    data = services.my_data_download(actor=profile.user)
    assert [i["side"] for i in data["identity_images"]] == ["front"]
    assert data["identity_images"][0]["data_base64"]
    services.seeker_account_close(actor=profile.user)
    assert not IdentityImage.objects.exists()


@pytest.fixture
def keyring():
    crypto.configure(crypto.FieldCrypto(
        keyring=crypto.KeyRing(keys={"k1": OLD}, current_id="k1"), blind_index_key=BLIND))
    yield
    crypto.configure(None)


OLD, NEW, BLIND = (os.urandom(32) for _ in range(3))


@pytest.mark.req("R21.2")
def test_key_rotation_re_encrypts_the_photos_and_they_still_open_after_the_old_key_is_removed(
        keyring, django_capture_on_commit_callbacks):
    profile = make_seeker()
    services.identity_image_upload(actor=profile.user, side="front", data=photo())
    before = services.identity_image_download(actor=profile.user, side="front")[1]
    image_id = IdentityImage.objects.get().pk
    assert raw_image_column(image_id).split(".")[2] == "k1"

    crypto.configure(crypto.FieldCrypto(
        keyring=crypto.KeyRing(keys={"k1": OLD, "k2": NEW}, current_id="k2"),
        blind_index_key=BLIND))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rotate_data_keys", "--actor", make_user(Role.SYSTEM_ADMIN).username,
                     stdout=open(os.devnull, "w"))
    assert run_queued_tasks() == 1
    assert raw_image_column(image_id).split(".")[2] == "k2"

    crypto.configure(crypto.FieldCrypto(
        keyring=crypto.KeyRing(keys={"k2": NEW}, current_id="k2"), blind_index_key=BLIND))
    assert services.identity_image_download(actor=profile.user, side="front")[1] == before
