"""One lock shared by every worker and app server, so exactly one of them publishes a due item.

- PostgreSQL: a transaction-level advisory lock (``pg_try_advisory_xact_lock``); released by the
  database when the transaction ends, even if the process dies.
- Redis (``REDIS_URL`` set, another database): a Redis lock with a timeout, so a dead holder
  never blocks the others for long.
- Otherwise (SQLite, one machine): ``flock`` on a file in the data folder; the kernel releases
  it when the process dies.

``try_lock()`` never waits: a worker that does not get the lock skips this round, the holder
does the work. Every publish happens inside the lock and its transaction commits before the lock
is released, so the next holder sees the item as published and does not publish it again.
"""

import contextlib
import fcntl
import os

from django.conf import settings
from django.db import connection, transaction

# Arbitrary but fixed: the advisory-lock key of "newsroom scheduler".
ADVISORY_KEY = 7_453_201_188


def backend_name():
    if connection.vendor == "postgresql":
        return "postgresql"
    if settings.REDIS_URL:
        return "redis"
    return "file"


@contextlib.contextmanager
def try_lock():
    """Yield True when this process holds the scheduler lock, False when another one does."""
    backend = backend_name()
    if backend == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [ADVISORY_KEY])
            yield bool(cursor.fetchone()[0])
    elif backend == "redis":
        with _redis_lock() as held:
            yield held
    else:
        with _file_lock() as held:
            yield held


@contextlib.contextmanager
def _redis_lock():
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    name = f"{settings.NEWSROOM_CACHE_PREFIX}:scheduler-lock"
    lock = client.lock(name, timeout=settings.NEWSROOM_SCHEDULER_LOCK_TIMEOUT, blocking=False)
    held = lock.acquire(blocking=False)
    try:
        yield held
    finally:
        if held:
            with contextlib.suppress(Exception):  # expired meanwhile: nothing left to release
                lock.release()
        client.close()


@contextlib.contextmanager
def _file_lock():
    path = settings.NEWSROOM_SCHEDULER_LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
