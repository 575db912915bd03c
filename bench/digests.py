"""make bench-digests: the 08:00 daily digest of BENCH_DIGEST_SUBSCRIBERS subscribers (100,000).

In one process, on a copy of the migrated SQLite template in a temporary data folder: five
stories published during the day, then the subscribers (bulk inserts: four in five chose
everything, the others one topic), all due at 08:00. The bench times ``digests.send_due`` (what
the scheduler's task runs: each subscriber's period taken and their digest queued in the
outbox), then the outbox's sender handing every digest to a real aiosmtpd server
(``newsroom.mailing.smtp_sink``, its own process) over NEWSROOM_MAIL_CONNECTIONS connections,
as ``newsroom worker`` would. Figures are printed and written to
bench/results/digests-<time>.json.
"""

import datetime
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SUBSCRIBERS = int(os.environ.get("BENCH_DIGEST_SUBSCRIBERS", "100000"))
ITEMS = 5


def say(message):
    print(f"bench-digests: {message}", flush=True)


def main():
    from mail import base_env, prepare_sqlite

    from newsroom.mailing.testing import SMTPServer

    data = Path(tempfile.mkdtemp(prefix="bench-digests-"))
    sink = SMTPServer(data / "smtp", store=False).start()
    prepare_sqlite(data)
    os.environ.update(base_env(
        data, sink.port, SECRET_KEY="bench-only", NEWSROOM_WORKER="0",  # noqa: S106
        NEWSROOM_SCHEDULER="false", WAGTAILADMIN_BASE_URL="https://news.example.org",
    ))  # fmt: skip
    try:
        run(sink)
    finally:
        sink.stop()


def add_subscribers(topic_key, due):
    from newsroom.alerts.models import Choice, Subscriber

    yesterday = due - datetime.timedelta(days=1)
    for start in range(0, SUBSCRIBERS, 5000):
        made = Subscriber.objects.bulk_create(
            Subscriber(email=f"reader{n}@example.org", key=uuid.uuid4(), language="en",
                       everything=n % 5 != 0, frequency="daily",
                       confirmed_at=yesterday - datetime.timedelta(days=1),
                       last_digest_at=yesterday, next_digest_at=due)
            for n in range(start, min(SUBSCRIBERS, start + 5000))
        )  # fmt: skip
        if made and made[0].pk is None:  # an older SQLite gives no ids back
            made = Subscriber.objects.filter(email__in=[s.email for s in made])
        Choice.objects.bulk_create(
            Choice(subscriber=subscriber, kind="topic", value=str(topic_key))
            for subscriber in made
            if not subscriber.everything
        )


def run(sink):
    import django

    django.setup()
    from django.conf import settings
    from django.utils import timezone

    from newsroom.alerts import digests
    from newsroom.home.site_tree import ensure_site_tree, news_index
    from newsroom.mailing import sender
    from newsroom.mailing.models import Delivery, Dispatch
    from newsroom.news.factories import StoryPageFactory
    from newsroom.news.models import NewsItemPage
    from newsroom.scheduling.timezones import local
    from newsroom.topics.factories import TopicPageFactory
    from newsroom.topics.models import TopicIndexPage

    home, _ = ensure_site_tree()
    today = local(timezone.now()).date()
    due = timezone.make_aware(datetime.datetime.combine(today, datetime.time(8)))
    topic = TopicPageFactory(parent=TopicIndexPage.objects.first(), title="Deterrence")
    for n in range(ITEMS):
        StoryPageFactory(parent=news_index(home), title=f"Readiness report {n}",
                         slug=f"readiness-{n}", topics=[topic] if n % 2 else [])  # fmt: skip
    # Public during the day before the digest.
    NewsItemPage.objects.update(first_published_at=due - datetime.timedelta(hours=3))
    say(f"adding {SUBSCRIBERS:,} daily subscribers due at {due:%H:%M}")
    add_subscribers(topic.translation_key, due)
    started = time.perf_counter()
    queued = digests.send_due(now=due + datetime.timedelta(minutes=1))
    queuing = time.perf_counter() - started
    dispatches = list(Dispatch.objects.filter(kind="digest").values_list("pk", flat=True))
    say(f"queued {queued:,} digests in {queuing:.1f} s ({len(dispatches):,} dispatches); sending")
    started = time.perf_counter()
    accepted = sum(sender.send_dispatch(pk) for pk in dispatches)
    sending = time.perf_counter() - started
    sink.wait_for(accepted, timeout=120)
    sent = Delivery.objects.filter(dispatch__kind="digest", status="sent").count()
    figures = {
        "subscribers": SUBSCRIBERS,
        "digests_queued": queued,
        "dispatches": len(dispatches),
        "queuing_s": round(queuing, 2),
        "queued_per_s": round(queued / queuing),
        "sending_s": round(sending, 2),
        "sent": sent,
        "messages_per_s": round(accepted / sending),
        "connections": settings.NEWSROOM_MAIL_CONNECTIONS,
        "database": "sqlite",
        "machine": f"{platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    for name, value in figures.items():
        say(f"{name}: {value}")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%S")
    out = ROOT / "bench" / "results" / f"digests-{stamp}.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    say(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
