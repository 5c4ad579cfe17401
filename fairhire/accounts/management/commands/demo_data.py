"""Create one demo account per role and print how to sign in (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts import services
from fairhire.accounts.models import STAFF_ROLES, OrgRole, Role, User
from fairhire.complaints.demo import demo_agreements, demo_complaints
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta

DEMO_PASSWORD = "Demo-Pass-2026"  # noqa: S105 (printed on purpose: demo accounts)

DEMO_ACCOUNTS = [
    # username, display name, role, extra
    ("li.ming", "李明", Role.SEEKER, {}),
    ("wang.fang", "王芳", Role.EMPLOYER_STAFF, {"org_role": OrgRole.OWNER}),
    ("zhang.wei", "张伟", Role.EMPLOYER_STAFF, {"org_role": OrgRole.RECRUITER}),
    ("liu.yang", "刘洋", Role.EMPLOYER_STAFF, {"org_role": OrgRole.VIEWER}),
    ("chen.jing", "陈静", Role.AGENCY_STAFF, {"org_role": OrgRole.OWNER}),
    ("yang.fan", "杨帆", Role.REVIEWER, {}),
    ("zhao.lei", "赵磊", Role.OPERATOR, {}),
    ("huang.min", "黄敏", Role.INSPECTOR, {"jurisdiction": "140100"}),
    ("zhou.qiang", "周强", Role.SYSTEM_ADMIN, {}),
    ("wu.ting", "吴婷", Role.SECURITY_ADMIN, {}),
    ("xu.bin", "徐斌", Role.AUDIT_ADMIN, {}),
]


def _demo_pdf(text: str) -> bytes:
    """A minimal, well-formed PDF standing in for a scanned document."""
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
            b"<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% " + text.encode()
            + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def demo_organisations() -> None:
    """Verified and pending employers and agencies, owned by the demo accounts (idempotent)."""
    from datetime import timedelta

    from django.utils import timezone

    from fairhire.orgs import services as orgs
    from fairhire.orgs.identifiers import id_check_char, uscc_check_char
    from fairhire.orgs.models import Organisation, OrgKind

    if Organisation.objects.exists():
        return
    today = timezone.localdate()
    reviewer = User.objects.get(username="yang.fan")
    operator_id = "14010519850315123"
    operator_id += id_check_char(operator_id)

    def code(n: int) -> str:
        body = f"91140105MA0{n:06d}"
        return body + uscc_check_char(body)

    licence = orgs.LicenceData(
        number="晋人服证字[2024]第0108号", authority="太原市人力资源和社会保障局",
        issued_on=today - timedelta(days=400), expires_on=today + timedelta(days=1400),
        scope=["职业介绍", "人力资源供求信息的收集和发布", orgs.ONLINE_SCOPE])
    common = {"address": "山西省太原市小店区长治路 1 号", "region_code": "140105",
              "operator_id_number": operator_id, "operator_phone": "13912345678"}
    plans = [
        ("wang.fang", OrgKind.EMPLOYER, "太原晋阳科技有限公司", True,
         {"legal_representative": "王建国", "contact_name": "王芳",
         "contact_phone": "0351-7654321", "operator_name": "王芳", "industry_code": "I65",
         "size": "medium"}),
        ("chen.jing", OrgKind.AGENCY, "晋才人力资源服务有限公司", True,
         {"legal_representative": "陈立", "contact_name": "陈静", "contact_phone": "0351-6123456",
          "operator_name": "陈静", "service_types": ["introduce_employers", "recommend_workers",
                                                   "online_job_fairs"], "hr_licence": licence,
          "fees": [orgs.FeeData(item="招聘信息发布", standard="每条每月 200 元"),
                   orgs.FeeData(item="网络招聘会展位", standard="每场 800 元")]}),
        ("sun.li", OrgKind.EMPLOYER, "太原汾河餐饮管理有限公司", False,
         {"legal_representative": "孙涛", "contact_name": "孙丽", "contact_phone": "0351-5550000",
          "operator_name": "孙丽"}),
        ("ma.jun", OrgKind.AGENCY, "并州人才服务有限公司", False,
         {"legal_representative": "马强", "contact_name": "马军", "contact_phone": "0351-5551111",
          "operator_name": "马军", "service_types": ["senior_talent_search"],
          "hr_licence": licence,
          "fees": [orgs.FeeData(item="高级人才寻访", standard="年薪的 20%")]}),
    ]
    for n, (username, kind, name, verified, extra) in enumerate(plans, start=1):
        owner = User.objects.filter(username=username).first() or services.user_create(
            actor=None, username=username, password=DEMO_PASSWORD,
            role=Role.EMPLOYER_STAFF if kind == OrgKind.EMPLOYER else Role.AGENCY_STAFF,
            display_name=extra["contact_name"], email=f"{username}@example.com",
            org_role=OrgRole.OWNER)
        org = orgs.organisation_register(actor=owner, kind=kind, data=orgs.OrganisationData(
            name=name, uscc=code(n), **common, **extra))
        for alternatives in orgs.required_documents(org):
            orgs.document_upload(actor=owner, organisation=org, kind=alternatives[0],
                                 filename=f"{alternatives[0]}.pdf", data=_demo_pdf(name))
        orgs.organisation_submit(actor=owner, organisation=org)
        if verified:
            orgs.organisation_decide(actor=reviewer, organisation=org, decision="approve")
    for membership_user, role in (("zhang.wei", "recruiter"), ("liu.yang", "viewer")):
        employer = Organisation.objects.get(uscc=code(1))
        orgs.membership_invite(actor=User.objects.get(username="wang.fang"),
                               organisation=employer, username=membership_user, role=role)
    operator = User.objects.get(username="zhao.lei")
    holder = "FairHire 网络招聘服务有限公司"
    orgs.platform_licence_set(actor=operator, kind="business_licence", number=code(99),
                              holder=holder, authority="太原市市场监督管理局")
    orgs.platform_licence_set(actor=operator, kind="hr_service", number="晋人服证字[2025]第0001号",
                              holder=holder, authority="山西省人力资源和社会保障厅",
                              expires_on=today + timedelta(days=1500))


def demo_seeker(*, username: str, name: str) -> User:
    """A job seeker registered under a real name (fictitious, valid check digit)."""
    from fairhire.orgs.identifiers import id_check_char
    from fairhire.privacy.notices import ConsentKind
    from fairhire.profiles.services import seeker_sign_up

    stem = "14010519950307123"  # 太原市小店区, born 1995-03-07
    profile = seeker_sign_up(username=username, password=DEMO_PASSWORD, real_name=name,
                             id_number=stem + id_check_char(stem), phone="13800138000",
                             email=f"{username}@example.com", address="山西省太原市小店区",
                             consents=[ConsentKind.GENERAL, ConsentKind.ID_NUMBER])
    return profile.user


def demo_privacy() -> None:
    """李明's résumé, gig card and ID-card photo; a reviewer's logged look at his identity; and
    last year's self-inspection, so the operators' dashboard shows that this year's is due."""
    import io
    from datetime import timedelta

    from django.utils import timezone
    from PIL import Image, ImageDraw

    from fairhire.privacy.models import SelfInspection
    from fairhire.privacy.services import self_inspection_generate
    from fairhire.profiles import services as profiles

    seeker = User.objects.get(username="li.ming")
    if seeker.seeker_profile.resumes.exists():
        return
    profiles.resume_save(actor=seeker, data=profiles.ResumeData(
        title="电工岗位简历", visibility="searchable", skills="低压电工作业，配电柜维护",
        skill_codes=["6-31-01-03"], expected_occupations=["电工"], expected_regions=["140105"],
        employment_types=["full_time", "gig"], pay_min=5000, pay_max=7000, availability="now",
        self_intro="持低压电工作业证，五年工厂配电维护经验。",
        education=[{"level": "51", "school": "太原技师学院", "major": "电气自动化"}],
        work=[{"employer": "太原某机械厂", "position": "维修电工", "duties": "配电与设备检修"}],
        certificates=[{"title": "特种作业操作证（低压电工）", "issuer": "山西省应急管理厅"}],
        languages=[{"language": "普通话", "level": "native"}]))
    profiles.gig_card_save(actor=seeker, work_types="水电维修、灯具安装", skill_level=4,
                           daily_pay=300, districts=["140105", "140106"], hours="周末 8:00-18:00")
    card = Image.new("RGB", (856, 540), (236, 240, 244))
    ImageDraw.Draw(card).text((40, 40), "DEMO ID CARD", fill=(40, 40, 40))
    out = io.BytesIO()
    card.save(out, format="JPEG")
    profiles.identity_image_upload(actor=seeker, side="front", data=out.getvalue())
    profiles.seeker_profile_disclose(actor=User.objects.get(username="yang.fan"),
                                     profile_id=seeker.seeker_profile.pk,
                                     purpose="演示：核对实名注册信息")
    last_year = timezone.now().year - 1
    if not SelfInspection.objects.filter(year=last_year).exists():
        record = self_inspection_generate(year=last_year,
                                          now=timezone.now() - timedelta(days=380))
        record.findings, record.fixes = "演示：未发现明文存储。", "演示：无需整改。"
        record.save(update_fields=["findings", "fixes"])


