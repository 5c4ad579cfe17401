"""Reads: the overrides in force, the change history, the current override version."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.errors import PermissionDenied
from fairhire.screening.in_force import OverrideStamp, overrides_in_force_entries, ruleset_in_force
from fairhire.screening.models import RulesetChange
from fairhire.screening.policies import can_tune_screening


def _require_operator(actor: User) -> None:
    if not can_tune_screening(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以调整筛查规则。"),
                               code="screening.not_operator")


@dataclass(frozen=True, slots=True)
class RulesetOverview:
    stamp: OverrideStamp
    ruleset_version: str
    entries: list[RulesetChange]  # in force, each the change that put it there, oldest first


def ruleset_overview_get(*, actor: User) -> RulesetOverview:
    """What the operator's page shows: the override version, the ruleset version, the entries."""
    _require_operator(actor)
    stamp, entries = overrides_in_force_entries()
    return RulesetOverview(stamp=stamp, ruleset_version=ruleset_in_force().version,
                           entries=list(entries.values()))


def ruleset_change_list(*, actor: User) -> QuerySet[RulesetChange]:
    """The whole history, newest first."""
    _require_operator(actor)
    return RulesetChange.objects.select_related("actor").order_by("-version")
