"""Signed links: the only way to confirm, manage or leave a subscription.

Each link carries the subscriber's random ``key`` signed with the site's secret
(``django.core.signing``) and a purpose of its own (the salt), so a manage link cannot be used
as a confirmation, and nobody can reach another person's subscription by changing an id or an
address. Confirmation links expire after seven days; manage and unsubscribe links do not (a
message read a year later must still let its reader leave).
"""

import datetime
import uuid

from django.core import signing
from django.urls import reverse
from django.utils import translation

CONFIRMATION_VALID_FOR = datetime.timedelta(days=7)
CONFIRM, MANAGE, UNSUBSCRIBE = "confirm", "manage", "unsubscribe"
_SALT = "newsroom.alerts.%s"


class Expired(Exception):
    """A well-signed confirmation link past its seven days; ``key`` says whose it was."""

    def __init__(self, key):
        super().__init__(key)
        self.key = key


def token(subscriber, purpose):
    return signing.dumps(subscriber.key.hex, salt=_SALT % purpose, compress=False)


def key_of(value, purpose):
    """The subscriber key a token names, or None when it was tampered with (or is not one).
    Raises ``Expired`` for a confirmation token older than seven days."""
    try:
        if purpose == CONFIRM:
            try:
                raw = signing.loads(value, salt=_SALT % purpose, max_age=CONFIRMATION_VALID_FOR)
            except signing.SignatureExpired:
                raise Expired(_as_key(signing.loads(value, salt=_SALT % purpose))) from None
        else:
            raw = signing.loads(value, salt=_SALT % purpose)
    except signing.BadSignature:
        return None
    return _as_key(raw)


def _as_key(raw):
    try:
        return uuid.UUID(hex=str(raw))
    except ValueError:
        return None


def path(subscriber, purpose):
    """The link's path in the subscriber's language (/fr/alertes/…)."""
    with translation.override(subscriber.language):
        return reverse(f"alerts:{purpose}", args=[token(subscriber, purpose)])
