"""Check the whole ledger and name what was altered, removed, inserted or reordered."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fairhire.ledger.services import ledger_verify


class Command(BaseCommand):
    help = ("Recompute every ledger entry, tree node, checkpoint and co-signature; exit non-zero "
            "naming each entry that was altered, removed, inserted or reordered.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-audit", action="store_true",
                            help="do not write an audit row (checking a restored copy)")
        parser.add_argument("--expect-checkpoint", type=Path, default=None,
                            help="a checkpoint JSON (e.g. written by backup) the tree must match")

    def handle(self, *args, no_audit: bool = False, expect_checkpoint: Path | None = None,
               **options) -> None:
        expected = json.loads(expect_checkpoint.read_text()) if expect_checkpoint else None
        report = ledger_verify(record=not no_audit, expect_checkpoint=expected)
        summary = (f"{report.entries} entries, tree size {report.size}, {report.checkpoints} "
                   f"checkpoints, {report.cosignatures} co-signatures, {report.redactions} "
                   "redactions")
        if report.ok:
            self.stdout.write(f"ledger intact: {summary}")
            return
        for finding in report.findings:
            self.stdout.write(str(finding))
        raise CommandError(f"ledger verification FAILED with {len(report.findings)} "
                           f"finding(s): {summary}")
