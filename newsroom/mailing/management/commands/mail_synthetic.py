"""Queue one dispatch to N made-up addresses (benchmarks, fault tests, trying the worker)."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom.mailing import outbox

TEXT = (
    "A new press release was published on the newsroom.\n\n"
    "NATO Allies agree a new package of support\n17 November 2023\n\n"
    "Read it: https://news.example.org/en/news/2023/11/17/allies-agree/\n\n"
    "Manage your alerts: https://news.example.org/en/alerts/manage/\n"
)
HTML = (
    "<!doctype html><html lang='en'><body><h1>NATO Allies agree a new package of support</h1>"
    "<p>17 November 2023</p><p>Allies agreed on Friday a new package of support.</p>"
    "<p><a href='https://news.example.org/en/news/2023/11/17/allies-agree/'>Read it</a></p>"
    "<p><a href='https://news.example.org/en/alerts/manage/'>Manage your alerts</a></p>"
    "</body></html>"
)
PARAMS = {
    "subject": "NATO Allies agree a new package of support",
    "text": TEXT,
    "html": HTML,
    "unsubscribe": "https://news.example.org/en/alerts/unsubscribe/",
}


class Command(BaseCommand):
    help = "Queue a dispatch to N synthetic addresses (user<n>@<domain>) and release it."

    def add_arguments(self, parser):
        parser.add_argument("--recipients", type=int, default=1000)
        parser.add_argument("--key", default="synthetic")
        parser.add_argument("--domain", default="example.org")
        parser.add_argument("--no-release", action="store_true")

    def handle(self, *args, recipients, key, domain, no_release, **options):
        started = time.monotonic()
        with transaction.atomic():
            dispatch, _ = outbox.open_dispatch(
                key, kind="sendout", composer="newsroom.mailing.composers.same_for_all",
                params=PARAMS,
            )  # fmt: skip
            added = outbox.add_recipients(
                dispatch,
                (outbox.Recipient(f"user{n}@{domain}", {"n": n}) for n in range(recipients)),
            )
        queued = time.monotonic()
        if not no_release:
            with transaction.atomic():
                outbox.release(dispatch)
        self.stdout.write(
            f"dispatch={dispatch.pk} added={int(added)} queue_seconds={queued - started:.3f} "
            f"release_seconds={time.monotonic() - queued:.3f} released_at={time.time():.6f}"
        )
