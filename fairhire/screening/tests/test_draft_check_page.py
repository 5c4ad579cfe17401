"""An employer checks a draft before submitting (issue 5): the same flags as submission."""

import pytest
from django.urls import reverse

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.screening.services import screen_text

pytestmark = pytest.mark.django_db


@pytest.mark.req("R15.2")
def test_an_employer_sees_the_flagged_words_highlighted_with_the_fix():
    text = "招聘文员2名，限男性，35岁以下，本科及以上学历。"
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    response = client.post(reverse("screening-draft-check"), {"text": text})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="flag-block"' in page and ">限男性</mark>" in page
    assert 'class="flag-review"' in page
    expected = {flag.category for flag in screen_text(text).flags}
    assert expected == {"gender", "age"}
    assert all(flag.message in page for flag in screen_text(text).flags)


def test_a_lawful_draft_is_reported_clean():
    client = signed_in_client(make_user(Role.EMPLOYER_STAFF))
    page = client.post(reverse("screening-draft-check"),
                       {"text": "男女不限，年满18周岁，退役军人优先。"}).content.decode()
    assert "未发现需要修改或审核的内容" in page
