"""Load an official edition of a code table from a UTF-8 CSV file, all or nothing."""

from __future__ import annotations

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fairhire.core.errors import DomainError
from fairhire.core.request_context import RequestMeta, reset_meta, set_meta
from fairhire.reference.services import IMPORT_KINDS, code_table_import


class Command(BaseCommand):
    help = (
        "Import the official full edition of a code table. The CSV (UTF-8, header row) has "
        "columns code,name and optionally parent (inferred from the code's shape when blank); "
        "region-changes files have old_code,old_name,new_code[,year,kind,note]. Every row is "
        "checked first; any error refuses the whole file with line numbers. Codes missing from "
        "the new edition are kept but marked not in force."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=IMPORT_KINDS)
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", required=True,
                            help="who published this file, e.g. 人力资源社会保障部职业分类大典")
        parser.add_argument("--edition", required=True, help="e.g. 2022 年版")
        parser.add_argument("--licence", default="", help="terms the file is published under")

    def handle(self, *args, kind: str, file: Path, source: str, edition: str, licence: str,
               **options) -> None:
        token = set_meta(RequestMeta(channel="command"))
        try:
            version, summary = code_table_import(
                kind=kind, path=file, source=source, edition=edition, licence=licence,
                account=f"shell:{getpass.getuser()}")
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        finally:
            reset_meta(token)
        self.stdout.write(
            f"imported {kind} {version.edition}: {version.row_count} rows "
            + ", ".join(f"{k} {v}" for k, v in summary.items()))
