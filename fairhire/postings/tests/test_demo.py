"""The demo postings (``manage.py demo_data``) go through the real services and pass the
screener, so a change to the rules that would refuse them shows up here."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from fairhire.postings.models import JobPosting, PostingFlag

pytestmark = pytest.mark.django_db


def test_the_demo_has_hundreds_of_varied_published_postings_and_some_in_review_and_expired():
    call_command("demo_data", stdout=io.StringIO())
    statuses = dict(JobPosting.objects.values_list("status").annotate(n=Count("id")))
    assert statuses["published"] >= 300
    assert statuses["in_review"] >= 5 and statuses["expired"] >= 5
    published = JobPosting.objects.filter(status=JobPosting.Status.PUBLISHED)
    assert set(published.values_list("kind", flat=True)) == {"job", "gig"}
    assert published.values("occupation_code").distinct().count() >= 30
    assert published.values("work_region_code").distinct().count() >= 20
    assert published.values("pay_unit").distinct().count() == 4
    assert published.filter(revision_status="in_review").count() == 1
    assert not PostingFlag.objects.exists()  # every demo text passes the screener
    assert JobPosting.objects.filter(agency__isnull=False,
                                     entrustment_grant__isnull=False).exists()
