"""Anonymous reports about a posting: a challenge and a per-address rate limit (R23,
SECURITY.md control 24)."""

import pytest
from django.test import Client

from fairhire.complaints import challenge, services
from fairhire.complaints.models import Complaint
from fairhire.complaints.tests.factories import answered_challenge
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta
from fairhire.postings.tests.factories import make_published

pytestmark = pytest.mark.django_db
TEXT = "该岗位要求先交三百元服装押金才能上岗。"


def _report(posting, **extra):
    return services.complaint_submit(actor=None, category="fees", subject_kind="posting",
                                     subject_id=posting.pk, description=TEXT,
                                     **(extra or answered_challenge()))


def test_an_anonymous_report_about_a_posting_is_accepted_with_the_challenge_answered():
    posting = make_published()
    complaint = _report(posting, contact="wx: report2026", **answered_challenge())
    assert complaint.complainant is None and complaint.posting == posting
    assert complaint.unseal("contact") == "wx: report2026"
    assert complaint.contact != "wx: report2026"  # stored encrypted


@pytest.mark.parametrize("answer", ["99", "", "abc"])
def test_a_wrong_answer_is_refused(answer):
    posting = make_published()
    token = challenge.challenge_new().token
    with pytest.raises(InvalidInput) as refused:
        _report(posting, challenge_token=token, challenge_answer=answer)
    assert refused.value.code == "complaints.challenge_wrong"


def test_a_challenge_cannot_be_used_twice():
    posting = make_published()
    answered = answered_challenge()
    _report(posting, **answered)
    with pytest.raises(InvalidInput) as refused:
        _report(posting, **answered)
    assert refused.value.code == "complaints.challenge_used"


def test_anonymous_complaints_about_anything_but_a_posting_need_an_account():
    with pytest.raises(PermissionDenied):
        services.complaint_submit(actor=None, category="other", subject_kind="general",
                                  description=TEXT, **answered_challenge())


@pytest.mark.req("R23")
def test_anonymous_reports_are_rate_limited_per_address(settings):
    settings.COMPLAINTS_ANONYMOUS_PER_ADDRESS = 2
    posting = make_published()
    client = Client(REMOTE_ADDR="198.51.100.7")
    answers = []
    for _ in range(3):
        body = {"category": "fees", "subject_kind": "posting", "subject_id": posting.pk,
                "description": TEXT, **answered_challenge()}
        answers.append(client.post("/api/v1/complaints", body, content_type="application/json"))
    assert [a.status_code for a in answers] == [201, 201, 429]
    assert answers[2].json()["code"] == "complaints.rate_limited"
    assert "Retry-After" in answers[2]
    # another address is not held back
    token = set_meta(RequestMeta(ip="198.51.100.8"))
    try:
        _report(posting)
    finally:
        reset_meta(token)
    assert Complaint.objects.count() == 3


def test_the_report_page_asks_the_question_and_gives_the_number():
    posting = make_published()
    client = Client()
    page = client.get(f"/complaints/new/?kind=posting&id={posting.pk}").content.decode()
    assert "等于几" in page
    answered = answered_challenge()
    response = client.post("/complaints/new/", {
        "category": "fees", "subject_kind": "posting", "subject_id": posting.pk,
        "description": TEXT, **answered})
    assert response.status_code == 200
    number = Complaint.objects.get().number
    assert number in response.content.decode()


def test_an_anonymous_visitor_is_asked_to_sign_in_for_a_general_complaint():
    response = Client().get("/complaints/new/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_wrong_answer_on_the_page_is_refused_with_a_fresh_question():
    posting = make_published()
    client = Client()
    answered = answered_challenge()
    response = client.post("/complaints/new/", {
        "category": "fees", "subject_kind": "posting", "subject_id": posting.pk,
        "description": TEXT, "challenge_token": answered["challenge_token"],
        "challenge_answer": "99"})
    page = response.content.decode()
    assert response.status_code == 400 and "验证题答案不正确" in page
    assert answered["challenge_token"] not in page and "等于几" in page
    assert not Complaint.objects.exists()


@pytest.mark.req("R23")
def test_an_anonymous_reporter_reads_the_outcome_with_the_number_and_the_code():
    from fairhire.complaints.tests.factories import make_operator

    posting = make_published()
    client = Client()
    made = client.post("/api/v1/complaints", {
        "category": "fees", "subject_kind": "posting", "subject_id": posting.pk,
        "description": TEXT, **answered_challenge()}, content_type="application/json").json()
    assert made["id"] is None and len(made["tracking_code"]) == 10
    complaint = Complaint.objects.get()
    assert made["tracking_code"] not in complaint.tracking_digest
    operator = make_operator()
    services.complaint_transition(complaint=complaint, actor=operator, to_status="accepted")
    services.complaint_transition(complaint=complaint, actor=operator, to_status="resolved",
                                  note="已责令该单位退还押金。")
    page = client.post("/complaints/track/", {"number": made["number"],
                                              "code": made["tracking_code"].lower()})
    assert "已责令该单位退还押金" in page.content.decode()
    wrong = client.post("/api/v1/complaints/track", {"number": made["number"],
                                                     "code": "0000000000"},
                        content_type="application/json")
    assert wrong.status_code == 404
    right = client.post("/api/v1/complaints/track", {"number": made["number"],
                                                     "code": made["tracking_code"]},
                        content_type="application/json")
    assert right.json()["outcome"] == "已责令该单位退还押金。"
