"""Demo data for applications (called by ``manage.py demo_data``): two published postings of
the demo employer, a résumé for the demo seeker li.ming, and a second seeker whose application
has an interview, a conversation and a message held for the reviewer. Idempotent."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from fairhire.accounts.models import User
from fairhire.applications import services
from fairhire.applications.models import Application
from fairhire.orgs.identifiers import id_check_char
from fairhire.orgs.models import Organisation
from fairhire.postings import services as postings
from fairhire.postings.models import JobPosting
from fairhire.privacy.notices import ConsentKind
from fairhire.profiles.models import SeekerProfile
from fairhire.profiles.services import ResumeData, resume_save, seeker_sign_up

PASSWORD = "Demo-Pass-2026"  # noqa: S105 (printed on purpose: demo accounts)
EMPLOYER = "太原晋阳科技有限公司"

POSTINGS = {
    "仓储管理员": {
        "requirements": "中专及以上学历，持叉车证者优先，能熟练使用仓储管理系统。",
        "duties": "负责仓库货物的入库、出库和盘点，维护库存台账，配合物流部门完成发货。",
        "pay_min": 5000, "pay_max": 7000, "occupation_code": "4-02-06-01",
        "work_address": "山西省太原市小店区龙城大街 99 号物流园 2 号库"},
    "门店营业员": {
        "requirements": "中专及以上学历，能熟练使用收银系统，普通话标准。",
        "duties": "负责门店商品陈列、收银和顾客接待，按公司流程完成每日盘点和补货工作。",
        "pay_min": 4000, "pay_max": 6000, "occupation_code": "4-01-02-03",
        "work_address": "山西省太原市小店区长风街 8 号"},
}


def _posting(org: Organisation, title: str, fields: dict) -> JobPosting:
    posting = JobPosting.objects.filter(employer=org, title=title).first()
    if posting is not None:
        return posting
    owner = org.memberships.get(role="owner").user
    data = postings.PostingData(
        title=title, headcount=2, education_code="41", employment_type="full_time",
        working_conditions="每周工作五天，每天八小时；依法缴纳五险一金，提供工作餐。",
        work_region_code="140105", pay_unit="month", pay_schedule="每月 10 日银行转账",
        industry_code="I", valid_until=timezone.localdate() + timedelta(days=60), **fields)
    posting = postings.posting_create(actor=owner, data=data)
    posting = postings.posting_submit(actor=owner, posting=posting)
    if posting.status != JobPosting.Status.PUBLISHED:
        posting = postings.posting_publish(posting=posting,
                                           actor=User.objects.get(username="yang.fan"))
    return posting


def _seeker(username: str, name: str, stem: str, phone: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    return seeker_sign_up(username=username, password=PASSWORD, real_name=name,
                          id_number=stem + id_check_char(stem), phone=phone,
                          email=f"{username}@example.com", address="山西省太原市迎泽区",
                          consents=[ConsentKind.GENERAL, ConsentKind.ID_NUMBER]).user


def _resume(user: User, title: str, skills: str, intro: str):
    profile = SeekerProfile.objects.get(user=user)
    existing = profile.resumes.filter(title=title).first()
    return existing or resume_save(actor=user, data=ResumeData(
        title=title, skills=skills, expected_regions=["140105"], employment_types=["full_time"],
        pay_min=4500, pay_max=6500, availability="two_weeks", self_intro=intro,
        education=[{"level": "41", "school": "太原市第一职业中专", "major": "物流服务与管理"}],
        work=[{"employer": "太原某超市", "position": "理货员", "duties": "商品上架、盘点"}],
        languages=[{"language": "普通话", "level": "native"}]))


def demo_applications() -> None:
    org = Organisation.objects.filter(name=EMPLOYER, status=Organisation.Status.VERIFIED).first()
    if org is None or User.objects.filter(username="yang.fan").first() is None:
        return
    made = {title: _posting(org, title, fields) for title, fields in POSTINGS.items()}
    li_ming = User.objects.filter(username="li.ming").first()
    if li_ming is not None and hasattr(li_ming, "seeker_profile"):
        _resume(li_ming, "仓储物流方向简历", "仓库盘点，叉车驾驶，WMS 系统",
                "三年超市理货和仓储经验，做事细致。")
    sun = _seeker("sun.yue", "孙悦", "14010619980512102", "13900139001")
    store = made["门店营业员"]
    if Application.objects.filter(posting=store, seeker__user=sun).exists():
        return
    resume = _resume(sun, "门店销售简历", "收银，商品陈列，顾客服务", "两年便利店收银经验。")
    application = services.application_submit(actor=sun, posting_id=store.pk,
                                              resume_id=resume.pk, consent=True,
                                              cover_note="住得近，可以倒班。")
    recruiter = org.memberships.get(role="owner").user
    services.application_transition(actor=recruiter, application=application, to="shortlisted")
    services.message_send(actor=recruiter, application=application,
                          text="孙悦您好，请问您下周二上午方便来门店面试吗？")
    services.message_send(actor=sun, application=application, text="方便的，谢谢！")
    day = timezone.localdate() + timedelta(days=5)
    services.interview_propose(
        actor=recruiter, application=application, mode="onsite",
        starts_at=timezone.make_aware(datetime.combine(day, time(10))), duration_minutes=30,
        address="山西省太原市小店区长风街 8 号门店二楼办公室", note="请携带简历一份。")
    # Held for the reviewer: asks the worker for money (Regulation Art. 19).
    services.message_send(actor=recruiter, application=application,
                          text="入职前需交 200 元服装押金，面试时一并带来。")
