"""bench/mail.py's publisher: run in its own process, with the case's database and workers.

    python bench/mail_publish.py --subscribers N --baseline 3 --sample FILE

1. the site skeleton, an admin account and ``baseline + 2`` draft stories;
2. publishes one (not counted: a process's first request loads much) then ``baseline`` more
   through the admin (Wagtail's bulk "Publish" action, a real POST through Django's request
   handling) while nobody subscribes: the publish request's time without subscribers;
3. adds N confirmed subscribers who chose everything (bulk inserts, not sign-ups);
4. publishes the last story the same way: the request's time with N matching subscribers, and
   the Unix time the request started (the bench counts the first message from there);
5. writes to FILE the bytes of the alert one subscriber gets (the floor sends the same bytes).

Prints one JSON object.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def publish(client, page):
    started_at = time.time()
    started = time.perf_counter()
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/", secure=True
    )
    seconds = time.perf_counter() - started
    page.refresh_from_db()
    if response.status_code != 302 or not page.live:
        raise SystemExit(f"the publish of {page.pk} failed: {response.status_code}")
    return started_at, seconds


def add_subscribers(count):
    from django.utils import timezone

    from newsroom.alerts.models import Subscriber

    now = timezone.now()
    for start in range(0, count, 5000):
        Subscriber.objects.bulk_create(
            Subscriber(email=f"reader{n}@example.org", language="en", everything=True,
                       confirmed_at=now)
            for n in range(start, min(count, start + 5000))
        )  # fmt: skip


def wait_for_idle_queue(timeout=120):
    """Until the database task backend has no task waiting or running."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    busy = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    while DBTaskResult.objects.filter(status__in=busy).exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"the workers still had tasks after {timeout} s")
        time.sleep(0.1)


def sample(page, path):
    from newsroom.alerts.messages import item_alert
    from newsroom.alerts.models import Subscriber
    from newsroom.formats.email import build
    from newsroom.mailing.sender import Recipient

    subscriber = Subscriber.objects.order_by("pk").first()
    render = item_alert({"page": page.pk, "language": page.locale.language_code})
    outgoing = render(Recipient(subscriber.email, {"s": subscriber.key.hex}, 1))
    email = build(
        outgoing, to=subscriber.email, from_email="newsroom@news.example.org",
        message_id="1.floor@news.example.org", date="Wed, 02 Dec 2026 10:00:00 GMT",
    )  # fmt: skip
    Path(path).write_bytes(email.message().as_bytes())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, required=True)
    parser.add_argument("--baseline", type=int, default=3)
    parser.add_argument("--sample", required=True)
    options = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from newsroom.home.site_tree import ensure_site_tree
    from newsroom.news.factories import StoryPageFactory
    from newsroom.news.models import NewsIndexPage

    home, _ = ensure_site_tree()
    news = NewsIndexPage.objects.descendant_of(home).first()
    admin = get_user_model().objects.filter(username="bench-admin").first()
    if admin is None:
        admin = get_user_model().objects.create_superuser("bench-admin", "bench@example.org")
    stamp = int(time.time())
    drafts = [
        StoryPageFactory(parent=news, live=False, title=f"Allies agree a readiness plan {n}",
                         slug=f"bench-{stamp}-{n}", teaser="A plan for faster reinforcement.")
        for n in range(options.baseline + 2)
    ]  # fmt: skip
    client = Client()
    client.force_login(admin)
    # The first request of a process loads the URLs and more: not counted.
    warm_up = publish(client, drafts[0])[1]
    without = [publish(client, page)[1] for page in drafts[1:-1]]
    # The baseline items' fan-outs must be over before the subscribers arrive, or one that ran
    # late would send a baseline item to them, counted as the measured item's messages.
    wait_for_idle_queue()
    started = time.perf_counter()
    add_subscribers(options.subscribers)
    seeded = time.perf_counter() - started
    published_at, with_subscribers = publish(client, drafts[-1])
    sample(drafts[-1], options.sample)
    print(json.dumps({
        "publish_warm_up_ms": round(warm_up * 1000, 1),
        "publish_without_subscribers_ms": [round(s * 1000, 1) for s in without],
        "publish_with_subscribers_ms": round(with_subscribers * 1000, 1),
        "published_at": published_at,
        "subscribers_seed_seconds": round(seeded, 2),
        "page": drafts[-1].pk,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
