"""Organisation factories: valid by default, built through the real services."""

from __future__ import annotations

import io
import itertools
from dataclasses import replace
from datetime import datetime, timedelta

from django.utils import timezone
from PIL import Image

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.orgs import services
from fairhire.orgs.identifiers import id_check_char, uscc_check_char
from fairhire.orgs.models import Document, OrgKind
from fairhire.orgs.services import FeeData, LicenceData, OrganisationData

_counter = itertools.count(1)
OPERATOR_ID = "11010519850315123" + id_check_char("11010519850315123")
TODAY = timezone.localdate()


def new_uscc() -> str:
    body = f"9114010{next(_counter):010d}"
    return body + uscc_check_char(body)


def pdf_bytes(text: str = "licence") -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% " + text.encode()
            + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (40, 30), exif: bool = False) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {}
    if exif:
        info = Image.Exif()
        info[0x010F] = "SecretCam"  # Make
        info[0x0131] = "GPS-leaking-editor"  # Software
        kwargs["exif"] = info.tobytes()
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def employer_data(**overrides) -> OrganisationData:
    data = OrganisationData(
        name=f"太原示例科技有限公司{next(_counter)}", uscc=new_uscc(),
        address="山西省太原市小店区示例路 1 号",
        region_code="140105", industry_code="I65", size="small", legal_representative="王建国",
        contact_name="王芳", contact_phone="0351-1234567", operator_name="王芳",
        operator_id_number=OPERATOR_ID, operator_phone="13812345678")
    return replace(data, **overrides)


def licence_data(**overrides) -> LicenceData:
    data = LicenceData(number=f"晋人服证字[2024]第{next(_counter)}号",
                       authority="太原市人力资源和社会保障局",
                       issued_on=TODAY - timedelta(days=365),
                       expires_on=TODAY + timedelta(days=3 * 365),
                       scope=["职业介绍", services.ONLINE_SCOPE])
    return replace(data, **overrides)


def agency_data(**overrides) -> OrganisationData:
    data = employer_data(
        name=f"晋才人力资源服务有限公司{next(_counter)}",
        service_types=["introduce_employers", "online_job_fairs"],
        hr_licence=licence_data(),
        fees=[FeeData(item="招聘信息发布", standard="每条 200 元", payer="employer")])
    return replace(data, **overrides)


def make_org(kind: str = OrgKind.EMPLOYER, *, owner=None, now: datetime | None = None,
             **overrides):
    owner = owner or make_user(Role.EMPLOYER_STAFF if kind == OrgKind.EMPLOYER
                               else Role.AGENCY_STAFF)
    data = employer_data(**overrides) if kind == OrgKind.EMPLOYER else agency_data(**overrides)
    return services.organisation_register(actor=owner, kind=kind, data=data, now=now)


def upload_required(org, *, now: datetime | None = None) -> list[Document]:
    owner = org.memberships.get(role="owner").user
    return [services.document_upload(actor=owner, organisation=org, kind=alternatives[0],
                                     filename=f"{alternatives[0]}.pdf",
                                     data=pdf_bytes(alternatives[0]), now=now)
            for alternatives in services.required_documents(org)]


def make_verified(kind: str = OrgKind.EMPLOYER, *, reviewer=None, now: datetime | None = None,
                  **overrides):
    org = make_org(kind, now=now, **overrides)
    upload_required(org, now=now)
    owner = org.memberships.get(role="owner").user
    services.organisation_submit(actor=owner, organisation=org, now=now)
    return services.organisation_decide(actor=reviewer or make_user(Role.REVIEWER),
                                        organisation=org, decision="approve", now=now)


def owner_of(org):
    return org.memberships.get(role="owner").user



