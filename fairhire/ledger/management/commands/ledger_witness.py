"""Act as the witness: check the latest checkpoint against the last one seen, and co-sign it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fairhire.core.errors import RuleViolation
from fairhire.ledger.models import Checkpoint
from fairhire.ledger.services import checkpoint_cosign


class Command(BaseCommand):
    help = ("Witness the latest ledger checkpoint with FAIRHIRE_WITNESS_KEY: refuse it unless it "
            "is signed by the log and consistent with the last checkpoint this witness saw.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--state", type=Path, default=None,
                            help="the witness's memory (default: FAIRHIRE_WITNESS_STATE)")
        parser.add_argument("--checkpoint", type=int, default=None,
                            help="the checkpoint to witness (default: the latest)")

    def handle(self, *args, state: Path | None = None, checkpoint: int | None = None,
               **options) -> None:
        queryset = Checkpoint.objects.order_by("-signed_at", "-id")
        target = queryset.filter(pk=checkpoint).first() if checkpoint else queryset.first()
        if target is None:
            raise CommandError("no checkpoint to witness; run ledger_checkpoint first")
        try:
            cosignature = checkpoint_cosign(checkpoint=target, state_path=state)
        except RuleViolation as exc:
            raise CommandError(f"REFUSED checkpoint {target.pk}: {exc.message}") from None
        self.stdout.write(f"co-signed checkpoint {target.pk} (size {target.size}) with witness "
                          f"key {cosignature.witness_key_id}")
