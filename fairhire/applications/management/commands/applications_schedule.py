"""Start the daily applications chain (it re-queues itself; running this twice is harmless)."""

from django.core.management.base import BaseCommand

from fairhire.applications.services import applications_daily_sweep
from fairhire.applications.tasks import applications_schedule, next_daily_run


class Command(BaseCommand):
    help = ("Queue the daily applications sweep unless one is waiting (expiry of unanswered "
            "applications, interview reminders for the next day).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", action="store_true",
                            help="also run the sweep once, right away")

    def handle(self, *args, now: bool = False, **options) -> None:
        queued = applications_schedule()
        self.stdout.write(f"daily applications sweep queued for {next_daily_run():%Y-%m-%d %H:%M}"
                          if queued else "daily applications sweep already queued")
        if now:
            counts = applications_daily_sweep()
            self.stdout.write(" ".join(f"{key}={value}" for key, value in counts.items()))
