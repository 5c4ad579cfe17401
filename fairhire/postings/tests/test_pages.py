import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fairhire.accounts.tests.factories import signed_in_client
from fairhire.core.testing import run_queued_tasks
from fairhire.orgs.models import Organisation
from fairhire.orgs.tests.factories import make_verified, owner_of
from fairhire.postings.models import JobPosting
from fairhire.postings.tests.factories import (
    make_in_review,
    make_posting,
    make_published,
    make_reviewer,
    posting_csv,
    posting_data,
)

pytestmark = pytest.mark.django_db


def _form(posting, **overrides):
    data = {name: ("" if getattr(posting, name) is None else getattr(posting, name))
            for name in ("kind", "title", "headcount", "education_code", "requirements",
                         "employment_type", "duties", "working_conditions", "work_region_code",
                         "work_address", "pay_min", "pay_max", "pay_unit", "pay_schedule",
                         "occupation_code", "industry_code", "valid_until")}
    return data | overrides


def test_an_employer_drafts_a_posting_on_the_form():
    employer = make_verified()
    client = signed_in_client(owner_of(employer))
    assert client.get("/me/postings/new/").status_code == 200
    response = client.post("/me/postings/new/", {"kind": "job", "title": "面点师"})
    posting = JobPosting.objects.get()
    assert response.url == f"/me/postings/{posting.pk}/edit/"
    page = client.get(response.url).content.decode()
    assert "写明薪酬范围" in page  # EN6 suggestion for missing pay


@pytest.mark.req("R15.1")
def test_submitting_with_a_missing_field_shows_the_error_next_to_that_field():
    posting = make_posting()
    client = signed_in_client(owner_of(posting.employer))
    response = client.post(f"/me/postings/{posting.pk}/edit/",
                           _form(posting, duties="", action="submit"))
    assert response.status_code == 400
    assert 'id="id_duties_error"' in response.content.decode()
    fixed = client.post(f"/me/postings/{posting.pk}/edit/", _form(posting, action="submit"))
    assert fixed.status_code == 302
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.IN_REVIEW


def test_a_blocked_submission_highlights_the_flagged_words():
    posting = make_posting()
    client = signed_in_client(owner_of(posting.employer))
    response = client.post(f"/me/postings/{posting.pk}/edit/",
                           _form(posting, requirements="限本地户口", action="submit"))
    assert response.status_code == 409
    assert "<mark" in response.content.decode() and "本地户口" in response.content.decode()


def test_the_reviewer_queue_highlights_flags_and_publishes():
    posting = make_in_review(requirements="年龄22-30岁，身体健康")
    client = signed_in_client(make_reviewer())
    assert posting.title in client.get("/review/postings/").content.decode()
    page = client.get(f"/review/postings/{posting.pk}/").content.decode()
    assert '<mark class="flag-review"' in page
    response = client.post(f"/review/postings/{posting.pk}/decision/", {"decision": "publish"})
    assert response.status_code == 302
    public = Client().get("/postings/").content.decode()
    assert posting.title in public


def test_a_reviewer_accepts_a_flag_with_a_reason_and_the_history_shows_it():
    posting = make_in_review(requirements="年龄22-30岁")
    reviewer = make_reviewer()
    flag = posting.current_version.flags.get()
    client = signed_in_client(reviewer)
    client.post(f"/review/postings/{posting.pk}/flags/{flag.pk}/accept/",
                {"reason": "岗位为青年见习计划，政策限定年龄"})
    page = client.get(f"/postings/{posting.pk}/").content.decode()
    assert "岗位为青年见习计划，政策限定年龄" in page


@pytest.mark.req("R18")
def test_the_public_page_shows_last_updated_and_hides_the_history():
    posting = make_published()
    page = Client().get(f"/postings/{posting.pk}/").content.decode()
    assert "最近更新" in page and "处理记录" not in page
    assert "山西省太原市小店区" in page and "商品营业员" in page and "全职" in page
    assert Client().get(f"/postings/{make_posting().pk}/").status_code == 404


def test_the_employer_list_offers_confirmation_and_closing():
    posting = make_published()
    client = signed_in_client(owner_of(posting.employer))
    assert "确认仍有效" in client.get("/me/postings/").content.decode()
    client.post(f"/me/postings/{posting.pk}/close/")
    posting.refresh_from_db()
    assert posting.status == JobPosting.Status.CLOSED


