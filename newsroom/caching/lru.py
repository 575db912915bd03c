"""A bounded map, least recently used out first: the one shape of every worker-local store here
(whole pages in ``pagecache.py``, cards and feed bodies in ``fragments.py``, per-generation
values and day histograms in ``memo.py``).

The bookkeeping is cachetools' ``LRUCache`` (sizes through ``getsizeof``). Its caches are not
thread-safe (its documentation asks callers to synchronise access), and these stores are shared
by a worker's request threads and the page cache's warming thread, so every access takes the
lock; a read that finds a value also makes it the most recently used, a write to the cache.
"""

import copy
import threading

import cachetools


class LRU:
    def __init__(self, limit, size=None):
        """At most ``limit`` in total of ``size(value)`` (1 per value by default)."""
        self.entries = cachetools.LRUCache(limit, getsizeof=size)
        self.lock = threading.Lock()

    @property
    def limit(self):
        return self.entries.maxsize

    @property
    def total(self):
        return self.entries.currsize

    def __len__(self):
        return len(self.entries)

    def get(self, key, default=None):
        with self.lock:
            return self.entries.get(key, default)

    def set(self, key, value):
        with self.lock:
            try:
                self.entries[key] = value
            except ValueError:  # larger than the whole store: not kept, nor an older value
                self.entries.pop(key, None)

    def remember(self, key, compute, keep_none=True):
        """The value kept for ``key``, or ``compute()``'s, kept now (a None only if
        ``keep_none``)."""
        found = self.get(key, _MISSING)
        if found is _MISSING:
            found = compute()
            if found is not None or keep_none:
                self.set(key, found)
        return found

    def items(self):
        """A copy of the (key, value) pairs; reading it makes none of them recently used."""
        with self.lock:
            snapshot = copy.copy(self.entries)
        return list(snapshot.items())

    def clear(self):
        with self.lock:
            self.entries.clear()


_MISSING = object()
