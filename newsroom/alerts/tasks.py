"""Background work of alerts (Django's task framework, mailing's "background" backend): the
request or scheduler round that publishes only enqueues; these run in a worker.

``fan_out_item``: one dispatch per (item, language), keyed by the item's translation key and
language, so a second publish (or a retried task) sends nothing again. ``fan_out_embargo``: one
per scheduled revision shared with the press. ``send_digests``: every digest that is due.
``purge_unconfirmed``: sign-ups never confirmed, once they are old (subscriptions.py).
"""

import datetime
import hashlib
import itertools
import time

from django.core.cache import cache
from django_tasks import task

from newsroom.mailing import outbox
from newsroom.mailing.models import Dispatch
from newsroom.news.models import NewsItemPage
from newsroom.press import embargo

from . import digests, matching, subscriptions
from .models import Subscriber

BACKEND = "background"


def _recipients(subscribers):
    return (outbox.Recipient(email, {"s": key}) for email, key in matching.stream(subscribers))


@task(backend=BACKEND)
def fan_out_item(page_id):
    """Tell the matching subscribers that this item is public (if it still is)."""
    page = NewsItemPage.objects.visible().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return 0  # unpublished, expired or made private since: nothing is sent
    language = page.locale.language_code
    dispatch, _created = outbox.open_dispatch(
        f"{matching.ITEM_KEY.format(key=page.translation_key)}{language}",
        kind="alert",
        composer="newsroom.alerts.messages.item_alert",
        params={"page": page.pk, "language": language},
        source=matching.source(page),
    )
    if dispatch.cancelled_at:
        return 0
    # Released first: the workers start on the first chunk of recipients while the rest of a
    # long list is being queued.
    outbox.release(dispatch)
    added = outbox.add_recipients(dispatch, _recipients(matching.immediate_recipients(page)))
    return int(added)


@task(backend=BACKEND)
def fan_out_embargo(page_id, revision_id):
    """Send an item shared with the press to the journalists who asked for embargoed material."""
    entry = embargo.find_embargoed(page_id)
    if entry is None or entry.revision.pk != revision_id:
        return 0
    page = NewsItemPage.objects.select_related("locale").get(pk=page_id)
    language = page.locale.language_code
    # One message per embargo time: publishing the scheduled item again at the same time (a
    # typo fixed) sends nothing more (journalists who asked since are added); moving the time,
    # even back to an earlier one, is a new message that gives the old time too.
    until = entry.until.astimezone(datetime.UTC).isoformat()
    prefix = f"alerts:embargo:{page.translation_key}:{language}:"
    latest = Dispatch.objects.filter(key__startswith=prefix).order_by("-pk").first()
    if latest is not None and latest.params.get("until") == until:
        dispatch = latest
    else:
        previously = latest.params.get("until", "") if latest else ""
        dispatch, _created = outbox.open_dispatch(
            f"{prefix}{until}:{latest.pk if latest else 0}",
            kind="embargo",
            composer="newsroom.alerts.messages.embargo_alert",
            params={
                "page": page.pk,
                "until": until,
                "previously": previously,
                "language": language,
            },
            source=matching.source(page),
        )
    added = outbox.add_recipients(dispatch, _recipients(matching.embargo_recipients(entry.item)))
    outbox.release(dispatch)
    return int(added)


@task(backend=BACKEND)
def send_correction(page_id, note):
    """A short message with ``note`` to everyone who was sent this version of the item."""
    page = NewsItemPage.objects.visible().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return 0
    digest = hashlib.sha256(note.encode()).hexdigest()[:16]
    language = page.locale.language_code
    dispatch, _created = outbox.open_dispatch(
        f"alerts:correction:{page.translation_key}:{language}:{digest}",
        kind="correction",
        composer="newsroom.alerts.messages.correction",
        params={"page": page.pk, "language": language, "note": note},
        source=matching.source(page),
    )
    added = outbox.add_recipients(dispatch, _still_receiving(page))
    outbox.release(dispatch)
    return int(added)


def _still_receiving(page, chunk=1000):
    """Recipients (still subscribed) who were sent ``page``, looked up a chunk at a time."""
    addresses = matching.sent_the_item(page)
    while batch := list(itertools.islice(addresses, chunk)):
        found = Subscriber.objects.receiving().filter(email__in=batch)
        for email, key in found.values_list("email", "key"):
            yield outbox.Recipient(email, {"s": key.hex})


@task(backend=BACKEND)
def send_digests():
    return digests.send_due()


def enqueue_digests():
    """The scheduler thread's minute: one digest task per minute across every server (the
    shared cache decides which server's scheduler enqueues it)."""
    minute = int(time.time() // 60)
    if cache.add(f"alerts:digests:{minute}", 1, timeout=120):
        send_digests.enqueue()


@task(backend=BACKEND)
def purge_unconfirmed():
    return subscriptions.purge_unconfirmed()


def enqueue_purge():
    """The scheduler thread's hour: one purge task per hour across every server."""
    hour = int(time.time() // 3600)
    if cache.add(f"alerts:purge:{hour}", 1, timeout=7200):
        purge_unconfirmed.enqueue()
