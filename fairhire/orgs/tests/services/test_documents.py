import hashlib

import pytest
from PIL import Image

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound
from fairhire.core.models import AuditEvent
from fairhire.orgs import uploads
from fairhire.orgs.models import Document
from fairhire.orgs.services import document_read, document_upload
from fairhire.orgs.tests.factories import image_bytes, make_org, owner_of, pdf_bytes

pytestmark = pytest.mark.django_db


def upload(org, data, name="licence.pdf", kind=Document.Kind.BUSINESS_LICENCE):
    return document_upload(actor=owner_of(org), organisation=org, kind=kind, filename=name,
                           data=data)


def test_a_pdf_is_stored_encrypted_under_a_random_name_outside_the_web_root(settings):
    org = make_org()
    data = pdf_bytes()
    document = upload(org, data, name="../../营业执照.pdf")
    stored = settings.PRIVATE_FILES_DIR / "orgs" / document.storage_name
    assert stored.exists() and b"%PDF" not in stored.read_bytes()
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert "/" not in document.original_name and document.original_name.endswith(".pdf")
    assert AuditEvent.objects.filter(action=AuditAction.ORG_DOCUMENT_UPLOADED).count() == 1


def test_every_version_is_kept():
    org = make_org()
    first, second = upload(org, pdf_bytes("one")), upload(org, pdf_bytes("two"))
    assert (first.version, second.version) == (1, 2)
    assert document_read(actor=owner_of(org), document=first)[1] == pdf_bytes("one")


def test_an_image_is_re_encoded_without_its_exif():
    org = make_org()
    original = image_bytes("JPEG", exif=True)
    assert b"SecretCam" in original
    document = upload(org, original, name="scan.jpg")
    _doc, stored = document_read(actor=owner_of(org), document=document)
    assert b"SecretCam" not in stored
    assert document.content_type == "image/jpeg"


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.mark.parametrize(("data", "code"), [
    (EXE, "upload.executable"),
    (b"GIF89a" + b"\x00" * 50, "upload.bad_type"),
    (pdf_bytes().replace(b"%%EOF", b"%%END"), "upload.broken_pdf"),
    (pdf_bytes().replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction 3 0 R"),
     "upload.active_content"),
    (pdf_bytes().replace(b"% licence", b"/EmbeddedFile << >>"), "upload.active_content"),
    (pdf_bytes("This program cannot be run in DOS mode"), "upload.active_content"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "upload.broken_image"),
    (b"", "upload.empty"),
])
def test_files_that_are_not_clean_pdf_jpeg_or_png_are_refused_whatever_their_name(data, code):
    org = make_org()
    with pytest.raises(InvalidInput) as refused:
        upload(org, data, name="营业执照.pdf")
    assert (refused.value.code, refused.value.field) == (code, "file")
    assert not Document.objects.exists()


def test_a_file_over_10_mb_is_refused():
    with pytest.raises(InvalidInput) as refused:
        uploads.judge_upload(pdf_bytes() + b" " * uploads.MAX_BYTES)
    assert refused.value.code == "upload.too_large"


def test_a_decompression_bomb_is_refused_before_it_is_decoded(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PIXELS", 100)
    with pytest.raises(InvalidInput) as refused:
        uploads.judge_upload(image_bytes("PNG", size=(20, 20)))
    assert refused.value.code == "upload.too_many_pixels"
    assert Image.MAX_IMAGE_PIXELS  # Pillow's own guard stays on as a second line


def test_reviewers_and_area_inspectors_read_documents_and_each_read_is_audited():
    org = make_org()
    document = upload(org, pdf_bytes())
    for reader in (make_user(Role.REVIEWER), make_user(Role.INSPECTOR, jurisdiction="140100")):
        assert document_read(actor=reader, document=document)[1] == pdf_bytes()
    assert AuditEvent.objects.filter(action=AuditAction.ORG_DOCUMENT_DOWNLOADED).count() == 2


@pytest.mark.parametrize("reader", [
    lambda org: make_user(Role.SEEKER),
    lambda org: make_user(Role.INSPECTOR, jurisdiction="110000"),
    lambda org: owner_of(make_org()),
])
def test_nobody_else_reads_a_document(reader):
    org = make_org()
    document = upload(org, pdf_bytes())
    with pytest.raises(NotFound):
        document_read(actor=reader(org), document=document)
    assert not AuditEvent.objects.filter(action=AuditAction.ORG_DOCUMENT_DOWNLOADED).exists()
