"""Key rotation re-encrypts every row; afterwards the old key can go (SECURITY.md control 9)."""

import base64
import os

import pytest
from django.core.management import call_command
from django.db import connection

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import PermissionDenied
from fairhire.core.models import AuditEvent, TaskProgress
from fairhire.core.testing import run_queued_tasks
from fairhire.privacy import crypto
from fairhire.privacy.services import data_keys_rotate_start
from fairhire.profiles.models import SeekerProfile
from fairhire.profiles.tests.factories import make_seeker

pytestmark = pytest.mark.django_db

OLD, NEW, BLIND = (os.urandom(32) for _ in range(3))


def engine(keys: dict[str, bytes], current: str) -> crypto.FieldCrypto:
    return crypto.FieldCrypto(keyring=crypto.KeyRing(keys=keys, current_id=current),
                              blind_index_key=BLIND)


@pytest.fixture
def keyring():
    crypto.configure(engine({"k1": OLD}, "k1"))
    yield
    crypto.configure(None)


def key_ids_in_database() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute('SELECT real_name, id_number, phone, address FROM "profiles_seekerprofile"')
        return {value.split(".")[2] for row in cursor.fetchall() for value in row if value}


@pytest.mark.req("R21.2")
def test_rotation_then_removing_the_old_key_leaves_every_row_readable(
        keyring, django_capture_on_commit_callbacks):
    seekers = [make_seeker() for _ in range(3)]
    plaintext = {s.pk: [s.unseal(c) for c in s.SEALED_FIELDS] for s in seekers}
    admin = make_user(Role.SYSTEM_ADMIN)
    assert key_ids_in_database() == {"k1"}

    crypto.configure(engine({"k1": OLD, "k2": NEW}, "k2"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rotate_data_keys", "--actor", admin.username, stdout=open(os.devnull, "w"))
    assert run_queued_tasks() == 1

    progress = TaskProgress.objects.get(kind="privacy.rotate_data_keys")
    assert (progress.status, progress.done, progress.total) == ("succeeded", 3, 3)
    assert key_ids_in_database() == {"k2"}
    assert AuditEvent.objects.filter(action=AuditAction.DATA_KEYS_ROTATED).exists()

    crypto.configure(engine({"k2": NEW}, "k2"))
    for after in SeekerProfile.objects.all():
        assert [after.unseal(c) for c in after.SEALED_FIELDS] == plaintext[after.pk]


def test_without_rotation_removing_the_old_key_makes_rows_unreadable(keyring):
    profile = make_seeker()
    crypto.configure(engine({"k2": NEW}, "k2"))
    profile.refresh_from_db()
    with pytest.raises(crypto.UnknownKeyId):
        profile.unseal("phone")


@pytest.mark.parametrize("role", [Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.OPERATOR])
def test_only_the_system_administrator_rotates_keys(role):
    with pytest.raises(PermissionDenied):
        data_keys_rotate_start(actor=make_user(role))
    assert not TaskProgress.objects.exists()


def test_generated_keys_are_32_bytes():
    assert len(base64.urlsafe_b64decode(crypto.generate_key())) == 32


@pytest.mark.req("R21.2")
def test_rotation_also_reaches_the_organisations_operator_columns_and_document_files(
        keyring, django_capture_on_commit_callbacks):
    from fairhire.orgs import uploads
    from fairhire.orgs.services import operator_masked
    from fairhire.orgs.tests.factories import make_org, upload_required

    org = make_org()
    documents = upload_required(org)
    masked = operator_masked(org)
    files = {d.storage_name: uploads.load(d.storage_name) for d in documents}

    crypto.configure(engine({"k1": OLD, "k2": NEW}, "k2"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rotate_data_keys", "--actor", make_user(Role.SYSTEM_ADMIN).username,
                     stdout=open(os.devnull, "w"))
    assert run_queued_tasks() == 1

    crypto.configure(engine({"k2": NEW}, "k2"))
    org.refresh_from_db()
    assert operator_masked(org) == masked
    assert {name: uploads.load(name) for name in files} == files
    assert {path.read_text().split(".")[2] for _c, path in uploads.sealed_files()} == {"k2"}


@pytest.mark.req("R21.2")
def test_rotation_also_reaches_complaint_evidence_files(keyring,
                                                        django_capture_on_commit_callbacks):
    from fairhire.complaints.services import EvidenceFile
    from fairhire.complaints.services.complaints import EVIDENCE_AREA, EVIDENCE_TABLE
    from fairhire.complaints.tests.factories import make_complaint
    from fairhire.orgs import uploads
    from fairhire.orgs.tests.factories import pdf_bytes

    complaint = make_complaint(actor=make_user(Role.SEEKER), evidence=[
        EvidenceFile(filename="聊天记录.pdf", data=pdf_bytes("deposit 500"))])
    name = complaint.evidence.get().storage_name
    before = uploads.load(name, area=EVIDENCE_AREA, table=EVIDENCE_TABLE)

    crypto.configure(engine({"k1": OLD, "k2": NEW}, "k2"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rotate_data_keys", "--actor", make_user(Role.SYSTEM_ADMIN).username,
                     stdout=open(os.devnull, "w"))
    assert run_queued_tasks() == 1

    crypto.configure(engine({"k2": NEW}, "k2"))
    assert uploads.load(name, area=EVIDENCE_AREA, table=EVIDENCE_TABLE) == before
