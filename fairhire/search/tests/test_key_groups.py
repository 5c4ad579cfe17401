"""Key groups (EN7): separate consent, a separate priority list among those who fit, the main
ranking untouched, every priority recommendation audited, withdrawal effective at once."""

import pytest

from fairhire.core.models import AuditEvent
from fairhire.orgs.tests.factories import owner_of
from fairhire.postings import services as postings
from fairhire.postings.tests.factories import make_in_review, make_reviewer
from fairhire.profiles import services as profiles
from fairhire.profiles.tests.factories import make_seeker, resume_data
from fairhire.search import services
from fairhire.search.models import KeyGroupConsent
from fairhire.search.selectors import candidates_for_posting
from fairhire.search.tests.pipeline import committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def posting(django_capture_on_commit_callbacks):
    posting = make_in_review(title="仓库管理员", occupation_code="4-02-06-01",
                             work_region_code="140105")
    return committed(django_capture_on_commit_callbacks, postings.posting_publish,
                     posting=posting, actor=make_reviewer())


def _candidate(capture, **overrides):
    seeker = make_seeker()
    fields = {"skill_codes": ["4-02-06-01"], "expected_occupations": ["4-02-06-01"],
              "expected_regions": ["140100"], "pay_min": 4000, **overrides}
    resume = committed(capture, profiles.resume_save, actor=seeker.user,
                       data=resume_data(**fields))
    return seeker, resume


@pytest.mark.req("EN7")
def test_a_consenting_key_group_candidate_is_listed_apart_and_the_main_ranking_is_unchanged(
        posting, django_capture_on_commit_callbacks):
    employer = owner_of(posting.employer)
    older, older_resume = _candidate(django_capture_on_commit_callbacks)
    _other, _ = _candidate(django_capture_on_commit_callbacks)
    before = [(c.id, c.match.points) for c in
              candidates_for_posting(actor=employer, posting_id=posting.pk)]

    services.key_group_consent_give(actor=older.user, group="older")
    after = [(c.id, c.match.points) for c in
             candidates_for_posting(actor=employer, posting_id=posting.pk)]
    priority = services.priority_recommendations(actor=employer, posting_id=posting.pk)

    assert after == before
    assert [(item.id, group) for item, group in priority] == [(older_resume.pk, "大龄劳动者")]
    event = AuditEvent.objects.get(action="search.priority_recommended")
    assert event.details["resume"] == older_resume.pk
    assert KeyGroupConsent.objects.get().group != "older"  # sealed at rest


@pytest.mark.req("EN7")
def test_withdrawing_consent_removes_the_person_from_the_priority_list_at_once(
        posting, django_capture_on_commit_callbacks):
    employer = owner_of(posting.employer)
    seeker, _resume = _candidate(django_capture_on_commit_callbacks)
    services.key_group_consent_give(actor=seeker.user, group="disabled")
    assert services.priority_recommendations(actor=employer, posting_id=posting.pk)

    services.key_group_consent_withdraw(actor=seeker.user)

    assert services.priority_recommendations(actor=employer, posting_id=posting.pk) == []
    consent = KeyGroupConsent.objects.get()
    assert consent.withdrawn_at is not None and consent.group == ""
    assert AuditEvent.objects.filter(action="search.key_group_consent_withdrawn").exists()


def test_a_key_group_candidate_who_does_not_fit_is_not_recommended_first(
        posting, django_capture_on_commit_callbacks):
    seeker, _resume = _candidate(django_capture_on_commit_callbacks,
                                 skill_codes=[], expected_occupations=["2-02-10-03"],
                                 expected_regions=["320100"], skills="钢琴", pay_min=30000,
                                 pay_max=40000, work=[], certificates=[], self_intro="")
    services.key_group_consent_give(actor=seeker.user, group="hard_to_employ")
    assert services.priority_recommendations(actor=owner_of(posting.employer),
                                             posting_id=posting.pk) == []


def test_the_api_gives_and_withdraws_consent(client):
    from fairhire.accounts.tests.factories import signed_in_client

    seeker = make_seeker()
    api = signed_in_client(seeker.user)
    given = api.put("/api/v1/me/key-group", {"group": "unemployed_graduate"},
                    content_type="application/json")
    assert given.status_code == 200
    assert api.delete("/api/v1/me/key-group").status_code == 204
    assert api.delete("/api/v1/me/key-group").json()["code"] == "search.no_key_group_consent"


def test_pages_let_a_seeker_consent_and_withdraw_and_show_the_employer_both_lists(
        posting, django_capture_on_commit_callbacks):
    from fairhire.accounts.tests.factories import signed_in_client

    seeker, resume = _candidate(django_capture_on_commit_callbacks)
    page = signed_in_client(seeker.user)
    response = page.post("/me/key-group/", {"group": "registered_unemployed", "consent": "on"})
    assert response.status_code == 302
    assert "登记失业人员" in page.get("/me/key-group/").content.decode()

    employer_page = signed_in_client(owner_of(posting.employer)).get(
        f"/me/postings/{posting.pk}/candidates/").content.decode()
    assert "重点群体优先推荐" in employer_page and employer_page.count(resume.title) == 2

    assert page.post("/me/key-group/withdraw/").status_code == 302
    employer_page = signed_in_client(owner_of(posting.employer)).get(
        f"/me/postings/{posting.pk}/candidates/").content.decode()
    assert employer_page.count(resume.title) == 1
