import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.testing import run_queued_tasks
from fairhire.orgs.tests.factories import make_verified, owner_of
from fairhire.postings.tests.factories import (
    make_in_review,
    make_posting,
    make_published,
    make_reviewer,
    posting_csv,
    posting_data,
)

pytestmark = pytest.mark.django_db


def _json(data):
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in data.__dict__.items() if v is not None}


def test_an_employer_creates_edits_and_submits_a_posting():
    employer = make_verified()
    client = signed_in_client(owner_of(employer))
    body = _json(posting_data())
    created = client.post("/api/v1/postings", body | {"title": "仓库"},
                          content_type="application/json")
    assert created.status_code == 201, created.json()
    posting_id = created.json()["id"]
    edited = client.put(f"/api/v1/postings/{posting_id}", {"title": "仓库管理员"},
                        content_type="application/json")
    assert edited.json()["title"] == "仓库管理员"
    submitted = client.post(f"/api/v1/postings/{posting_id}/submit", {},
                            content_type="application/json")
    assert (submitted.status_code, submitted.json()["status"]) == (200, "in_review")


@pytest.mark.req("R15.1")
def test_missing_content_answers_400_with_a_message_per_field():
    posting = make_posting(duties="", pay_min=None)
    client = signed_in_client(owner_of(posting.employer))
    response = client.post(f"/api/v1/postings/{posting.pk}/submit", {},
                           content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"duties", "pay_min"}


def test_a_blocking_flag_answers_409_with_the_flagged_text():
    posting = make_posting(requirements="乙肝携带者勿扰")
    client = signed_in_client(owner_of(posting.employer))
    response = client.post(f"/api/v1/postings/{posting.pk}/submit", {},
                           content_type="application/json")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "posting.blocked_by_screening"
    assert body["flags"][0]["category"] == "health"


def test_a_published_posting_is_public_and_a_draft_is_404_to_others():
    published = make_published()
    assert signed_in_client(make_user()).get(
        f"/api/v1/postings/{published.pk}").status_code == 200
    assert Client().get(f"/api/v1/postings/{published.pk}").json()["flags"] == []
    draft = make_posting()
    assert Client().get(f"/api/v1/postings/{draft.pk}").status_code == 404
    assert signed_in_client(make_user(Role.EMPLOYER_STAFF)).get(
        f"/api/v1/postings/{draft.pk}").status_code == 404
    assert signed_in_client(owner_of(draft.employer)).get(
        f"/api/v1/postings/{draft.pk}").status_code == 200
    assert signed_in_client(make_reviewer()).get(
        f"/api/v1/postings/{draft.pk}").status_code == 200


def test_the_reviewer_sees_the_queue_and_publishes():
    posting = make_in_review(requirements="年龄22-30岁")
    client = signed_in_client(make_reviewer())
    queue = client.get("/api/v1/review/postings").json()
    assert [p["id"] for p in queue] == [posting.pk]
    assert queue[0]["flags"][0]["category"] == "age"
    decided = client.post(f"/api/v1/review/postings/{posting.pk}/decision",
                          {"decision": "publish"}, content_type="application/json")
    assert decided.json()["status"] == "published"
    assert [p["id"] for p in client.get("/api/v1/postings").json()] == [posting.pk]


def test_an_employer_cannot_decide_its_own_posting():
    posting = make_in_review()
    response = signed_in_client(owner_of(posting.employer)).post(
        f"/api/v1/review/postings/{posting.pk}/decision", {"decision": "publish"},
        content_type="application/json")
    assert response.status_code == 403


@pytest.mark.req("R26")
def test_the_employer_and_reviewers_read_every_version_and_others_get_404():
    posting = make_published(requirements="年龄22-30岁")
    path = f"/api/v1/postings/{posting.pk}/versions"
    response = signed_in_client(owner_of(posting.employer)).get(path)
    assert response.status_code == 200
    [version] = response.json()
    assert version["number"] == 1
    assert version["content"]["title"] == posting.title
    assert version["flags"][0]["category"] == "age"
    assert signed_in_client(make_reviewer()).get(path).status_code == 200
    assert signed_in_client(make_user()).get(path).status_code == 404
    assert Client().get(path).status_code == 401


def test_the_employer_closes_a_published_posting_and_others_are_refused():
    posting = make_published()
    path = f"/api/v1/postings/{posting.pk}/close"
    assert signed_in_client(make_user(Role.EMPLOYER_STAFF)).post(
        path, {}, content_type="application/json").status_code == 403
    response = signed_in_client(owner_of(posting.employer)).post(
        path, {}, content_type="application/json")
    assert (response.status_code, response.json()["status"]) == (200, "closed")
    again = signed_in_client(owner_of(posting.employer)).post(
        path, {}, content_type="application/json")
    assert again.status_code == 409


def test_an_import_upload_answers_202_with_the_task_and_a_bad_header_400():
    client = signed_in_client(owner_of(make_verified()))
    good = SimpleUploadedFile("jobs.csv", posting_csv([posting_data()]), "text/csv")
    response = client.post("/api/v1/postings/import", {"file": good})
    assert response.status_code == 202
    task_id = response.json()["task_id"]
    assert client.get(f"/api/v1/tasks/{task_id}").json()["total"] == 1
    assert client.get(f"/api/v1/postings/import/{task_id}").status_code == 409  # still queued
    assert signed_in_client(make_reviewer()).get(
        f"/api/v1/postings/import/{task_id}").status_code == 404
    bad = SimpleUploadedFile("jobs.csv", "工资\n1\n".encode(), "text/csv")
    refused = client.post("/api/v1/postings/import", {"file": bad})
    assert (refused.status_code, refused.json()["code"]) == (400, "posting.import_columns")


