"""Sign a checkpoint of the ledger now (cron or a systemd timer runs this every N minutes)."""

from django.core.management.base import BaseCommand

from fairhire.ledger.services import checkpoint_sign
from fairhire.ledger.tasks import ledger_periodic_schedule


class Command(BaseCommand):
    help = "Sign the ledger's current size and root with the log key (FAIRHIRE_LEDGER_KEY)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--if-grown", action="store_true",
                            help="sign only when entries were added since the last checkpoint")
        parser.add_argument("--schedule", action="store_true",
                            help="also queue the periodic checkpoint task (once; it re-queues "
                            "itself every FAIRHIRE_LEDGER_CHECKPOINT_MINUTES)")

    def handle(self, *args, if_grown: bool = False, schedule: bool = False, **options) -> None:
        if schedule:
            queued = ledger_periodic_schedule()
            self.stdout.write("periodic task queued" if queued else "periodic task already queued")
        checkpoint = checkpoint_sign(only_if_grown=if_grown)
        if checkpoint is None:
            self.stdout.write("no new entries; no checkpoint signed")
        else:
            self.stdout.write(f"checkpoint {checkpoint.pk}: size {checkpoint.size}, root "
                              f"{checkpoint.root_hash}, key {checkpoint.key_id}")
