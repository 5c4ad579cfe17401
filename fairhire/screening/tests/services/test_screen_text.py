"""screen_text: the shipped ruleset plus the overrides in force, compiled once per version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fairhire.screening import services
from fairhire.screening.engine import default_ruleset
from fairhire.screening.in_force import ruleset_in_force
from fairhire.screening.tests.factories import add_term, make_operator

pytestmark = pytest.mark.django_db

VILLAGE = "仅限本村人报名，包吃住"


def categories(text):
    return [flag.category for flag in services.screen_text(text).flags]


def test_without_overrides_the_shipped_ruleset_screens_and_names_its_version():
    result = services.screen_text("招聘保安，限男性")
    assert [flag.category for flag in result.flags] == ["gender"]
    assert result.ruleset_version == default_ruleset().version


@pytest.mark.req("R15.2")
def test_a_term_an_operator_adds_is_flagged_by_the_next_screening_without_a_restart(
    django_capture_on_commit_callbacks,
):
    # given: the process has compiled and is using the shipped ruleset
    assert categories(VILLAGE) == []
    # when
    with django_capture_on_commit_callbacks(execute=True):
        change = add_term(term="限本村人", category="hukou_region")
    # then
    result = services.screen_text(VILLAGE)
    assert [(f.category, f.severity, f.excerpt) for f in result.flags] == [
        ("hukou_region", "block", "限本村人")]
    assert result.ruleset_version == f"{default_ruleset().version}+ops.{change.version}"


def test_a_change_made_by_another_process_is_picked_up_from_the_database():
    # No on-commit callback runs here, as when another worker saved the change: the version
    # check against the database alone must notice it.
    assert categories(VILLAGE) == []
    add_term(term="限本村人", category="hukou_region")
    assert categories(VILLAGE) == ["hukou_region"]


def test_an_unchanged_version_costs_one_query_and_no_recompilation():
    add_term()
    first = services.screen_text(VILLAGE)
    with CaptureQueriesContext(connection) as queries:
        second = services.screen_text(VILLAGE)
    assert len(queries) == 1
    assert second.ruleset_version == first.ruleset_version
    assert ruleset_in_force() is ruleset_in_force()


def test_the_severity_an_operator_chooses_overrides_the_categorys_own():
    add_term(term="限本村人", category="hukou_region", severity="review")
    assert [f.severity for f in services.screen_text(VILLAGE).flags] == ["review"]


@pytest.mark.req("R15.2")
def test_disabling_a_shipped_term_stops_its_flag():
    text = "入职需交服装费200元"
    assert categories(text) == ["deposit_fee"]
    services.ruleset_term_disable(actor=make_operator(), term="服装费",
                                  reason="本地工装由单位统一发放，该词误报多")
    assert categories(text) == []


@pytest.mark.req("R15.2")
def test_a_lawful_phrase_suppresses_the_flag_it_covers_and_only_that_one():
    text = "女子监狱狱警限女性报名"
    other = "招聘保安，限男性"
    assert categories(text) == ["gender"]
    services.ruleset_lawful_phrase_add(actor=make_operator(), phrase="狱警限女性",
                                       category="gender", reason="监狱法：女犯由女性人民警察管理")
    assert categories(text) == []
    assert categories(other) == ["gender"]


def test_withdrawing_an_added_term_stops_its_flag_and_the_version_still_moves_on():
    operator = make_operator()
    add_term(actor=operator)
    assert categories(VILLAGE) == ["hukou_region"]
    withdrawal = services.ruleset_change_withdraw(
        actor=operator, kind="added_term", text="限本村人", reason="误加")
    assert withdrawal.version == 2
    assert categories(VILLAGE) == []
