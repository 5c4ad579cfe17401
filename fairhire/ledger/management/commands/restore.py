"""Restore a backup into a scratch database, to be checked with ledger_verify before use."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fairhire.core.errors import RuleViolation
from fairhire.ledger.services.backups import backup_restore, checkpoint_file


class Command(BaseCommand):
    help = ("Restore a backup into another database (a new SQLite file or an empty PostgreSQL "
            "database URL); then run ledger_verify --expect-checkpoint against it.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("backup", type=Path)
        parser.add_argument("--into", required=True,
                            help="a new SQLite file path or an empty PostgreSQL database URL")

    def handle(self, *args, backup: Path, into: str, **options) -> None:
        try:
            backup_restore(source=backup, into=into)
        except RuleViolation as exc:
            raise CommandError(str(exc.message)) from None
        self.stdout.write(
            f"restored {backup.name}; now check it:\n  FAIRHIRE_DATABASE_URL=<{into}> manage.py "
            f"ledger_verify --no-audit --expect-checkpoint {checkpoint_file(backup)}")
