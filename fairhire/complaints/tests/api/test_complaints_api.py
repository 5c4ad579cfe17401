"""The complaints API maps the services onto HTTP: statuses and messages only."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.complaints import services
from fairhire.complaints.tests.factories import make_complaint, make_operator

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.mark.req("R23")
def test_a_complaint_goes_in_and_through_the_api():
    seeker, operator = make_user(Role.SEEKER), make_operator()
    client = signed_in_client(seeker)
    made = client.post("/api/v1/complaints", {
        "category": "discrimination", "subject_kind": "general",
        "description": "面试官询问我的婚育计划并表示已婚未育者不予录用。"}, content_type=JSON)
    assert made.status_code == 201
    receipt = made.json()
    mine = client.get("/api/v1/me/complaints").json()
    assert [c["number"] for c in mine] == [receipt["number"]]
    assert mine[0]["article"] == "《网络招聘服务管理规定》第十五条"
    staff = signed_in_client(operator)
    queue = staff.get("/api/v1/operator/complaints").json()
    assert [c["id"] for c in queue] == [receipt["id"]] and queue[0]["owner"] == operator.username
    path = f"/api/v1/operator/complaints/{receipt['id']}/transition"
    assert staff.post(path, {"to_status": "accepted"}, content_type=JSON).status_code == 200
    done = staff.post(path, {"to_status": "resolved", "note": "已约谈该单位并责令整改。"},
                      content_type=JSON)
    assert done.status_code == 200 and done.json()["status"] == "resolved"
    detail = client.get(f"/api/v1/complaints/{receipt['id']}").json()
    assert detail["outcome"] == "已约谈该单位并责令整改。"
    assert [h["status"] for h in detail["history"]] == ["received", "accepted", "resolved"]
    invites = client.get("/api/v1/me/evaluations").json()
    rated = client.post("/api/v1/evaluations", {"invite_id": invites[0]["id"], "rating": 4,
                                                "comment": "处理及时"}, content_type=JSON)
    assert rated.status_code == 201


@pytest.mark.parametrize("body, status, code", [
    ({"category": "nope", "subject_kind": "general", "description": "x" * 20}, 422, "invalid"),
    ({"category": "other", "subject_kind": "general", "description": "短"}, 400,
     "complaints.description_short"),
    ({"category": "other", "subject_kind": "posting", "subject_id": 999999,
      "description": "x" * 20}, 404, "posting.not_found"),
])
def test_bad_complaints_get_a_clear_message(body, status, code):
    response = signed_in_client(make_user(Role.SEEKER)).post("/api/v1/complaints", body,
                                                             content_type=JSON)
    assert response.status_code == status and response.json()["code"] == code


def test_a_wrong_step_answers_409_with_the_reason():
    complaint = make_complaint()
    response = signed_in_client(make_operator()).post(
        f"/api/v1/operator/complaints/{complaint.pk}/transition",
        {"to_status": "resolved", "note": "办结"}, content_type=JSON)
    assert response.status_code == 409 and response.json()["code"] == "complaints.bad_transition"


def test_an_anonymous_report_without_the_challenge_is_refused():
    response = signed_in_client(make_user(Role.SEEKER)).get("/api/v1/complaints/challenge")
    assert "等于几" in response.json()["question"]
    from django.test import Client

    from fairhire.postings.tests.factories import make_published

    posting = make_published()
    refused = Client().post("/api/v1/complaints", {
        "category": "fraud", "subject_kind": "posting", "subject_id": posting.pk,
        "description": "该岗位要求先交培训费才能入职。"}, content_type=JSON)
    assert refused.status_code == 400 and refused.json()["code"] == "complaints.challenge_invalid"


def test_other_people_and_roles_cannot_read_or_handle_a_complaint():
    complaint = make_complaint()
    other = signed_in_client(make_user(Role.SEEKER))
    assert other.get(f"/api/v1/complaints/{complaint.pk}").status_code == 404
    assert other.get("/api/v1/operator/complaints").status_code == 403
    assert other.post(f"/api/v1/operator/complaints/{complaint.pk}/suspend-posting"
                      ).status_code == 404


def test_operators_publish_agreements_through_the_api():
    staff = signed_in_client(make_operator())
    response = staff.post("/api/v1/operator/agreements", {
        "kind": "rules", "title": "平台服务规则",
        "body": "第一条 平台对招聘信息实行先审后发。\n第二条 投诉十五日内办结。"},
        content_type=JSON)
    assert response.status_code == 201 and response.json()["in_force"] is True
    results = staff.get("/api/v1/operator/evaluations").json()
    assert results == {"by_org": [], "by_kind": [], "by_month": []}
    assert services.deadline_days("fraud") == 3