@pytest.mark.req("EN1")  # one record, published to search engines as schema.org JobPosting
def test_the_public_page_carries_job_posting_json_ld_that_parses():
    posting = make_published(title="收银员 <script>")
    page = Client().get(f"/postings/{posting.pk}/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "JobPosting" and data["title"] == "收银员 <script>"
    for key in ("description", "datePosted", "validThrough", "hiringOrganization",
                "jobLocation", "baseSalary", "employmentType"):
        assert data[key], key
    assert data["employmentType"] == "FULL_TIME"
    assert data["jobLocation"]["address"]["addressRegion"] == "山西省"
    assert data["baseSalary"]["value"]["minValue"] == 4000


@pytest.mark.req("R25")
def test_a_suspended_employers_postings_stop_being_shown():
    posting = make_published()
    employer = posting.employer
    assert posting.title in Client().get("/postings/").content.decode()
    Organisation.objects.filter(pk=employer.pk).update(status=Organisation.Status.SUSPENDED)
    assert posting.title not in Client().get("/postings/").content.decode()
    assert Client().get(f"/postings/{posting.pk}/").status_code == 404


@pytest.mark.req("EN1")
def test_an_employer_uploads_a_csv_and_follows_the_import_on_the_progress_page(
        django_capture_on_commit_callbacks):
    employer = make_verified()
    client = signed_in_client(owner_of(employer))
    page = client.get("/me/postings/import/")
    assert page.status_code == 200 and "work_region_code" in page.content.decode()
    upload = SimpleUploadedFile("jobs.csv", posting_csv([posting_data(), posting_data()],
                                                         bom=True), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/me/postings/import/", {"file": upload})
    assert response.status_code == 302 and "/tasks/" in response["Location"]
    assert run_queued_tasks() == 1
    done = client.get(response["Location"]).content.decode()
    assert "已导入 2 行" in done and "下载结果" in done
    assert JobPosting.objects.filter(employer=employer).count() == 2


def test_an_unreadable_upload_is_shown_again_with_the_error():
    client = signed_in_client(owner_of(make_verified()))
    upload = SimpleUploadedFile("jobs.csv", "工资\n1\n".encode(), "text/csv")
    response = client.post("/me/postings/import/", {"file": upload})
    assert response.status_code == 400
    assert "不认识的列" in response.content.decode()


@pytest.mark.req("EN6")
def test_the_editor_shows_each_suggestion_next_to_its_field():
    posting = make_posting(duties="收银")
    page = signed_in_client(owner_of(posting.employer)).get(
        f"/me/postings/{posting.pk}/edit/").content.decode()
    assert 'id="id_duties_hint"' in page and "工作内容较简短" in page


@pytest.mark.req("R26")
def test_editing_a_published_posting_on_the_page_keeps_the_public_text_until_published():
    posting = make_published(title="面点师")
    client = signed_in_client(owner_of(posting.employer))
    page = client.get(f"/me/postings/{posting.pk}/edit/").content.decode()
    assert "审核通过前，公开页面仍显示原来的内容" in page
    response = client.post(f"/me/postings/{posting.pk}/edit/",
                           _form(posting, title="面点主管", requirements="年龄22-30岁",
                                 action="submit"))
    assert response.status_code == 302
    posting.refresh_from_db()
    assert (posting.title, posting.revision_status) == ("面点师", "in_review")
    assert "面点师" in Client().get(f"/postings/{posting.pk}/").content.decode()
    signed_in_client(make_reviewer()).post(f"/review/postings/{posting.pk}/decision/",
                                           {"decision": "publish"})
    public = Client().get(f"/postings/{posting.pk}/").content.decode()
    assert "面点主管" in public and "最近更新" in public


@pytest.mark.req("R17.1")
def test_an_employer_entrusts_an_agency_whose_staff_then_pick_the_employer_in_the_editor():
    from fairhire.orgs.models import OrgKind

    employer, agency = make_verified(), make_verified(OrgKind.AGENCY)
    owner = signed_in_client(owner_of(employer))
    response = owner.post("/me/entrustments/", {"agency_uscc": agency.uscc,
                                                "reference": "委托书 2026-11"})
    assert response.status_code == 302
    agency_client = signed_in_client(owner_of(agency))
    listed = agency_client.get("/me/entrustments/").content.decode()
    assert employer.name in listed and "委托书 2026-11" in listed
    editor = agency_client.get("/me/postings/new/").content.decode()
    assert 'name="employer"' in editor and employer.name in editor
    missing = agency_client.post("/me/postings/new/", {"kind": "job", "title": "保洁员"})
    assert missing.status_code == 400 and 'id="id_employer_error"' in missing.content.decode()
    created = agency_client.post("/me/postings/new/", {"kind": "job", "title": "保洁员",
                                                       "employer": employer.pk})
    assert created.status_code == 302
    posting = JobPosting.objects.get(title="保洁员")
    assert (posting.employer, posting.agency, posting.entrustment) == (employer, agency,
                                                                      "委托书 2026-11")
    import_page = agency_client.get("/me/postings/import/").content.decode()
    assert employer.name in import_page and ".xlsx" in import_page


def test_the_editor_offers_code_pickers_that_search_by_name_pinyin_or_code():
    employer = make_verified()
    client = signed_in_client(owner_of(employer))
    page = client.get("/me/postings/new/").content.decode()
    assert 'list="id_occupation_code_options"' in page
    assert '<option value="full_time">全职</option>' in page
    options = Client().get("/reference/occupations/pick/?field=occupation_code"
                           "&occupation_code=syy").content.decode()
    assert '<option value="4-01-02-04">收银员' in options


def test_the_editor_shows_the_valid_until_date_so_saving_again_keeps_it():
    posting = make_posting()
    page = signed_in_client(owner_of(posting.employer)).get(
        f"/me/postings/{posting.pk}/edit/").content.decode()
    assert f'value="{posting.valid_until.isoformat()}"' in page
