"""The index follows the database through the outbox and the real worker on the real queue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from fairhire.orgs.models import Organisation
from fairhire.orgs.services import licence_renew, organisations_reverify
from fairhire.orgs.tests.factories import licence_data, owner_of, pdf_bytes
from fairhire.postings import services as postings
from fairhire.postings.tests.factories import make_in_review, make_reviewer
from fairhire.profiles import services as profiles
from fairhire.profiles.tests.factories import make_seeker, resume_data
from fairhire.search.engine.index import RESUMES
from fairhire.search.engine.query import ids as index_ids
from fairhire.search.models import OutboxEntry
from fairhire.search.services import index_store, search_check, search_outbox_apply
from fairhire.search.tests.pipeline import committed, found

pytestmark = pytest.mark.django_db


def publish(capture, **overrides):
    posting = make_in_review(**overrides)
    return committed(capture, postings.posting_publish, posting=posting, actor=make_reviewer())


@pytest.mark.req("EN1")
def test_a_published_posting_is_found_once_the_worker_has_run(
        django_capture_on_commit_callbacks):
    posting = publish(django_capture_on_commit_callbacks, title="冷链仓储管理员")
    assert found(q="冷链仓储") == [posting.pk]
    assert not OutboxEntry.objects.filter(applied_at=None).exists()


def test_a_posting_still_in_review_is_not_found(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_in_review(title="冷链仓储管理员")
    search_outbox_apply()
    assert found(q="冷链仓储") == []


@pytest.mark.parametrize("service", [postings.posting_close, postings.posting_withdraw])
def test_a_closed_or_withdrawn_posting_disappears(django_capture_on_commit_callbacks, service):
    posting = publish(django_capture_on_commit_callbacks, title="冷链仓储管理员")
    committed(django_capture_on_commit_callbacks, service, posting=posting,
              actor=owner_of(posting.employer))
    assert found(q="冷链仓储") == []


def test_an_expired_posting_disappears(django_capture_on_commit_callbacks):
    posting = publish(django_capture_on_commit_callbacks, title="冷链仓储管理员")
    later = timezone.now() + timedelta(days=400)
    committed(django_capture_on_commit_callbacks, postings.postings_freshness_sweep, now=later)
    posting.refresh_from_db()
    assert posting.status == "expired"
    assert found(q="冷链仓储") == []


@pytest.mark.req("R25")
def test_the_postings_of_a_suspended_employer_disappear(django_capture_on_commit_callbacks):
    posting = publish(django_capture_on_commit_callbacks, title="冷链仓储管理员")
    employer = posting.employer
    today = timezone.localdate()
    licence_renew(actor=owner_of(employer), organisation=employer, kind="business",
                  licence=licence_data(scope=[], expires_on=today + timedelta(days=3)),
                  filename="营业执照.png", data=pdf_bytes())
    committed(django_capture_on_commit_callbacks, organisations_reverify,
              now=timezone.now() + timedelta(days=4))
    employer.refresh_from_db()
    assert employer.status == Organisation.Status.SUSPENDED
    assert found(q="冷链仓储") == []


def test_applying_the_outbox_twice_changes_nothing(django_capture_on_commit_callbacks):
    posting = publish(django_capture_on_commit_callbacks, title="冷链仓储管理员")
    OutboxEntry.objects.update(applied_at=None)  # as after a crash before the stamp
    search_outbox_apply()
    search_outbox_apply()
    assert found(q="冷链仓储") == [posting.pk]
    assert search_check()["postings"] == {"missing": [], "extra": []}


def test_only_searchable_resumes_are_indexed_and_hiding_one_removes_it(
        django_capture_on_commit_callbacks):
    seeker = make_seeker()
    resume = committed(django_capture_on_commit_callbacks, profiles.resume_save,
                       actor=seeker.user, data=resume_data())
    assert index_ids(index_store(RESUMES).index(), kind=RESUMES) == {resume.pk}
    committed(django_capture_on_commit_callbacks, profiles.resume_save, actor=seeker.user,
              resume=resume, data=resume_data(visibility="hidden"))
    assert index_ids(index_store(RESUMES).index(), kind=RESUMES) == set()
