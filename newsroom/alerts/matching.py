"""Who is sent what: the subscribers an item matches, streamed.

A subscriber matches an item when they chose everything, or its type, or any of its topics or
people (in any language: choices hold translation keys). Each subscriber is one recipient
however many choices match (one row each, no join to multiply them).

Languages: a subscriber gets the item in their language when that translation is public;
otherwise the version that has just become public. Anyone already sent a version of the item
(another language's, or this one by a retried task) is not sent another.
"""

from django.db.models import Exists, OuterRef, Q

from newsroom.mailing.models import Delivery, Dispatch, Suppression
from newsroom.news.models import NewsItemPage

from .models import Choice, Frequency, Subscriber

ITEM_KEY = "alerts:item:{key}:"


def source(page):
    """What the outbox records an item's dispatches under: the item as a ``NewsItemPage``,
    whatever its type, so a StoryPage's unpublish cancels what a NewsItemPage queued."""
    return NewsItemPage(pk=page.pk)


def item_type(page):
    return page.specific_class.item_type


def topic_keys(page):
    return [str(key) for key in page.topics.values_list("translation_key", flat=True)]


def person_keys(page):
    return [str(key) for key in page.people.values_list("translation_key", flat=True)]


def matching(page, subscribers=None):
    """``subscribers`` (default: all receiving ones) whose choices match ``page``."""
    subscribers = Subscriber.objects.receiving() if subscribers is None else subscribers
    chose = Choice.objects.filter(subscriber=OuterRef("pk")).filter(
        Q(kind=Choice.Kind.TYPE, value=item_type(page))
        | Q(kind=Choice.Kind.TOPIC, value__in=topic_keys(page))
        | Q(kind=Choice.Kind.PERSON, value__in=person_keys(page))
    )
    suppressed = Suppression.objects.filter(address=OuterRef("email"))
    return subscribers.filter(Q(everything=True) | Exists(chose)).exclude(Exists(suppressed))


def public_languages(page):
    """Language codes of the public versions of ``page`` (itself included)."""
    return set(
        NewsItemPage.objects.visible()
        .filter(translation_key=page.translation_key)
        .values_list("locale__language_code", flat=True)
    )


def already_sent(page):
    """Subscribers with a delivery of any version of this item (any status but cancelled)."""
    dispatches = list(
        Dispatch.objects.filter(
            key__startswith=ITEM_KEY.format(key=page.translation_key)
        ).values_list("pk", flat=True)
    )
    return Exists(
        Delivery.objects.filter(dispatch_id__in=dispatches, address=OuterRef("email")).exclude(
            status=Delivery.Status.CANCELLED
        )
    )


def immediate_recipients(page):
    """Subscribers to tell now that ``page`` (one language's version) is public."""
    language = page.locale.language_code
    others_have_theirs = public_languages(page) - {language}
    return (
        matching(page)
        .filter(frequency=Frequency.IMMEDIATELY)
        .exclude(language__in=others_have_theirs)
        .exclude(already_sent(page))
    )


def embargo_recipients(page):
    """Press accounts' subscribers who asked for embargoed material, matching ``page``."""
    return matching(page).filter(press_account__isnull=False, embargoed=True)


def stream(subscribers, chunk=2000):
    """(address, key hex) pairs, read in chunks: 100,000 subscribers are never all in memory.

    Each chunk is a query of its own over a window of ids (``chunk`` ids wide), not one open
    cursor: on SQLite, the caller writes deliveries between chunks while workers record sent
    ones, and SQLite refuses a write from a connection whose read began before another's
    commit; on PostgreSQL, a cursor held across commits is computed whole before its first
    row (17 s for 100,000 under load, all of it before the first message). A window query
    reads only its ids, so the first chunk is ready at once and the whole costs one pass."""
    rows = subscribers.values_list("pk", "email", "key").order_by()
    highest = Subscriber.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for start in range(0, highest, chunk):
        for _pk, email, key in rows.filter(pk__gt=start, pk__lte=start + chunk):
            yield email, key.hex
