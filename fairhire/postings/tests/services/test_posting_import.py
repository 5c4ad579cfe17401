"""Bulk import (EN 1): every row through the same services as by hand, a report per row."""

import csv
import io
import json
from pathlib import Path

import pytest

from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent, TaskProgress
from fairhire.core.testing import run_queued_tasks
from fairhire.orgs.models import OrgKind
from fairhire.orgs.tests.factories import make_verified, owner_of
from fairhire.postings.import_files import COLUMNS
from fairhire.postings.models import JobPosting
from fairhire.postings.services import posting_import_start
from fairhire.postings.tests.factories import entrust, posting_csv, posting_data, posting_xlsx

pytestmark = pytest.mark.django_db


def report_of(progress: TaskProgress) -> list[dict[str, str]]:
    text = Path(progress.result_path).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def start(employer, data: bytes, capture):
    with capture(execute=True):
        return posting_import_start(actor=owner_of(employer), filename="jobs.csv", data=data)


@pytest.mark.req("EN1")
@pytest.mark.parametrize("bom", [False, True])
def test_one_bad_row_of_many_is_reported_with_its_line_and_the_rest_are_imported(
        bom, django_capture_on_commit_callbacks):
    employer = make_verified()
    rows = [posting_data(title=f"营业员 {n}") for n in range(12)]
    rows[6] = posting_data(title="缺工作内容", duties="")
    progress = start(employer, posting_csv(rows, bom=bom), django_capture_on_commit_callbacks)
    assert (progress.status, progress.total) == ("pending", 12)

    assert run_queued_tasks() == 1

    progress.refresh_from_db()
    assert (progress.status, progress.done) == ("succeeded", 12)
    report = report_of(progress)
    assert [r["result"] for r in report].count("accepted") == 11
    [bad] = [r for r in report if r["result"] == "refused"]
    assert bad["line"] == "8"  # header is line 1, the seventh data row is line 8
    assert set(json.loads(bad["errors"])) == {"duties"}
    postings = JobPosting.objects.filter(employer=employer)
    assert postings.count() == 11
    assert not postings.filter(title="缺工作内容").exists()  # nothing half-written
    assert set(postings.values_list("status", flat=True)) <= {"in_review", "published"}
    assert postings.get(pk=report[0]["posting_id"]).versions.count() == 1
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.POSTING_IMPORT_STARTED, AuditAction.POSTING_IMPORT_FINISHED,
            AuditAction.POSTING_SUBMITTED} <= actions


@pytest.mark.req("EN1")
def test_screening_refuses_a_row_and_bad_values_are_reported_per_field(
        django_capture_on_commit_callbacks):
    employer = make_verified()
    data = posting_csv([posting_data(), posting_data(requirements="乙肝携带者勿扰")])
    broken_row = {"title": "坏行", "headcount": "abc", "valid_until": "2026-13-40"}
    data += (",".join(broken_row.get(c, "") for c in COLUMNS) + "\n").encode()
    progress = start(employer, data, django_capture_on_commit_callbacks)
    run_queued_tasks()
    progress.refresh_from_db()
    accepted, flagged, broken = report_of(progress)
    assert accepted["result"] == "accepted"
    assert flagged["result"] == "refused"
    assert "requirements[" in next(iter(json.loads(flagged["errors"])))
    assert set(json.loads(broken["errors"])) == {"headcount", "valid_until"}
    assert JobPosting.objects.filter(employer=employer).count() == 1


@pytest.mark.parametrize(("data", "code"), [
    ("title,salary\n招聘,1\n".encode(), "posting.import_columns"),
    (b"title\n", "posting.import_empty"),
    ("title\n招聘\n".encode("gbk"), "posting.import_encoding"),
])
def test_a_file_that_cannot_be_read_is_refused_at_once(data, code):
    employer = make_verified()
    with pytest.raises(InvalidInput) as refused:
        posting_import_start(actor=owner_of(employer), filename="x.csv", data=data)
    assert refused.value.code == code
    assert not TaskProgress.objects.exists()


