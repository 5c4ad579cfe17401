"""load_reference_data: a newer shipped edition is loaded over the old one and audited."""

import dataclasses

import pytest

from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent
from fairhire.reference import loading
from fairhire.reference.models import CodeKind, EmploymentType
from fairhire.reference.selectors import code_table_current_versions
from fairhire.reference.services import shipped_tables_load

pytestmark = pytest.mark.django_db


def test_a_newer_shipped_edition_replaces_the_one_in_force_and_is_audited(monkeypatch):
    # given: the shipped employment types come in a new edition
    newer = tuple(dataclasses.replace(t, source=t.source + " (rev 2)", edition="FairHire 2026-2")
                  if t.kind == CodeKind.EMPLOYMENT_TYPE else t for t in loading.SHIPPED)
    monkeypatch.setattr(loading, "SHIPPED", newer)
    # when
    versions = shipped_tables_load(account="ops")
    # then: only that table is loaded again, in place
    assert [v.kind for v in versions] == [CodeKind.EMPLOYMENT_TYPE]
    assert code_table_current_versions()[CodeKind.EMPLOYMENT_TYPE].edition == "FairHire 2026-2"
    assert EmploymentType.objects.count() == 5
    assert set(EmploymentType.objects.values_list("version", flat=True)) == {versions[0].pk}
    event = AuditEvent.objects.get()
    assert (event.action, event.account) == (AuditAction.REFERENCE_TABLE_LOADED, "ops")
