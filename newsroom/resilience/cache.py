"""The shared cache (Redis) with a fallback: when Redis is unreachable, this process's memory.

``ResilientRedisCache`` is django-redis's backend, except that a connection error does not
reach the caller: the call is answered by a per-process in-memory cache instead, a warning is
logged once per outage, and Redis is tried again at most once per ``RETRY_SECONDS``. The first
call that reaches Redis again ends the outage and sends ``shared_cache_recovered`` (the page
cache then moves the site generation on, since a publish made during the outage could not tell
the other servers). While the cache is ``degraded``, the page cache lets every request through
to Django: pages stay correct, only slower.

Only the standard Django cache API falls back; Redis-only calls (``lock``, ``keys``…) still
raise, and nothing in Newsroom uses them.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.dispatch import Signal
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)
FALLBACK_METHODS = (
    "get",
    "set",
    "add",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "clear",
)

shared_cache_recovered = Signal()


class Outage:
    def __init__(self):
        self.down_since = None
        self.retry_at = 0.0
        self.lock = threading.Lock()


_outages = {}  # Redis address -> its Outage, for this process


class ResilientRedisCache(RedisCache):
    RETRY_SECONDS = 1.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self.retry_seconds = self.RETRY_SECONDS
        self.fallback = LocMemCache(
            f"newsroom-fallback-{id(self)}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
        )
        # Django makes one cache object per thread: the outage is shared by the whole process.
        self.outage = _outages.setdefault(str(server), Outage())

    @property
    def degraded(self):
        return self.outage.down_since is not None

    def _through(self, name, args, kwargs):
        outage = self.outage
        if outage.down_since is not None and time.monotonic() < outage.retry_at:
            return getattr(self.fallback, name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as error:
            self._went_down(error)
            return getattr(self.fallback, name)(*args, **kwargs)
        if outage.down_since is not None:
            self._came_back()
        return result

    def _went_down(self, error):
        outage = self.outage
        with outage.lock:
            outage.retry_at = time.monotonic() + self.retry_seconds
            if outage.down_since is not None:
                return
            outage.down_since = time.time()
        logger.warning(
            "Redis is unreachable (%s): this process uses its own memory as cache until it returns",
            error,
        )

    def _came_back(self):
        with self.outage.lock:
            if self.outage.down_since is None:
                return
            outage = time.time() - self.outage.down_since
            self.outage.down_since = None
        self.fallback.clear()
        logger.warning("Redis is reachable again after %.1f s: the shared cache is back", outage)
        shared_cache_recovered.send(sender=type(self), cache=self)


def _fallback_method(name):
    def method(self, *args, **kwargs):
        return self._through(name, args, kwargs)

    method.__name__ = name
    return method


for _name in FALLBACK_METHODS:
    setattr(ResilientRedisCache, _name, _fallback_method(_name))
