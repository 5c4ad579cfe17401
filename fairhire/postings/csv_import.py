"""Reading a bulk-import CSV (EN 1): the header, and each row as ``PostingData`` or per-field
errors. Only parsing lives here; the rules are the services' (``posting_create`` and
``posting_submit``), exactly as for a posting written by hand."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from fairhire.core.errors import InvalidInput
from fairhire.postings.services import DATA_FIELDS, PostingData

INT_FIELDS = frozenset({"headcount", "experience_years", "pay_min", "pay_max"})
DECIMAL_FIELDS = frozenset({"latitude", "longitude"})
DATE_FIELDS = frozenset({"valid_until"})
COLUMNS = DATA_FIELDS  # the header names: exactly the API's field names


@dataclass(frozen=True)
class ImportRow:
    line: int  # the row's line in the file (the header is line 1)
    data: PostingData | None
    errors: dict[str, str]


def decode(data: bytes) -> str:
    """UTF-8, with or without the BOM Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(_("文件须为 UTF-8 编码的 CSV。"), code="posting.import_encoding",
                           field="file") from exc


def header(text: str) -> list[str]:
    """The file's column names; unknown or repeated names refuse the whole file."""
    names = [name.strip() for name in next(csv.reader(io.StringIO(text)), [])]
    if not any(names):
        raise InvalidInput(_("文件为空或缺少表头。"), code="posting.import_empty", field="file")
    unknown = sorted(set(names) - set(COLUMNS))
    if unknown:
        raise InvalidInput(_("表头含有不认识的列：%(c)s") % {"c": ", ".join(unknown)},
                           code="posting.import_columns", field="file")
    if len(set(names)) != len(names):
        raise InvalidInput(_("表头有重复的列。"), code="posting.import_columns", field="file")
    return names


def _value(name: str, raw: str) -> object:
    if name in INT_FIELDS:
        return int(raw)
    if name in DECIMAL_FIELDS:
        return Decimal(raw)
    if name in DATE_FIELDS:
        return date.fromisoformat(raw)
    return raw


def _bad(name: str) -> str:
    if name in INT_FIELDS:
        return _("须为整数。")
    if name in DECIMAL_FIELDS:
        return _("须为数字。")
    return _("日期格式应为 YYYY-MM-DD。")


def rows(text: str) -> Iterator[ImportRow]:
    """Every non-blank data row, in file order."""
    reader = csv.reader(io.StringIO(text))
    names = [name.strip() for name in next(reader, [])]
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        line = reader.line_num
        if len(record) > len(names):
            yield ImportRow(line, None, {"file": _("这一行的列数多于表头。")})
            continue
        values: dict[str, object] = {}
        errors: dict[str, str] = {}
        for name, raw in zip(names, record, strict=False):
            raw = raw.strip()
            if not raw:
                continue
            try:
                values[name] = _value(name, raw)
            except (ValueError, InvalidOperation):
                errors[name] = _bad(name)
        yield ImportRow(line, None if errors else PostingData(**values), errors)
