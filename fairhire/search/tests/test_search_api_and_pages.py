"""Search as a person and a program meet it: filters over the national code tables, the API's
HTTP mapping, hostile input, recommendations with explanations, candidates, saved searches."""

import pytest
from django.test import Client

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.core.models import AuditEvent
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings import services as postings
from fairhire.postings.tests.factories import make_in_review, make_reviewer
from fairhire.profiles import services as profiles
from fairhire.profiles.tests.factories import make_seeker, resume_data
from fairhire.search import services
from fairhire.search.models import SavedSearch
from fairhire.search.tests.pipeline import committed, found

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(django_capture_on_commit_callbacks):
    """Three published postings: Taiyuan (Shanxi) monthly, Nanjing (Jiangsu) daily, Taiyuan
    hourly."""
    made = {}
    for name, overrides in {
        "clerk": {"title": "门店营业员", "work_region_code": "140105", "pay_min": 4000,
                  "pay_max": 6000, "pay_unit": "month", "occupation_code": "4-01-02-03"},
        "courier": {"title": "快递分拣员", "work_region_code": "320102", "pay_min": 200,
                    "pay_max": 260, "pay_unit": "day", "occupation_code": "4-02-06-01",
                    "kind": "gig", "work_period": "七月每天早班，为期一个月",
                    "contact": "到南京市玄武区分拣中心现场报名"},
        "tutor": {"title": "小学数学家教", "work_region_code": "140106", "pay_min": 80,
                  "pay_max": 100, "pay_unit": "hour", "occupation_code": "4-01-02-03"},
    }.items():
        posting = make_in_review(**overrides)
        made[name] = committed(django_capture_on_commit_callbacks, postings.posting_publish,
                               posting=posting, actor=make_reviewer()).pk
    return made


@pytest.mark.req("EN1")
def test_a_province_filter_finds_postings_in_its_cities_and_counties(listing):
    assert sorted(found(region="140000")) == sorted([listing["clerk"], listing["tutor"]])
    assert found(region="320100") == [listing["courier"]]


def test_an_occupation_category_filter_includes_its_occupations(listing):
    assert sorted(found(occupation="4-01")) == sorted([listing["clerk"], listing["tutor"]])


def test_a_monthly_pay_filter_compares_day_and_hour_rates_by_their_monthly_equivalent(listing):
    # 200-260 a day is 4,350-5,655 a month; 80-100 an hour is 13,920-17,400 a month
    assert sorted(found(pay_min=5000, pay_max=6000)) == sorted([listing["clerk"],
                                                              listing["courier"]])
    assert found(pay_min=10000) == [listing["tutor"]]


@pytest.mark.parametrize("q", ['"', "a:b", "营业员 AND (", "😀" * 50, "x" * 10_000, ""])
def test_hostile_keywords_are_answered_with_results_never_an_error(listing, q):
    response = Client().get("/api/v1/postings/search", {"q": q})
    assert response.status_code == 200
    page = Client().get("/search/", {"q": q})
    assert page.status_code == 200


def test_the_api_returns_hits_with_highlights_and_facets(listing):
    body = Client().get("/api/v1/postings/search", {"q": "营业员", "region": "140000"}).json()
    assert body["total"] == 1
    assert {"text": "营业员", "match": True} in body["hits"][0]["title_highlighted"]
    assert {"value": "job", "count": 1} in body["facets"]["kind"]


@pytest.mark.parametrize(("params", "code"), [
    ({"region": "999999"}, "search.unknown_region"),
    ({"occupation": "9-99"}, "search.unknown_occupation"),
    ({"pay_min": 9000, "pay_max": 1000}, "search.pay_range"),
])
def test_an_unknown_code_or_an_impossible_range_gets_a_clear_message(listing, params, code):
    response = Client().get("/api/v1/postings/search", params)
    assert response.status_code == 400
    assert response.json()["code"] == code
    page = Client().get("/search/", params)
    assert page.status_code == 400


def test_the_search_page_shows_results_with_marked_keywords(listing):
    response = Client().get("/search/", {"q": "营业员"})
    assert "<mark>营业员</mark>" in response.content.decode()


def _seeker_with_resume(capture, **overrides):
    seeker = make_seeker()
    committed(capture, profiles.resume_save, actor=seeker.user, data=resume_data(
        title="零售岗位简历", skills="收银，商品陈列", skill_codes=[], expected_occupations=[
            "4-01-02-03"], expected_regions=["140100"], pay_min=4500, pay_max=6000,
        **overrides))
    return seeker


def test_a_seeker_is_recommended_postings_and_each_explanation_adds_up(
        listing, django_capture_on_commit_callbacks):
    seeker = _seeker_with_resume(django_capture_on_commit_callbacks)
    client = signed_in_client(seeker.user)
    body = client.get("/api/v1/me/recommendations").json()
    assert body[0]["id"] == listing["clerk"]
    for item in body:
        assert item["score"] == pytest.approx(sum(p["points"] for p in item["parts"]))
    why = client.get(f"/search/postings/{listing['clerk']}/").content.decode()
    assert "为什么推荐给你" in why and "同一职业" in why


def test_an_employer_sees_candidates_without_names_or_contacts(
        listing, django_capture_on_commit_callbacks):
    seeker = _seeker_with_resume(django_capture_on_commit_callbacks)
    from fairhire.postings.models import JobPosting

    employer = JobPosting.objects.get(pk=listing["clerk"]).employer
    client = signed_in_client(owner_of(employer))
    body = client.get(f"/api/v1/postings/{listing['clerk']}/candidates").json()
    assert [c["title"] for c in body] == ["零售岗位简历"]
    text = str(body)
    assert seeker.unseal("real_name") not in text and seeker.unseal("phone") not in text
    other = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    assert other.get(f"/api/v1/postings/{listing['clerk']}/candidates").status_code == 404


def test_a_seeker_saves_a_search_and_is_told_once_a_day_of_new_matches(
        listing, django_capture_on_commit_callbacks):
    seeker = make_seeker()
    client = signed_in_client(seeker.user)
    response = client.post("/api/v1/me/saved-searches", {
        "title": "太原零售", "filters": {"q": "营业员", "region": "140000"}},
        content_type="application/json")
    assert response.status_code == 201
    assert AuditEvent.objects.filter(action="search.saved_search_created").exists()
    saved = SavedSearch.objects.get()
    saved.seen_until = 0  # the postings above count as new
    saved.save()
    assert services.saved_search_alerts() == 1
    assert services.saved_search_alerts() == 0  # at most daily
    from fairhire.core.models import Notification

    assert "太原零售" in Notification.objects.get(recipient=seeker.user).title


def test_only_an_operator_changes_the_weights_and_the_change_is_audited():
    operator = make_user(Role.OPERATOR)
    services.match_weights_set(actor=operator, weights={"region": 40})
    assert services.match_weights()["region"] == 40
    event = AuditEvent.objects.get(action="search.match_weights_changed")
    assert event.details["before"]["region"] == 15
    from fairhire.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.match_weights_set(actor=make_user(Role.SEEKER), weights={"region": 1})
