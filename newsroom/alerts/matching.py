"""Who is sent what: the subscribers an item matches, streamed.

A subscriber matches an item when they chose everything, or its type, or any of its topics or
people (in any language: choices hold translation keys). Each subscriber is one recipient
however many choices match (one row each, no join to multiply them).

Languages: a subscriber gets the item in their language when that translation is public;
otherwise the version that has just become public. Anyone already sent a version of the item
(another language's, or this one by a retried task) is not sent another.
"""

import collections

from django.db.models import Exists, OuterRef, Q

from newsroom.mailing.models import Delivery, Dispatch, Suppression
from newsroom.news.models import NewsItemPage
from newsroom.press import embargo

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


def embargo_languages(page):
    """Language codes of the other versions of ``page`` journalists have or will have: public
    ones, and those shared with the press under embargo."""
    languages = public_languages(page)
    others = NewsItemPage.objects.not_live().filter(
        translation_key=page.translation_key, share_with_press=True
    )
    for pk, language in others.exclude(pk=page.pk).values_list("pk", "locale__language_code"):
        if embargo.find_embargoed(pk) is not None:
            languages.add(language)
    return languages - {page.locale.language_code}


def sent_another_embargoed_version(page):
    """Journalists already sent this item under embargo in another language."""
    prefix = f"alerts:embargo:{page.translation_key}:"
    dispatches = list(
        Dispatch.objects.filter(key__startswith=prefix)
        .exclude(key__startswith=f"{prefix}{page.locale.language_code}:")
        .values_list("pk", flat=True)
    )
    return Exists(
        Delivery.objects.filter(dispatch_id__in=dispatches, address=OuterRef("email")).exclude(
            status=Delivery.Status.CANCELLED
        )
    )


def embargo_recipients(page):
    """Press accounts' subscribers who asked for embargoed material, matching ``page``: in
    their language's version when there is one, and one version only, as for public items."""
    return (
        matching(page)
        .filter(press_account__isnull=False, embargoed=True)
        .exclude(language__in=embargo_languages(page))
        .exclude(sent_another_embargoed_version(page))
    )


def sent_the_item(page):
    """Addresses sent this version of ``page``: its alert, a digest that listed it, or (to
    journalists) its embargoed version. Streamed, each address once."""
    language = page.locale.language_code
    sent = Delivery.objects.filter(status=Delivery.Status.SENT)
    told = sent.filter(
        Q(dispatch__key=f"{ITEM_KEY.format(key=page.translation_key)}{language}")
        | Q(dispatch__key__startswith=f"alerts:embargo:{page.translation_key}:{language}:")
    )
    seen = set()
    for address in told.values_list("address", flat=True).iterator(chunk_size=2000):
        seen.add(address)
        yield address
    # A digest names its items in the delivery's data, a JSON list that not every database can
    # search: only the digests sent since the item became public are read.
    digests = sent.filter(dispatch__kind="digest")
    if page.first_published_at:
        digests = digests.filter(sent_at__gte=page.first_published_at)
    for address, data in digests.values_list("address", "data").iterator(chunk_size=2000):
        if address not in seen and page.pk in (data or {}).get("items", []):
            seen.add(address)
            yield address


def digest_report(page):
    """The digest messages that list ``page`` (read as ``sent_the_item`` reads them: only
    digests opened since the item became public): ({status: number}, the ten commonest
    reasons of the failed ones as [{"last_error", "number"}])."""
    counts = dict.fromkeys(Delivery.Status.values, 0)
    reasons = collections.Counter()
    if not page.first_published_at:
        return counts, []
    rows = Delivery.objects.filter(
        dispatch__kind="digest", dispatch__created_at__gte=page.first_published_at
    ).values_list("status", "data", "last_error")
    for status, data, error in rows.iterator(chunk_size=2000):
        if page.pk in (data or {}).get("items", []):
            counts[status] += 1
            if status == Delivery.Status.FAILED:
                reasons[error] += 1
    failures = [{"last_error": error, "number": n} for error, n in reasons.most_common(10)]
    return counts, failures


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
