"""The site generation: one number that changes whenever anything a reader sees changes.

Every cached page is stored under the generation current when it was rendered; bumping the
generation makes every stored page unreachable at once, in every worker and on every app server
that shares the store. Two stores:

* the shared Django cache (Redis, from ``REDIS_URL``): app servers on several machines;
* a file in the data folder, when the cache is in-process (embedded mode): the workers of one
  machine see a bump through ``stat()``.

Reading Redis costs a network round trip, and a ``stat()`` a system call on the page cache's
hit path, so each worker keeps the value it read for ``NEWSROOM_PAGE_CACHE_GENERATION_TTL``
seconds (0.25 by default): a publish is visible everywhere within that time, and at once in
the worker that made it.

A value reads ``"<epoch>:<count>"``. Every bump changes the count; a *hard* bump — any change
but a news item's new live revision: a withdrawal, a move, a topic or section publish, an image,
person or settings change (see ``invalidation.py``) — also changes the epoch. Within one epoch
(``same_epoch``) the page cache may answer with a previous generation's copy of a page while it
renders the new one, and rendered pieces of items are reused (``fragments.py``): what was
withdrawn is never served again.
"""

import contextlib
import itertools
import os
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "pagecache:generation"
EPOCH_KEY = "pagecache:generation-epoch"
LOCAL_BACKENDS = ("LocMemCache", "DummyCache", "FileBasedCache")


def cache_is_shared(alias="default"):
    backend = settings.CACHES[alias]["BACKEND"]
    return not backend.endswith(LOCAL_BACKENDS)


def same_epoch(value, other):
    """Whether two generation values lie within one epoch (no withdrawal between them)."""
    epoch, separator, _ = value.partition(":")
    return bool(separator) and other.startswith(epoch + ":")


class CacheGeneration:
    """The generation as a counter in the shared cache (Redis)."""

    def __init__(self, alias="default", ttl=0.25):
        self.cache = caches[alias]
        self.ttl = ttl
        self._value = None
        self._read_at = 0.0
        self._bumps = 0

    def current(self, fresh=False):
        """The generation, read again at most every ``ttl`` seconds, or now if ``fresh``."""
        now = time.monotonic()
        degraded = getattr(self.cache, "degraded", False)
        if self._value is None or now - self._read_at >= self.ttl or degraded or fresh:
            bumps = self._bumps
            value = self._read()
            if self._bumps == bumps:  # else Redis came back during the read and was bumped
                self._value, self._read_at = value, now
        if getattr(self.cache, "degraded", False):
            # Redis is unreachable (newsroom/resilience/cache.py): no value is shared with the
            # other servers, so none may be reused: a new one on every call keeps anything keyed
            # by the generation (the page cache, listing histograms) from going stale.
            self._value = None
            return "unshared-" + secrets.token_hex(8)
        return self._value

    def _read(self):
        found = self.cache.get_many([GENERATION_KEY, EPOCH_KEY])
        if len(found) < 2:
            # First use, or the cache was flushed: start from random values, so that pages
            # stored under an earlier count cannot come back.
            self.cache.add(GENERATION_KEY, secrets.randbelow(2**31), timeout=None)
            self.cache.add(EPOCH_KEY, secrets.token_hex(4), timeout=None)
            found = self.cache.get_many([GENERATION_KEY, EPOCH_KEY])
        return f"{found.get(EPOCH_KEY)}:{found.get(GENERATION_KEY)}"

    def bump(self, hard=False):
        if hard:  # the epoch first: a reader between the two writes sees a new value anyway
            self.cache.set(EPOCH_KEY, secrets.token_hex(4), timeout=None)
        try:
            self.cache.incr(GENERATION_KEY)
        except ValueError:  # not there yet
            self.cache.add(GENERATION_KEY, secrets.randbelow(2**31), timeout=None)
            self.cache.incr(GENERATION_KEY)
        self._bumps += 1
        self._value, self._read_at = self._read(), time.monotonic()
        return self._value


class FileGeneration:
    """The generation as the identity of a small file (and the epoch as that of a second one,
    ``<name>-epoch``), for the workers of one machine.

    With a ``ttl``, a worker stats the files at most that often (the page cache's hit path
    asks on every request); a bump made in this process is seen at once."""

    def __init__(self, path, ttl=0.0):
        self.path = Path(path)
        self.epoch_path = self.path.with_name(self.path.name + "-epoch")
        self.ttl = ttl
        self._value = None
        self._read_at = 0.0

    def current(self, fresh=False):
        if self.ttl:
            now = time.monotonic()
            if self._value is None or now - self._read_at >= self.ttl or fresh:
                self._value, self._read_at = self._read(), now
            return self._value
        return self._read()

    def _read(self):
        return f"{self._identity(self.epoch_path)}:{self._identity(self.path)}"

    def _identity(self, path):
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            self._write(path, create_only=True)
            stat = os.stat(path)
        return f"{stat.st_ino}.{stat.st_mtime_ns}"

    def bump(self, hard=False):
        if hard:
            self._write(self.epoch_path, create_only=False)
        self._write(self.path, create_only=False)
        self._value, self._read_at = self._read(), time.monotonic()
        return self._value

    def _write(self, path, create_only):
        # A new file renamed over the old one: a new inode, so the value changes even when two
        # bumps fall within the file system's timestamp resolution. The first file is linked
        # into place only if none exists, so processes starting together agree on it.
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
        with os.fdopen(handle, "w") as file:
            file.write(secrets.token_hex(8))
        if create_only:
            with contextlib.suppress(FileExistsError):  # another process was first
                os.link(temporary, path)
            os.unlink(temporary)
        else:
            os.replace(temporary, path)


def generation_store():
    """The store this configuration needs: the shared cache when there is one, else a file."""
    if cache_is_shared():
        return CacheGeneration(ttl=settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL)
    return FileGeneration(
        settings.NEWSROOM_PAGE_CACHE_GENERATION_FILE,
        ttl=settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL,
    )


_store = None


def get_store():
    global _store
    if _store is None:
        _store = generation_store()
    return _store


def reset_store():
    """Forget the store (tests change settings between cases)."""
    global _store
    _store = None


def current():
    return get_store().current()


def bump(hard=False):
    """A new generation; ``hard`` for a new epoch (no older copy or fragment may be served)."""
    return get_store().bump(hard=hard)


# A second, process-local counter: a page saved in this process (maybe inside a transaction not
# committed yet, or without a revision, as fixtures and factories do) makes values memoised in
# this process stale at once, before and besides any bump of the shared generation.
_local_versions = itertools.count()
_local_version = [next(_local_versions)]


def content_saved():
    _local_version[0] = next(_local_versions)


def local_version():
    return _local_version[0]


def generation_key():
    """What values kept until the site changes are stored under: the generation and this
    process's local version."""
    return (current(), local_version())


def epoch_key():
    """What values kept for the epoch are stored under: the epoch (the generation's part before
    the colon) and this process's local version."""
    return (current().partition(":")[0], local_version())
