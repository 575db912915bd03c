"""The outbox: everything Newsroom sends by e-mail goes through here.

A *dispatch* is one message sent to many addresses; each address has a *delivery*. Nothing is
sent before the dispatch is released, and then a background task (Django's task framework,
``tasks.py``) sends it: the request that releases never waits for the mail server.

The contract (names are stable; extend, do not rename)::

    dispatch, created = open_dispatch(key, kind=..., composer=..., params=None, source=None)
        ``key`` is unique: opening the same key again returns the existing dispatch
        (created False), so a retried publish sends nothing twice. ``kind``: a short word
        (alert, digest, confirmation, correction, sendout). ``source``: the model instance the
        dispatch is about (or None), for ``counts()`` and ``cancel()``.
    added = add_recipients(dispatch, recipients)
        ``recipients``: any iterable of ``Recipient(address, data)``, consumed in chunks (a
        generator of 100,000 is never held in memory). Duplicates, suppressed addresses and
        invalid ones (too long, line breaks, display names...) are skipped; the result is the
        number added (an int, with ``.duplicate``, ``.suppressed`` and ``.invalid`` counts).
        ``strict=True`` raises ``InvalidAddress`` on an invalid address instead. Added to a
        released dispatch, they are sent from the first chunk on.
    release(dispatch)
        From the commit of the current transaction on, workers send it.
    send_one(key, *, kind, composer, address, data, params=None, source=None)
        open + add (strict) + release, for a single message (a confirmation).
    cancel(*, source=None, key=None) -> int
        Deliveries not sent yet become "cancelled" (an item unpublished before its messages
        left); returns how many.
    counts(source) -> {status: number} over every dispatch about ``source``.
    suppress(address, reason, detail=""), is_suppressed(address), forget(address)
    hashed(address): what a forgotten address is kept as ("sha256:<hex>"), where one must be.

A *composer* is the dotted path of a factory ``make(params) -> render``; a worker calls it once
per dispatch per batch, and ``render(recipient)`` once per delivery, with
``recipient.address`` and ``recipient.data``. ``render`` returns an ``OutgoingMessage``
(subject, text, html, headers such as List-Unsubscribe, optional from_email / reply_to) or None:
"no longer wanted" (the delivery becomes cancelled). ``render`` may have a ``prepare(recipients)``
attribute, called with each batch's recipients before their ``render()`` calls, to look up what
it needs for the whole batch in one query. Mailing adds ``Message-ID`` (derived from
the delivery: the same on every retry, so a mail program drops a second copy), ``Date``,
``Auto-Submitted: auto-generated`` and ``From`` (DEFAULT_FROM_EMAIL).

Delivery states: queued (waiting; ``next_attempt_at`` set when a temporary failure is retried
later, with ``last_error``), sending (claimed by a worker), sent (the server accepted it;
``signals.delivery_sent`` follows), failed (permanent refusal, or still refused after
NEWSROOM_MAIL_RETRY_HOURS; the reason in ``last_error``), suppressed, cancelled.
"""

import itertools
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from newsroom.formats.email import OutgoingMessage

from . import tasks
from .addresses import InvalidAddress, hashed, normalise
from .models import Delivery, Dispatch
from .suppressions import forget, is_suppressed, suppress, suppressed_among

__all__ = [
    "Recipient",
    "OutgoingMessage",
    "InvalidAddress",
    "open_dispatch",
    "add_recipients",
    "release",
    "send_one",
    "cancel",
    "counts",
    "suppress",
    "is_suppressed",
    "forget",
    "hashed",
]

CHUNK = 2000


@dataclass(frozen=True)
class Recipient:
    address: str
    data: dict = field(default_factory=dict)


class Added(int):
    """How many deliveries were added, and how many recipients were skipped and why."""

    duplicate = suppressed = invalid = 0


def source_of(instance):
    """(type label, id) of a model instance, or ("", "")."""
    if instance is None:
        return "", ""
    return instance._meta.label_lower, str(instance.pk)


def open_dispatch(key, *, kind, composer, params=None, source=None):
    source_type, source_id = source_of(source)
    return Dispatch.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "composer": composer,
            "params": params or {},
            "source_type": source_type,
            "source_id": source_id,
        },
    )


def add_recipients(dispatch, recipients, *, strict=False):
    added = duplicate = suppressed = invalid = first = 0
    iterator = iter(recipients)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        wanted = {}
        for recipient in chunk:
            try:
                address = normalise(recipient.address)
            except InvalidAddress:
                if strict:
                    raise
                invalid += 1
                continue
            if address in wanted:
                duplicate += 1
                continue
            wanted[address] = recipient.data or {}
        existing = set(
            Delivery.objects.filter(dispatch=dispatch, address__in=list(wanted)).values_list(
                "address", flat=True
            )
        )
        duplicate += len(existing)
        blocked = suppressed_among([a for a in wanted if a not in existing])
        suppressed += len(blocked)
        rows = [
            Delivery(dispatch=dispatch, address=address, data=data)
            for address, data in wanted.items()
            if address not in existing and address not in blocked
        ]
        # ignore_conflicts: another process adding the same address at the same moment.
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)
        if rows and not added and dispatch.released_at:
            # A released dispatch starts sending with its first chunk (the first message of
            # 100,000 need not wait for the last to be queued) ...
            _enqueue(dispatch, len(rows))
            first = len(rows)
        added += len(rows)
    if dispatch.released_at and added > first:
        # ... and again once all are in: senders that ran out of work before the last chunks
        # were added have stopped.
        _enqueue(dispatch, added)
    result = Added(added)
    result.duplicate, result.suppressed, result.invalid = duplicate, suppressed, invalid
    return result


def _enqueue(dispatch, pending):
    transaction.on_commit(lambda: tasks.start_sending(dispatch.pk, pending))


def release(dispatch):
    if dispatch.cancelled_at:
        return
    now = timezone.now()
    if not dispatch.released_at:
        Dispatch.objects.filter(pk=dispatch.pk, released_at__isnull=True).update(released_at=now)
        dispatch.released_at = now
    pending = dispatch.deliveries.filter(status=Delivery.Status.QUEUED).count()
    if pending:
        _enqueue(dispatch, pending)


def send_one(key, *, kind, composer, address, data, params=None, source=None):
    with transaction.atomic():
        dispatch, _ = open_dispatch(key, kind=kind, composer=composer, params=params, source=source)
        add_recipients(dispatch, [Recipient(address, data)], strict=True)
        release(dispatch)
    return dispatch


def cancel(*, source=None, key=None):
    if source is None and key is None:
        raise ValueError("cancel() needs a source or a key.")
    dispatches = Dispatch.objects.all()
    if key is not None:
        dispatches = dispatches.filter(key=key)
    if source is not None:
        source_type, source_id = source_of(source)
        dispatches = dispatches.filter(source_type=source_type, source_id=source_id)
    now = timezone.now()
    with transaction.atomic():
        dispatches.filter(cancelled_at__isnull=True).update(cancelled_at=now)
        return Delivery.objects.filter(
            dispatch__in=dispatches, status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
        ).update(status=Delivery.Status.CANCELLED, last_error="cancelled before it was sent")


def counts(source):
    source_type, source_id = source_of(source)
    rows = (
        Delivery.objects.filter(dispatch__source_type=source_type, dispatch__source_id=source_id)
        .values("status")
        .annotate(number=Count("id"))
    )
    result = dict.fromkeys(Delivery.Status.values, 0)
    result.update({row["status"]: row["number"] for row in rows})
    return result