class Command(BaseCommand):
    help = "Create one demo account per role (password and staff TOTP secrets are printed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--postings", type=int, default=330,
                            help="published demo postings to create (0: none, for tests)")
        parser.add_argument("--no-agreements", action="store_true",
                            help="publish no service agreement or rules, so accounts signed up "
                                 "later (browser tests on a shared site) are not asked to accept")

    def handle(self, *args, **options) -> None:
        token = set_meta(RequestMeta(channel="command"))
        try:
            with transaction.atomic():
                rows = [self._ensure(*account) for account in DEMO_ACCOUNTS]
                demo_organisations()
                from fairhire.postings.demo import demo_postings

                demo_postings(published=options["postings"])
                from fairhire.applications.demo import demo_applications

                demo_applications()
                demo_complaints()  # complaints (issue 10)
                demo_privacy()
                from fairhire.search.demo import demo_search

                demo_search()  # search (issue 7): published postings and a searchable résumé
                if not options["no_agreements"]:
                    demo_agreements()  # last: every demo account accepts them
                audit_record(action=AuditAction.COMMAND_RUN, details={"command": "demo_data"})
        finally:
            reset_meta(token)
        self.stdout.write(f"FairHire demo accounts (password for all: {DEMO_PASSWORD})")
        self.stdout.write(f"{'username':<12} {'role':<16} {'TOTP secret (staff)':<34} name")
        for user, secret in rows:
            self.stdout.write(f"{user.username:<12} {user.role:<16} {secret or '-':<34} "
                              f"{user.display_name} · {user.get_role_display()}")
        self.stdout.write(
            "Staff sign in with a TOTP code: add the secret to an authenticator app, or print "
            "the current code with `.venv/bin/python manage.py totp_code USERNAME` (debug only).")

    def _ensure(self, username: str, name: str, role: str, extra: dict) -> tuple[User, str]:
        user = User.objects.filter(username=username).first()
        if user is None and role == Role.SEEKER:
            user = demo_seeker(username=username, name=name)
        if user is None:
            user = services.user_create(actor=None, username=username, password=DEMO_PASSWORD,
                                        role=role, display_name=name,
                                        email=f"{username}@example.com", **extra)
        secret = ""
        if role in STAFF_ROLES:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)
            secret = services.totp_secret_base32(device)
        return user, secret
