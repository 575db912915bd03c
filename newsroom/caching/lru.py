"""A bounded map, least recently used out first: the one shape of every worker-local store here
(whole pages in ``pagecache.py``, cards and feed bodies in ``fragments.py``, per-generation
values and day histograms in ``memo.py``).

Reads take no lock (a dict lookup and ``move_to_end`` are atomic under the GIL); writes do, so
the running total stays exact when the warming thread and request threads store at once.
"""

import threading
from collections import OrderedDict


def one(value):
    return 1


class LRU:
    def __init__(self, limit, size=one):
        """At most ``limit`` in total of ``size(value)`` (1 per value by default)."""
        self.limit = limit
        self.size = size
        self.total = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def __len__(self):
        return len(self.entries)

    def get(self, key, default=None):
        found = self.entries.get(key, default)
        if found is not default:
            try:  # noqa: SIM105 - suppress() costs a context manager on every hit
                self.entries.move_to_end(key)
            except KeyError:  # evicted by another thread meanwhile
                pass
        return found

    def set(self, key, value):
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.total -= self.size(old)
            self.entries[key] = value
            self.total += self.size(value)
            while self.total > self.limit and self.entries:
                _, evicted = self.entries.popitem(last=False)
                self.total -= self.size(evicted)

    def remember(self, key, compute, keep_none=True):
        """The value kept for ``key``, or ``compute()``'s, kept now (a None only if
        ``keep_none``)."""
        found = self.get(key, _MISSING)
        if found is _MISSING:
            found = compute()
            if found is not None or keep_none:
                self.set(key, found)
        return found

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.total = 0


_MISSING = object()
