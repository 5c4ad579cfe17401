"""Photos of the seeker's ID card for real-name verification (Regulation Art. 16; SECURITY.md
controls 9, 11, 12, 22).

The upload is judged by its content with the platform's one set of upload checks
(``orgs.uploads.judge_upload``: type by bytes, size and pixel limits, re-encoded so EXIF and
anything appended are dropped), and must be a JPEG or PNG; a large photo is scaled down to
``MAX_SIDE`` pixels, which keeps every character of the card legible. The bytes are stored sealed
(AES-256-GCM under the key ring, bound to their row), so key rotation and the self-inspection
cover them like every other sealed column.
"""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.orgs.uploads import judge_upload
from fairhire.privacy import selectors as privacy_selectors
from fairhire.privacy.notices import ConsentKind
from fairhire.privacy.policies import Disclosure, PiKind, pi_disclosure, states_purpose_to_see
from fairhire.privacy.services import pi_access_record
from fairhire.profiles.models import IdentityImage, SeekerProfile
from fairhire.profiles.services.resumes import _own_profile

MAX_SIDE = 2000
IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG"}


def _side(value: str) -> str:
    if value not in IdentityImage.Side.values:
        raise InvalidInput(_("请选择身份证的人像面或国徽面。"), code="profiles.identity_side",
                           field="side")
    return value


def _prepare(data: bytes) -> tuple[bytes, str]:
    judged = judge_upload(data)
    fmt = IMAGE_TYPES.get(judged.content_type)
    if fmt is None:
        raise InvalidInput(_("身份证照片请上传 JPEG 或 PNG 图片。"),
                           code="profiles.identity_image_type", field="file")
    clean = judged.data
    with Image.open(io.BytesIO(clean), formats=[fmt]) as image:
        if max(image.size) > MAX_SIDE:
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            if fmt == "JPEG":
                image.convert("RGB").save(out, format="JPEG", quality=90)
            else:
                image.save(out, format="PNG")
            clean = out.getvalue()
    return clean, judged.content_type


@transaction.atomic
def identity_image_upload(*, actor, side: str, data: bytes,
                          now: datetime | None = None) -> IdentityImage:
    """Store a photo of one side of the seeker's ID card, encrypted; a new one replaces the old.

    The card shows the ID number, so the photo rests on the same separate consent as the number
    (PIPL Art. 29): without it the upload is refused.
    """
    now = now or timezone.now()
    profile = _own_profile(actor)
    side = _side(side)
    if not privacy_selectors.consent_is_active(user=actor, kind=ConsentKind.ID_NUMBER):
        raise RuleViolation(_("上传身份证照片需要你单独同意处理身份证信息。"),
                            code="profiles.identity_consent_required")
    clean, content_type = _prepare(data)
    IdentityImage.objects.filter(owner=profile, side=side).delete()
    image = IdentityImage(owner=profile, side=side, content_type=content_type, size=len(clean),
                          sha256=hashlib.sha256(clean).hexdigest(), uploaded_at=now)
    image.seal_bytes("image", clean)
    image.save()
    audit_record(action=AuditAction.IDENTITY_IMAGE_UPLOADED, actor=actor, target=image,
                 details={"side": side, "size": len(clean)}, now=now)
    return image


@transaction.atomic
def identity_image_delete(*, actor, side: str, now: datetime | None = None) -> None:
    profile = _own_profile(actor)
    image = IdentityImage.objects.filter(owner=profile, side=_side(side)).first()
    if image is None:
        raise NotFound(_("未找到该照片。"), code="profiles.identity_image_not_found")
    audit_record(action=AuditAction.IDENTITY_IMAGE_DELETED, actor=actor, target=image,
                 details={"side": side}, now=now)
    image.delete()


@transaction.atomic
def identity_image_download(*, actor, side: str, profile_id: int | None = None,
                            purpose: str = "", now: datetime | None = None
                            ) -> tuple[IdentityImage, bytes]:
    """The decrypted photo, for the person themselves (``profile_id`` omitted) or for a reviewer
    or inspector who states a purpose; each such view is written to the PI access log and the
    audit trail (Regulation Art. 21(2); SECURITY.md controls 12, 22). Employers never get it;
    for anybody else it does not exist.
    """
    side = _side(side)
    if profile_id is None:
        profile = _own_profile(actor)
    else:
        profile = SeekerProfile.objects.filter(
            pk=profile_id, status=SeekerProfile.Status.ACTIVE).first()
    image = (IdentityImage.objects.filter(owner=profile, side=side).first()
             if profile is not None else None)
    decision = (pi_disclosure(actor=actor, subject_id=profile.user_id, kind=PiKind.ID_IMAGE,
                              purpose=purpose) if profile is not None else Disclosure.MASKED)
    if decision not in (Disclosure.FULL, Disclosure.FULL_LOGGED):
        if states_purpose_to_see(actor=actor) and profile is not None:
            raise PermissionDenied(_("查看身份证照片须说明目的，并将记入个人信息访问记录。"),
                                   code="profiles.purpose_required")
        raise NotFound(_("未找到该照片。"), code="profiles.identity_image_not_found")
    if image is None:
        raise NotFound(_("未找到该照片。"), code="profiles.identity_image_not_found")
    data = image.unseal_bytes("image")
    if decision == Disclosure.FULL_LOGGED:
        pi_access_record(actor=actor, subject_id=profile.user_id, fields=[PiKind.ID_IMAGE.value],
                         purpose=purpose, now=now)
        audit_record(action=AuditAction.IDENTITY_IMAGE_DOWNLOADED, actor=actor, target=image,
                     details={"side": side, "purpose": purpose.strip()[:300]}, now=now)
    return image, data
