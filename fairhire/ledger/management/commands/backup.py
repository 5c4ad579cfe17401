"""Back up the database with the ledger checkpoint at backup time (SECURITY.md control 21)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from fairhire.ledger.services.backups import backup_make, checkpoint_file


class Command(BaseCommand):
    help = ("Make a consistent backup (SQLite online backup or pg_dump) and write the ledger's "
            "signed checkpoint next to it as <file>.checkpoint.json.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", type=Path, default=None,
                            help="backup file (default: var/backups/fairhire-<time>.<ext>)")

    def handle(self, *args, output: Path | None = None, **options) -> None:
        path = backup_make(destination=output)
        self.stdout.write(f"backup written to {path}\ncheckpoint written to "
                          f"{checkpoint_file(path)}")
