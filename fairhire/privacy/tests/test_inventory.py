"""The data inventory lists every model field holding personal information (control 14)."""

import pytest
from django.apps import apps

from fairhire.privacy.inventory import (
    INVENTORY,
    LOOKS_PERSONAL,
    NOT_PERSONAL,
    NOT_PERSONAL_APPS,
)
from fairhire.privacy.sealed import sealed_models


def _fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            yield f"{model._meta.label_lower}.{field.name}", field


@pytest.mark.req("R21.2")
def test_every_field_that_looks_personal_is_in_the_inventory_or_explained():
    missing = [key for key, field in _fields()
               if LOOKS_PERSONAL.search(field.name) and key not in INVENTORY
               and key not in NOT_PERSONAL and key.split(".")[0] not in NOT_PERSONAL_APPS]
    assert not missing, f"add these to privacy/inventory.py (INVENTORY or NOT_PERSONAL): {missing}"


def test_every_inventory_entry_names_a_field_that_exists():
    existing = {key for key, _field in _fields()}
    installed = {m._meta.app_label for m in apps.get_models()}
    stale = [key for key in [*INVENTORY, *NOT_PERSONAL]
             if key.split(".")[0] in installed and key not in existing]
    assert not stale


@pytest.mark.req("R21.2")
def test_every_encrypted_column_is_inventoried_as_encrypted_with_purpose_basis_and_retention():
    for model in sealed_models():
        for column in model.SEALED_FIELDS:
            entry = INVENTORY[f"{model._meta.label_lower}.{column}"]
            assert entry.encrypted
            assert entry.purpose and entry.basis and entry.retention


def test_the_id_number_is_marked_sensitive_and_rests_on_separate_consent():
    entry = INVENTORY["profiles.seekerprofile.id_number"]
    assert (entry.sensitive, entry.basis) == (True, "separate_consent")
