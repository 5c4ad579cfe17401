"""Reading a bulk-import file (EN 1), CSV or Excel (.xlsx): the header, and each row as
``PostingData`` or per-field errors. Only parsing lives here; the rules are the services'
(``posting_create`` and ``posting_submit``), exactly as for a posting written by hand."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
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


XLSX = "xlsx"
CSV = "csv"


def file_format(*, filename: str, data: bytes) -> str:
    """``xlsx`` for an Excel workbook (a zip file, named .xlsx), else ``csv``."""
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
        return XLSX
    return CSV


def decode(data: bytes) -> str:
    """UTF-8, with or without the BOM Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(_("文件须为 UTF-8 编码的 CSV。"), code="posting.import_encoding",
                           field="file") from exc


def _cell(value: object) -> str:
    """An Excel cell as the text a CSV would hold: whole numbers without ".0", dates as
    YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def records(*, kind: str, data: bytes) -> Iterator[tuple[int, list[str]]]:
    """(line or row number, cells) of every record, the header first."""
    if kind == CSV:
        reader = csv.reader(io.StringIO(decode(data)))
        for record in reader:
            yield reader.line_num, record
        return
    from openpyxl import load_workbook

    refusal = InvalidInput(_("无法读取该 Excel 文件，请另存为 .xlsx 或 UTF-8 CSV。"),
                           code="posting.import_excel", field="file")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip fails in many ways inside openpyxl
        raise refusal from exc
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell(value) for value in row]
    except InvalidInput:
        raise
    except Exception as exc:
        raise refusal from exc
    finally:
        workbook.close()


def check(*, kind: str, data: bytes) -> int:
    """Refuse a file that cannot be read or whose header is wrong; return its data rows."""
    if kind == CSV:
        decode(data)
    stream = records(kind=kind, data=data)
    header(next(stream, (1, []))[1])
    return sum(1 for _n, cells in stream if any(cell.strip() for cell in cells))


def header(cells: list[str]) -> list[str]:
    """The file's column names; unknown or repeated names refuse the whole file."""
    names = [name.strip() for name in cells]
    while names and not names[-1]:
        names.pop()  # Excel often reports empty cells to the right of the header
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


def rows(*, kind: str, data: bytes) -> Iterator[ImportRow]:
    """Every non-blank data row, in file order."""
    stream = records(kind=kind, data=data)
    names = header(next(stream, (1, []))[1])
    for line, record in stream:
        if not any(cell.strip() for cell in record):
            continue
        while len(record) > len(names) and not record[-1].strip():
            record = record[:-1]
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
