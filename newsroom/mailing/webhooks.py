"""Bounces and complaints reported by a sending service suppress the address.

anymail's tracking webhooks (wired at /mail/webhooks/anymail/<esp>/tracking/ in newsroom/urls.py,
behind ANYMAIL_WEBHOOK_SECRET's basic auth) verify and normalise each ESP's payload and send
the ``tracking`` signal; this receiver turns bounced, complained and rejected events into
suppressions (docs/operators/mail.md)."""

import logging

from anymail.signals import tracking
from django.dispatch import receiver

from .addresses import InvalidAddress
from .models import Suppression
from .suppressions import suppress

logger = logging.getLogger(__name__)
REASONS = {
    "bounced": Suppression.Reason.BOUNCE,
    "complained": Suppression.Reason.COMPLAINT,
    "rejected": Suppression.Reason.REJECTED,
    "unsubscribed": Suppression.Reason.COMPLAINT,  # the service's own unsubscribe link
}


@receiver(tracking, dispatch_uid="newsroom-mailing-suppress")
def suppress_on_bounce(sender, event, esp_name, **kwargs):
    reason = REASONS.get(event.event_type)
    if reason is None or not event.recipient:
        return
    detail = f"{esp_name}: {event.event_type}"
    if event.mta_response or event.description:
        detail += f" ({event.mta_response or event.description})"
    try:
        suppress(event.recipient, reason, detail)
    except InvalidAddress:
        logger.warning("%s reported a %s for an invalid address", esp_name, event.event_type)
