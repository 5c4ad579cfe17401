"""Start the daily freshness chain (it re-queues itself; running this twice is harmless)."""

from django.core.management.base import BaseCommand

from fairhire.postings.services import postings_freshness_sweep
from fairhire.postings.tasks import next_daily_run, postings_freshness_schedule


class Command(BaseCommand):
    help = ("Queue the daily postings freshness task unless one is waiting "
            "(expiry of stale postings, confirmation reminders; Regulation Art. 18).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", action="store_true",
                            help="also run the freshness sweep once, right away")

    def handle(self, *args, now: bool = False, **options) -> None:
        queued = postings_freshness_schedule()
        self.stdout.write(f"daily postings freshness sweep queued for "
                          f"{next_daily_run():%Y-%m-%d %H:%M}"
                          if queued else "daily postings freshness sweep already queued")
        if now:
            counts = postings_freshness_sweep()
            self.stdout.write(" ".join(f"{key}={value}" for key, value in counts.items()))
