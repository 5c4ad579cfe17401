"""EN 6 quality hints: suggestions that never stop a submission."""

import pytest

from fairhire.orgs.tests.factories import owner_of
from fairhire.postings.models import JobPosting
from fairhire.postings.quality import pay_guidance, posting_suggestions
from fairhire.postings.services import posting_submit
from fairhire.postings.tests.factories import make_posting, make_published

pytestmark = [pytest.mark.django_db, pytest.mark.req("EN6")]


def codes(posting) -> set[str]:
    return {hint.code for hint in posting_suggestions(posting)}


def test_a_well_written_posting_gets_no_suggestion():
    assert codes(make_posting()) == set()


def test_pay_far_above_similar_postings_in_the_same_city_is_pointed_out_with_the_median():
    for n in range(5):
        make_published(title=f"营业员 {n}", pay_min=3800 + 100 * n, pay_max=5000 + 100 * n)
    posting = make_posting(pay_min=38000, pay_max=50000)  # a slip: ten times too much
    [hint] = [h for h in posting_suggestions(posting) if h.code == "pay_far_from_similar"]
    assert hint.field == "pay_min" and "同城市" in hint.message and "4600" in hint.message
    assert "pay_far_from_similar" not in codes(make_posting(pay_min=4200, pay_max=5600))


def test_too_few_similar_postings_make_no_pay_comparison():
    for n in range(4):
        make_published(title=f"营业员 {n}")
    assert "pay_far_from_similar" not in codes(make_posting(pay_min=40000, pay_max=50000))


def test_missing_pay_short_duties_and_empty_requirements_are_suggested_per_field():
    posting = make_posting(pay_min=None, pay_max=None, duties="收银", requirements="",
                           working_conditions="每天八小时。")
    hints = {h.code: h.field for h in posting_suggestions(posting)}
    assert hints == {"pay_missing": "pay_min", "duties_short": "duties",
                     "requirements_empty": "requirements",
                     "insurance_unstated": "working_conditions"}


def test_suggestions_do_not_stop_a_submission():
    posting = make_posting(duties="负责收银和理货。", requirements="", education_code="41")
    assert {"duties_short", "requirements_empty"} <= codes(posting)
    posting = posting_submit(actor=owner_of(posting.employer), posting=posting)
    assert posting.status == JobPosting.Status.IN_REVIEW


def test_the_pay_guidance_for_the_occupation_shows_what_similar_postings_pay():
    for n in range(8):
        make_published(title=f"营业员 {n}", pay_min=3000 + 200 * n, pay_max=4000 + 200 * n)
    guidance = pay_guidance(make_posting())
    assert (guidance.scope, guidance.count, guidance.median, guidance.unit) == (
        "同城市", 8, 4200, "元/月")
    assert guidance.low < guidance.median < guidance.high
    assert pay_guidance(make_posting(occupation_code="2-02-10-03")) is None
