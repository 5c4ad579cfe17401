"""Posting factories: valid by default, built through the real services."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, replace
from datetime import datetime, timedelta

from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.orgs.tests.factories import make_verified, owner_of
from fairhire.postings import services
from fairhire.postings.services import PostingData

TODAY = timezone.localdate()


def posting_data(**overrides) -> PostingData:
    data = PostingData(
        title="门店营业员", headcount=3, education_code="41",
        requirements="中专及以上学历，能熟练使用收银系统，普通话标准。",
        employment_type="full_time",
        duties="负责门店商品陈列、收银和顾客接待，按公司流程完成每日盘点和补货工作。",
        working_conditions="每周工作五天，每天八小时，两班倒；依法缴纳五险一金，提供工作餐。",
        work_region_code="140105", work_address="山西省太原市小店区长风街 8 号",
        pay_min=4000, pay_max=6000, pay_unit="month", pay_schedule="每月 10 日银行转账",
        occupation_code="4-01-02-03", industry_code="F", valid_until=TODAY + timedelta(days=60))
    return replace(data, **overrides)


def make_posting(*, employer=None, actor=None, now: datetime | None = None, **overrides):
    employer = employer or make_verified(now=now)
    return services.posting_create(actor=actor or owner_of(employer),
                                   data=posting_data(**overrides), now=now)


def entrust(*, employer, agency, now: datetime | None = None, **extra):
    """The employer's owner entrusts the agency to post on its behalf."""
    return services.entrustment_grant(actor=owner_of(employer), agency=agency,
                                      reference=extra.pop("reference", "委托书 2026-018"),
                                      now=now, **extra)


def recruiter_of(employer):
    """A recruiter (not the owner) invited into the employer."""
    from fairhire.orgs import services as org_services

    user = make_user(Role.EMPLOYER_STAFF)
    org_services.membership_invite(actor=owner_of(employer), organisation=employer,
                                   username=user.username, role="recruiter")
    return user


def make_reviewer():
    return make_user(Role.REVIEWER)


def make_in_review(*, now: datetime | None = None, **overrides):
    posting = make_posting(now=now, **overrides)
    return services.posting_submit(actor=owner_of(posting.employer), posting=posting, now=now)


def make_published(*, now: datetime | None = None, **overrides):
    posting = make_in_review(now=now, **overrides)
    return services.posting_publish(posting=posting, actor=make_reviewer(), now=now)


def posting_csv(rows: list[PostingData], *, bom: bool = False) -> bytes:
    """A bulk-import file: the documented header, one line per posting."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(services.DATA_FIELDS)
    for data in rows:
        values = asdict(data)
        writer.writerow(["" if values[c] is None else str(values[c])
                         for c in services.DATA_FIELDS])
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def posting_xlsx(rows: list[PostingData], *, extra_rows: list[list[object]] = ()) -> bytes:
    """The same file as an Excel workbook: numbers as numbers, dates as date cells."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(services.DATA_FIELDS))
    for data in rows:
        values = asdict(data)
        sheet.append([None if values[c] in (None, "") else
                      float(values[c]) if c in ("pay_min", "pay_max") else values[c]
                      for c in services.DATA_FIELDS])
    for row in extra_rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
