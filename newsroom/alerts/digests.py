"""Daily and weekly digests, at each subscriber's time in the organisation's zone.

A subscriber's ``next_digest_at`` is the next moment their digest is due (08:00 in Brussels by
default; the weekly one on their weekday). ``send_due()`` (run by the scheduler thread each
minute through a task) takes the subscribers whose moment has passed, moves each moment on
with a conditional update (so two servers never take the same one), and queues one message
listing every matching item that became public since the previous digest, newest first; none
when nothing matched. A moment's digests share one dispatch per language (its key names the
moment; each address is in it once), so a period is never sent twice.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from newsroom.mailing import outbox
from newsroom.news.models import NewsItemPage
from newsroom.scheduling.timezones import local

from . import content
from .models import Frequency, Subscriber

MAX_ITEMS = 50  # a digest lists at most this many items (the newest)
BATCH = 500


def next_moment(subscriber, after=None):
    """The first digest moment of ``subscriber`` strictly after ``after`` (default: now)."""
    if subscriber.frequency == Frequency.IMMEDIATELY:
        return None
    after = local(after or timezone.now())
    zone = after.tzinfo
    day = after.date()
    for offset in range(0, 9):
        candidate_day = day + datetime.timedelta(days=offset)
        if (
            subscriber.frequency == Frequency.WEEKLY
            and candidate_day.weekday() != subscriber.digest_weekday
        ):
            continue
        naive = datetime.datetime.combine(candidate_day, subscriber.digest_time)
        moment = timezone.make_aware(naive, zone)
        if moment > after:
            return moment
    raise AssertionError("a digest moment falls within any eight days")  # pragma: no cover


def schedule(subscriber):
    """Set ``next_digest_at`` after a confirmation or a change of frequency or time (saved)."""
    starting = subscriber.next_digest_at is None
    subscriber.next_digest_at = next_moment(subscriber) if subscriber.is_confirmed else None
    changes = {"next_digest_at": subscriber.next_digest_at}
    if starting and subscriber.next_digest_at is not None:
        # From immediate alerts to digests: the first digest starts now, not at the
        # confirmation, or it would list items the subscriber was already sent one by one.
        changes["last_digest_at"] = subscriber.last_digest_at = timezone.now()
    Subscriber.objects.filter(pk=subscriber.pk).update(**changes)


def items_for(subscriber, since, until):
    """Ids of the items that became public in (since, until] and match, newest first: in the
    subscriber's language, or in another where their language has no public version."""
    items = NewsItemPage.objects.visible().filter(
        first_published_at__gt=since, first_published_at__lte=until
    )
    chosen = {kind: subscriber.choice_values(kind) for kind in ("type", "topic", "person")}
    if not subscriber.everything:
        types = [NewsItemPage.item_types()[name] for name in chosen["type"]
                 if name in NewsItemPage.item_types()]  # fmt: skip
        wanted = Q(content_type__in=[ContentType.objects.get_for_model(model) for model in types])
        wanted |= Q(topics__translation_key__in=chosen["topic"])
        wanted |= Q(people__translation_key__in=chosen["person"])
        items = items.filter(pk__in=NewsItemPage.objects.filter(wanted).values("pk"))
    rows = list(items.newest_first().values_list("pk", "translation_key", "locale__language_code"))
    by_key = {}
    for pk, key, language in rows:
        if key not in by_key or language == subscriber.language:
            by_key[key] = (pk, language)
    chosen_ids = {pk for pk, _language in by_key.values()}
    return [pk for pk, _key, _language in rows if pk in chosen_ids][:MAX_ITEMS]


def _take(subscriber, now):
    """Move the subscriber's moment on; True if this process did (and so sends the digest)."""
    due_at = subscriber.next_digest_at
    return bool(
        Subscriber.objects.filter(pk=subscriber.pk, next_digest_at=due_at).update(
            next_digest_at=next_moment(subscriber, now), last_digest_at=due_at
        )
    )


def _question(subscriber, since, due_at):
    """What decides a digest's items: subscribers who ask the same get the same list."""
    choices = tuple(tuple(subscriber.choice_values(kind)) for kind in ("type", "topic", "person"))
    return (subscriber.everything, subscriber.language, choices, since, due_at)


def _queue_batch(subscribers, now, answers):
    """Take each subscriber's period and queue their digest; returns how many were queued.

    One dispatch per language and moment holds every digest of that moment (each recipient's
    items are in their delivery's data), so 100,000 digests are one list for the sender, not
    100,000. Taking the periods and queuing the messages is one transaction: a period is
    either taken and queued, or neither. The dispatch's key and the outbox's one delivery per
    address and dispatch keep a period from being sent twice."""
    groups = {}
    with transaction.atomic():
        for subscriber in subscribers:
            due_at = subscriber.next_digest_at
            since = subscriber.last_digest_at or subscriber.confirmed_at
            if not _take(subscriber, now):
                continue  # another server took it
            question = _question(subscriber, since, due_at)
            if question not in answers:
                answers[question] = items_for(subscriber, since, due_at)
            if items := answers[question]:
                recipient = outbox.Recipient(subscriber.email, {"s": subscriber.key.hex,
                                                                "items": items})  # fmt: skip
                groups.setdefault((subscriber.language, due_at), []).append(recipient)
        queued = 0
        for (language, due_at), recipients in groups.items():
            with translation.override(language):
                date = content.day(local(due_at))
            dispatch, _created = outbox.open_dispatch(
                f"alerts:digest:{language}:{due_at:%Y%m%dT%H%M}",
                kind="digest",
                composer="newsroom.alerts.messages.digest",
                params={"language": language, "date": date},
            )
            queued += outbox.add_recipients(dispatch, recipients)
            outbox.release(dispatch)
    return queued


def send_due(now=None):
    """Queue every digest whose moment has passed; returns how many were queued (none for a
    subscriber whom nothing matched)."""
    now = now or timezone.now()
    queued = 0
    answers = {}  # the items of each question asked, for this round
    due = (
        Subscriber.objects.receiving()
        .filter(next_digest_at__lte=now)
        .exclude(frequency=Frequency.IMMEDIATELY)
        .prefetch_related("choices")
        .order_by("next_digest_at", "pk")
    )
    while True:
        batch = list(due[:BATCH])
        if not batch:
            return queued
        queued += _queue_batch(batch, now, answers)
