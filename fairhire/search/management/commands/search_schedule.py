"""Start the daily saved-search alerts chain and apply any pending index changes now."""

from django.core.management.base import BaseCommand

from fairhire.search.services import search_outbox_apply
from fairhire.search.tasks import next_daily_run, search_daily_schedule


class Command(BaseCommand):
    help = "Queue the daily saved-search alerts unless queued; catch the index up."

    def handle(self, *args, **options) -> None:
        queued = search_daily_schedule()
        self.stdout.write(f"daily saved-search alerts queued for {next_daily_run():%Y-%m-%d %H:%M}"
                          if queued else "daily saved-search alerts already queued")
        self.stdout.write(f"index changes applied: {search_outbox_apply()}")
