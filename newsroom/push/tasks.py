"""Background work of webhooks and WebSub (mailing's "background" task backend)."""

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from . import sender, websub

BACKEND = "background"


@task(backend=BACKEND)
def deliver(endpoint_id):
    return sender.deliver(endpoint_id)


@task(backend=BACKEND)
def ping(feed_urls):
    return websub.ping(feed_urls)


def enqueue_due():
    """The scheduler's round: a delivery task for each endpoint whose retry is due, at most one
    per endpoint per interval across every server."""
    enqueued = 0
    for endpoint_id in sender.due_endpoints():
        if cache.add(f"newsroom-push-due:{endpoint_id}", 1, settings.NEWSROOM_WEBHOOK_RETRY_BASE):
            deliver.enqueue(endpoint_id)
            enqueued += 1
    return enqueued
