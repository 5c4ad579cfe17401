"""The operators' page: tune the ruleset, see the history, try a text with highlights."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.screening.models import RulesetChange
from fairhire.screening.tests.factories import add_term, make_operator

pytestmark = pytest.mark.django_db


@pytest.mark.req("R15.2")
def test_an_operator_adds_a_term_on_the_page_and_sees_it_in_force_and_in_the_history():
    operator = make_operator()
    client = signed_in_client(operator)
    response = client.post("/operator/screening/terms/", {
        "term": "限本村人", "category": "hukou_region", "severity": "", "reason": "村办企业常见"})
    assert response.status_code == 302
    page = client.get("/operator/screening/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "限本村人" in html and "村办企业常见" in html and operator.username in html
    assert RulesetChange.objects.get().version == 1


def test_a_refused_entry_is_shown_next_to_its_field_with_status_400():
    client = signed_in_client(make_operator())
    response = client.post("/operator/screening/disabled-terms/",
                           {"term": "不存在的词", "reason": "x"})
    assert response.status_code == 400
    assert 'id="id_term_error"' in response.content.decode()
    assert "规则库中没有这个词条" in response.content.decode()


@pytest.mark.req("R19.2")
def test_trying_a_text_highlights_each_flag_with_a_mark_at_its_offsets():
    operator = make_operator()
    add_term(actor=operator)
    client = signed_in_client(operator)
    response = client.post("/operator/screening/try/", {"text": "仅限本村人报名，限男性"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '仅<mark class="flag-block"' in html
    assert ">限本村人</mark>报名，<mark" in html
    assert ">限男性</mark>" in html
    assert "+ops.1" in html


def test_withdrawing_on_the_page_keeps_both_rows_in_the_history():
    operator = make_operator()
    add_term(actor=operator)
    client = signed_in_client(operator)
    response = client.post("/operator/screening/withdrawals/",
                           {"kind": "added_term", "text": "限本村人", "reason": "误加"})
    assert response.status_code == 302
    assert list(RulesetChange.objects.order_by("version").values_list("op", flat=True)) == [
        "add", "withdraw"]


@pytest.mark.req("R15.2")
@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.REVIEWER, Role.SEEKER])
def test_non_operators_are_refused_the_page_and_its_forms(role):
    client = signed_in_client(make_user(role))
    assert client.get("/operator/screening/").status_code == 403
    response = client.post("/operator/screening/terms/", {
        "term": "限本村人", "category": "hukou_region", "reason": "x"})
    assert response.status_code == 403
    assert client.post("/operator/screening/try/", {"text": "限男性"}).status_code == 403
    assert not RulesetChange.objects.exists()
