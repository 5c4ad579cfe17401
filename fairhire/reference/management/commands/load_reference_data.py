"""Load the code tables FairHire ships where their edition is not yet in force (idempotent)."""

from __future__ import annotations

import getpass

from django.core.management.base import BaseCommand

from fairhire.core.request_context import RequestMeta, reset_meta, set_meta
from fairhire.reference.services import shipped_tables_load


class Command(BaseCommand):
    help = ("Load the shipped code tables (regions, occupations, industries, education, "
            "employment types). A new database already has them from the data migration.")

    def handle(self, *args, **options) -> None:
        token = set_meta(RequestMeta(channel="command"))
        try:
            versions = shipped_tables_load(account=f"shell:{getpass.getuser()}")
        finally:
            reset_meta(token)
        if not versions:
            self.stdout.write("Every shipped code table is already loaded; nothing to do.")
        for version in versions:
            self.stdout.write(f"loaded {version.kind}: {version.row_count} rows "
                              f"({version.edition})")