def test_the_import_report_lists_each_row_once_the_task_has_run(
        django_capture_on_commit_callbacks):
    client = signed_in_client(owner_of(make_verified()))
    upload = SimpleUploadedFile("jobs.csv", posting_csv([posting_data(),
                                                         posting_data(title="")]), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        task_id = client.post("/api/v1/postings/import", {"file": upload}).json()["task_id"]
    run_queued_tasks()
    report = client.get(f"/api/v1/postings/import/{task_id}").json()
    assert [(r["line"], r["result"]) for r in report] == [(2, "accepted"), (3, "refused")]
    assert report[0]["posting_id"] and report[1]["errors"].keys() == {"title"}


def test_patch_changes_only_the_fields_sent_and_answers_errors_per_field():
    posting = make_posting(title="收银员", duties="负责收银。")
    client = signed_in_client(owner_of(posting.employer))
    path = f"/api/v1/postings/{posting.pk}"
    patched = client.patch(path, {"title": "收银主管", "pay_max": None},
                           content_type="application/json")
    assert patched.status_code == 200
    body = patched.json()
    assert (body["title"], body["duties"], body["pay_max"]) == ("收银主管", "负责收银。", None)
    assert {"code": "pay_missing", "field": "pay_min",
            "message": "写明薪酬范围的招聘信息更受求职者关注。"} in body["suggestions"]
    assert "duties_short" in {s["code"] for s in body["suggestions"]}

    invalid = client.patch(path, {"headcount": 0, "pay_unit": "week"},
                           content_type="application/json")
    assert invalid.status_code == 422
    assert {e["field"] for e in invalid.json()["errors"]} == {"headcount", "pay_unit"}
    reversed_pay = client.patch(path, {"pay_min": 9000, "pay_max": 5000},
                                content_type="application/json")
    assert (reversed_pay.status_code, set(reversed_pay.json()["errors"])) == (400, {"pay_min"})
    assert signed_in_client(make_user(Role.EMPLOYER_STAFF)).patch(
        path, {"title": "x"}, content_type="application/json").status_code == 404


@pytest.mark.req("R26")
def test_patching_a_published_posting_writes_a_revision_and_the_public_sees_the_old_text():
    posting = make_published(title="仓库管理员")
    client = signed_in_client(owner_of(posting.employer))
    path = f"/api/v1/postings/{posting.pk}"
    body = client.patch(path, {"title": "仓库主管"}, content_type="application/json").json()
    assert (body["title"], body["revision_status"], body["revision"]["title"]) == (
        "仓库管理员", "draft", "仓库主管")
    public = Client().get(path).json()
    assert (public["title"], public["revision"], public["revision_status"]) == (
        "仓库管理员", None, "")


def test_an_agency_creates_a_posting_for_an_employer_that_entrusted_it():
    from fairhire.orgs.models import OrgKind
    from fairhire.postings.tests.factories import entrust

    employer, agency = make_verified(), make_verified(OrgKind.AGENCY)
    client = signed_in_client(owner_of(agency))
    body = _json(posting_data()) | {"employer_id": employer.pk}
    refused = client.post("/api/v1/postings", body, content_type="application/json")
    assert (refused.status_code, refused.json()["code"]) == (400, "posting.not_entrusted")
    entrust(employer=employer, agency=agency, reference="委托书 2026-07")
    created = client.post("/api/v1/postings", body, content_type="application/json")
    assert created.status_code == 201
    assert (created.json()["agency"], created.json()["entrustment"]) == (agency.name,
                                                                        "委托书 2026-07")
    listed = client.get("/api/v1/entrustments").json()
    assert [(e["employer_id"], e["active"]) for e in listed] == [(employer.pk, True)]


def test_an_employer_entrusts_and_revokes_an_agency_over_the_api():
    from fairhire.orgs.models import OrgKind

    employer, agency = make_verified(), make_verified(OrgKind.AGENCY)
    client = signed_in_client(owner_of(employer))
    unknown = client.post("/api/v1/entrustments", {"agency_uscc": "9" * 18, "reference": "委托"},
                          content_type="application/json")
    assert (unknown.status_code, unknown.json()["code"]) == (400, "posting.agency_not_found")
    granted = client.post("/api/v1/entrustments",
                          {"agency_uscc": agency.uscc, "reference": "委托书 1"},
                          content_type="application/json")
    assert granted.status_code == 201
    grant_id = granted.json()["id"]
    assert signed_in_client(owner_of(agency)).post(
        f"/api/v1/entrustments/{grant_id}/revoke").status_code == 403
    revoked = client.post(f"/api/v1/entrustments/{grant_id}/revoke")
    assert (revoked.status_code, revoked.json()["active"]) == (200, False)
    assert client.post(f"/api/v1/entrustments/{grant_id}/revoke").status_code == 409


def test_an_excel_upload_is_accepted_by_the_api(django_capture_on_commit_callbacks):
    from fairhire.postings.tests.factories import posting_xlsx

    client = signed_in_client(owner_of(make_verified()))
    upload = SimpleUploadedFile("jobs.xlsx", posting_xlsx([posting_data(), posting_data()]),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/postings/import", {"file": upload})
    assert response.status_code == 202
    run_queued_tasks()
    report = client.get(f"/api/v1/postings/import/{response.json()['task_id']}").json()
    assert [r["result"] for r in report] == ["accepted", "accepted"]
