"""One set-up at a time: app servers started together on one database must not all migrate it.

``newsroom setup`` (and ``newsroom run``) hold this lock while they migrate, collect static
files and load the demo. On PostgreSQL it is a session advisory lock, taken on a connection of
its own so that nothing the set-up does to Django's connection can drop it; on SQLite, a file
lock beside the database. The server that waits finds the work done and changes nothing.
"""

import contextlib
import fcntl

from django.conf import settings
from django.db import connections

# Any fixed number: the lock's name among this database's advisory locks.
ADVISORY_LOCK_ID = 0x6E657773  # "news"
WAITING = "Another server is setting up this database: waiting for it to finish..."


@contextlib.contextmanager
def setup_lock(alias="default", say=print):
    wrapper = connections[alias]
    if wrapper.vendor == "postgresql":
        with _advisory_lock(wrapper, say):
            yield
    else:
        with _file_lock(say):
            yield


@contextlib.contextmanager
def _advisory_lock(wrapper, say):
    raw = wrapper.get_new_connection(wrapper.get_connection_params())
    try:
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_ID])
            if not cursor.fetchone()[0]:
                say(WAITING, flush=True)
                cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_ID])
        yield
    finally:
        raw.close()  # ends the session, which releases the lock even if unlocking failed


@contextlib.contextmanager
def _file_lock(say):
    path = settings.DATA_DIR / "setup.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(WAITING, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
