"""Fixed-window counters of public forms (alerts sign-up, accreditation requests), so nobody
can use a form to flood someone else's inbox or the press office's queue.

Counted in the Django cache (the in-process one, or the shared Redis when REDIS_URL is set, so
every app server counts together), like the API's limit in ``core/http.py``. A form names its
counter (``"alerts"``) and a scope (``"client"``, ``"address"``); e-mail addresses are counted
under a digest (``digest()``), so the cache never holds them.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache

from .http_settings import parse_rate_limit


@dataclass(frozen=True)
class Refusal:
    scope: str
    retry_after: int

    @property
    def minutes(self):
        return max(1, round(self.retry_after / 60))


def digest(value):
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def hit(name, ident, limit):
    """Count one use by ``ident`` in the current window of ``limit`` (a ``RateLimit``):
    (uses so far in the window, seconds until it ends)."""
    now = time.time()
    window = int(now // limit.seconds)
    key = f"{name}:{ident}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=limit.seconds + 1)
        used = 1
    return used, max(1, math.ceil((window + 1) * limit.seconds - now))


def count(counter, scope, ident, rate):
    """Count one use of ``counter`` by ``ident`` against ``rate`` ("10/hour", "off"); a
    ``Refusal`` when it is one too many, else None."""
    limit = parse_rate_limit(rate)
    if limit is None:
        return None
    used, reset = hit(f"{counter}:rate:{scope}", ident, limit)
    return Refusal(scope, reset) if used > limit.requests else None
