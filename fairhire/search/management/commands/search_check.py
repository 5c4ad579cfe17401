"""Compare the indexes with the database and report every difference (exit 1 if any)."""

from django.core.management.base import BaseCommand, CommandError

from fairhire.search.services import search_check


class Command(BaseCommand):
    help = "Report postings and résumés missing from the index or in it when they should not be."

    def handle(self, *args, **options) -> None:
        differences = 0
        for kind, report in search_check().items():
            missing, extra = report["missing"], report["extra"]
            differences += len(missing) + len(extra)
            self.stdout.write(f"{kind}: {len(missing)} missing, {len(extra)} extra")
            if missing:
                self.stdout.write(f"  missing: {' '.join(map(str, missing[:50]))}")
            if extra:
                self.stdout.write(f"  extra: {' '.join(map(str, extra[:50]))}")
        if differences:
            raise CommandError(f"{differences} differences; `manage.py reindex` rebuilds")
        self.stdout.write("index and database agree")
