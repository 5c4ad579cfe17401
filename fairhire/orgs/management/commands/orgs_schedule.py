"""Start the daily re-verification chain (it re-queues itself; running this twice is harmless)."""

from django.core.management.base import BaseCommand

from fairhire.orgs.services import organisations_reverify
from fairhire.orgs.tasks import next_daily_run, organisations_reverify_schedule


class Command(BaseCommand):
    help = ("Queue the daily organisations re-verification task unless one is waiting "
            "(licence-expiry notices, suspensions, re-verification due, terminations).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", action="store_true",
                            help="also run the re-verification once, right away")

    def handle(self, *args, now: bool = False, **options) -> None:
        queued = organisations_reverify_schedule()
        self.stdout.write(f"daily re-verification queued for {next_daily_run():%Y-%m-%d %H:%M}"
                          if queued else "daily re-verification already queued")
        if now:
            counts = organisations_reverify()
            self.stdout.write(" ".join(f"{key}={value}" for key, value in counts.items()))
