"""What sending a send-out does, step by step (the tasks in ``tasks.py`` call these).

A send-out is at most three outbox dispatches, each with a unique key (so a double click, two
editors, or a task run twice never send anything twice):

- ``sendouts:<id>:embargo``: while the item is under embargo, to accredited contacts only;
- ``sendouts:<id>:public``: once the item is public, to every other contact of the send-out;
- ``sendouts:<id>:correction:<digest>``: a correction, to everyone who was sent it.

The rules of a list are evaluated when each dispatch is filled. Nothing is enqueued for a
non-accredited contact while the item is not public: their dispatch is only opened by the
publish (``publication.py``), and its composer checks again that the item is public.
"""

import hashlib
import itertools

from django.db.models import Q
from django.utils import timezone

from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery, Dispatch
from newsroom.news.models import NewsItemPage
from newsroom.press import embargo

from .models import MediaContact, SendOut

COMPOSER = "newsroom.sendouts.messages.sendout_message"
CHUNK = 2000
Status = SendOut.Status


def is_public(page_id):
    return NewsItemPage.objects.visible().filter(pk=page_id).exists()


def stream(contacts, chunk=CHUNK):
    """Recipients of ``contacts``, a window of ids at a time (10,000 are never all in memory)."""
    rows = contacts.order_by().values_list("pk", "email", "key")
    highest = MediaContact.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for start in range(0, highest, chunk):
        for _pk, email, key in rows.filter(pk__gt=start, pk__lte=start + chunk):
            yield outbox.Recipient(email, {"c": key.hex})


def dispatches(sendout):
    return Dispatch.objects.filter(key__startswith=f"sendouts:{sendout.pk}:")


def already_queued(sendout):
    """Addresses the send-out's embargo or public dispatch already holds (not cancelled)."""
    keys = [sendout.dispatch_key("embargo"), sendout.dispatch_key("public")]
    return (
        Delivery.objects.filter(dispatch__key__in=keys)
        .exclude(status=Delivery.Status.CANCELLED)
        .values("address")
    )


def _fill(sendout, part, contacts, params=None):
    dispatch, _created = outbox.open_dispatch(
        sendout.dispatch_key(part),
        kind=f"sendout-{part}",
        composer=COMPOSER,
        params={"sendout": sendout.pk, "part": part, **(params or {})},
        source=sendout,
    )
    if dispatch.cancelled_at:
        return dispatch, 0
    # Released first: workers start on the first chunk while the rest is being queued.
    outbox.release(dispatch)
    contacts = contacts.reachable().exclude(email__in=already_queued(sendout))
    return dispatch, int(outbox.add_recipients(dispatch, stream(contacts)))


def go(sendout_id):
    """Send what may be sent now; returns the number of messages queued."""
    sendout = SendOut.objects.select_related("page").filter(pk=sendout_id).first()
    if sendout is None or sendout.status in (Status.DRAFT, Status.CANCELLED, Status.SENT):
        return 0
    if is_public(sendout.page_id):
        _dispatch, added = _fill(sendout, "public", sendout.recipients())
        SendOut.objects.filter(pk=sendout.pk).update(status=Status.SENT)
        return added
    if sendout.when == SendOut.When.NOW and sendout.status != Status.EMBARGO:
        entry = embargo.find_embargoed(sendout.page_id)
        if entry is not None:
            _dispatch, added = _fill(
                sendout, "embargo", sendout.recipients().accredited(),
                {"revision": entry.revision.pk},
            )  # fmt: skip
            SendOut.objects.filter(pk=sendout.pk).update(status=Status.EMBARGO)
            return added
    SendOut.objects.filter(pk=sendout.pk, status=Status.QUEUED).update(status=Status.WAITING)
    return 0


def waiting_for(page_id):
    return SendOut.objects.filter(page_id=page_id, status__in=[Status.WAITING, Status.EMBARGO])


def sent_for(page_id):
    """Ids of the item's send-outs that went to someone (a correction may follow them)."""
    sent = SendOut.objects.filter(
        page_id=page_id, correction_of__isnull=True, status__in=[Status.SENT, Status.EMBARGO]
    )
    return list(sent.values_list("pk", flat=True))


def cancel_for(page_id):
    """The item was unpublished: what its send-outs have not sent yet is not sent."""
    cancelled = 0
    for sendout in SendOut.objects.filter(page_id=page_id).exclude(status=Status.DRAFT):
        cancelled += outbox.cancel(source=sendout)
    return cancelled


def sent_addresses(sendout):
    """Addresses that were sent the send-out (under embargo or public), each once, streamed."""
    keys = [sendout.dispatch_key("embargo"), sendout.dispatch_key("public")]
    rows = Delivery.objects.filter(dispatch__key__in=keys, status=Delivery.Status.SENT)
    return rows.values_list("address", flat=True).distinct().order_by("address").iterator(CHUNK)


def correct(sendout_id, note):
    """A correction note to everyone who was sent the send-out and still takes send-outs."""
    sendout = SendOut.objects.filter(pk=sendout_id).first()
    if sendout is None:
        return 0
    digest = hashlib.sha256(note.encode()).hexdigest()[:16]
    dispatch, _created = outbox.open_dispatch(
        sendout.dispatch_key(f"correction:{digest}"),
        kind="sendout-correction",
        composer=COMPOSER,
        params={"sendout": sendout.pk, "part": "correction", "note": note},
        source=sendout,
    )
    added = 0
    addresses = sent_addresses(sendout)
    while batch := list(itertools.islice(addresses, CHUNK)):
        found = MediaContact.objects.reachable().filter(email__in=batch)
        added += outbox.add_recipients(
            dispatch,
            (outbox.Recipient(e, {"c": k.hex}) for e, k in found.values_list("email", "key")),
        )
    outbox.release(dispatch)
    return added


def overlap(sendout):
    """Contacts of ``sendout`` that an earlier send-out of the same item already went to."""
    earlier = (
        SendOut.objects.filter(page_id=sendout.page_id, correction_of__isnull=True)
        .exclude(pk=sendout.pk)
        .exclude(status__in=[Status.DRAFT, Status.CANCELLED])
    )
    condition = Q(pk__in=[])
    for other in earlier:
        condition |= Q(pk__in=other.recipients().values("pk"))
    if not earlier:
        return MediaContact.objects.none(), []
    return sendout.recipients().filter(condition), list(earlier)


def start(sendout, user, when):
    """The send button: one request wins (a conditional update), the others are told.
    Returns True when this request started it."""
    started = SendOut.objects.filter(pk=sendout.pk, status=Status.DRAFT).update(
        status=Status.QUEUED, when=when, sent_by=user, sent_at=timezone.now()
    )
    return bool(started)
