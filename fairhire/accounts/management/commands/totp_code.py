"""Print an account's current TOTP code, so a demo can be tried without a phone (debug only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from fairhire.accounts.services import totp_current_code


class Command(BaseCommand):
    help = "Print the current TOTP code of an account (only when FAIRHIRE_DEBUG is on)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("totp_code works only in development (FAIRHIRE_DEBUG=1).")
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username} has no TOTP device.")
        self.stdout.write(totp_current_code(device))
