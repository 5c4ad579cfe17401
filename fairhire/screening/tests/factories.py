"""Screening factories: an operator, and overrides made through the real services."""

from __future__ import annotations

from fairhire.accounts.models import Role, User
from fairhire.accounts.tests.factories import make_user
from fairhire.screening import services
from fairhire.screening.models import RulesetChange


def make_operator(**extra) -> User:
    return make_user(Role.OPERATOR, **extra)


def add_term(*, actor: User | None = None, term: str = "限本村人",
             category: str = "hukou_region", severity: str = "",
             reason: str = "村办企业招聘中常见的地域限制") -> RulesetChange:
    return services.ruleset_term_add(actor=actor or make_operator(), term=term,
                                     category=category, severity=severity, reason=reason)
