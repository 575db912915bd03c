from django.core.management.base import BaseCommand

from newsroom.mailing import worker


class Command(BaseCommand):
    help = "Run a background worker: sends the outbox's mail (newsroom worker)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent", type=int, default=None,
            help="stop when this process (the server that started the worker) is gone",
        )  # fmt: skip

    def handle(self, *args, parent=None, **options):
        worker.run(parent=parent)
