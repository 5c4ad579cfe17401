"""The operators' changes: each one a new audited version row; bad entries refused."""

import json
from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, transaction

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.screening import services
from fairhire.screening.models import RulesetChange
from fairhire.screening.tests.factories import add_term, make_operator

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.mark.req("R15.2")
def test_adding_a_term_writes_version_one_with_who_when_why_and_an_audit_row():
    # given
    operator = make_operator()
    # when
    change = services.ruleset_term_add(actor=operator, term="限本村人", category="hukou_region",
                                       reason="村办企业常见", now=NOW)
    # then
    change.refresh_from_db()
    assert (change.version, change.kind, change.op, change.actor, change.created_at,
            change.reason) == (1, "added_term", "add", operator, NOW, "村办企业常见")
    event = AuditEvent.objects.get(action=AuditAction.SCREENING_TERM_ADDED)
    assert (event.actor_id, event.target_id) == (operator.pk, str(change.pk))
    assert event.details["version"] == 1
    assert event.details["ruleset"].endswith("+ops.1")
    assert event.details["reason"] == "村办企业常见"


@pytest.mark.req("R26")
def test_every_override_is_sealed_in_the_ledger_with_who_made_it():
    from fairhire.ledger.models import Entry

    operator = make_operator()
    change = services.ruleset_term_add(actor=operator, term="限本村人", category="hukou_region",
                                       reason="村办企业常见", now=NOW)
    entry = Entry.objects.get(kind="screening.ruleset_changed", object_pk=str(change.pk))
    sealed = json.loads(entry.body.text)
    assert (sealed["text"], sealed["actor"], sealed["version"]) == ("限本村人", operator.pk, 1)


@pytest.mark.req("R15.2")
def test_each_kind_of_change_gets_the_next_version_and_its_own_audit_action():
    operator = make_operator()
    add_term(actor=operator)
    services.ruleset_term_disable(actor=operator, term="服装费", reason="误报多")
    services.ruleset_lawful_phrase_add(actor=operator, phrase="狱警限女性", reason="监狱法")
    services.ruleset_change_withdraw(actor=operator, kind="disabled_term", text="服装费",
                                     reason="恢复")
    history = list(RulesetChange.objects.order_by("version").values_list("version", "kind", "op"))
    assert history == [(1, "added_term", "add"), (2, "disabled_term", "add"),
                       (3, "lawful_phrase", "add"), (4, "disabled_term", "withdraw")]
    actions = list(AuditEvent.objects.filter(action__startswith="screening.")
                   .order_by("id").values_list("action", flat=True))
    assert actions == [AuditAction.SCREENING_TERM_ADDED, AuditAction.SCREENING_TERM_DISABLED,
                       AuditAction.SCREENING_LAWFUL_PHRASE_ADDED,
                       AuditAction.SCREENING_CHANGE_WITHDRAWN]


def test_the_history_cannot_be_rewritten():
    change = add_term()
    with pytest.raises(DatabaseError), transaction.atomic():
        RulesetChange.objects.filter(pk=change.pk).update(reason="改写")
    with pytest.raises(DatabaseError), transaction.atomic():
        RulesetChange.objects.filter(pk=change.pk).delete()


@pytest.mark.req("R15.2")
@pytest.mark.parametrize("role", [Role.SEEKER, Role.EMPLOYER_STAFF, Role.REVIEWER,
                                  Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN])
def test_only_operators_may_change_the_ruleset(role):
    actor = make_user(role)
    with pytest.raises(PermissionDenied):
        services.ruleset_term_add(actor=actor, term="限本村人", category="hukou_region",
                                  reason="x")
    with pytest.raises(PermissionDenied):
        services.ruleset_term_disable(actor=actor, term="服装费", reason="x")
    with pytest.raises(PermissionDenied):
        services.ruleset_lawful_phrase_add(actor=actor, phrase="狱警限女性", reason="x")
    assert not RulesetChange.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="screening.").exists()


@pytest.mark.parametrize(("entry", "field", "code"), [
    ({"category": "sex"}, "category", "screening.bad_category"),
    ({"category": ""}, "category", "screening.bad_category"),
    ({"severity": "fatal"}, "severity", "screening.bad_severity"),
    ({"term": "男"}, "term", "screening.too_short"),
    ({"term": "  "}, "term", "screening.too_short"),
    ({"term": "限" * 101}, "term", "screening.too_long"),
    ({"reason": " "}, "reason", "screening.reason_required"),
])
def test_a_bad_term_is_refused_with_a_message_on_its_field_and_nothing_is_written(
    entry, field, code,
):
    values = {"term": "限本村人", "category": "hukou_region", "severity": "", "reason": "理由"}
    with pytest.raises(InvalidInput) as refused:
        services.ruleset_term_add(actor=make_operator(), **{**values, **entry})
    assert (refused.value.field, refused.value.code) == (field, code)
    assert str(refused.value.message)
    assert not RulesetChange.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="screening.").exists()


def test_the_same_term_cannot_be_added_twice():
    operator = make_operator()
    add_term(actor=operator)
    with pytest.raises(InvalidInput) as refused:
        add_term(actor=operator)
    assert refused.value.code == "screening.duplicate"
    assert RulesetChange.objects.count() == 1


def test_a_term_the_ruleset_does_not_have_cannot_be_disabled():
    with pytest.raises(InvalidInput) as refused:
        services.ruleset_term_disable(actor=make_operator(), term="不存在的词", reason="x")
    assert (refused.value.field, refused.value.code) == ("term", "screening.unknown_term")


def test_disabling_compares_the_folded_form_so_a_traditional_spelling_disables_the_term():
    change = services.ruleset_term_disable(actor=make_operator(), term="服裝費", reason="误报")
    assert change.key == "服装费"
    assert services.screen_text("入职需交服装费200元").flags == ()


def test_a_disabled_term_must_be_re_enabled_before_it_is_added_again():
    operator = make_operator()
    services.ruleset_term_disable(actor=operator, term="服装费", reason="误报")
    with pytest.raises(InvalidInput) as refused:
        add_term(actor=operator, term="服装费", category="deposit_fee")
    assert refused.value.code == "screening.term_disabled"


def test_a_lawful_phrase_with_an_unknown_category_is_refused_on_the_category_field():
    with pytest.raises(InvalidInput) as refused:
        services.ruleset_lawful_phrase_add(actor=make_operator(), phrase="狱警限女性",
                                           category="women", reason="x")
    assert refused.value.field == "category"


def test_only_an_entry_in_force_can_be_withdrawn():
    with pytest.raises(InvalidInput) as refused:
        services.ruleset_change_withdraw(actor=make_operator(), kind="added_term",
                                         text="限本村人", reason="x")
    assert (refused.value.field, refused.value.code) == ("text", "screening.not_in_force")
