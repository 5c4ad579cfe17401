"""Demo data for search and matching: a few published postings of the demo employer and a
searchable résumé for the demo seeker, made through the real services (``manage.py demo_data``).
The index catches up when the search worker starts (``manage.py search_schedule``)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

DEMO_POSTINGS = [
    {"title": "仓库管理员", "occupation_code": "4-02-06-01", "work_region_code": "140105",
     "pay_min": 4500, "pay_max": 6500, "pay_unit": "month", "education_code": "41",
     "requirements": "熟悉出入库和盘点流程，会使用WMS系统，持叉车证优先。",
     "duties": "负责仓库货物的入库、出库和盘点，保证账实相符，维护库区整洁。"},
    {"title": "门店营业员", "occupation_code": "4-01-02-03", "work_region_code": "140106",
     "pay_min": 4000, "pay_max": 5500, "pay_unit": "month", "education_code": "61",
     "requirements": "普通话标准，能熟练使用收银系统。",
     "duties": "负责商品陈列、收银和顾客接待，完成每日盘点。"},
    {"title": "Python开发工程师", "occupation_code": "2-02-10-03", "work_region_code": "140105",
     "pay_min": 10000, "pay_max": 16000, "pay_unit": "month", "education_code": "21",
     "requirements": "熟悉Python、Django和PostgreSQL，有两年以上后端开发经验。",
     "duties": "参与招聘平台后端开发、接口设计和性能优化。", "experience_years": 2},
    {"title": "快递分拣员（日结）", "occupation_code": "4-02-06-03", "work_region_code": "140107",
     "pay_min": 180, "pay_max": 230, "pay_unit": "day", "education_code": "71",
     "requirements": "能适应夜班，吃苦耐劳。", "duties": "负责快件扫码、分拣和装车。",
     "employment_type": "part_time"},
]


def demo_search() -> None:
    from fairhire.accounts.models import User
    from fairhire.orgs.models import Organisation
    from fairhire.postings import services as postings
    from fairhire.postings.models import JobPosting
    from fairhire.profiles import services as profiles

    owner = User.objects.filter(username="wang.fang").first()
    employer = Organisation.objects.filter(status=Organisation.Status.VERIFIED,
                                           memberships__user=owner).order_by("pk").first()
    reviewer = User.objects.filter(username="yang.fan").first()
    if employer is None or owner is None or reviewer is None:
        return
    # Idempotent per posting: other demos may already have given this employer postings.
    existing = set(JobPosting.objects.filter(employer=employer).values_list("title", flat=True))
    today = timezone.localdate()
    base = {"headcount": 2, "employment_type": "full_time", "industry_code": "G",
            "working_conditions": "每周工作五天，每天八小时；依法缴纳五险一金，提供工作餐。",
            "work_address": "山西省太原市小店区长风街 8 号", "pay_schedule": "每月 10 日银行转账",
            "valid_until": today + timedelta(days=60)}
    for overrides in DEMO_POSTINGS:
        if overrides["title"] in existing:
            continue
        data = postings.PostingData(**{**base, **overrides})
        posting = postings.posting_create(actor=owner, data=data)
        posting = postings.posting_submit(actor=owner, posting=posting)
        if posting.status == JobPosting.Status.IN_REVIEW:
            postings.posting_publish(posting=posting, actor=reviewer)
    seeker = User.objects.filter(username="li.ming").first()
    if seeker is not None and hasattr(seeker, "seeker_profile") \
            and not seeker.seeker_profile.resumes.filter(title="仓储物流岗位简历").exists():
        profiles.resume_save(actor=seeker, data=profiles.ResumeData(
            title="仓储物流岗位简历", visibility="searchable", skills="出入库，盘点，叉车驾驶",
            skill_codes=["4-02-06-01"], expected_occupations=["4-02-06-01"],
            expected_regions=["140100"], employment_types=["full_time"], pay_min=5000,
            pay_max=7000, availability="now", self_intro="三年仓储管理经验，持叉车证。",
            education=[{"level": "41", "school": "太原市交通学校", "major": "物流管理"}],
            work=[{"employer": "某物流公司", "position": "仓管员", "duties": "出入库和盘点"}],
            certificates=[{"title": "叉车司机证", "issuer": "市场监管部门"}], languages=[]))
