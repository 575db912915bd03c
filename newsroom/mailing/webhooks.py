"""Bounces and complaints reported by a sending service suppress the address.

anymail's tracking webhooks (wired at /mail/webhooks/anymail/<esp>/tracking/ in newsroom/urls.py,
behind ANYMAIL_WEBHOOK_SECRET's basic auth) verify and normalise each ESP's payload and send
the ``tracking`` signal; this receiver turns bounced, complained and rejected events into
suppressions (docs/operators/mail.md)."""

import functools
import logging

import anymail.urls
from anymail.exceptions import AnymailConfigurationError
from anymail.signals import tracking
from django.dispatch import receiver
from django.http import HttpResponseNotFound
from django.urls import URLPattern

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


def _unless_unconfigured(view):
    """A service's webhook that needs settings of its own (a signing key) answers 404 until
    they are given: anymail raises a configuration error, which would be a 500 on every
    stranger's request."""

    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except AnymailConfigurationError:
            return HttpResponseNotFound(b"This sending service is not configured here.")

    return answer


def tracking_urls():
    """anymail's tracking webhooks only: Newsroom receives no mail, so the inbound ones stay
    unrouted."""
    return [
        URLPattern(pattern.pattern, _unless_unconfigured(pattern.callback), name=pattern.name)
        for pattern in anymail.urls.urlpatterns
        if pattern.name.endswith("tracking_webhook")
    ]
