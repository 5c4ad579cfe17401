"""``manage.py pi_selfcheck --year Y``: produce the yearly self-inspection record of
personal-information protection from live data (Regulation Art. 21(3)); the findings and fixes
are added on its page."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import DomainError
from fairhire.privacy.services import self_inspection_generate


class Command(BaseCommand):
    help = "Produce (or refresh) the yearly personal-information self-inspection record."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, year: int, **options) -> None:
        try:
            with transaction.atomic():
                audit_record(action=AuditAction.COMMAND_RUN, account="manage.py",
                             details={"command": "pi_selfcheck", "year": year})
                record = self_inspection_generate(year=year)
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        facts = record.facts
        self.stdout.write(f"self-inspection {year}: plaintext cells {facts['plaintext_cells']}, "
                          f"keys {len(facts['keys'])}, "
                          f"access-log anomalies {len(facts['access_log']['anomalies'])}, "
                          f"exports refused {facts['exports']['refused']}, "
                          f"retention runs {facts['retention']['runs']}, "
                          f"erasures overdue {facts['retention']['overdue']}")
        if options["verbosity"] > 1:
            self.stdout.write(json.dumps(facts, ensure_ascii=False, indent=2))
        if facts["plaintext_cells"]:
            self.stderr.write("WARNING: plaintext found where ciphertext is expected")
        if facts["retention"]["overdue"]:
            self.stderr.write("WARNING: records past their retention are not yet erased")
