"""Counts the press office sees before and after sending: how many contacts, how many of them
are suppressed (bounced, complained, refused) or unsubscribed, and what each recipient's
message became."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery, Suppression

from .models import MediaContact

Status = Delivery.Status


@dataclass
class Reach:
    members: int
    suppressed: int
    unsubscribed: int
    accredited: int  # of those who will receive it

    @property
    def receiving(self):
        return self.members - self.suppressed - self.unsubscribed


def _suppressed():
    return Exists(Suppression.objects.filter(address=OuterRef("email")))


def reach(contacts):
    rows = contacts.order_by().annotate(blocked=_suppressed())
    members = rows.count()
    unsubscribed = rows.filter(unsubscribed_at__isnull=False).count()
    suppressed = rows.filter(unsubscribed_at__isnull=True, blocked=True).count()
    accredited = (
        rows.filter(unsubscribed_at__isnull=True, blocked=False)
        .filter(pk__in=MediaContact.objects.accredited().values("pk"))
        .count()
    )
    return Reach(members, suppressed, unsubscribed, accredited)


# What the press office reads for each recipient. "bounced": the message left but the address
# was suppressed afterwards by a bounce or complaint report; "unsubscribed": the contact left.
LABELS = {
    "queued": "queued",
    "sending": "queued",
    "sent": "sent",
    "failed": "refused",
    "suppressed": "suppressed",
    "cancelled": "cancelled",
}


# What each state is called on the admin's pages.
STATE_NAMES = {
    "queued": gettext_lazy("queued"),
    "sent": gettext_lazy("sent"),
    "refused": gettext_lazy("refused"),
    "suppressed": gettext_lazy("suppressed"),
    "cancelled": gettext_lazy("cancelled"),
    "bounced": gettext_lazy("bounced"),
    "unsubscribed": gettext_lazy("unsubscribed"),
    "opened": gettext_lazy("opened"),
    "clicked": gettext_lazy("clicked a link"),
}


def named(totals_by_state):
    """[(state, its name, number)] for a template, leaving out what is not counted."""
    return [(state, STATE_NAMES[state], n) for state, n in totals_by_state.items() if n is not None]


def totals(sendout):
    counts = outbox.counts(sendout)
    result = dict.fromkeys(("queued", "sent", "refused", "suppressed", "cancelled"), 0)
    for status, number in counts.items():
        result[LABELS[status]] += number
    addresses = _delivered(sendout).values("address")
    result["bounced"] = Suppression.objects.filter(
        address__in=addresses, reason__in=[Suppression.Reason.BOUNCE, Suppression.Reason.COMPLAINT]
    ).count()
    result["unsubscribed"] = MediaContact.objects.filter(
        email__in=addresses, unsubscribed_at__isnull=False
    ).count()
    result["suppressed"] += _skipped(sendout).count()
    result["opened"] = sendout.opens.count() if sendout.tracking else None
    result["clicked"] = sendout.clicks.count() if sendout.tracking else None
    return result


def _skipped(sendout):
    """Recipients the outbox skipped (no delivery) because their address is suppressed."""
    return (
        sendout.recipients()
        .annotate(blocked=_suppressed())
        .filter(blocked=True)
        .exclude(email__in=_delivered(sendout).values("address"))
    )


def _delivered(sendout):
    return Delivery.objects.filter(
        dispatch__key__in=[sendout.dispatch_key("embargo"), sendout.dispatch_key("public")]
    )


def recipients(sendout, limit=500):
    """(address, contact name, state, reason, sent at) of the first ``limit`` recipients."""
    rows = list(
        _delivered(sendout)
        .order_by("address")
        .values_list("address", "status", "last_error", "sent_at", "dispatch__kind")[:limit]
    )
    addresses = [row[0] for row in rows]
    contacts = {
        contact.email: contact for contact in MediaContact.objects.filter(email__in=addresses)
    }
    bounced = dict(
        Suppression.objects.filter(
            address__in=addresses,
            reason__in=[Suppression.Reason.BOUNCE, Suppression.Reason.COMPLAINT],
        ).values_list("address", "detail")
    )
    opened, clicked = set(), set()
    if sendout.tracking:
        opened = set(sendout.opens.values_list("contact__email", flat=True))
        clicked = set(sendout.clicks.values_list("contact__email", flat=True))
    result = []
    for address, status, error, sent_at, kind in rows:
        contact = contacts.get(address)
        state, reason = LABELS[status], error
        if status == Status.SENT and address in bounced:
            state, reason = "bounced", bounced[address]
        if contact is not None and contact.unsubscribed_at and status == Status.SENT:
            state = "unsubscribed"
        if state == "sent" and address in clicked:
            state = "clicked"  # a click says more than an open (images may be blocked)
        elif state == "sent" and address in opened:
            state = "opened"
        result.append(
            {
                "address": address,
                "name": contact.name if contact else "",
                "state": state,
                "state_name": STATE_NAMES[state],
                "reason": reason,
                "sent_at": sent_at,
                "embargoed": kind == "sendout-embargo",
            }
        )
    for contact in _skipped(sendout).order_by("email")[: max(0, limit - len(result))]:
        result.append({"address": contact.email, "name": contact.name, "state": "suppressed",
                       "state_name": STATE_NAMES["suppressed"],
                       "reason": _("on the suppression list: not sent"), "sent_at": None,
                       "embargoed": False})  # fmt: skip
    return result


def for_item(sendouts):
    """Totals over every send-out of an item."""
    result = {}
    for sendout in sendouts:
        for state, number in totals(sendout).items():
            if number is not None:
                result[state] = result.get(state, 0) + number
    return result


def by_status(sendout):
    return dict(
        _delivered(sendout).values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
