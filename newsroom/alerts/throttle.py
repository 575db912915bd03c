"""Rate limits of the sign-up form, so nobody can use it to flood someone else's inbox.

Fixed windows counted in the Django cache (the in-process one, or the shared Redis when
REDIS_URL is set, so every app server counts together), like the API's limit in
``core/http.py``:

NEWSROOM_ALERTS_RATE_PER_CLIENT   sign-ups one client address may send: "10/hour" by default
NEWSROOM_ALERTS_RATE_PER_ADDRESS  sign-ups for one e-mail address, from anywhere: "5/hour"

Addresses are counted under a digest, so the cache never holds them. Besides these, one address
is sent at most one confirmation message per ten minutes (``subscriptions.py``).
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from newsroom.core.http import client_address
from newsroom.core.http_settings import parse_rate_limit

DEFAULTS = {"client": "10/hour", "address": "5/hour"}


@dataclass(frozen=True)
class Refusal:
    scope: str
    retry_after: int


def _limit(scope):
    value = getattr(settings, f"NEWSROOM_ALERTS_RATE_PER_{scope.upper()}", DEFAULTS[scope])
    return parse_rate_limit(value)


def _count(scope, ident):
    limit = _limit(scope)
    if limit is None:
        return None
    now = time.time()
    window = int(now // limit.seconds)
    key = f"alerts:rate:{scope}:{ident}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=limit.seconds + 1)
        count = 1
    if count > limit.requests:
        return Refusal(scope, max(1, math.ceil((window + 1) * limit.seconds - now)))
    return None


def client_refusal(request):
    """Count a sign-up from this client; a ``Refusal`` when it is one too many."""
    return _count("client", client_address(request))


def address_refusal(address):
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return _count("address", digest)