def test_only_an_employers_recruiters_import():
    with pytest.raises(PermissionDenied):
        posting_import_start(actor=make_user(), filename="x.csv",
                             data=posting_csv([posting_data()]))


@pytest.mark.req("EN1")
def test_an_import_of_500_rows_with_one_bad_row_accepts_499_and_reports_the_one(
        django_capture_on_commit_callbacks):
    employer = make_verified()
    rows = [posting_data(title=f"仓储 {n}") for n in range(500)]
    rows[321] = posting_data(title="缺薪酬", pay_min=None)
    progress = start(employer, posting_csv(rows), django_capture_on_commit_callbacks)
    run_queued_tasks()
    progress.refresh_from_db()
    assert (progress.status, progress.done, progress.total) == ("succeeded", 500, 500)
    refused = [r for r in report_of(progress) if r["result"] == "refused"]
    assert [(r["line"], set(json.loads(r["errors"]))) for r in refused] == [("323", {"pay_min"})]
    assert JobPosting.objects.filter(employer=employer).count() == 499


@pytest.mark.req("EN1")
def test_an_excel_workbook_is_imported_row_by_row_with_the_same_report(
        django_capture_on_commit_callbacks):
    employer = make_verified()
    rows = [posting_data(title=f"理货员 {n}") for n in range(6)]
    rows[3] = posting_data(title="缺地址", work_address="")
    data = posting_xlsx(rows, extra_rows=[[None] * 3, ["job", "坏行", "很多"]])
    with django_capture_on_commit_callbacks(execute=True):
        progress = posting_import_start(actor=owner_of(employer), filename="岗位.xlsx",
                                        data=data)
    assert progress.total == 7  # the blank row is skipped
    run_queued_tasks()
    progress.refresh_from_db()
    assert (progress.status, progress.done) == ("succeeded", 7)
    report = report_of(progress)
    refused = {r["line"]: set(json.loads(r["errors"])) for r in report
               if r["result"] == "refused"}
    # Row numbers are the sheet's: header row 1, the fourth posting on row 5.
    assert refused == {"5": {"work_address"}, "9": {"headcount"}}
    postings = JobPosting.objects.filter(employer=employer)
    assert postings.count() == 5
    assert not postings.filter(title__in=["缺地址", "坏行"]).exists()
    first = postings.get(title="理货员 0")
    assert (first.pay_min, first.valid_until) == (4000, rows[0].valid_until)


def test_a_file_that_only_pretends_to_be_excel_is_refused_at_once():
    employer = make_verified()
    with pytest.raises(InvalidInput) as refused:
        posting_import_start(actor=owner_of(employer), filename="jobs.xlsx",
                             data=b"PK\x03\x04 not really a workbook")
    assert refused.value.code == "posting.import_excel"
    assert not TaskProgress.objects.exists()


@pytest.mark.req("R17.1")
def test_an_agency_imports_for_an_employer_that_entrusted_it(
        django_capture_on_commit_callbacks):
    employer, agency = make_verified(), make_verified(OrgKind.AGENCY)
    with pytest.raises(InvalidInput):
        posting_import_start(actor=owner_of(agency), filename="x.csv",
                             data=posting_csv([posting_data()]))
    with pytest.raises(RuleViolation):
        posting_import_start(actor=owner_of(agency), filename="x.csv", employer=employer,
                             data=posting_csv([posting_data()]))
    grant = entrust(employer=employer, agency=agency)
    with django_capture_on_commit_callbacks(execute=True):
        progress = posting_import_start(actor=owner_of(agency), filename="x.csv",
                                        employer=employer,
                                        data=posting_csv([posting_data(), posting_data()]))
    run_queued_tasks()
    progress.refresh_from_db()
    assert progress.status == "succeeded"
    postings = JobPosting.objects.filter(employer=employer, agency=agency)
    assert postings.count() == 2
    assert {p.entrustment_grant_id for p in postings} == {grant.pk}
    assert set(postings.values_list("status", flat=True)) == {"in_review"}
