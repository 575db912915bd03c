"""Events from the item's life: what each publish, unpublish or embargo becomes for webhooks
(and, for a public change, a WebSub ping).

The receivers run inside the publish; the event rows are written when its transaction commits
(in the order of the publishes), then one delivery task per endpoint is enqueued. The body is
JSON: the event's type, time and the item (its ninjs document and its addresses); an embargoed
item's body is the scheduled revision, with ``embargoedUntil``, and goes only to endpoints
marked accredited.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.signals import page_published, page_unpublished

from newsroom.news.models import NewsItemPage
from newsroom.news.ninjs import find_public_item, ninjs_document
from newsroom.press import embargo
from newsroom.scheduling import periodic

from . import tasks, websub
from .models import Delivery, Endpoint, Event, EventType

# Retries that have come due are enqueued by the scheduler's round (every server's; the shared
# cache keeps it to one task per endpoint).
SWEEP_SECONDS = 5
periodic.every(SWEEP_SECONDS, tasks.enqueue_due)


class _SiteRequest(HttpRequest):
    """A request for the public site's address, for the builders that make absolute addresses
    from one (ninjs): events are made far from any reader's request."""

    def __init__(self):
        super().__init__()
        parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        self._host, self._scheme = parts.netloc, parts.scheme or "https"
        self.META = {"SERVER_NAME": parts.hostname or "localhost", "SERVER_PORT": "443"}
        self.path = "/"

    def get_host(self):
        return self._host

    def _get_scheme(self):
        return self._scheme


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _public_body(event_type, page):
    item = find_public_item(NewsItemPage.objects.visible().filter(pk=page.pk))
    if item is None:
        return None
    with translation.override(item.locale.language_code):
        document = ninjs_document(item, _SiteRequest())
        urls = {
            "html": _absolute(item.get_url()),
            "api": _absolute(reverse("syndication:api-item", args=[item.pk])),
            "ninjs": _absolute(reverse("syndication:api-item-ninjs", args=[item.pk])),
        }
    return {"id": item.pk, "title": item.title, "urls": urls, "ninjs": document}


def _embargo_body(page):
    entry = embargo.find_embargoed(page.pk)
    if entry is None:
        return None
    item = entry.item
    until = entry.until.isoformat()
    with translation.override(item.locale.language_code):
        press_url = _absolute(reverse("press:item", args=[item.pk]))
    document = {
        "uri": f"urn:newsroom:item:{item.pk}",
        "type": "text",
        "version": str(entry.revision.pk),
        "pubStatus": "withheld",
        "embargoedUntil": until,
        "language": item.locale.language_code,
        "headlines": [{"role": "main", "value": item.title}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": item.teaser}],
    }
    return {"id": item.pk, "title": item.title, "embargoedUntil": until,
            "urls": {"press": press_url}, "ninjs": document}  # fmt: skip


def _was_public_before(page_id):
    last = (
        Event.objects.filter(
            page_id=page_id,
            type__in=[EventType.PUBLISHED, EventType.UPDATED, EventType.UNPUBLISHED],
        )
        .order_by("-pk")
        .first()
    )
    return last is not None and last.type != EventType.UNPUBLISHED


def record(event_type, page):
    """Write the event and a delivery for each endpoint that takes it; returns the event."""
    endpoints = [e for e in Endpoint.objects.filter(active=True) if e.wants(event_type)]
    if event_type == EventType.EMBARGO:
        endpoints = [e for e in endpoints if e.accredited]
    if event_type == EventType.UNPUBLISHED or not endpoints:
        # Nobody to send the item to: the event is kept only as the item's history (published
        # before or not), so the ninjs document is not built for it.
        data = {"id": page.pk, "title": page.title}
    elif event_type == EventType.EMBARGO:
        data = _embargo_body(page)
    else:
        data = _public_body(event_type, page)
    if data is None:
        return None
    now = timezone.now()
    event = Event(type=event_type, page_id=page.pk, title=page.title[:255],
                  embargoed=event_type == EventType.EMBARGO)  # fmt: skip
    body = {"type": event_type, "timestamp": now.isoformat(), "id": event.webhook_id, "data": data}
    event.body = json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=str)
    event.save()
    Delivery.objects.bulk_create(Delivery(endpoint=e, event=event) for e in endpoints)
    for endpoint in endpoints:
        tasks.deliver.enqueue(endpoint.pk)
    return event


def _after_commit(event_type, page):
    def run():
        record(event_type, page)
        if event_type != EventType.EMBARGO and settings.NEWSROOM_WEBSUB_HUB:
            tasks.ping.enqueue(websub.feeds_for(page))

    transaction.on_commit(run)


@receiver(page_published, dispatch_uid="newsroom-push-published")
def item_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, NewsItemPage):
        return
    if instance.live:
        kind = EventType.UPDATED if _was_public_before(instance.pk) else EventType.PUBLISHED
        _after_commit(kind, instance)
    elif revision is not None and revision.approved_go_live_at and instance.share_with_press:
        _after_commit(EventType.EMBARGO, instance)


@receiver(page_unpublished, dispatch_uid="newsroom-push-unpublished")
def item_unpublished(sender, instance, **kwargs):
    if isinstance(instance, NewsItemPage):
        _after_commit(EventType.UNPUBLISHED, instance)
