"""Signed links in send-out messages: unsubscribe (RFC 8058 one-click), and for tracked
send-outs the open pixel and the click redirect.

Each carries the contact's random key signed with the site's secret and a purpose of its own,
so an open-pixel address cannot be used to unsubscribe someone. A click link also signs the
address it leads to, so it cannot be turned into a redirect to anywhere else. They do not
expire: a message read a year later must still let its reader leave.
"""

import uuid
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

UNSUBSCRIBE, OPENED, CLICKED = "unsubscribe", "opened", "clicked"
_SALT = "newsroom.sendouts.%s"


def absolute_url(path):
    """``path`` on the public site: messages are read far from any request."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path or "")


def token(value, purpose):
    return signing.dumps(value, salt=_SALT % purpose, compress=False)


def read(value, purpose):
    """What a token carries, or None when it was tampered with (or is not one)."""
    try:
        return signing.loads(value, salt=_SALT % purpose)
    except signing.BadSignature:
        return None


def contact_key(value):
    try:
        return uuid.UUID(hex=str(value))
    except ValueError:
        return None


def unsubscribe_url(contact_key_hex, language="en"):
    with translation.override(language):
        return absolute_url(
            reverse("sendouts:unsubscribe", args=[token(contact_key_hex, UNSUBSCRIBE)])
        )


def opened_url(sendout_id, contact_key_hex):
    with translation.override("en"):
        value = token(f"{sendout_id}:{contact_key_hex}", OPENED)
        return absolute_url(reverse("sendouts:opened", args=[value]))


def clicked_url(sendout_id, contact_key_hex, target):
    with translation.override("en"):
        value = signing.dumps(
            [sendout_id, contact_key_hex, target], salt=_SALT % CLICKED, compress=True
        )
        return absolute_url(reverse("sendouts:clicked", args=[value]))


def read_click(value):
    """(send-out id, contact key, address) of a click link, or None."""
    found = read(value, CLICKED)
    if not (isinstance(found, list) and len(found) == 3):
        return None
    sendout_id, key_hex, target = found
    key = contact_key(key_hex)
    if not isinstance(sendout_id, int) or key is None or not isinstance(target, str):
        return None
    return sendout_id, key, target
