"""Rows that hold encrypted personal information (SECURITY.md control 9, Regulation Art. 21(2)).

A model that keeps personal information inherits :class:`Sealed` and names its encrypted columns
in ``SEALED_FIELDS``. Each such column holds a token from :mod:`fairhire.privacy.crypto` (or ``""``
when empty), bound to ``<app>.<model>.<column>:<pii_id>``. ``pii_id`` is a random UUID assigned
when the Python object is built, before the first save, so a value can be sealed before the row
has a primary key; a token moved to another row or column then fails to decrypt.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from django.apps import apps
from django.db import models

from fairhire.privacy import crypto


class Sealed(models.Model):
    pii_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    SEALED_FIELDS: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True

    @classmethod
    def sealed_context(cls, *, column: str, pii_id: uuid.UUID | str) -> str:
        return crypto.field_context(table=cls._meta.label_lower, column=column, row_id=pii_id)

    def _context(self, column: str) -> str:
        if column not in self.SEALED_FIELDS:
            raise ValueError(f"{column} is not a sealed column of {self._meta.label_lower}")
        return self.sealed_context(column=column, pii_id=self.pii_id)

    def seal(self, column: str, value: str | None) -> None:
        """Store ``value`` encrypted in ``column``; an empty value stores ``""`` (nothing held)."""
        context = self._context(column)
        setattr(self, column, crypto.encrypt(value, context=context) if value else "")

    def seal_bytes(self, column: str, data: bytes) -> None:
        """Store raw bytes (an identity image) encrypted in ``column``."""
        setattr(self, column, crypto.encrypt(data, context=self._context(column)))

    def unseal_bytes(self, column: str) -> bytes:
        token = getattr(self, column)
        return crypto.decrypt_bytes(token, context=self._context(column)) if token else b""

    def unseal(self, column: str) -> str:
        """The plaintext of ``column``; raises ``crypto.DecryptionError`` rather than guess."""
        token = getattr(self, column)
        return crypto.decrypt(token, context=self._context(column)) if token else ""


def sealed_models() -> Iterator[type[Sealed]]:
    """Every installed model that holds sealed columns (for rotation and the self-inspection)."""
    for model in apps.get_models():
        if issubclass(model, Sealed) and model.SEALED_FIELDS:
            yield model


@dataclass(frozen=True)
class ExternalColumn:
    """An encrypted column of a model that does not inherit :class:`Sealed` (its app encrypts
    with :mod:`crypto` directly), with the context each row's token is bound to."""

    model: str                         # "app_label.model_name"
    field: str                         # the model field that holds the token
    context: Callable[[object], str]   # primary key -> context

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


_EXTERNAL_COLUMNS: list[ExternalColumn] = []
_FILE_STORES: dict[str, Callable[[], Iterator[tuple[str, Path]]]] = {}


def external_column_register(*, model: str, field: str, context: Callable[[object], str]) -> None:
    """Let key rotation and the self-inspection reach an app's own encrypted column
    (SECURITY.md control 9: every ciphertext is rotated before an old key is removed)."""
    column = ExternalColumn(model=model.lower(), field=field, context=context)
    if column not in _EXTERNAL_COLUMNS:
        _EXTERNAL_COLUMNS.append(column)


def external_columns() -> list[ExternalColumn]:
    return list(_EXTERNAL_COLUMNS)


def file_store_register(*, name: str, files: Callable[[], Iterator[tuple[str, Path]]]) -> None:
    """Let key rotation and the self-inspection reach encrypted files: ``files()`` yields
    ``(context, path)`` for every file, whose whole content is one token."""
    _FILE_STORES[name] = files


def file_stores() -> dict[str, Callable[[], Iterator[tuple[str, Path]]]]:
    return dict(_FILE_STORES)
