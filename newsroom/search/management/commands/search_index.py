"""``newsroom search-index rebuild``: build the reader search's index again from the database,
with a progress bar; ``newsroom search-index status``: what the index holds."""

import time

from django.core.management.base import BaseCommand, CommandError

from newsroom.news.models import NewsItemPage
from newsroom.search.engine import store

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Rebuild the reader search's index from the database, or show its state."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])

    def handle(self, *args, action, **options):
        if action == "status":
            return self.status()
        started = time.monotonic()
        tty = self.stderr.isatty()
        shown = {"tenth": -1}

        def progress(done, total):
            fraction = done / total if total else 1
            elapsed = time.monotonic() - started
            filled = int(BAR_WIDTH * fraction)
            line = (
                f"[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {done:,}/{total:,} items"
                f"  {elapsed:5.1f} s"
            )
            if tty:  # one line redrawn on a terminal, a line every tenth in a log
                self.stderr.write("\r" + line, ending="")
            elif int(fraction * 10) > shown["tenth"]:
                shown["tenth"] = int(fraction * 10)
                self.stderr.write(line)

        count = store.rebuild(progress=progress)
        if tty:
            self.stderr.write("")
        self.stdout.write(
            f"The search index holds {count:,} items ({time.monotonic() - started:.1f} s): "
            f"{store.root()}"
        )

    def status(self):
        try:
            index = store.current_index()
        except store.Unavailable as error:
            raise CommandError(
                f"No usable search index ({error}). Run: newsroom search-index rebuild"
            ) from None
        visible = NewsItemPage.objects.visible().count()
        held = index.searcher().num_docs
        self.stdout.write(f"{store.root()}: {held:,} items indexed, {visible:,} visible")
