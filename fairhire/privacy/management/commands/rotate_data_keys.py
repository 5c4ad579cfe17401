"""``manage.py rotate_data_keys --actor <system administrator>``: queue the re-encryption of
every sealed column under the current data key (SECURITY.md control 9)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from fairhire.accounts.models import User
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import DomainError
from fairhire.privacy.services import data_keys_rotate_start


class Command(BaseCommand):
    help = ("Re-encrypt every personal-information column under the current key of "
            "FAIRHIRE_DATA_KEYS, as a background task with progress (run a db_worker). "
            "Remove the old key only after the task has finished.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--actor", required=True,
                            help="account name of the system administrator who runs it")

    def handle(self, *args, actor: str, **options) -> None:
        user = User.objects.filter(username=actor, is_active=True).first()
        if user is None:
            raise CommandError(f"no active account named {actor!r}")
        try:
            with transaction.atomic():
                audit_record(action=AuditAction.COMMAND_RUN, actor=user,
                             details={"command": "rotate_data_keys"})
                progress = data_keys_rotate_start(actor=user)
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        self.stdout.write(f"queued {progress.total} rows; progress: /tasks/{progress.pk}/")
