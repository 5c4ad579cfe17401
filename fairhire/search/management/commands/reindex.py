"""Rebuild the search indexes from the database; searches keep answering from the old index
until the new one is swapped in."""

import sys

from django.core.management.base import BaseCommand

from fairhire.search.engine.index import POSTINGS, RESUMES
from fairhire.search.services import search_reindex


def _bar(label: str, stream):
    def draw(done: int, total: int) -> None:
        width = 30
        filled = width if not total else min(width, width * done // total)
        stream.write(f"\r{label:8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        stream.flush()
    return draw


class Command(BaseCommand):
    help = "Rebuild the postings and résumés indexes from the database, then swap them in."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--only", choices=[POSTINGS, RESUMES],
                            help="rebuild only this index")

    def handle(self, *args, only: str | None = None, **options) -> None:
        for kind in [only] if only else [POSTINGS, RESUMES]:
            path = search_reindex(kind=kind, progress=_bar(kind, sys.stdout))
            self.stdout.write(f"\n{kind}: now answering from {path.name}")
