"""Rate limits of the sign-up form, so nobody can use it to flood someone else's inbox.

Fixed windows counted in the Django cache (``core/throttle.py``):

NEWSROOM_ALERTS_RATE_PER_CLIENT   sign-ups one client address may send: "10/hour" by default
NEWSROOM_ALERTS_RATE_PER_ADDRESS  sign-ups for one e-mail address, from anywhere: "5/hour"

Addresses are counted under a digest, so the cache never holds them. Besides these, one address
is sent at most one confirmation message per ten minutes (``subscriptions.py``).
"""

from django.conf import settings

from newsroom.core import throttle
from newsroom.core.http import client_address

DEFAULTS = {"client": "10/hour", "address": "5/hour"}
Refusal = throttle.Refusal


def _count(scope, ident):
    rate = getattr(settings, f"NEWSROOM_ALERTS_RATE_PER_{scope.upper()}", DEFAULTS[scope])
    return throttle.count("alerts", scope, ident, rate)


def client_refusal(request):
    """Count a sign-up from this client; a ``Refusal`` when it is one too many."""
    return _count("client", client_address(request))


def address_refusal(address):
    return _count("address", throttle.digest(address))
