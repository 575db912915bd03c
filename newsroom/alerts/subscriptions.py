"""Signing up, confirming, changing and leaving: what the views and the admin ask for.

A sign-up answers the same whatever the address's state, so nobody learns who subscribes:

- a new address is stored unconfirmed and sent a confirmation message;
- a pending (unconfirmed) one takes the new choices and is sent the confirmation again;
- a confirmed one keeps its choices (a stranger must not change them) and is sent a message
  with the link to its manage page.

In every case at most one message per address is sent per ``RESEND_AFTER`` (ten minutes).

A sign-up never confirmed is deleted, with the messages sent to it, ``PENDING_KEPT_FOR`` after
its last confirmation message (``purge_unconfirmed``, run by the scheduler): its link expired
after seven days, and until then the expired link's page can still send a new one.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from newsroom.mailing import outbox
from newsroom.press.models import AuditEntry

from . import digests, messages
from .models import Subscriber

RESEND_AFTER = datetime.timedelta(minutes=10)
PENDING_KEPT_FOR = datetime.timedelta(days=30)


def sign_up(form):
    """Store or refresh the subscription a valid ``SignUpForm`` describes; send what is due."""
    address = form.cleaned_data["email"]
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=address, defaults={"language": form.cleaned_data["language"]}
        )
        if not subscriber.is_confirmed:
            form.apply_to(subscriber)
        if (
            not created
            and subscriber.confirmation_sent_at
            and (timezone.now() - subscriber.confirmation_sent_at < RESEND_AFTER)
        ):
            return subscriber  # told very recently: do not send again
        subscriber.confirmation_sent_at = timezone.now()
        subscriber.save(update_fields=["confirmation_sent_at"])
    send_confirmation(subscriber)
    return subscriber


def send_again(subscriber):
    """An expired link's "send me a new one": the same ten-minute rule."""
    if subscriber.is_confirmed:
        return False
    now = timezone.now()
    updated = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .exclude(confirmation_sent_at__gt=now - RESEND_AFTER)
        .update(confirmation_sent_at=now)
    )
    if updated:
        send_confirmation(subscriber)
    return bool(updated)


def send_confirmation(subscriber):
    stamp = f"{subscriber.confirmation_sent_at or timezone.now():%Y%m%dT%H%M%S%f}"
    kind = messages.ALREADY if subscriber.is_confirmed else messages.CONFIRM
    outbox.send_one(
        f"alerts:{kind}:{subscriber.key.hex}:{stamp}",
        kind=f"alerts-{kind}",
        composer="newsroom.alerts.messages.confirmation",
        address=subscriber.email,
        data={"subscriber": subscriber.key.hex},
        params={"kind": kind, "language": subscriber.language},
    )


def confirm(subscriber):
    """Confirm (once; confirming again changes nothing)."""
    Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    subscriber.refresh_from_db()
    if subscriber.next_digest_at is None:
        digests.schedule(subscriber)


def change(form, subscriber):
    """Save a valid ``ChoicesForm`` (the manage page): the next digest follows the new time."""
    form.apply_to(subscriber)
    digests.schedule(subscriber)


def unsubscribe(key):
    """Remove the subscription at once. Returns whether there was one (a replay finds none)."""
    deleted, _ = Subscriber.objects.filter(key=key).delete()
    return bool(deleted)


def erase(subscriber):
    """GDPR: the subscriber, their choices, and every delivery to their address. The embargo
    audit log keeps its rows (who was sent embargoed material is the press office's record)
    with the address replaced by its hash."""
    address = subscriber.email
    with transaction.atomic():
        subscriber.delete()
        outbox.forget(address)
        mailed = AuditEntry.objects.filter(channel=AuditEntry.Channel.EMAIL)
        mailed.filter(path=f"mailto:{address}").update(path=f"mailto:{outbox.hashed(address)}")
        mailed.filter(username=address).update(username=outbox.hashed(address))


def purge_unconfirmed(now=None):
    """Delete the sign-ups nobody confirmed within ``PENDING_KEPT_FOR`` of the last message
    (address and deliveries, as ``erase``); returns how many."""
    cutoff = (now or timezone.now()) - PENDING_KEPT_FOR
    stale = Subscriber.objects.filter(confirmed_at__isnull=True, press_account__isnull=True).filter(
        Q(confirmation_sent_at__lt=cutoff)
        | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    purged = 0
    for subscriber in stale.iterator():
        with transaction.atomic():
            erase(subscriber)
        purged += 1
    return purged
